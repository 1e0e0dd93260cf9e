import assert from "node:assert/strict";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { interval } from "rxjs";
import { bindToCell } from "../../src/index.js";
import { beginCell, interruptAll, liveResources } from "../../src/runtime/registry.js";

test("re-running a cell unsubscribes the streams and clears the timers bound to it", async () => {
  await beginCell("stream-cell");
  const before = liveResources();
  let ticks = 0;
  const subscription = bindToCell(interval(5).subscribe(() => ticks++));
  let timerTicks = 0;
  const timer = setInterval(() => timerTicks++, 5);
  bindToCell(() => clearInterval(timer));
  assert.equal(liveResources(), before + 2);
  await sleep(40);
  await beginCell("stream-cell");
  assert.ok(subscription.closed);
  const [a, b] = [ticks, timerTicks];
  assert.ok(a > 0 && b > 0);
  await sleep(40);
  assert.deepEqual([ticks, timerTicks], [a, b], "nothing ticks any more");
  assert.equal(liveResources(), before);
});

test("the stop button ends them too; bad arguments are refused", async () => {
  await beginCell(undefined);
  let disposed = 0;
  bindToCell({ dispose: () => disposed++ });
  interruptAll(new Error("stop"));
  interruptAll(new Error("stop again"));
  assert.equal(disposed, 1, "ended once");
  assert.throws(() => bindToCell(42 as never), { name: "TypeError", message: /^bindToCell prend un abonnement/ });
});
