// A kernel outlives no Jupyter server: when the process that started it is gone, it exits.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { isRunning } from "../helpers/kernel.js";

test("a process watching its parent with exitWithParent() ends soon after the parent dies", { timeout: 30_000 }, async () => {
  const parentJs = path.join(__dirname, "..", "..", "kernel", "parent.js");
  // The parent starts a detached child (as jupyter_client starts kernels), prints its pid, and exits.
  const child = `require(${JSON.stringify(parentJs)}).exitWithParent(100); setInterval(() => {}, 1000);`;
  const parent = `const c = require("node:child_process").spawn(process.execPath, ["-e", ${JSON.stringify(child)}], { detached: true, stdio: "ignore", env: { ...process.env, JPY_PARENT_PID: String(process.pid) } }); console.log(c.pid); setTimeout(() => process.exit(0), 500);`;
  const run = spawn(process.execPath, ["-e", parent], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  run.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => run.once("exit", resolve));
  const pid = Number(out.trim());
  assert.ok(pid > 0, `the child's pid: ${out}`);
  try {
    for (let i = 0; i < 100 && isRunning(pid); i++) await sleep(100);
    assert.equal(isRunning(pid), false, "the orphan ended by itself");
  } finally {
    if (isRunning(pid)) process.kill(pid, "SIGKILL");
  }
});
