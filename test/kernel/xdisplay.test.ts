// The kernel's virtual X display (kernel/xdisplay.ts) lives exactly as long as the kernel.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { GL, skipReason, XVFB } from "../helpers/optional.js";
import { descendants } from "../helpers/kernel.js";

const DIST = path.join(__dirname, "..", ".."); // dist/, where the compiled fixture and kernel are
const skip = process.platform !== "linux" ? "reads /proc" : skipReason([XVFB, GL]);

function withoutDisplay(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.NODE_TEST_CONTEXT; // else a child node writes test-runner messages, not our lines
  return env;
}

/** Every process below `pid`, with its command line. */
function processesBelow(pid: number): Array<{ pid: number; cmd: string }> {
  return descendants(pid).map((child) => {
    try {
      return { pid: child, cmd: readFileSync(`/proc/${child}/cmdline`, "utf8").replace(/\0/g, " ") };
    } catch {
      return { pid: child, cmd: "" }; // it ended meanwhile
    }
  });
}

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));

async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await sleep(50);
  }
}

async function xvfbUnder(child: ChildProcess): Promise<number> {
  let xvfb: number | undefined;
  await until(() => (xvfb = processesBelow(child.pid!).find((p) => /Xvfb -displayfd/.test(p.cmd))?.pid) !== undefined, "Xvfb runs");
  return xvfb!;
}

// Gets a virtual display the way the kernel does, prints it, then waits to be killed (or exits
// at once with "exit"). Inline: a file under dist/test would be run by `node --test` itself.
const HOLDER = `
  const { virtualDisplay } = require(${JSON.stringify(path.join(DIST, "kernel", "xdisplay.js"))});
  process.on("SIGINT", () => console.log("interrupted")); // like the kernel: SIGINT is the stop button
  virtualDisplay().then((display) => {
    console.log("display " + display);
    if (process.argv[1] === "exit") process.exit(0);
    setInterval(() => {}, 1000);
  });`;

function holder(...args: string[]): { child: ChildProcess; display: Promise<string> } {
  const child = spawn(process.execPath, ["-e", HOLDER, ...args], {
    env: withoutDisplay(),
    detached: true, // its own process group, like a kernel started by Jupyter
    stdio: ["ignore", "pipe", "inherit"],
  });
  const display = new Promise<string>((resolve, reject) => {
    let text = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      const match = /display (\S+)/.exec(text);
      if (match) resolve(match[1]);
    });
    child.on("exit", () => reject(new Error(`the holder exited: ${text}`)));
  });
  return { child, display };
}

test("Xvfb survives the stop button's SIGINT and dies when its process is SIGKILLed", { skip }, async (t) => {
  const { child, display } = holder();
  t.after(() => child.kill("SIGKILL"));
  const name = await display;
  assert.match(name, /^:\d+$/);
  const xvfb = await xvfbUnder(child);
  assert.ok(existsSync(`/tmp/.X11-unix/X${name.slice(1)}`), "the display's socket exists");

  process.kill(-child.pid!, "SIGINT"); // JupyterLab's interrupt reaches the kernel's whole process group
  await sleep(300);
  assert.ok(alive(xvfb), "Xvfb is still there after an interrupt");

  child.kill("SIGKILL");
  await until(() => !alive(xvfb), "Xvfb is gone after the SIGKILL");
});

test("Xvfb ends when its process exits normally", { skip }, async (t) => {
  const { child, display } = holder("exit");
  t.after(() => child.kill("SIGKILL"));
  const name = await display;
  await once(child, "exit");
  await until(() => !existsSync(`/tmp/.X11-unix/X${name.slice(1)}`), "the display's socket is removed");
});

test("the kernel starts Xvfb when there is no display, and leaves no orphan when killed", { skip }, async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "concurrence-xdisplay-"));
  const connection = path.join(dir, "kernel.json");
  const port = 20000 + Math.floor(Math.random() * 20000);
  writeFileSync(
    connection,
    JSON.stringify({
      transport: "tcp",
      ip: "127.0.0.1",
      shell_port: port,
      iopub_port: port + 1,
      stdin_port: port + 2,
      control_port: port + 3,
      hb_port: port + 4,
      key: "test",
      signature_scheme: "hmac-sha256",
    }),
  );
  const kernel = spawn(process.execPath, [path.join(DIST, "kernel", "launch.js"), connection], {
    env: withoutDisplay(),
    cwd: dir,
    detached: true,
    stdio: "ignore",
  });
  try {
    const xvfb = await xvfbUnder(kernel);
    await sleep(500);
    assert.ok(alive(xvfb), "Xvfb keeps running under the kernel");
    kernel.kill("SIGKILL");
    await until(() => !alive(xvfb), "Xvfb is gone after the kernel's SIGKILL");
    assert.deepEqual(processesBelow(kernel.pid!), []);
  } finally {
    kernel.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});
