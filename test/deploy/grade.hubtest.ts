// `npm run grade` on a class of five: both exercises solved, none, the notebook deleted, a
// cheater (a fake ✅ printed, a check cell deleted, another edited), a loop that never ends.
// The gradebook has the true verdicts; the students' files are byte-identical afterwards; the
// accounts, homes and cgroups are removed, and nothing is left running.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { publishEdition } from "../../scripts/hub/edition.js";
import { NOTEBOOKS, PROJECT_ROOT, venvBin } from "../../scripts/paths.js";
import { ownCgroups, processesOf, removeAccounts, studentNames, uidOf } from "./classroom.js";

const LESSON = "05-programmation-reactive.ipynb";
const { hub: STUDENTS, unix: ACCOUNTS } = studentNames(["s", "n", "d", "x", "l"]);
const [SOLVED, NONE, DELETED, CHEATER, LOOP] = STUDENTS;

type Nb = { cells: Array<{ cell_type: string; source: string[] | string; metadata: object; outputs?: unknown[]; execution_count?: null }> };
const src = (c: { source: string[] | string }) => (Array.isArray(c.source) ? c.source.join("") : c.source);
const code = (source: string) => ({ cell_type: "code", source, metadata: {}, outputs: [], execution_count: null });

/** Every file under `dir` with its content's hash. */
function snapshot(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    found[path.relative(dir, file)] = createHash("sha256").update(readFileSync(file)).digest("hex");
  }
  return found;
}

