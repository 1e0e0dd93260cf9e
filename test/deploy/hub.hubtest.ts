// `npm run test:hub`: a class of three on the course's JupyterHub, on 127.0.0.1. Each student
// logs in through the hub's REST API, gets a server with the student edition, and runs a cell
// in their own concurrence kernel, all at once. Then a re-sync, and nothing left running.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { publishEdition } from "../../scripts/hub/edition.js";
import { freePort } from "../../scripts/ports.js";
import { HUB_CONFIG } from "../../scripts/hub.js";
import { NOTEBOOKS, PROJECT_ROOT, venvBin } from "../../scripts/paths.js";
import { listeners, markedProcesses } from "./processes.js";

const STUDENTS = ["alice", "bob", "carol"];
const SHARE = 1; // CPUs per student: fewer than this machine has, so the share is what shows
const MAX_WORKERS = 3;
const MARK = "CONCURRENCE_HUB_TEST_MARK";
const LESSON = "01-threads-et-processus.ipynb";

const CELL = [
  'import { cpuCount, ThreadPool } from "concurrence";',
  'import { getHeapStatistics } from "node:v8";',
  "const pool = new ThreadPool({ workers: 2 });",
  "const squares = await pool.map((x: number) => x * x, [1, 2, 3, 4]);",
  "await pool.close();",
  "console.log(JSON.stringify({ cpus: cpuCount(), squares, user: process.env.JUPYTERHUB_USER, cwd: process.cwd(),",
  "  cpuLimit: process.env.CPU_LIMIT, override: process.env.CONCURRENCE_CPUS ?? null,",
  "  memLimit: process.env.MEM_LIMIT, heapMb: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20) }));",
].join("\n");
const OVER_LIMIT = `new ThreadPool({ workers: ${MAX_WORKERS + 1} });`;

interface CellResult {
  stdout: string;
  status: string;
  ename: string | null;
  evalue: string | null;
}
interface StudentResult {
  user: string;
  kernel: string;
  cells: CellResult[];
}

