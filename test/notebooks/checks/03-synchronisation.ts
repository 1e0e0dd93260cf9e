import assert from "node:assert/strict";
import { cellWith, codeCells, mimeText, richOutputs, sourceOf, streamText, VEGA_LITE, type Cell, type Notebook } from "../outputs.js";

type TraceRow = { lane: string; kind: string; name: string; outcome: string; start: number; end: number };
/** The rows of each trace chart a cell shows (plots.trace puts them in data.values). */
function traceCharts(cell: Cell): TraceRow[][] {
  return richOutputs([cell], VEGA_LITE).map((o) => (o.data![VEGA_LITE] as { data: { values: TraceRow[] } }).data.values);
}

function parameter(nb: Notebook, name: string): number {
  const match = new RegExp(`const ${name} = ([\\d_]+);`).exec(sourceOf(codeCells(nb)[0]));
  assert.ok(match, `the parameters cell sets ${name}`);
  return Number(match[1].replace(/_/g, ""));
}

/** The rows of the one table a cell shows, from its aligned text: each row split on runs of 2+ spaces. */
function tableRows(cell: Cell): string[][] {
  const tables = (cell.outputs ?? []).filter((o) => mimeText(o, "text/html").includes("<table"));
  assert.equal(tables.length, 1, `one table in: ${sourceOf(cell).slice(0, 60)}`);
  const lines = mimeText(tables[0], "text/plain").split("\n");
  const rule = lines.findIndex((l) => /^-+( +-+)*$/.test(l.trim()));
  return lines.slice(rule + 1).map((l) => l.trim().split(/ {2,}/));
}

const product = (factors: string) => factors.split(" × ").reduce((p, f) => p * Number(f), 1);

export function check(nb: Notebook): void {
  const threads = parameter(nb, "nThreads");
  const increments = parameter(nb, "increments");
  const expected = threads * increments;

  // The race: without a lock the count falls short (in at least one try); with a Lock it is exact.
  const unlocked = tableRows(cellWith(nb, "await course(false)"));
  assert.equal(unlocked.length, parameter(nb, "essais"));
  for (const [, wanted, obtained, lost] of unlocked) {
    assert.equal(Number(wanted), expected);
    assert.ok(Number(obtained) > 0 && Number(obtained) <= expected, `a count between 0 and ${expected}: ${obtained}`);
    assert.equal(Number(lost), expected - Number(obtained));
  }
  assert.ok(unlocked.some(([, , obtained]) => Number(obtained) < expected), `without a lock, updates are lost: ${JSON.stringify(unlocked)}`);
  const lockedCell = cellWith(nb, "await course(true)");
  const withLock = tableRows(lockedCell).find((r) => r[0] === "avec verrou")!;
  assert.deepEqual(withLock.slice(1, 3).map(Number), [expected, expected], "with a Lock the count is exact");
  assert.match(streamText(lockedCell), new RegExp(`le compte est exact : ${expected}\\.`));

  // The semaphore: never more trains on the track than places; the timeline is drawn.
  const places = parameter(nb, "places");
  const most = Number(/Au plus (\d+) trains en même temps/.exec(streamText(cellWith(nb, "const surLaSection")))?.[1]);
  assert.ok(most >= 1 && most <= places, `at most ${places} trains at once: ${most}`);
  const [convoy] = traceCharts(cellWith(nb, "plots.trace(convoi"));
  const crossings = convoy.filter((r) => r.kind === "hold" && r.name.startsWith("Semaphore"));
  assert.equal(crossings.length, parameter(nb, "trains"), "one crossing (a hold of the semaphore) per train");
  assert.equal(new Set(crossings.map((r) => r.lane)).size, parameter(nb, "trains"), "one lane per train");

  // A lock traced: holds never overlap; the others wait meanwhile.
  const lockCell = cellWith(nb, "traced(() => Promise.all([1, 2, 3].map(");
  const [lockRows] = traceCharts(lockCell);
  const holds = lockRows.filter((r) => r.kind === "hold" && r.name.startsWith("Lock")).sort((a, b) => a.start - b.start);
  assert.equal(holds.length, 9, "three threads, three holds each");
  for (let i = 1; i < holds.length; i++) assert.ok(holds[i].start >= holds[i - 1].end - 1e-4, "one holder at a time");
  assert.ok(lockRows.some((r) => r.kind === "wait" && r.name.startsWith("Lock")), "someone waited");
  assert.match(streamText(lockCell), /Verrou tenu 9 fois, \d+ ms en tout ; [1-9]\d* attentes, \d+ ms passées à attendre\./);
  assert.match(streamText(lockCell), /Les 9 barres pleines ne se chevauchent jamais/, "the holds' sentence comes from the trace");

  // The atomic add: exact, like the lock.
  assert.match(streamText(cellWith(nb, "function incrementerAtomique")), new RegExp(`Avec add\\(1\\), le compte est exact : ${expected},`));

  // The deadlock: each holds its first lock while its wait for the second times out.
  const deadlock = cellWith(nb, "new Thread(deuxVerrous");
  const [deadRows] = traceCharts(deadlock);
  assert.ok(deadRows.some((r) => r.kind === "wait" && r.outcome === "timeout"), "a wait gave up");
  assert.match(streamText(deadlock), /Issues : .*abandonné.* ; [12] attente\(s\) de verrou abandonnée\(s\) au bout de \d+ ms\./);

  // Producer and consumers, between threads then processes: every number comes back, correctly factorised.
  const items = parameter(nb, "nombresEchanges");
  for (const needle of ["await chaine((fn, ...args) => new Thread", "await chaine((fn, ...args) => new Process"]) {
    const cell = cellWith(nb, needle);
    const rows = tableRows(cell);
    assert.equal(rows.length, items, `${items} results: ${needle}`);
    for (const [n, factors, by] of rows) {
      assert.equal(product(factors), Number(n), `${n} = ${factors}`);
      assert.match(by, /^consommateur [AB]$/);
    }
    assert.match(streamText(cell), new RegExp(`${items} résultats pour ${items} nombres envoyés`));
  }

  // The pipe: three questions, three right answers, and the server stops when the pipe closes.
  const pipe = streamText(cellWith(nb, "Pipe<number | number[]>()"));
  const answers = [...pipe.matchAll(/^(\d+) -> \[([\d,]+)\]$/gm)];
  assert.equal(answers.length, 3, pipe);
  for (const [, n, factors] of answers) assert.equal(factors.split(",").reduce((p, f) => p * Number(f), 1), Number(n));
  assert.match(pipe, /a répondu à 3 demandes/);

  // The crash: the one process that crashes fails; the others finish their work.
  const crashing = parameter(nb, "numeroQuiPlante");
  const crash = tableRows(cellWith(nb, "Promise.allSettled(processus"));
  assert.equal(crash.length, parameter(nb, "enfants"));
  for (const [id, , state, result] of crash) {
    if (Number(id) === crashing) {
      assert.equal(state, "planté");
      assert.match(result, /tué par SIGKILL/);
    } else {
      assert.equal(state, "terminé");
      assert.equal(result, `travail ${id} terminé`);
    }
  }
}
