import assert from "node:assert/strict";
import { test } from "node:test";
import * as api from "../src/index.js";

// The public surface is a decision: changing it means changing this list.
test("the public API exports exactly these names", () => {
  assert.deepEqual(Object.keys(api).sort(), [
    "BackendUnavailableError",
    "ConcurrenceError",
    "Gpu",
    "LiveDisplay",
    "NotSelfContainedError",
    "PoolClosedError",
    "Process",
    "ProcessPool",
    "Progress",
    "ResultMismatchError",
    "TaskCancelledError",
    "Thread",
    "ThreadPool",
    "WorkerCrashedError",
    "assertClose",
    "bindToCell",
    "compare",
    "cpuCount",
    "elementwiseCpu",
    "gpuReport",
    "live",
    "mandelbrotCpu",
    "mandelbrotImage",
    "matmulCpu",
    "plots",
    "progress",
    "randomMatrix",
    "randomVector",
    "renderSvg",
    "seededRandom",
    "show",
    "summarize",
    "sweep",
    "table",
    "timeit",
    "workerCounts",
  ]);
  assert.deepEqual(Object.keys(api.plots).sort(), ["bars", "lines", "speedup", "timeVsWorkers"]);
});

test("cpuCount is a positive integer", () => {
  assert.ok(Number.isInteger(api.cpuCount()) && api.cpuCount() >= 1);
});
