// Every verdict prints as a glyph: ✅ and ❌ come from an embedded font, and a character that no
// font has stops the export, named. The fixtures are exported; notebooks/ is not touched.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../../scripts/paths.js";
import { exportHandout } from "../../scripts/handouts.js";
import { embedSymbolFont, glyphPlan, SYMBOL_FAMILY, visibleText } from "../../scripts/handouts/glyphs.js";
import { HandoutError } from "../../scripts/handouts/messages.js";
import { pdfPages } from "./pdf.js";

const FIXTURES = path.join(PROJECT_ROOT, "test", "fixtures", "handout");

test("the visible text of a page: no tags, styles or scripts, entities decoded", () => {
  const html = `<style>.a{content:"✅"}</style><script>"❌"</script><p title="𓀀">d&eacute;j&agrave; &amp; &#x2705; &#10060; <b>x</b></p>`;
  assert.equal(visibleText(html).replace(/\s+/g, " ").trim(), "d&eacute;j&agrave; & ✅ ❌ x");
});

test("✅ and ❌ need the embedded font; letters do not; a hieroglyph has no font at all", () => {
  const plan = glyphPlan("Élève : ✅ juste, ❌ faux, « guillemets » — fin.");
  assert.deepEqual([...plan.embed.values()].flat().sort((a, b) => a - b), [0x2705, 0x274c]);
  assert.deepEqual(plan.missing, []);
  assert.deepEqual(glyphPlan("un 𓀀 ici").missing, [0x13000]);
  assert.equal(glyphPlan("plain text, accents éàç").embed.size, 0);
});

test("embedSymbolFont inlines just the faces needed, first in the stacks; refuses a character without a glyph", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "concurrence-glyphs-"));
  try {
    const page = path.join(dir, "page.html");
    writeFileSync(page, `<html><head><style>:root { --jp-code-font-family: menlo, monospace; }</style></head><body><pre>✅ bien</pre></body></html>`);
    assert.deepEqual(embedSymbolFont(page), [0x2705]);
    const html = readFileSync(page, "utf8");
    assert.match(html, new RegExp(`@font-face \\{ font-family: "${SYMBOL_FAMILY}"; src: url\\(data:font/woff2;base64,[A-Za-z0-9+/=]+\\) format\\("woff2"\\); unicode-range: U\\+2705; \\}`));
    assert.match(html, new RegExp(`--jp-code-font-family: "${SYMBOL_FAMILY}", menlo, monospace;`));
    writeFileSync(page, html.replace("✅ bien", "✅ bien ❌ faux")); // a booklet reuses a lesson's head, then embeds again
    assert.deepEqual(embedSymbolFont(page).sort((x, y) => x - y), [0x2705, 0x274c]);
    assert.doesNotMatch(readFileSync(page, "utf8"), new RegExp(`"${SYMBOL_FAMILY}", "${SYMBOL_FAMILY}"`), "the symbols are not put first twice");
    const bad = path.join(dir, "bad.html");
    writeFileSync(bad, "<html><head></head><body>✅ et 𓀀</body></html>");
    assert.throws(() => embedSymbolFont(bad), (e: unknown) => e instanceof HandoutError && /« 𓀀 » \(U\+13000\)/.test(e.message) && /bad\.html/.test(e.message));
    assert.equal(readFileSync(bad, "utf8"), "<html><head></head><body>✅ et 𓀀</body></html>", "a refused page is left as it was");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the PDF of a notebook that prints verdicts embeds Noto Emoji, and ✅ and ❌ come out as text", { timeout: 240_000 }, async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "concurrence-verdicts-"));
  try {
    const result = await exportHandout(path.join(FIXTURES, "verdicts.ipynb"), out);
    const pdf = result.pdfs[0];
    assert.ok(pdf, `a PDF was printed: ${JSON.stringify(result)}`);
    const fonts = spawnSync("pdffonts", [pdf], { encoding: "utf8" });
    assert.equal(fonts.status, 0, fonts.stderr);
    assert.match(fonts.stdout, /NotoEmoji/i, `the embedded font is in the PDF:\n${fonts.stdout}`);
    const text = pdfPages(pdf).join("\n");
    assert.match(text, /✅ juste/);
    assert.match(text, /❌ faux : un indice/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("the export refuses a notebook with a character that no font has, and names it", { timeout: 240_000 }, async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "concurrence-noglyph-"));
  try {
    await assert.rejects(exportHandout(path.join(FIXTURES, "no-glyph.ipynb"), out), (e: unknown) => e instanceof HandoutError && /« 𓀀 » \(U\+13000\)/.test((e as Error).message));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
