import assert from "node:assert/strict";
import { test } from "node:test";
import { plots, renderSvg } from "../../src/index.js";

const rows = [
  { mode: "séquentiel", file: "a", start: 0, end: 0.1 },
  { mode: "séquentiel", file: "b", start: 0.1, end: 0.2 },
  { mode: "concurrent", file: "a", start: 0, end: 0.1 },
  { mode: "concurrent", file: "b", start: 0.01, end: 0.11 },
];

test("a timeline draws one bar per row from start to end, lanes in row order", async () => {
  const spec = plots.timeline(rows, { lane: "file", color: "mode", title: "Requêtes" });
  assert.equal(spec.$schema, "https://vega.github.io/schema/vega-lite/v5.json");
  const encoding = spec.encoding as Record<string, { field: string; sort?: unknown }>;
  assert.deepEqual([encoding.x.field, encoding.x2.field, encoding.y.field, encoding.color.field], ["start", "end", "file", "mode"]);
  assert.equal(encoding.y.sort, null);
  assert.equal((spec.data as { values: unknown[] }).values.length, 4);
  const svg = await renderSvg(spec);
  assert.equal((svg.match(/<path[^>]*aria-roledescription="bar"/g) ?? []).length, 4, "four bars");
});

test("a facet stacks one panel per value; custom fields are used", async () => {
  const renamed = rows.map(({ start, end, ...rest }) => ({ ...rest, from: start, to: end }));
  const spec = plots.timeline(renamed, { lane: "file", start: "from", end: "to", facet: "mode" });
  const row = (spec.facet as { row: { field: string; sort: unknown } }).row;
  assert.equal(row.field, "mode");
  assert.deepEqual(row.sort, ["séquentiel", "concurrent"], "panels in the order of the rows");
  const inner = (spec.spec as { encoding: Record<string, { field: string }> }).encoding;
  assert.deepEqual([inner.x.field, inner.x2.field], ["from", "to"]);
  assert.match(await renderSvg(spec), /^<svg/);
});
