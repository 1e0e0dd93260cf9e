// The blocking steps a model thread yields: `yield acquire("verrou")`, `yield release("verrou")`,
// `const ok = yield tryAcquire("verrou")`, `yield waitUntil((s) => s.x > 0, "attendre x > 0")`.
// The code since the previous `yield` and the request form one atomic step; a step whose
// request cannot go through (a lock taken, a condition false) does not run at all.
import { messages } from "../messages/index.js";
import type { AcquireRequest, ReleaseRequest, TryAcquireRequest, WaitRequest } from "./model.js";

function lockName(lock: unknown, fn: string): string {
  if (typeof lock !== "string" || lock === "") throw new TypeError(messages().options.string(`${fn}(lock)`, `\`${String(lock)}\` (${typeof lock})`));
  return lock;
}

function labelOf(label: unknown, fallback: string, fn: string): string {
  if (label === undefined) return fallback;
  if (typeof label !== "string") throw new TypeError(messages().options.string(`${fn}(…, label)`, `\`${String(label)}\` (${typeof label})`));
  return label;
}

/** Takes a place of a model lock; the step runs only when one is free. @example yield acquire("verrou"); */
export function acquire(lock: string, label?: string): AcquireRequest {
  const name = lockName(lock, "acquire");
  return { op: "acquire", lock: name, label: labelOf(label, `acquire(${name})`, "acquire") };
}

/** Gives back a place of a model lock that this thread holds. @example yield release("verrou"); */
export function release(lock: string, label?: string): ReleaseRequest {
  const name = lockName(lock, "release");
  return { op: "release", lock: name, label: labelOf(label, `release(${name})`, "release") };
}

/** Takes a place if one is free, never waits: `yield` gives `true` or `false`. @example const ok: boolean = yield tryAcquire("verrou"); */
export function tryAcquire(lock: string, label?: string): TryAcquireRequest {
  const name = lockName(lock, "tryAcquire");
  return { op: "tryAcquire", lock: name, label: labelOf(label, `tryAcquire(${name})`, "tryAcquire") };
}

/**
 * A condition wait: the step runs only when `until(shared)` is true, so the thread waits
 * without spinning. @example yield waitUntil((s) => s.pret, "attendre prêt");
 */
export function waitUntil<S = any>(until: (s: S) => boolean, label?: string): WaitRequest<S> {
  if (typeof until !== "function") throw new TypeError(messages().options.func("waitUntil(until)", `\`${String(until)}\` (${typeof until})`));
  return { op: "wait", until, label: labelOf(label, "waitUntil", "waitUntil") };
}

export function isRequest(value: unknown): value is AcquireRequest | ReleaseRequest | TryAcquireRequest | WaitRequest {
  return typeof value === "object" && value !== null && typeof (value as { op?: unknown }).op === "string" && typeof (value as { label?: unknown }).label === "string";
}
