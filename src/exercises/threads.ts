// Checkers of notebooks 01 and 02: threads and processes really started, by the library or raw
// Node. Each asks for evidence the kernel alone cannot produce (see evidence.ts): the threadIds and
// pids must be those of threads and processes that ran during the call, and a raw worker's answer
// must be computed from a number that only the worker received.
import { threadId as mainThreadId, type Worker } from "node:worker_threads";
import path from "node:path";
import { draw, expect, Hint, say, settle, sleep, verdict } from "./check.js";
import { ProcessPool } from "../processes/index.js";
import { canSampleChildren, running, swapMapItems, swapWorkerMessages, watchChildren, withTrace, workersIn } from "./evidence.js";

const json = (value: unknown) => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};
const isThenable = (value: unknown) => typeof (value as { then?: unknown } | null)?.then === "function";

/** Waits up to `ms` for `done()`. */
async function eventually(done: () => boolean, ms = 2000): Promise<boolean> {
  for (let waited = 0; !done() && waited < ms; waited += 50) await sleep(50);
  return done();
}

/** Exercise: `fn(n)` starts n threads and gives the threadId each one saw. */
export function threadIds(fn: (n: number) => Promise<number[]>): Promise<void> {
  return verdict(async () => {
    const n = draw(2, 4);
    const { value: ids, error, rows } = await withTrace(() => settle(fn(n)));
    if (error !== undefined) throw error;
    const ran = workersIn(rows, "thread");
    expect(Array.isArray(ids) && ids.length === n, say(
      `pour n = ${n}, la fonction a renvoyé ${json(ids)} : il faut un tableau de ${n} threadId, un par thread lancé.`,
      `for n = ${n}, the function returned ${json(ids)}: it needs an array of ${n} threadIds, one per thread started.`));
    expect(!ids.some(isThenable), say(
      `le tableau contient des promesses, pas des nombres : attendez la fin des threads, await Promise.all(threads.map((t) => t.join())).`,
      `the array holds promises, not numbers: wait for the threads to end, await Promise.all(threads.map((t) => t.join())).`));
    expect(ids.every((id) => typeof id === "number" && id !== mainThreadId), say(
      `${json(ids)} contient le threadId du noyau (${mainThreadId}) : lisez threadId dans la fonction du Thread (require("node:worker_threads").threadId), pas dans la cellule.`,
      `${json(ids)} contains the kernel's threadId (${mainThreadId}): read threadId inside the Thread's function (require("node:worker_threads").threadId), not in the cell.`));
    expect(ran.size > 0, say(
      `aucun thread n'a tourné pendant l'appel : ces nombres ont été calculés dans le noyau. Lancez n threads avec new Thread(...).start(), et renvoyez ce que chacun lit dans threadId.`,
      `no thread ran during the call: these numbers were computed in the kernel. Start n threads with new Thread(...).start(), and return what each one reads in threadId.`));
    const strangers = ids.filter((id) => !ran.has(id));
    expect(strangers.length === 0, say(
      `${json(strangers)} n'est le threadId d'aucun thread lancé pendant l'appel (ceux qui ont tourné : ${[...ran].join(", ")}) : renvoyez ce que chaque thread lit lui-même dans threadId.`,
      `${json(strangers)} is the threadId of no thread started during the call (those that ran: ${[...ran].join(", ")}): return what each thread reads itself in threadId.`));
    expect(new Set(ids).size === n, say(
      `${json(ids)} : des threadId se répètent, il faut ${n} threads différents, un par élément.`,
      `${json(ids)}: some threadIds repeat; ${n} different threads are needed, one per element.`));
    return say(`${n} threads lancés pendant l'appel, chacun avec son threadId : ${ids.join(", ")} (le noyau a ${mainThreadId}).`, `${n} threads started during the call, each with its own threadId: ${ids.join(", ")} (the kernel has ${mainThreadId}).`);
  });
}

/**
 * Exercise: `fn(n)` computes n² in a raw `new Worker` and gives `[n², the worker's threadId]`.
 * The number posted to the worker is swapped in flight: only a square computed in the worker is right.
 */
