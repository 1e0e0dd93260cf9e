// The gradebook: a CSV (one row per student, one column per exercise) and a self-contained
// HTML page with the class's results per exercise as a vega-lite chart (rendered to SVG).
import { bars } from "../../src/plot/builders.js";
import { renderSvg } from "../../src/plot/svg.js";
import type { Grade, Status } from "./run.js";

export const LABELS: Record<Status, string> = {
  passed: "réussi",
  failed: "pas encore",
  error: "erreur",
  absent: "notebook supprimé",
  timeout: "délai dépassé",
  crashed: "échec de l'exécution",
};

/** What a cell of the gradebook says: ✅, or ❌ and the hint, or why there is no verdict. */
export function cellText(grade: Grade): string {
  if (grade.status === "passed") return "✅";
  if (grade.status === "failed") return `❌ ${grade.hint}`;
  return `${LABELS[grade.status]} : ${grade.hint}`;
}

function columns(grades: Grade[]): Array<{ key: string; title: string }> {
  const seen = new Map<string, string>();
  for (const g of grades) if (!seen.has(g.key)) seen.set(g.key, g.title.replace(/^#+\s*/, ""));
  return [...seen].map(([key, title]) => ({ key, title }));
}

function students(grades: Grade[]): string[] {
  return [...new Set(grades.map((g) => g.student))].sort();
}

function csvField(value: string): string {
  return /[",\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function gradebookCsv(grades: Grade[]): string {
  const cols = columns(grades);
  const lines = [["étudiant", ...cols.map((c) => `${c.key} ${c.title}`), "réussis"].map(csvField).join(",")];
  for (const student of students(grades)) {
    const mine = new Map(grades.filter((g) => g.student === student).map((g) => [g.key, g]));
    const cells = cols.map((c) => (mine.has(c.key) ? cellText(mine.get(c.key)!) : ""));
    const passed = [...mine.values()].filter((g) => g.status === "passed").length;
    lines.push([student, ...cells, `${passed}/${cols.length}`].map(csvField).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** Students per exercise and result, for the chart. */
export function classRows(grades: Grade[]): Array<{ exercice: string; résultat: string; étudiants: number }> {
  const rows: Array<{ exercice: string; résultat: string; étudiants: number }> = [];
  for (const c of columns(grades)) {
    for (const status of Object.keys(LABELS) as Status[]) {
      const count = grades.filter((g) => g.key === c.key && g.status === status).length;
      if (count > 0) rows.push({ exercice: c.key, résultat: LABELS[status], étudiants: count });
    }
  }
  return rows;
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

export async function gradebookHtml(grades: Grade[], when: Date): Promise<string> {
  const cols = columns(grades);
  const spec = bars(classRows(grades), { x: "exercice", y: "étudiants", color: "résultat", yTitle: "étudiants", title: "Résultats de la classe par exercice" });
  const svg = await renderSvg(spec);
  const head = cols.map((c) => `<th title="${escape(c.title)}">${escape(c.key)}</th>`).join("");
  const body = students(grades)
    .map((student) => {
      const mine = new Map(grades.filter((g) => g.student === student).map((g) => [g.key, g]));
      const cells = cols.map((c) => {
        const g = mine.get(c.key);
        return g ? `<td class="${g.status}" title="${escape(g.hint)}">${escape(cellText(g))}</td>` : "<td></td>";
      });
      return `<tr><th>${escape(student)}</th>${cells.join("")}</tr>`;
    })
    .join("\n");
  const legend = cols.map((c) => `<li><b>${escape(c.key)}</b> ${escape(c.title)}</li>`).join("");
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Carnet de notes</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top;max-width:28em}
.passed{background:#e6f4ea}.failed{background:#fdecea}.error,.crashed,.timeout{background:#fff4e5}.absent{background:#eee}</style></head>
<body><h1>Carnet de notes</h1><p>Corrigé le ${escape(when.toISOString().slice(0, 16).replace("T", " "))} UTC : ${students(grades).length} étudiant(s), ${cols.length} exercice(s).</p>
<figure>${svg}</figure>
<ul>${legend}</ul>
<table><thead><tr><th>étudiant</th>${head}</tr></thead><tbody>
${body}
</tbody></table>
<script type="application/json" id="vega-lite-spec">${JSON.stringify(spec).replace(/</g, "\\u003c")}</script>
</body></html>
`;
}
