// I/O benchmarks: the same downloads and crawl, sequential against concurrent, side by side.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { crawl, demoServer, downloadConcurrent, downloadInThreads, downloadSequential, timeit } from "../src/index.js";

export async function ioConcurrency(): Promise<void> {
  const server = await demoServer({ latencyMs: 40, jitterMs: 20 });
  const dir = mkdtempSync(path.join(os.tmpdir(), "concurrence-bench-"));
  try {
    const jobs = Array.from({ length: 20 }, (_, i) => ({ url: server.imageUrl(400, 200, "sports", i), file: path.join(dir, `${i}.png`) }));
    const run = (fn: () => Promise<unknown>) => timeit(async () => (server.resetStats(), await fn()), { repeat: 3, warmup: 1 });
    const sequential = await run(() => downloadSequential(jobs));
    const concurrent = await run(() => downloadConcurrent(jobs, { concurrency: 10 }));
    const threads = await run(() => downloadInThreads(jobs, { workers: 10 }));
    console.log(
      `20 downloads (40-60 ms latency): sequential ${sequential.seconds.toFixed(3)} s, ` +
        `event loop ×10 ${concurrent.seconds.toFixed(3)} s, 10 threads ${threads.seconds.toFixed(3)} s`,
    );
    console.log(`  event loop speed-up ${(sequential.seconds / concurrent.seconds).toFixed(1)}, threads ${(sequential.seconds / threads.seconds).toFixed(1)}`);
    const one = await run(() => crawl(server.siteUrl, { concurrency: 1 }));
    const eight = await run(() => crawl(server.siteUrl, { concurrency: 8 }));
    console.log(`crawl of ${server.pageUrls().length} pages: concurrency 1 ${one.seconds.toFixed(3)} s, 8 ${eight.seconds.toFixed(3)} s`);
    console.log(`  crawl speed-up ${(one.seconds / eight.seconds).toFixed(1)}`);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
