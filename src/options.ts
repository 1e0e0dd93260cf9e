/** Option checks, in one voice: a wrong type is a TypeError, a bad range a RangeError. */

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
    throw new TypeError(`${name} must be a positive integer, got ${describe(value)}`);
  }
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${describe(value)}`);
  }
  return value;
}

export function nonNegativeNumber(name: string, value: unknown): number {
  if (typeof value !== "number") {
    throw new TypeError(`${name} must be a number >= 0, got ${describe(value)}`);
  }
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a number >= 0, got ${describe(value)}`);
  }
  return value;
}

export function isFunction(name: string, value: unknown): asserts value is (...args: never[]) => unknown {
  if (typeof value !== "function") {
    throw new TypeError(`${name} must be a function, got ${describe(value)}`);
  }
}

export function isArray(name: string, value: unknown): asserts value is unknown[] {
  if (!Array.isArray(value)) {
    throw new TypeError(`${name} must be an array, got ${describe(value)}`);
  }
}

export function plainObject(name: string, value: unknown): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`${name} must be an object, got ${describe(value)}`);
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
    throw new TypeError(`${name} must be a number of milliseconds >= 0 (or Infinity), got ${describe(value)}`);
  }
  if (Number.isNaN(value) || value < 0) {
    throw new RangeError(`${name} must be a number of milliseconds >= 0 (or Infinity), got ${describe(value)}`);
  }
  return value;
}

/** A task's time limit in milliseconds: `undefined` means none; it must be > 0. */
export function taskTimeout(name: string, value: unknown): number {
  if (value === undefined) return Infinity;
  if (typeof value !== "number") throw new TypeError(`${name} must be a number of milliseconds > 0, got ${describe(value)}`);
  if (Number.isNaN(value) || value <= 0) throw new RangeError(`${name} must be a number of milliseconds > 0, got ${describe(value)}`);
  return value;
}

export function nonNegativeInteger(name: string, value: unknown): number {
  if (typeof value !== "number") throw new TypeError(`${name} must be an integer >= 0, got ${describe(value)}`);
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be an integer >= 0, got ${describe(value)}`);
  return value;
}

export function optionalSignal(name: string, value: unknown): AbortSignal | undefined {
  if (value === undefined) return undefined;
  if (!(value instanceof AbortSignal)) {
    throw new TypeError(`${name} must be an AbortSignal (from new AbortController().signal), got ${describe(value)}`);
  }
  return value;
}

export function isIterable(name: string, value: unknown): asserts value is Iterable<unknown> {
  if (value === null || value === undefined || typeof (value as Iterable<unknown>)[Symbol.iterator] !== "function") {
    throw new TypeError(`${name} must be an iterable (an array, a Set, a generator...), got ${describe(value)}`);
  }
}

export function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string") throw new TypeError(`${name} must be one of ${allowed.map((a) => `"${a}"`).join(", ")}, got ${describe(value)}`);
  if (!allowed.includes(value as T)) throw new RangeError(`${name} must be one of ${allowed.map((a) => `"${a}"`).join(", ")}, got ${describe(value)}`);
  return value as T;
}

export function numberInRange(name: string, value: unknown, min: number, max: number): number {
  const wanted = `${name} must be a number from ${min} to ${max}`;
  if (typeof value !== "number") throw new TypeError(`${wanted}, got ${describe(value)}`);
  if (!(value >= min && value <= max)) throw new RangeError(`${wanted}, got ${describe(value)}`);
  return value;
}

export function integerInRange(name: string, value: unknown, min: number, max: number): number {
  const wanted = `${name} must be an integer from ${min} to ${max}`;
  if (typeof value !== "number") throw new TypeError(`${wanted}, got ${describe(value)}`);
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${wanted}, got ${describe(value)}`);
  return value;
}

export function nonEmptyString(name: string, value: unknown): string {
  if (typeof value !== "string") throw new TypeError(`${name} must be a string, got ${describe(value)}`);
  if (value.length === 0) throw new RangeError(`${name} must not be empty, got ${describe(value)}`);
  return value;
}

export function booleanOption(name: string, value: unknown): boolean {
  if (typeof value !== "boolean") {
    throw new TypeError(`${name} must be true or false, got ${describe(value)}`);
  }
  return value;
}
