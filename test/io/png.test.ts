import assert from "node:assert/strict";
import { test } from "node:test";
import * as zlib from "node:zlib";
import { inflateSync } from "node:zlib";
import { demoImage } from "../../src/io/images.js";
import { encodePng, PNG_SIGNATURE } from "../../src/io/png.js";

/** The chunks of a PNG: type and data, checking each length. */
function chunks(png: Buffer): Array<{ type: string; data: Buffer }> {
  const found = [];
  // zlib.crc32 exists from Node 20.15: an independent check of the encoder's own CRC.
  const crc32 = (zlib as unknown as { crc32?: (data: Buffer) => number }).crc32;
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    found.push({ type: png.toString("ascii", at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length) });
    if (crc32) assert.equal(png.readUInt32BE(at + 8 + length), crc32(png.subarray(at + 4, at + 8 + length)), "chunk CRC");
    at += 12 + length;
  }
  return found;
}

test("encodePng writes pixels that decode back unchanged", () => {
  const rgb = Uint8Array.from({ length: 3 * 4 * 2 }, (_, i) => (i * 37) % 256);
  const png = encodePng(4, 2, rgb);
  assert.deepEqual(png.subarray(0, 8), PNG_SIGNATURE);
  const parts = chunks(png);
  assert.deepEqual(parts.map((c) => c.type), ["IHDR", "IDAT", "IEND"]);
  const rows = inflateSync(parts[1].data);
  assert.equal(rows.length, 2 * (1 + 4 * 3));
  assert.deepEqual([...rows.subarray(1, 13)], [...rgb.subarray(0, 12)]);
  assert.deepEqual([...rows.subarray(14)], [...rgb.subarray(12)]);
  assert.throws(() => encodePng(4, 2, new Uint8Array(5)), RangeError);
});

test("demo images are deterministic and differ by index and by category", () => {
  const a = demoImage(64, 32, "sports", 1);
  assert.deepEqual(demoImage(64, 32, "sports", 1), a);
  assert.notDeepEqual(demoImage(64, 32, "sports", 2), a);
  assert.notDeepEqual(demoImage(64, 32, "nature", 1), a);
});
