// Not a test: a measurement. Runs the teacher's solution of each check of notebooks 01-03 N times
// (50 by default) while busy loops keep every core busy, and prints how many got ✅.
//   node dist/test/exercises/under-load.js [runs] [check,check...]
// The busy loops are child processes of this script, killed when it ends.
import { fork, spawn, type ChildProcess } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { checks, cpuCount, ProcessPool, Thread, type Lock, type Queue, type SharedValue } from "../../src/index.js";
import { captureStdout } from "../helpers/capture.js";
import { ordreDesVerrous } from "./solutions.js";

const script = path.join(os.tmpdir(), `under-load-${process.pid}.js`);
writeFileSync(script, "process.send({ pid: process.pid, ppid: process.ppid }, () => process.exit(0));");

const solutions: Record<string, () => Promise<void>> = {
  threadIds: () => checks.threadIds(async (n) => Promise.all(Array.from({ length: n }, () => new Thread(() => require("node:worker_threads").threadId as number).start()).map((t) => t.join()))),
  rawWorker: () => checks.rawWorker((n) => {
    const worker = new Worker(`const { parentPort, threadId } = require("node:worker_threads"); parentPort.on("message", (n) => parentPort.postMessage([n * n, threadId]));`, { eval: true });
    return new Promise<[number, number]>((resolve, reject) => {
      worker.once("message", (answer: [number, number]) => {
        resolve(answer);
        void worker.terminate();
      });
      worker.once("error", reject);
      worker.postMessage(n);
    });
  }),
  forkedChild: () => checks.forkedChild(() => {
    const child = fork(script);
    return new Promise((resolve, reject) => {
      let message: { pid: number; ppid: number } | undefined;
      child.on("message", (m) => (message = m as { pid: number; ppid: number }));
      child.once("error", reject);
      child.once("exit", (code) => (message ? resolve(message) : reject(new Error(`exit ${code}`))));
    });
  }),
  poolSquares: () => checks.poolSquares(async (xs) => {
    const pool = new ProcessPool({ workers: 2 });
    try {
      return await pool.map((x: number) => ({ x, square: x * x, pid: process.pid }), xs);
    } finally {
      await pool.close();
    }
  }),
  lockedCounter: () => checks.lockedCounter((compteur: SharedValue, verrou: Lock, fois: number) => {
    for (let i = 0; i < fois; i++) {
      verrou.acquire();
      compteur.value++;
      verrou.release();
    }
  }),
  noDeadlock: () => checks.noDeadlock(ordreDesVerrous),
  queueConsumers: () => checks.queueConsumers(async (aFaire: Queue<number>) => {
    let somme = 0;
    for await (const n of aFaire) somme += n;
    return somme;
  }),
};

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 50);
  const names = process.argv[3]?.split(",") ?? Object.keys(solutions);
  const busy: ChildProcess[] = Array.from({ length: cpuCount() }, () => spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }));
  try {
    console.log(`${busy.length} busy loops on ${cpuCount()} cores; load average ${os.loadavg()[0].toFixed(1)}`);
    for (const name of names) {
      let passed = 0;
      const failures: string[] = [];
      const began = Date.now();
      for (let i = 0; i < runs; i++) {
        const said = await captureStdout(solutions[name]);
        if (said.startsWith("✅ ")) passed++;
        else failures.push(said.trim());
      }
      console.log(`${name}: ${passed}/${runs} ✅ in ${((Date.now() - began) / 1000).toFixed(0)} s (load ${os.loadavg()[0].toFixed(1)})`);
      for (const f of [...new Set(failures)]) console.log(`  ${f}`);
    }
  } finally {
    for (const b of busy) b.kill();
    rmSync(script, { force: true });
  }
}

void main().then(() => process.exit(0));
