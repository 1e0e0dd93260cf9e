// `npm run slides:metadata [-- --check] [notebooks...]`: marks where slides start, in the
// notebooks' own cell metadata (`slideshow.slide_type`), as JupyterLab's slide tools and
// nbconvert's slides exporter read it:
// - a markdown cell with a `#` or `##` heading starts a slide (one per section);
// - another markdown cell right after a code cell starts a subslide, below it (the next
//   step of the section: its prose, its code, its outputs).
// Only cell metadata changes, and only from the cells' types and sources: re-running it
// changes nothing (the merger runs it again after merging others' cell edits). It owns
// "slide" and "subslide"; "fragment", "skip" and "notes" are a teacher's, and stay.
import path from "node:path";
import { language } from "../src/messages/index.js";
import { writeFileAtomic } from "./atomic.js";
import { cellSource, notebookText, readNotebook, type Cell, type Notebook } from "./handouts/notebook.js";
import { courseNotebooks } from "./handouts/sources.js";
import { NOTEBOOKS } from "./paths.js";
import { runMain } from "./run.js";

const MESSAGES = {
  fr: {
    changed: (file: string, slides: number) => `${file} : ${slides} diapositives, métadonnées mises à jour`,
    same: (file: string, slides: number) => `${file} : ${slides} diapositives, déjà à jour`,
    stale: (files: string) => `métadonnées de diapositives à refaire (npm run slides:metadata) : ${files}`,
  },
  en: {
    changed: (file: string, slides: number) => `${file}: ${slides} slides, metadata updated`,
    same: (file: string, slides: number) => `${file}: ${slides} slides, already up to date`,
    stale: (files: string) => `slide metadata out of date (npm run slides:metadata): ${files}`,
  },
};
const messages = MESSAGES[language()];

/** Does this cell open a section: a markdown cell with a level 1 or 2 heading? */
export function opensSection(cell: Cell): boolean {
  return cell.cell_type === "markdown" && /^#{1,2}\s/m.test(cellSource(cell));
}

const OWNED = new Set(["slide", "subslide"]);

/** The mark this script gives the cell at `index`, if any. */
function wantedMark(cells: readonly Cell[], index: number): "slide" | "subslide" | undefined {
  const cell = cells[index];
  if (opensSection(cell)) return "slide";
  if (cell.cell_type === "markdown" && index > 0 && cells[index - 1].cell_type === "code") return "subslide";
  return undefined;
}

/** Sets or removes the cell's mark; gives whether the cell changed. */
function markCell(cell: Cell, wanted: "slide" | "subslide" | undefined): boolean {
  const slideshow = cell.metadata.slideshow as { slide_type?: string } | undefined;
  const current = slideshow?.slide_type;
  if (wanted) {
    if (current === wanted) return false;
    // "slideshow" takes its place in sorted order, as JupyterLab writes metadata.
    const entries = Object.entries(cell.metadata).filter(([key]) => key !== "slideshow");
    entries.push(["slideshow", { ...(slideshow ?? {}), slide_type: wanted }]);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    cell.metadata = Object.fromEntries(entries) as Cell["metadata"];
    return true;
  }
  if (!current || !OWNED.has(current)) return false;
  const { slide_type: _, ...rest } = slideshow!;
  if (Object.keys(rest).length > 0) cell.metadata.slideshow = rest;
  else delete cell.metadata.slideshow;
  return true;
}

/** Marks a notebook's slides in place; gives how many cells changed. */
export function markSlides(nb: Notebook): number {
  const wanted = nb.cells.map((_, i) => wantedMark(nb.cells, i));
  return nb.cells.filter((cell, i) => markCell(cell, wanted[i])).length;
}

/** Slides and subslides: what reveal.js counts. */
export function slideCount(nb: Notebook): number {
  return nb.cells.filter((c) => OWNED.has((c.metadata.slideshow as { slide_type?: string } | undefined)?.slide_type ?? "")).length;
}

/** Updates each notebook file; gives the files that changed (with `check`, only says which would). */
export function updateNotebooks(files: readonly string[], check = false, log: (line: string) => void = console.log): string[] {
  const changed: string[] = [];
  for (const file of files) {
    const nb = readNotebook(file);
    const name = path.relative(process.cwd(), file);
    if (markSlides(nb) === 0) {
      log(messages.same(name, slideCount(nb)));
      continue;
    }
    changed.push(file);
    if (!check) {
      writeFileAtomic(file, notebookText(nb));
      log(messages.changed(name, slideCount(nb)));
    }
  }
  return changed;
}

function main(): void {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const named = args.filter((a) => a !== "--check");
  const files = named.length > 0 ? named.map((f) => path.resolve(f)) : courseNotebooks(NOTEBOOKS);
  const changed = updateNotebooks(files, check);
  if (check && changed.length > 0) throw new Error(messages.stale(changed.map((f) => path.basename(f)).join(", ")));
}

if (require.main === module) runMain("slides:metadata", main);
