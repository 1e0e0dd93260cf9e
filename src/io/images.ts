import { encodePng } from "./png.js";
import { drawFor, hash32 } from "./random.js";

/** 3×5 pixel digits, one string of 15 cells per digit, read row by row. */
const DIGITS = [
  "111101101101111", "010110010010111", "111001111100111", "111001111001111", "101101111001001",
  "111100111001111", "111100111101111", "111001001010010", "111101111101111", "111101111001111",
];

type Rgb = [number, number, number];

/** HSL (hue in degrees, saturation and lightness in [0, 1]) to 8-bit RGB. */
function hsl(h: number, s: number, l: number): Rgb {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return [Math.round(255 * f(0)), Math.round(255 * f(8)), Math.round(255 * f(4))];
}

/**
 * The demo server's picture number `index` of `category`: a two-colour gradient, a few
 * "balls" and the number itself drawn large, so that each index is easy to tell apart.
 * Deterministic: the same arguments give the same PNG bytes.
 */
export function demoImage(width: number, height: number, category: string, index: number): Buffer {
  const random = drawFor(hash32(category), `image:${index}`);
  const hue = (index * 137.5 + hash32(category)) % 360; // the golden angle spreads neighbours apart
  const from = hsl(hue, 0.65, 0.55);
  const to = hsl((hue + 60) % 360, 0.7, 0.3);
  const rgb = new Uint8Array(width * height * 3);
  const put = (x: number, y: number, [r, g, b]: Rgb) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const at = (y * width + x) * 3;
    rgb[at] = r;
    rgb[at + 1] = g;
    rgb[at + 2] = b;
  };

  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      put(x, y, [0, 1, 2].map((c) => Math.round(from[c] + (to[c] - from[c]) * t)) as Rgb);
    }
  }
  for (let ball = 0; ball < 4; ball++) {
    const cx = random() * width;
    const cy = random() * height;
    const radius = (0.08 + random() * 0.15) * Math.min(width, height);
    const colour = hsl((hue + 180 + random() * 60) % 360, 0.8, 0.6);
    for (let y = Math.floor(cy - radius); y <= cy + radius; y++) {
      for (let x = Math.floor(cx - radius); x <= cx + radius; x++) {
        if ((x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2) put(x, y, colour);
      }
    }
  }
  drawNumber(index, Math.max(1, Math.floor(height / 12)), put);
  return encodePng(width, height, rgb);
}

/** Writes `value` in white on a dark plate in the top-left corner, `scale` pixels per font cell. */
function drawNumber(value: number, scale: number, put: (x: number, y: number, c: Rgb) => void): void {
  const text = String(value);
  const plateWidth = (text.length * 4 + 1) * scale;
  const plateHeight = 7 * scale;
  for (let y = 0; y < plateHeight; y++) for (let x = 0; x < plateWidth; x++) put(x, y, [20, 20, 28]);
  [...text].forEach((digit, i) => {
    const cells = DIGITS[Number(digit)];
    for (let cell = 0; cell < 15; cell++) {
      if (cells[cell] !== "1") continue;
      const left = (1 + i * 4 + (cell % 3)) * scale;
      const top = (1 + Math.floor(cell / 3)) * scale;
      for (let dy = 0; dy < scale; dy++) for (let dx = 0; dx < scale; dx++) put(left + dx, top + dy, [255, 255, 255]);
    }
  });
}
