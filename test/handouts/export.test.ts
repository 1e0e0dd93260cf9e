// Handouts: an executed notebook becomes a self-contained HTML file and a PDF.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../../scripts/paths.js";
import { exportHandout } from "../../scripts/handouts.js";

const FIXTURE = path.join(PROJECT_ROOT, "test", "fixtures", "handout", "handout.ipynb");
const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

test("a notebook exports to HTML with inline SVG plots and to PDF, fetching nothing", { timeout: 180_000 }, async () => {
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
