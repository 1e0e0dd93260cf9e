// Every iopub message reaches a client, however many the kernel sends (kernel/sends.ts):
// zeromq.js used to refuse the sends made while its 513th one waited for the event loop.
import assert from "node:assert/strict";
import { test } from "node:test";
import { KernelSession, streamOf } from "../helpers/kernel.js";

test("the issue's cell run 20 times on one client: each run shows its 30 outputs and ends idle", { timeout: 180_000 }, async (t) => {
  const kernel = await KernelSession.start();
  t.after(() => kernel.shutdown());
  assert.equal((await kernel.execute('import { show } from "concurrence";')).reply.status, "ok", kernel.log);
  for (let run = 0; run < 20; run++) {
    // `collect` fails if the run's `idle` status does not come.
    const shown = await kernel.execute('for (let i = 0; i < 30; i++) show("x" + i)', { timeout: 20 });
    assert.equal(shown.reply.status, "ok", `run ${run}: ${JSON.stringify(shown.reply)}\n${kernel.log}`);
    const texts = shown.outputs.filter((o) => o.msg_type === "display_data").map((o) => (o.content.data as Record<string, unknown>)["text/plain"]);
    assert.deepEqual(texts, Array.from({ length: 30 }, (_, i) => `'x${i}'`), `run ${run}`);
  }
});

test("2000 prints over one client, 500 a cell, all arrive in order", { timeout: 180_000 }, async (t) => {
  const kernel = await KernelSession.start();
  t.after(() => kernel.shutdown());
  const expected = Array.from({ length: 500 }, (_, i) => `${i}\n`).join("");
  // 500 a cell: the kernel's iopub socket queues 1000 messages, then drops (zeromq's high-water
  // mark), and a loaded machine may not move any of a burst to the network while the cell runs.
  for (let cell = 0; cell < 4; cell++) {
    const printed = await kernel.execute("for (let i = 0; i < 500; i++) console.log(i)", { timeout: 30 });
    assert.equal(printed.reply.status, "ok", `cell ${cell}: ${JSON.stringify(printed.reply)}\n${kernel.log}`);
    assert.equal(streamOf(printed), expected, `cell ${cell}`);
  }
});
