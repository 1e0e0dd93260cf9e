// `npm run bench`: measures side by side, in one run, and prints ratios. Not a test.
import { Process, ProcessPool, Thread, ThreadPool, cpuCount, timeit } from "../src/index.js";
import { gpuKernels } from "./gpu.js";

const trivial = (x: number) => x + 1;

async function startLatency(): Promise<void> {
  const thread = await timeit(() => new Thread(trivial, 1).start().join(), { repeat: 15, warmup: 2 });
  const child = await timeit(() => new Process(trivial, 1).start().join(), { repeat: 15, warmup: 2 });
  console.log(`start + join latency: thread ${(thread.seconds * 1000).toFixed(1)} ms, process ${(child.seconds * 1000).toFixed(1)} ms`);
  console.log(`  a process costs ${(child.seconds / thread.seconds).toFixed(1)}x a thread to start`);
}

async function poolThroughput(): Promise<void> {
  const workers = cpuCount();
  const items = Array.from({ length: 2000 }, (_, i) => i);
  const threads = new ThreadPool({ workers });
  const processes = new ProcessPool({ workers });
  try {
    await threads.map(trivial, items.slice(0, 100));
    await processes.map(trivial, items.slice(0, 100));
    const t = await timeit(() => threads.map(trivial, items), { repeat: 3 });
    const p = await timeit(() => processes.map(trivial, items), { repeat: 3 });
    const rate = (s: number) => Math.round(items.length / s);
    console.log(`trivial tasks on ${workers} workers: ThreadPool ${rate(t.seconds)} tasks/s, ProcessPool ${rate(p.seconds)} tasks/s`);
    console.log(`  ThreadPool / ProcessPool throughput: ${(p.seconds / t.seconds).toFixed(2)}`);
  } finally {
    await Promise.all([threads.close(), processes.close()]);
  }
}

async function main(): Promise<void> {
  await startLatency();
  await poolThroughput();
  await gpuKernels();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
