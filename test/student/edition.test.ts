// `npm run student` writes the student edition: no solution, no output, and a student's edited
// notebook is never overwritten unless --force (which saves the old one first).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { NOTEBOOKS, PROJECT_ROOT } from "../../scripts/paths.js";
import { BACKUP, lessonNotebooks, MANIFEST } from "../../scripts/student/write.js";
import { PLACEHOLDER, stripSolutions } from "../../scripts/student/edition.js";

const CLI = path.join(PROJECT_ROOT, "dist", "scripts", "student.js");

function student(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", timeout: 60_000, env: { ...process.env, CONCURRENCE_LANG: "en" } });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

function withFolders(body: (from: string, to: string) => void): void {
  const root = mkdtempSync(path.join(os.tmpdir(), "student-"));
  try {
    const from = path.join(root, "notebooks");
    cpSync(NOTEBOOKS, from, { recursive: true });
    body(from, path.join(root, "student"));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function notebook(file: string): { cells: { cell_type: string; source: string[]; outputs?: unknown[]; execution_count?: unknown }[] } {
  return JSON.parse(readFileSync(file, "utf8"));
}

test("the student edition has every lesson, with no solution region and no output", () =>
  withFolders((from, to) => {
    const said = student("--from", from, "--to", to);
    const lessons = lessonNotebooks(from);
    assert.match(said, new RegExp(`${lessons.length} notebook\\(s\\) written`));
    assert.deepEqual(lessonNotebooks(to), lessons);
    assert.ok(readdirSync(path.join(to, "images")).length > 0, "the images the notebooks show are copied");
    let regions = 0;
    for (const name of lessons) {
      const teacher = readFileSync(path.join(from, name), "utf8");
      regions += teacher.split("// BEGIN SOLUTION").length - 1;
      const text = readFileSync(path.join(to, name), "utf8");
      assert.doesNotMatch(text, /BEGIN SOLUTION|END SOLUTION/, name);
      for (const cell of notebook(path.join(to, name)).cells.filter((c) => c.cell_type === "code")) {
        assert.deepEqual(cell.outputs, [], `${name}: outputs cleared`);
        assert.equal(cell.execution_count, null, `${name}: execution count cleared`);
      }
      assert.equal(text.split(PLACEHOLDER).length - 1, teacher.split("// BEGIN SOLUTION").length - 1, `${name}: one placeholder per region`);
      assert.equal(text, `${JSON.stringify(JSON.parse(text), null, 1)}\n`, `${name}: written in the notebooks' format`);
    }
    assert.ok(regions > 0, "the course has solution regions to remove");
    assert.equal(readFileSync(path.join(from, lessons[0]), "utf8"), readFileSync(path.join(NOTEBOOKS, lessons[0]), "utf8"), "the teacher's notebooks are left as they were");
  }));

test("a notebook the student edited is kept byte-identical; an untouched one follows the teacher's", () =>
  withFolders((from, to) => {
    student("--from", from, "--to", to);
    const [edited, untouched] = lessonNotebooks(to).slice(1, 3);
    const work = readFileSync(path.join(to, edited), "utf8").replace('"cells": [', '"cells": [\n  {"cell_type": "markdown", "metadata": {}, "source": ["mon travail"]},');
    writeFileSync(path.join(to, edited), work);
    // The teacher changes both notebooks after the first generation.
    for (const name of [edited, untouched]) {
      const nb = JSON.parse(readFileSync(path.join(from, name), "utf8"));
      nb.cells.push({ cell_type: "markdown", metadata: {}, source: ["nouveau"] });
      writeFileSync(path.join(from, name), `${JSON.stringify(nb, null, 1)}\n`);
    }
    const said = student("--from", from, "--to", to);
    assert.equal(readFileSync(path.join(to, edited), "utf8"), work, "the student's work is untouched");
    assert.match(said, new RegExp(`kept as they are.*${edited}`));
    assert.match(readFileSync(path.join(to, untouched), "utf8"), /"nouveau"/, "an untouched notebook is regenerated");
    assert.ok(JSON.parse(readFileSync(path.join(to, MANIFEST), "utf8")).files[untouched]);

    // Again: still kept (the manifest still remembers what was generated, not the student's file).
    student("--from", from, "--to", to);
    assert.equal(readFileSync(path.join(to, edited), "utf8"), work);

    const forced = student("--from", from, "--to", to, "--force");
    assert.match(readFileSync(path.join(to, edited), "utf8"), /"nouveau"/, "--force regenerates it");
    assert.doesNotMatch(readFileSync(path.join(to, edited), "utf8"), /mon travail/);
    const backups = readdirSync(path.join(to, BACKUP));
    assert.equal(backups.length, 1);
    assert.equal(readFileSync(path.join(to, BACKUP, backups[0]), "utf8"), work, "--force saves the student's version first");
    assert.match(forced, new RegExp(`${edited} regenerated`));
  }));

test("a solution region becomes the placeholder and its stub; a region left open is a clear error", () => {
  const source = ["function f(): number[] {\n", "  // BEGIN SOLUTION\n", "  // élève : return [];\n", "  return [1, 2];\n", "  // END SOLUTION\n", "}"];
  assert.deepEqual(stripSolutions(source, 1), ["function f(): number[] {\n", `  ${PLACEHOLDER}\n`, "  return [];\n", "}"]);
  assert.throws(() => stripSolutions(["// BEGIN SOLUTION\n", "x = 1;\n"], 4), /cellule 4.*END SOLUTION/);
  assert.throws(() => stripSolutions(["x = 1;\n", "// END SOLUTION\n"], 2), /cellule 2.*BEGIN SOLUTION/);
});
