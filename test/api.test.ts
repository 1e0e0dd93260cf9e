import assert from "node:assert/strict";
import { test } from "node:test";
import * as api from "../src/index.js";

// The public surface is a decision: changing it means changing this list.
test("the public API exports exactly these names", () => {
  assert.deepEqual(Object.keys(api).sort(), [
    "ConcurrenceError",
    "DemoServer",
    "HttpError",
    "NotSelfContainedError",
    "PoolClosedError",
    "Process",
    "ProcessPool",
    "Progress",
    "RequestTimeoutError",
    "TaskCancelledError",
    "Thread",
    "ThreadPool",
    "WorkerCrashedError",
    "clearOutput",
    "cpuCount",
    "crawl",
    "demoServer",
    "downloadConcurrent",
    "downloadFile",
    "downloadInThreads",
    "downloadSequential",
    "extractLinks",
    "mapLimit",
    "maxOverlap",
    "plots",
    "processInfo",
    "progress",
    "renderSvg",
    "show",
    "showImages",
    "summarize",
    "sweep",
    "table",
    "timeit",
    "workerCounts",
  ]);
  assert.deepEqual(Object.keys(api.plots).sort(), ["bars", "speedup", "timeVsWorkers", "timeline"]);
});

test("cpuCount is a positive integer", () => {
  assert.ok(Number.isInteger(api.cpuCount()) && api.cpuCount() >= 1);
});
