import { deserialize, serialize } from "node:v8";
import { isMainThread } from "node:worker_threads";
import { ChannelClosedError, QueueEmptyError, QueueFullError } from "../errors.js";
import { nonNegativeInteger, plainObject, positiveInteger, waitTimeout } from "../options.js";
import { register } from "../runtime/registry.js";
import { explainCloneError } from "../task/transfer.js";
import { lockSteps, unlock } from "./mutex.js";
import { lengthPrefix, PREFIX, readLength, readRing, writeRing } from "./ring.js";
import { tracedWait, tracing } from "../trace/hooks.js";
import { deadlineAfter, failed, run, then, timeLeft, type Steps, type Waitable } from "./wait.js";
import { defineKind, encodeValue, exportToProcess, MARK, WIRE, type Target, type Wired } from "./wire.js";
import { messages } from "../messages/index.js";

// The header's Int32 cells, then the ring of bytes.
const MUTEX = 0, COUNT = 1, HEAD = 2, TAIL = 3, USED = 4, CLOSED = 5, PUTS = 6, GETS = 7, MAXSIZE = 8;
const HEADER_BYTES = 9 * 4;

export interface QueueOptions {
  /** How many items it holds at most; `put` waits for room beyond. 0 means no limit, as in Python. @default 0 */
  maxsize?: number;
  /** The shared memory its items take, serialized, at most. @default 1048576 (1 MiB) */
  bytes?: number;
}

/**
 * A first-in first-out queue between threads and processes, like Python's `queue.Queue` and
 * `multiprocessing.Queue`. Items are copied (structured clone). Pass it as an argument to threads,
 * which share its memory, or to processes, whose calls the kernel serves. In a worker thread
 * `put`/`get` block; elsewhere they give promises: `await` them and the code runs anywhere.
 * `for await (const item of queue)` reads until the queue is closed and empty.
 *
 * @example
 * const q = new Queue<number>({ maxsize: 10 });
 * new Thread(async (q: Queue<number>) => { for (let i = 0; i < 3; i++) await q.put(i); q.close(); }, q).start();
 * for await (const n of q) console.log(n); // 0 1 2
 */
export class Queue<T = unknown> implements AsyncIterable<T> {
  readonly #header: Int32Array;
  readonly #ring: Uint8Array;

  constructor(options?: QueueOptions);
  constructor(options: QueueOptions | SharedArrayBuffer = {}) {
    if (options instanceof SharedArrayBuffer) {
      this.#header = new Int32Array(options, 0, HEADER_BYTES / 4);
      this.#ring = new Uint8Array(options, HEADER_BYTES);
      return;
    }
    const opts = plainObject("options", options);
    const maxsize = nonNegativeInteger("options.maxsize", opts.maxsize ?? 0);
    const bytes = positiveInteger("options.bytes", opts.bytes ?? 1 << 20);
    if (bytes < 64 || bytes > 1 << 30) throw new RangeError(messages().sync.queueBytes(1 << 30, bytes));
    const shared = new SharedArrayBuffer(HEADER_BYTES + bytes);
    this.#header = new Int32Array(shared, 0, HEADER_BYTES / 4);
    this.#ring = new Uint8Array(shared, HEADER_BYTES);
    this.#header[MAXSIZE] = maxsize;
    if (isMainThread) {
      // A re-run of its cell closes it, which ends the loops that read it.
      const queue = new WeakRef(this);
      register({ interrupt() {}, dispose: async () => queue.deref()?.close() });
    }
  }

  get maxsize(): number {
    return this.#header[MAXSIZE];
  }

