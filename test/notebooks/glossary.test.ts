// One term per concept: the glossary of 00-sommaire is a table (terme | définition | à éviter),
// and no notebook may use a variant of its "à éviter" column, in its markdown or in a string of
// its code. A variant is written « … » in that column; « … » after « sauf » are the uses of that
// word that stay right (« rend » is wrong for a function's value, « rend la main » is right).
// CONCURRENCE_NOTEBOOKS=01,02 limits the notebooks checked, as in notebooks.test.ts.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { NOTEBOOKS } from "../../scripts/paths.js";
import { sourceOf, type Notebook } from "./outputs.js";

const SUMMARY = "00-sommaire.ipynb";
const read = (name: string) => JSON.parse(readFileSync(path.join(NOTEBOOKS, name), "utf8")) as Notebook;

interface Rule {
  term: string;
  avoid: string[];
  except: string[];
}

const quoted = (text: string) => [...text.matchAll(/«\s*([^»]+?)\s*»/g)].map((m) => m[1].toLowerCase());

/** The glossary's rows, read from the table under the heading « Glossaire » of 00. */
export function glossaryRules(nb: Notebook): Rule[] {
  const cell = nb.cells.find((c) => c.cell_type === "markdown" && /^#+\s*Glossaire/m.test(sourceOf(c)));
  assert.ok(cell, `${SUMMARY} has a « Glossaire » section`);
  const lines = sourceOf(cell).split("\n").filter((l) => l.trim().startsWith("|"));
  const cells = (line: string) => line.trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim());
  const header = cells(lines[0]).map((h) => h.toLowerCase());
  const column = header.findIndex((h) => h.includes("à éviter"));
  assert.ok(column >= 0, `the glossary's table has an « à éviter » column: ${header.join(" | ")}`);
  return lines.slice(2).map((line) => {
    const row = cells(line);
    const [avoid, except = ""] = (row[column] ?? "").split(/\bsauf\b/);
    return { term: row[0], avoid: quoted(avoid), except: quoted(except) };
  });
}

/** The strings of a code cell: "…", '…' and `…` literals (template holes included, which is harmless). */
export function codeStrings(code: string): string[] {
  return [...code.matchAll(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g)].map((m) => m[0]);
}

const LETTER = "[\\p{L}\\p{N}_]";
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Where `text` uses a variant to avoid, outside the rule's exceptions. */
export function misuses(text: string, rules: Rule[]): Array<{ word: string; term: string; context: string }> {
  const found: Array<{ word: string; term: string; context: string }> = [];
  const lower = text.toLowerCase();
  for (const rule of rules) {
    for (const word of rule.avoid) {
      const pattern = new RegExp(`(?<!${LETTER})${escape(word).replace(/\s+/g, "\\s+")}(?!${LETTER})`, "gu");
      for (const m of lower.matchAll(pattern)) {
        const at = m.index ?? 0;
        if (rule.except.some((e) => lower.slice(at).replace(/\s+/g, " ").startsWith(e))) continue;
        found.push({ word, term: rule.term, context: text.slice(Math.max(0, at - 30), at + word.length + 30).replace(/\s+/g, " ") });
      }
    }
  }
  return found;
}

/** The glossary's cell, less its « à éviter » column (the last one). */
function withoutAvoidColumn(markdown: string): string {
  return markdown.split("\n").map((line) => (line.trim().startsWith("|") ? line.replace(/\|[^|]*\|\s*$/, "|") : line)).join("\n");
}

const only = process.env.CONCURRENCE_NOTEBOOKS?.split(",").filter(Boolean);
const notebooks = readdirSync(NOTEBOOKS)
  .filter((f) => f.endsWith(".ipynb") && (!only || only.some((part) => f.includes(part))))
  .sort();
const rules = glossaryRules(read(SUMMARY));

test("the glossary of 00 holds the course's terms, each with its variants to avoid", () => {
  const terms = rules.map((r) => r.term.toLowerCase()).join(" ; ");
  for (const term of ["minuteur", "situation de compétition", "renvoie", "cœur", "tenue", "voie", "interblocage actif", "famine", "entrelacement", "ordonnanceur", "préemptif", "section critique", "exclusion mutuelle", "contre-pression", "accélération", "passage à l'échelle", "multitraitement", "boucle d'événements", "tâche"]) {
    assert.ok(terms.includes(term), `the glossary defines « ${term} »`);
  }
  const avoided = rules.flatMap((r) => r.avoid);
  for (const variant of ["minuterie", "condition de concurrence", "condition de course", "rend", "promesse résolue"]) {
    assert.ok(avoided.includes(variant), `the glossary says to avoid « ${variant} »`);
  }
});

test("the glossary's own test reads variants, exceptions and code strings as meant", () => {
  const sample: Rule[] = [{ term: "renvoie", avoid: ["rend"], except: ["rend la main"] }, { term: "minuteur", avoid: ["minuterie"], except: [] }];
  assert.deepEqual(misuses("La fonction rend la liste.", sample).map((m) => m.word), ["rend"]);
  assert.deepEqual(misuses("Elle rend la main ; le rendu ; se rendre.", sample), []);
  assert.deepEqual(misuses("Une Minuterie, des minuteries.", sample).map((m) => m.word), ["minuterie"]);
  assert.deepEqual(codeStrings('const a = "une minuterie"; // rend\nconst b = `x ${y} z`;'), ['"une minuterie"', "`x ${y} z`"]);
});

for (const name of notebooks) {
  test(`${name} uses the glossary's terms, none of their variants to avoid`, () => {
    const nb = read(name);
    const problems: string[] = [];
    nb.cells.forEach((cell, index) => {
      let texts = cell.cell_type === "markdown" ? [sourceOf(cell)] : cell.cell_type === "code" ? codeStrings(sourceOf(cell)) : [];
      if (name === SUMMARY && /^#+\s*Glossaire/m.test(texts[0] ?? "")) texts = [withoutAvoidColumn(texts[0])]; // the variants are named there
      for (const text of texts) {
        for (const m of misuses(text, rules)) problems.push(`${name}, cell ${index}: « ${m.word} » (say « ${m.term} ») in “…${m.context}…”`);
      }
    });
    assert.deepEqual(problems, []);
  });
}
