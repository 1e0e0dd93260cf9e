import { ChannelClosedError } from "../errors.js";
import { plainObject } from "../options.js";
import { Queue } from "./queue.js";
import { failed, type Waitable } from "./wait.js";
import { defineKind, encodeValue, MARK, revive, WIRE, type Target, type Wired } from "./wire.js";
import { messages } from "../messages/index.js";

/** One direction of a pipe: a Queue here, or a child process's handle on the kernel's Queue. */
interface Channel {
  put(value: unknown): Waitable<void>;
  get(): Waitable<unknown>;
  poll(timeoutMs?: number): Waitable<boolean>;
  close(): unknown;
}

/** One end of a Pipe, like the `Connection` objects of Python's `multiprocessing.Pipe()`. */
export class Connection<T = unknown> {
  readonly #input: Channel | undefined;
  readonly #output: Channel | undefined;

  constructor();
  constructor(input?: Channel, output?: Channel) {
    this.#input = input;
    this.#output = output;
  }

  get readable(): boolean {
    return this.#input !== undefined;
  }

  get writable(): boolean {
    return this.#output !== undefined;
  }

  /** Sends a copy of `value` to the other end. */
  send(value: T): Waitable<void> {
    if (!this.#output) return failed(new TypeError(messages().sync.pipeReceivesOnly));
    try {
      return rename(this.#output.put(value), messages().sync.pipeSendClosed);
    } catch (error) {
      return failed(renamed(error, "send() on a closed pipe"));
    }
  }

  /** Waits for the next value sent by the other end. A ChannelClosedError once it is closed and nothing is left. */
  recv(): Waitable<T> {
    if (!this.#input) return failed(new TypeError(messages().sync.pipeSendsOnly("recv()")));
    try {
      return rename(this.#input.get() as Waitable<T>, messages().sync.pipeClosed);
    } catch (error) {
      return failed(renamed(error, "the pipe is closed"));
    }
  }

  /** Whether `recv()` would not wait, waiting at most `timeoutMs` for data. @default 0 */
  poll(timeoutMs = 0): Waitable<boolean> {
    if (!this.#input) return failed(new TypeError(messages().sync.pipeSendsOnly("poll()")));
    return this.#input.poll(timeoutMs);
  }

  /** Closes both directions: the other end's recv() then ends once it has read what is left. */
  close(): void {
    for (const channel of [this.#input, this.#output]) void Promise.resolve(channel?.close()).catch(() => {});
  }

  [WIRE](target: Target): Wired {
    const wire = (c: Channel | undefined) => (c ? encodeValue(c, target, messages().where.aPipe).value : null);
    return { [MARK]: "Connection", input: wire(this.#input), output: wire(this.#output) };
  }
}

function renamed(error: unknown, message: string): unknown {
  return error instanceof ChannelClosedError ? new ChannelClosedError(message, { cause: error }) : error;
}

function rename<T>(value: Waitable<T>, message: string): Waitable<T> {
  return value instanceof Promise ? value.catch((error: unknown) => Promise.reject(renamed(error, message))) : value;
}

export interface PipeOptions {
  /** Both ends send and receive; with false, the first end only receives and the second only sends. @default true */
  duplex?: boolean;
  /** The shared memory of each direction. @default 1048576 */
  bytes?: number;
}

/**
 * Two connected ends, like Python's `multiprocessing.Pipe()`: what one end `send`s, the other
 * `recv`s. Pass an end to a thread or a process.
 *
 * @example
 * const [mine, theirs] = Pipe<string>();
 * new Process(async (c: Connection<string>) => c.send(`pong ${await c.recv()}`), theirs).start();
 * await mine.send("ping");
 * await mine.recv(); // "pong ping"
 */
export function Pipe<T = unknown>(options: PipeOptions = {}): [Connection<T>, Connection<T>] {
  const opts = plainObject("options", options);
  if (opts.duplex !== undefined && typeof opts.duplex !== "boolean") throw new TypeError(messages().sync.duplex(typeof opts.duplex));
  const make = Connection as unknown as new (input?: Channel, output?: Channel) => Connection<T>;
  const forward = new Queue({ bytes: opts.bytes as number | undefined });
  if (opts.duplex === false) return [new make(forward, undefined), new make(undefined, forward)];
  const backward = new Queue({ bytes: opts.bytes as number | undefined });
  return [new make(backward, forward), new make(forward, backward)];
}

defineKind("Connection", (w) => {
  const make = Connection as unknown as new (input?: Channel, output?: Channel) => Connection;
  return new make((revive(w.input) ?? undefined) as Channel | undefined, (revive(w.output) ?? undefined) as Channel | undefined);
});
