// `--set`: values parsed as TypeScript literals, names and types checked against the
// notebook's parameters cell, and a wrong request refused before anything runs.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { NOTEBOOKS, PROJECT_ROOT } from "../../scripts/paths.js";
import { readNotebook } from "../../scripts/handouts/notebook.js";
import { checkTypes, declaredParameters, injectParameters, parseAssignments } from "../../scripts/handouts/parameters.js";
import { parseCommand } from "../../scripts/handouts/cli.js";
import { studentNotebooks } from "../../scripts/handouts/sources.js";

const CLI = path.join(PROJECT_ROOT, "dist", "scripts", "handouts.js");
const FIRST = path.join(NOTEBOOKS, "01-threads-et-processus.ipynb");

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", timeout: 120_000, env: { ...process.env, ...env } });
}

test("values are TypeScript or JSON literals; a bare word is a string; an expression is refused", () => {
  assert.deepEqual(parseAssignments(["a=3", "b=-1.5", "c=15_000", 'd="x y"', "e=true", "f=[1, 2]", 'g={"zone": "C"}', "h=abc"]), [
    { name: "a", value: "3" },
    { name: "b", value: "-1.5" },
    { name: "c", value: "15_000" },
    { name: "d", value: '"x y"' },
    { name: "e", value: "true" },
    { name: "f", value: "[1, 2]" },
    { name: "g", value: '{"zone": "C"}' },
    { name: "h", value: '"abc"' },
  ]);
  assert.throws(() => parseAssignments(["n=2 * cpuCount()"]), /littéral|literal/);
  assert.throws(() => parseAssignments(["noequals"]), /NOM=VALEUR|NAME=VALUE/);
});

test("the parameters cell's names are read from its declarations", () => {
  assert.deepEqual(declaredParameters("import { cpuCount } from 'concurrence';\nconst a = 1, b = [2];\nlet c = { d: 1 }; // comment\nfoo(a);"), ["a", "b", "c"]);
});

test("a value is checked against the parameter's type, widened from its default", { timeout: 60_000 }, () => {
  const nb = readNotebook(FIRST);
  const types = checkTypes(FIRST, nb, [{ name: "maxWorkers", value: "3" }]);
  assert.equal(types.get("maxWorkers"), "number");
  assert.throws(() => checkTypes(FIRST, nb, [{ name: "maxWorkers", value: '"trois"' }]), /maxWorkers.*number/);
  const { nb: injected, applied } = injectParameters(FIRST, nb, [{ name: "maxWorkers", value: "3" }, { name: "other", value: "1" }]);
  assert.deepEqual(applied, [{ name: "maxWorkers", value: "3" }]);
  const at = injected.cells.findIndex((c) => (c.metadata.tags ?? []).includes("parameters"));
  assert.deepEqual(injected.cells[at + 1].metadata.tags, ["injected-parameters"]);
  assert.equal(injected.cells.length, nb.cells.length + 1);
  assert.equal(injectParameters(FIRST, injected, [{ name: "maxWorkers", value: "4" }]).nb.cells.length, injected.cells.length, "an earlier injected cell is replaced");
});

test("--set nosuchparam=1 exits non-zero, names maxWorkers, and runs nothing", { timeout: 120_000 }, () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "concurrence-set-"));
  try {
    const run = cli(["--set", "nosuchparam=1", "--out", path.join(out, "x"), FIRST]);
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /nosuchparam/);
    assert.match(run.stderr, /maxWorkers/);
    assert.equal(existsSync(path.join(out, "x")), false, "nothing was written");
    const wrongType = cli(["--set", "maxWorkers=[1]", "--out", path.join(out, "x"), FIRST], { CONCURRENCE_LANG: "en" });
    assert.notEqual(wrongType.status, 0);
    assert.match(wrongType.stderr, /maxWorkers is a number/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("the command line: options, values, and a clear error for an unknown option", () => {
  assert.deepEqual(parseCommand(["--booklet", "--set", "a=1", "--set=b=2", "x.ipynb"]), {
    help: false, booklet: true, slides: false, student: false, set: ["a=1", "b=2"], notebooks: ["x.ipynb"],
  });
  assert.throws(() => parseCommand(["--bookelt"]), /--bookelt/);
  assert.throws(() => parseCommand(["--set"]), /--set/);
});

test("--help documents every mode", () => {
  const run = cli(["--help"]);
  assert.equal(run.status, 0);
  for (const word of ["--set", "--booklet", "--slides", "--student", "injected-parameters", "Sommaire", "apt-get install chromium", "CHROMIUM="]) assert.ok(run.stdout.includes(word), word);
});

test("--student without the student generator names npm run student", () => {
  assert.throws(() => studentNotebooks([], path.join(os.tmpdir(), "no-such-student.js")), /npm run student/);
});
