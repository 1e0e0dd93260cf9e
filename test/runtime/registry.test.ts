import assert from "node:assert/strict";
import { test } from "node:test";
import { beginCell, interruptAll, liveResources, register, type Resource } from "../../src/runtime/registry.js";
import { ThreadPool } from "../../src/index.js";

function fake(): Resource & { interrupted: number; disposed: number } {
  return {
    interrupted: 0,
    disposed: 0,
    interrupt() {
      this.interrupted++;
    },
    async dispose() {
      this.disposed++;
    },
  };
}

test("re-running a cell disposes what its previous run created, and only that", async () => {
  await beginCell("cell-a");
  const a = fake();
  register(a);
  await beginCell("cell-b");
  const b = fake();
  register(b);
  await beginCell("cell-a");
  assert.equal(a.disposed, 1);
  assert.equal(b.disposed, 0);
  await beginCell("cell-b");
  assert.equal(b.disposed, 1);
});

test("interrupt reaches every live resource", async () => {
  await beginCell(undefined);
  const r = fake();
  const forget = register(r);
  interruptAll(new Error("stop"));
  assert.equal(r.interrupted, 1);
  forget();
});

test("a pool re-created by a re-run cell replaces the old one", async () => {
  const before = liveResources();
  await beginCell("pool-cell");
  const first = new ThreadPool({ workers: 1 });
  await beginCell("pool-cell");
  const second = new ThreadPool({ workers: 1 });
  assert.equal(liveResources(), before + 1);
  await assert.rejects(first.submit(() => 1), /fermé/);
  assert.equal(await second.submit(() => 2), 2);
  await second.close();
  await beginCell(undefined);
});