export function rawWorker(fn: (n: number) => Promise<[number, number]>): Promise<void> {
  let workers: Worker[] = [];
  let restore = () => {};
  return verdict(async () => {
    const n = draw(100, 999);
    let m = draw(100, 999);
    if (m === n) m = n === 999 ? 100 : n + 1;
    const swap = swapWorkerMessages(n, m);
    restore = swap.restore;
    let answer: unknown;
    try {
      answer = await settle(fn(n));
    } finally {
      swap.restore();
      workers = swap.workers;
    }
    const threadIds = swap.threadIds;
    expect(workers.length > 0, say(
      `aucun Worker n'a reçu ${n} pendant l'appel : créez un new Worker(code, { eval: true }), puis envoyez-lui n avec worker.postMessage(n).`,
      `no Worker received ${n} during the call: create a new Worker(code, { eval: true }), then send it n with worker.postMessage(n).`));
    const pair = answer as [unknown, unknown];
    expect(Array.isArray(pair) && pair.length === 2, say(
      `la réponse est ${json(answer)} : le worker doit renvoyer [n * n, threadId] avec parentPort.postMessage, et la fonction renvoyer ce message.`,
      `the answer is ${json(answer)}: the worker must send [n * n, threadId] back with parentPort.postMessage, and the function return that message.`));
    expect(pair[0] !== n * n, say(
      `votre fonction renvoie ${n}² = ${n * n}, calculé hors du worker : la vérification a remplacé en route le nombre envoyé, et le worker a reçu ${m}. Renvoyez le carré que le worker calcule et renvoie (événement "message").`,
      `your function returns ${n}² = ${n * n}, computed outside the worker: the check swapped the number in flight, and the worker received ${m}. Return the square that the worker computes and sends back (the "message" event).`));
    expect(pair[0] === m * m, say(
      `le worker a reçu ${m}, et la réponse commence par ${json(pair[0])} au lieu de ${m * m} : dans le worker, renvoyez [n * n, threadId] pour le n reçu.`,
      `the worker received ${m}, and the answer starts with ${json(pair[0])} instead of ${m * m}: in the worker, send back [n * n, threadId] for the n received.`));
    expect(typeof pair[1] === "number" && pair[1] !== mainThreadId, say(
      `le threadId reçu (${json(pair[1])}) n'est pas celui d'un worker : lisez-le dans le code du worker (require("node:worker_threads").threadId).`,
      `the threadId received (${json(pair[1])}) is not a worker's: read it in the worker's code (require("node:worker_threads").threadId).`));
    expect(threadIds.includes(pair[1]), say(
      `le threadId ${pair[1]} n'est pas celui du worker qui a reçu le nombre (${threadIds.join(", ")}) : renvoyez le threadId lu dans ce worker.`,
      `threadId ${pair[1]} is not that of the worker that received the number (${threadIds.join(", ")}): send back the threadId read in that worker.`));
    expect(await eventually(() => workers.every((w) => swap.exited.has(w))), say(
      `le worker tourne encore après la réponse : arrêtez-le (worker.terminate()), sinon il attend d'autres messages pour toujours.`,
      `the worker still runs after answering: stop it (worker.terminate()), or it waits for more messages forever.`));
    return say(
      `le worker ${pair[1]} a reçu ${m} (la vérification avait remplacé ${n} en route), a calculé ${m}² = ${m * m} et l'a renvoyé par message, puis s'est arrêté.`,
      `worker ${pair[1]} received ${m} (the check had swapped ${n} in flight), computed ${m}² = ${m * m}, sent it back as a message, then stopped.`);
  }, {
    cleanup: () => {
      restore(); // a function that never settles must not leave Worker.prototype patched
      return Promise.all(workers.map((w) => w.terminate()));
    },
  });
}

