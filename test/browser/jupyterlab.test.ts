// What a teacher does with notebook 01 in JupyterLab, in a real browser: run everything, see
// the chart and the progress bar, stop a stuck cell, change a parameter and run again.
// On failure it prints the browser's console and JupyterLab's log (with the kernel's).
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { test, type TestContext } from "node:test";
import { NOTEBOOKS } from "../../scripts/paths.js";
import { CHROMIUM, skipWithout } from "../helpers/optional.js";
import { Lab, RESULTS } from "./lab.js";
import { chartReport, launchChromium, NotebookPage, PATIENCE_MS, watchProgress } from "./notebook.js";

const NOTEBOOK = "01-threads-et-processus.ipynb";
const SOURCE = path.join(NOTEBOOKS, NOTEBOOK);
/** Running the whole notebook takes about a minute on 2 idle cores; a busy machine needs more. */
const RUN_ALL_MS = 15 * 60_000;
const SCREENSHOT = path.join(RESULTS, "01-threads-et-processus.png");
/** Written only when the test fails. */
const FAILURE = { screenshot: path.join(RESULTS, "failure.png"), console: path.join(RESULTS, "browser-console.log"), log: path.join(RESULTS, "jupyterlab.log") };

const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const tail = (text: string, lines: number) => text.split("\n").slice(-lines).join("\n");

test(`JupyterLab in Chromium runs ${NOTEBOOK}: chart, progress, stop button, re-run with other parameters`, { timeout: 40 * 60_000 }, async (t) => {
  if (skipWithout(t, CHROMIUM)) return;
  for (const file of Object.values(FAILURE)) rmSync(file, { force: true });
  const sourceDigest = digest(SOURCE);
  const cellCount = (JSON.parse(readFileSync(SOURCE, "utf8")) as { cells: unknown[] }).cells.length;
  // Chromium first: without it the test fails in seconds, before JupyterLab starts.
  const browser = await launchChromium();
  let lab: Lab | undefined;
  let leftover: number[] = [];
  try {
    lab = await Lab.start();
    const nb = new NotebookPage(await browser.newPage({ viewport: { width: 1400, height: 1000 } }));
    try {
      await scenario(t, lab, nb, cellCount);
    } catch (error) {
      await nb.page.screenshot({ path: FAILURE.screenshot }).catch(() => {});
      writeFileSync(FAILURE.console, nb.console.join("\n"));
      writeFileSync(FAILURE.log, lab.log);
      throw new Error(
        `${(error as Error).message}\n\n--- browser console (test-results/browser/browser-console.log) ---\n${tail(nb.console.join("\n"), 80)}` +
          `\n\n--- JupyterLab and kernel log (test-results/browser/jupyterlab.log) ---\n${tail(lab.log, 120)}\n\nScreenshot: test-results/browser/failure.png`,
        { cause: error },
      );
    }
  } finally {
    await browser.close().catch(() => {});
    if (lab) leftover = await lab.stop();
  }
  assert.deepEqual(leftover, [], "every kernel and worker process ended with JupyterLab");
  assert.equal(digest(SOURCE), sourceDigest, `${NOTEBOOK} in notebooks/ is unchanged`);
});

