// `npm run test:hub`: two students on the course's JupyterHub, each as their own Unix account.
// What a curious student tries from their kernel fails with a permission error (the other's home,
// the hub's secrets, the other's kernel, the installed course); the CPU share and the memory limit
// hold (cgroups); the edition arrives and a re-sync keeps an edited notebook; nothing is left.
import assert from "node:assert/strict";
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { publishEdition } from "../../scripts/hub/edition.js";
import { NOTEBOOKS, PROJECT_ROOT } from "../../scripts/paths.js";
import { cleanUp, drive, startHub, studentCgroups, studentNames, uidOf } from "./classroom.js";
import { listeners, markedProcesses } from "./processes.js";

const { hub: STUDENTS, unix: ACCOUNTS } = studentNames(["a", "b"]);
const [A, B] = STUDENTS;
const MAX_WORKERS = 4;
const LESSON = "01-threads-et-processus.ipynb";

const IDENTITY = [
  'import { cpuCount, ThreadPool } from "concurrence";',
  "const pool = new ThreadPool({ workers: 2 });",
  "const squares = await pool.map((x: number) => x * x, [1, 2, 3, 4]);",
  "await pool.close();",
  "console.log(JSON.stringify({ uid: process.getuid!(), pid: process.pid, cpus: cpuCount(), squares, user: process.env.JUPYTERHUB_USER,",
  "  cwd: process.cwd(), cpuLimit: process.env.CPU_LIMIT, memLimit: process.env.MEM_LIMIT }));",
].join("\n");

/** What a curious student tries; each line says the error code it got, or ALLOWED. */
function probes(other: string, data: string, otherPid: number): string {
  const lesson = path.join(other, "cours", LESSON);
  return [
    'import * as fs from "node:fs";',
    "function tryIt(f: () => unknown): string { try { f(); return 'ALLOWED'; } catch (e) { return (e as NodeJS.ErrnoException).code ?? String(e); } }",
    "console.log(JSON.stringify({",
    `  readOther: tryIt(() => fs.readFileSync(${JSON.stringify(lesson)})),`,
    `  listOther: tryIt(() => fs.readdirSync(${JSON.stringify(other)})),`,
    `  writeOther: tryIt(() => fs.writeFileSync(${JSON.stringify(path.join(other, "intrus.txt"))}, "x")),`,
    `  readSecret: tryIt(() => fs.readFileSync(${JSON.stringify(path.join(data, "jupyterhub_cookie_secret"))})),`,
    `  readDatabase: tryIt(() => fs.readFileSync(${JSON.stringify(path.join(data, "jupyterhub.sqlite"))})),`,
    `  readEdition: tryIt(() => fs.readdirSync(${JSON.stringify(path.join(data, "edition"))})),`,
    `  signalOther: tryIt(() => process.kill(${otherPid}, 0)),`,
    `  writeCourse: tryIt(() => fs.closeSync(fs.openSync(${JSON.stringify(path.join(PROJECT_ROOT, "dist", "src", "index.js"))}, "r+"))),`,
    `  addToCourse: tryIt(() => fs.mkdirSync(${JSON.stringify(path.join(PROJECT_ROOT, "node_modules", `intrus-${process.pid}`))})),`,
    `  writeKernelspec: tryIt(() => fs.closeSync(fs.openSync(${JSON.stringify(path.join(PROJECT_ROOT, ".venv", "share", "jupyter", "kernels", "concurrence", "kernel.json"))}, "r+"))),`,
    `  readCourse: tryIt(() => fs.readFileSync(${JSON.stringify(path.join(PROJECT_ROOT, "dist", "src", "index.js"))})),`,
    "}));",
  ].join("\n");
}

/** Three threads kept busy for 4 s: the process's CPU time over the wall time. */
const BUSY = [
  'import { Worker } from "node:worker_threads";',
  'import { cgroupCpuLimit } from "concurrence/dist/src/quota/index.js";',
  "const wall0 = Date.now(), cpu0 = process.cpuUsage();",
  "const busy = [1, 2, 3].map(() => new Worker('const end = Date.now() + 4000; while (Date.now() < end) {}', { eval: true }));",
  "await Promise.all(busy.map((w) => new Promise((done) => w.on('exit', done))));",
  "const used = process.cpuUsage(cpu0);",
  "console.log(JSON.stringify({ ratio: (used.user + used.system) / 1000 / (Date.now() - wall0), quota: cgroupCpuLimit() }));",
].join("\n");

