// Amdahl's and Gustafson's laws, and the serial fraction fitted to speed-ups.
import assert from "node:assert/strict";
import { test } from "node:test";
import { amdahl, amdahlFit, gustafson, plots, renderSvg } from "../../src/index.js";

test("Amdahl's speed-up tends to 1/f; Gustafson's grows with the workers", () => {
  assert.equal(amdahl(0, 8), 8);
  assert.equal(amdahl(1, 8), 1);
  assert.ok(Math.abs(amdahl(0.1, 4) - 1 / (0.1 + 0.9 / 4)) < 1e-12);
  assert.ok(amdahl(0.1, 1e9) < 10 && amdahl(0.1, 1e9) > 9.99);
  assert.equal(gustafson(0, 8), 8);
  assert.ok(Math.abs(gustafson(0.1, 4) - 3.7) < 1e-12);
  assert.ok(gustafson(0.1, 100) > amdahl(0.1, 100) * 5, "weak scaling is not capped by 1/f");
});

test("the fit finds the serial fraction that made exact speed-ups, and ignores one worker", () => {
  const points = [1, 2, 3, 4, 8].map((workers) => ({ workers, speedup: amdahl(0.15, workers) }));
  const fit = amdahlFit(points);
  assert.ok(Math.abs(fit.serial - 0.15) < 1e-9, String(fit.serial));
  assert.ok(Math.abs(fit.limit - 1 / 0.15) < 1e-6);
  assert.ok(fit.rms < 1e-9);
  assert.equal(fit.points, 4);
});

test("noisy speed-ups give a fraction near the truth; impossible ones are clamped to [0, 1]", () => {
  const noisy = [2, 3, 4, 6, 8].map((workers, i) => ({ workers, speedup: amdahl(0.3, workers) * (i % 2 ? 1.03 : 0.97) }));
  assert.ok(Math.abs(amdahlFit(noisy).serial - 0.3) < 0.05);
  const superlinear = amdahlFit([{ workers: 2, speedup: 2.2 }, { workers: 4, speedup: 4.5 }]);
  assert.equal(superlinear.serial, 0);
  assert.equal(superlinear.limit, Infinity);
  assert.equal(amdahlFit([{ workers: 2, speedup: 0.5 }]).serial, 1, "a slowdown is all serial");
});

test("the fit refuses what it cannot use, naming the point", () => {
  assert.throws(() => amdahlFit([{ workers: 1, speedup: 1 }]), RangeError);
  assert.throws(() => amdahlFit([{ workers: 2, speedup: 0 }]), /points\[0\]/);
  assert.throws(() => amdahlFit([{ workers: 2, speedup: 1.5 }, { workers: 0, speedup: 1 }]), /points\[1\]/);
  assert.throws(() => amdahlFit("x" as never), TypeError);
});

test("plots.amdahl draws the measured points, the fitted curve and the ideal line", async () => {
  const points = [1, 2, 4].map((workers) => ({ workers, speedup: amdahl(0.2, workers) }));
  const raw = plots.amdahl(points, { title: "Amdahl" });
  const spec = raw as unknown as { layer: Array<{ data: { values: Array<Record<string, unknown>> } }> };
  const series = new Set(spec.layer.flatMap((l) => l.data.values.map((v) => v["série"])));
  assert.deepEqual([...series].sort(), ["Amdahl, f = 20.0 %", "idéal", "mesuré"]);
  const curve = spec.layer[0].data.values.filter((v) => String(v["série"]).startsWith("Amdahl"));
  assert.ok(Math.max(...curve.map((v) => v.workers as number)) >= 7.9, "the curve runs past the measured counts");
  const at4 = curve.find((v) => Math.abs((v.workers as number) - 4) < 0.05)!;
  assert.ok(Math.abs((at4.speedup as number) - amdahl(0.2, at4.workers as number)) < 1e-9);
  assert.equal(spec.layer[1].data.values.length, 3);
  const svg = await renderSvg(raw);
  assert.match(svg, /<svg/);
  assert.match(svg, /mesuré/);
  const fixed = plots.amdahl(points, { serial: 0.5 }) as unknown as { layer: Array<{ data: { values: Array<Record<string, unknown>> } }> };
  assert.ok(fixed.layer[0].data.values.some((v) => v["série"] === "Amdahl, f = 50.0 %"));
});
