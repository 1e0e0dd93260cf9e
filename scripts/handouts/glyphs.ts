// Every character of a handout prints as a glyph: the ✅ and ❌ of the checks come from an
// embedded font (Noto Emoji, from the npm package @fontsource/noto-emoji, so it works offline),
// inlined into the HTML for just the characters that need it; a character that no installed or
// embedded font has stops the export, named, instead of printing as an empty box.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../atomic.js";
import { PROJECT_ROOT } from "../paths.js";
import { HandoutError, messages } from "./messages.js";

interface FontLike {
  hasGlyphForCodePoint(codePoint: number): boolean;
  fonts?: FontLike[];
}
const fontkit = require("fontkit") as { openSync(file: string): FontLike };

/** The family name the embedded faces get: first in the stacks, for the listed characters only (unicode-range). */
export const SYMBOL_FAMILY = "Concurrence Symboles";

/** Characters that draw nothing by themselves: spaces, controls, joiners, variation selectors. */
function invisible(cp: number): boolean {
  return cp <= 0x20 || (cp >= 0x7f && cp <= 0xa0) || (cp >= 0x200b && cp <= 0x200f) || cp === 0x2028 || cp === 0x2029 || cp === 0x2060 ||
    cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x00ad || (cp >= 0xe0000 && cp <= 0xe007f);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** The text a reader sees in an HTML page: no tags (nor their attributes), no style or script, entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<(style|script)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === "#") return String.fromCodePoint(name[1].toLowerCase() === "x" ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? entity;
    });
}

let installed: FontLike[] | undefined;
/** The fonts Chromium can fall back on here: every file fontconfig lists. */
function installedFonts(): FontLike[] {
  if (installed) return installed;
  const list = spawnSync("fc-list", ["--format", "%{file}\\n"], { encoding: "utf8" });
  const files = list.status === 0 ? [...new Set(list.stdout.split("\n").filter(Boolean))] : [];
  installed = files.flatMap((file) => {
    try {
      const font = fontkit.openSync(file);
      return font.fonts ?? [font];
    } catch {
      return []; // a font fontkit cannot read: Chromium may not use it either
    }
  });
  return installed;
}

interface Face {
  file: string;
  font: FontLike;
}
let faces: Face[] | undefined;
/** The subsets of Noto Emoji the package ships, regular weight, as woff2 files. */
function symbolFaces(): Face[] {
  if (faces) return faces;
  let css: string;
  let dir: string;
  try {
    dir = path.dirname(require.resolve("@fontsource/noto-emoji/package.json", { paths: [PROJECT_ROOT] }));
    css = readFileSync(path.join(dir, "400.css"), "utf8");
  } catch {
    throw new HandoutError(messages.noSymbolFont);
  }
  faces = [...css.matchAll(/url\(\.\/(files\/[^)]+\.woff2)\)/g)].map((m) => {
    const file = path.join(dir, m[1]);
    return { file, font: fontkit.openSync(file) };
  });
  return faces;
}

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;

/** Which characters of `text` need an embedded face (by file), and which no font has. */
export function glyphPlan(text: string): { embed: Map<string, number[]>; missing: number[] } {
  const embed = new Map<string, number[]>();
  const missing: number[] = [];
  const fonts = installedFonts();
  for (const cp of new Set([...text].map((c) => c.codePointAt(0)!))) {
    if (invisible(cp) || fonts.some((f) => f.hasGlyphForCodePoint(cp))) continue;
    const face = symbolFaces().find((f) => f.font.hasGlyphForCodePoint(cp));
    if (!face) missing.push(cp);
    else embed.set(face.file, [...(embed.get(face.file) ?? []), cp]);
  }
  return { embed, missing: missing.sort((a, b) => a - b) };
}

/** The CSS that declares the embedded faces and puts them first in the page's font stacks. */
export function symbolCss(html: string, embed: Map<string, number[]>): string {
  const faceRules = [...embed].map(([file, cps]) =>
    `@font-face { font-family: "${SYMBOL_FAMILY}"; src: url(data:font/woff2;base64,${readFileSync(file).toString("base64")}) format("woff2"); ` +
    `unicode-range: ${cps.map(hex).join(", ")}; }`);
  // JupyterLab's and reveal.js's stacks, as the page defines them, with the symbols first.
  const defaults: Record<string, string> = {
    "--jp-content-font-family": "system-ui, -apple-system, blinkmacsystemfont, 'Segoe UI', helvetica, arial, sans-serif",
    "--jp-ui-font-family": "system-ui, -apple-system, blinkmacsystemfont, 'Segoe UI', helvetica, arial, sans-serif",
    "--jp-code-font-family": "menlo, consolas, 'DejaVu Sans Mono', monospace",
    "--r-main-font": "Source Sans Pro, Helvetica, sans-serif",
    "--r-code-font": "monospace",
  };
  const vars = Object.entries(defaults).map(([name, fallback]) => {
    // An earlier embedding (a booklet reuses a lesson's head) already put the symbols first: not twice.
    const found = new RegExp(`${name}:\\s*([^;}]+)[;}]`).exec(html)?.[1]?.trim().replace(`"${SYMBOL_FAMILY}", `, "");
    return `${name}: "${SYMBOL_FAMILY}", ${found || fallback};`;
  });
  return `<style type="text/css" id="concurrence-symbols">\n${faceRules.join("\n")}\n:root { ${vars.join(" ")} }\n</style>\n`;
}

/**
 * Makes every character of an exported HTML file printable: embeds the faces its symbols need,
 * or throws a HandoutError naming the characters no font has. Gives the characters embedded.
 */
export function embedSymbolFont(htmlFile: string): number[] {
  const html = readFileSync(htmlFile, "utf8");
  const { embed, missing } = glyphPlan(visibleText(html));
  if (missing.length > 0) {
    throw new HandoutError(messages.noGlyph(path.basename(htmlFile), missing.map((cp) => `« ${String.fromCodePoint(cp)} » (${hex(cp)})`).join(", ")));
  }
  if (embed.size === 0) return [];
  const css = symbolCss(html, embed);
  const at = html.search(/<\/head>/i);
  writeFileAtomic(htmlFile, at < 0 ? css + html : html.slice(0, at) + css + html.slice(at));
  return [...embed.values()].flat();
}
