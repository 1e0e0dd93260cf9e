// The kernel's side of the queues lent to child processes. A child has its own memory, so it
// cannot share a Queue's buffer: its put/get/poll/close arrive here as IPC messages, and run on
// the kernel's main thread, without blocking it, against the real Queue.
import type { ChildProcess } from "node:child_process";
import { ChannelClosedError } from "../errors.js";
import { register } from "../runtime/registry.js";
import { Queue } from "../sync/queue.js";
import { defineKind, setProcessExporter } from "../sync/wire.js";
import { toTransferableError, type TransferableError } from "../task/transfer.js";
import { messages } from "../messages/index.js";

export type QueueOperation = "put" | "get" | "poll" | "close";

export interface QueueCall {
  call: number;
  queue: number;
  op: QueueOperation;
  args: unknown[];
}

export interface QueueReply {
  reply: number;
  ok: boolean;
  value?: unknown;
  error?: TransferableError;
}

const lent = new Map<number, Queue>();
const ids = new WeakMap<Queue, number>();
let nextId = 1;

/** The id a child uses for `queue`. The kernel keeps the queue until the cell that lent it runs again. */
function lend(object: object): number {
  if (!(object instanceof Queue)) throw new TypeError(messages().processes.onlyQueues);
  let id = ids.get(object);
  if (id === undefined) {
    const fresh = nextId++;
    id = fresh;
    ids.set(object, fresh);
    lent.set(fresh, object);
    register({ interrupt() {}, dispose: async () => void lent.delete(fresh) });
  }
  return id;
}

setProcessExporter(lend);
// A queue a child sends back (in a result) is the kernel's own queue again.
defineKind("Queue.remote", (w) => {
  const queue = lent.get(w.id as number);
  if (!queue) throw new ChannelClosedError(messages().processes.queueDisposed);
  return queue;
});

export function isQueueCall(message: unknown): message is QueueCall {
  return typeof message === "object" && message !== null && "call" in message && "queue" in message;
}

/** Answers the queue calls of `child`; its waits end when it exits. */
export function serveQueues(child: ChildProcess): void {
  const gone = new AbortController();
  child.on("message", (message: unknown) => {
    if (isQueueCall(message)) void answer(child, message, gone.signal);
  });
  child.once("exit", () => gone.abort(new ChannelClosedError(messages().processes.childEnded)));
}

async function answer(child: ChildProcess, call: QueueCall, gone: AbortSignal): Promise<void> {
  let reply: QueueReply;
  try {
    const queue = lent.get(call.queue);
    if (!queue) throw new ChannelClosedError(messages().processes.queueDisposed);
    const [first, second] = call.args as [unknown, number | undefined];
    let value: unknown;
    if (call.op === "put") value = await queue.put(first, second, gone);
    else if (call.op === "get") value = await queue.get(first as number | undefined, gone);
    else if (call.op === "poll") value = await queue.poll(first as number | undefined, gone);
    else queue.close();
    reply = { reply: call.call, ok: true, value };
  } catch (error) {
    reply = { reply: call.call, ok: false, error: toTransferableError(error) };
  }
  if (child.connected) child.send(reply, () => {});
}
