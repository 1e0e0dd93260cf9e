import { writeSync } from "node:fs";

type Frames = Array<Buffer | string>;
interface Sending {
  send(frames: Frames): Promise<void>;
}

/**
 * The kernel's sends, one at a time and in the order it makes them, over all its sockets.
 *
 * zeromq.js 6 sends at most 512 messages synchronously on a socket; the next one waits
 * for the event loop, and a send made meanwhile throws EBUSY ("Socket is busy writing").
 * tslab sends without waiting, so a burst of outputs (a loop of `show`, widgets) around
 * the 512th message of the iopub socket lost the rest of the burst, its `idle` status included.
 * Here a send made while another is under way waits for it.
 */
export class OrderedSends {
  #last: Promise<void> = Promise.resolve();
  #pending = 0;

  /**
   * The socket, whose `send` goes through this queue. zeromq's sockets are sealed native
   * objects: a proxy stands in, calling everything else on the socket itself.
   */
  adopt<S extends Sending>(socket: S): S {
    const send = socket.send.bind(socket);
    const ordered = (frames: Frames) => this.#send(send, frames);
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
    return Promise.race([this.#last, late]).finally(() => clearTimeout(timer));
  }

  #send(send: (frames: Frames) => Promise<void>, frames: Frames): Promise<void> {
    this.#pending++;
    // Nothing under way: send now, as zeromq does (a reply sent just before the sockets close leaves).
    const sent = this.#pending === 1 ? attempt(send, frames) : this.#last.then(() => send(frames));
    this.#last = sent.then(
      () => void this.#pending--,
      (error: unknown) => {
        this.#pending--;
        lost(error);
      },
    );
    return this.#last;
  }
}

function attempt(send: (frames: Frames) => Promise<void>, frames: Frames): Promise<void> {
  try {
    return send(frames);
  } catch (error) {
    return Promise.reject(error);
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
