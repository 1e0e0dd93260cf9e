// A Lock has a comparable identity, the same in every thread it is passed to: lock ordering needs it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Lock, RLock, Thread } from "../../src/index.js";

test("each lock has its own id, increasing in the order locks are made, and a thread sees the same id", async () => {
  const [a, b, c] = [new Lock(), new RLock(), new Lock()];
  assert.ok(a.id < b.id && b.id < c.id, `${a.id} < ${b.id} < ${c.id}`);
  assert.ok(Number.isSafeInteger(a.id) && a.id > 0);
  const seen = await new Thread((x: Lock, y: Lock, z: Lock) => [x.id, y.id, z.id], a, b, c).start().join();
  assert.deepEqual(seen, [a.id, b.id, c.id]);
});

test("locks made in a worker thread do not collide with the kernel's", async () => {
  const kernel = new Lock();
  const made = await new Thread(() => {
    const { Lock } = require("concurrence");
    return [new Lock().id, new Lock().id] as number[];
  }).start().join();
  assert.equal(new Set([kernel.id, ...made]).size, 3);
  assert.ok(made[0] < made[1]);
});
