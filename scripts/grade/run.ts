// Runs one student's copy of one lesson for grading: read from their home (never written),
// the teacher's check cells put back, executed headless with nbclient as that student, in a
// cgroup with their limits (run_as_student.py), in a temporary folder that is then removed.
import { spawn } from "node:child_process";
import { chownSync, chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT, venvBin } from "../paths.js";
import { gradedNotebook, verdictsOf, type Exercise, type Notebook, type Verdict } from "./exercises.js";

export type Status = Verdict["status"] | "absent" | "timeout" | "crashed";
export interface Grade {
  student: string;
  lesson: string;
  key: string;
  title: string;
  status: Status;
  hint: string;
}

export interface RunOptions {
  /** The student's Unix account, and their copy of the lesson. */
  account: string;
  notebook: string;
  lesson: string;
  exercises: Exercise[];
  cpus: string;
  memory: string;
  /** Seconds for the whole notebook. */
  timeout: number;
  student: string;
}

function idsOf(account: string): { uid: number; gid: number } {
  const line = readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith(`${account}:`));
  if (!line) throw new Error(`no Unix account ${account}`);
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

function all(options: RunOptions, status: Status, hint: string): Grade[] {
  return options.exercises.map((e) => ({ student: options.student, lesson: options.lesson, key: e.key, title: e.title, status, hint }));
}

function runAsStudent(options: RunOptions, workdir: string): Promise<{ code: number; log: string }> {
  const args = [
    path.join(PROJECT_ROOT, "scripts", "grade", "run_as_student.py"),
    options.account, options.cpus, options.memory, String(options.timeout), workdir, "--",
    venvBin("python"), path.join(PROJECT_ROOT, "scripts", "execute_notebook.py"),
    path.join(workdir, "graded.ipynb"), path.join(workdir, "executed.ipynb"), "--timeout", String(options.timeout),
  ];
  return new Promise((resolve) => {
    const child = spawn(venvBin("python"), args, { stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    child.stdout.on("data", (d: Buffer) => (log += d.toString()));
    child.stderr.on("data", (d: Buffer) => (log += d.toString()));
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), log }));
  });
}

export async function gradeOne(options: RunOptions): Promise<Grade[]> {
  if (!existsSync(options.notebook) || !statSync(options.notebook).isFile()) return all(options, "absent", "notebook supprimé");
  let student: Notebook;
  try {
    student = JSON.parse(readFileSync(options.notebook, "utf8")) as Notebook;
    if (!Array.isArray(student.cells)) throw new Error("no cells");
  } catch (error) {
    return all(options, "crashed", `notebook illisible : ${(error as Error).message}`);
  }
  const { uid, gid } = idsOf(options.account);
  const workdir = mkdtempSync(path.join(os.tmpdir(), "concurrence-grade-"));
  try {
    const graded = path.join(workdir, "graded.ipynb");
    writeFileSync(graded, JSON.stringify(gradedNotebook(student, options.exercises)));
    symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(workdir, "node_modules"));
    chownSync(graded, uid, gid);
    chownSync(workdir, uid, gid);
    chmodSync(workdir, 0o700);
    const { code, log } = await runAsStudent(options, workdir);
    const executed = path.join(workdir, "executed.ipynb");
    if (code === 124 || /CellTimeoutError|TimeoutError/.test(log)) return all(options, "timeout", `plus de ${options.timeout} s`);
    if (code !== 0 || !existsSync(executed)) {
      const last = log.trim().split("\n").filter((l) => /Error|error/.test(l)).pop() ?? `code ${code}`;
      return all(options, "crashed", last.trim().slice(0, 200));
    }
    const verdicts = verdictsOf(JSON.parse(readFileSync(executed, "utf8")) as Notebook);
    return options.exercises.map((e) => {
      const v = verdicts.get(e.key) ?? { status: "error" as const, hint: "vérification absente" };
      return { student: options.student, lesson: options.lesson, key: e.key, title: e.title, status: v.status, hint: v.hint };
    });
  } finally {
    rmSync(workdir, { recursive: true, force: true });
  }
}
