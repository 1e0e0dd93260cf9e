import { analyze } from "eslint-scope";
import * as espree from "espree";
import { NotSelfContainedError } from "../errors.js";
import { isFunction } from "../options.js";
import { rememberSource } from "./origins.js";
import { messages } from "../messages/index.js";

/** Names a function may use without defining them: the globals every worker and child has. */
const GLOBALS = new Set([...Object.getOwnPropertyNames(globalThis), "require", "globalThis"]);
GLOBALS.delete("__tslab__");

const checked = new Map<string, string>();
/** The same function object is checked once: pools call this for every task. */
const byFunction = new WeakMap<object, string>();

/**
 * The source of `fn`, checked to run on its own in another thread or process.
 * Throws a TypeError for a non-function and a NotSelfContainedError for a function
 * that uses a variable from outside itself.
 */
export function functionSource(fn: unknown, name = "fn"): string {
  isFunction(name, fn);
  const seen = byFunction.get(fn);
  if (seen !== undefined) return seen;
  const text = Function.prototype.toString.call(fn);
  const known = checked.get(text);
  if (known !== undefined) {
    byFunction.set(fn, known);
    return known;
  }
  if (/\{\s*\[native code\]\s*\}$/.test(text)) {
    throw new TypeError(messages().functions.native(name, fn.name));
  }
  const source = asExpression(text, name);
  const free = freeVariables(source);
  if (free.length > 0) throw new NotSelfContainedError(describeFunction(fn), free);
  checked.set(text, source);
  byFunction.set(fn, source);
  rememberSource(source, text);
  return source;
}

function describeFunction(fn: { name: string }): string {
  return fn.name ? messages().functions.named(fn.name) : messages().functions.anonymous;
}

/** A method written as `name(x) { ... }` is not an expression on its own: wrap it in an object literal. */
function asExpression(text: string, name: string): string {
  for (const candidate of [`(${text})`, `({ ${text} })[Object.keys({ ${text} })[0]]`]) {
    if (parses(candidate)) return candidate;
  }
  throw new TypeError(messages().functions.unreadable(name));
}

function parses(source: string): boolean {
  try {
    espree.parse(source, { ecmaVersion: "latest", sourceType: "script" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Names the function reads but does not define. tslab compiles a use of another cell's
 * variable `k` to `exports.k`, so `exports.k` is reported as `k`.
 */
function freeVariables(source: string): string[] {
  const ast = espree.parse(source, { ecmaVersion: "latest", sourceType: "script", range: true });
  const scopes = analyze(ast as never, { ecmaVersion: 2022, sourceType: "script" });
  const names = new Set<string>();
  for (const ref of scopes.globalScope?.through ?? []) {
    const id = ref.identifier as { name: string; range?: [number, number] };
    if (GLOBALS.has(id.name) && id.name !== "exports") continue;
    names.add(id.name === "exports" ? (propertyAfter(source, id.range) ?? "exports") : id.name);
  }
  return [...names];
}

function propertyAfter(source: string, range: [number, number] | undefined): string | undefined {
  if (!range) return undefined;
  return /^\s*\.\s*([A-Za-z_$][\w$]*)/.exec(source.slice(range[1]))?.[1];
}
