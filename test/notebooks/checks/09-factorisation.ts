import assert from "node:assert/strict";
import { cellWith, codeCells, mimeText, richOutputs, sourceOf, streamText, VEGA_LITE, type Cell, type Notebook } from "../outputs.js";
import { checkInteract } from "./interactive.js";

const parameter = (nb: Notebook, name: string) => {
  const value = new RegExp(`const ${name} = ([\\d_]+)`).exec(sourceOf(codeCells(nb)[0]))?.[1];
  assert.ok(value, `the parameters cell sets ${name}`);
  return Number(value.replace(/_/g, ""));
};

/** The body rows of the table a cell shows, as text: the lines under its dashed rule. */
function tableRows(cell: Cell): string[] {
  const table = (cell.outputs ?? []).find((o) => mimeText(o, "text/html").includes("<table"));
  assert.ok(table, "the cell shows a table");
  const lines = mimeText(table, "text/plain").split("\n");
  return lines.slice(lines.findIndex((l) => /^-+(\s+-+)*$/.test(l)) + 1);
}

/** Whether `factors` are primes, in order, whose product is `n`. */
function factorizes(n: number, factors: number[]): boolean {
  const isPrime = (p: number) => {
    for (let d = 2; d * d <= p; d++) if (p % d === 0) return false;
    return p > 1;
  };
  return factors.every((f, i) => isPrime(f) && (i === 0 || factors[i - 1] <= f)) && factors.reduce((a, b) => a * b, 1) === n;
}

