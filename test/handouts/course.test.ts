// The whole course through `npm run handouts -- --booklet --slides --set maxWorkers=3`, run
// once (it executes every notebook: minutes) and read by every test below: notebook 01's
// PDF, its executed notebook, the slideshows, the booklet, and notebooks/ left untouched.
import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { NOTEBOOKS, PROJECT_ROOT } from "../../scripts/paths.js";
import { pageCount } from "../../scripts/handouts/chromium.js";
import { CHROMIUM, POPPLER, skipWithout } from "../helpers/optional.js";
import { pdfPages, openSlideshow } from "./pdf.js";

const CLI = path.join(PROJECT_ROOT, "dist", "scripts", "handouts.js");
const FIRST = "01-threads-et-processus";

/** Every file under a folder, with its digest. */
function digests(dir: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    result.set(path.relative(dir, file), createHash("sha256").update(readFileSync(file)).digest("hex"));
  }
  return result;
}

let out = "";
let log = "";
let sourcesBefore = new Map<string, string>();
const seen = new Set<string>();
const names = readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).sort().map((f) => f.replace(/\.ipynb$/, ""));

before(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), "concurrence-course-"));
  sourcesBefore = digests(NOTEBOOKS);
  // Every name that appears in the output folder, temporary ones included.
  const watcher = watch(out, (_, name) => name && seen.add(name));
  try {
    const run = await promisify(execFile)(process.execPath, [CLI, "--booklet", "--slides", "--set", "maxWorkers=3", "--out", out], {
      cwd: PROJECT_ROOT,
      timeout: 40 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    log = run.stdout + run.stderr;
  } finally {
    watcher.close();
  }
}, { timeout: 41 * 60_000 });

after(() => rmSync(out, { recursive: true, force: true }));

test("notebooks/ is byte-identical after the export", () => {
  assert.deepEqual(digests(NOTEBOOKS), sourcesBefore);
});

test("--set maxWorkers=3: an injected-parameters cell after the parameters cell, and the run uses it", (t) => {
  if (skipWithout(t, CHROMIUM, POPPLER)) return;
  assert.match(log, /maxWorkers=3/, "the run names the injected parameter");
  const nb = JSON.parse(readFileSync(path.join(out, `${FIRST}.ipynb`), "utf8"));
  const tags = nb.cells.map((c: { metadata: { tags?: string[] } }) => c.metadata.tags ?? []);
  const parameters = tags.findIndex((t: string[]) => t.includes("parameters"));
  assert.ok(tags[parameters + 1].includes("injected-parameters"), "the injected cell follows the parameters cell");
  assert.match(nb.cells[parameters + 1].source.join(""), /const maxWorkers: number = 3;/);
  const text = pdfPages(path.join(out, `${FIRST}.pdf`)).join("\n");
  assert.match(text, /de 1 à 3 workers/, "the notebook says it tries 1 to 3 workers");
});

test("the executed notebook keeps its outputs, with consecutive streams merged", () => {
  const nb = JSON.parse(readFileSync(path.join(out, `${FIRST}.ipynb`), "utf8"));
  const outputs = nb.cells.flatMap((c: { outputs?: unknown[] }) => c.outputs ?? []);
  assert.ok(outputs.some((o: { output_type: string }) => o.output_type === "display_data"), "plots are kept");
  for (const cell of nb.cells) {
    const list = (cell.outputs ?? []) as Array<{ output_type: string; name?: string }>;
    for (let i = 1; i < list.length; i++) {
      const merged = !(list[i].output_type === "stream" && list[i - 1].output_type === "stream" && list[i].name === list[i - 1].name);
      assert.ok(merged, `consecutive ${list[i].name} streams are merged`);
    }
  }
});

