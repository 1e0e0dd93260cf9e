// `npm run bench`: measures side by side, in one run, and prints ratios. Not a test.
// Sizes can be changed with BENCH_TASKS, BENCH_NUMBERS, BENCH_PY_NUMBERS and BENCH_ROUNDS;
// BENCH_ONLY=throughput,trace,latency,cpu,io,gpu,kernel,interleavings,classroom runs some parts only.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Piscina } from "piscina";
import { Process, ProcessPool, Thread, ThreadPool, cpuCount } from "../src/index.js";
import { factorCount, randomNumbers, split } from "./factorise.js";
import { bestRatio, coresUsed, describe, median, pairedRatio, sideBySide, type Rounds } from "./interleave.js";
import { ioConcurrency } from "./io.js";
import { traceOverhead } from "./trace.js";
import { interleavingsBench } from "./interleavings.js";

const WORKERS = cpuCount();
const TASKS = Number(process.env.BENCH_TASKS ?? 5000);
const NUMBERS = Number(process.env.BENCH_NUMBERS ?? 300_000);
const PY_NUMBERS = Number(process.env.BENCH_PY_NUMBERS ?? 40_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const summary: string[] = [];
import { gpuKernels } from "./gpu.js";
import { kernelSpeed } from "./kernel.js";
import { classroom } from "./classroom.js";

const trivial = (x: number) => x + 1;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const rate = (tasks: number, seconds: number[]) => `${Math.round(tasks / median(seconds))} tasks/s`;

function report(title: string, rounds: Rounds, show: (values: number[]) => string = describe): void {
  console.log(`\n${title}`);
  for (const [name, values] of rounds) console.log(`  ${name.padEnd(22)} ${show(values)}`);
}

async function throughput(): Promise<void> {
  const raw = new Piscina({ filename: path.join(__dirname, "workers", "trivial.js"), minThreads: WORKERS, maxThreads: WORKERS, idleTimeout: Infinity });
  const threads = new ThreadPool({ workers: WORKERS });
  const items = range(TASKS);
  try {
    const rounds = await sideBySide(
      [
        { name: "raw piscina", run: () => Promise.all(items.map((i) => raw.run(i))) },
        { name: "ThreadPool.submit", run: () => Promise.all(items.map((i) => threads.submit(trivial, i))) },
        { name: "ThreadPool.map", run: () => threads.map(trivial, items) },
      ],
      ROUNDS,
      2,
    );
    report(`Pool throughput: ${TASKS} trivial tasks on ${WORKERS} worker threads, one task per item`, rounds, (v) => `${rate(TASKS, v)}  ${describe(v)}`);
    const ratio = bestRatio(rounds, "raw piscina", "ThreadPool.submit");
    const mapRatio = bestRatio(rounds, "raw piscina", "ThreadPool.map");
    const paired = pairedRatio(rounds, "raw piscina", "ThreadPool.submit");
    console.log(`  ThreadPool / raw piscina tasks/s, best runs: submit ${ratio.toFixed(2)}, map ${mapRatio.toFixed(2)}; median of per-round ratios: submit ${paired.toFixed(2)}`);
    summary.push(
      `ThreadPool tasks/s as a ratio of raw piscina's: ${ratio.toFixed(2)} best runs, ${paired.toFixed(2)} median per round (target >= 0.9)${ratio >= 0.9 ? "" : "  BELOW TARGET"}`,
    );
  } finally {
    await Promise.all([raw.destroy(), threads.close()]);
  }
  const processes = new ProcessPool({ workers: WORKERS });
  try {
    const fewer = range(Math.max(100, TASKS / 4));
    const rounds = await sideBySide([{ name: "ProcessPool.submit", run: () => Promise.all(fewer.map((i) => processes.submit(trivial, i))) }], 3, 1);
    report(`Process pool throughput: ${fewer.length} trivial tasks on ${WORKERS} child processes`, rounds, (v) => `${rate(fewer.length, v)}  ${describe(v)}`);
  } finally {
    await processes.close();
  }
}

async function startLatency(): Promise<void> {
  const rounds = await sideBySide(
    [
      { name: "Thread", run: () => new Thread(trivial, 1).start().join() },
      { name: "Process", run: () => new Process(trivial, 1).start().join() },
    ],
    15,
    2,
  );
  report("Start latency: new Thread/Process(trivial).start().join()", rounds, (v) => `${(median(v) * 1000).toFixed(1)} ms median (min ${(Math.min(...v) * 1000).toFixed(1)}, ${v.length} runs)`);
  const times = pairedRatio(rounds, "Process", "Thread");
  console.log(`  a process costs ${times.toFixed(1)}x a thread to start`);
  summary.push(`start latency: thread ${(median(rounds.get("Thread")!) * 1000).toFixed(1)} ms, process ${(median(rounds.get("Process")!) * 1000).toFixed(1)} ms (${times.toFixed(1)}x)`);
}

async function cpuBound(): Promise<void> {
  const numbers = randomNumbers(NUMBERS);
  const chunks = split(numbers, WORKERS * 8);
  const threads = new ThreadPool({ workers: WORKERS });
  const processes = new ProcessPool({ workers: WORKERS });
  const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
  try {
    const expected = factorCount(numbers);
    const check = async (counts: Promise<number[]>) => {
      if (sum(await counts) !== expected) throw new Error("the parallel factorisation disagrees with the sequential one");
    };
    await Promise.all([check(threads.map(factorCount, chunks)), check(processes.map(factorCount, chunks))]);
    const rounds = await sideBySide(
      [
        { name: "sequential", run: () => factorCount(numbers) },
        { name: "ThreadPool.map", run: () => threads.map(factorCount, chunks) },
        { name: "ProcessPool.map", run: () => processes.map(factorCount, chunks) },
      ],
      Math.max(3, ROUNDS - 2),
      1,
    );
    report(`CPU-bound: prime factors of ${NUMBERS} numbers (the seed's workload), ${chunks.length} chunks on ${WORKERS} workers`, rounds);
    const t = bestRatio(rounds, "sequential", "ThreadPool.map");
    const p = bestRatio(rounds, "sequential", "ProcessPool.map");
    const tPaired = pairedRatio(rounds, "sequential", "ThreadPool.map");
    const pPaired = pairedRatio(rounds, "sequential", "ProcessPool.map");
    const cores = Math.max(...coresUsed.get("ThreadPool.map")!);
    console.log(`  speed-up vs sequential, best runs: threads ${t.toFixed(2)}, processes ${p.toFixed(2)} (ideal ${WORKERS}); median per round: threads ${tPaired.toFixed(2)}, processes ${pPaired.toFixed(2)}`);
    console.log(`  the ThreadPool got at most ${cores.toFixed(2)} cores of CPU time per second (other programs share this machine)`);
    summary.push(
      `CPU-bound speed-up on ${WORKERS} cores, best runs: ThreadPool ${t.toFixed(2)}, ProcessPool ${p.toFixed(2)} (target >= 1.8 on 2 cores)${Math.max(t, p) >= 1.8 ? "" : "  BELOW TARGET"}; ` +
        `at most ${cores.toFixed(2)} cores were free for it`,
    );
  } finally {
    await Promise.all([threads.close(), processes.close()]);
  }
  await againstPython(numbers.slice(0, PY_NUMBERS));
}

/** The same numbers under Python's multiprocessing.Pool, round by round beside Node's run. */
async function againstPython(numbers: number[]): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "concurrence-bench-"));
  const file = path.join(dir, "numbers.json");
  writeFileSync(file, JSON.stringify(numbers));
  const script = path.join(__dirname, "..", "..", "bench", "factorise.py");
  const chunks = split(numbers, WORKERS * 8);
  const pool = new ThreadPool({ workers: WORKERS });
  const node = { sequential: [] as number[], parallel: [] as number[] };
  const python = { sequential: [] as number[], parallel: [] as number[], start: [] as number[] };
  try {
    await pool.map(factorCount, chunks);
    for (let round = 0; round < 3; round++) {
      let start = performance.now();
      factorCount(numbers);
      node.sequential.push((performance.now() - start) / 1000);
      start = performance.now();
      await pool.map(factorCount, chunks);
      node.parallel.push((performance.now() - start) / 1000);
      const { stdout } = await promisify(execFile)("python3", [script, file, String(chunks.length)], { timeout: 600_000 });
      const run = JSON.parse(stdout) as { sequential: number; parallel: number; pool_start: number };
      python.sequential.push(run.sequential);
      python.parallel.push(run.parallel);
      python.start.push(run.pool_start);
    }
  } catch (error) {
    console.log(`\nPython comparison skipped: ${(error as Error).message.split("\n")[0]}`);
    summary.push("Python multiprocessing comparison: skipped (python3 failed)");
    return;
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nThe same ${numbers.length} numbers, Node and Python's multiprocessing.Pool(${WORKERS}), 3 interleaved rounds`);
  console.log(`  Node sequential        ${describe(node.sequential)}`);
  console.log(`  Node ThreadPool.map    ${describe(node.parallel)}`);
  console.log(`  Python sequential      ${describe(python.sequential)}`);
  console.log(`  Python Pool.map        ${describe(python.parallel)}  (pool start ${median(python.start).toFixed(3)} s, not counted)`);
  const speedup = (r: { sequential: number[]; parallel: number[] }) => median(r.sequential.map((s, i) => s / r.parallel[i]));
  const faster = median(python.sequential) / median(node.sequential);
  console.log(`  speed-up: Node ${speedup(node).toFixed(2)}, Python ${speedup(python).toFixed(2)}; Node runs this code ${faster.toFixed(0)}x faster than Python`);
  summary.push(`same workload (${numbers.length} numbers): Python multiprocessing speed-up ${speedup(python).toFixed(2)}, Node ThreadPool ${speedup(node).toFixed(2)}; Node ${faster.toFixed(0)}x faster sequentially`);
}

