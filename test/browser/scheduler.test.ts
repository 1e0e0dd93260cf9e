// "Be the scheduler" in real JupyterLab and Chromium: the buttons and the panel are drawn by
// JupyterLab's widget manager, and clicking « avancer A » advances A's step on screen (its step
// count, its highlighted lines, the shared memory, the history).
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { NOTEBOOKS } from "../../scripts/paths.js";
import { Lab, RESULTS } from "./lab.js";
import { launchChromium, NotebookPage, PATIENCE_MS } from "./notebook.js";

const NOTEBOOK = "11-toutes-les-executions.ipynb";
const CELL = [
  'import { model, scheduler } from "concurrence";',
  "const course = model({",
  '  name: "course",',
  "  shared: { x: 0 },",
  "  threads: {",
  ...["A", "B"].flatMap((name) => [
    `    ${name}: function* (s, local) {`,
    '      local.t = s.x; yield "lire";',
    '      local.t = local.t + 1; yield "ajouter";',
    '      s.x = local.t; yield "écrire";',
    "    },",
  ]),
  "  },",
  "});",
  'const essai = scheduler(course, { goal: { text: "faites finir x à 1", reached: (e) => e.finished && e.shared.x === 1 } });',
].join("\n");

test("JupyterLab draws the scheduler, and clicking « avancer A » advances A's step on screen", { timeout: 15 * 60_000 }, async () => {
  const cellCount = (JSON.parse(readFileSync(path.join(NOTEBOOKS, NOTEBOOK), "utf8")) as { cells: unknown[] }).cells.length;
  const lab = await Lab.start();
  const browser = await launchChromium();
  const nb = new NotebookPage(await browser.newPage({ viewport: { width: 1400, height: 1000 } }));
  try {
    await nb.open(lab.url(NOTEBOOK), cellCount);
    const cell = await nb.appendCell(CELL);
    await nb.runCell(cell);
    const advanceA = cell.locator(".jupyter-widgets button", { hasText: "avancer A" });
    await advanceA.waitFor({ timeout: PATIENCE_MS });
    await cell.locator(".jupyter-widgets button", { hasText: "annuler" }).waitFor();
    const threadA = cell.locator('.widget-html .cc-thread[data-thread="A"]');
    await threadA.waitFor();
    assert.equal(await threadA.getAttribute("data-steps"), "0");
    const highlighted = async () => (await threadA.locator(".cc-next").allTextContents()).join("\n");
    const before = await highlighted();
    assert.match(before, /local\.t = s\.x/, "A's first step is highlighted");

    await advanceA.click();
    await cell.locator('.widget-html .cc-thread[data-thread="A"][data-steps="1"]').waitFor({ timeout: PATIENCE_MS });
    const after = await highlighted();
    assert.notEqual(after, before, "the highlight moved to A's next step");
    assert.match(after, /local\.t = local\.t \+ 1/);
    assert.equal(await cell.locator('.cc-thread[data-thread="B"]').getAttribute("data-steps"), "0", "B did not move");
    assert.match((await cell.locator(".cc-history").textContent()) ?? "", /A \(1 étape\)/);

    // Undo brings A back.
    await cell.locator(".jupyter-widgets button", { hasText: "annuler" }).click();
    await cell.locator('.widget-html .cc-thread[data-thread="A"][data-steps="0"]').waitFor({ timeout: PATIENCE_MS });
    assert.ok(!(await nb.page.content()).includes("Error displaying widget"), "no widget error");
    await nb.page.screenshot({ path: path.join(RESULTS, "scheduler.png") });
  } catch (error) {
    await nb.page.screenshot({ path: path.join(RESULTS, "scheduler-failure.png") }).catch(() => {});
    writeFileSync(path.join(RESULTS, "scheduler-jupyterlab.log"), lab.log);
    throw new Error(`${(error as Error).message}\n--- browser console ---\n${nb.console.slice(-40).join("\n")}`, { cause: error });
  } finally {
    await browser.close();
    await lab.stop();
  }
});
