import { format } from "node:util";
import { messages } from "../src/messages/index.js";
import { hintFor } from "./hints.js";
import { formatStack, pointAt } from "./stack.js";

/** The content of a Jupyter `error` message and of an execute_reply with status "error". */
export interface ErrorContent {
  ename: string;
  evalue: string;
  traceback: string[];
}

/** tslab prints a TypeScript diagnostic as console.error("%s%d:%d - %s", file, line, column, message). */
const DIAGNOSTIC_FORMAT = "%s%d:%d - %s";

/** What tslab's executor reported during one execution, through the console we give it. */
export class ExecutionRecord {
  readonly diagnostics: Array<{ line: number; column: number; message: string }> = [];
  readonly errors: unknown[] = [];
  hasValue = false;
  value: unknown;

  readonly console = {
    log: (value: unknown) => {
      this.hasValue = true;
      this.value = value;
    },
    error: (first: unknown, ...rest: unknown[]) => {
      if (first === DIAGNOSTIC_FORMAT) {
        const [, line, column, message] = rest as [string, number, number, string];
        this.diagnostics.push({ line, column, message: typeof message === "string" ? message : format(message) });
      } else {
        this.errors.push(first);
      }
    },
  };

  /** The error to report for a failed execution of `code`. */
  toError(code: string): ErrorContent {
    if (this.diagnostics.length > 0) return diagnosticsError(this.diagnostics, code);
    if (this.errors.length > 0) return runtimeError(this.errors[this.errors.length - 1]);
    return {
      ename: "CompileError",
      evalue: messages().kernel.noReason,
      traceback: [],
    };
  }
}

function diagnosticsError(diagnostics: ExecutionRecord["diagnostics"], code: string): ErrorContent {
  const lines = code.split("\n");
  const m = messages().kernel;
  const traceback = diagnostics.flatMap(({ line, column, message }) => {
    const place = `${m.line} ${line}, ${m.column} ${column}`;
    return [`${place[0].toUpperCase()}${place.slice(1)}${m.colon}${message}`, ...pointAt(line, column, lines[line - 1] ?? "")];
  });
  const hints = new Set(diagnostics.map((d) => hintFor(d.message)).filter((h) => h !== undefined));
  traceback.push(...[...hints].map((hint) => `${m.hint}${m.colon}${hint}`));
  const first = diagnostics[0];
  const more = diagnostics.length > 1 ? m.andMore(diagnostics.length - 1) : "";
  return { ename: "TypeScriptError", evalue: `${first.line}:${first.column} - ${first.message}${more}`, traceback };
}

function isInterrupt(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return e?.code === "ERR_SCRIPT_EXECUTION_INTERRUPTED" || e?.message === "Interrupted asynchronously";
}

function runtimeError(error: unknown): ErrorContent {
  if (isInterrupt(error)) {
    const evalue = messages().kernel.interrupted;
    return { ename: "KeyboardInterrupt", evalue, traceback: [`KeyboardInterrupt: ${evalue}`] };
  }
  if (!(error instanceof Error)) {
    const text = format(error);
    return { ename: "Error", evalue: text, traceback: [`Uncaught ${text}`] };
  }
  return { ename: error.name, evalue: error.message, traceback: formatStack(error) };
}
