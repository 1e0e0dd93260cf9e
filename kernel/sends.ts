import { writeSync } from "node:fs";

type Frames = Array<Buffer | string>;
interface Sending {
  send(frames: Frames): Promise<void>;
}

/**
 * The kernel's sends on each socket, none lost while another is under way.
 *
 * zeromq.js 6 sends at most 512 messages synchronously on a socket; the next one waits
 * for the event loop, and a send made meanwhile throws EBUSY ("Socket is busy writing").
 * tslab sends without waiting, so a burst of outputs (a loop of `show`, widgets) around
 * the 512th message of the iopub socket lost the rest of the burst, its `idle` status included.
 * Here a send that meets EBUSY, and every later one on that socket, waits for the one before it;
 * any other send leaves at once, as before (the kernel's timing is unchanged).
 */
export class OrderedSends {
  readonly #queues = new Set<Queue>();

  /**
   * The socket, whose `send` goes through a queue. zeromq's sockets are sealed native
   * objects: a proxy stands in, calling everything else on the socket itself.
   */
  adopt<S extends Sending>(socket: S): S {
    const queue = new Queue(socket.send.bind(socket));
    this.#queues.add(queue);
    const ordered = (frames: Frames) => queue.send(frames);
    return new Proxy(socket, {
      get(target, key) {
        if (key === "send") return ordered;
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
      set: (target, key, value) => Reflect.set(target, key, value, target),
    });
  }

  /** Resolves once every send made so far has left, or after `ms` (a socket that cannot send). */
  drained(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
    const all = Promise.all([...this.#queues].map((queue) => queue.last));
    return Promise.race([all.then(() => {}), late]).finally(() => clearTimeout(timer));
  }
}

/** tslab's init() sets these sockets on the server: each one, once set, sends through `sends`. */
export function adoptSockets(server: object, sends: OrderedSends, names: string[]): void {
  for (const name of names) {
    let socket: Sending | undefined;
    Object.defineProperty(server, name, {
      get: () => socket,
      set: (value: Sending) => (socket = sends.adopt(value)),
    });
  }
}

class Queue {
  /** The last send on this socket, settled or not; it never rejects. */
  last: Promise<void> = Promise.resolve();
  #waiting = 0;

  constructor(readonly raw: (frames: Frames) => Promise<void>) {}

  send(frames: Frames): Promise<void> {
    if (this.#waiting === 0) {
      try {
        return (this.last = this.raw(frames).catch(lost));
      } catch (error) {
        if ((error as { code?: unknown }).code !== "EBUSY") return void lost(error), Promise.resolve();
      }
    }
    // zeromq is busy with `last`: this message goes right after it.
    this.#waiting++;
    this.last = this.last
      .then(() => this.raw(frames))
      .catch(lost)
      .finally(() => void this.#waiting--);
    return this.last;
  }
}

/** The kernel's own stderr: process.stderr writes go to the cell's output, through these sends. */
function lost(error: unknown): void {
  try {
    writeSync(2, `concurrence kernel: a message could not be sent: ${(error as Error).message ?? String(error)}\n`);
  } catch {
    // No stderr left (the kernel is exiting).
  }
}
