// Every branch of lesson 01's conclusions, with rows made up for it, in French and in English.
import assert from "node:assert/strict";
import { test } from "node:test";
import { conclusions } from "../../src/index.js";

type Row = { task: string; mode: string; workers: number; seconds: number };
const rows = (task: string, mode: string, seconds: number[]): Row[] => seconds.map((s, i) => ({ task, mode, workers: i + 1, seconds: s }));

function inEnglish<T>(run: () => T): T {
  const before = process.env.CONCURRENCE_LANG;
  process.env.CONCURRENCE_LANG = "en";
  try {
    return run();
  } finally {
    if (before === undefined) delete process.env.CONCURRENCE_LANG;
    else process.env.CONCURRENCE_LANG = before;
  }
}

test("cpuOnEventLoop: tasks add up, one task only, or a disturbed measurement", () => {
  const loop = rows("CPU", "boucle d'événements", [1, 2.1, 3]);
  assert.match(conclusions.cpuOnEventLoop(loop, 2), /s'additionnent : 2,10 fois/);
  assert.match(conclusions.cpuOnEventLoop(loop, 1), /avec 1 worker, il n'y a rien à additionner/);
  assert.match(conclusions.cpuOnEventLoop(rows("CPU", "boucle d'événements", [2, 2.2]), 2), /moins que 2 : la mesure d'une seule tâche a dû être ralentie/);
  assert.match(inEnglish(() => conclusions.cpuOnEventLoop(loop, 2)), /add up: 2.10 times/);
});

test("cpuInThreads: parallel, shared cores, or a single core (n = 1 never says 'busy machine')", () => {
  assert.match(conclusions.cpuInThreads(rows("CPU", "threads", [1, 1.1]), 2), /1,10 fois le temps d'un seul : ils travaillent en parallèle/);
  assert.match(conclusions.cpuInThreads(rows("CPU", "threads", [1, 1.9]), 2), /se sont partagé les cœurs/);
  const one = conclusions.cpuInThreads(rows("CPU", "threads", [1]), 1);
  assert.match(one, /1 seul cœur utilisable/);
  assert.doesNotMatch(one, /occupée|partagé/);
  assert.match(inEnglish(() => conclusions.cpuInThreads(rows("CPU", "threads", [1, 1.1]), 2)), /they work in parallel/);
});

test("ioWaits: overlapping waits, or waits that followed each other in part", () => {
  assert.match(conclusions.ioWaits(rows("E/S", "boucle d'événements", [0.3, 0.31]), "boucle d'événements", 2, 0.3), /à peine plus qu'une seule : elles se chevauchent/);
  assert.match(conclusions.ioWaits(rows("E/S", "processus", [0.3, 0.9]), "processus", 2, 0.3), /ne se sont chevauchées qu'en partie/);
  assert.match(inEnglish(() => conclusions.ioWaits(rows("E/S", "threads", [0.3, 0.31]), "threads", 2, 0.3)), /they overlap/);
});

test("processStartGap: a visible start-up price, or none", () => {
  const io = (processes: number) => [...rows("E/S", "threads", [0.32, 0.33]), ...rows("E/S", "processus", [0.4, processes])];
  assert.match(conclusions.processStartGap(io(0.5), 2), /le prix du démarrage d'un processus/);
  assert.match(conclusions.processStartGap(io(0.34), 2), /l'écart de démarrage ne se voit pas/);
  assert.match(inEnglish(() => conclusions.processStartGap(io(0.5), 2)), /price of starting a process/);
});

test("cpuPlateau: flat then growing, flat then not growing, flat with nothing beyond, not flat, one core", () => {
  assert.match(conclusions.cpuPlateau(rows("CPU", "threads", [1, 1.1, 1.6, 2.2]), "threads", 2, 4), /reste presque constant \(1,10 fois.*; au-delà, il croît \(2,00 fois de plus\)/);
  assert.match(conclusions.cpuPlateau(rows("CPU", "threads", [1, 1.1, 1.1, 1.2]), "threads", 2, 4), /au-delà, il n'a presque pas crû/);
  assert.match(conclusions.cpuPlateau(rows("CPU", "threads", [1, 1.1]), "threads", 2, 2), /chacun a son cœur\.$/);
  assert.match(conclusions.cpuPlateau(rows("CPU", "processus", [1, 1.8, 2.5]), "processus", 2, 3), /a déjà crû de 1,80 fois/);
  assert.match(conclusions.cpuPlateau(rows("CPU", "threads", [1, 2]), "threads", 1, 2), /avec un seul cœur, le temps croît dès 2 workers/);
  assert.match(inEnglish(() => conclusions.cpuPlateau(rows("CPU", "threads", [1, 1.1, 1.6, 2.2]), "threads", 2, 4)), /stays almost constant/);
});

test("secondsAt: a row that was not measured is an error that says which", () => {
  assert.throws(() => conclusions.secondsAt(rows("CPU", "threads", [1]), "threads", 3, "CPU"), /no row for mode "threads", 3 workers/);
});
