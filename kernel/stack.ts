// A runtime error's stack as the student reads it: each frame of a cell at the cell's line,
// with that line and a caret, like TypeScript's diagnostics; the kernel's, tslab's and the
// library's own frames left out. A function run by a worker maps back to the cell that defined it.
import { messages } from "../src/messages/index.js";
import { cellPosition, functionPosition, type Cell } from "./cells.js";
import { kernelHooks } from "./hooks.js";

/** `    at name (file:line:column)` or `    at file:line:column`. */
const FRAME = /^\s+at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?$/;
/** Frames that say nothing about the student's code. */
const MACHINERY = /node:vm|node:internal|[\\/]tslab[\\/]|[\\/]dist[\\/](kernel|src)[\\/]|[\\/]piscina[\\/]|^\s+at (async )?(new )?Promise[ .]/;
/** What the worker entries name a function's code (src/task/compile.ts). */
const FUNCTION_FILE = /^concurrence-fn-[0-9a-f]+\.js$/;

/** The traceback lines for `error`: its name and message, then its frames, then its cause. */
export function formatStack(error: Error, depth = 0): string[] {
  const stack = error.stack ?? `${error.name}: ${error.message}`;
  const lines = stack.split("\n");
  const first = lines.findIndex((line) => FRAME.test(line));
  let header = first < 0 ? lines : lines.slice(0, first);
  // Node may put the failing line of JavaScript, a caret and a blank line above the message:
  // the cell's own line comes below instead.
  if (/^\S+:\d+$/.test(header[0] ?? "") && header.includes("")) header = header.slice(header.indexOf("") + 1);
  const out = header.length > 0 && header[0] !== "" ? [...header] : [`${error.name}: ${error.message}`];
  for (const line of first < 0 ? [] : lines.slice(first)) {
    if (MACHINERY.test(line)) continue;
    out.push(...frame(line));
  }
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error && depth < 3) out.push(messages().kernel.cause, ...formatStack(cause, depth + 1));
  return out;
}

function frame(line: string): string[] {
  const parts = FRAME.exec(line);
  if (!parts) return [line];
  const [, name, file, row, col] = parts;
  const place = FUNCTION_FILE.test(file) ? inFunction(file, Number(row), Number(col)) : cellPosition(file, Number(row), Number(col));
  if (place === null) return []; // the executor's own call of the cell's code
  if (!place) return [line];
  return quote(place.cell, place.line, place.column, name);
}

function inFunction(file: string, line: number, column: number): ReturnType<typeof cellPosition> {
  const origin = kernelHooks()?.functionOrigin?.(file, line, column);
  return origin ? functionPosition(origin.text, origin.offset) : undefined;
}

/** `Cellule In[3], ligne 4, dans boom`, the line, and a caret under the column. */
export function quote(cell: Cell, line: number, column: number, name?: string): string[] {
  const m = messages().kernel;
  // tslab calls a cell's functions through its `exports` proxy: V8 names them Proxy.f.
  const shown = name?.replace(/^async /, "").replace(/^(Proxy|Object)\./, "");
  const where = shown && shown !== "<anonymous>" ? `, ${m.in} ${shown}` : "";
  const source = cell.code.split("\n")[line - 1] ?? cell.source.split("\n")[line - 1] ?? "";
  return [`${m.cell(cell.count)}, ${m.line} ${line}${where}`, ...pointAt(line, column, source)];
}

/** A source line under its number, and a caret under `column`: diagnostics and stacks alike. */
export function pointAt(line: number, column: number, source: string): [string, string] {
  const gutter = String(line).padStart(4);
  return [`${gutter} | ${source}`, `${" ".repeat(gutter.length)} | ${" ".repeat(Math.max(0, column - 1))}^`];
}
