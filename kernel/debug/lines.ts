// A cell's TypeScript lines and the positions of its JavaScript in the script V8 runs (the
// executor's one-line prefix, then tslab's output): both ways, for breakpoints and for frames.
import { Alignment } from "../align.js";
import type { Cell } from "../cells.js";

/** A position in a script, as V8's inspector gives it: 0-based line and column. */
export interface ScriptLocation {
  lineNumber: number;
  columnNumber: number;
}

/** The statements tslab adds to publish a cell's names: stepping never stops on them. */
const GLUE = /^\s*(exports\.[\w$]+ = [\w$]+;|exports\.[\w$.= ]+ = void 0;|Object\.defineProperty\(exports, )/;

export class CellLines {
  readonly #alignment: Alignment;
  readonly #jsLines: string[];
  readonly #tsLineStarts: number[];

  constructor(readonly cell: Cell) {
    this.#alignment = new Alignment(cell.js, cell.source);
    this.#jsLines = cell.js.split("\n");
    this.#tsLineStarts = [0];
    for (let at = cell.source.indexOf("\n"); at >= 0; at = cell.source.indexOf("\n", at + 1)) this.#tsLineStarts.push(at + 1);
  }

  get lineCount(): number {
    return this.#tsLineStarts.length;
  }

  /** The cell's line (1-based) and column of a script location; undefined past the cell's code. */
  tsPosition({ lineNumber, columnNumber }: ScriptLocation): { line: number; column: number } | undefined {
    if (lineNumber >= this.#jsLines.length) return undefined;
    let column = columnNumber - (lineNumber === 0 ? this.cell.prefix : 0);
    // V8 puts a `return x;` breakpoint after its semicolon, at the line's end: that line's, not the next.
    const text = this.#jsLines[lineNumber].trimEnd();
    if (column >= text.length && text.trim()) column = text.length - 1;
    let offset = column;
    for (let l = 0; l < lineNumber; l++) offset += this.#jsLines[l].length + 1;
    const ts = this.#alignment.sourceOffset(Math.max(0, offset));
    if (ts === undefined) return undefined;
    let line = this.#tsLineStarts.findIndex((start) => start > ts);
    if (line < 0) line = this.#tsLineStarts.length;
    return { line, column: ts - this.#tsLineStarts[line - 1] + 1 };
  }

  /**
   * Where a breakpoint on cell line `line` (1-based) goes: the first code compiled from that
   * line, or from the next line that has code. Undefined when no line from there on has code.
   */
  scriptLocation(line: number): (ScriptLocation & { line: number }) | undefined {
    for (let l = Math.max(1, line); l <= this.#tsLineStarts.length; l++) {
      const end = l < this.#tsLineStarts.length ? this.#tsLineStarts[l] : this.cell.source.length + 1;
      const js = this.#alignment.jsOffsetIn(this.#tsLineStarts[l - 1], end);
      if (js === undefined) continue;
      const before = this.cell.js.slice(0, js);
      const lineNumber = before.split("\n").length - 1;
      const column = js - (before.lastIndexOf("\n") + 1);
      return { lineNumber, columnNumber: column + (lineNumber === 0 ? this.cell.prefix : 0), line: l };
    }
    return undefined;
  }

  /** Whether a script location is on one of tslab's publishing statements, not on the cell's code. */
  isGlue({ lineNumber }: ScriptLocation): boolean {
    return GLUE.test(this.#jsLines[lineNumber] ?? "");
  }
}
