// t.live() in JupyterLab, in a real browser: one output that the kernel redraws in place while a
// pool works (never a new output per frame), ending with the final chart drawn by vega.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { NOTEBOOKS } from "../../scripts/paths.js";
import { CHROMIUM, skipWithout } from "../helpers/optional.js";
import { Lab, RESULTS } from "./lab.js";
import { chartReport, launchChromium, NotebookPage } from "./notebook.js";

// Globals of the page, for the functions that run there: the project compiles without the DOM library.
declare const document: any;
declare const window: any;
declare const MutationObserver: any;

const NOTEBOOK = "00-sommaire.ipynb";
const FAILURE = { screenshot: path.join(RESULTS, "trace-live-failure.png"), console: path.join(RESULTS, "trace-live-console.log"), log: path.join(RESULTS, "trace-live-jupyterlab.log") };
const tail = (text: string, lines: number) => text.split("\n").slice(-lines).join("\n");

const CELL = `import { ThreadPool, trace } from "concurrence";
const traceLivePool = new ThreadPool({ workers: 2 });
await traceLivePool.map((x: number) => x, [1, 2]);
const enDirect = trace();
enDirect.live({ intervalMs: 250 });
for (let round = 0; round < 8; round++) {
  await traceLivePool.map(function lent(ms: number) { const end = Date.now() + ms; while (Date.now() < end); return ms; }, [150, 150]);
}
enDirect.stop();
await traceLivePool.close();
console.log(\`fini : \${enDirect.tasks().length} tâches\`);`;

interface Seen {
  maxVega: number;
  maxOutputs: number;
  renders: number;
}

test("t.live() redraws one chart in place in JupyterLab while the pool works, and leaves the final chart", { timeout: 15 * 60_000 }, async (t) => {
  if (skipWithout(t, CHROMIUM)) return;
  const cellCount = (JSON.parse(readFileSync(path.join(NOTEBOOKS, NOTEBOOK), "utf8")) as { cells: unknown[] }).cells.length;
  const lab = await Lab.start();
  const browser = await launchChromium();
  const nb = new NotebookPage(await browser.newPage({ viewport: { width: 1400, height: 1000 } }));
  let leftover: number[] = [];
  try {
    await nb.open(lab.url(NOTEBOOK), cellCount);
    const cell = await nb.appendCell(CELL);
    // Watch the new cell: how many outputs and vega charts at once, and how many charts were drawn.
    await nb.page.evaluate(() => {
      const seen = { maxVega: 0, maxOutputs: 0, renders: 0 };
      const drawn = new WeakSet();
      (window as { __traceLive?: Seen }).__traceLive = seen;
      const look = () => {
        const cell = [...document.querySelectorAll(".jp-CodeCell")].find((c) => c.querySelector(".cm-content")?.textContent?.includes("enDirect.live("));
        if (!cell) return;
        const charts = [...cell.querySelectorAll(".jp-RenderedVegaLite")];
        seen.maxVega = Math.max(seen.maxVega, charts.length);
        seen.maxOutputs = Math.max(seen.maxOutputs, cell.querySelectorAll(".jp-OutputArea-output").length);
        // vega-embed draws each frame anew: a new canvas (or svg) under the output.
        for (const mark of cell.querySelectorAll(".jp-RenderedVegaLite canvas, .jp-RenderedVegaLite svg.marks")) {
          if (drawn.has(mark)) continue;
          drawn.add(mark);
          seen.renders++;
        }
      };
      new MutationObserver(look).observe(document.querySelector(".jp-Notebook")!, { subtree: true, childList: true, attributes: true });
    });
    await nb.runCell(cell);
    await cell.locator(".jp-OutputArea-output", { hasText: "fini : 16 tâches" }).waitFor();
    await nb.waitForIdle();
    const seen = (await nb.page.evaluate(() => (window as { __traceLive?: Seen }).__traceLive)) as Seen;
    assert.equal(seen.maxVega, 1, `one chart at a time, updated in place: ${JSON.stringify(seen)}`);
    assert.ok(seen.maxOutputs <= 2, `the chart and the final line, no output per frame: ${JSON.stringify(seen)}`);
    assert.ok(seen.renders >= 3, `the chart was redrawn while the pool worked (first frame, updates, last frame): ${JSON.stringify(seen)}`);
    const chart = await chartReport(cell);
    assert.equal(chart.vegaOutputs, 1);
    assert.notEqual(chart.renderer, "none", "vega drew the final chart");
    assert.ok(chart.marks > 100, `the final chart has marks: ${JSON.stringify(chart)}`);
    await cell.scrollIntoViewIfNeeded();
    await nb.page.screenshot({ path: path.join(RESULTS, "trace-live.png") });
  } catch (error) {
    await nb.page.screenshot({ path: FAILURE.screenshot }).catch(() => {});
    writeFileSync(FAILURE.console, nb.console.join("\n"));
    writeFileSync(FAILURE.log, lab.log);
    throw new Error(`${(error as Error).message}\n\n--- browser console ---\n${tail(nb.console.join("\n"), 60)}\n\n--- JupyterLab log ---\n${tail(lab.log, 80)}`, { cause: error });
  } finally {
    await browser.close();
    leftover = await lab.stop();
  }
  assert.deepEqual(leftover, [], "every kernel and worker process ended with JupyterLab");
});
