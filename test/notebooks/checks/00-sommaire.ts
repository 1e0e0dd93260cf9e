import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { NOTEBOOKS } from "../../../scripts/paths.js";
import { codeCells, sourceOf, streamText, type Notebook } from "../outputs.js";

export function check(nb: Notebook): void {
  // The first cell checks the installation: it prints the kernel's versions and the cores.
  const printed = streamText(codeCells(nb)[0]);
  assert.match(printed, /^tslab \d+\.\d+\.\d+, TypeScript \d+\.\d+\.\d+, Node\.js v\d+\.\d+\.\d+, concurrence \d+\.\d+\.\d+$/m);
  assert.equal(printed.match(/Node\.js (v[\d.]+)/)?.[1], process.version, "the kernel runs this project's Node.js");
  assert.match(printed, /^\d+ cœurs utilisables/m);

  // The table of contents links notebooks named NN-slug, in reading order, each once.
  const markdown = nb.cells.filter((c) => c.cell_type === "markdown").map(sourceOf).join("\n");
  const links = [...markdown.matchAll(/\]\(([^)\s]+\.ipynb)\)/g)].map((m) => m[1]);
  assert.ok(links.length >= 10, `the table of contents links the course's notebooks: ${links}`);
  for (const link of links) assert.match(link, /^\d\d-[a-z0-9]+(-[a-z0-9]+)*\.ipynb$/, `${link} is named NN-slug`);
  const numbers = links.map((l) => Number(l.slice(0, 2)));
  assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), "in reading order");
  assert.equal(new Set(links).size, links.length, "each notebook once");

  // Lessons 01 to 11 are listed, 11 (interleavings) included even before its file arrives.
  assert.deepEqual(numbers, Array.from({ length: 11 }, (_, i) => i + 1), "the table of contents lists 01 to 11");

  // Every notebook of the course (but this one) is in it.
  const present = readdirSync(NOTEBOOKS).filter((f) => /^\d\d-.*\.ipynb$/.test(f) && !f.startsWith("00-"));
  for (const name of present) assert.ok(links.includes(name), `${name} is in the table of contents`);
}
