import assert from "node:assert/strict";
import { test } from "node:test";
import { ThreadPool, trace } from "../../src/index.js";
import { settle } from "../../src/runtime/registry.js";
import { captureDisplays } from "../helpers/capture.js";

function spin(ms: number): number {
  const end = Date.now() + ms;
  while (Date.now() < end);
  return ms;
}

test("t.live() shows the timeline at once, updates that one display while tasks run, and draws the last frame at stop", async () => {
  const displays = captureDisplays();
  const pool = new ThreadPool({ workers: 2 });
  try {
    await pool.map(spin, [1, 1]);
    const t = trace();
    t.live({ intervalMs: 200 });
    for (let i = 0; i < 6; i++) await pool.map(spin, [120, 120]);
    t.stop();
    await settle(); // what the kernel waits for before it replies
  } finally {
    displays.restore();
    await pool.terminate();
  }
  const { sent } = displays;
  assert.ok(sent.length >= 3, `a first frame, updates and a last frame: ${sent.length}`);
  assert.equal(sent[0].update, false);
  assert.ok(sent.slice(1).every((d) => d.update), "then only updates");
  assert.equal(new Set(sent.map((d) => d.transient.display_id)).size, 1, "of one display");
  const last = sent.at(-1)!.data;
  const values = (last["application/vnd.vegalite.v5+json"] as { data: { values: Array<{ kind: string }> } }).data.values;
  assert.equal(values.filter((v) => v.kind === "task").length, 12, "the last frame has every task");
  assert.match(String(last["image/svg+xml"]), /^<svg/, "and its SVG, for exports");
});

test("t.live() refuses more than five frames a second", () => {
  const t = trace();
  try {
    assert.throws(() => t.live({ intervalMs: 50 }), RangeError);
    assert.throws(() => t.live({ intervalMs: "fast" as unknown as number }), TypeError);
  } finally {
    t.stop();
  }
});
