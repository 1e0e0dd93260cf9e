// Library objects (a Lock, a sharedValue, a Queue...) cross to a thread or a process as plain
// descriptors `{ __concurrence__: kind, ...state }`, and are revived on arrival. The walk also
// catches what cannot be copied at all, and says where it is.
import { EventEmitter } from "node:events";
import { ConcurrenceError, SharedMemoryAcrossProcessesError } from "../errors.js";
import { messages } from "../messages/index.js";

export type Target = "thread" | "process";
export const MARK = "__concurrence__";
export const WIRE = Symbol.for("concurrence.wire");

export interface Wired {
  [MARK]: string;
  [field: string]: unknown;
}

/** An object that knows how to cross to a thread or a process. */
export interface Shareable {
  [WIRE](target: Target): Wired;
}

const revivers = new Map<string, (wired: Wired) => unknown>();

/** Says how a kind of object is rebuilt on the receiving side. */
export function defineKind(kind: string, revive: (wired: Wired) => unknown): void {
  revivers.set(kind, revive);
}

let processExporter: ((object: object) => number) | undefined;

/** The kernel side sets this: it lends queues to child processes and serves their calls. */
export function setProcessExporter(exporter: (object: object) => number): void {
  processExporter = exporter;
}

/** An id under which a child process reaches `object` through its parent. */
export function exportToProcess(object: object, what: string): number {
  if (!processExporter) {
    throw new ConcurrenceError(messages().sync.onlyFromKernel(what));
  }
  return processExporter(object);
}

export interface Encoded<T> {
  value: T;
  /** Whether the receiver has something to revive. */
  wired: boolean;
}

/** Arguments ready to be copied to a thread or a process. Throws a clear error for what cannot go. */
export function encodeArgs(args: readonly unknown[], target: Target, label = messages().where.argument, first = 1): Encoded<unknown[]> {
  if (allPlain(args)) return { value: args as unknown[], wired: false };
  const encoder = new Encoder(target);
  let out: unknown[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const value = encoder.walk(args[i], `${label} ${first + i}`);
    if (value !== args[i]) (out ??= args.slice())[i] = value;
  }
  return { value: out ?? (args as unknown[]), wired: encoder.wired };
}

/** The common case, numbers and strings only, needs no walk. */
function allPlain(values: readonly unknown[]): boolean {
  for (let i = 0; i < values.length; i++) {
    const type = typeof values[i];
    if ((type === "object" && values[i] !== null) || type === "function") return false;
  }
  return true;
}

export function encodeValue<T>(value: T, target: Target, what: string): Encoded<T> {
  const encoder = new Encoder(target);
  return { value: encoder.walk(value, what) as T, wired: encoder.wired };
}

class Encoder {
  wired = false;
  readonly #seen = new Set<object>();
  readonly #path: Array<string | number> = [];
  #root = "";

  constructor(readonly target: Target) {}

  walk(value: unknown, root: string): unknown {
    this.#root = root;
    return this.#walk(value);
  }

  #where(): string {
    return this.#root + this.#path.map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`)).join("");
  }

  #walk(value: unknown): unknown {
    if (typeof value === "function") {
      throw new TypeError(messages().sync.functionArgument(this.#where(), value.name));
    }
    if (typeof value !== "object" || value === null) return value;
    if (WIRE in value) {
      this.wired = true;
      const wired = (value as Shareable)[WIRE](this.target);
      if (this.target === "process" && holdsSharedMemory(wired)) {
        throw new SharedMemoryAcrossProcessesError(messages().memory.what(this.#where(), wired[MARK]));
      }
      return wired;
    }
    const shared = value instanceof SharedArrayBuffer || (ArrayBuffer.isView(value) && value.buffer instanceof SharedArrayBuffer);
    if (shared && this.target === "process") {
      throw new SharedMemoryAcrossProcessesError(messages().memory.what(this.#where(), value.constructor.name));
    }
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || shared) return value;
    if (value instanceof EventEmitter) {
      throw new TypeError(messages().sync.liveHandle(this.#where(), value.constructor.name));
    }
    if (this.#seen.has(value)) return value;
    this.#seen.add(value);
    if (Array.isArray(value)) return this.#entries(value, value.keys(), (i) => value[i], () => value.slice());
    if (value instanceof Map) {
      let out: Map<unknown, unknown> | undefined;
      for (const [k, v] of value) {
        this.#path.push(String(k));
        const w = this.#walk(v);
        this.#path.pop();
        if (w !== v) (out ??= new Map(value)).set(k, w);
      }
      return out ?? value;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto === Object.prototype || proto === null) {
      const record = value as Record<string, unknown>;
      return this.#entries(record, Object.keys(record), (k) => record[k], () => ({ ...record }));
    }
    return value;
  }

  #entries<K extends string | number, C>(container: C, keys: Iterable<K>, get: (k: K) => unknown, copy: () => C): C {
    let out: C | undefined;
    for (const key of keys) {
      const before = get(key);
      if (typeof before !== "object" && typeof before !== "function") continue; // the fast path: numbers, strings...
      this.#path.push(key);
      const after = this.#walk(before);
      this.#path.pop();
      if (after !== before) ((out ??= copy()) as Record<K, unknown>)[key] = after;
    }
    return out ?? container;
  }
}

function holdsSharedMemory(wired: object): boolean {
  return Object.values(wired).some(
    (v) => v instanceof SharedArrayBuffer || (typeof v === "object" && v !== null && MARK in v && holdsSharedMemory(v)),
  );
}

/** Rebuilds the library objects in a value that was encoded with `wired: true`. */
export function revive<T>(value: T): T {
  return reviveValue(value, new Set()) as T;
}

function reviveValue(value: unknown, seen: Set<object>): unknown {
  if (typeof value !== "object" || value === null || ArrayBuffer.isView(value) || seen.has(value)) return value;
  const kind = (value as Partial<Wired>)[MARK];
  if (typeof kind === "string") {
    const reviver = revivers.get(kind);
    if (!reviver) throw new ConcurrenceError(messages().sync.cannotRevive(kind));
    return reviver(value as Wired);
  }
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveValue(value[i], seen);
  } else if (value instanceof Map) {
    for (const [k, v] of value) value.set(k, reviveValue(v, seen));
  } else if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = reviveValue(record[key], seen);
  }
  return value;
}
