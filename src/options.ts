/** Option checks, in one voice: a wrong type is a TypeError, a bad range a RangeError. */
import { messages } from "./messages/index.js";

/** A value as error messages show it: `0` (number). */
export function describe(value: unknown): string {
  let shown: string;
  try {
    shown = typeof value === "string" ? JSON.stringify(value) : String(value);
  } catch {
    shown = Object.prototype.toString.call(value);
  }
  return `\`${shown}\` (${value === null ? "null" : typeof value})`;
}

export function positiveInteger(name: string, value: unknown): number {
  if (typeof value !== "number") {
    throw new TypeError(messages().options.positiveInteger(name, describe(value)));
  }
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(messages().options.positiveInteger(name, describe(value)));
  }
  return value;
}

export function nonNegativeNumber(name: string, value: unknown): number {
  if (typeof value !== "number") {
    throw new TypeError(messages().options.nonNegativeNumber(name, describe(value)));
  }
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(messages().options.nonNegativeNumber(name, describe(value)));
  }
  return value;
}

export function isFunction(name: string, value: unknown): asserts value is (...args: never[]) => unknown {
  if (typeof value !== "function") {
    throw new TypeError(messages().options.func(name, describe(value)));
  }
}

export function isArray(name: string, value: unknown): asserts value is unknown[] {
  if (!Array.isArray(value)) {
    throw new TypeError(messages().options.array(name, describe(value)));
  }
}

export function plainObject(name: string, value: unknown): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(messages().options.object(name, describe(value)));
  }
  return value as Record<string, unknown>;
}

/**
 * How long a wait may last, in milliseconds: `undefined` waits forever (Infinity), 0 only tries.
 * Like Python's `timeout=None`, but in milliseconds as everywhere in JavaScript.
 */
export function waitTimeout(name: string, value: unknown): number {
  if (value === undefined) return Infinity;
  if (typeof value !== "number") {
    throw new TypeError(messages().options.waitTimeout(name, describe(value)));
  }
  if (Number.isNaN(value) || value < 0) {
    throw new RangeError(messages().options.waitTimeout(name, describe(value)));
  }
  return value;
}

/** A task's time limit in milliseconds: `undefined` means none; it must be > 0. */
export function taskTimeout(name: string, value: unknown): number {
  if (value === undefined) return Infinity;
  if (typeof value !== "number") throw new TypeError(messages().options.taskTimeout(name, describe(value)));
  if (Number.isNaN(value) || value <= 0) throw new RangeError(messages().options.taskTimeout(name, describe(value)));
  return value;
}

export function nonNegativeInteger(name: string, value: unknown): number {
  if (typeof value !== "number") throw new TypeError(messages().options.nonNegativeInteger(name, describe(value)));
  if (!Number.isInteger(value) || value < 0) throw new RangeError(messages().options.nonNegativeInteger(name, describe(value)));
  return value;
}

export function optionalSignal(name: string, value: unknown): AbortSignal | undefined {
  if (value === undefined) return undefined;
  if (!(value instanceof AbortSignal)) {
    throw new TypeError(messages().options.signal(name, describe(value)));
  }
  return value;
}

export function isIterable(name: string, value: unknown): asserts value is Iterable<unknown> {
  if (value === null || value === undefined || typeof (value as Iterable<unknown>)[Symbol.iterator] !== "function") {
    throw new TypeError(messages().options.iterable(name, describe(value)));
  }
}

export function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string") throw new TypeError(messages().options.oneOf(name, allowed.map((a) => `"${a}"`).join(", "), describe(value)));
  if (!allowed.includes(value as T)) throw new RangeError(messages().options.oneOf(name, allowed.map((a) => `"${a}"`).join(", "), describe(value)));
  return value as T;
}

export function numberInRange(name: string, value: unknown, min: number, max: number): number {
  const wanted = () => messages().options.numberInRange(name, min, max, describe(value));
  if (typeof value !== "number") throw new TypeError(wanted());
  if (!(value >= min && value <= max)) throw new RangeError(wanted());
  return value;
}

export function integerInRange(name: string, value: unknown, min: number, max: number): number {
  const wanted = () => messages().options.integerInRange(name, min, max, describe(value));
  if (typeof value !== "number") throw new TypeError(wanted());
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(wanted());
  return value;
}

export function nonEmptyString(name: string, value: unknown): string {
  if (typeof value !== "string") throw new TypeError(messages().options.string(name, describe(value)));
  if (value.length === 0) throw new RangeError(messages().options.nonEmpty(name, describe(value)));
  return value;
}

export function booleanOption(name: string, value: unknown): boolean {
  if (typeof value !== "boolean") {
    throw new TypeError(messages().options.boolean(name, describe(value)));
  }
  return value;
}
