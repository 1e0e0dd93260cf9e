// shutdown_request, as JupyterLab sends it when a notebook is closed: the kernel answers,
// exits by itself, and leaves no thread or process behind, even busy ones.
import assert from "node:assert/strict";
import { test } from "node:test";
import { descendants, isRunning as alive, KernelSession, taskProcesses } from "../helpers/kernel.js";

async function waitUntil(condition: () => boolean, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

test("a shutdown_request ends the kernel and every process it started, busy or idle", { timeout: 180_000 }, async (t) => {
  const kernel = await KernelSession.start();
  t.after(() => kernel.shutdown());
  const started = await kernel.execute(
    'import { Process, ProcessPool, Thread, ThreadPool } from "concurrence";\n' +
      "const pp = new ProcessPool({ workers: 2 });\n" +
      "await pp.map((x: number) => x, [1, 2]);\n" +
      "const tp = new ThreadPool({ workers: 2 });\n" +
      "await tp.map((x: number) => x, [1, 2]);\n" +
      "new Process(() => { for (;;) {} }).start();\n" +
      "new Thread(() => { for (;;) {} }).start();\n" +
      'console.log("lancés");',
  );
  assert.equal(started.reply.status, "ok", JSON.stringify(started.outputs));
  await waitUntil(() => taskProcesses(kernel.pid).length >= 3, 30);
  assert.ok(taskProcesses(kernel.pid).length >= 3, `the pool's two processes and the busy one run: ${taskProcesses(kernel.pid)}`);
  const children = descendants(kernel.pid); // the virtual X display too: nothing may outlive the kernel

  const { reply, reply_type } = await kernel.request("shutdown_request", { restart: false }, "control");
  assert.deepEqual([reply_type, reply], ["shutdown_reply", { status: "ok", restart: false }]);
  assert.ok(await waitUntil(() => !alive(kernel.pid), 10), "the kernel exits by itself after its reply");
  assert.ok(await waitUntil(() => children.every((pid) => !alive(pid)), 10), `no child left: ${children.filter(alive)}`);
});
