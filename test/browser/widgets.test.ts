// Jupyter widgets in real JupyterLab and Chromium: a slider is drawn by JupyterLab's widget manager,
// and moving it with the keyboard re-runs an `interact` sweep whose chart is updated in place.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { NOTEBOOKS } from "../../scripts/paths.js";
import { CHROMIUM, skipWithout } from "../helpers/optional.js";
import { Lab, RESULTS } from "./lab.js";
import { launchChromium, NotebookPage, PATIENCE_MS } from "./notebook.js";

const NOTEBOOK = "01-threads-et-processus.ipynb";
const VEGA_LITE = "application/vnd.vegalite.v5+json";
/** The cell: a slider as a cell's last value. */
const SLIDER = 'import { slider } from "concurrence"; const s = slider({ min: 1, max: 8, value: 2, description: "workers" }); s';
const CELL = [
  'import { slider, interact, sweep, workerCounts, plots, Thread } from "concurrence";',
  "const essai = interact({ workers: slider({ min: 1, max: 6, value: 2, description: \"workers\" }) }, async ({ workers }) =>",
  "  plots.timeVsWorkers(await sweep({ workers: workerCounts(workers), progress: false,",
  "    modes: { threads: (n) => Promise.all(Array.from({ length: n }, () => new Thread(() => 1).start().join())) } })));",
].join("\n");

interface SavedCell {
  source: string | string[];
  outputs?: Array<{ data?: Record<string, unknown> }>;
}

test("JupyterLab draws a slider, and moving it re-runs the sweep and updates the chart", { timeout: 15 * 60_000 }, async (t) => {
  if (skipWithout(t, CHROMIUM)) return;
  const cellCount = (JSON.parse(readFileSync(path.join(NOTEBOOKS, NOTEBOOK), "utf8")) as { cells: unknown[] }).cells.length;
  const lab = await Lab.start();
  const browser = await launchChromium();
  const nb = new NotebookPage(await browser.newPage({ viewport: { width: 1400, height: 1000 } }));
  try {
    await nb.open(lab.url(NOTEBOOK), cellCount);
    const plain = await nb.appendCell(SLIDER);
    await nb.runCell(plain);
    await plain.locator(".jupyter-widgets.widget-slider .noUi-handle").waitFor();
    assert.equal((await plain.locator(".widget-readout").textContent())?.trim(), "2");
    assert.equal((await plain.locator(".widget-label").textContent())?.trim(), "workers");

    // The same cell now holds an interact: re-running it closes the slider's comms.
    const cell = plain;
    await nb.setSource(cell, CELL);
    await nb.runCell(cell);
    await cell.locator(".jupyter-widgets .noUi-handle").waitFor();
    await cell.locator(".jp-RenderedVegaLite").waitFor();
    await nb.waitForIdle();
    assert.ok(!(await nb.page.content()).includes("Error displaying widget"), "no widget error");

    // The keyboard moves the handle by one step: 2 -> 3 workers.
    await cell.locator(".noUi-handle").focus();
    await nb.page.keyboard.press("ArrowRight");
    await cell.locator(".widget-readout", { hasText: "3" }).waitFor();
    const deadline = Date.now() + PATIENCE_MS;
    let workers: number[] = [];
    while (Date.now() < deadline) {
      await nb.waitForIdle();
      await nb.page.keyboard.press("Control+s");
      await new Promise((r) => setTimeout(r, 1000));
      workers = chartWorkers(await lab.api<{ content: { cells: SavedCell[] } }>(`contents/${NOTEBOOK}`));
      if (Math.max(...workers) === 3) break;
    }
    assert.deepEqual(workers, [1, 2, 3], "the chart in place holds the re-run sweep, 1 to 3 workers");
    assert.equal(await cell.locator(".jp-RenderedVegaLite").count(), 1, "one chart, replaced in place");
    assert.ok(!(await nb.page.content()).includes("Error displaying widget"));
  } catch (error) {
    await nb.page.screenshot({ path: path.join(RESULTS, "widgets-failure.png") }).catch(() => {});
    writeFileSync(path.join(RESULTS, "widgets-jupyterlab.log"), lab.log);
    throw new Error(`${(error as Error).message}\n--- browser console ---\n${nb.console.slice(-40).join("\n")}`, { cause: error });
  } finally {
    await browser.close();
    await lab.stop();
  }
});

/** The worker counts in the saved chart of the interact cell. */
function chartWorkers(notebook: { content: { cells: SavedCell[] } }): number[] {
  const cell = notebook.content.cells.find((c) => [c.source].flat().join("").includes("const essai = interact("));
  const spec = cell?.outputs?.map((o) => o.data?.[VEGA_LITE]).find(Boolean) as { data?: { values?: Array<{ workers: number }> } } | undefined;
  return [...new Set((spec?.data?.values ?? []).map((r) => r.workers))].sort((a, b) => a - b);
}
