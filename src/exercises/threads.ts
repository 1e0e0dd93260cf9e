// Checkers of notebooks 01 and 02: threads and processes really started, by the library or raw Node.
import { threadId as mainThreadId } from "node:worker_threads";
import { draw, expect, say, sleep, verdict } from "./check.js";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Exercise: `fn(n)` starts n threads and gives the threadId each one saw. */
export function threadIds(fn: (n: number) => Promise<number[]>): Promise<void> {
  return verdict(async () => {
    const n = draw(2, 4);
    const ids = await fn(n);
    expect(Array.isArray(ids) && ids.length === n, say(
      `pour n = ${n}, la fonction a rendu ${JSON.stringify(ids)} : il faut un tableau de ${n} threadId, un par thread lancé.`,
      `for n = ${n}, the function returned ${JSON.stringify(ids)}: it needs an array of ${n} threadIds, one per thread started.`));
    expect(ids.every((id) => typeof id === "number" && id !== mainThreadId), say(
      `${JSON.stringify(ids)} contient le threadId du noyau (${mainThreadId}) : lisez threadId dans la fonction du Thread (require("node:worker_threads").threadId), pas dans la cellule.`,
      `${JSON.stringify(ids)} contains the kernel's threadId (${mainThreadId}): read threadId inside the Thread's function (require("node:worker_threads").threadId), not in the cell.`));
    expect(new Set(ids).size === n, say(
      `${JSON.stringify(ids)} : des threadId se répètent, il faut ${n} threads différents.`,
      `${JSON.stringify(ids)}: some threadIds repeat; ${n} different threads are needed.`));
    return say(`${n} threads lancés, chacun avec son threadId : ${ids.join(", ")} (le noyau a ${mainThreadId}).`, `${n} threads started, each with its own threadId: ${ids.join(", ")} (the kernel has ${mainThreadId}).`);
  });
}

/** Exercise: `fn(n)` computes n² in a raw `new Worker` and gives `[n², the worker's threadId]`. */
export function rawWorker(fn: (n: number) => Promise<[number, number]>): Promise<void> {
  return verdict(async () => {
    const n = draw(100, 999);
    const answer = await fn(n);
    expect(Array.isArray(answer) && answer[0] === n * n, say(
      `pour n = ${n}, la réponse est ${JSON.stringify(answer)} : le worker doit renvoyer [n * n, threadId] avec parentPort.postMessage.`,
      `for n = ${n}, the answer is ${JSON.stringify(answer)}: the worker must send [n * n, threadId] back with parentPort.postMessage.`));
    expect(typeof answer[1] === "number" && answer[1] !== mainThreadId, say(
      `le threadId reçu (${answer[1]}) n'est pas celui d'un worker : lisez-le dans le code du worker.`,
      `the threadId received (${answer[1]}) is not a worker's: read it in the worker's code.`));
    return say(`le worker ${answer[1]} a calculé ${n}² = ${n * n} et l'a envoyé par message.`, `worker ${answer[1]} computed ${n}² = ${n * n} and sent it as a message.`);
  });
}

/** Exercise: `fn()` forks a Node child that sends `{ pid, ppid }` with process.send, then ends. */
export function forkedChild(fn: () => Promise<{ pid: number; ppid: number }>): Promise<void> {
  return verdict(async () => {
    const seen = await fn();
    expect(seen && typeof seen.pid === "number", say(
      `la fonction a rendu ${JSON.stringify(seen)} : l'enfant doit envoyer { pid: process.pid, ppid: process.ppid } avec process.send.`,
      `the function returned ${JSON.stringify(seen)}: the child must send { pid: process.pid, ppid: process.ppid } with process.send.`));
    expect(seen.pid !== process.pid, say("ce pid est celui du noyau : lisez process.pid dans l'enfant.", "this pid is the kernel's: read process.pid in the child."));
    expect(seen.ppid === process.pid, say(
      `le parent de ce processus est ${seen.ppid}, pas le noyau (${process.pid}) : lancez-le avec fork depuis la cellule.`,
      `this process's parent is ${seen.ppid}, not the kernel (${process.pid}): start it with fork from the cell.`));
    for (let i = 0; i < 40 && alive(seen.pid); i++) await sleep(50);
    expect(!alive(seen.pid), say(
      `le processus ${seen.pid} tourne encore : qu'il se termine après son message (process.exit() ou child.disconnect()).`,
      `process ${seen.pid} is still running: make it end after its message (process.exit() or child.disconnect()).`));
    return say(`le processus ${seen.pid}, enfant du noyau ${process.pid}, a envoyé son message puis s'est terminé.`, `process ${seen.pid}, child of kernel ${process.pid}, sent its message and then ended.`);
  });
}

/** Exercise: `fn(xs)` squares xs in a ProcessPool, in order, with the pid that did each, then closes the pool. */
export function poolSquares(fn: (xs: number[]) => Promise<Array<{ x: number; square: number; pid: number }>>): Promise<void> {
  return verdict(async () => {
    const xs = Array.from({ length: draw(6, 10) }, () => draw(2, 500));
    const rows = await fn(xs);
    expect(Array.isArray(rows) && rows.length === xs.length, say(
      `pour ${xs.length} nombres, la fonction a rendu ${Array.isArray(rows) ? rows.length : JSON.stringify(rows)} lignes : une ligne { x, square, pid } par nombre.`,
      `for ${xs.length} numbers, the function returned ${Array.isArray(rows) ? rows.length : JSON.stringify(rows)} rows: one row { x, square, pid } per number.`));
    const wrong = rows.findIndex((r, i) => r?.x !== xs[i] || r?.square !== xs[i] * xs[i]);
    expect(wrong < 0, say(
      `ligne ${wrong} : ${JSON.stringify(rows[wrong])} au lieu de x = ${xs[wrong]}, square = ${xs[wrong] ** 2} : pool.map garde l'ordre des entrées.`,
      `row ${wrong}: ${JSON.stringify(rows[wrong])} instead of x = ${xs[wrong]}, square = ${xs[wrong] ** 2}: pool.map keeps the inputs' order.`));
    const pids = [...new Set(rows.map((r) => r.pid))];
    expect(pids.every((p) => typeof p === "number" && p !== process.pid), say(
      "un carré a été calculé dans le noyau : faites-le dans la fonction passée à pool.map, qui lit process.pid.",
      "a square was computed in the kernel: do it in the function given to pool.map, which reads process.pid."));
    for (let i = 0; i < 40 && pids.some(alive); i++) await sleep(50);
    expect(!pids.some(alive), say(
      `les processus ${pids.filter(alive).join(", ")} tournent encore : fermez le pool (await pool.close()) avant de rendre les résultats.`,
      `processes ${pids.filter(alive).join(", ")} are still running: close the pool (await pool.close()) before returning.`));
    return say(`${xs.length} carrés justes, calculés par les processus ${pids.join(", ")}, fermés ensuite.`, `${xs.length} right squares, computed by processes ${pids.join(", ")}, closed afterwards.`);
  });
}