/** Exercise: `fn()` forks a Node child that sends `{ pid, ppid }` with process.send, then ends. */
export function forkedChild(fn: () => Promise<{ pid: number; ppid: number }>): Promise<void> {
  let pids: number[] = [];
  let watch: { stop(): Map<number, string> } | undefined;
  return verdict(async () => {
    const sampling = canSampleChildren();
    watch = watchChildren();
    let seen: { pid: number; ppid: number };
    let children: Map<number, string>;
    try {
      seen = await settle(fn());
    } finally {
      children = watch.stop();
      pids = [...children.keys()];
    }
    expect(seen && typeof seen.pid === "number" && typeof seen.ppid === "number", say(
      `la fonction a renvoyé ${json(seen)} : l'enfant doit envoyer { pid: process.pid, ppid: process.ppid } avec process.send, et la fonction renvoyer ce message.`,
      `the function returned ${json(seen)}: the child must send { pid: process.pid, ppid: process.ppid } with process.send, and the function return that message.`));
    expect(seen.pid !== process.pid, say("ce pid est celui du noyau : lisez process.pid dans l'enfant.", "this pid is the kernel's: read process.pid in the child."));
    if (sampling) {
      expect(children.size > 0, say(
        `aucun processus enfant du noyau n'a tourné pendant l'appel : ce message a été écrit dans le noyau. Lancez l'enfant avec fork(script), et renvoyez ce qu'il envoie.`,
        `no child of the kernel ran during the call: this message was written in the kernel. Start the child with fork(script), and return what it sends.`));
      expect(children.has(seen.pid), say(
        `le pid ${seen.pid} n'est celui d'aucun enfant du noyau pendant l'appel (ceux qui ont tourné : ${pids.join(", ")}) : renvoyez le message que l'enfant envoie lui-même.`,
        `pid ${seen.pid} belongs to no child of the kernel during the call (those that ran: ${pids.join(", ")}): return the message the child sends itself.`));
      const command = children.get(seen.pid) ?? "";
      expect(command === "" || command === process.execPath || path.basename(command).startsWith("node"), say(
        `le processus ${seen.pid} exécute ${command}, pas Node.js : lancez-le avec fork(script), qui démarre un nouveau Node.js relié au noyau par un canal IPC.`,
        `process ${seen.pid} runs ${command}, not Node.js: start it with fork(script), which starts a new Node.js linked to the kernel by an IPC channel.`));
    }
    expect(seen.ppid === process.pid, say(
      `le parent annoncé est ${seen.ppid}, pas le noyau (${process.pid}) : l'enfant doit envoyer process.ppid, lu chez lui.`,
      `the parent given is ${seen.ppid}, not the kernel (${process.pid}): the child must send process.ppid, read on its side.`));
    expect(await eventually(() => !running(seen.pid)), say(
      `le processus ${seen.pid} tourne encore : qu'il se termine après son message (process.exit() ou process.disconnect()).`,
      `process ${seen.pid} is still running: make it end after its message (process.exit() or process.disconnect()).`));
    return say(`le processus ${seen.pid}, vu comme enfant du noyau ${process.pid} pendant l'appel, a envoyé son message puis s'est terminé.`, `process ${seen.pid}, seen as a child of kernel ${process.pid} during the call, sent its message and then ended.`);
  }, {
    cleanup: () => {
      if (pids.length === 0 && watch) pids = [...watch.stop().keys()]; // the call never settled: stop sampling
      for (const pid of pids.filter(running)) {
        try {
          process.kill(pid);
        } catch {
          // already gone
        }
      }
    },
  });
}

/**
 * Exercise: `fn(xs)` squares xs in a ProcessPool, in order, with the pid that did each, then closes
 * the pool. The items given to `map` are swapped in flight: only rows computed by the pool are right.
 */