/** RFC 4180: fields in double quotes may hold commas, newlines and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") rows[rows.length - 1].push(field), (field = "");
    else if (c === "\n") rows[rows.length - 1].push(field), (field = ""), rows.push([]);
    else field += c;
  }
  if (rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

function ensureAccount(name: string, home: string): void {
  const script = `import sys; sys.path.insert(0, ${JSON.stringify(path.join(PROJECT_ROOT, "deploy", "jupyterhub"))}); import accounts; accounts.ensure_user(${JSON.stringify(name)}, ${JSON.stringify(home)}); accounts.ensure_user(${JSON.stringify(name)}, ${JSON.stringify(home)}); print(accounts.ensure_private_home(${JSON.stringify(name)}))`;
  const result = spawnSync(venvBin("python"), ["-c", script], { encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
}

test("npm run grade: the true verdicts of five students, their files untouched, nothing left", { timeout: 420_000 }, async () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "concurrence-grade-test-"));
  chmodSync(tmp, 0o755);
  const homes = path.join(tmp, "homes");
  mkdirSync(homes, { mode: 0o755 });
  try {
    // The teacher's lesson (solutions in) and the student edition of it.
    const source = path.join(tmp, "course");
    mkdirSync(source);
    writeFileSync(path.join(source, LESSON), readFileSync(path.join(NOTEBOOKS, LESSON)));
    publishEdition({ from: source, repo: path.join(tmp, "edition") });
    const teacher = readFileSync(path.join(NOTEBOOKS, LESSON), "utf8");
    const edition = readFileSync(path.join(tmp, "edition", LESSON), "utf8");

    const cheat = JSON.parse(edition) as Nb;
    const checks = cheat.cells.flatMap((c, i) => (c.cell_type === "code" && /checks\.\w+\(/.test(src(c)) ? [i] : []));
    assert.equal(checks.length, 2, "the lesson has two check cells");
    cheat.cells[checks[1]] = code('console.log("✅ 3 alertes sur 20 relevés, toutes justes.");'); // an edited check cell
    cheat.cells.splice(checks[0], 1, code('console.log("✅ 9 moyennes glissantes, toutes justes.");')); // a deleted one, a fake ✅
    const loop = JSON.parse(edition) as Nb;
    loop.cells.splice(checks[0] - 1, 0, code("while (true) {}"));
    const copies: Record<string, string | undefined> = {
      [SOLVED]: teacher,
      [NONE]: edition,
      [DELETED]: undefined,
      [CHEATER]: JSON.stringify(cheat, null, 1),
      [LOOP]: JSON.stringify(loop, null, 1),
    };
    STUDENTS.forEach((student, i) => {
      const home = path.join(homes, ACCOUNTS[i]);
      ensureAccount(ACCOUNTS[i], home);
      assert.equal(statSync(home).mode & 0o777, 0o700);
      const cours = path.join(home, "cours");
      mkdirSync(cours);
      writeFileSync(path.join(cours, "mes-notes.txt"), "à garder\n");
      if (copies[student] !== undefined) writeFileSync(path.join(cours, LESSON), copies[student]!);
      for (const f of [cours, ...readdirSync(cours).map((f) => path.join(cours, f))]) chownSync(f, uidOf(ACCOUNTS[i])!, uidOf(ACCOUNTS[i])!);
    });
    const before = snapshot(homes);

    const out = path.join(tmp, "out");
    const args = ["--homes", homes, "--students", STUDENTS.join(","), "--lessons", "05", "--out", out, "--cpus", "1", "--memory", "1G", "--timeout", "75", "--parallel", "2"];
    const run = spawn(process.execPath, [path.join(PROJECT_ROOT, "dist", "scripts", "grade.js"), ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CONCURRENCE_LANG: "" } });
    let log = "";
    run.stdout.on("data", (d: Buffer) => (log += d.toString()));
    run.stderr.on("data", (d: Buffer) => (log += d.toString()));
    const code_ = await new Promise<number | null>((resolve) => run.on("close", resolve));
    assert.equal(code_, 0, log);

    assert.deepEqual(snapshot(homes), before, "every student's file is byte-identical, none added");
    const [header, ...rows] = parseCsv(readFileSync(path.join(out, "gradebook.csv"), "utf8"));
    assert.equal(header.length, 4);
    assert.equal(header[0], "étudiant");
    assert.match(header[1], /^05-1 Exercice/);
    assert.match(header[2], /^05-2 Exercice/);
    const byStudent = Object.fromEntries(rows.map((r) => [r[0], r.slice(1)]));
    assert.deepEqual(Object.keys(byStudent).sort(), [...STUDENTS].sort(), "one row per student");
    assert.deepEqual(byStudent[SOLVED], ["✅", "✅", "2/2"]);
    assert.match(byStudent[NONE][0], /^❌ .{20,}/, "the hint comes with the ❌");
    assert.match(byStudent[NONE][1], /^❌ .{20,}/);
    assert.deepEqual(byStudent[DELETED], ["notebook supprimé : notebook supprimé", "notebook supprimé : notebook supprimé", "0/2"]);
    assert.match(byStudent[CHEATER][0], /^❌ /, "a deleted check cell and a fake ✅: the teacher's check says ❌");
    assert.match(byStudent[CHEATER][1], /^❌ /, "an edited check cell: the teacher's check says ❌");
    assert.equal(byStudent[CHEATER][2], "0/2");
    assert.match(byStudent[LOOP][0], /^délai dépassé/);
    assert.equal(byStudent[LOOP][2], "0/2");
    const html = readFileSync(path.join(out, "gradebook.html"), "utf8");
    assert.match(html, /<svg[^>]*>.*Résultats de la classe par exercice/s, "the chart, rendered inline");
    assert.match(html, /"\$schema":"https:\/\/vega\.github\.io\/schema\/vega-lite\/v5/);
    assert.doesNotMatch(html, /<script src=|<link /, "self-contained");
  } finally {
    const uids = ACCOUNTS.map(uidOf).filter((u): u is number => u !== undefined);
    const left = processesOf(uids);
    const cgroups = ownCgroups().flatMap((base) => readdirSync(base).filter((e) => e.startsWith("concurrence-grade-") && readdirSync(path.join(base, e)).some((s) => ACCOUNTS.includes(s))));
    removeAccounts(ACCOUNTS);
    rmSync(tmp, { recursive: true, force: true });
    assert.deepEqual(left, [], "nothing of the students is left running");
    assert.deepEqual(cgroups, [], "the grading cgroups are removed");
  }
  for (const name of ACCOUNTS) assert.equal(uidOf(name), undefined);
});
