// Runs the teacher's solution of each timing-dependent check of notebooks 08–10 RUNS times (50 by
// default) while busy loops keep every core of the machine busy, and counts the ✅.
// Usage: node dist/bench/checks-under-load.js [check …]   (RUNS=50, BUSY=cpu count)
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import { checks, ThreadPool } from "../src/index.js";
import * as s from "../test/exercises/solutions.js";

const runs = Number(process.env.RUNS ?? 50);
const busy = Number(process.env.BUSY ?? os.availableParallelism());

const all: Record<string, () => Promise<void>> = {
  limitedDownloads: () => checks.limitedDownloads(s.telechargerAuPlus),
  retries: () => checks.retries(s.avecReprises),
  chunksizeSweep: () => checks.chunksizeSweep(s.balayage as (pool: ThreadPool, n: number[], c: number[]) => Promise<Array<{ chunksize: number; seconds: number }>>),
  firstResult: () => checks.firstResult(s.premierFini),
  coresUsed: () => checks.coresUsed(s.coeursUtilises),
  eagerCrawl: () => checks.eagerCrawl(s.indexer),
};

async function verdictOf(run: () => Promise<void>): Promise<string> {
  const original = console.log;
  let line = "";
  console.log = (...args: unknown[]) => (line += args.join(" "));
  try {
    await run();
  } finally {
    console.log = original;
  }
  return line;
}

async function main(): Promise<void> {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(all);
  const loops: ChildProcess[] = Array.from({ length: busy }, () => spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }));
  try {
    console.log(`${busy} busy loops started; load average ${os.loadavg()[0].toFixed(1)} before the runs`);
    for (const name of names) {
      let passed = 0;
      const failures: string[] = [];
      const began = performance.now();
      for (let i = 0; i < runs; i++) {
        const line = await verdictOf(all[name]);
        if (line.startsWith("✅")) passed++;
        else failures.push(line);
      }
      console.log(`${name}: ${passed}/${runs} ✅ in ${((performance.now() - began) / 1000).toFixed(0)} s (load average ${os.loadavg()[0].toFixed(1)})`);
      for (const f of failures.slice(0, 3)) console.log(`  ${f}`);
    }
  } finally {
    for (const loop of loops) loop.kill();
  }
}

void main().then(() => process.exit(0));
