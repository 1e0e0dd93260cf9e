// Entry of every child process: runs the tasks its parent sends, one at a time, and carries
// the calls of the queues it was lent.
import "../sync/index.js"; // how Pipes, Queues... are revived here
import { runTask, type TaskRequest } from "../task/compile.js";
import { toTransferableError } from "../task/transfer.js";
import { isQueueReply, settleReply } from "./remote.js";

export interface TaskMessage {
  id: number;
  request: TaskRequest;
}

process.on("message", (message: TaskMessage) => {
  if (isQueueReply(message)) return settleReply(message);
  void runTask(message.request).then((outcome) => {
    // The parent may be gone (interrupted); the child then ends on "disconnect".
    if (!process.connected) return;
    try {
      process.send!({ id: message.id, ...outcome });
    } catch (error) {
      process.send!({ id: message.id, ok: false, error: toTransferableError(error), worker: outcome.worker, ms: outcome.ms });
    }
  });
});

// Under the kernel, the stop button's SIGINT reaches the whole process group. The kernel stops
// its children itself, after cancelling their tasks: the cell then reads KeyboardInterrupt,
// not a crash of a child that the signal killed first.
if (process.env.CONCURRENCE_KERNEL === "1") process.on("SIGINT", () => {});

// No parent, no reason to live: this also ends the child when the kernel dies.
process.on("disconnect", () => process.exit(0));
