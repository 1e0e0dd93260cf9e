// Where a worker's stack frame lies in the function a cell sent: the worker names the code it
// compiles after the source (so no message has to carry a name), and the kernel, which knows
// each cell's JavaScript, asks here which function a frame is in (see kernel/stack.ts).
import { createHash } from "node:crypto";

/** How the worker entries wrap a function's source to compile it (compile.ts). */
export const WRAPPER_START = "(function (require) { return ";
export const WRAPPER_END = "; })";

/** The file name V8 shows in stacks for this source. */
export function functionFileName(source: string): string {
  return `concurrence-fn-${createHash("sha1").update(source).digest("hex").slice(0, 16)}.js`;
}

/** Sources sent from here, by file name, with the function's own text (`fn.toString()`). */
const sent = new Map<string, { source: string; text: string }>();

/** Remembers what was sent, so a worker's stack can be mapped back to the cell. */
export function rememberSource(source: string, text: string): void {
  sent.set(functionFileName(source), { source, text });
}

/** The function's text and the offset in it of a frame at `line`, `column` (1-based) of `file`. */
export function functionOrigin(file: string, line: number, column: number): { text: string; offset: number } | undefined {
  const entry = sent.get(file);
  if (!entry) return undefined;
  const compiled = WRAPPER_START + entry.source + WRAPPER_END;
  let offset = 0;
  for (let l = 1; l < line && offset >= 0; l++) offset = compiled.indexOf("\n", offset) + 1 || -1;
  if (offset < 0) return undefined;
  offset += column - 1;
  const textStart = WRAPPER_START.length + entry.source.indexOf(entry.text);
  const inText = offset - textStart;
  return inText >= 0 && inText <= entry.text.length ? { text: entry.text, offset: inText } : undefined;
}