test("notebook 01's PDF: the Afficheur is one line of 1s and 2s, and every chart has its legend", (t) => {
  if (skipWithout(t, CHROMIUM, POPPLER)) return;
  const pages = pdfPages(path.join(out, `${FIRST}.pdf`));
  const lines = pages.join("\n").split("\n").map((l) => l.trim());
  assert.ok(lines.some((l) => /^[12]{20}$/.test(l)), "the two threads' 20 digits on one line");
  assert.ok(!lines.some((l) => l === "1" || l === "2"), "no digit alone on its line");
  const charts = pages.filter((p) => /Temps total selon le nombre de workers|Accélération \(travail/.test(p) && /\bworkers\b[\s\S]*\bsecondes|accélération/.test(p));
  assert.ok(charts.length > 0, "the chart pages are found");
  for (const page of charts) assert.match(page, /mode[\s\S]*boucle d'événements[\s\S]*(processus|threads)/, "the legend's words are on the page");
});

test("notebook 01's PDF prints every verdict as a glyph: Noto Emoji is embedded, ✅ and ❌ come out as text", (t) => {
  if (skipWithout(t, CHROMIUM, POPPLER)) return;
  const pdf = path.join(out, `${FIRST}.pdf`);
  const fonts = spawnSync("pdffonts", [pdf], { encoding: "utf8" });
  assert.equal(fonts.status, 0, fonts.stderr);
  assert.match(fonts.stdout, /NotoEmoji/i, fonts.stdout);
  const text = pdfPages(pdf).join("\n");
  assert.match(text, /✅/, "the teacher's solutions print ✅");
  assert.ok((text.match(/[✅❌]/gu) ?? []).length >= 2, "one verdict per exercise");
});

test("in Chromium's print view, no output is wider than the page", (t) => {
  if (skipWithout(t, CHROMIUM)) return;
  assert.doesNotMatch(log, /dépasse la largeur|wider than the page/, "the export's layout check found nothing too wide");
  for (const name of names) assert.ok(existsSync(path.join(out, `${name}.pdf`)), `${name}.pdf is written`);
});

test("slides open offline in Chromium: reveal.js runs, 8 slides or more, plots drawn", { timeout: 120_000 }, async (t) => {
  if (skipWithout(t, CHROMIUM)) return;
  for (const name of names) assert.ok(existsSync(path.join(out, `${name}.slides.html`)), `${name}.slides.html is written`);
  const report = await openSlideshow(path.join(out, `${FIRST}.slides.html`));
  assert.deepEqual(report.refused, [], "nothing but the file itself is requested");
  assert.deepEqual(report.errors, []);
  assert.ok(report.ready, "Reveal is ready");
  assert.ok(report.slides >= 8, `${report.slides} slides`);
  assert.ok(report.plots.length >= 2, "the plots are in the slides");
  for (const plot of report.plots) assert.ok(plot.complete && plot.width > 0, "each plot's SVG is drawn");
});

test("the booklet: 60 pages or more, a Sommaire with page numbers, every notebook's title, page numbers", (t) => {
  if (skipWithout(t, CHROMIUM, POPPLER)) return;
  const pdf = path.join(out, "booklet.pdf");
  const pages = pdfPages(pdf);
  assert.equal(pages.length, pageCount(readFileSync(pdf)));
  assert.ok(pages.length >= 60, `${pages.length} pages`);
  const sommaire = pages.slice(0, 3).findIndex((p) => /Sommaire/.test(p));
  assert.ok(sommaire >= 0, "a Sommaire in the first pages");
  pages.forEach((p, i) => assert.match(p, new RegExp(`\\b${i + 1} / ${pages.length}\\s*$`), `page ${i + 1} carries its number`));
  const html = readFileSync(path.join(out, "booklet.html"), "utf8");
  for (const name of names) {
    const nb = JSON.parse(readFileSync(path.join(out, `${name}.ipynb`), "utf8"));
    const title = /^#\s+(.+)$/m.exec(nb.cells[0].source.join(""))![1].trim();
    const entry = new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+")}[ .]*(\\d+)`).exec(pages[sommaire]);
    assert.ok(entry, `the Sommaire lists « ${title} »`);
    const start = Number(entry[1]);
    assert.ok(pages[start - 1].replace(/\s+/g, " ").includes(title.replace(/\s+/g, " ")), `« ${title} » starts on page ${start}, as the Sommaire says`);
    assert.match(html, new RegExp(`id="lesson-${name}"`));
  }
});

test("every output file was written under a temporary name first, and none is left", (t) => {
  if (skipWithout(t, CHROMIUM)) return;
  const left = readdirSync(out).filter((f) => f.includes(".tmp"));
  assert.deepEqual(left, []);
  for (const ext of [".ipynb", ".html", ".pdf"]) {
    assert.ok([...seen].some((n) => n.includes(`${ext}.`) && n.includes(".tmp")), `${ext} files go through a temporary file`);
  }
  assert.ok(statSync(path.join(out, "booklet.pdf")).size > 0);
});
