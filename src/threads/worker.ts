// Entry of every worker thread: piscina's task handler for a ThreadPool, and the body of a single Thread.
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import "../sync/index.js"; // how Locks, Queues... are revived here
import { runTask, type TaskOutcome, type TaskRequest } from "../task/compile.js";
import { attachTable } from "../task/table.js";
import { toTransferableError } from "../task/transfer.js";
import { relayWorkerOutput } from "./output.js";

const output = isMainThread ? undefined : relayWorkerOutput();
const data = (isMainThread ? null : workerData) as { kind?: string; table?: SharedArrayBuffer; request?: TaskRequest } | null;

async function runTaskRequest(request: TaskRequest): Promise<TaskOutcome> {
  output?.begin(request.token);
  let outcome: TaskOutcome | undefined;
  try {
    outcome = await runTask(request);
    return outcome;
  } finally {
    const printed = output?.end() ?? false;
    if (outcome && printed) outcome.printed = true;
  }
}

if (data?.kind === "concurrence.pool" && data.table) attachTable(data.table);

if (data?.kind === "concurrence.thread") {
  void runTaskRequest(data.request!).then((outcome) => {
    try {
      parentPort!.postMessage(outcome);
    } catch (error) {
      parentPort!.postMessage({ ok: false, error: toTransferableError(error), printed: outcome.printed });
    }
  });
}

export = runTaskRequest;
