import assert from "node:assert/strict";
import { test } from "node:test";
import { plots, renderSvg } from "../../src/index.js";
import { speedupRows } from "../../src/plot/builders.js";

const rows = [
  { task: "CPU", mode: "threads", workers: 1, seconds: 1 },
  { task: "CPU", mode: "threads", workers: 2, seconds: 0.5 },
  { task: "CPU", mode: "threads", workers: 4, seconds: 0.4 },
  { task: "E/S", mode: "threads", workers: 1, seconds: 2 },
  { task: "E/S", mode: "threads", workers: 2, seconds: 2 },
];

test("specs are vega-lite v5 and carry the rows as data", () => {
  for (const spec of [plots.timeVsWorkers(rows), plots.speedup(rows), plots.bars(rows, { x: "mode", y: "seconds" })]) {
    assert.equal(spec.$schema, "https://vega.github.io/schema/vega-lite/v5.json");
    assert.equal((spec.data as { values: unknown[] }).values.length, rows.length);
  }
});

test("a facet splits the chart in panels", () => {
  const spec = plots.timeVsWorkers(rows, { facet: "task", title: "T" });
  assert.deepEqual(spec.facet, { column: { field: "task", type: "nominal", title: null } });
  assert.equal(spec.title, "T");
  assert.ok(Array.isArray((spec.spec as { layer: unknown[] }).layer));
});

test("speed-up is computed per mode and facet against the fewest workers", () => {
  const strong = speedupRows(rows, "strong", "task").map((r) => r.speedup);
  assert.deepEqual(strong, [1, 2, 2.5, 1, 1]);
  const weak = speedupRows(rows, "weak", "task").map((r) => r.speedup);
  assert.deepEqual(weak, [1, 4, 10, 1, 2]);
});

test("the speed-up chart draws the ideal line under the measured one", () => {
  const spec = plots.speedup(rows, { scaling: "weak" });
  const layers = spec.layer as Array<{ mark: { strokeDash?: number[] }; encoding: { y: { field: string } } }>;
  assert.deepEqual(layers.map((l) => l.encoding.y.field), ["workers", "speedup"]);
  assert.ok(layers[0].mark.strokeDash);
});

test("builders return copies: the caller's rows are untouched", () => {
  const mine = [{ mode: "a", workers: 1, seconds: 1 }];
  const spec = plots.speedup(mine);
  (spec.data as { values: Array<Record<string, unknown>> }).values[0].mode = "changed";
  assert.deepEqual(mine, [{ mode: "a", workers: 1, seconds: 1 }]);
});

test("renderSvg draws the chart in Node, marks included", async () => {
  const svg = await renderSvg(plots.timeVsWorkers(rows, { facet: "task" }));
  assert.match(svg, /^<svg[\s\S]*<\/svg>$/);
  assert.match(svg, /class="mark-line/);
  assert.match(svg, /E\/S/);
});

test("field names with dots or quotes are escaped, and the chart still renders", async () => {
  const data = [
    { "temps d'attente": 1.5, "mode.nom": "a" },
    { "temps d'attente": 2.5, "mode.nom": "b" },
  ];
  const spec = plots.bars(data, { x: "mode.nom", y: "temps d'attente" });
  const x = (spec.layer as Array<{ encoding: { x: { field: string; title: string } } }>)[0].encoding.x;
  assert.equal(x.field, "mode\\.nom");
  assert.equal(x.title, "mode.nom");
  assert.match(await renderSvg(spec), /temps d'attente/);
});

test("the workers axis has a tick at each measured count only", () => {
  const spec = plots.timeVsWorkers([
    { mode: "a", workers: 1, seconds: 1 },
    { mode: "a", workers: 2, seconds: 1 },
  ]);
  const x = (spec.layer as Array<{ encoding: { x: { axis: { values: number[] } } } }>)[0].encoding.x;
  assert.deepEqual(x.axis.values, [1, 2]);
});

test("a timeline draws one bar per row from start to end, one line per name", async () => {
  const trains = [
    { train: "train 1", start: 0, end: 0.3 },
    { train: "train 2", start: 0, end: 0.3 },
    { train: "train 3", start: 0.3, end: 0.6 },
  ];
  const spec = plots.timeline(trains, { lane: "train", title: "La voie" });
  const encoding = spec.encoding as Record<string, { field: string }>;
  assert.deepEqual([encoding.y.field, encoding.x.field, encoding.x2.field], ["train", "start", "end"]);
  assert.equal((spec.data as { values: unknown[] }).values.length, 3);
  assert.match(await renderSvg(spec), /<svg[\s\S]*mark-rect/);
});

test("lines: y against a quantitative x, one line per colour, optional log scales", () => {
  const sizes = [
    { size: 64, seconds: 0.001, mode: "cpu" },
    { size: 128, seconds: 0.01, mode: "cpu" },
  ];
  const spec = plots.lines(sizes, { x: "size", y: "seconds", color: "mode", logY: true, title: "t" }) as unknown as {
    layer: Array<{ encoding: Record<string, { field: string; type: string; scale?: { type: string } }> }>;
    data: { values: unknown[] };
  };
  const { x, y, color } = spec.layer[0].encoding;
  assert.deepEqual([x.field, x.type, x.scale], ["size", "quantitative", undefined]);
  assert.deepEqual([y.field, y.scale], ["seconds", { type: "log", nice: false }]);
  assert.equal(color.field, "mode");
  assert.deepEqual(spec.data.values, sizes);
  assert.notEqual(spec.data.values[0], sizes[0], "rows are copied");
  const plain = plots.lines(sizes, { x: "size", y: "seconds", points: false, yZero: false }) as unknown as {
    layer: Array<{ mark: { point: boolean }; encoding: { y: { scale?: object } } }>;
  };
  assert.equal(plain.layer[0].mark.point, false);
  assert.deepEqual(plain.layer[0].encoding.y.scale, { zero: false });
});