/** Runs the Python driver (REST API + kernel websocket) for some students, concurrently. */
function drive(hub: string, action: "run" | "stop", users: string[], cells: string[] = []): StudentResult[] {
  const result = spawnSync(venvBin("python"), [path.join(PROJECT_ROOT, "test", "deploy", "hub_driver.py"), hub, "any-password", action, ...users], {
    input: cells.map((c) => JSON.stringify(c)).join("\n"),
    encoding: "utf8",
    timeout: 150_000,
  });
  assert.equal(result.status, 0, `hub_driver.py ${action} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as StudentResult[];
}

function lessons(folder: string): string[] {
  return readdirSync(folder).filter((f) => /^\d\d-.*\.ipynb$/.test(f)).sort();
}

test("three students on the hub: their own kernels, the CPU share, the edition, a safe re-sync, a ceiling, nothing left", { timeout: 290_000 }, async () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "concurrence-hub-"));
  const data = path.join(tmp, "data");
  const mark = randomUUID();
  const config = path.join(tmp, "test_config.py");
  writeFileSync(
    config,
    [
      `load_subconfig(${JSON.stringify(HUB_CONFIG)})`,
      "# Only in this test, on loopback: any password logs these three students in.",
      'c.JupyterHub.authenticator_class = "dummy"',
      "c.Authenticator.allow_all = False",
      `c.Authenticator.allowed_users = {${STUDENTS.map((s) => JSON.stringify(s)).join(", ")}}`,
      `c.Spawner.environment[${JSON.stringify(MARK)}] = ${JSON.stringify(mark)}`,
      "",
    ].join("\n"),
  );
  const port = await freePort();
  const hubUrl = `http://127.0.0.1:${port}`;
  const log = path.join(tmp, "hub.log");
  const logFd = openSync(log, "w");
  const args = ["--port", String(port), "--cpus", String(SHARE), "--memory", "1G", "--max-workers", String(MAX_WORKERS), "--data", data, "--config", config];
  const hub = spawn(process.execPath, [path.join(PROJECT_ROOT, "dist", "scripts", "hub.js"), ...args], {
    env: { ...process.env, [MARK]: mark, CONCURRENCE_CPUS: "", CONCURRENCE_LANG: "" },
    stdio: ["ignore", logFd, logFd],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => hub.once("exit", () => resolve()));
  let left: number[] = [];
  let failed = true;
  try {
    const results = drive(hubUrl, "run", STUDENTS, [CELL, OVER_LIMIT]);
    const homes = path.join(data, "homes");
    const edition = path.join(data, "edition");

    // The three results, each from the student's own kernel of the course's kind.
    assert.deepEqual(results.map((r) => r.user), STUDENTS);
    for (const { user, kernel, cells } of results) {
      assert.equal(kernel, "concurrence", `${user}'s default kernel`);
      assert.equal(cells[0].status, "ok", `${user}: ${cells[0].ename}: ${cells[0].evalue}`);
      const printed = JSON.parse(cells[0].stdout) as Record<string, unknown>;
      assert.deepEqual(printed.squares, [1, 4, 9, 16]);
      assert.equal(printed.user, user);
      assert.equal(printed.cwd, path.join(homes, user, "cours"));
      // cpuCount() is the share JupyterHub exported as CPU_LIMIT, below this machine's own count.
      assert.equal(printed.cpus, SHARE, `${user}'s cpuCount()`);
      assert.equal(printed.cpuLimit, "1.0");
      assert.equal(printed.override, null, "the share comes from the spawner, not CONCURRENCE_CPUS");
      // The memory limit: exported as MEM_LIMIT, and Node's heap capped to it (--memory 1G).
      assert.equal(printed.memLimit, String(2 ** 30));
      assert.ok((printed.heapMb as number) >= 1024 && (printed.heapMb as number) < 1200, `heap limit ${printed.heapMb} MB`);
      // Past the ceiling, a pool is refused with the clear French error.
      assert.equal(cells[1].status, "error");
      assert.equal(cells[1].ename, "WorkerLimitError");
      assert.match(cells[1].evalue ?? "", new RegExp(`demande ${MAX_WORKERS + 1} workers.*CONCURRENCE_MAX_WORKERS=${MAX_WORKERS}.*await pool\\.close\\(\\)`));
    }

    // Each home holds the student edition, byte for byte.
    const published = lessons(edition);
    assert.ok(published.length >= 10, `the edition has the lessons: ${published.join(", ")}`);
    for (const user of STUDENTS) {
      const course = path.join(homes, user, "cours");
      assert.deepEqual(lessons(course), published, `${user}'s lessons`);
      for (const file of published) assert.ok(readFileSync(path.join(course, file)).equals(readFileSync(path.join(edition, file))), `${user}/${file}`);
    }

    // Everything the test started listens on loopback only (hub, proxy, servers, kernels).
    const pids = [...new Set([...markedProcesses(MARK, mark), hub.pid!])];
    const listening = listeners(pids);
    assert.ok(listening.length >= 3 + STUDENTS.length, `listeners found: ${JSON.stringify(listening)}`);
    assert.deepEqual(listening.filter((l) => l.address !== "127.0.0.1"), [], "nothing binds beyond 127.0.0.1");

    // The teacher publishes a new lesson and changes the one alice edited; alice's server restarts.
    const aliceLesson = path.join(homes, "alice", "cours", LESSON);
    const mine = JSON.parse(readFileSync(aliceLesson, "utf8")) as { cells: unknown[] };
    mine.cells.push({ cell_type: "markdown", id: "notes-alice", metadata: {}, source: ["Mes notes : un pool par cœur."] });
    const edited = Buffer.from(JSON.stringify(mine, null, 1) + "\n");
    writeFileSync(aliceLesson, edited);
    const source = path.join(tmp, "notebooks-v2");
    cpSync(NOTEBOOKS, source, { recursive: true });
    cpSync(path.join(source, "02-histoire-threads-processus.ipynb"), path.join(source, "11-nouvelle-lecon.ipynb"));
    const teacher = JSON.parse(readFileSync(path.join(source, LESSON), "utf8")) as { cells: Array<{ source: string[] }> };
    teacher.cells[0].source.push("\nMise à jour de l'enseignant.");
    writeFileSync(path.join(source, LESSON), JSON.stringify(teacher, null, 1) + "\n");
    assert.equal(publishEdition({ from: source, repo: edition }).changed, true);
    drive(hubUrl, "stop", ["alice"]);
    drive(hubUrl, "run", ["alice"]);
    assert.ok(readFileSync(aliceLesson).equals(edited), "alice's edited notebook is byte-identical after the re-sync");
    assert.ok(lessons(path.join(homes, "alice", "cours")).includes("11-nouvelle-lecon.ipynb"), "the new lesson arrived");
    failed = false;
  } finally {
    // Stop as a teacher would (Ctrl-C's signal), then look for anything left, then make sure.
    hub.kill("SIGTERM");
    await Promise.race([exited, sleep(45_000)]);
    for (let i = 0; i < 20 && markedProcesses(MARK, mark).length > 0; i++) await sleep(250);
    left = markedProcesses(MARK, mark).map((pid) => pid);
    const described = left.map((pid) => `${pid}: ${readFileSafe(`/proc/${pid}/cmdline`).replace(/\0/g, " ")}`);
    for (const pid of left) killQuietly(pid);
    if (hub.exitCode === null) killQuietly(-hub.pid!);
    if (left.length) console.error(`left running after the hub stopped:\n${described.join("\n")}`);
    if (failed || left.length) console.error(`the hub's log (${log}), last lines:\n${readFileSafe(log).split("\n").slice(-60).join("\n")}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
  assert.deepEqual(left, [], "no process of the hub, proxy, servers, kernels or workers is left");
});

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
}
