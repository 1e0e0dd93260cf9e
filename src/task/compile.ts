import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";
import { toTransferableError, type TransferableError } from "./transfer.js";

type AnyFunction = (...args: unknown[]) => unknown;

/**
 * What crosses to a worker: a function's checked source, and either its arguments or a
 * chunk of items to map. A thread task also carries the token that tags its output.
 */
export type TaskRequest = ({ source: string; args: unknown[] } | { source: string; chunk: unknown[] }) & { token?: string };

/** What comes back: a value or an error, as plain data, so that error names survive the trip. */
export type TaskOutcome = { ok: true; value: unknown } | { ok: false; error: TransferableError };

/** The notebook's folder, so a function can require() what the notebook can. */
const cellRequire = createRequire(path.join(process.cwd(), "__cell__.js"));
const compiled = new Map<string, AnyFunction>();

/** Turns checked source back into a function, once per worker. */
export function compileFunction(source: string): AnyFunction {
  let fn = compiled.get(source);
  if (!fn) {
    const factory = vm.runInThisContext(`(function (require) { return ${source}; })`, {
      filename: "cell-function.js",
    }) as (req: NodeJS.Require) => AnyFunction;
    fn = factory(cellRequire);
    compiled.set(source, fn);
  }
  return fn;
}

export async function runTask(request: TaskRequest): Promise<TaskOutcome> {
  try {
    const fn = compileFunction(request.source);
    if ("chunk" in request) {
      const values: unknown[] = [];
      for (const item of request.chunk) values.push(await fn(item));
      return { ok: true, value: values };
    }
    return { ok: true, value: await fn(...request.args) };
  } catch (error) {
    return { ok: false, error: toTransferableError(error) };
  }
}
