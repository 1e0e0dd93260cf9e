/** An error as it crosses a thread or process boundary: plain data, rebuilt as an Error on arrival. */
export interface TransferableError {
  name: string;
  message: string;
  stack?: string;
}

export function toTransferableError(error: unknown): TransferableError {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: "Error", message: String(error) };
}

export function fromTransferableError(data: TransferableError): Error {
  const error = new Error(data.message);
  error.name = data.name;
  if (data.stack) error.stack = data.stack;
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
    return new TypeError(
      `${where} cannot be sent to another thread or process: ${error.message.replace(/\.$/, "")}. ` +
        `Pass numbers, strings, booleans, arrays, plain objects, Maps, Sets, Dates or typed arrays; ` +
        `functions, sockets and class instances with methods cannot be copied.`,
      { cause: error },
    );
  }
  return error;
}
