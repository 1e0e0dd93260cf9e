// A model of concurrent code: shared state, named threads written as generators whose
// `yield`s mark the end of each atomic step, and model locks. Plain data only: a model is
// cloned for every run, so its shared state must be JSON data.
import { ModelError } from "../errors.js";
import { messages } from "../messages/index.js";
import { lintThread, type LintReport } from "./lint.js";

/** A thread's own variables: part of the explored state, like its position. */
export type Local = Record<string, any>;

/** Take one place of a lock (or a semaphore): the step can run only when a place is free. */
export interface AcquireRequest { readonly op: "acquire"; readonly lock: string; readonly label: string }
/** Give back a place of a lock. */
export interface ReleaseRequest { readonly op: "release"; readonly lock: string; readonly label: string }
/** Take a place if one is free, without waiting: `yield` gives back `true` or `false`. */
export interface TryAcquireRequest { readonly op: "tryAcquire"; readonly lock: string; readonly label: string }
/** The step can run only when `until(shared)` is true: a condition wait, without busy waiting. */
export interface WaitRequest<S = any> { readonly op: "wait"; readonly until: (s: S) => boolean; readonly label: string }
export type StepRequest = AcquireRequest | ReleaseRequest | TryAcquireRequest | WaitRequest;
/** What a thread yields: the label of the step it just ended, or a request. */
export type Step = string | StepRequest;

/** A thread: a generator function of the shared state and of its own variables. */
export type ThreadBody<S> = (s: S, local: Local) => Generator<Step, unknown, any>;

export interface LockSpec {
  /** How many threads may hold it at once: 1 is a lock, more a semaphore. @default 1 */
  places?: number;
  /**
   * A fair lock serves waiting threads in the order they came (a thread that finds it taken
   * takes a step "waits for" and joins a queue); an unfair one lets any thread take a free
   * place, so a thread can starve. @default false
   */
  fair?: boolean;
}

export interface ModelSpec<S extends object> {
  /** A name for charts and messages. */
  name?: string;
  /** The initial shared state: plain JSON data (numbers, strings, booleans, arrays, objects). */
  shared: S;
  /** Model locks: names (`["verrou"]`) or names with options (`{ places: { places: 2 } }`). */
  locks?: readonly string[] | Readonly<Record<string, LockSpec>>;
  /** The threads, by name: `{ A: function* (s, local) { ... }, B: ... }`. */
  threads: Readonly<Record<string, ThreadBody<S>>>;
}

export interface Model<S extends object = any> {
  readonly kind: "interleavings-model";
  readonly name: string;
  readonly shared: S;
  readonly locks: ReadonlyMap<string, Required<LockSpec>>;
  readonly threadNames: readonly string[];
  readonly bodies: readonly ThreadBody<S>[];
}

const described = (value: unknown) => {
  let text: string;
  try {
    text = typeof value === "function" ? "a function" : JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return `\`${text.length > 60 ? text.slice(0, 57) + "..." : text}\` (${Array.isArray(value) ? "array" : typeof value})`;
};

/** Whether `value` is JSON data that survives a clone unchanged. */
function isJsonData(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonData);
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value as object).every(isJsonData);
  return false;
}

function checkLockName(name: unknown, where: string): string {
  if (typeof name !== "string" || name === "") throw new TypeError(messages().options.string(where, described(name)));
  return name;
}

function locksOf(spec: ModelSpec<object>["locks"]): Map<string, Required<LockSpec>> {
  const locks = new Map<string, Required<LockSpec>>();
  if (spec === undefined) return locks;
  if (Array.isArray(spec)) {
    spec.forEach((name, i) => locks.set(checkLockName(name, `locks[${i}]`), { places: 1, fair: false }));
    return locks;
  }
  if (typeof spec !== "object" || spec === null) throw new TypeError(messages().options.object("locks", described(spec)));
  for (const [name, options] of Object.entries(spec as Record<string, LockSpec>)) {
    const places = options?.places ?? 1;
    if (!Number.isInteger(places) || places < 1) throw new RangeError(messages().options.positiveInteger(`locks.${name}.places`, described(places)));
    const fair = options?.fair ?? false;
    if (typeof fair !== "boolean") throw new TypeError(messages().options.boolean(`locks.${name}.fair`, described(fair)));
    locks.set(name, { places, fair });
  }
  return locks;
}

const linted = new Map<string, LintReport>();
function lintOf(body: Function): LintReport {
  const text = Function.prototype.toString.call(body);
  let report = linted.get(text);
  if (!report) linted.set(text, (report = lintThread(text)));
  return report;
}

/**
 * Declares a model: shared state, locks and threads. Each thread is a generator function
 * `function* (s, local) { ...; yield "label"; ... }`: the code between two `yield`s is one
 * atomic step, named by the label that ends it.
 *
 * Rule: keep what a thread remembers from one step to the next in `local` (not in `let`
 * variables), so that the explorer sees it and can recognise a state it has already visited.
 * A variable written and then read after a `yield` is refused with a ModelError that names it,
 * and so is a variable from outside the model that a thread writes (it belongs in `s`).
 *
 * @example
 * const perte = model({
 *   shared: { x: 0 },
 *   threads: {
 *     A: function* (s, local) { local.t = s.x; yield "lire"; local.t += 1; yield "ajouter"; s.x = local.t; yield "écrire"; },
 *     B: function* (s, local) { local.t = s.x; yield "lire"; local.t += 1; yield "ajouter"; s.x = local.t; yield "écrire"; },
 *   },
 * });
 */
export function model<S extends object>(spec: ModelSpec<S>): Model<S> {
  if (typeof spec !== "object" || spec === null) throw new TypeError(messages().options.object("model", described(spec)));
  const m = messages().interleavings;
  if (!isJsonData(spec.shared) || typeof spec.shared !== "object" || spec.shared === null || Array.isArray(spec.shared)) {
    throw new TypeError(m.sharedData(described(spec.shared)));
  }
  if (typeof spec.threads !== "object" || spec.threads === null) throw new TypeError(messages().options.object("threads", described(spec.threads)));
  const threadNames = Object.keys(spec.threads);
  if (threadNames.length === 0) throw new RangeError(m.noThreads);
  const bodies = threadNames.map((name) => {
    const body = spec.threads[name];
    if (typeof body !== "function" || body.constructor?.name !== "GeneratorFunction") throw new TypeError(m.notGenerator(name, described(body)));
    const lint = lintOf(body);
    if (lint.hidden.length) throw new ModelError(m.hiddenState(name, lint.hidden));
    if (lint.outside.length) throw new ModelError(m.outsideState(name, lint.outside));
    return body;
  });
  const name = spec.name ?? m.unnamed;
  if (typeof name !== "string") throw new TypeError(messages().options.string("name", described(name)));
  return {
    kind: "interleavings-model",
    name,
    shared: JSON.parse(JSON.stringify(spec.shared)) as S,
    locks: locksOf(spec.locks),
    threadNames,
    bodies,
  };
}

export function isModel(value: unknown): value is Model {
  return typeof value === "object" && value !== null && (value as Model).kind === "interleavings-model";
}

/** Checks that `value` is a model, for the functions that take one. */
export function checkModel(value: unknown, where: string): Model {
  if (!isModel(value)) throw new TypeError(messages().interleavings.notModel(where, described(value)));
  return value;
}

export { described, ModelError };
