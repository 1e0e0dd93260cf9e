// The teacher's exercises of a lesson, and the notebook that grades a student's copy: the
// student's cells, with the teacher's check cells put back in place of theirs (as nbgrader
// does), each tagged so that only its output counts.

export interface Cell {
  cell_type: string;
  source: string | string[];
  metadata?: Record<string, unknown>;
  outputs?: Array<{ output_type: string; name?: string; text?: string | string[]; ename?: string; evalue?: string }>;
  execution_count?: number | null;
  id?: string;
}
export interface Notebook {
  cells: Cell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

export interface Exercise {
  /** "03-2": the lesson's number and the exercise's rank. */
  key: string;
  /** The heading's first line, e.g. "### Exercice 2 : un compteur protégé". */
  title: string;
  /** The teacher's check cell. */
  check: string;
}

export const GRADE_TAG = "concurrence-grade";
const HEADING = /^#+\s*Exercice\b/m;

export function text(source: string | string[]): string {
  return Array.isArray(source) ? source.join("") : source;
}

function headingOf(cell: Cell): string | undefined {
  if (cell.cell_type !== "markdown") return undefined;
  const source = text(cell.source);
  const match = HEADING.exec(source);
  return match ? source.slice(match.index).split("\n")[0].trim() : undefined;
}

/** A check cell: code that awaits one of the library's checks. */
function isCheck(cell: Cell): boolean {
  return cell.cell_type === "code" && /\bchecks\.\w+\s*\(/.test(text(cell.source));
}

/** The exercises of the teacher's lesson: a heading `Exercice`, a solution cell, a check cell. */
export function teacherExercises(lesson: string, nb: Notebook): Exercise[] {
  const number = /^(\d+)/.exec(lesson)?.[1] ?? lesson;
  const found: Exercise[] = [];
  nb.cells.forEach((cell, i) => {
    const title = headingOf(cell);
    const check = nb.cells[i + 2];
    if (title && check && isCheck(check)) found.push({ key: `${number}-${found.length + 1}`, title, check: text(check.source) });
  });
  return found;
}

function checkCell(exercise: Exercise): Cell {
  return {
    cell_type: "code",
    source: exercise.check,
    metadata: { [GRADE_TAG]: exercise.key },
    outputs: [],
    execution_count: null,
    id: `grade-${exercise.key}`,
  };
}

/**
 * The student's notebook to run for grading: every check cell of theirs (edited or not) is
 * replaced by the teacher's, tagged; a check cell they deleted is put back after their solution
 * cell (the code cell after the exercise's heading); an exercise whose heading they deleted gets
 * its check at the end. Their other cells stay, untagged: what they print never counts.
 */
export function gradedNotebook(student: Notebook, exercises: Exercise[]): Notebook {
  const cells: Cell[] = [];
  const byTitle = new Map(exercises.map((e) => [e.title, e]));
  const placed = new Set<string>();
  let open: Exercise | undefined; // the exercise whose heading came last, check not yet placed
  let codeSinceHeading = 0;
  const close = () => {
    if (open && !placed.has(open.key)) {
      cells.push(checkCell(open));
      placed.add(open.key);
    }
    open = undefined;
  };
  for (const cell of student.cells) {
    const title = headingOf(cell);
    if (title !== undefined) {
      close();
      open = byTitle.get(title);
      codeSinceHeading = 0;
      cells.push(cell);
      continue;
    }
    if (isCheck(cell) || cell.metadata?.[GRADE_TAG] !== undefined) {
      // A check cell of the student's (maybe edited): the teacher's, if it belongs to the open exercise.
      if (open && !placed.has(open.key)) close();
      continue;
    }
    const untagged = { ...cell, metadata: { ...(cell.metadata ?? {}) } };
    delete untagged.metadata[GRADE_TAG];
    cells.push(untagged);
    if (cell.cell_type === "code" && open && ++codeSinceHeading === 1) {
      // The solution cell: the check comes right after it, whatever the student did to theirs.
      close();
    }
  }
  close();
  for (const exercise of exercises) if (!placed.has(exercise.key)) cells.push(checkCell(exercise));
  return { ...student, cells };
}

export type Verdict = { status: "passed" | "failed" | "error"; hint: string };

/** The verdict each tagged check cell printed: ✅ passed, ❌ failed (with its hint), else an error. */
export function verdictsOf(executed: Notebook): Map<string, Verdict> {
  const found = new Map<string, Verdict>();
  for (const cell of executed.cells) {
    const key = cell.metadata?.[GRADE_TAG];
    if (typeof key !== "string") continue;
    const outputs = cell.outputs ?? [];
    const printed = outputs.filter((o) => o.output_type === "stream" && o.name === "stdout").map((o) => text(o.text ?? "")).join("");
    const error = outputs.find((o) => o.output_type === "error");
    const lines = printed.split("\n").map((l) => l.trim());
    const failed = lines.find((l) => l.startsWith("❌"));
    const passed = lines.find((l) => l.startsWith("✅"));
    if (failed) found.set(key, { status: "failed", hint: failed.replace(/^❌\s*/, "") });
    else if (passed && !error) found.set(key, { status: "passed", hint: passed.replace(/^✅\s*/, "") });
    else found.set(key, { status: "error", hint: error ? `${error.ename}: ${error.evalue}` : "la vérification n'a rien affiché" });
  }
  return found;
}
