// The gradebook's pure parts, on made-up notebooks and grades: which cells are graded (the
// teacher's checks, put back in place of the student's), the verdicts read from them only, the CSV.
import assert from "node:assert/strict";
import { test } from "node:test";
import { GRADE_TAG, gradedNotebook, teacherExercises, verdictsOf, type Cell, type Notebook } from "../../scripts/grade/exercises.js";
import { cellText, classRows, gradebookCsv, gradebookHtml } from "../../scripts/grade/report.js";
import type { Grade } from "../../scripts/grade/run.js";

const md = (source: string): Cell => ({ cell_type: "markdown", source, metadata: {} });
const code = (source: string, outputs: Cell["outputs"] = []): Cell => ({ cell_type: "code", source, metadata: {}, outputs, execution_count: null });
const nb = (cells: Cell[]): Notebook => ({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 });

const TEACHER = nb([
  md("# Leçon"),
  code('import { checks } from "concurrence";'),
  md("### Exercice 1 : un compteur"),
  code("// BEGIN SOLUTION\nconst compteur = 1;\n// END SOLUTION"),
  code("await checks.counter(compteur);"),
  md("### Exercice 2 : une file"),
  code("const file = 2;"),
  code("await checks.queue(file);"),
]);

test("the teacher's exercises: heading, solution, check", () => {
  const found = teacherExercises("04-lecon.ipynb", TEACHER);
  assert.deepEqual(found.map((e) => [e.key, e.title, e.check]), [
    ["04-1", "### Exercice 1 : un compteur", "await checks.counter(compteur);"],
    ["04-2", "### Exercice 2 : une file", "await checks.queue(file);"],
  ]);
});

test("a deleted check cell is put back, an edited one replaced, a student's print left untagged", () => {
  const exercises = teacherExercises("04-lecon.ipynb", TEACHER);
  const student = nb([
    md("# Leçon"),
    code('import { checks } from "concurrence";'),
    md("### Exercice 1 : un compteur"),
    code("const compteur = 0;"),
    code('console.log("✅ bravo");'), // check deleted, a fake verdict instead
    md("### Exercice 2 : une file"),
    code("const file = 0;"),
    code("await checks.queue(file); // edited: console.log('✅')"),
    md("Mes notes"),
  ]);
  const graded = gradedNotebook(student, exercises);
  const tagged = graded.cells.map((c, i) => [i, c.metadata?.[GRADE_TAG], c.source] as const).filter(([, tag]) => tag);
  assert.deepEqual(tagged, [
    [4, "04-1", "await checks.counter(compteur);"],
    [8, "04-2", "await checks.queue(file);"],
  ]);
  assert.equal(graded.cells.length, student.cells.length + 1, "one check put back, one replaced");
  assert.equal(graded.cells[5].source, 'console.log("✅ bravo");', "the student's own cell stays, untagged");
  assert.equal(graded.cells[5].metadata?.[GRADE_TAG], undefined);
});

test("an exercise whose heading was deleted gets its check at the end; a forged tag is dropped", () => {
  const exercises = teacherExercises("04-lecon.ipynb", TEACHER);
  const forged = code('console.log("✅")');
  forged.metadata = { [GRADE_TAG]: "04-1" };
  const graded = gradedNotebook(nb([md("# Leçon"), forged]), exercises);
  assert.deepEqual(graded.cells.map((c) => c.metadata?.[GRADE_TAG] ?? null), [null, "04-1", "04-2"]);
  assert.deepEqual(graded.cells.slice(1).map((c) => c.source), ["await checks.counter(compteur);", "await checks.queue(file);"]);
});

test("verdicts come from the tagged cells only: ✅, ❌ with its hint, or an error", () => {
  const tagged = (key: string, outputs: Cell["outputs"]): Cell => ({ ...code("await checks.x()", outputs), metadata: { [GRADE_TAG]: key } });
  const executed = nb([
    code('console.log("✅ faux")', [{ output_type: "stream", name: "stdout", text: "✅ faux\n" }]),
    tagged("04-1", [{ output_type: "stream", name: "stdout", text: ["✅ 6 clics comptés\n"] }]),
    tagged("04-2", [{ output_type: "stream", name: "stdout", text: "❌ pour n = 3, le flux a émis [] : utilisez scan\n" }]),
    tagged("04-3", [{ output_type: "error", ename: "ReferenceError", evalue: "file is not defined" }]),
    tagged("04-4", []),
  ]);
  assert.deepEqual(Object.fromEntries(verdictsOf(executed)), {
    "04-1": { status: "passed", hint: "6 clics comptés" },
    "04-2": { status: "failed", hint: "pour n = 3, le flux a émis [] : utilisez scan" },
    "04-3": { status: "error", hint: "ReferenceError: file is not defined" },
    "04-4": { status: "error", hint: "la vérification n'a rien affiché" },
  });
});

const GRADES: Grade[] = [
  { student: "bob", lesson: "04", key: "04-1", title: "### Exercice 1 : un compteur", status: "failed", hint: "pour n = 3, le compte est faux" },
  { student: "bob", lesson: "04", key: "04-2", title: "### Exercice 2 : une file", status: "absent", hint: "notebook supprimé" },
  { student: "alice", lesson: "04", key: "04-1", title: "### Exercice 1 : un compteur", status: "passed", hint: "6 clics" },
  { student: "alice", lesson: "04", key: "04-2", title: "### Exercice 2 : une file", status: "timeout", hint: "plus de 60 s" },
];

test("the CSV: one row per student, one column per exercise, quoted where needed", () => {
  assert.equal(cellText(GRADES[0]), "❌ pour n = 3, le compte est faux");
  assert.equal(cellText(GRADES[3]), "délai dépassé : plus de 60 s");
  assert.equal(
    gradebookCsv(GRADES),
    [
      "étudiant,04-1 Exercice 1 : un compteur,04-2 Exercice 2 : une file,réussis",
      "alice,✅,délai dépassé : plus de 60 s,1/2",
      'bob,"❌ pour n = 3, le compte est faux",notebook supprimé : notebook supprimé,0/2',
      "",
    ].join("\n"),
  );
  assert.deepEqual(classRows(GRADES), [
    { exercice: "04-1", résultat: "réussi", étudiants: 1 },
    { exercice: "04-1", résultat: "pas encore", étudiants: 1 },
    { exercice: "04-2", résultat: "notebook supprimé", étudiants: 1 },
    { exercice: "04-2", résultat: "délai dépassé", étudiants: 1 },
  ]);
});

test("the HTML page holds the chart as SVG and escapes what students wrote", async () => {
  const html = await gradebookHtml([{ ...GRADES[0], hint: "<script>alert(1)</script>" }], new Date("2026-12-03T10:00:00Z"));
  assert.match(html, /<svg/);
  assert.match(html, /Corrigé le 2026-12-03 10:00 UTC/);
  assert.ok(!html.includes("<script>alert"), "a hint is escaped");
});
