import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import {
  demoServer,
  downloadConcurrent,
  downloadFile,
  downloadInThreads,
  downloadSequential,
  HttpError,
  RequestTimeoutError,
  TaskCancelledError,
  type DemoServer,
} from "../../src/index.js";
import { demoImage } from "../../src/io/images.js";
import { beginCell, interruptAll, liveResources } from "../../src/runtime/registry.js";

// These tests read the English messages (French is the default: see src/messages/).
process.env.CONCURRENCE_LANG = "en";

let server: DemoServer;
before(async () => {
  server = await demoServer({ latencyMs: 40 });
});
after(() => server.close());

const folder = () => mkdtempSync(path.join(os.tmpdir(), "concurrence-download-"));
const jobsIn = (dir: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ url: server.imageUrl(80, 40, "sports", i), file: path.join(dir, `image-${i}.png`) }));
const settled = () => new Promise((r) => setTimeout(r, 30));

test("downloadFile writes the served bytes into the file, atomically, creating the folder", async (t) => {
  const file = path.join(folder(), "deep", "er", "image.png");
  const result = await downloadFile(server.imageUrl(80, 40, "sports", 3), file);
  assert.deepEqual(readFileSync(file), demoImage(80, 40, "sports", 3));
  assert.equal(result.file, file);
  assert.equal(result.bytes, readFileSync(file).length);
  assert.equal(result.status, 200);
  assert.equal(result.contentType, "image/png");
  assert.equal(result.attempts, 1);
  assert.deepEqual(readdirSync(path.dirname(file)), ["image.png"], "no temporary file is left");
});

test("an HTTP error rejects with an HttpError and leaves no file", async (t) => {
  const dir = folder();
  const error = await downloadFile(`${server.url}/status/404`, path.join(dir, "x.png")).catch((e: unknown) => e);
  assert.ok(error instanceof HttpError);
  assert.equal(error.status, 404);
  assert.match(error.message, /^GET http:\/\/127\.0\.0\.1:\d+\/status\/404 answered 404 Not Found$/);
  assert.deepEqual(readdirSync(dir), []);
});

test("a request with no answer in time rejects with a RequestTimeoutError, and retries are counted", async (t) => {
  const start = performance.now();
  await assert.rejects(downloadFile(`${server.url}/hang`, path.join(folder(), "x"), { timeoutMs: 100, retries: 1, retryDelayMs: 10 }), (error: unknown) => {
    assert.ok(error instanceof RequestTimeoutError);
    assert.equal(error.timeoutMs, 100);
    assert.match(error.message, /within 100 ms \(options.timeoutMs\)/);
    return true;
  });
  assert.ok(performance.now() - start >= 200, "two attempts of 100 ms each");
  await settled();
  assert.equal(server.stats().inFlight, 0, "the abandoned requests are over on the server too");
});

test("retries get past injected server errors; a 404 is never retried", async (t) => {
  const flaky = await demoServer({ latencyMs: 0, failureRate: 0.5, seed: 3 });
  t.after(() => flaky.close());
  const dir = folder();
  const jobs = Array.from({ length: 12 }, (_, i) => ({ url: flaky.imageUrl(20, 10, "x", i), file: path.join(dir, `${i}.png`) }));
  const report = await downloadConcurrent(jobs, { retries: 8, retryDelayMs: 1 });
  assert.equal(report.files.length, 12);
  assert.ok(report.results.some((r) => r.attempts > 1), "some downloads needed a retry");
  assert.equal(flaky.stats().requests, report.results.reduce((n, r) => n + r.attempts, 0));
  flaky.resetStats();
  await assert.rejects(downloadFile(`${flaky.url}/status/404`, path.join(dir, "no"), { retries: 3 }), HttpError);
  assert.equal(flaky.stats().requests, 1);
  await flaky.close();
});

test("sequential downloads run one at a time; concurrent ones up to the limit", async (t) => {
  const dir = folder();
  server.resetStats();
  const sequential = await downloadSequential(jobsIn(dir, 6));
  assert.equal(sequential.maxInFlight, 1);
  assert.equal(server.stats().maxInFlight, 1);
  assert.deepEqual(sequential.files, jobsIn(dir, 6).map((j) => j.file));
  assert.deepEqual(readdirSync(dir).sort(), jobsIn(dir, 6).map((j) => path.basename(j.file)).sort());

  server.resetStats();
  const concurrent = await downloadConcurrent(jobsIn(folder(), 6), { concurrency: 3 });
  assert.equal(concurrent.mode, "concurrent");
  assert.equal(concurrent.concurrency, 3);
  assert.equal(concurrent.maxInFlight, 3);
  assert.equal(server.stats().maxInFlight, 3);
  assert.equal(server.stats().requests, 6);
  assert.equal(concurrent.bytes, sequential.bytes, "the same images, whoever downloads them");
  assert.ok(concurrent.results.every((r) => r.end >= r.start && r.start >= 0));
});

