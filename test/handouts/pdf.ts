// Reading the handouts as a person would: a PDF's text page by page (pdftotext, from
// poppler-utils), a slideshow in Chromium with every network request refused.
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { chromiumPath } from "../browser/chromium.js";

declare const document: any;

/** The text of each page of a PDF, in reading layout. */
export function pdfPages(pdf: string): string[] {
  const run = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", timeout: 60_000 });
  if (run.error) throw new Error(`pdftotext is needed to read the handouts' text: apt-get install poppler-utils (${run.error.message})`);
  if (run.status !== 0) throw new Error(`pdftotext failed on ${pdf}: ${run.stderr}`);
  return run.stdout.split("\f").slice(0, -1);
}

export interface SlideshowReport {
  ready: boolean;
  slides: number;
  plots: Array<{ complete: boolean; width: number }>;
  /** Requests other than the slideshow's own file: each was refused. */
  refused: string[];
  errors: string[];
}

/** Opens a slideshow offline: every request but the file itself is aborted. */
export async function openSlideshow(file: string): Promise<SlideshowReport> {
  const url = pathToFileURL(file).href;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox", "--disable-gpu"], timeout: 30_000 });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const refused: string[] = [];
    await context.route("**/*", (route) => {
      if (route.request().url() === url) return route.continue();
      refused.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: "load" });
    const ready = await page
      .waitForFunction("window.Reveal && window.Reveal.isReady()", null, { timeout: 30_000 })
      .then(() => true, () => false);
    const report = (await page.evaluate(`({
      slides: window.Reveal ? window.Reveal.getTotalSlides() : 0,
      plots: [...document.querySelectorAll('.jp-RenderedSVG img')].map((i) => ({ complete: i.complete, width: i.naturalWidth })),
    })`)) as Pick<SlideshowReport, "slides" | "plots">;
    return { ready, refused, errors, ...report };
  } finally {
    await browser.close();
  }
}
