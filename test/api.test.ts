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
    "Event",
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
    "Semaphore",
    "SharedMemoryAcrossProcessesError",
    "SharedValue",
    "TaskCancelledError",
    "TaskTimeoutError",
    "Thread",
    "ThreadPool",
    "WorkerCrashedError",
    "cpuCount",
    "plots",
    "progress",
    "renderSvg",
    "sharedArray",
    "sharedValue",
    "show",
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