export function check(nb: Notebook): void {
  const count = parameter(nb, "count");
  const shown = parameter(nb, "shown");
  const processes = parameter(nb, "processes");
  const maxWorkers = Number(/de 1 à (\d+) workers/.exec(streamText(cellWith(nb, "nombres à factoriser")))?.[1]);
  assert.ok(maxWorkers >= 1);

  // The seed's own example line: 59639200 -> [2, 2, 2, 2, 2, 5, 5, 127, 587].
  const example = cellWith(nb, "calculatePrimeFactors(59639200)").outputs?.find((o) => o.output_type === "execute_result");
  assert.ok(example, "the example factorization is the cell's value");
  assert.deepEqual(mimeText(example, "text/plain").match(/\d+/g)?.map(Number), [2, 2, 2, 2, 2, 5, 5, 127, 587]);

  // The sequential run prints a few `i n -> [factors]` lines, each a true factorization, and its time.
  const printed = streamText(cellWith(nb, "const sequential = "));
  const lines = [...printed.matchAll(/^(\d+) (\d+) -> \[([\d, ]*)\]$/gm)];
  assert.equal(lines.length, Math.min(count, 2 * shown), printed);
  assert.equal(Number(lines[0][1]), 0);
  assert.equal(Number(lines.at(-1)![1]), count - 1);
  for (const [, , n, factors] of lines) {
    assert.ok(Number(n) >= 20_000 && Number(n) <= 100_000_000, `${n} is in the seed's range`);
    assert.ok(factorizes(Number(n), factors.split(", ").map(Number)), `${n} -> [${factors}]`);
  }
  assert.match(printed, /Temps d'exécution : \d+\.\d{3} s/);

  // Start-up costs are measured and compared with the work, in words computed by the cell.
  const costs = tableRows(cellWith(nb, "const courseSize"));
  assert.equal(costs.length, 5);
  for (const row of costs) assert.match(row, /\d\.\d{3}$/);
  const verdicts09 = streamText(cellWith(nb, "conclusions.startupVersusWork("));
  const sentences = verdicts09.split("\n").filter(Boolean);
  assert.equal(sentences.length, 3, verdicts09);
  for (const line of sentences) assert.match(line, /^(Démarrer .+ coûte \d+\.\d\d fois le calcul de|Le calcul de .+ dure \d+\.\d\d fois le démarrage de)/);
  assert.doesNotMatch(verdicts09, /2017|Python annonçait/, "only what was measured here is compared");

  // The seed's split: each of the processes prints its first line.
  const byProcess = streamText(cellWith(nb, "function executeProc"));
  const ks = [...byProcess.matchAll(/^processus (\d+) : (\d+) -> \[([\d, ]*)\]$/gm)];
  assert.deepEqual(ks.map((m) => Number(m[1])).sort((a, b) => a - b), Array.from({ length: processes }, (_, k) => k));
  for (const [, , n, factors] of ks) assert.ok(factorizes(Number(n), factors.split(", ").map(Number)));

  // Every parallel version finds exactly the sequential factors.
  const verdicts = streamText(cellWith(nb, "const sameFactors"));
  const versions = [...verdicts.matchAll(/^(.+?)\s+: (\d+) résultats, (\S+) à la version séquentielle$/gm)];
  assert.equal(versions.length, 2 + 2 * maxWorkers, verdicts);
  for (const [, version, n, verdict] of versions) {
    assert.equal(Number(n), count, version);
    assert.equal(verdict, "identiques", version);
  }

  // The timing table has a row per version, with its speed-up; then two charts.
  const timings = tableRows(cellWith(nb, "const versions = "));
  assert.equal(timings.length, 2 + 2 * maxWorkers);
  assert.match(timings[0], /^séquentiel\s+1\s+\d+\.\d\d\s+1$/, "the sequential version is the reference");
  assert.equal(richOutputs(codeCells(nb).filter((c) => !sourceOf(c).includes("interact(")), VEGA_LITE).length, 4, "two charts, and two traces of chunksize");

  // The interactive cell: the sequential version against one ProcessPool, at its default settings.
  const interactBars = checkInteract(nb, "const reglagePool = interact(");
  assert.equal(interactBars.length, 2);
  assert.match(String(interactBars[1].version), /^ProcessPool ×\d+, chunksize \d+$/);
  assert.match(streamText(cellWith(nb, "conclusions.bestVersion(")), /^(La version la plus rapide : .+, \d+\.\d\d fois|Aucune version parallèle ne bat nettement)/m);

  // Cancellation: tasks in the order they finish, a timeout that cancels a map, orphans measured, then none.
  const finishing = [...streamText(cellWith(nb, "poolAnnulable.asCompleted(")).matchAll(/^\d+\.\d\d s : (\d+) est premier \(n° (\d)/gm)];
  assert.equal(finishing.length, 4);
  assert.notEqual(finishing[0][2], "1", "the biggest number, submitted first, does not finish first");
  assert.match(streamText(cellWith(nb, "AbortSignal.timeout(delaiMs)")), /^Au bout de \d+ ms : TaskCancelledError/m);
  assert.match(streamText(cellWith(nb, "async function premierSansAnnuler")), /tâche\(s\) tournent encore et \d+ attendent : ce sont des tâches orphelines/);
  assert.match(streamText(cellWith(nb, "pool[Symbol.asyncDispose]()")), /aucune tâche orpheline/);

  // chunksize seen in a trace: one bar per chunk, as many as the chunksize makes; one chunk per worker for the big one.
  const chunks = cellWith(nb, "traced(() => poolTrace.map(");
  const bars = richOutputs([chunks], VEGA_LITE).map((o) => (o.data![VEGA_LITE] as { data: { values: Array<{ kind: string }> } }).data.values.filter((v) => v.kind === "task").length);
  const rows = tableRows(chunks).filter((l) => l.trim()).map((l) => l.trim().split(/ {2,}/));
  assert.equal(rows.length, 2, JSON.stringify(rows));
  const caption = /(\d+) nombres sur (\d+) threads/.exec(mimeText(chunks.outputs!.find((o) => mimeText(o, "text/html").includes("<table"))!, "text/html"));
  assert.ok(caption, "the table says how many numbers and threads");
  const [numbers, threads] = caption.slice(1).map(Number);
  for (const [i, [size, count]] of rows.entries()) {
    assert.equal(Number(count), Math.ceil(numbers / Number(size)), `chunksize ${size}`);
    assert.equal(bars[i], Number(count), "one bar per chunk");
  }
  assert.equal(Number(rows[1][1]), threads, "one chunk per worker");
}
