// Checkers of notebook 10: CPU time against wall time, and a choice of model justified by a measurement.
import { Thread } from "../threads/index.js";
import { draw, expect, say, sleep, verdict } from "./check.js";

/** Keeps a thread busy for `ms` milliseconds (in a worker: its own function, self-contained). */
function spin(ms: number): number {
  const end = Date.now() + ms;
  let steps = 0;
  while (Date.now() < end) steps++;
  return steps;
}

const inThreads = async (n: number, ms: number) => {
  const threads = Array.from({ length: n }, () => new Thread(spin, ms).start());
  await Promise.all(threads.map((t) => t.join()));
};
const onTheLoop = async (n: number, ms: number) => {
  for (let i = 0; i < n; i++) spin(ms);
};

/** The cores a piece of work kept busy: process CPU time (every thread) over wall time. */
async function measuredCores(work: () => Promise<unknown>): Promise<number> {
  const cpu = process.cpuUsage();
  const began = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000 / (performance.now() - began);
}

/** Exercise: `fn(work)` runs the work and gives the cores it used: CPU time (process.cpuUsage) over wall time. */
export function coresUsed(fn: (work: () => Promise<unknown>) => Promise<number>): Promise<void> {
  return verdict(async () => {
    const waitMs = draw(200, 300);
    const waiting = await fn(() => sleep(waitMs));
    const busyMs = draw(300, 400);
    let ours = 0;
    const busy = await measuredCores(async () => (ours = await fn(() => inThreads(2, busyMs))));
    expect(typeof waiting === "number" && Number.isFinite(waiting) && typeof ours === "number" && Number.isFinite(ours), say(
      `la fonction a rendu ${waiting} puis ${ours} : rendez un nombre, le temps CPU divisé par le temps réel.`,
      `the function returned ${waiting} then ${ours}: return a number, CPU time divided by wall time.`));
    expect(waiting < 0.3, say(
      `pendant une attente de ${waitMs} ms, vous mesurez ${waiting.toFixed(2)} cœur(s) : une attente n'occupe aucun cœur. Comptez user + system de process.cpuUsage(avant), en ms, sur la durée réelle.`,
      `during a ${waitMs} ms wait you measure ${waiting.toFixed(2)} core(s): waiting keeps no core busy. Count user + system of process.cpuUsage(before), in ms, over the wall time.`));
    expect(Math.abs(ours - busy) < 0.4 && ours > waiting + 0.1, say(
      `pour 2 threads qui calculent ${busyMs} ms, vous mesurez ${ours.toFixed(2)} cœur(s), la vérification ${busy.toFixed(2)} : process.cpuUsage compte le temps de tous les threads du processus, en microsecondes.`,
      `for 2 threads computing for ${busyMs} ms you measure ${ours.toFixed(2)} core(s), the check ${busy.toFixed(2)}: process.cpuUsage counts every thread of the process, in microseconds.`));
    return say(
      `une attente occupe ${waiting.toFixed(2)} cœur ; deux threads qui calculent en occupent ${ours.toFixed(2)} : ${ours > 1.2 ? "ils ont calculé en parallèle" : "ici, ils se sont partagé un seul cœur"}.`,
      `a wait keeps ${waiting.toFixed(2)} core busy; two computing threads keep ${ours.toFixed(2)}: ${ours > 1.2 ? "they computed in parallel" : "here they shared one core"}.`);
  });
}

export type Model = "threads" | "processus" | "boucle";
export interface ModelChoice {
  /** For 2 computations of a few hundred milliseconds. */
  calcul?: Model;
  /** For 4 waits (network, disk) of a few hundred milliseconds. */
  attente?: Model;
}

/** Exercise: choose a model for each workload; the check measures both on this machine and says whether the choice holds. */
export function chooseModel(choice: ModelChoice): Promise<void> {
  return verdict(async () => {
    const models: Model[] = ["threads", "processus", "boucle"];
    expect(choice && models.includes(choice.calcul as Model) && models.includes(choice.attente as Model), say(
      `choisissez pour calcul et pour attente l'un de ${models.map((m) => `"${m}"`).join(", ")}.`,
      `choose for calcul and for attente one of ${models.map((m) => `"${m}"`).join(", ")}.`));
    const ms = 250;
    const time = async (work: () => Promise<unknown>) => {
      const began = performance.now();
      await work();
      return performance.now() - began;
    };
    const cpuLoop = await time(() => onTheLoop(2, ms));
    const cpuThreads = await time(() => inThreads(2, ms));
    const waitLoop = await time(() => Promise.all(Array.from({ length: 4 }, () => sleep(ms))));
    const threadsWin = cpuThreads < cpuLoop / 1.2;
    const measured = say(
      `mesuré ici : 2 calculs de ${ms} ms en ${cpuLoop.toFixed(0)} ms sur la boucle et ${cpuThreads.toFixed(0)} ms dans 2 threads ; 4 attentes de ${ms} ms en ${waitLoop.toFixed(0)} ms sur la boucle`,
      `measured here: 2 computations of ${ms} ms in ${cpuLoop.toFixed(0)} ms on the loop and ${cpuThreads.toFixed(0)} ms in 2 threads; 4 waits of ${ms} ms in ${waitLoop.toFixed(0)} ms on the loop`);
    const cpuRight = threadsWin ? choice.calcul !== "boucle" : true;
    expect(cpuRight, say(
      `${measured}. Sur la boucle, les calculs passent l'un après l'autre : des threads (ou des processus) les font en parallèle.`,
      `${measured}. On the loop the computations run one after the other: threads (or processes) run them in parallel.`));
    expect(choice.attente === "boucle", say(
      `${measured}. Les attentes se chevauchent déjà sur la boucle d'événements, sans rien lancer : un thread ou un processus par attente ne coûte que du démarrage.`,
      `${measured}. The waits already overlap on the event loop, starting nothing: a thread or a process per wait only costs start-up.`));
    const note = threadsWin
      ? say(choice.calcul === "processus" ? " (des threads démarrent plus vite que des processus)" : "", choice.calcul === "processus" ? " (threads start faster than processes)" : "")
      : say(" (ici les threads n'ont rien gagné : un seul cœur libre ?)", " (here threads gained nothing: only one free core?)");
    return say(`${measured} : votre choix tient${note}.`, `${measured}: your choice holds${note}.`);
  });
}
