// The stop button, again and again: whether the cell awaits or loops without yielding, the
// kernel is idle again within 2 s, and keeps its state.
import assert from "node:assert/strict";
import { performance } from "node:perf_hooks";
import { test } from "node:test";
import { KernelSession, type Execution } from "../helpers/kernel.js";

const ROUNDS = 20;

/**
 * Sends `code`, waits for it to print `marker`, interrupts at once, and gives the outcome and
 * the seconds it took (kernel/sigint.ts keeps a SIGINT landing as the synchronous part ends).
 */
async function interruptWhenRunning(kernel: KernelSession, code: string, marker: string, how: "signal" | "message") {
  const msgId = await kernel.send(code);
  await kernel.until(msgId, marker);
  const start = performance.now();
  if (how === "signal") await kernel.interrupt();
  else {
    const reply = await kernel.request("interrupt_request", {}, "control");
    assert.deepEqual([reply.reply_type, reply.reply], ["interrupt_reply", { status: "ok" }]);
  }
  const done = await kernel.collect(msgId, 30);
  return { done, seconds: (performance.now() - start) / 1000 };
}

function assertInterrupted(done: Execution, round: string): void {
  assert.equal(done.reply.status, "error", `${round}: ${JSON.stringify(done.reply)}`);
  assert.equal(done.reply.ename, "KeyboardInterrupt", round);
  const error = done.outputs.find((o) => o.msg_type === "error");
  assert.equal(error?.content.ename, "KeyboardInterrupt", `${round}: the cell shows the interruption`);
}

test(`${ROUNDS} interrupts during an await, ${ROUNDS} during a synchronous loop: idle within 2 s each time`, { timeout: 10 * 60_000 }, async (t) => {
  const kernel = await KernelSession.start();
  t.after(() => kernel.shutdown());
  assert.equal((await kernel.execute("let hits = 0;")).reply.status, "ok");
  const slowest = { await: 0, loop: 0 };

  for (let round = 1; round <= ROUNDS; round++) {
    const awaiting = await interruptWhenRunning(kernel, 'hits++;\nconsole.log("en attente");\nawait new Promise((r) => setTimeout(r, 600_000));', "en attente", "signal");
    assertInterrupted(awaiting.done, `await, round ${round}`);
    assert.ok(awaiting.seconds < 2, `await, round ${round}: idle after ${awaiting.seconds.toFixed(2)} s\n${kernel.log}`);
    slowest.await = Math.max(slowest.await, awaiting.seconds);

    const looping = await interruptWhenRunning(kernel, 'hits++;\nconsole.log("en boucle");\nfor (;;) {}', "en boucle", "signal");
    assertInterrupted(looping.done, `loop, round ${round}`);
    assert.ok(looping.seconds < 2, `loop, round ${round}: idle after ${looping.seconds.toFixed(2)} s\n${kernel.log}`);
    slowest.loop = Math.max(slowest.loop, looping.seconds);
  }

  // The same kernel, with its state: every interrupted cell had counted itself.
  const state = await kernel.execute("hits");
  assert.deepEqual(state.outputs.find((o) => o.msg_type === "execute_result")?.content.data, { "text/plain": String(2 * ROUNDS) });
  t.diagnostic(`slowest return to idle: ${slowest.await.toFixed(2)} s after an await, ${slowest.loop.toFixed(2)} s after a loop`);
});

test("an interrupt_request on the control channel stops an awaiting cell too", { timeout: 120_000 }, async (t) => {
  const kernel = await KernelSession.start();
  t.after(() => kernel.shutdown());
  const { done } = await interruptWhenRunning(kernel, 'console.log("en attente");\nawait new Promise((r) => setTimeout(r, 600_000));', "en attente", "message");
  assertInterrupted(done, "interrupt_request");
  assert.equal((await kernel.execute("1 + 1")).reply.status, "ok");
});

const TIGHT = 50;

test(`${TIGHT} tight interrupts in a row, landing around the end of a cell's synchronous part: each ends its cell`, { timeout: 10 * 60_000 }, async (t) => {
  const kernel = await KernelSession.start();
  t.after(() => kernel.shutdown());
  let slowest = 0;
  for (let round = 1; round <= TIGHT; round++) {
    // The synchronous part goes on 0 to 9 ms after its print, so the stop button lands before,
    // at, and after the moment Node's vm hands the cell over to its await.
    const spin = round % 10;
    const code = `console.log("prêt");\nconst t0 = Date.now();\nwhile (Date.now() - t0 < ${spin}) {}\nawait new Promise((r) => setTimeout(r, 600_000));`;
    const msgId = await kernel.send(code);
    await kernel.until(msgId, "prêt");
    const start = performance.now();
    await kernel.interrupt();
    const done = await kernel.collect(msgId, 30);
    const seconds = (performance.now() - start) / 1000;
    assertInterrupted(done, `tight, round ${round} (spin ${spin} ms)`);
    slowest = Math.max(slowest, seconds);
  }
  assert.equal((await kernel.execute("1 + 1")).reply.status, "ok");
  t.diagnostic(`slowest of ${TIGHT} tight interrupts: ${slowest.toFixed(2)} s`);
});
