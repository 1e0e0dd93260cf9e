// A cell that fails at run time keeps the names it bound before the error, as in IPython; a name
// it never reached says which cell failed, and where; a cell that fails to type-check binds nothing.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { KernelSession, type Execution } from "../helpers/kernel.js";

let kernel: KernelSession;
after(() => kernel.shutdown());

const FAILS_LAST_LINE = 'import { cpuCount } from "concurrence";\nconst n = cpuCount();\nthrow new Error("oups");';
const FAILS_IN_LOOP = "let compteur = 0;\nfor (const x of [1, 2, 3]) {\n  compteur += x;\n  if (x === 2) JSON.parse('{');\n}";

function text(run: Execution): string {
  const result = run.outputs.find((o) => o.msg_type === "execute_result");
  return String((result?.content.data as Record<string, unknown> | undefined)?.["text/plain"] ?? "");
}

function failure(run: Execution): string {
  return `${String(run.reply.ename)}: ${String(run.reply.evalue)}\n${((run.reply.traceback as string[]) ?? []).join("\n")}`;
}

before(async () => {
  kernel = await KernelSession.start(undefined, { CONCURRENCE_LANG: "" });
  const first = await kernel.execute(FAILS_LAST_LINE);
  assert.equal(first.reply.status, "error", "the cell fails on its last line");
  assert.equal(first.reply.evalue, "oups");
  const second = await kernel.execute(FAILS_IN_LOOP);
  assert.equal(second.reply.ename, "SyntaxError", failure(second));
});

test("an import made before the error stays usable and typed: cpuCount() gives a number", { timeout: 60_000 }, async () => {
  const run = await kernel.execute("const cpus: number = cpuCount();\ncpus");
  assert.equal(run.reply.status, "ok", `${failure(run)}\n${kernel.log}`);
  assert.match(text(run), /^[1-9]\d*$/);
});

test("a constant assigned before the error keeps its value and its type: n", { timeout: 60_000 }, async () => {
  const run = await kernel.execute("n.toFixed(0)");
  assert.equal(run.reply.status, "ok", failure(run));
  const cpus = await kernel.execute("cpuCount()");
  assert.equal(text(run), `'${text(cpus)}'`);
  const typed = await kernel.execute("const s: string = n;");
  assert.equal(typed.reply.ename, "TypeScriptError", "n is typed number: assigning it to a string is refused");
});

test("a variable updated in a loop keeps the value it had when the loop failed: compteur", { timeout: 60_000 }, async () => {
  const run = await kernel.execute("compteur");
  assert.equal(run.reply.status, "ok", failure(run));
  assert.equal(text(run), "3", "1 + 2: the error came in the second turn, after the addition");
});

test("a name the cell never reached says the cell failed before defining it, and at which line", { timeout: 60_000 }, async () => {
  const failed = await kernel.execute('const avant = 1;\nfunction aide() { return avant; }\nnull.toString();\nconst apres = aide() + 1;'.replace("null", "(null as any)"));
  assert.equal(failed.reply.ename, "TypeError");
  const count = failed.reply.execution_count as number;
  const reached = await kernel.execute("aide()");
  assert.equal(text(reached), "1", "a function declared before the error is bound");
  const run = await kernel.execute("apres + 1");
  assert.equal(run.reply.ename, "ReferenceError", failure(run));
  assert.equal(
    run.reply.evalue,
    `« apres » n'a pas de valeur : la cellule In[${count}] a échoué à la ligne 3 avant d'arriver à sa définition. ` +
      "Corrigez cette cellule et ré-exécutez-la (les noms définis avant l'erreur sont, eux, utilisables).",
  );
  const fixed = await kernel.execute("const apres = aide() + 1;\napres");
  assert.equal(text(fixed), "2", "defining it again makes it usable");
});

test("a cell that fails to type-check defines nothing", { timeout: 60_000 }, async () => {
  const failed = await kernel.execute('const jamais = 1;\nconst faux: number = "texte";');
  assert.equal(failed.reply.ename, "TypeScriptError");
  assert.match(String(failed.reply.evalue), /^2:7 - Impossible d'assigner le type 'string' au type 'number'/, "French diagnostics, from the worker thread");
  const run = await kernel.execute("jamais");
  assert.equal(run.reply.ename, "TypeScriptError", failure(run));
  assert.match(String(run.reply.evalue), /jamais/);
});

test("in English, the never-reached name's message is English", { timeout: 60_000 }, async () => {
  const english = await KernelSession.start(undefined, { CONCURRENCE_LANG: "en" });
  try {
    const failed = await english.execute('throw new Error("stop");\nconst later = 1;');
    const count = failed.reply.execution_count as number;
    const run = await english.execute("later");
    assert.equal(
      run.reply.evalue,
      `'later' has no value: cell In[${count}] failed at line 1 before reaching its definition. ` +
        "Fix that cell and run it again (the names defined before the error can be used).",
    );
  } finally {
    await english.shutdown();
  }
});
