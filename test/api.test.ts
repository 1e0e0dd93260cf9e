import assert from "node:assert/strict";
import { test } from "node:test";
import * as api from "../src/index.js";

// The public surface is a decision: changing it means changing this list.
test("the public API exports exactly these names", () => {
  assert.deepEqual(Object.keys(api).sort(), [
    "Barrier",
    "BoundedSemaphore",
    "BrokenBarrierError",
    "ChannelClosedError",
    "ConcurrenceError",
    "Condition",
    "Connection",
    "DemoServer",
    "Event",
    "HttpError",
    "Lock",
    "LockNotHeldError",
    "LockTimeoutError",
    "NotSelfContainedError",
    "Pipe",
    "PoolClosedError",
    "Process",
    "ProcessPool",
    "Progress",
    "Queue",
    "QueueEmptyError",
    "QueueFullError",
    "RLock",
    "RequestTimeoutError",
    "Semaphore",
    "SharedMemoryAcrossProcessesError",
    "SharedValue",
    "TaskCancelledError",
    "TaskTimeoutError",
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
    "sharedArray",
    "sharedValue",
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
