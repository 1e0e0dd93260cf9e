// A model written in a notebook cell, as the lesson writes it, through the real kernel (tslab
// compiles it, type-checks the generators against model()'s types, and runs it).
import assert from "node:assert/strict";
import { test } from "node:test";
import { KernelSession, streamOf } from "../helpers/kernel.js";

const CELL = `
import { model, explore, replay, acquire, release, tryAcquire } from "concurrence";
const perte = model({
  name: "mise à jour perdue",
  shared: { x: 0 },
  locks: ["verrou"],
  threads: {
    A: function* (s, local) {
      local.t = s.x;         yield "lire";
      local.t = local.t + 1; yield "ajouter";
      s.x = local.t;         yield "écrire";
    },
    B: function* (s, local) {
      const ok: boolean = yield tryAcquire("verrou");
      if (ok) yield release("verrou");
      local.t = s.x;         yield "lire";
      local.t = local.t + 1; yield "ajouter";
      s.x = local.t;         yield "écrire";
    },
  },
});
const r = explore(perte);
const lignes = replay(perte, r.outcomes[0].example);
console.log(JSON.stringify({ n: r.interleavings, finals: r.outcomes.map((o) => [o.final.x, o.count]), line: lignes[0].line }));
`;

test("a model in a cell: tslab type-checks its generators, and explore() runs it", { timeout: 120_000 }, async (t) => {
  const kernel = await KernelSession.start();
  t.after(() => kernel.shutdown());
  const run = await kernel.execute(CELL, { timeout: 60 });
  assert.equal(run.reply.status, "ok", `${JSON.stringify(run.reply)}\n${JSON.stringify(run.outputs)}\n${kernel.log}`);
  const got = JSON.parse(streamOf(run).trim().split("\n").pop()!) as { n: number; finals: [number, number][]; line: number };
  const total = got.finals.reduce((a, [, c]) => a + c, 0);
  assert.equal(got.n, total);
  assert.deepEqual(got.finals.map(([x]) => x), [1, 2]);
  assert.ok(got.line > 1, "the step's line is found in the cell's compiled code");
  const hidden = await kernel.execute(`model({ shared: { x: 0 }, threads: { A: function* (s) { const t = s.x; yield "lire"; s.x = t + 1; } } })`, { timeout: 30 });
  assert.equal(hidden.reply.status, "error");
  assert.match(`${String(hidden.reply.evalue)} ${JSON.stringify(hidden.outputs)}`, /local\.t/, JSON.stringify(hidden.reply));
});
