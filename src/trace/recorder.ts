import { positiveInteger } from "../options.js";
import { register } from "../runtime/registry.js";
import { now, type TraceEvent } from "./event.js";
import { messages } from "../messages/index.js";
import { forgetTasks } from "./hooks.js";
import { drainRing, setFlag, traceRing } from "./ring.js";
import { tracing, type Sink } from "./state.js";

export interface TraceOptions {
  /**
   * The most rows kept; past it, rows are counted in `dropped` and not kept.
   * @default 100000
   */
  limit?: number;
}

const DEFAULT_LIMIT = 100_000;
/** How often the kernel empties the worker threads' ring while a trace records. */
const DRAIN_MS = 50;
let drainTimer: NodeJS.Timeout | undefined;

/** Moves what worker threads wrote into every recorder. */
export function drainWorkers(): void {
  const lost = drainRing((event) => {
    for (const sink of tracing.sinks) sink.add(event);
  });
  if (lost) for (const sink of tracing.sinks) sink.lost(lost);
}

const key = (e: TraceEvent) => `${e.kind}:${e.place}:${e.worker}:${e.start}`;

/**
 * A recording of what the library runs: pool tasks (submit, start, end, worker, outcome),
 * threads and processes, waits and holds of sync primitives, queue puts and gets, HTTP requests.
 * Rows are kept in memory, at most `limit` of them.
 *
 * @example
 * const t = trace();
 * await new ThreadPool({ workers: 2 }).map(f, items);
 * t.stop();
 * show(plots.trace(t));
 */
export class Trace implements Sink {
  /** When it started and stopped, on the shared clock (ms). */
  readonly started = now();
  stopped: number | undefined;
  readonly limit: number;
  #rows: TraceEvent[] = [];
  readonly #open = new Map<string, TraceEvent>();
  #dropped = 0;
  #sorted = true;
  readonly #unregister: () => void;
  readonly #onStop: Array<() => void> = [];

  constructor(options: TraceOptions = {}) {
    this.limit = options.limit === undefined ? DEFAULT_LIMIT : positiveInteger("options.limit", options.limit);
    traceRing();
    tracing.sinks.add(this);
    setFlag(true);
    drainTimer ??= setInterval(drainWorkers, DRAIN_MS).unref();
    // The stop button, a re-run of the cell or a restart stops it (and its live chart's timer).
    this.#unregister = register({ interrupt: () => void this.stop(), dispose: async () => void this.stop() });
  }

  /** Whether it still records. */
  get recording(): boolean {
    return this.stopped === undefined;
  }

  /** @internal A row from a hook. */
  add(event: TraceEvent): void {
    if (event.outcome === "open") {
      this.#open.set(key(event), event);
      return;
    }
    if (this.#open.size > 0) this.#open.delete(key(event));
    if (event.start < this.started) return; // began before the trace did
    if (this.#rows.length >= this.limit) {
      this.#dropped++;
      return;
    }
    const last = this.#rows[this.#rows.length - 1];
    if (last && last.start > event.start) this.#sorted = false;
    this.#rows.push(event);
  }

  /** @internal Rows lost before they reached it. */
  lost(count: number): void {
    this.#dropped += count;
  }

  /** Rows lost: past `limit`, or because worker threads wrote faster than the kernel read. */
  get dropped(): number {
    if (this.recording) drainWorkers();
    return this.#dropped;
  }

  /**
   * Every row, by start time. What is still going (a wait, a hold) ends, with outcome "open",
   * when the trace stopped (or now).
   */
  get events(): TraceEvent[] {
    if (this.recording) drainWorkers();
    if (!this.#sorted) {
      this.#rows.sort((a, b) => a.start - b.start);
      this.#sorted = true;
    }
    const end = this.stopped ?? now();
    const open = [...this.#open.values()].filter((e) => e.start >= this.started).map((e) => ({ ...e, end }));
    return open.length ? [...this.#rows, ...open].sort((a, b) => a.start - b.start) : [...this.#rows];
  }

  /** The pool tasks' rows, one per task. */
  tasks(): TraceEvent[] {
    return this.events.filter((e) => e.kind === "task");
  }

  /** Stops recording. Gives the trace, so `trace().stop()` reads well. A live chart draws its last frame. */
  stop(): this {
    if (!this.recording) return this;
    drainWorkers();
    this.stopped = now();
    tracing.sinks.delete(this);
    if (tracing.sinks.size === 0) {
      setFlag(false);
      forgetTasks();
      clearInterval(drainTimer);
      drainTimer = undefined;
    }
    this.#unregister();
    for (const hook of this.#onStop.splice(0)) hook();
    return this;
  }

  /** @internal Runs `hook` when the trace stops (at once if it has). */
  onStop(hook: () => void): void {
    if (this.recording) this.#onStop.push(hook);
    else hook();
  }

  /** Seconds from the start to the stop (or now). */
  get seconds(): number {
    return ((this.stopped ?? now()) - this.started) / 1000;
  }

  toString(): string {
    return messages().trace.summary(this.events.length, this.tasks().length, this.seconds.toFixed(3), this.dropped);
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}
