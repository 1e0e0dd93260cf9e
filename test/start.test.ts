// `npm start` serves JupyterLab on 127.0.0.1, with the course's kernel in its list.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { NOTEBOOKS, PROJECT_ROOT } from "../scripts/paths.js";
import { labArguments } from "../scripts/start.js";
import { descendants, isRunning } from "./helpers/kernel.js";
import { freePort } from "../scripts/ports.js";

async function waitFor<T>(probe: () => Promise<T>, seconds: number): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port }, () => (socket.destroy(), resolve(true)));
    socket.on("error", () => resolve(false));
  });
}

test("npm start serves JupyterLab on 127.0.0.1 with the kernel TypeScript (concurrence)", { timeout: 120_000 }, async () => {
  const port = await freePort();
  const token = randomBytes(12).toString("hex");
  const lab = spawn(process.execPath, [path.join(PROJECT_ROOT, "dist", "scripts", "start.js"), "--no-browser", `--port=${port}`, `--IdentityProvider.token=${token}`], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  lab.stderr!.on("data", (chunk) => (log += chunk));
  const exited = new Promise<void>((resolve) => lab.once("exit", () => resolve()));
  try {
    const specs = await waitFor(async () => {
      if (lab.exitCode !== null) throw new Error(`npm start exited with code ${lab.exitCode}`);
      const response = await fetch(`http://127.0.0.1:${port}/api/kernelspecs?token=${token}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as { default: string; kernelspecs: Record<string, { spec: { display_name: string } }> };
    }, 90).catch((error: Error) => assert.fail(`JupyterLab did not answer: ${error.message}\n${log.slice(-3000)}`));
    assert.equal(specs.default, "concurrence");
    assert.equal(specs.kernelspecs.concurrence?.spec.display_name, "TypeScript (concurrence)");

    const page = await fetch(`http://127.0.0.1:${port}/lab?token=${token}`);
    assert.equal(page.status, 200);

    const external = Object.values(os.networkInterfaces()).flat().find((a) => a && a.family === "IPv4" && !a.internal);
    if (external) assert.equal(await connects(external.address, port), false, `JupyterLab must not listen on ${external.address}`);
  } finally {
    // start.js passes SIGTERM on to JupyterLab; what still runs after 30 s is killed.
    const below = descendants(lab.pid!);
    lab.kill("SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 30_000)))]);
    clearTimeout(timer);
    for (const pid of [lab.pid!, ...below].filter(isRunning)) process.kill(pid, "SIGKILL");
  }
});

test("npm start serves notebooks/ unless given another folder", () => {
  const roots = (args: string[]) => labArguments(args).filter((a) => /^--(ServerApp\.root_dir|notebook-dir)/.test(a));
  assert.deepEqual(roots([]), [`--ServerApp.root_dir=${NOTEBOOKS}`]);
  assert.deepEqual(roots(["--ServerApp.root_dir=/srv/cours"]), ["--ServerApp.root_dir=/srv/cours"]);
  assert.deepEqual(roots(["--notebook-dir=/srv/cours"]), ["--notebook-dir=/srv/cours"]);
  assert.ok(labArguments([]).includes("--ServerApp.ip=127.0.0.1"));
});
