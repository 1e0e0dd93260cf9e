import assert from "node:assert/strict";
import { cellWith, codeCells, mimeText, richOutputs, sourceOf, streamText, VEGA_LITE, type Cell, type Notebook } from "../outputs.js";

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
  const unlocked = tableRows(cellWith(nb, "await race(false)"));
  assert.equal(unlocked.length, parameter(nb, "repeats"));
  for (const [, wanted, obtained, lost] of unlocked) {
    assert.equal(Number(wanted), expected);
    assert.ok(Number(obtained) > 0 && Number(obtained) <= expected, `a count between 0 and ${expected}: ${obtained}`);
    assert.equal(Number(lost), expected - Number(obtained));
  }
  assert.ok(unlocked.some(([, , obtained]) => Number(obtained) < expected), `without a lock, updates are lost: ${JSON.stringify(unlocked)}`);
  const lockedCell = cellWith(nb, "await race(true)");
  const withLock = tableRows(lockedCell).find((r) => r[0] === "avec verrou")!;
  assert.deepEqual(withLock.slice(1, 3).map(Number), [expected, expected], "with a Lock the count is exact");
  assert.match(streamText(lockedCell), new RegExp(`le compte est exact : ${expected}\\.`));

  // The semaphore: never more trains on the track than places; the timeline is drawn.
  const places = parameter(nb, "places");
  const most = Number(/Au plus (\d+) trains en même temps/.exec(streamText(cellWith(nb, "const onTrack")))?.[1]);
  assert.ok(most >= 1 && most <= places, `at most ${places} trains at once: ${most}`);
  assert.equal(richOutputs([cellWith(nb, "plots.timeline")], VEGA_LITE).length, 1);

  // Producer and consumers, between threads then processes: every number comes back, correctly factorised.
  const items = parameter(nb, "items");
  for (const needle of ["await pipeline((fn, ...args) => new Thread", "await pipeline((fn, ...args) => new Process"]) {
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
  const crashing = parameter(nb, "crashing");
  const crash = tableRows(cellWith(nb, "Promise.allSettled(processes"));
  assert.equal(crash.length, parameter(nb, "children"));
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