export function poolSquares(fn: (xs: number[]) => Promise<Array<{ x: number; square: number; pid: number }>>): Promise<void> {
  let restore = () => {};
  return verdict(async () => {
    const xs = Array.from({ length: draw(6, 10) }, () => draw(2, 500));
    const ys = xs.map((x) => x + draw(1, 500)); // what the pool really receives
    const swap = swapMapItems(ProcessPool, xs, ys);
    restore = swap.restore;
    let traced: Awaited<ReturnType<typeof withTrace<Array<{ x: number; square: number; pid: number }>>>>;
    try {
      traced = await withTrace(() => settle(fn(xs)));
    } finally {
      swap.restore();
    }
    const { value: rows, error, rows: traceRows } = traced;
    if (error !== undefined) throw error;
    expect(Array.isArray(rows) && rows.length === xs.length, say(
      `pour ${xs.length} nombres, la fonction a renvoyé ${Array.isArray(rows) ? rows.length : json(rows)} lignes : une ligne { x, square, pid } par nombre.`,
      `for ${xs.length} numbers, the function returned ${Array.isArray(rows) ? rows.length : json(rows)} rows: one row { x, square, pid } per number.`));
    const fromKernel = rows.findIndex((r, i) => r?.x === xs[i] && xs[i] !== ys[i]);
    expect(swap.swaps > 0 && fromKernel < 0, say(
      `la ligne ${Math.max(fromKernel, 0)} (${json(rows[Math.max(fromKernel, 0)])}) n'a pas été calculée par le pool : la vérification a remplacé en route les nombres donnés à pool.map (le pool a reçu ${ys.slice(0, 3).join(", ")}…). Calculez toutes les lignes avec un seul pool.map(f, xs), et renvoyez ce qu'il donne.`,
      `row ${Math.max(fromKernel, 0)} (${json(rows[Math.max(fromKernel, 0)])}) was not computed by the pool: the check swapped in flight the numbers given to pool.map (the pool received ${ys.slice(0, 3).join(", ")}…). Compute every row with one pool.map(f, xs), and return what it gives.`));
    const wrong = rows.findIndex((r, i) => r?.x !== ys[i] || r?.square !== ys[i] * ys[i]);
    expect(wrong < 0, say(
      `ligne ${wrong} : ${json(rows[wrong])} au lieu de x = ${ys[wrong]}, square = ${ys[wrong] ** 2} (le nombre que le pool a reçu) : pool.map garde l'ordre des entrées, et chaque ligne vaut { x, square: x * x, pid }.`,
      `row ${wrong}: ${json(rows[wrong])} instead of x = ${ys[wrong]}, square = ${ys[wrong] ** 2} (the number the pool received): pool.map keeps the inputs' order, and each row is { x, square: x * x, pid }.`));
    const pids = [...new Set(rows.map((r) => r.pid))];
    expect(pids.every((p) => typeof p === "number" && p !== process.pid), say(
      "un carré a été calculé dans le noyau : faites-le dans la fonction passée à pool.map, qui lit process.pid.",
      "a square was computed in the kernel: do it in the function given to pool.map, which reads process.pid."));
    const ran = workersIn(traceRows, "process");
    expect(ran.size > 0, say(
      "aucun processus n'a calculé pendant l'appel : ces lignes ont été écrites dans le noyau. Calculez-les avec pool.map d'un ProcessPool.",
      "no process computed during the call: these rows were written in the kernel. Compute them with a ProcessPool's pool.map."));
    const strangers = pids.filter((p) => !ran.has(p));
    expect(strangers.length === 0, say(
      `le pid ${strangers.join(", ")} n'est celui d'aucun processus qui a calculé pendant l'appel (ceux du pool : ${[...ran].join(", ")}) : lisez process.pid dans la fonction passée à pool.map.`,
      `pid ${strangers.join(", ")} is that of no process that computed during the call (the pool's: ${[...ran].join(", ")}): read process.pid in the function given to pool.map.`));
    const all = [...ran];
    if (!(await eventually(() => !all.some(running)))) {
      throw new Hint(say(
        `les processus ${all.filter(running).join(", ")} tournent encore : fermez le pool (await pool.close(), dans un finally) avant de renvoyer les résultats.`,
        `processes ${all.filter(running).join(", ")} are still running: close the pool (await pool.close(), in a finally) before returning.`));
    }
    return say(`${xs.length} carrés justes, calculés par les processus ${pids.join(", ")} à partir des nombres que seul le pool a reçus (la vérification les avait remplacés en route), processus fermés ensuite.`, `${xs.length} right squares, computed by processes ${pids.join(", ")} from numbers only the pool received (the check had swapped them in flight), processes closed afterwards.`);
  }, { cleanup: () => restore() });
}
