// Every lesson has exercises: a heading `Exercice`, a solution region, then a check that calls
// the library's checkers. Read from the stored notebooks, without a kernel.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { NOTEBOOKS } from "../../scripts/paths.js";
import { exercises } from "./exercises.js";
import type { Notebook } from "./outputs.js";

const lessons = readdirSync(NOTEBOOKS).filter((f) => /^(0[1-9]|1[01])-.*\.ipynb$/.test(f)).sort();
const read = (name: string) => JSON.parse(readFileSync(path.join(NOTEBOOKS, name), "utf8")) as Notebook;

test("the eleven lessons are there", () => assert.equal(lessons.length, 11));

for (const name of lessons) {
  test(`${name} has at least two exercises, each with a solution region and a check`, () => {
    const found = exercises(read(name));
    assert.ok(found.length >= 2, `${found.length} exercise(s) in ${name}`);
    for (const { title, solution, check } of found) {
      assert.match(solution, /^\s*\/\/ BEGIN SOLUTION$[\s\S]*^\s*\/\/ END SOLUTION$/m, `${title}: a solution region`);
      assert.match(check, /await checks\.\w+\(/, `${title}: the check cell calls a checker`);
      assert.doesNotMatch(check, /BEGIN SOLUTION/, `${title}: the check is not part of the solution`);
    }
  });
}

test("the notebooks never name the course's sources 'seed' (the library's seededRandom and sample's seed option aside)", () => {
  for (const name of readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb"))) {
    const text = readFileSync(path.join(NOTEBOOKS, name), "utf8").replace(/seededRandom|\bseed(?=: )/g, "");
    assert.doesNotMatch(text, /seed/i, name);
  }
});
