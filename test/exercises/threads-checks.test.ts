// The checkers of notebooks 01 and 02 against wrong answers of every kind a student writes:
// numbers computed in the kernel, fake ids and pids, threads not awaited, a square computed
// outside the worker, a worker or a child left running, a pool never closed, rows out of order.
// Each gets ❌ with a hint naming its fault; the teacher's solution gets ✅.
import assert from "node:assert/strict";
import { fork, spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { Worker } from "node:worker_threads";
import { checks, ProcessPool, Thread, ThreadPool } from "../../src/index.js";
import { captureStdout } from "../helpers/capture.js";

const said = (run: () => Promise<void>) => captureStdout(run);
const ok = /^✅ /;

test("threadIds: ✅ for n real threads; ❌ for kernel ids, made-up ids, unawaited joins, one thread reused", { timeout: 60_000 }, async () => {
  const threadId = () => require("node:worker_threads").threadId as number;
  assert.match(await said(() => checks.threadIds(async (n) => Promise.all(Array.from({ length: n }, () => new Thread(threadId).start()).map((t) => t.join())))), ok);
  assert.match(await said(() => checks.threadIds(async (n) => Array.from({ length: n }, () => 0))), /^❌ .*threadId du noyau/);
  assert.match(await said(() => checks.threadIds(async (n) => Array.from({ length: n }, (_, i) => i + 1))), /^❌ aucun thread n'a tourné pendant l'appel/);
  assert.match(await said(() => checks.threadIds(async (n) => {
    await Promise.all(Array.from({ length: n }, () => new Thread(threadId).start().join()));
    return Array.from({ length: n }, (_, i) => 10_000 + i); // threads ran, but these ids are made up
  })), /^❌ \[10000.*n'est le threadId d'aucun thread lancé pendant l'appel/);
  assert.match(await said(() => checks.threadIds((async (n: number) => Array.from({ length: n }, () => new Thread(threadId).start()).map((t) => t.join())) as never)), /^❌ le tableau contient des promesses/);
  const one = new ThreadPool({ workers: 1 });
  try {
    assert.match(await said(() => checks.threadIds(async (n) => one.map(threadId, Array.from({ length: n }, () => 0)))), /^❌ .*des threadId se répètent/);
  } finally {
    await one.close();
  }
  assert.match(await said(() => checks.threadIds(async () => [1])), /^❌ pour n = \d, la fonction a renvoyé \[1\]/);
});

const squareWorker = (reply: string, stop = true) => (n: number) => {
  const worker = new Worker(`const { parentPort, threadId } = require("node:worker_threads"); parentPort.on("message", (n) => parentPort.postMessage(${reply}));`, { eval: true });
  return new Promise<[number, number]>((resolve, reject) => {
    worker.once("message", (answer: [number, number]) => {
      resolve(answer);
      if (stop) void worker.terminate();
    });
    worker.once("error", reject);
    worker.postMessage(n);
  });
};

test("rawWorker: ✅ when the worker squares what it receives; ❌ in the kernel, outside the worker, wrong id, left running", { timeout: 60_000 }, async () => {
  assert.match(await said(() => checks.rawWorker(squareWorker("[n * n, threadId]"))), ok);
  assert.match(await said(() => checks.rawWorker(async (n) => [n * n, 1])), /^❌ aucun Worker n'a reçu/);
  assert.match(await said(() => checks.rawWorker(async (n) => {
    const [, id] = await squareWorker("[0, threadId]")(n); // the worker runs, the square is the kernel's
    return [n * n, id];
  })), /^❌ votre fonction renvoie \d+² = \d+, calculé hors du worker/);
  assert.match(await said(() => checks.rawWorker(squareWorker("[n * n, 0]"))), /^❌ le threadId reçu \(0\) n'est pas celui d'un worker/);
  assert.match(await said(() => checks.rawWorker(squareWorker("[n * n, threadId + 1000]"))), /^❌ le threadId \d+ n'est pas celui du worker qui a reçu le nombre/);
  assert.match(await said(() => checks.rawWorker(squareWorker("[n + n, threadId]"))), /^❌ le worker a reçu \d+, et la réponse commence par/);
  assert.match(await said(() => checks.rawWorker(squareWorker("[n * n, threadId]", false))), /^❌ le worker tourne encore après la réponse/);
  assert.match(await said(() => checks.rawWorker((async (n: number) => (await squareWorker("[n * n, threadId]")(n))[0]) as never)), /^❌ la réponse est \d+ :/);
});

/** Writes a child script for the duration of one check. */
async function withScript(code: string, run: (script: string) => Promise<void>): Promise<void> {
  const script = path.join(os.tmpdir(), `forked-${process.pid}-${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(script, code);
  try {
    await run(script);
  } finally {
    rmSync(script, { force: true });
  }
}

const forked = (script: string) => () => {
  const child = fork(script);
  return new Promise<{ pid: number; ppid: number }>((resolve, reject) => {
    let message: { pid: number; ppid: number } | undefined;
    child.on("message", (m) => {
      message = m as { pid: number; ppid: number };
      if (script.includes("stays")) resolve(message); // a child that never ends: answer at once
    });
    child.once("error", reject);
    child.once("exit", (code) => (message ? resolve(message) : reject(new Error(`exit ${code}`))));
  });
};

test("forkedChild: ✅ for a forked child; ❌ for a message made in the kernel, a child that stays, a non-Node child, a wrong ppid", { timeout: 60_000 }, async () => {
  await withScript("process.send({ pid: process.pid, ppid: process.ppid }, () => process.exit(0));", async (script) => {
    assert.match(await said(() => checks.forkedChild(forked(script))), ok);
  });
  assert.match(await said(() => checks.forkedChild(async () => ({ pid: process.pid + 1, ppid: process.pid }))), /^❌ aucun processus enfant du noyau n'a tourné pendant l'appel/);
  assert.match(await said(() => checks.forkedChild(async () => ({ pid: process.pid, ppid: process.ppid }))), /^❌ ce pid est celui du noyau/);
  await withScript("process.send({ pid: process.pid, ppid: 1 }, () => process.exit(0));", async (script) => {
    assert.match(await said(() => checks.forkedChild(forked(script))), /^❌ le parent annoncé est 1/);
  });
  const stays = path.join(os.tmpdir(), `stays-${process.pid}.js`);
  writeFileSync(stays, "process.send({ pid: process.pid, ppid: process.ppid }); setInterval(() => {}, 1000);");
  try {
    assert.match(await said(() => checks.forkedChild(forked(stays))), /^❌ le processus \d+ tourne encore/);
  } finally {
    rmSync(stays, { force: true });
  }
  assert.match(await said(() => checks.forkedChild(async () => {
    const sleeper = spawn("sleep", ["0.3"]); // a real child, but not a Node.js started by fork
    await new Promise((resolve) => sleeper.once("exit", resolve));
    return { pid: sleeper.pid!, ppid: process.pid };
  })), /^❌ le processus \d+ exécute .*sleep, pas Node\.js/);
});

const squares = (x: number) => ({ x, square: x * x, pid: process.pid });

test("poolSquares: ✅ for a closed ProcessPool; ❌ in the kernel, a pool used for one number, fake pids, out of order, pool left open", { timeout: 90_000 }, async () => {
  assert.match(await said(() => checks.poolSquares(async (xs) => {
    const pool = new ProcessPool({ workers: 2 });
    try {
      return await pool.map(squares, xs);
    } finally {
      await pool.close();
    }
  })), ok);
  assert.match(await said(() => checks.poolSquares(async (xs) => xs.map(squares))), /^❌ la ligne 0 .*n'a pas été calculée par le pool/);
  assert.match(await said(() => checks.poolSquares(async (xs) => xs.map((x) => ({ x, square: x * x, pid: 4242 })))), /^❌ la ligne 0 .*n'a pas été calculée par le pool/);
  assert.match(await said(() => checks.poolSquares(async (xs) => {
    const pool = new ProcessPool({ workers: 2 });
    let pid = 0;
    try {
      pid = (await pool.map(squares, xs.slice(0, 1)))[0].pid; // the pool computes one number…
    } finally {
      await pool.close();
    }
    return xs.map((x) => ({ x, square: x * x, pid })); // …and the kernel all the rows, with the pool's pid
  })), /^❌ la ligne 0 .*n'a pas été calculée par le pool/);
  assert.match(await said(() => checks.poolSquares(async (xs) => {
    const pool = new ProcessPool({ workers: 2 });
    try {
      return await pool.map((x: number) => ({ x, square: x * x, pid: 4242 }), xs); // the pool computes, the pid is made up
    } finally {
      await pool.close();
    }
  })), /^❌ le pid 4242 n'est celui d'aucun processus qui a calculé pendant l'appel/);
  assert.match(await said(() => checks.poolSquares(async (xs) => {
    const pool = new ProcessPool({ workers: 2 });
    try {
      return (await pool.map(squares, xs)).sort((a, b) => a.x - b.x);
    } finally {
      await pool.close();
    }
  })), /^❌ ligne \d+ : .*pool\.map garde l'ordre des entrées/);
  let left: ProcessPool | undefined;
  try {
    assert.match(await said(() => checks.poolSquares(async (xs) => {
      left = new ProcessPool({ workers: 2 });
      return left.map(squares, xs); // never closed
    })), /^❌ les processus .* tournent encore/);
  } finally {
    await left?.terminate();
  }
});
