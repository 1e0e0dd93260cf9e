import assert from "node:assert/strict";
import { cellWith, codeCells, mimeText, richOutputs, sourceOf, streamText, VEGA_LITE, type Cell, type Notebook } from "../outputs.js";
import { checkInteract } from "./interactive.js";

type TraceRow = { lane: string; kind: string; name: string; outcome: string; start: number; end: number };
/** The rows of each trace chart a cell shows (plots.trace puts them in data.values). */
function traceCharts(cell: Cell): TraceRow[][] {
  return richOutputs([cell], VEGA_LITE).map((o) => (o.data![VEGA_LITE] as { data: { values: TraceRow[] } }).data.values);
}


export function check(nb: Notebook): void {
  // The Afficheur: two threads print "1" and "2"; their output interleaves in the cell.
  const steps = Number(/afficheurSteps = (\d+)/.exec(sourceOf(codeCells(nb)[0]))?.[1]);
  const printed = streamText(cellWith(nb, "new Thread(afficheur"));
  assert.match(printed, /^[12]+$/, `the Afficheur prints only 1s and 2s: ${JSON.stringify(printed)}`);
  assert.equal(printed.replace(/2/g, "").length, steps);
  assert.equal(printed.replace(/1/g, "").length, steps);
  const switches = [...printed].filter((c, i) => i > 0 && c !== printed[i - 1]).length;
  assert.ok(switches >= 3, `the two threads' output interleaves: ${printed}`);

  // The raw API, shown once: a Worker made from a string answers by message; new Thread does the same.
  const raw = streamText(cellWith(nb, "new Worker(codeDuWorker"));
  const rawReply = /Réponse du worker : « BONJOUR », depuis le thread (\d+) \(le noyau est le thread (\d+)\)\./.exec(raw);
  assert.ok(rawReply, `the raw Worker answers: ${raw}`);
  assert.notEqual(rawReply[1], rawReply[2], "the answer comes from another thread than the kernel's");
  assert.match(raw, /Avec new Thread : « BONJOUR »\./);

  // The benchmark table: a row for every task, mode and worker count.
  const maxWorkers = Number(/de 1 à (\d+) workers/.exec(streamText(cellWith(nb, "cœurs utilisables")))?.[1]);
  assert.ok(maxWorkers >= 2, "the notebook says how many workers it tries");
  const benchmark = cellWith(nb, "await sweep(");
  const tables = (benchmark.outputs ?? []).filter((o) => mimeText(o, "text/html").includes("<table"));
  assert.equal(tables.length, 1, "the benchmark shows one table");
  const lines = mimeText(tables[0], "text/plain").split("\n");
  for (const task of ["CPU", "E/S"]) {
    for (const mode of ["boucle d'événements", "threads", "processus"]) {
      const counts = lines
        .filter((l) => l.startsWith(task) && l.includes(` ${mode} `))
        .map((l) => Number(l.trim().split(/\s+/).at(-2)));
      assert.deepEqual(counts, Array.from({ length: maxWorkers }, (_, i) => i + 1), `${task} / ${mode}`);
    }
  }

  // Two plots: time against workers, and speed-up against the ideal line.
  // And two trace charts below them; the interactive cell is checked on its own.
  const plots = richOutputs(codeCells(nb).filter((c) => !sourceOf(c).includes("interact(")), VEGA_LITE);
  assert.equal(plots.length, 4);

  // The interactive cell keeps its first measure: CPU, 1 and 2 workers, threads and processes.
  const rows = checkInteract(nb, "const reglage = interact(");
  assert.deepEqual([...new Set(rows.map((r) => r.workers))].sort(), [1, 2]);
  assert.deepEqual([...new Set(rows.map((r) => r.mode))].sort(), ["processus", "threads"]);

  // The conclusion quotes numbers computed from the table, not typed.
  const conclusion = streamText(cellWith(nb, "const at = "));
  assert.match(conclusion, /CPU, \d+ worker\(s\) : boucle d'événements \d+\.\d\d s/);
  assert.match(conclusion, /Sur la boucle d'événements, .*(s'additionnent|rien à additionner|a dû être ralentie)/);
  assert.match(conclusion, /(ils travaillent en parallèle|se sont partagé les cœurs|1 seul cœur utilisable)/);
  assert.equal(conclusion.match(/attentes de \d+,\d\d s ont pris/g)?.length, 3, "one sentence per mode for the waits");
  assert.match(streamText(cellWith(nb, "conclusions.cpuPlateau(")), /^threads : .*\nprocessus : /m);

  // The trap of the source course: a result written in the child never reaches the parent.
  assert.match(streamText(cellWith(nb, "const boite = { resultat: 1 }")), /boite\.resultat vaut toujours 1\.[\s\S]*join\(\) a donné 42\./);

  // The trace: one worker, one busy lane; cpuCount() workers, all of them busy, one bar per task.
  const traced = cellWith(nb, "traced(() => unWorker.map");
  const [one, all] = traceCharts(traced);
  const said = /(\d+) tâches : 1 worker, 1 voie occupée, \d+\.\d\d s ; (\d+) workers, (\d+) voie\(s\) occupée\(s\)/.exec(streamText(traced));
  assert.ok(said, streamText(traced));
  const [tasks, workers, busy] = said.slice(1).map(Number);
  const bars = (rows: TraceRow[]) => rows.filter((r) => r.kind === "task");
  assert.equal(bars(one).length, tasks);
  assert.equal(bars(all).length, tasks);
  assert.equal(new Set(bars(one).map((r) => r.lane)).size, 1, "one lane with one worker");
  assert.equal(new Set(bars(all).map((r) => r.lane)).size, busy);
  assert.ok(busy === workers || (workers > 1 && busy > 1), `several lanes busy with ${workers} workers: ${busy}`);
}
