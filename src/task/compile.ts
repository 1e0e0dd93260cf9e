import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";
import { isMainThread, threadId } from "node:worker_threads";
import { encodeValue, revive } from "../sync/wire.js";
import { functionFileName, WRAPPER_END, WRAPPER_START } from "./origins.js";
import { tableSource } from "./table.js";
import { toTransferableError, type TransferableError } from "./transfer.js";
import { messages } from "../messages/index.js";

type AnyFunction = (...args: unknown[]) => unknown;

/**
 * What crosses to a worker. `fn` is a function's number in a pool (its source comes from the
 * shared table, or once per child process in `source`), or the source itself for a Thread or a
 * Process. Then either arguments, or a chunk of items to map. `wired`: library objects to revive.
 */
export interface TaskRequest {
  fn: number | string;
  source?: string;
  args?: unknown[];
  chunk?: unknown[];
  wired?: boolean;
  /** Tags a Thread's output (a pool's worker makes its own tokens). */
  token?: number;
  /** A ThreadPool task's cell in shared memory, through which it can be cancelled (see threads/dispatch.ts). */
  cell?: number;
}

/** Where and how long it ran: the pools' statistics. */
export interface TaskTiming {
  /** The worker: its threadId in a thread, its pid in a child process. */
  worker: number;
  /** When the worker started (ms since the epoch). */
  born: number;
  /** How long the function ran (ms). */
  ms: number;
  /** When it started, on the clock every thread and process shares (performance.timeOrigin + now()): traces. */
  at: number;
}

/**
 * What comes back: a value or an error, as plain data, so that error names survive the trip.
 * `output`: the token of what a thread task printed, when it printed.
 */
export type TaskOutcome = ({ ok: true; value: unknown; wired?: boolean } | { ok: false; error: TransferableError }) &
  Partial<TaskTiming> & { output?: number };

const WORKER = isMainThread ? process.pid : threadId;
const BORN = Date.now();
/** A child process's results cross a process boundary; a thread's stay in this process. */
const RESULT_TARGET = isMainThread ? "process" : "thread";

/** The notebook's folder, so a function can require() what the notebook can. */
const cellRequire = createRequire(path.join(process.cwd(), "__cell__.js"));
const bySource = new Map<string, AnyFunction>();
const byId = new Map<number, AnyFunction>();
const counts = { compiled: 0, sourcesReceived: 0 };

/** How many functions this worker compiled, and how many sources it was sent: tests check both. */
export function compileStats(): { compiled: number; sourcesReceived: number } {
  return { ...counts };
}

/** Turns checked source back into a function, once per worker. */
export function compileFunction(source: string): AnyFunction {
  let fn = bySource.get(source);
  if (!fn) {
    const factory = vm.runInThisContext(WRAPPER_START + source + WRAPPER_END, {
      filename: functionFileName(source), // the kernel maps its frames back to the cell (origins.ts)
    }) as (req: NodeJS.Require) => AnyFunction;
    fn = factory(cellRequire);
    bySource.set(source, fn);
    counts.compiled++;
  }
  return fn;
}

function functionFor(request: TaskRequest): AnyFunction {
  if (typeof request.fn === "string") return compileFunction(request.fn);
  let fn = byId.get(request.fn);
  if (!fn) {
    if (request.source !== undefined) counts.sourcesReceived++;
    const source = request.source ?? tableSource(request.fn);
    if (source === undefined) throw new Error(messages().functions.neverReached(request.fn));
    fn = compileFunction(source);
    byId.set(request.fn, fn);
  }
  return fn;
}

let bornTold = false;

/** Where and how long the task ran; when the worker started goes with its first outcome only. */
function timing(start: number): Partial<TaskTiming> {
  const ms = performance.now() - start;
  const at = performance.timeOrigin + start;
  if (bornTold) return { worker: WORKER, ms, at };
  bornTold = true;
  return { worker: WORKER, born: BORN, ms, at };
}

export async function runTask(request: TaskRequest): Promise<TaskOutcome> {
  const start = performance.now();
  try {
    const fn = functionFor(request);
    let value: unknown;
    if (request.chunk) {
      const items = request.wired ? revive(request.chunk) : request.chunk;
      const values: unknown[] = [];
      for (const item of items) values.push(await fn(item));
      value = values;
    } else {
      const args = request.args ?? [];
      value = await fn(...(request.wired ? revive(args) : args));
    }
    const result = typeof value === "object" && value !== null ? encodeValue(value, RESULT_TARGET, messages().where.result) : undefined;
    if (typeof value === "function") encodeValue(value, RESULT_TARGET, messages().where.result); // throws, saying why
    return { ok: true, value: result ? result.value : value, ...(result?.wired ? { wired: true } : {}), ...timing(start) };
  } catch (error) {
    return { ok: false, error: toTransferableError(error), ...timing(start) };
  }
}
