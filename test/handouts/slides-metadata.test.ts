// `npm run slides:metadata`: slide marks from the headings, only in cell metadata, the same
// on every run; the committed notebooks carry them.
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { NOTEBOOKS } from "../../scripts/paths.js";
import { markSlides, slideCount, updateNotebooks } from "../../scripts/slides-metadata.js";
import type { Notebook } from "../../scripts/handouts/notebook.js";

const cell = (cell_type: "markdown" | "code", source: string, metadata: Record<string, unknown> = {}) => ({ cell_type, source, metadata });

test("a heading starts a slide, prose after code a subslide; a teacher's marks stay", () => {
  const nb = {
    cells: [
      cell("markdown", "# Titre\n\ntexte"),
      cell("code", "const a = 1;", { tags: ["parameters"] }),
      cell("markdown", "Ensuite."),
      cell("markdown", "Plus loin.", { slideshow: { slide_type: "fragment" } }),
      cell("code", "a;"),
      cell("markdown", "Texte.\n\n## Section"),
      cell("markdown", "Ancien titre", { slideshow: { slide_type: "slide" } }),
    ],
    metadata: {}, nbformat: 4, nbformat_minor: 5,
  } as unknown as Notebook;
  assert.equal(markSlides(nb), 4);
  assert.deepEqual(nb.cells.map((c) => (c.metadata.slideshow as { slide_type?: string } | undefined)?.slide_type), ["slide", undefined, "subslide", "fragment", undefined, "slide", undefined]);
  assert.deepEqual(Object.keys(nb.cells[1].metadata), ["tags"], "other cells are untouched");
  assert.equal(markSlides(nb), 0, "a second run changes nothing");
  assert.equal(slideCount(nb), 3);
});

test("the committed notebooks are up to date, and a run on a copy is byte-identical", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "concurrence-slides-"));
  try {
    const files = readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).map((f) => {
      copyFileSync(path.join(NOTEBOOKS, f), path.join(dir, f));
      return path.join(dir, f);
    });
    assert.deepEqual(updateNotebooks(files, false, () => {}), [], "npm run slides:metadata has been run and committed");
    for (const f of files) assert.ok(readFileSync(f).equals(readFileSync(path.join(NOTEBOOKS, path.basename(f)))));
    for (const f of files) assert.ok(slideCount(JSON.parse(readFileSync(f, "utf8"))) >= 3, `${path.basename(f)} has slides`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