async function scenario(t: TestContext, lab: Lab, nb: NotebookPage, cellCount: number): Promise<void> {
  await nb.open(lab.url(NOTEBOOK), cellCount);
  await nb.hideFileBrowser();
  const sessions = await lab.sessions(1);
  assert.equal(sessions.length, 1);
  assert.equal(sessions[0].kernel.name, "concurrence", "the notebook opens with the course's kernel");
  const kernelId = sessions[0].kernel.id;

  // 1. Run › Run All Cells.
  const progress = await watchProgress(nb.page, "const cpuRows = await sweep(");
  const started = performance.now();
  await nb.menu("Run", "Run All Cells");
  await nb.waitForAllRun(0, RUN_ALL_MS);
  lab.noteProcesses();
  t.diagnostic(`Run All Cells took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const maxWorkers = Number(/de 1 à (\d+) workers/.exec((await nb.outputs(nb.codeCell("cœurs utilisables"))).join(""))?.[1]);
  assert.ok(maxWorkers >= 2, "the notebook says how many workers it tries");
  await assertNoErrors(nb);

  // The chart is drawn by JupyterLab's vega renderer, not shown as the SVG fallback.
  const chartCell = nb.codeCell("plots.timeVsWorkers(rows");
  const chart = await chartReport(chartCell);
  assert.equal(chart.vegaOutputs, 1, `one vega-lite output: ${JSON.stringify(chart)}`);
  assert.equal(chart.fallbackImages, 0, "the SVG fallback is not what is shown");
  assert.notEqual(chart.renderer, "none", "vega-embed drew the chart");
  assert.ok(chart.marks > 500, `the chart has marks: ${JSON.stringify(chart)}`);
  assert.ok(chart.colours >= 3, `one colour per mode (event loop, threads, processes): ${JSON.stringify(chart)}`);
  assert.notEqual((await chartReport(nb.codeCell("plots.speedup"))).renderer, "none", "the speed-up chart is drawn too");

  // The progress bars filled in place: one output per sweep, rewritten, never one per step.
  const seen = await progress();
  const bars = await nb.codeCell("const cpuRows = await sweep(").locator(".concurrence-progress").allTextContents();
  assert.equal(bars.length, 2, `one bar for the CPU sweep, one for the I/O sweep: ${JSON.stringify(bars)}`);
  for (const bar of bars) assert.match(bar, /(\d+)\/\1 \(100 %/, "each bar ends full");
  assert.equal(seen.maxBars, 2, "never more bars than sweeps");
  assert.equal(seen.maxOutputs, 3, "two bars and the table, nothing appended on the way");
  assert.ok(seen.texts.length >= 4, `the bars changed in place (${seen.texts.length} states): ${JSON.stringify(seen.texts)}`);

  await chartCell.scrollIntoViewIfNeeded();
  await nb.page.screenshot({ path: SCREENSHOT });
  t.diagnostic(`screenshot: ${path.relative(process.cwd(), SCREENSHOT)}`);

  // 2. A task that never ends, in a ThreadPool; the stop button ends it and the kernel lives on.
  const stuck = await nb.appendCell(
    'import { ThreadPool } from "concurrence";\nconst bouclePool = new ThreadPool({ workers: 1 });\n' +
      'await bouclePool.submit(() => {\n  console.log("tâche lancée");\n  for (;;) {}\n});',
  );
  await nb.runCell(stuck);
  await stuck.locator(".jp-OutputArea-output", { hasText: "tâche lancée" }).waitFor();
  await nb.page.waitForTimeout(500); // the cell is in its await, past Node's own SIGINT handling window
  const pressed = performance.now();
  await nb.pressStop();
  await stuck.locator(".jp-OutputArea-output", { hasText: "KeyboardInterrupt" }).waitFor({ timeout: PATIENCE_MS });
  const stopSeconds = (performance.now() - pressed) / 1000;
  t.diagnostic(`the stop button ended the cell in ${stopSeconds.toFixed(2)} s`);
  assert.ok(stopSeconds < 10, `the interrupt message appears within a few seconds, not ${stopSeconds.toFixed(1)} s`);
  await nb.waitForIdle();
  const stuckCount = (await nb.executionCounts()).at(-1)!;

  const next = await nb.appendCell("console.log(`état : ${maxWorkers} workers, ${rows.length} mesures`);");
  await nb.runCell(next);
  await next.locator(".jp-OutputArea-output").first().waitFor();
  await nb.waitForIdle();
  const state = (await nb.outputs(next)).map((text) => text.trim());
  assert.deepEqual(state, [`état : ${maxWorkers} workers, ${6 * maxWorkers} mesures`], "the next cell sees the earlier cells' state");
  assert.equal((await nb.executionCounts()).at(-1), stuckCount + 1, "the same kernel counts on");
  assert.equal((await lab.api<Array<{ kernel: { id: string } }>>("sessions"))[0].kernel.id, kernelId, "the same kernel");

  // 3. Another worker count in the parameters cell, then Run All Cells again.
  await nb.deleteCell(next);
  await nb.deleteCell(stuck);
  const newMax = maxWorkers === 2 ? 3 : 2;
  const parameters = nb.page.locator(".jp-CodeCell").first();
  const source = await nb.source(parameters);
  assert.match(source, /const maxWorkers = .*;/, "the parameters cell sets maxWorkers");
  const edited = source.replace(/const maxWorkers = [^;]*;/, `const maxWorkers = ${newMax};`);
  await nb.setSource(parameters, edited);
  assert.equal(await nb.source(parameters), edited);
  const lastCount = Math.max(...(await nb.executionCounts()).map((c) => c ?? 0));
  await nb.menu("Run", "Run All Cells");
  await nb.waitForAllRun(lastCount, RUN_ALL_MS);
  lab.noteProcesses();
  await assertNoErrors(nb);

  const table = await nb.codeCell("const cpuRows = await sweep(").locator("table.concurrence-table").evaluate((element) => {
    const header = [...element.querySelectorAll("thead th")].map((th) => th.textContent);
    return [...element.querySelectorAll("tbody tr")].map((tr) => {
      const cells = [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "");
      return { task: cells[header.indexOf("tâche")], mode: cells[header.indexOf("mode")], workers: Number(cells[header.indexOf("workers")]) };
    });
  });
  const expected = Array.from({ length: newMax }, (_, i) => i + 1);
  for (const task of ["CPU", "E/S"]) {
    for (const mode of ["boucle d'événements", "threads", "processus"]) {
      const counts = table.filter((r) => r.task === task && r.mode === mode).map((r) => r.workers);
      assert.deepEqual(counts, expected, `${task} / ${mode}: the table follows maxWorkers = ${newMax}`);
    }
  }
  assert.notEqual((await chartReport(chartCell)).renderer, "none", "the chart is drawn again");
}

async function assertNoErrors(nb: NotebookPage): Promise<void> {
  const errors = await nb.page.locator('.jp-CodeCell .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').allTextContents();
  assert.deepEqual(errors, [], "no cell shows an error");
}
