// Printing the booklet: each lesson's length is measured behind the front pages, which gives
// the Sommaire its page numbers, then the whole booklet is printed.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { writeFileAtomic } from "../atomic.js";
import { embedSymbolFont } from "./glyphs.js";
import { bookletHtml, FRONT_PAGES, startPages, writeBookletHtml, type Course, type Lesson } from "./booklet.js";
import { pageCount, printPdf, printToBuffer } from "./chromium.js";
import { messages } from "./messages.js";

export const COURSE: Course = {
  title: "Programmation concurrente et parallèle en TypeScript",
  subtitle: "Livret du cours concurrence : threads, processus, synchronisation, événements, GPU, entrées/sorties",
};

export interface PrintedBooklet {
  html: string;
  pdf: string;
  pages: number;
  /** The page each lesson starts on, as the Sommaire says. */
  starts: number[];
}

export async function printBooklet(browser: Browser, lessons: readonly Lesson[], outDir: string, log: (line: string) => void): Promise<PrintedBooklet> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "concurrence-booklet-"));
  const measured: Lesson[] = [];
  try {
    for (const lesson of lessons) {
      const alone = path.join(scratch, `${path.basename(lesson.html)}`);
      writeFileAtomic(alone, bookletHtml([{ ...lesson, pages: 0 }], COURSE));
      embedSymbolFont(alone);
      measured.push({ ...lesson, pages: pageCount(await printToBuffer(browser, alone)) - FRONT_PAGES });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const html = path.join(outDir, "booklet.html");
  const pdf = path.join(outDir, "booklet.pdf");
  writeBookletHtml(measured, html, COURSE);
  const pages = await printPdf(browser, html, pdf);
  const expected = FRONT_PAGES + measured.reduce((sum, l) => sum + l.pages, 0);
  if (pages !== expected) log(messages.bookletDrift(pages, expected));
  return { html, pdf, pages, starts: startPages(measured) };
}
