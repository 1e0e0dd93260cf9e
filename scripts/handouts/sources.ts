// Which notebooks a run exports: the ones named, or all of notebooks/ (or of student/ with
// --student, refreshed first by the student generator when it is built).
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { NOTEBOOKS, PROJECT_ROOT } from "../paths.js";
import { run } from "../run.js";
import { HandoutError, messages } from "./messages.js";

export const STUDENT = path.join(PROJECT_ROOT, "student");
export const STUDENT_GENERATOR = path.join(PROJECT_ROOT, "dist", "scripts", "student.js");

/** The course's notebooks of `dir`, in reading order (their names start with their number). */
export function courseNotebooks(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Runs the student generator, then gives student/'s notebooks (or those named there). */
export function studentNotebooks(named: readonly string[], generator = STUDENT_GENERATOR): string[] {
  if (!existsSync(generator)) throw new HandoutError(messages.noStudentGenerator);
  run(process.execPath, [generator], { cwd: PROJECT_ROOT });
  if (!existsSync(STUDENT) || courseNotebooks(STUDENT).length === 0) throw new HandoutError(messages.noStudentNotebooks(STUDENT));
  if (named.length === 0) return courseNotebooks(STUDENT);
  // notebooks/01-x.ipynb names the student edition's student/01-x.ipynb.
  return named.map((n) => path.join(STUDENT, path.basename(n)));
}

export function selectNotebooks(named: readonly string[], student: boolean): string[] {
  if (student) return studentNotebooks(named);
  return named.length > 0 ? named.map((n) => path.resolve(n)) : courseNotebooks(NOTEBOOKS);
}
