// JupyterLab's visual debugger on the course's kernel, in Chromium: the bug button is enabled,
// a breakpoint put in a cell's gutter stops its run at that line, the variables panel shows a
// value of the cell, "next" moves to the next line, and continuing ends the cell with its output.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { NOTEBOOKS } from "../../scripts/paths.js";
import { Lab, RESULTS } from "./lab.js";
import { launchChromium, NotebookPage } from "./notebook.js";

// The page's globals, for the functions that run there (the project compiles without the DOM library).
declare const document: any;

const NOTEBOOK = "00-sommaire.ipynb";
const CELL = "let a = 1;\nlet b = a + 41;\nlet c = b * 10;\nconsole.log('c vaut', c);";
const BREAK_LINE = 3;

test("JupyterLab's debugger stops a cell at a breakpoint and shows its variables", { timeout: 10 * 60_000 }, async () => {
  const cellCount = (JSON.parse(readFileSync(path.join(NOTEBOOKS, NOTEBOOK), "utf8")) as { cells: unknown[] }).cells.length;
  const browser = await launchChromium();
  let lab: Lab | undefined;
  try {
    lab = await Lab.start();
    const nb = new NotebookPage(await browser.newPage({ viewport: { width: 1400, height: 1000 } }));
    try {
      await nb.open(lab.url(NOTEBOOK), cellCount);
      // The bug button is enabled only for a kernel whose kernel_info announces the debugger.
      const bug = nb.page.locator(".jp-NotebookPanel-toolbar .jp-DebuggerBugButton").first();
      await nb.page.waitForFunction(
        () => document.querySelector(".jp-NotebookPanel-toolbar .jp-DebuggerBugButton")?.getAttribute("aria-disabled") === "false",
        undefined,
        { timeout: 60_000 },
      );
      await bug.click();
      await nb.page.waitForFunction(() => document.querySelector(".jp-NotebookPanel-toolbar .jp-DebuggerBugButton")?.getAttribute("aria-pressed") === "true");
      await nb.page.locator(".jp-DebuggerVariables").first().waitFor({ state: "attached" });

      const cell = await nb.appendCell(CELL);
      // A click in the breakpoint gutter, at the height of line 3.
      const line = cell.locator(".cm-line").nth(BREAK_LINE - 1);
      const gutter = cell.locator(".cm-gutter.cm-breakpoint-gutter");
      const [lineBox, gutterBox] = [await line.boundingBox(), await gutter.boundingBox()];
      assert.ok(lineBox && gutterBox, "the cell shows its breakpoint gutter");
      await nb.page.mouse.click(gutterBox.x + gutterBox.width / 2, lineBox.y + lineBox.height / 2);
      // The gutter's first element is CodeMirror's hidden spacer: then one per line.
      await gutter.locator(".cm-gutterElement").nth(BREAK_LINE).locator(".cm-breakpoint-icon").waitFor();

      await nb.runCell(cell);
      // Stopped: JupyterLab highlights the line and fills the variables panel.
      await cell.locator(".jp-DebuggerEditor-highlight").waitFor({ timeout: 60_000 });
      assert.equal(await cell.locator(".jp-DebuggerEditor-highlight").textContent(), "let c = b * 10;");
      // The tree shows each variable as a name and a detail (its value): b, 42.
      await nb.page.waitForFunction(
        () =>
          [...document.querySelectorAll("#jp-debugger-sidebar .jp-DebuggerVariables-name")].some(
            (name: any) => name.textContent === "b" && name.nextElementSibling?.textContent === "42",
          ),
        undefined,
        { timeout: 60_000 },
      );
      const scopes = await nb.page.locator('#jp-debugger-sidebar select[aria-label="Scope"] option').allTextContents();
      assert.deepEqual(scopes, ["Variables locales", "Noms du notebook"]);
      assert.equal(await nb.outputs(cell).then((o) => o.join("")), "", "the cell has printed nothing yet");

      // Next: the highlight moves to line 4, and c has its value.
      await nb.page.locator('[data-command="debugger:next"]').first().click();
      await cell.locator(".jp-DebuggerEditor-highlight", { hasText: "console.log" }).waitFor({ timeout: 60_000 });
      await nb.page.waitForFunction(
        () =>
          [...document.querySelectorAll("#jp-debugger-sidebar .jp-DebuggerVariables-name")].some(
            (name: any) => name.textContent === "c" && name.nextElementSibling?.textContent === "420",
          ),
        undefined,
        { timeout: 60_000 },
      );

      await nb.page.locator('[data-command="debugger:continue"]').first().click();
      await cell.locator(".jp-OutputArea-output", { hasText: "c vaut 420" }).waitFor({ timeout: 60_000 });
      await nb.waitForIdle();
    } catch (error) {
      await nb.page.screenshot({ path: path.join(RESULTS, "debugger-failure.png") }).catch(() => {});
      const sidebar = await nb.page.locator("#jp-debugger-sidebar").innerHTML().catch(() => "");
      writeFileSync(path.join(RESULTS, "debugger-sidebar.html"), sidebar);
      writeFileSync(path.join(RESULTS, "debugger-jupyterlab.log"), lab.log);
      throw new Error(`${(error as Error).message}\n--- browser console ---\n${nb.console.slice(-40).join("\n")}\n--- log ---\n${lab.log.slice(-4000)}`, { cause: error });
    }
  } finally {
    await browser.close().catch(() => {});
    if (lab) assert.deepEqual(await lab.stop(), [], "no kernel left");
  }
});
