// Entry of every worker thread: piscina's task handler for a ThreadPool, and the body of a single Thread.
import { isMainThread, parentPort, threadId, workerData } from "node:worker_threads";
import "../sync/index.js"; // how Locks, Queues... are revived here
import { runTask, type TaskOutcome, type TaskRequest } from "../task/compile.js";
import { attachTable } from "../task/table.js";
import { toTransferableError } from "../task/transfer.js";
import { FINISHED, SKIP, WAITING } from "./dispatch.js";
import { attachRing } from "../trace/hooks.js";
import { relayWorkerOutput } from "./output.js";

const output = isMainThread ? undefined : relayWorkerOutput();
const data = (isMainThread ? null : workerData) as { kind?: string; table?: SharedArrayBuffer; cells?: Int32Array; request?: TaskRequest; trace?: SharedArrayBuffer } | null;
attachRing(data?.trace); // lock waits here reach the kernel's trace
const cells = data?.cells;
const SKIPPED: TaskOutcome = { ok: false, error: { name: "TaskCancelledError", message: "the task was cancelled before it started" } };

async function runTaskRequest(request: TaskRequest): Promise<TaskOutcome> {
  // A pool task says in its cell that it started here, unless it was cancelled first.
  if (cells && request.cell !== undefined && Atomics.compareExchange(cells, request.cell, WAITING, threadId) === SKIP) return SKIPPED;
  output?.begin(request.token);
  let outcome: TaskOutcome | undefined;
  try {
    outcome = await runTask(request);
    return outcome;
  } finally {
    if (cells && request.cell !== undefined) Atomics.store(cells, request.cell, FINISHED);
    const printed = output?.end();
    if (outcome && printed !== undefined) outcome.output = printed;
  }
}

if (data?.kind === "concurrence.pool" && data.table) attachTable(data.table);

if (data?.kind === "concurrence.thread") {
  void runTaskRequest(data.request!).then((outcome) => {
    try {
      parentPort!.postMessage(outcome);
    } catch (error) {
      parentPort!.postMessage({ ok: false, error: toTransferableError(error), output: outcome.output });
    }
  });
}

export = runTaskRequest;
