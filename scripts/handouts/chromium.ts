// Printing HTML to PDF with Debian's Chromium through playwright-core (no browser download):
// one browser for the whole run, A4 pages with their number in the footer, and a check that
// nothing printed is wider than the page. Without Chromium, the caller still has its HTML.
import { accessSync, constants } from "node:fs";
import { pathToFileURL } from "node:url";
import { chromium as playwright, type Browser, type Page } from "playwright-core";
import { writeFileAtomic } from "../atomic.js";
import { messages } from "./messages.js";

// The page's globals, for the functions that run there: the project compiles without the DOM library.
declare const document: any;
declare const window: any;

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
/** A start that takes longer is a broken Chromium: say so rather than wait. */
const LAUNCH_TIMEOUT_MS = 30_000;
const PAGE_TIMEOUT_MS = 120_000;

/** The page's margins; the bottom one holds the page number. */
export const MARGIN = { top: "14mm", right: "12mm", bottom: "16mm", left: "12mm" };

/** Where Debian, Ubuntu and Google install it, in order. */
const KNOWN_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/**
 * The Chromium to use, for the handouts and the tests alike: $CHROMIUM when set (and only it:
 * `CHROMIUM=/nonexistent` hides Chromium), else the first executable of KNOWN_PATHS, else undefined.
 */
export function findChromium(): string | undefined {
  const chosen = process.env.CHROMIUM;
  if (chosen !== undefined) return chosen !== "" && isExecutable(chosen) ? chosen : undefined;
  return KNOWN_PATHS.find(isExecutable);
}

/** What findChromium looked at, for a message. */
export function chromiumCandidates(): string {
  return process.env.CHROMIUM !== undefined ? `CHROMIUM=${process.env.CHROMIUM}` : KNOWN_PATHS.join(", ");
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A started Chromium, or the reason there is none (already worded for the user). */
export async function startChromium(): Promise<{ browser: Browser } | { missing: string }> {
  const executablePath = findChromium();
  if (!executablePath) return { missing: messages.noChromium };
  try {
    return { browser: await playwright.launch({ executablePath, headless: true, args: ARGS, timeout: LAUNCH_TIMEOUT_MS }) };
  } catch (error) {
    return { missing: messages.chromiumFailed((error as Error).message.split("\n")[0]) };
  }
}

export async function openPrintView(browser: Browser, html: string): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
  await page.emulateMedia({ media: "print" });
  return page;
}

const FOOTER = `<div style="width:100%;font-size:8px;color:#555;text-align:center;font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

/** Prints `html` to `pdf` (written atomically) and gives its number of pages. */
export async function printPdf(browser: Browser, html: string, pdf: string): Promise<number> {
  const buffer = await printToBuffer(browser, html);
  writeFileAtomic(pdf, buffer);
  return pageCount(buffer);
}

export async function printToBuffer(browser: Browser, html: string): Promise<Buffer> {
  const page = await openPrintView(browser, html);
  try {
    return await page.pdf({
      format: "A4",
      printBackground: true,
      margin: MARGIN,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: FOOTER,
    });
  } finally {
    await page.close();
  }
}

/** Pages of a PDF that Chromium wrote (its page objects are not compressed). */
export function pageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** The A4 page's printable width in CSS pixels: 210 mm less the margins, at 96 px per inch. */
export const PRINTABLE_WIDTH_PX = Math.floor(((210 - 24) / 25.4) * 96);

/**
 * What, in the print view, is wider than the printable width or than its own box (a
 * clipped chart, a table or a line of code that runs off): one line per element.
 */
export async function overflowingElements(page: Page): Promise<string[]> {
  await page.setViewportSize({ width: PRINTABLE_WIDTH_PX, height: 1000 });
  return page.evaluate((limit: number) => {
    const found: string[] = [];
    const selector = ".jp-OutputArea-output, .jp-OutputArea-output img, .jp-OutputArea-output svg, table, pre, .jp-InputArea-editor";
    for (const element of document.querySelectorAll(selector)) {
      const box = element.getBoundingClientRect();
      const clipped = element.scrollWidth > element.clientWidth + 1 && window.getComputedStyle(element).overflowX !== "visible";
      if (box.right > limit + 1 || clipped) {
        const text = (element.getAttribute("alt") || element.textContent || "").trim().replace(/\s+/g, " ").slice(0, 60);
        found.push(`<${element.tagName.toLowerCase()} class="${element.className?.baseVal ?? element.className}"> ${Math.round(box.width)}px: ${text}`);
      }
    }
    return found;
  }, PRINTABLE_WIDTH_PX);
}
