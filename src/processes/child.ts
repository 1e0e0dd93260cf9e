// Entry of every child process: runs the tasks its parent sends, one at a time.
import { runTask, type TaskRequest } from "../task/compile.js";

export interface TaskMessage {
  id: number;
  request: TaskRequest;
}

process.on("message", (message: TaskMessage) => {
  void runTask(message.request).then((outcome) => {
    // The parent may be gone (interrupted); the child then ends on "disconnect".
    if (process.connected) process.send!({ id: message.id, ...outcome });
  });
});

// No parent, no reason to live: this also ends the child when the kernel dies.
process.on("disconnect", () => process.exit(0));
