// A JupyterLab notebook tab in Debian's Chromium (playwright-core, no browser download),
// driven as a user drives it: the Run menu, the toolbar's stop button, the keyboard.
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { chromiumPath } from "./chromium.js";

// Globals of the page, for the functions that run there: the project compiles without the DOM library.
declare const document: any;
declare const window: any;
declare const MutationObserver: any;

/** Headless, and quiet: no sandbox (containers run as root), no GPU, no calls home. */
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/**
 * Playwright gives each launch a fresh, temporary profile (user data dir). Without Chromium it
 * rejects at once with the fix (chromium.ts); a browser that does not start fails in a minute.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** The longest wait for anything a user would see happen (a slow, shared machine). */
export const PATIENCE_MS = 120_000;

export class NotebookPage {
  readonly console: string[] = [];

  constructor(readonly page: Page) {
    page.setDefaultTimeout(PATIENCE_MS);
    page.on("console", (m) => this.console.push(`[${m.type()}] ${m.text()}`));
    page.on("pageerror", (e) => this.console.push(`[pageerror] ${e.stack ?? e.message}`));
  }

  get cells(): Locator {
    return this.page.locator(".jp-Notebook .jp-Cell");
  }

  /** The code cell whose source contains `text`. */
  codeCell(text: string): Locator {
    return this.page.locator(".jp-CodeCell").filter({ has: this.page.locator(".cm-content", { hasText: text }) });
  }

  /** Opens the notebook and waits until its `cellCount` cells are drawn and its kernel is idle. */
  async open(url: string, cellCount: number): Promise<void> {
    await this.page.goto(url);
    await this.page.waitForFunction((n) => document.querySelectorAll(".jp-Notebook .jp-Cell").length >= n, cellCount);
    await this.page.waitForFunction(() => [...document.querySelectorAll(".jp-CodeCell .cm-content")].every((e) => e.textContent));
    await this.waitForIdle();
  }

  /** Collapses the file browser (a click on its tab), for a wider notebook. */
  async hideFileBrowser(): Promise<void> {
    await this.page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current").click();
  }

  async waitForIdle(timeout = PATIENCE_MS): Promise<void> {
    await this.page.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]').waitFor({ timeout });
  }

  /** A menu of the menu bar, then one of its items, e.g. ("Run", "Run All Cells"). */
  async menu(menu: string, item: string): Promise<void> {
    await this.page.getByRole("menuitem", { name: menu, exact: true }).click();
    await this.page.getByRole("menuitem", { name: new RegExp(`^${item}`) }).click();
  }

  /** Each code cell's execution count, or null when it has none (never run, or running). */
  executionCounts(): Promise<Array<number | null>> {
    return this.page.$$eval(".jp-CodeCell .jp-InputPrompt", (prompts) =>
      prompts.map((p) => {
        const match = /\[(\d+)\]/.exec(p.textContent ?? "");
        return match ? Number(match[1]) : null;
      }),
    );
  }

  /** Waits until every code cell ran after execution count `after`, and the kernel is idle. */
  async waitForAllRun(after: number, timeout: number): Promise<void> {
    await this.page.waitForFunction(
      (after) =>
        [...document.querySelectorAll(".jp-CodeCell .jp-InputPrompt")].every((p) => Number(/\[(\d+)\]/.exec(p.textContent ?? "")?.[1] ?? 0) > after) &&
        document.querySelector(".jp-Notebook-ExecutionIndicator")?.getAttribute("data-status") === "idle",
      after,
      { timeout, polling: 500 },
    );
  }

  /** A cell's source, line by line as its editor shows it. */
  source(cell: Locator): Promise<string> {
    return cell.locator(".cm-content").evaluate((e) => [...e.querySelectorAll(".cm-line")].map((l) => l.textContent).join("\n"));
  }

  /** Replaces a cell's source as a user would: select all in its editor, then type (paste) the text. */
  async setSource(cell: Locator, text: string): Promise<void> {
    await cell.locator(".cm-content").click();
    await this.page.keyboard.press("Control+a");
    await this.page.keyboard.insertText(text);
  }

  /** Adds a code cell below the last one (B in command mode), with `code` in it. */
  async appendCell(code: string): Promise<Locator> {
    const count = await this.cells.count();
    await this.cells.last().click();
    await this.page.keyboard.press("Escape");
    await this.page.keyboard.press("b");
    await this.page.waitForFunction((n) => document.querySelectorAll(".jp-Notebook .jp-Cell").length > n, count);
    await this.page.keyboard.press("Enter");
    await this.page.keyboard.insertText(code);
    return this.cells.nth(count);
  }

  /** Runs one cell in place (Ctrl+Enter in its editor). */
  async runCell(cell: Locator): Promise<void> {
    await cell.locator(".cm-content").click();
    await this.page.keyboard.press("Control+Enter");
  }

  /** Deletes a cell (D, D in command mode). */
  async deleteCell(cell: Locator): Promise<void> {
    const count = await this.cells.count();
    await cell.locator(".jp-InputPrompt").click();
    await this.page.keyboard.press("Escape");
    await this.page.keyboard.press("d");
    await this.page.keyboard.press("d");
    await this.page.waitForFunction((n) => document.querySelectorAll(".jp-Notebook .jp-Cell").length < n, count);
  }

  /** The toolbar's stop button: "Interrupt the kernel". */
  async pressStop(): Promise<void> {
    await this.page.locator('.jp-NotebookPanel-toolbar [data-command="notebook:interrupt-kernel"]').click();
  }

  /** The text of each output of a cell. */
  outputs(cell: Locator): Promise<string[]> {
    return cell.locator(".jp-OutputArea-output").allTextContents();
  }
}

