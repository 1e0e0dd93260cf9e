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
const GLUE = /^\s*(exports\.(?!tsLastExpr\b)[\w$]+ = [\w$]+;|exports\.[\w$.= ]+ = void 0;|Object\.defineProperty\(exports, )/;

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
    const line = this.#lineAt(ts);
    return { line, column: ts - this.#tsLineStarts[line - 1] + 1 };
  }

  /** The 1-based line of a TypeScript offset. */
  #lineAt(ts: number): number {
    const line = this.#tsLineStarts.findIndex((start) => start > ts);
    return line < 0 ? this.#tsLineStarts.length : line;
  }

  #lastValueOn(line: number): number | undefined {
    const at = this.cell.js.search(/^exports\.tsLastExpr = /m);
    if (at < 0) return undefined;
    const expression = at + "exports.tsLastExpr = ".length;
    return this.#tsLineOf(expression) === line ? at : undefined;
  }

  #tsLineOf(jsOffset: number): number | undefined {
    const ts = this.#alignment.sourceOffset(jsOffset);
    return ts === undefined ? undefined : this.#lineAt(ts);
  }

  /**
   * Where a breakpoint on cell line `line` (1-based) goes: the first code compiled from that
   * line, or from the next line that has code. Undefined when no line from there on has code.
   */
  scriptLocation(line: number): (ScriptLocation & { line: number }) | undefined {
    for (let l = Math.max(1, line); l <= this.#tsLineStarts.length; l++) {
      const end = l < this.#tsLineStarts.length ? this.#tsLineStarts[l] : this.cell.source.length + 1;
      // A statement starts its JavaScript line: tokens in mid-line matched from this line are the
      // alignment pairing a type's tokens (`{ x: number }`) with code that has the same ones.
      // Else (an import: `const x_1 = require("x")`), the start of the first matched token's line,
      // if that start maps back to this line.
      const matched = this.#alignment.jsOffsetsIn(this.#tsLineStarts[l - 1], end).filter((at) => !GLUE.test(lineAround(this.cell.js, at)));
      let js = matched.find((at) => /^\s*$/.test(lineBefore(this.cell.js, at)));
      if (js === undefined && matched.length > 0) {
        const start = matched[0] - lineBefore(this.cell.js, matched[0]).replace(/^\s*/, "").length;
        if (this.#tsLineOf(start) === l) js = start;
      }
      // Else the cell's last value, `exports.tsLastExpr = …;`, when its expression comes from this line
      // (the alignment may have paired its tokens with tslab's `exports.x = x;` just before).
      if (js === undefined) js = this.#lastValueOn(l);
      if (js === undefined) continue;
      const before = this.cell.js.slice(0, js);
      const lineNumber = before.split("\n").length - 1;
      const column = js - (before.lastIndexOf("\n") + 1);
      return { lineNumber, columnNumber: column + (lineNumber === 0 ? this.cell.prefix : 0), line: l };
    }
    return undefined;
  }

  /**
   * Whether a script location is not on the cell's code: on one of tslab's publishing statements
   * (`exports.x = x;`, but the cell's last value `exports.tsLastExpr = …` is the cell's), or
   * past the cell's code, on the executor's wrapper.
   */
  isGlue({ lineNumber }: ScriptLocation): boolean {
    return lineNumber >= this.#jsLines.length || GLUE.test(this.#jsLines[lineNumber] ?? "");
  }
}

/** The text of `text`'s line before offset `at`. */
function lineBefore(text: string, at: number): string {
  return text.slice(text.lastIndexOf("\n", at - 1) + 1, at);
}

/** The whole line of `text` around offset `at`. */
function lineAround(text: string, at: number): string {
  const end = text.indexOf("\n", at);
  return text.slice(text.lastIndexOf("\n", at - 1) + 1, end < 0 ? undefined : end);
}
