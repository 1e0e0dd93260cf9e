import assert from "node:assert/strict";
import { test } from "node:test";
import { plots, progress, show, table } from "../../src/index.js";
import { captureDisplays } from "../helpers/capture.js";

const rows = [
  { mode: "threads", workers: 1, seconds: 0.5 },
  { mode: "threads", workers: 2, seconds: 0.25 },
];

test("show(spec) sends one display_data with vega-lite v5, SVG and text", async () => {
  const displays = captureDisplays();
  try {
    await show(plots.timeVsWorkers(rows, { title: "Temps" }));
  } finally {
    displays.restore();
  }
  assert.equal(displays.sent.length, 1);
  const { data, update } = displays.sent[0];
  assert.equal(update, false);
  assert.deepEqual(Object.keys(data).sort(), ["application/vnd.vegalite.v5+json", "image/svg+xml", "text/plain"]);
  assert.match(String(data["image/svg+xml"]), /^<svg/);
  assert.equal(data["text/plain"], "<vega-lite chart: Temps, 2 points>");
});

test("show(rows) displays a table; show(other) displays text", async () => {
  const displays = captureDisplays();
  try {
    await show(rows);
    await show(new Map([["a", 1]]));
  } finally {
    displays.restore();
  }
  assert.match(String(displays.sent[0].data["text/html"]), /<table/);
  assert.equal(displays.sent[1].data["text/plain"], "Map(1) { 'a' => 1 }");
});

test("table renders HTML and aligned text, escaping content", () => {
  const displays = captureDisplays();
  try {
    table([{ mode: "<b>", seconds: 1.23456 }, { mode: "x", seconds: 2 }], { caption: "Mesures" });
  } finally {
    displays.restore();
  }
  const { data } = displays.sent[0];
  assert.match(String(data["text/html"]), /<caption>Mesures<\/caption>/);
  assert.match(String(data["text/html"]), /&lt;b&gt;/);
  assert.equal(data["text/plain"], ["Mesures", "mode  seconds", "----  -------", "<b>     1.235", "x           2"].join("\n"));
  assert.throws(() => table("rows" as never), TypeError);
});

test("progress updates one display in place and ends full", () => {
  const displays = captureDisplays();
  try {
    const bar = progress(3, "calcul");
    bar.tick();
    bar.tick();
    bar.tick();
    assert.equal(bar.value, 3);
  } finally {
    displays.restore();
  }
  const ids = new Set(displays.sent.map((d) => d.transient.display_id));
  assert.equal(ids.size, 1);
  assert.deepEqual(displays.sent.map((d) => d.update).slice(0, 1), [false]);
  assert.ok(displays.sent.slice(1).every((d) => d.update));
  assert.match(String(displays.sent.at(-1)!.data["text/plain"]), /^calcul \[#{30}\] 3\/3/);
  assert.throws(() => progress(0), RangeError);
});