async function main(): Promise<void> {
  console.log(`concurrence bench: Node ${process.version}, ${WORKERS} usable cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  console.log("Variants run in alternating order within each round; figures are medians. The machine may be shared: compare ratios.");
  const only = process.env.BENCH_ONLY?.split(",");
  if (!only || only.includes("throughput")) await throughput();
  if (!only || only.includes("trace")) summary.push(await traceOverhead(TASKS, ROUNDS));
  if (!only || only.includes("latency")) await startLatency();
  if (!only || only.includes("cpu")) await cpuBound();
  if (!only || only.includes("io")) {
    console.log("\nI/O: the same downloads and crawl, sequential against concurrent");
    await ioConcurrency();
  }
  if (!only || only.includes("gpu")) {
    console.log("\nGPU: gpu.js kernels against their JavaScript references");
    await gpuKernels();
  }
  if (!only || only.includes("interleavings")) summary.push(...(await interleavingsBench(ROUNDS)));
  if (!only || only.includes("kernel")) {
    console.log("\nKernel: ours beside IPython's, started and driven by jupyter_client");
    await kernelSpeed(summary);
  }
  if (!only || only.includes("classroom")) {
    console.log("\nClassroom: a class logs in at once on the hub, each student runs a pool");
    await classroom(summary);
  }
  console.log(`\nSummary (load average now ${os.loadavg().map((l) => l.toFixed(2)).join(" ")})`);
  for (const line of summary) console.log(`  ${line}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
