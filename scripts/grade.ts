// `npm run grade`: the teacher's gradebook. For each student of the hub (accounts jupyter-<name>
// with a home under --homes) and each lesson with exercises, runs the student's copy
// (~/cours/<lesson>, read only) as that student within their limits, with the teacher's check
// cells, and writes gradebook.csv and gradebook.html into --out.
//   npm run grade -- [--homes /home] [--students a,b] [--lessons 04,05] [--out gradebook]
//                    [--cpus 2] [--memory 2G] [--timeout 600] [--parallel 2] [--course notebooks]
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "../src/files/index.js";
import { NOTEBOOKS } from "./paths.js";
import { teacherExercises, type Exercise, type Notebook } from "./grade/exercises.js";
import { gradebookCsv, gradebookHtml } from "./grade/report.js";
import { gradeOne, type Grade } from "./grade/run.js";
import { messages } from "./grade/messages.js";

const PREFIX = "jupyter-";

/** The hub's students: accounts jupyter-<name> whose home is <homes>/jupyter-<name>. */
export function classList(homes: string, only?: string[]): Array<{ student: string; account: string; home: string }> {
  const accounts = new Map(
    readFileSync("/etc/passwd", "utf8")
      .split("\n")
      .map((l) => l.split(":"))
      .filter((f) => f.length > 5 && f[0].startsWith(PREFIX))
      .map((f) => [f[0], f[5]] as const),
  );
  const found = readdirSync(homes)
    .filter((entry) => accounts.get(entry) === path.join(homes, entry))
    .map((account) => ({ student: account.slice(PREFIX.length), account, home: path.join(homes, account) }));
  if (!only) return found.sort((a, b) => a.student.localeCompare(b.student));
  const missing = only.filter((s) => !found.some((f) => f.student === s));
  if (missing.length) throw new Error(messages().unknownStudents(missing, homes));
  return found.filter((f) => only.includes(f.student)).sort((a, b) => a.student.localeCompare(b.student));
}

export function lessonsWithExercises(course: string, only?: string[]): Array<{ lesson: string; exercises: Exercise[] }> {
  return readdirSync(course)
    .filter((f) => /^\d\d-.*\.ipynb$/.test(f) && (!only || only.some((o) => f.startsWith(o))))
    .sort()
    .map((lesson) => ({ lesson, exercises: teacherExercises(lesson, JSON.parse(readFileSync(path.join(course, lesson), "utf8")) as Notebook) }))
    .filter((l) => l.exercises.length > 0);
}

async function pool<T>(jobs: Array<() => Promise<T>>, parallel: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, jobs.length) }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]();
      }
    }),
  );
  return results;
}

export async function grade(args: string[]): Promise<{ grades: Grade[]; csv: string; html: string }> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      homes: { type: "string", default: "/home" },
      students: { type: "string" },
      lessons: { type: "string" },
      course: { type: "string", default: NOTEBOOKS },
      out: { type: "string", default: "gradebook" },
      cpus: { type: "string", default: "2" },
      memory: { type: "string", default: "2G" },
      timeout: { type: "string", default: "600" },
      parallel: { type: "string", default: "2" },
    },
  });
  if (process.getuid?.() !== 0) throw new Error(messages().notRoot);
  const list = (v?: string) => v?.split(",").map((s) => s.trim()).filter(Boolean);
  const students = classList(path.resolve(values.homes), list(values.students));
  const lessons = lessonsWithExercises(path.resolve(values.course), list(values.lessons));
  const jobs = students.flatMap((s) =>
    lessons.map(({ lesson, exercises }) => async () => {
      const grades = await gradeOne({
        student: s.student, account: s.account, lesson, exercises,
        notebook: path.join(s.home, "cours", lesson),
        cpus: values.cpus, memory: values.memory, timeout: Number(values.timeout),
      });
      console.log(messages().graded(s.student, lesson, grades.filter((g) => g.status === "passed").length, grades.length));
      return grades;
    }),
  );
  const grades = (await pool(jobs, Math.max(1, Number(values.parallel) || 1))).flat();
  const out = path.resolve(values.out);
  mkdirSync(out, { recursive: true });
  const csv = path.join(out, "gradebook.csv");
  const html = path.join(out, "gradebook.html");
  writeFileAtomic(csv, gradebookCsv(grades), { overwrite: true });
  writeFileAtomic(html, await gradebookHtml(grades, new Date()), { overwrite: true });
  console.log(messages().written(csv, html));
  return { grades, csv, html };
}

if (require.main === module) {
  grade(process.argv.slice(2)).catch((error: Error) => {
    console.error(`${messages().failed} ${error.message}`);
    process.exit(1);
  });
}
