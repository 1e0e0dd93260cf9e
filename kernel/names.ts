// The names a cell binds, kept when the cell fails, as IPython keeps them: the imports, functions,
// classes and variables that ran before the error have their values, and are declared (typed)
// for later cells. A name the cell declared but never reached reads as a clear error that names
// the cell and the line where it failed. tslab commits a cell's names only when it succeeds.
import { messages } from "../src/messages/index.js";
import { cellPosition } from "./cells.js";

/** TypeScript's CommonJS prologue: `exports.a = exports.b = void 0;`, the names the cell exports. */
const PROLOGUE = /^exports\.[\w$]+(?: = exports\.[\w$]+)* = void 0;$/gm;
/** The name that cells.ts gives a recorded cell's code. */
const CELL_URL = /\/\/# sourceURL=(concurrence-cell-(\d+)\.js)\s*$/;
/** `    at name (file:line:column)` or `    at file:line:column`. */
const FRAME = /^\s+at (?:.+? \()?(.+?):(\d+):(\d+)\)?$/;

/** A cell's JavaScript, without the prologue (its names are pending instead), and what it binds. */
export interface CellCode {
  js: string;
  names: string[];
  /** Its execution count, when cells.ts recorded it. */
  count?: number;
}

export function cellCode(js: string): CellCode {
  const names: string[] = [];
  const stripped = js.replace(PROLOGUE, (line) => {
    for (const part of line.slice(0, -" = void 0;".length).split(" = ")) names.push(part.slice("exports.".length));
    return "";
  });
  const count = CELL_URL.exec(js)?.[2];
  return { js: stripped, names, count: count === undefined ? undefined : Number(count) };
}

/** Where a failed cell stopped; `line` is filled in once the error is known. */
interface Failure {
  count?: number;
  line?: number;
}

/** The running cell's names: pending until the cell's code assigns them. */
export interface Pending {
  names: string[];
  failure: Failure;
}

/**
 * The object that cells' code reads and writes names in (`exports.n`). As in tslab, a named
 * import (a getter) is kept as its value, so that a later cell may rebind it.
 */
export class Namespace {
  readonly #target: Record<string, unknown> = {};
  readonly exports: Record<string, unknown> = new Proxy(this.#target, {
    defineProperty: (target, name, attributes) => {
      if (name === "__esModule") return true;
      return bind(target, name, attributes.get ? attributes.get() : attributes.value);
    },
    // A pending name is a getter: assigning it replaces the getter by the value.
    set: (target, name, value) => bind(target, name, value),
  });

  /** Before a cell runs: each name it binds is pending, and reads as "not reached" if it stays so. */
  begin(code: CellCode, exclude?: string): Pending {
    const pending: Pending = { names: code.names.filter((name) => name !== exclude), failure: { count: code.count } };
    for (const name of pending.names) {
      const failure = pending.failure;
      Object.defineProperty(this.#target, name, {
        get: () => {
          throw new ReferenceError(messages().names.unreached(name, failure.count, failure.line));
        },
        enumerable: false,
        configurable: true,
      });
    }
    return pending;
  }

  /** After the cell: on success, a name left pending is undefined (as TypeScript's prologue made it). */
  succeeded(pending: Pending): void {
    for (const name of pending.names) if (this.#isPending(name)) {
      Object.defineProperty(this.#target, name, { value: undefined, writable: true, enumerable: true, configurable: true });
    }
  }

  /** After the cell failed with `error`: the names it reached keep their values, the others say where it stopped. */
  failed(pending: Pending, error: unknown): void {
    pending.failure.line = failedLine(error, pending.failure.count);
  }

  /** Forgets every name. */
  reset(): void {
    for (const name of Object.getOwnPropertyNames(this.#target)) delete this.#target[name];
  }

  #isPending(name: string): boolean {
    const descriptor = Object.getOwnPropertyDescriptor(this.#target, name);
    return descriptor?.get !== undefined;
  }
}

function bind(target: object, name: string | symbol, value: unknown): boolean {
  return Reflect.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
}

/** The line of cell `count` where `error` came out of its top-level code: its outermost frame there. */
export function failedLine(error: unknown, count: number | undefined): number | undefined {
  const stack = (error as { stack?: unknown } | null)?.stack;
  if (count === undefined || typeof stack !== "string") return undefined;
  let line: number | undefined;
  for (const text of stack.split("\n")) {
    const frame = FRAME.exec(text);
    if (!frame || frame[1] !== `concurrence-cell-${count}.js`) continue;
    line = cellPosition(frame[1], Number(frame[2]), Number(frame[3]))?.line ?? line;
  }
  return line;
}
