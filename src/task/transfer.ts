import * as errors from "../errors.js";
import { messages } from "../messages/index.js";

/** An error as it crosses a thread or process boundary: plain data, rebuilt as an Error on arrival. */
export interface TransferableError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
}

/** Frames of the library's and Node's own machinery: a task's stack shows the cell's code. */
const MACHINERY = /\(node:internal\/|\bnode:internal\/|[\\/]piscina[\\/]|[\\/]dist[\\/]src[\\/](task|threads|processes|sync)[\\/]/;

function cellStack(stack: string): string {
  return stack
    .split("\n")
    .filter((line) => !/^\s+at /.test(line) || !MACHINERY.test(line))
    .join("\n");
}

export function toTransferableError(error: unknown): TransferableError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      name: error.name,
      message: error.message,
      stack: error.stack === undefined ? undefined : cellStack(error.stack),
      ...(typeof code === "string" ? { code } : {}),
    };
  }
  return { name: "Error", message: String(error) };
}

const BUILT_IN: Record<string, ErrorConstructor> = { Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError };

/** Rebuilds the error as its own class when it is a built-in or a library error, so `instanceof` works. */
export function fromTransferableError(data: TransferableError): Error {
  const error = new Error(data.message);
  const known = BUILT_IN[data.name] ?? (errors as Record<string, unknown>)[data.name];
  if (typeof known === "function" && known.prototype instanceof Error) Object.setPrototypeOf(error, known.prototype as object);
  if (error.name !== data.name) error.name = data.name;
  if (data.stack) error.stack = data.stack;
  if (data.code) (error as { code?: string }).code = data.code;
  return error;
}

/** The value of an outcome, or its error rebuilt and thrown. */
export function unwrap(outcome: { ok: true; value: unknown } | { ok: false; error: TransferableError }): unknown {
  if (outcome.ok) return outcome.value;
  throw fromTransferableError(outcome.error);
}

/** Arguments that cannot cross to a worker get a message that says what can. */
export function explainCloneError(error: unknown, where: string): unknown {
  if (error instanceof Error && (error.name === "DataCloneError" || /could not be cloned/.test(error.message))) {
    const what = error.message.split("\n")[0].replace(/\.$/, "");
    return new TypeError(messages().functions.notCloneable(where, what.length > 120 ? `${what.slice(0, 117)}...` : what), { cause: error });
  }
  return error;
}
