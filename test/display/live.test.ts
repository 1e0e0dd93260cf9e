import assert from "node:assert/strict";
import { test } from "node:test";
import { inflateSync } from "node:zlib";
import { live, plots, show } from "../../src/index.js";
import { settle } from "../../src/runtime/registry.js";
import { captureDisplays } from "../helpers/capture.js";

test("a live display sends one display, then updates it in place, drawing only the latest of a burst", async () => {
  const displays = captureDisplays();
  try {
    const view = live();
    await view.update(plots.bars([{ k: "a", v: 1 }], { x: "k", y: "v" }));
    for (let v = 2; v <= 10; v++) void view.update(plots.bars([{ k: "a", v }], { x: "k", y: "v" }));
    await settle(); // what the kernel waits for before it replies
    await view.update("fini");
  } finally {
    displays.restore();
  }
  const { sent } = displays;
  assert.equal(sent[0].update, false);
  assert.ok(sent.slice(1).every((d) => d.update), "the next ones are updates");
  assert.equal(new Set(sent.map((d) => d.transient.display_id)).size, 1, "all with the same display id");
  assert.ok(sent.length < 11, `a burst is coalesced: ${sent.length} sends for 11 updates`);
  const lastPlot = sent.at(-2)!.data["application/vnd.vegalite.v5+json"] as { data: { values: Array<{ v: number }> } };
  assert.equal(lastPlot.data.values[0].v, 10, "the latest value of the burst is drawn");
  assert.ok(sent.at(-2)!.data["image/svg+xml"], "with its SVG");
  assert.equal(sent.at(-1)!.data["text/plain"], "'fini'");
});

test("show(image) sends a PNG of the right size", async () => {
  const displays = captureDisplays();
  try {
    const data = new Uint8ClampedArray(3 * 2 * 4).fill(255);
    await show({ width: 3, height: 2, data });
  } finally {
    displays.restore();
  }
  const { data } = displays.sent[0];
  assert.equal(data["text/plain"], "<image 3×2>");
  const png = Buffer.from(String(data["image/png"]), "base64");
  assert.equal(png.subarray(1, 4).toString(), "PNG");
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [3, 2], "IHDR width and height");
  const idat = png.indexOf("IDAT");
  const pixels = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
  assert.equal(pixels.length, 2 * (1 + 3 * 4), "two filtered rows of 3 RGBA pixels");
});
