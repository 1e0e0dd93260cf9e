// Notebooks are stored clean and written for the course's kernel: outputs come from real runs.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { NOTEBOOKS } from "../../scripts/paths.js";
import { codeCells, sourceOf, type Notebook } from "./outputs.js";

for (const name of readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb"))) {
  test(`notebook ${name} is stored clean, for the concurrence kernel`, () => {
    const nb = JSON.parse(readFileSync(path.join(NOTEBOOKS, name), "utf8")) as Notebook;
    assert.equal(nb.metadata.kernelspec?.name, "concurrence");
    const cells = codeCells(nb);
    assert.deepEqual(cells.filter((c) => (c.outputs ?? []).length > 0).map(sourceOf), [], "no stored outputs");
    assert.ok(cells[0]?.metadata.tags?.includes("parameters"), "the first code cell is tagged `parameters`");
    for (const cell of cells) {
      assert.doesNotMatch(sourceOf(cell), /from\s+["'](\.\.?\/|.*\/src\/)/, "cells import the library as \"concurrence\"");
    }
  });
}
