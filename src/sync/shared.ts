import { inspect } from "node:util";
import { isIterable, nonNegativeInteger, oneOf } from "../options.js";
import { defineKind, MARK, WIRE, type Target, type Wired } from "./wire.js";
import { messages } from "../messages/index.js";

const ARRAYS = {
  i8: Int8Array,
  u8: Uint8Array,
  i16: Int16Array,
  u16: Uint16Array,
  i32: Int32Array,
  u32: Uint32Array,
  f32: Float32Array,
  f64: Float64Array,
};

/** Python's typecodes (`Value('i')`, `Array('d', n)`) name the same types. */
const PYTHON_CODES = { b: "i8", B: "u8", h: "i16", H: "u16", i: "i32", I: "u32", f: "f32", d: "f64" } as const;

/** The typed array `sharedArray(type, n)` gives for each type name. */
export interface SharedArrays {
  i8: Int8Array;
  u8: Uint8Array;
  i16: Int16Array;
  u16: Uint16Array;
  i32: Int32Array;
  u32: Uint32Array;
  f32: Float32Array;
  f64: Float64Array;
  b: Int8Array;
  B: Uint8Array;
  h: Int16Array;
  H: Uint16Array;
  i: Int32Array;
  I: Uint32Array;
  f: Float32Array;
  d: Float64Array;
}
export type SharedType = keyof SharedArrays;
export type SharedArrayOf<T extends SharedType> = SharedArrays[T];
type Numbers = SharedArrays[SharedType];

const TYPES = [...Object.keys(ARRAYS), ...Object.keys(PYTHON_CODES)] as SharedType[];

/** The constructor of `type`'s typed array, and its element size. */
function arrayType(type: unknown): { BYTES_PER_ELEMENT: number; new (buffer: SharedArrayBuffer): Numbers } {
  const name = oneOf("type", type, TYPES);
  const Kind = ARRAYS[(PYTHON_CODES as Record<string, keyof typeof ARRAYS>)[name] ?? (name as keyof typeof ARRAYS)];
  return Kind as unknown as { BYTES_PER_ELEMENT: number; new (buffer: SharedArrayBuffer): Numbers };
}

/**
 * A number in shared memory, like Python's `multiprocessing.Value`: every thread it is passed to
 * reads and writes the same number. `value++` is a read then a write, so two threads can lose
 * updates; `add()` is atomic (for integer types), or guard `value` with a Lock.
 */
export class SharedValue {
  readonly type: string;
  readonly #cells: Numbers;
  readonly #atomic: boolean;

  constructor(type: SharedType, initial?: number);
  constructor(type: SharedType, initial = 0, shared?: SharedArrayBuffer) {
    const Kind = arrayType(type);
    if (typeof initial !== "number") throw new TypeError(messages().sync.initial(`\`${String(initial)}\` (${typeof initial})`));
    this.type = type;
    this.#cells = new Kind(shared ?? new SharedArrayBuffer(Kind.BYTES_PER_ELEMENT));
    this.#atomic = !(this.#cells instanceof Float32Array || this.#cells instanceof Float64Array);
    if (!shared) this.#cells[0] = initial;
  }

  /** A plain read or write: not atomic, so `value++` in two threads can lose updates. */
  get value(): number {
    return this.#cells[0];
  }

  set value(next: number) {
    this.#cells[0] = next;
  }

  /** Adds `delta` in one atomic step and gives the new value (integer types only). */
  add(delta: number): number {
    if (!this.#atomic) throw new TypeError(messages().sync.addNotAtomic(this.type));
    if (typeof delta !== "number") throw new TypeError(messages().sync.delta(typeof delta));
    const cells = this.#cells as Int32Array;
    Atomics.add(cells, 0, delta);
    return Atomics.load(cells, 0);
  }

  [inspect.custom](): string {
    return `SharedValue<${this.type}> ${this.value}`;
  }

  toJSON(): number {
    return this.value;
  }

  [WIRE](_target: Target): Wired {
    return { [MARK]: "SharedValue", type: this.type, buffer: this.#cells.buffer };
  }
}

defineKind("SharedValue", (w) => {
  const make = SharedValue as unknown as new (type: string, initial: number, shared: SharedArrayBuffer) => SharedValue;
  return new make(w.type as string, 0, w.buffer as SharedArrayBuffer);
});

/**
 * A number in shared memory that threads update together: `sharedValue("i32")`, like Python's
 * `Value("i", 0)`. Threads only: a child process has its own memory.
 *
 * @example
 * const counter = sharedValue("i32");
 * await new Thread((c: SharedValue) => { c.value = 7; }, counter).start().join();
 * counter.value; // 7
 */
export function sharedValue<T extends SharedType>(type: T, initial = 0): SharedValue {
  return new SharedValue(type, initial);
}

/**
 * A typed array in shared memory, like Python's `multiprocessing.Array`: `sharedArray("f64", n)`
 * (n zeros) or `sharedArray("i32", [1, 2, 3])`. Pass it to threads; they all see the same numbers.
 * Use `Atomics.add(array, i, 1)` for atomic updates of integer arrays. Threads only.
 */
export function sharedArray<T extends SharedType>(type: T, lengthOrValues: number | Iterable<number>): SharedArrayOf<T> {
  const Kind = arrayType(type);
  if (typeof lengthOrValues === "number") {
    nonNegativeInteger("length", lengthOrValues);
    return new Kind(new SharedArrayBuffer(lengthOrValues * Kind.BYTES_PER_ELEMENT)) as SharedArrayOf<T>;
  }
  isIterable("lengthOrValues", lengthOrValues);
  const values = Array.from(lengthOrValues);
  const array = new Kind(new SharedArrayBuffer(values.length * Kind.BYTES_PER_ELEMENT));
  array.set(values);
  return array as SharedArrayOf<T>;
}