/** What a vega-embed output drew: JupyterLab's vega renderer draws on a canvas (or in SVG). */
export interface ChartReport {
  vegaOutputs: number;
  fallbackImages: number;
  renderer: "canvas" | "svg" | "none";
  /** SVG: mark groups with items; canvas: inked (non-white) pixels. */
  marks: number;
  /** Distinct saturated colours drawn: one per series. */
  colours: number;
}

export function chartReport(cell: Locator): Promise<ChartReport> {
  return cell.evaluate((element): ChartReport => {
    const embed = element.querySelector(".jp-RenderedVegaLite .vega-embed");
    const fallbackImages = element.querySelectorAll(".jp-OutputArea-output.jp-RenderedSVG, .jp-OutputArea-output img").length;
    const vegaOutputs = element.querySelectorAll(".jp-RenderedVegaLite").length;
    const svg = embed?.querySelector("svg.marks");
    if (svg) {
      const colours = new Set([...svg.querySelectorAll("path, rect, circle")].map((m) => m.getAttribute("stroke") ?? m.getAttribute("fill")));
      return { vegaOutputs, fallbackImages, renderer: "svg", marks: svg.querySelectorAll("[class*='mark-'] > *").length, colours: colours.size };
    }
    const canvas = embed?.querySelector("canvas.marks");
    if (!canvas || !canvas.width || !canvas.height) return { vegaOutputs, fallbackImages, renderer: "none", marks: 0, colours: 0 };
    const pixels = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    const colours = new Map<number, number>();
    for (let i = 0; i < pixels.length; i += 4) {
      const [r, g, b, a] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
      if (a < 128 || (r > 240 && g > 240 && b > 240)) continue;
      inked++;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 80) {
        const key = ((r >> 5) << 6) | ((g >> 5) << 3) | (b >> 5);
        colours.set(key, (colours.get(key) ?? 0) + 1);
      }
    }
    // A colour counts when it covers a line's worth of pixels, not an anti-aliasing fringe.
    return { vegaOutputs, fallbackImages, renderer: "canvas", marks: inked, colours: [...colours.values()].filter((n) => n > 50).length };
  });
}

/** Watches a cell's progress bars while it runs: how many at once, and every text they showed. */
export async function watchProgress(page: Page, cellText: string): Promise<() => Promise<{ maxBars: number; maxOutputs: number; texts: string[] }>> {
  await page.evaluate((cellText) => {
    const seen = { maxBars: 0, maxOutputs: 0, texts: [] as string[] };
    (window as unknown as { __progress: typeof seen }).__progress = seen;
    const look = () => {
      const cell = [...document.querySelectorAll(".jp-CodeCell")].find((c) => c.querySelector(".cm-content")?.textContent?.includes(cellText));
      if (!cell) return;
      const bars = [...cell.querySelectorAll(".concurrence-progress")];
      seen.maxBars = Math.max(seen.maxBars, bars.length);
      seen.maxOutputs = Math.max(seen.maxOutputs, cell.querySelectorAll(".jp-OutputArea-output").length);
      for (const bar of bars) if (!seen.texts.includes(bar.textContent ?? "")) seen.texts.push(bar.textContent ?? "");
    };
    new MutationObserver(look).observe(document.querySelector(".jp-Notebook")!, { subtree: true, childList: true, characterData: true, attributes: true });
  }, cellText);
  return () => page.evaluate(() => (window as unknown as { __progress: { maxBars: number; maxOutputs: number; texts: string[] } }).__progress);
}