test("stopOnError: the first failure cancels the rest; or every failure is listed", async (t) => {
  const dir = folder();
  const jobs = [...jobsIn(dir, 4), { url: `${server.url}/status/503`, file: path.join(dir, "bad.png") }];
  await assert.rejects(downloadConcurrent(jobs, { concurrency: 5 }), (e: unknown) => e instanceof HttpError && e.status === 503);
  await settled();
  assert.equal(server.stats().inFlight, 0, "no request left running");

  const report = await downloadSequential(jobs, { stopOnError: false });
  assert.equal(report.files.length, 4);
  assert.equal(report.failures.length, 1);
  assert.equal(report.failures[0].index, 4);
  assert.ok(report.failures[0].error instanceof HttpError);
});

test("downloads in worker threads write every file, at most `workers` at a time, and free their threads", async (t) => {
  const before = liveResources();
  const dir = folder();
  server.resetStats();
  const report = await downloadInThreads(jobsIn(dir, 6), { workers: 3 });
  assert.equal(report.mode, "threads");
  assert.equal(report.files.length, 6);
  for (const [i, file] of report.files.entries()) assert.deepEqual(readFileSync(file), demoImage(80, 40, "sports", i));
  assert.ok(report.maxInFlight >= 1 && report.maxInFlight <= 3);
  assert.ok(server.stats().maxInFlight <= 3);
  assert.equal(liveResources(), before, "the pool is gone");

  const bad = [...jobsIn(folder(), 2), { url: `${server.url}/status/404`, file: path.join(dir, "bad") }];
  await assert.rejects(downloadInThreads(bad, { workers: 2 }), (e: unknown) => e instanceof HttpError && e.status === 404);
  const listed = await downloadInThreads(bad, { workers: 2, stopOnError: false });
  assert.equal(listed.failures.length, 1);
  assert.ok(listed.failures[0].error instanceof HttpError);
  assert.equal(liveResources(), before);
});

test("bad input gets a clear error", async (t) => {
  await assert.rejects(downloadFile("lorempixel.com/400/200" as string, "x"), { name: "RangeError", message: /url must be an absolute URL/ });
  await assert.rejects(downloadFile("ftp://127.0.0.1/x", "x"), { name: "RangeError", message: /http: or https:/ });
  await assert.rejects(downloadFile(42 as never, "x"), TypeError);
  await assert.rejects(downloadFile(server.siteUrl, ""), RangeError);
  await assert.rejects(downloadFile(server.siteUrl, "x", { timeoutMs: 0 }), { message: /options.timeoutMs must be a positive integer, got `0` \(number\)/ });
  await assert.rejects(downloadSequential("urls" as never), TypeError);
  await assert.rejects(downloadConcurrent([{ url: server.siteUrl }] as never), { message: /jobs\[0\].file must be a string/ });
  await assert.rejects(downloadConcurrent([], { concurrency: 0 }), RangeError);
  await assert.rejects(downloadSequential([], { stopOnError: "yes" as never }), TypeError);
  await assert.rejects(downloadInThreads([], { workers: 1.5 }), RangeError);
  const twice = [
    { url: server.siteUrl, file: "same.html" },
    { url: server.siteUrl, file: "./same.html" },
  ];
  await assert.rejects(downloadConcurrent(twice), { name: "RangeError", message: /jobs\[1\].file repeats jobs\[0\].file/ });
});

test("the caller's signal and the stop button cancel the downloads", async (t) => {
  const controller = new AbortController();
  const running = downloadConcurrent(
    [{ url: `${server.url}/hang`, file: path.join(folder(), "x") }],
    { signal: controller.signal },
  );
  setTimeout(() => controller.abort(new Error("enough")), 50);
  await assert.rejects(running, (e: unknown) => e instanceof TaskCancelledError && /enough/.test(e.message));

  const before = liveResources();
  const stopped = downloadFile(`${server.url}/hang`, path.join(folder(), "y"));
  assert.equal(liveResources(), before + 1, "a running download is registered");
  setTimeout(() => interruptAll(new Error("interrupted by the kernel's stop button")), 50);
  await assert.rejects(stopped, TaskCancelledError);
  assert.equal(liveResources(), before);

  await beginCell("download-cell");
  const rerun = downloadFile(`${server.url}/hang`, path.join(folder(), "z"));
  setTimeout(() => void beginCell("download-cell"), 50);
  await assert.rejects(rerun, TaskCancelledError);
  await beginCell(undefined);
  await settled();
  assert.equal(server.stats().inFlight, 0);
});
