// zeromq 6 refuses a send while the same socket's previous send is still pending (EBUSY), and
// tslab's server sends without waiting: under load, an iopub message (an output, the `idle`
// status) was dropped now and then, and a client waiting for it (nbclient, execute_interactive)
// waited forever. Here each socket's messages go out one after another, in order.
import { writeSync } from "node:fs";

type Send = (this: object, message: unknown) => Promise<void>;

/** Orders the sends of every zeromq socket of this process (the kernel's five). */
export function orderSends(): void {
  const { Socket } = require("zeromq") as { Socket: { prototype: { send: Send } } };
  const send = Socket.prototype.send;
  const last = new WeakMap<object, { pending: number; done: Promise<void> }>();
  function ordered(this: object, message: unknown): Promise<void> {
    const queue = last.get(this) ?? { pending: 0, done: Promise.resolve() };
    last.set(this, queue);
    const sent = queue.pending === 0 ? send.call(this, message) : queue.done.then(() => send.call(this, message));
    queue.pending++;
    queue.done = sent.catch(report).finally(() => queue.pending--);
    return queue.done;
  }
  // Read-only but configurable, on zeromq's own prototype; the sockets themselves are sealed.
  Object.defineProperty(Socket.prototype, "send", { value: ordered, configurable: true });
}

/** To the kernel's own stderr: process.stderr goes to the cell, through the socket that failed. */
function report(error: unknown): void {
  writeSync(2, `concurrence kernel: a message could not be sent: ${(error as Error)?.message ?? String(error)}\n`);
}
