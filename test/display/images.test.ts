import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { showImages } from "../../src/index.js";
import { demoImage } from "../../src/io/images.js";
import { captureDisplays } from "../helpers/capture.js";

test("showImages sends the pictures inline, side by side, with captions", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "concurrence-images-"));
  const files = [0, 1].map((i) => {
    const file = path.join(dir, `image-${i}.png`);
    writeFileSync(file, demoImage(40, 20, "sports", i));
    return file;
  });
  const displays = captureDisplays();
  try {
    showImages(files, { width: 120 });
  } finally {
    displays.restore();
  }
  assert.equal(displays.sent.length, 1);
  const { data } = displays.sent[0];
  const html = String(data["text/html"]);
  const sources = [...html.matchAll(/src="data:image\/png;base64,([^"]+)"/g)].map((m) => Buffer.from(m[1], "base64"));
  assert.deepEqual(sources, [demoImage(40, 20, "sports", 0), demoImage(40, 20, "sports", 1)]);
  assert.match(html, /<img [^>]*width="120"/);
  assert.match(html, /<figcaption[^>]*>image-1\.png<\/figcaption>/);
  assert.equal(data["text/plain"], "2 images: image-0.png, image-1.png");
});

test("showImages refuses what it cannot show", () => {
  assert.throws(() => showImages("image.png" as never), TypeError);
  assert.throws(() => showImages(["notes.txt"]), { name: "RangeError", message: /\.png, \.jpg/ });
  assert.throws(() => showImages(["a.png"], { captions: [] }), RangeError);
  assert.throws(() => showImages(["a.png"], { width: 0 }), RangeError);
});