  /** How many items wait in the queue now (it may change at once): Python's `qsize()`. */
  size(): number {
    return Atomics.load(this.#header, COUNT);
  }

  empty(): boolean {
    return this.size() === 0;
  }

  full(): boolean {
    return this.maxsize > 0 && this.size() >= this.maxsize;
  }

  get closed(): boolean {
    return Atomics.load(this.#header, CLOSED) === 1;
  }

  /**
   * Adds `item` at the end, waiting at most `timeoutMs` for room (forever if left out).
   * Throws a QueueFullError on timeout, a ChannelClosedError once the queue is closed.
   */
  put(item: T, timeoutMs?: number, signal?: AbortSignal): Waitable<void> {
    try {
      const deadline = deadlineAfter(waitTimeout("timeoutMs", timeoutMs));
      const bytes = this.#serialize(item);
      return tracing.flags[0] ? tracedWait("put", this, () => run(this.#putSteps(bytes, deadline, timeoutMs), signal)) : run(this.#putSteps(bytes, deadline, timeoutMs), signal);
    } catch (error) {
      return failed(error);
    }
  }

  /**
   * Takes the first item, waiting at most `timeoutMs` for one (forever if left out).
   * Throws a QueueEmptyError on timeout, a ChannelClosedError once the queue is closed and empty.
   */
  get(timeoutMs?: number, signal?: AbortSignal): Waitable<T> {
    try {
      const deadline = deadlineAfter(waitTimeout("timeoutMs", timeoutMs));
      const take = () => then(run(this.#takeSteps(deadline, timeoutMs, true), signal), (bytes) => deserialize(bytes!) as T);
      return tracing.flags[0] ? tracedWait("get", this, take) : take();
    } catch (error) {
      return failed(error);
    }
  }

  /**
   * Whether `get()` would not wait (an item is there, or arrives within `timeoutMs`, or the queue
   * is closed), without taking anything. @default 0
   */
  poll(timeoutMs = 0, signal?: AbortSignal): Waitable<boolean> {
    try {
      const deadline = deadlineAfter(waitTimeout("timeoutMs", timeoutMs));
      return then(run(this.#takeSteps(deadline, timeoutMs, false), signal), (bytes) => bytes !== undefined);
    } catch (error) {
      return failed(error);
    }
  }

  /** No more puts: readers take what is left, then get a ChannelClosedError (and `for await` ends). */
  close(): void {
    Atomics.store(this.#header, CLOSED, 1);
    for (const seq of [PUTS, GETS]) {
      Atomics.add(this.#header, seq, 1);
      Atomics.notify(this.#header, seq);
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return untilClosed(() => this.get());
  }

  #serialize(item: T): Uint8Array {
    if (encodeValue(item, "thread", messages().where.theItem).wired) {
      throw new TypeError(messages().sync.sharedThroughQueue);
    }
    let bytes: Uint8Array;
    try {
      bytes = serialize(item);
    } catch (error) {
      throw explainCloneError(error, messages().where.thisItem);
    }
    if (bytes.length + PREFIX > this.#ring.length) {
      throw new RangeError(messages().sync.itemTooBig(bytes.length + PREFIX, this.#ring.length));
    }
    return bytes;
  }

  *#putSteps(bytes: Uint8Array, deadline: number, timeoutMs?: number): Steps<void> {
    const h = this.#header;
    const need = PREFIX + bytes.length;
    for (;;) {
      let seen = 0;
      if (yield* lockSteps(h, MUTEX, deadline)) {
        try {
          if (Atomics.load(h, CLOSED)) throw new ChannelClosedError(messages().sync.putClosed);
          const roomForOne = h[MAXSIZE] === 0 || h[COUNT] < h[MAXSIZE];
          if (roomForOne && h[USED] + need <= this.#ring.length) {
            h[TAIL] = writeRing(this.#ring, writeRing(this.#ring, h[TAIL], lengthPrefix(bytes.length)), bytes);
            h[USED] += need;
            Atomics.add(h, COUNT, 1);
            Atomics.add(h, PUTS, 1);
            Atomics.notify(h, PUTS);
            return;
          }
          seen = Atomics.load(h, GETS);
        } finally {
          unlock(h, MUTEX);
        }
      }
      if (timeLeft(deadline) <= 0) throw new QueueFullError(messages().sync.queueFull(timeoutMs));
      yield { array: h, index: GETS, value: seen, deadline };
    }
  }

  /** Waits for an item; gives its bytes, taking it out if `take`, or undefined on a 0 timeout. */
  *#takeSteps(deadline: number, timeoutMs: number | undefined, take: boolean): Steps<Uint8Array | undefined> {
    const h = this.#header;
    for (;;) {
      let seen = 0;
      if (yield* lockSteps(h, MUTEX, deadline)) {
        try {
          if (h[COUNT] > 0) {
            const length = readLength(this.#ring, h[HEAD]);
            if (!take) return new Uint8Array(0);
            const bytes = readRing(this.#ring, (h[HEAD] + PREFIX) % this.#ring.length, length);
            h[HEAD] = (h[HEAD] + PREFIX + length) % this.#ring.length;
            h[USED] -= PREFIX + length;
            Atomics.sub(h, COUNT, 1);
            Atomics.add(h, GETS, 1);
            Atomics.notify(h, GETS);
            return bytes;
          }
          if (Atomics.load(h, CLOSED)) {
            if (!take) return new Uint8Array(0); // reading would not wait: it would say "closed"
            throw new ChannelClosedError(messages().sync.queueClosed);
          }
          seen = Atomics.load(h, PUTS);
        } finally {
          unlock(h, MUTEX);
        }
      }
      if (timeLeft(deadline) <= 0) {
        if (!take) return undefined;
        throw new QueueEmptyError(messages().sync.queueEmpty(timeoutMs));
      }
      yield { array: h, index: PUTS, value: seen, deadline };
    }
  }

  [WIRE](target: Target): Wired {
    if (target === "process") return { [MARK]: "Queue.remote", id: exportToProcess(this, "a Queue") };
    return { [MARK]: "Queue", buffer: this.#header.buffer };
  }
}

defineKind("Queue", (w) => new (Queue as unknown as new (b: SharedArrayBuffer) => Queue)(w.buffer as SharedArrayBuffer));

/** Items from `get()` until the channel is closed and empty: what `for await` over a queue gives. */
export async function* untilClosed<T>(get: () => T | PromiseLike<T>): AsyncGenerator<T> {
  for (;;) {
    let item: T;
    try {
      item = await get();
    } catch (error) {
      if (error instanceof ChannelClosedError) return;
      throw error;
    }
    yield item;
  }
}
