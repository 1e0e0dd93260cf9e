import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cellWith, codeCells, mimeText, richOutputs, streamText, VEGA_LITE, type Cell, type Notebook } from "../outputs.js";

/** The text/plain of the tables a cell displays. */
function tables(cell: Cell): string[] {
  return (cell.outputs ?? []).filter((o) => mimeText(o, "text/html").includes("<table")).map((o) => mimeText(o, "text/plain"));
}

export function check(nb: Notebook): void {
  // Two threads live in the kernel's process: same pid, two new system threads.
  const threads = streamText(cellWith(nb, "const memePid"));
  assert.match(threads, /Même pid que le noyau pour les deux threads : oui \(\d+\)/);
  const appeared = Number(/pendant que nos deux Thread tournent : (\d+)/.exec(threads)?.[1]);
  assert.ok(appeared >= 2, `the two threads are system threads of the kernel's process: ${threads}`);

  // The kernel's own threads are named: Node's (node) and ZeroMQ's (ZMQbg), which a fresh process lacks.
  const named = streamText(cellWith(nb, "const neuf: ProcessInfo"));
  assert.match(named, /le noyau comptait déjà \d+ threads du système : node ×\d+.*ZMQbg/);
  assert.match(named, /tout neuf .* en compte \d+ : node ×\d+\.$/m);

  // The no-GIL demo measures three ways to compute.
  const [gil] = tables(cellWith(nb, "function calculPur"));
  assert.equal(gil.split("\n").filter((l) => /\d+\.\d{3}$/.test(l)).length, 3, gil);

  // Process properties, read live: a thread shares the kernel's pid, a child has its own and the kernel as parent.
  const [properties] = tables(cellWith(nb, "const dansLeNoyau = processInfo()"));
  assert.match(properties, /canal IPC vers le parent\s+non\s+non\s+oui/);
  const lines = streamText(cellWith(nb, "const decrire = "));
  const ids = (who: string) => {
    const m = new RegExp(`^${who}\\s*: pid (\\d+), parent (\\d+)`, "m").exec(lines);
    assert.ok(m, `the ids of ${who} are printed: ${lines}`);
    return { pid: Number(m[1]), ppid: Number(m[2]) };
  };
  const kernel = ids("noyau");
  const thread = ids("Thread");
  const child = ids("processus enfant");
  assert.deepEqual(thread, kernel, "a thread has the kernel's pid and parent");
  assert.notEqual(child.pid, kernel.pid, "a child process has a pid of its own");
  assert.equal(child.ppid, kernel.pid, "the kernel is the child's parent");

  // The raw API, shown once: a forked child answers 7² by process.send, then ends; its script is removed.
  const forked = streamText(cellWith(nb, "fork(scriptCarre)"));
  const reply = /L'enfant (\d+) \(parent : (\d+)\) a répondu 49, puis s'est terminé avec le code 0\./.exec(forked);
  assert.ok(reply, `the forked child answers, then exits: ${forked}`);
  assert.notEqual(Number(reply[1]), kernel.pid, "the child has a pid of its own");
  assert.equal(Number(reply[2]), kernel.pid, "the kernel forked it");
  assert.ok(!existsSync(path.join(os.tmpdir(), `carre-${kernel.pid}.js`)), "the child's script is removed after the cell");

  // A crashing child does not stop the kernel.
  const crash = streamText(cellWith(nb, "process.exit(3)"));
  assert.match(crash, /WorkerCrashedError : le processus \d+ s'est terminé avec le code 3/);
  assert.match(crash, /Code de sortie de l'enfant : 3\./);

  // Start-up cost and memory, thread against process: both measured.
  const costCell = cellWith(nb, "const demarrageThread");
  const [costs] = tables(costCell);
  assert.match(costs, /new Thread\s+\d+(\.\d+)?\s+-?\d+(\.\d+)?/);
  assert.match(costs, /new Process\s+\d+\.\d\s+\d+\.\d/);
  assert.match(streamText(costCell), /^(Un processus a coûté \d+,\d fois le temps de démarrage d'un thread|Ici, un processus a démarré)/m, "the conclusion comes from the measured costs");

  // Two threads computing, measured without their start-up: the sentence says what the ratio means.
  assert.match(streamText(cellWith(nb, "conclusions.twoThreads(")), /^Deux threads font deux fois le travail en \d+,\d\d fois le temps d'un seul/m);

  // cpuCount() as the cell's value, then the ProcessPool sweep from 1 to maxWorkers.
  const value = codeCells(nb).find((c) => (c.outputs ?? []).some((o) => o.output_type === "execute_result"));
  assert.ok(value, "cpuCount() is shown as a cell value");
  const cores = Number(mimeText(value.outputs!.find((o) => o.output_type === "execute_result")!, "text/plain"));
  assert.ok(Number.isInteger(cores) && cores >= 1);
  const maxWorkers = Number(/de 1 à (\d+) processus/.exec(streamText(cellWith(nb, "cœurs utilisables")))?.[1]);
  const [sweep] = tables(cellWith(nb, "await sweep("));
  const workers = sweep.split("\n").filter((l) => /^\s*\d+\s+\d+\s+\d+\.\d+$/.test(l)).map((l) => Number(l.trim().split(/\s+/).at(-2)));
  assert.match(sweep, /tâches\s+processus\s+secondes/, "the table's columns are in French");
  assert.deepEqual(workers, Array.from({ length: maxWorkers }, (_, i) => i + 1));
  assert.equal(richOutputs(codeCells(nb), VEGA_LITE).length, 1, "one speed-up plot");
  assert.match(streamText(cellWith(nb, "const gain = ")), /Accélération avec \d+ processus, un par cœur : \d+\.\d\d/);
}