/** More than 1 GiB of Buffers, outside the V8 heap that --max-old-space-size caps. */
const HOG = "const gros: Buffer[] = [];\nfor (let i = 0; i < 48; i++) gros.push(Buffer.alloc(64 * 2 ** 20, 1));\nconsole.log(gros.length);";

test("two students, each their own account: no way into the other's files, the hub's secrets or the course; limits that hold; nothing left", { timeout: 400_000 }, async () => {
  const hub = await startHub(STUDENTS, ACCOUNTS, ["--cpus", "1", "--memory", "1G", "--max-workers", String(MAX_WORKERS), "--cull", "0"]);
  let failed = true;
  let outcome = { left: [] as string[], cgroups: [] as string[] };
  try {
    const first = drive(hub.url, "run", STUDENTS, [IDENTITY]);
    const homeOf = (i: number) => path.join(hub.homes, ACCOUNTS[i]);
    const printed = first.map(({ user, kernel, cells }) => {
      assert.equal(kernel, "concurrence", `${user}'s default kernel`);
      assert.equal(cells[0].status, "ok", `${user}: ${cells[0].ename}: ${cells[0].evalue}`);
      return JSON.parse(cells[0].stdout) as { uid: number; pid: number; cpus: number; squares: number[]; user: string; cwd: string; cpuLimit: string; memLimit: string };
    });
    printed.forEach((p, i) => {
      assert.deepEqual(p.squares, [1, 4, 9, 16]);
      assert.equal(p.user, STUDENTS[i]);
      assert.equal(p.cwd, path.join(homeOf(i), "cours"));
      assert.equal(p.uid, uidOf(ACCOUNTS[i]), `${STUDENTS[i]}'s kernel runs as ${ACCOUNTS[i]}`);
      assert.equal(p.cpus, 1, "cpuCount() is the share");
      assert.equal(p.memLimit, String(2 ** 30));
    });
    assert.notEqual(printed[0].uid, 0, "not root");
    assert.notEqual(printed[0].uid, printed[1].uid, "not the other student's uid");
    for (let i = 0; i < 2; i++) {
      const home = statSync(homeOf(i));
      assert.equal(home.mode & 0o777, 0o700, "homes are private");
      assert.equal(home.uid, uidOf(ACCOUNTS[i]), "and the student's own");
      assert.equal(statSync(path.join(homeOf(i), "cours", LESSON)).uid, uidOf(ACCOUNTS[i]), "the edition belongs to the student");
    }
    assert.equal(statSync(hub.data).mode & 0o777, 0o700, "the hub's data is root's only");
    const perStudent = existsSync("/sys/fs/cgroup/cgroup.controllers") ? 1 : 2; // v2: one tree; v1: cpu and memory
    assert.equal(studentCgroups(ACCOUNTS).length, 2 * perStudent, "one cgroup per student, below the test's own");

    // The first student tries the second one's home, the hub's data, their kernel and the course.
    const probe = drive(hub.url, "run", [A], [probes(homeOf(1), hub.data, printed[1].pid)])[0].cells[0];
    assert.equal(probe.status, "ok", `${probe.ename}: ${probe.evalue}`);
    const tried = JSON.parse(probe.stdout) as Record<string, string>;
    assert.deepEqual(tried, {
      readOther: "EACCES", listOther: "EACCES", writeOther: "EACCES",
      readSecret: "EACCES", readDatabase: "EACCES", readEdition: "EACCES",
      signalOther: "EPERM", writeCourse: "EACCES", addToCourse: "EACCES", writeKernelspec: "EACCES",
      readCourse: "ALLOWED",
    });

    // Three busy threads under a share of 1 CPU: the CFS quota holds them to about one CPU.
    const busy = drive(hub.url, "run", [A], [BUSY])[0].cells[0];
    assert.equal(busy.status, "ok", `${busy.ename}: ${busy.evalue}`);
    const { ratio, quota } = JSON.parse(busy.stdout) as { ratio: number; quota: number };
    assert.equal(quota, 1, "the kernel sees its cgroup's quota");
    assert.ok(ratio <= 1.1, `three busy threads used ${ratio.toFixed(2)} CPUs under a 1-CPU share`);
    assert.ok(ratio >= 0.3, `and did run (${ratio.toFixed(2)} CPUs)`);

    // Past the memory limit, the kernel of A dies, A's next cell says why, and B's kernel lives on.
    const hog = drive(hub.url, "run", [A], [HOG, "console.log('encore là');"])[0].cells;
    assert.equal(hog[0].status, "died", `the cell past the limit ended its kernel: ${JSON.stringify(hog[0])}`);
    assert.equal(hog[1].status, "ok");
    assert.match(hog[1].stderr, /limite de mémoire de 1 Gio fixée pour chaque étudiant.*relancez les cellules/s);
    assert.equal(hog[1].stdout, "encore là\n");
    const other = drive(hub.url, "run", [B], [`console.log(process.pid, 6 * 7);`])[0].cells[0];
    assert.equal(other.stdout, `${printed[1].pid} 42\n`, "the other student's kernel is the same one, alive");

    // Ceiling on workers, as before: a clear French error.
    const over = drive(hub.url, "run", [B], [`new (require("concurrence").ThreadPool)({ workers: ${MAX_WORKERS + 1} });`])[0].cells[0];
    assert.equal(over.ename, "WorkerLimitError");

    // Everything listens on loopback only.
    const listening = listeners([...new Set([...markedProcesses("CONCURRENCE_HUB_TEST_MARK", hub.mark), hub.process.pid!])]);
    assert.ok(listening.length >= 5, `listeners found: ${JSON.stringify(listening)}`);
    assert.deepEqual(listening.filter((l) => l.address !== "127.0.0.1"), [], "nothing binds beyond 127.0.0.1");

    // The teacher publishes a new lesson and changes the one A edited; A's server restarts.
    const aLesson = path.join(homeOf(0), "cours", LESSON);
    const mine = JSON.parse(readFileSync(aLesson, "utf8")) as { cells: unknown[] };
    mine.cells.push({ cell_type: "markdown", id: "notes", metadata: {}, source: ["Mes notes : un pool par cœur."] });
    const edited = Buffer.from(JSON.stringify(mine, null, 1) + "\n");
    writeFileSync(aLesson, edited);
    const source = path.join(hub.tmp, "notebooks-v2");
    cpSync(NOTEBOOKS, source, { recursive: true });
    cpSync(path.join(source, "02-histoire-threads-processus.ipynb"), path.join(source, "11-nouvelle-lecon.ipynb"));
    const teacher = JSON.parse(readFileSync(path.join(source, LESSON), "utf8")) as { cells: Array<{ source: string[] }> };
    teacher.cells[0].source.push("\nMise à jour de l'enseignant.");
    writeFileSync(path.join(source, LESSON), JSON.stringify(teacher, null, 1) + "\n");
    assert.equal(publishEdition({ from: source, repo: path.join(hub.data, "edition") }).changed, true);
    drive(hub.url, "stop", [A]);
    assert.equal(studentCgroups([ACCOUNTS[0]]).length, 0, "a stopped server's cgroup is removed");
    drive(hub.url, "run", [A]);
    assert.ok(readFileSync(aLesson).equals(edited), "the edited notebook is byte-identical after the re-sync");
    assert.ok(readdirSync(path.join(homeOf(0), "cours")).includes("11-nouvelle-lecon.ipynb"), "the new lesson arrived");
    failed = false;
  } finally {
    outcome = await hub.stop();
    cleanUp(hub, failed || outcome.left.length > 0);
  }
  assert.deepEqual(outcome.left, [], "nothing of the hub or the students is left running");
  assert.deepEqual(outcome.cgroups, [], "the students' cgroups are removed");
  for (const name of ACCOUNTS) assert.equal(uidOf(name), undefined, `${name} is removed`);
});
