// Executes every notebook of notebooks/ through the real kernel with nbclient, from the
// project's venv, then checks its outputs. A notebook may add its own checks in
// checks/<notebook name>.ts, exporting `check(nb)`.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { NOTEBOOKS, PROJECT_ROOT, venvBin } from "../../scripts/paths.js";
import { allOutputs, mimeText, richOutputs, SVG, VEGA_LITE, codeCells, type Notebook } from "./outputs.js";
import { exercises, verdicts } from "./exercises.js";
import { writeEdition } from "../../scripts/student/write.js";

const RESULTS = path.join(PROJECT_ROOT, "test-results", "notebooks");
// The student edition is written inside the project, so that its notebooks find `concurrence`.
const STUDENT = path.join(PROJECT_ROOT, "test-results", "student");
// While working on one notebook: CONCURRENCE_NOTEBOOKS=02,08 npm test runs only those.
const only = process.env.CONCURRENCE_NOTEBOOKS?.split(",").filter(Boolean);
const notebooks = readdirSync(NOTEBOOKS)
  .filter((f) => f.endsWith(".ipynb") && (!only || only.some((part) => f.includes(part))))
  .sort();

const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

function execute(name: string, folder = NOTEBOOKS, results = RESULTS): Notebook {
  const source = path.join(folder, name);
  const output = path.join(results, name);
  const before = digest(source);
  const run = spawnSync(venvBin("python"), [path.join(PROJECT_ROOT, "scripts", "execute_notebook.py"), source, output, "--timeout", "300"], {
    encoding: "utf8",
    timeout: 15 * 60_000,
  });
  assert.equal(run.status, 0, `nbclient failed on ${name}:\n${run.stderr}`);
  assert.equal(digest(source), before, `${name} was modified by its execution`);
  return JSON.parse(readFileSync(output, "utf8")) as Notebook;
}

test("there are notebooks to run", () => assert.ok(notebooks.length > 0));

for (const name of notebooks) {
  test(`notebook ${name} runs through the kernel without errors`, { timeout: 15 * 60_000 }, async () => {
    const nb = execute(name);

    const errors = allOutputs(nb).filter((o) => o.output_type === "error");
    assert.deepEqual(errors.map((e) => `${e.ename}: ${e.evalue}`), [], `error outputs in ${name}`);
    assert.ok(codeCells(nb).every((c) => (c as { execution_count?: number | null }).execution_count), "every code cell ran");

    const cells = codeCells(nb);
    const plots = richOutputs(cells, VEGA_LITE);
    for (const plot of plots) {
      assert.ok(plot.data?.[SVG], "a plot output carries its SVG fallback too");
      assert.match(mimeText(plot, SVG), /^<svg[\s\S]*mark-/, "the SVG fallback draws marks");
    }
    assert.equal(richOutputs(cells, SVG).filter((o) => !o.data?.[VEGA_LITE]).length, 0, "no SVG without its vega-lite spec");

    // Every exercise's check passes with the teacher's solution.
    const count = exercises(nb).length;
    const { passed, failed } = verdicts(nb);
    assert.deepEqual(failed, [], `no ❌ with the solutions in ${name}`);
    assert.equal(passed.length, count, `one ✅ per exercise in ${name}: ${passed.join(" | ")}`);

    const checks = path.join(__dirname, "checks", name.replace(/\.ipynb$/, ".js"));
    if (existsSync(checks)) ((await import(checks)) as { check(nb: Notebook): void }).check(nb);
  });
}

for (const name of notebooks.filter((n) => exercises(JSON.parse(readFileSync(path.join(NOTEBOOKS, n), "utf8")) as Notebook).length > 0)) {
  test(`the student edition of ${name} runs to its end, with a ❌ per exercise and no error`, { timeout: 15 * 60_000 }, async () => {
    writeEdition({ from: NOTEBOOKS, to: STUDENT, force: true });
    const nb = execute(name, STUDENT, path.join(RESULTS, "student"));
    const errors = allOutputs(nb).filter((o) => o.output_type === "error");
    assert.deepEqual(errors.map((e) => `${e.ename}: ${e.evalue}`), [], `error outputs in the student's ${name}`);
    assert.ok(codeCells(nb).every((c) => (c as { execution_count?: number | null }).execution_count), "the kernel lived to run every cell");
    const { passed, failed } = verdicts(nb);
    assert.deepEqual(passed, [], `no ✅ without the solutions in ${name}`);
    assert.equal(failed.length, exercises(nb).length, `one ❌ per exercise in the student's ${name}: ${failed.join(" | ")}`);
  });
}
