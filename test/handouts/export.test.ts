// Handouts: an executed notebook becomes a self-contained HTML file and a PDF.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../../scripts/paths.js";
import { exportHandout } from "../../scripts/handouts.js";
import { CHROMIUM, skipWithout } from "../helpers/optional.js";
import { openPrintView, overflowingElements, startChromium } from "../../scripts/handouts/chromium.js";

const FIXTURE = path.join(PROJECT_ROOT, "test", "fixtures", "handout", "handout.ipynb");
const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

test("a notebook exports to HTML with inline SVG plots and to PDF, fetching nothing", { timeout: 180_000 }, async (t) => {
  if (skipWithout(t, CHROMIUM)) return;
  const out = mkdtempSync(path.join(os.tmpdir(), "concurrence-handout-"));
  const before = digest(FIXTURE);
  try {
    const result = await exportHandout(FIXTURE, out);
    const html = result.converted[0].html!;
    const pdf = result.pdfs[0];
    assert.equal(digest(FIXTURE), before, "the source notebook is untouched");

    const page = readFileSync(html, "utf8");
    assert.doesNotMatch(page, /<(script|link|img)\b[^>]*\b(src|href)="https?:/i, "no resource is fetched from the network");
    assert.doesNotMatch(page, /application\/vnd\.vegalite/, "plots are kept as SVG only");
    const svgImages = page.match(/src="data:image\/svg\+xml;base64,/g) ?? [];
    assert.equal(svgImages.length, 2, "the markdown image and the plot are both inline");
    const [, alt, base64] = /data-mime-type="image\/svg\+xml"[^>]*>\s*<img alt="([^"]*)" src="data:image\/svg\+xml;base64,([^"]+)"/.exec(page) ?? [];
    assert.equal(alt, "&lt;vega-lite chart: Temps mesuré, 2 points&gt;", "the plot's text is its alternative text");
    assert.match(Buffer.from(base64, "base64").toString(), /Temps mesuré/);
    assert.match(page, /Élèves, « guillemets » et accents/);
    assert.match(page, /href="02-suite\.html"/, "links to notebooks lead to their handouts");
    assert.match(page, /<table class="concurrence-table">/);

    const document = readFileSync(pdf);
    assert.equal(document.subarray(0, 5).toString(), "%PDF-");
    assert.ok((document.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length >= 1, "the PDF has pages");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("exporting something that is not a notebook says so", async () => {
  await assert.rejects(exportHandout(path.join(PROJECT_ROOT, "README.md"), os.tmpdir()), /not a notebook|pas un notebook/);
});

test("without Chromium, the HTML is still written and the run says how to get the PDF, at once", { timeout: 180_000 }, () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "concurrence-nochromium-"));
  try {
    const cli = path.join(PROJECT_ROOT, "dist", "scripts", "handouts.js");
    const run = spawnSync(process.execPath, [cli, "--out", out, FIXTURE], { encoding: "utf8", timeout: 150_000, env: { ...process.env, CHROMIUM: "/nonexistent/chromium" } });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(existsSync(path.join(out, "handout.html")), "the HTML is written");
    assert.equal(existsSync(path.join(out, "handout.pdf")), false);
    const said = run.stdout + run.stderr;
    assert.match(said, /Chromium/);
    assert.match(said, /apt-get install chromium/);
    assert.match(said, /CHROMIUM=/);
    assert.match(said, /handout\.pdf/, "it names the PDF that is missing");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("the print-view layout check finds what runs off the page, and passes a page that fits", { timeout: 60_000 }, async (t) => {
  if (skipWithout(t, CHROMIUM)) return;
  const dir = mkdtempSync(path.join(os.tmpdir(), "concurrence-layout-"));
  const started = await startChromium();
  assert.ok("browser" in started, "missing" in started ? started.missing : "");
  try {
    const wide = path.join(dir, "wide.html");
    writeFileSync(wide, `<div class="jp-OutputArea-output" style="overflow-x:auto"><img alt="chart" width="1400" height="10" src="data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="10"/>').toString("base64")}"></div>`);
    const narrow = path.join(dir, "narrow.html");
    writeFileSync(narrow, `<div class="jp-OutputArea-output"><pre>short</pre></div>`);
    for (const [file, expected] of [[wide, true], [narrow, false]] as const) {
      const page = await openPrintView(started.browser, file);
      try {
        assert.equal((await overflowingElements(page)).length > 0, expected, file);
      } finally {
        await page.close();
      }
    }
  } finally {
    await started.browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
