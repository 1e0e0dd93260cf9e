// The one pipeline behind every mode: check the request, execute and convert each notebook,
// then print with one Chromium. Without Chromium the HTML is kept and the run says why the
// PDFs are missing, and how to get them.
import { existsSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { NOTEBOOKS } from "../paths.js";
import { writeBookletHtml, type Lesson } from "./booklet.js";
import { openPrintView, overflowingElements, printPdf, startChromium } from "./chromium.js";
import { checkNotebookFile, executeAndConvert, type Converted } from "./export.js";
import { messages } from "./messages.js";
import { readNotebook, type Notebook } from "./notebook.js";
import { checkNames, checkTypes, notebookParameters, parseAssignments, type Assignment } from "./parameters.js";
import { COURSE, printBooklet } from "./print-booklet.js";
import { STUDENT } from "./sources.js";

export interface PipelineOptions {
  notebooks: readonly string[];
  outDir: string;
  set?: readonly string[];
  /** `set`, already checked by checkRequest. */
  assignments?: readonly Assignment[];
  pdf?: boolean;
  html?: boolean;
  slides?: boolean;
  booklet?: boolean;
  /** Where messages go (the test collects them). */
  log?: (line: string) => void;
}

export interface PipelineResult {
  converted: Converted[];
  pdfs: string[];
  booklet?: { html: string; pdf?: string; pages?: number; starts: number[] };
  /** Why no PDF was written, when Chromium is missing. */
  pdfMissing?: string;
  /** Print-view elements wider than the page, per HTML file. */
  overflows: Map<string, string[]>;
}

/** Names and types of --set, checked against every notebook before anything runs. */
export function checkRequest(notebooks: readonly string[], set: readonly string[]): Assignment[] {
  const assignments = parseAssignments(set);
  const contents = new Map<string, Notebook>(notebooks.map((n) => [n, readNotebook(checkNotebookFile(n))]));
  if (assignments.length === 0) return assignments;
  checkNames(assignments, contents);
  for (const [file, nb] of contents) {
    const declared = new Set(notebookParameters(nb));
    const applied = assignments.filter((a) => declared.has(a.name));
    if (applied.length > 0) checkTypes(file, nb, applied);
  }
  return assignments;
}

/** The kernel's folder: a student notebook without its images runs beside the course's. */
function kernelDir(notebook: string): string {
  const dir = path.dirname(path.resolve(notebook));
  return dir === STUDENT && !existsSync(path.join(STUDENT, "images")) ? NOTEBOOKS : dir;
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const assignments = options.assignments ?? checkRequest(options.notebooks, options.set ?? []);
  const wantPdf = options.pdf ?? true;
  const result: PipelineResult = { converted: [], pdfs: [], overflows: new Map() };

  for (const notebook of options.notebooks) {
    log(messages.executing(path.relative(process.cwd(), notebook)));
    const converted = executeAndConvert(notebook, {
      outDir: options.outDir,
      assignments,
      html: (options.html ?? true) || options.booklet || wantPdf,
      slides: options.slides,
      cwd: kernelDir(notebook),
    });
    if (converted.applied.length > 0) log(messages.tried(converted.applied.map((a) => `${a.name}=${a.value}`).join(", ")));
    for (const file of [converted.executed, converted.html, converted.slides]) if (file) log(messages.wrote(path.relative(process.cwd(), file)));
    result.converted.push(converted);
  }

  const htmls = result.converted.flatMap((c) => (c.html ? [c.html] : []));
  const bookletHtml = path.join(options.outDir, "booklet.html");
  if (!wantPdf && !options.booklet) return result;

  const started = await startChromium();
  if ("missing" in started) {
    result.pdfMissing = started.missing;
    if (options.booklet) {
      // Without page counts, the Sommaire has none; the HTML is there to read all the same.
      writeBookletHtml(htmls.map((html, i) => ({ html, executed: result.converted[i].executed, pages: 0 })), bookletHtml, COURSE);
      result.booklet = { html: bookletHtml, starts: [] };
      log(messages.wrote(path.relative(process.cwd(), bookletHtml)));
    }
    log(started.missing);
    log(messages.pdfMissing(htmls.map((h) => path.basename(h, ".html") + ".pdf").join(", ")));
    return result;
  }
  const browser: Browser = started.browser;
  try {
    const lessons: Lesson[] = [];
    for (const [i, html] of htmls.entries()) {
      const pdf = html.replace(/\.html$/, ".pdf");
      const pages = await printPdf(browser, html, pdf);
      lessons.push({ html, executed: result.converted[i].executed, pages });
      result.pdfs.push(pdf);
      log(messages.wrote(path.relative(process.cwd(), pdf)));
      const page = await openPrintView(browser, html);
      try {
        const overflows = await overflowingElements(page);
        result.overflows.set(html, overflows);
        for (const what of overflows) log(messages.overflow(path.basename(html), what));
      } finally {
        await page.close();
      }
    }
    if (options.booklet && lessons.length > 0) {
      result.booklet = await printBooklet(browser, lessons, options.outDir, log);
      log(messages.wrote(path.relative(process.cwd(), result.booklet.html)));
      log(messages.wrote(path.relative(process.cwd(), result.booklet.pdf!)));
    }
  } finally {
    await browser.close();
  }
  return result;
}
