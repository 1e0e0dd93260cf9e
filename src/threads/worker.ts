// Entry of every worker thread: piscina's task handler, and the body of a single Thread.
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { runTask, type TaskOutcome, type TaskRequest } from "../task/compile.js";
import { toTransferableError } from "../task/transfer.js";
import { relayWorkerOutput } from "./output.js";

const output = isMainThread ? undefined : relayWorkerOutput();

async function runTaskRequest(request: TaskRequest): Promise<TaskOutcome> {
  output?.begin(request.token);
  try {
    return await runTask(request);
  } finally {
    output?.end();
  }
}

if (!isMainThread && (workerData as { kind?: string } | null)?.kind === "concurrence.thread") {
  void runTaskRequest((workerData as { request: TaskRequest }).request).then((outcome) => {
    try {
      parentPort!.postMessage(outcome);
    } catch (error) {
      parentPort!.postMessage({ ok: false, error: toTransferableError(error) });
    }
  });
}

export = runTaskRequest;
