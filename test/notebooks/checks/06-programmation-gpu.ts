import assert from "node:assert/strict";
import { cellWith, codeCells, mimeText, richOutputs, sourceOf, streamText, VEGA_LITE, type Notebook } from "../outputs.js";

const parameter = (nb: Notebook, pattern: RegExp) => pattern.exec(sourceOf(codeCells(nb)[0]))?.[1];

export function check(nb: Notebook): void {
  // The report says which backend runs, why, and on which renderer.
  const report = streamText(cellWith(nb, "gpuReport()"));
  const mode = /Backend choisi par gpu.js : (headlessgl|webasm|cpu)/.exec(report)?.[1];
  assert.ok(mode, `the report names the backend:\n${report}`);
  assert.match(report, /Pourquoi : \S/);
  if (mode === "headlessgl") assert.match(report, /Rendu \(renderer\) : ANGLE \(.+\)/);

  // The custom kernel squares its input.
  const squares = mimeText(cellWith(nb, "createKernel(").outputs!.find((o) => o.output_type === "execute_result")!, "text/plain");
  assert.deepEqual(squares.slice(squares.indexOf("[")).match(/\d+/g)!.map(Number), [0, 1, 4, 9, 16, 25, 36, 49]);

  // One timing per size and per mode, the JavaScript loop and the report's backend among them.
  const sizes = JSON.parse(parameter(nb, /const tailles = (\[[\d, ]+\])/)!) as number[];
  const timingCell = cellWith(nb, "const mesures");
  const timingTable = (timingCell.outputs ?? []).find((o) => mimeText(o, "text/html").includes("<table"))!;
  const rows = mimeText(timingTable, "text/plain").split("\n").slice(3).map((line) => {
    const match = /^\s*(\d+)\s+(.+?)\s+([\d.]+)$/.exec(line)!;
    return { size: Number(match[1]), mode: match[2], seconds: Number(match[3]) };
  });
  const modes = [...new Set(rows.map((r) => r.mode))];
  assert.ok(modes.includes("JavaScript (CPU)") && modes.includes(`gpu.js ${mode}`), modes.join(", "));
  assert.equal(rows.length, sizes.length * modes.length);
  for (const size of sizes) assert.equal(rows.filter((r) => r.size === size).length, modes.length);

  // The conclusion follows from the measured numbers, whichever way they went.
  const conclusion = streamText(cellWith(nb, "const verdict"));
  const largest = Math.max(...sizes);
  const at = (m: string) => rows.find((r) => r.size === largest && r.mode === m)!.seconds;
  const [gpuSeconds, jsSeconds] = /\(([\d.]+) s contre ([\d.]+) s\)/.exec(conclusion)!.slice(1).map(Number);
  assert.equal(gpuSeconds, at(`gpu.js ${mode}`));
  assert.equal(jsSeconds, at("JavaScript (CPU)"));
  const ratio = jsSeconds / gpuSeconds;
  const expected = ratio > 1.1 ? /plus rapide que/ : ratio < 1 / 1.1 ? /plus lent que/ : /à peu près à la même vitesse/;
  assert.match(conclusion, expected, `ratio ${ratio}: ${conclusion}`);
  if (/Rendu logiciel : oui/.test(report)) assert.match(conclusion, /rendu logiciel/);

  // Every GPU result matches its CPU reference.
  const checks = mimeText((cellWith(nb, "verifications.push").outputs ?? []).find((o) => o.data?.["text/plain"])!, "text/plain");
  const verdicts = checks.split("\n").slice(3).map((line) => line.trim().split(/\s+/).at(-1));
  assert.equal(verdicts.length, 7 * (modes.length - 1), "matmul and 6 element-wise operations per backend");
  assert.ok(verdicts.every((v) => v === "oui"), checks);

  // The Mandelbrot image is a PNG of the requested size, nearly identical to the CPU's.
  const [width, height] = [parameter(nb, /width: (\d+)/), parameter(nb, /height: (\d+)/)].map(Number);
  const image = richOutputs([cellWith(nb, "show(mandelbrotImage(")], "image/png")[0];
  const png = Buffer.from(mimeText(image, "image/png"), "base64");
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [width, height]);
  const [differing, total] = /(\d+) pixels sur (\d+)/.exec(streamText(cellWith(nb, "const ecarts")))!.slice(1).map(Number);
  assert.equal(total, width * height);
  assert.ok(differing / total < 0.01, `${differing} of ${total} pixels differ`);
  // Where they differ is measured, not asserted: the sentence counts them against the set's edge.
  const places = streamText(cellWith(nb, "conclusions.mismatchPlaces"));
  if (differing === 0) assert.match(places, /^Aucun pixel ne diffère/m);
  else assert.match(places, new RegExp(`^\\d+ des ${differing} pixels qui diffèrent`, "m"));

  // Divergence: one timing per backend, and a sentence for each, chosen from its ratio.
  const divergence = streamText(cellWith(nb, "conclusions.divergenceCost"));
  for (const m of modes.filter((m) => m.startsWith("gpu.js"))) assert.match(divergence, new RegExp(`^${m.replace(".", "\\.")} : `, "m"));

  // Two plots: time against size, and the Mandelbrot timings.
  assert.equal(richOutputs(codeCells(nb), VEGA_LITE).length, 2);
}
