// zeromq 6 refuses a send while the same socket's previous send is still pending (EBUSY), and
// tslab's server sends without waiting: under load, an iopub message (an output, the `idle`
// status) was dropped now and then, and a client waiting for it (nbclient, execute_interactive)
// waited forever. Here each socket's messages go out one after another, in order.
import { writeSync } from "node:fs";

type Send = (this: object, message: unknown) => Promise<void>;

interface Queue {
  /** A send handed to zeromq and not yet settled. */
  busy: boolean;
  waiting: Array<{ message: unknown; sent: (done: Promise<void>) => void }>;
}

/** Orders the sends of every zeromq socket of this process (the kernel's five). */
export function orderSends(): void {
  const { Socket } = require("zeromq") as { Socket: { prototype: { send: Send } } };
  const send = Socket.prototype.send;
  const queues = new WeakMap<object, Queue>();

  function dispatch(socket: object, queue: Queue, message: unknown): Promise<void> {
    queue.busy = true;
    const sent = send.call(socket, message);
    // One microtask after zeromq took it: a print just before a cell's endless loop still goes
    // out, since the cell starts after a few awaits.
    const next = () => {
      queue.busy = false;
      const waiting = queue.waiting.shift();
      if (waiting) waiting.sent(dispatch(socket, queue, waiting.message));
    };
    sent.then(next, (error: unknown) => (report(error), next()));
    return sent.catch(() => {});
  }

  function ordered(this: object, message: unknown): Promise<void> {
    let queue = queues.get(this);
    if (!queue) queues.set(this, (queue = { busy: false, waiting: [] }));
    if (!queue.busy && queue.waiting.length === 0) return dispatch(this, queue, message);
    const q = queue;
    return new Promise<void>((resolve) => q.waiting.push({ message, sent: (done) => void done.then(resolve) }));
  }
  // Read-only but configurable, on zeromq's own prototype; the sockets themselves are sealed.
  Object.defineProperty(Socket.prototype, "send", { value: ordered, configurable: true });
}

/** To the kernel's own stderr: process.stderr goes to the cell, through the socket that failed. */
function report(error: unknown): void {
  writeSync(2, `concurrence kernel: a message could not be sent: ${(error as Error)?.message ?? String(error)}\n`);
}
