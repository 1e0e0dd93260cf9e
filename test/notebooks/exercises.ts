// The exercises of a notebook, and the verdicts its check cells printed.
import assert from "node:assert/strict";
import { codeCells, join, sourceOf, type Notebook } from "./outputs.js";

export const EXERCISE_HEADING = /^#+\s*Exercice\b/m;

/** The exercises of a notebook: a markdown heading `Exercice`, a code cell with a solution region, then a check cell. */
export function exercises(nb: Notebook): Array<{ title: string; solution: string; check: string }> {
  const found: Array<{ title: string; solution: string; check: string }> = [];
  nb.cells.forEach((cell, i) => {
    const heading = cell.cell_type === "markdown" ? EXERCISE_HEADING.exec(sourceOf(cell)) : null;
    if (!heading) return;
    const title = sourceOf(cell).slice(heading.index).split("\n")[0];
    const [solution, check] = nb.cells.slice(i + 1, i + 3);
    assert.equal(solution?.cell_type, "code", `${title}: a code cell follows`);
    assert.equal(check?.cell_type, "code", `${title}: then a check cell`);
    found.push({ title, solution: sourceOf(solution), check: sourceOf(check) });
  });
  return found;
}

/** The ✅ and ❌ lines printed by the notebook's cells. */
export function verdicts(nb: Notebook): { passed: string[]; failed: string[] } {
  // Cell by cell: a cell that printed without a final newline must not swallow the next cell's verdict.
  const lines = codeCells(nb).flatMap((c) =>
    (c.outputs ?? [])
      .filter((o) => o.output_type === "stream")
      .map((o) => join(o.text))
      .join("")
      .split("\n"),
  );
  return { passed: lines.filter((l) => l.startsWith("✅")), failed: lines.filter((l) => l.startsWith("❌")) };
}
