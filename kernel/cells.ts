// Each executed cell's TypeScript and the JavaScript tslab made of it, so that an error's stack,
// in this cell or in a function it sent to a worker, can be shown at the cell's own line.
import type { Converter } from "tslab/dist/converter";
import { Alignment } from "./align.js";

/** What V8 names a cell's code in stacks, through a `//# sourceURL` comment. */
const FILE = /^concurrence-cell-(\d+)\.js$/;

export interface Cell {
  /** Its execution count, `In[count]`. */
  count: number;
  /** What the user wrote: the lines an error quotes. */
  code: string;
  /** What the converter compiled (the code with the kernel's small rewrites). */
  source: string;
  /** tslab's JavaScript, as the executor runs it after its one-line prefix. */
  js: string;
  /** How many characters the executor puts before `js` on its first line. */
  prefix: number;
}

const cells = new Map<number, Cell & { alignment?: Alignment }>();
let current: { count: number; code: string } | undefined;
/** Cells whose sources are kept: older ones are forgotten (their errors then show the JavaScript). */
const KEPT = 500;

/** The cell that the next conversion compiles. */
export function beginCellSource(count: number, code: string): void {
  current = { count, code };
}

/** The converter, made to remember each cell's JavaScript and to name it in stacks. */
export function recordingConverter(converter: Converter): Converter {
  return {
    ...converter,
    convert(prevDecl, src) {
      const converted = converter.convert(prevDecl, src);
      if (!current || !converted.output) return converted;
      const { count, code } = current;
      current = undefined;
      // tslab's executor wraps the output as "(async function(exports, require) { " + js: see tslab/dist/executor.js.
      const prefix = (converted.hasToplevelAwait ? "(async function(exports, require) { " : "(function(exports, require) { ").length;
      cells.set(count, { count, code, source: src, js: converted.output, prefix });
      cells.delete(count - KEPT);
      return { ...converted, output: `${converted.output}\n//# sourceURL=concurrence-cell-${count}.js` };
    },
  };
}

/** The cell recorded as `In[count]`, if still kept (the debugger hands it to its thread). */
export function recordedCell(count: number): Cell | undefined {
  return cells.get(count);
}

/**
 * A position in a stack frame of a cell's code, as the cell's line and column; null for the
 * executor's own call after the cell's code, undefined for a cell no longer known.
 */
export function cellPosition(file: string, line: number, column: number): { cell: Cell; line: number; column: number } | null | undefined {
  const count = FILE.exec(file)?.[1];
  const cell = count === undefined ? undefined : cells.get(Number(count));
  if (!cell) return undefined;
  const offset = jsOffset(cell.js, line, line === 1 ? column - cell.prefix : column);
  if (offset >= cell.js.length) return null;
  return at(cell, offset);
}

/**
 * A position in the text of a function that a cell defined (`fn.toString()`, sent to a worker):
 * the newest cell whose JavaScript holds that text.
 */
export function functionPosition(text: string, offset: number): { cell: Cell; line: number; column: number } | undefined {
  const newestFirst = [...cells.values()].sort((a, b) => b.count - a.count);
  for (const cell of newestFirst) {
    const start = cell.js.indexOf(text);
    if (start >= 0) return at(cell, start + offset);
  }
  return undefined;
}

function at(cell: Cell & { alignment?: Alignment }, jsOffset: number): { cell: Cell; line: number; column: number } | undefined {
  cell.alignment ??= new Alignment(cell.js, cell.source);
  const offset = cell.alignment.sourceOffset(jsOffset);
  if (offset === undefined) return undefined;
  const before = cell.source.slice(0, offset);
  return { cell, line: before.split("\n").length, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
}

function jsOffset(js: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = js.indexOf("\n", offset);
    if (next < 0) return js.length; // past the cell's code: the executor's own lines
    offset = next + 1;
  }
  return offset + column - 1;
}
