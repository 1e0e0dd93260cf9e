// DAP's stack frames from V8's paused call frames: a cell's frames at its TypeScript line, in
// the file JupyterLab names that cell, so that it highlights the line in the notebook.
import { messages } from "../../src/messages/index.js";
import type { CellStore } from "./cellstore.js";
import type { CallFrame, Engine, Paused } from "./engine.js";

export interface StackFrame {
  id: number;
  name: string;
  line: number;
  column: number;
  source: { name: string; path: string };
}

/**
 * The frames from the top down to the outermost cell frame (below it: tslab's executor and
 * Node's internals, none of the student's code). A frame's id is its index in the pause.
 */
export function frames(callFrames: CallFrame[], engine: Engine, cells: CellStore): StackFrame[] {
  const out: StackFrame[] = [];
  let lastCell = -1;
  callFrames.forEach((frame, index) => {
    const url = engine.scripts.get(frame.location.scriptId) ?? "";
    const cell = cells.byUrl(url);
    const at = cell?.lines.tsPosition(frame.location);
    if (cell && at) {
      lastCell = index;
      const name = frame.functionName || messages().debugger.cellFrame(cell.cell.count);
      out.push({ id: index, name, line: at.line, column: at.column, source: { name: `In [${cell.cell.count}]`, path: cell.path } });
    } else {
      const path = url.replace(/^file:\/\//, "");
      const name = frame.functionName || "(anonymous)";
      out.push({ id: index, name, line: frame.location.lineNumber + 1, column: frame.location.columnNumber + 1, source: { name: path.split("/").pop() ?? path, path } });
    }
  });
  return lastCell >= 0 ? out.slice(0, lastCell + 1) : out;
}

/** DAP's reason for a pause. */
export function pauseReason(paused: Paused, resumedBy: string | undefined): string {
  if (paused.hitBreakpoints?.length) return "breakpoint";
  if (paused.reason === "exception" || paused.reason === "promiseRejection") return "exception";
  if (resumedBy === "step") return "step";
  if (resumedBy === "pause") return "pause";
  return paused.reason === "other" ? "breakpoint" : paused.reason;
}
