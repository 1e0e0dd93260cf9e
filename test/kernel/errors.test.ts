// Errors a student can read: a runtime error at the cell's TypeScript line, with the line and a
// caret, in the main thread and in a worker, naming the cell that defined the function.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import os from "node:os";
import { hintFor } from "../../kernel/hints.js";
import { KernelSession } from "../helpers/kernel.js";

let kernel: KernelSession;
before(async () => (kernel = await KernelSession.start(undefined, { CONCURRENCE_LANG: "" })));
after(() => kernel.shutdown());

const BOOM = "const a = 1;\n\nfunction boom(x: number) {\n  if (x > 0) throw new Error('boom here');\n  return x;\n}\nboom(2);";

function traceback(reply: Record<string, unknown>): string[] {
  return reply.traceback as string[];
}

test("a runtime error names the cell's line 4, quotes it with a caret, and shows no evalmachine", { timeout: 60_000 }, async () => {
  const run = await kernel.execute(BOOM);
  assert.equal(run.reply.status, "error");
  const lines = traceback(run.reply);
  const count = run.reply.execution_count as number;
  const at = lines.indexOf(`Cellule In[${count}], ligne 4, dans boom`);
  assert.ok(at > 0, lines.join("\n"));
  assert.equal(lines[at + 1], "   4 |   if (x > 0) throw new Error('boom here');");
  assert.equal(lines[at + 2], `     | ${" ".repeat(19)}^`, "under `new Error`, where V8 places the frame");
  const call = lines.indexOf(`Cellule In[${count}], ligne 7`);
  assert.ok(call > at, lines.join("\n"));
  assert.deepEqual(lines.slice(call + 1, call + 3), ["   7 | boom(2);", "     | ^"], "the caret under the call");
  assert.ok(!lines.some((line) => /evalmachine|tslab|node:internal|dist[\\/]kernel/.test(line)), lines.join("\n"));
  assert.equal(lines[0], "Error: boom here");
});

test("an error at cell line 4 inside a function run by ThreadPool.map names line 4", { timeout: 60_000 }, async () => {
  const code = [
    'import { ThreadPool } from "concurrence";',
    "const pool = new ThreadPool({ workers: 1 });",
    "function check(x: number): number {",
    "  if (x === 3) throw new RangeError(`trois refusé`);",
    "  return x * x;",
    "}",
    "await pool.map(check, [1, 2, 3]);",
  ].join("\n");
  const run = await kernel.execute(code);
  assert.equal(run.reply.ename, "RangeError", JSON.stringify(run.reply));
  const lines = traceback(run.reply);
  const at = lines.indexOf(`Cellule In[${run.reply.execution_count}], ligne 4, dans check`);
  assert.ok(at > 0, lines.join("\n"));
  assert.equal(lines[at + 1], "   4 |   if (x === 3) throw new RangeError(`trois refusé`);");
  assert.ok(!lines.some((line) => /concurrence-fn-|cell-function/.test(line)), lines.join("\n"));
  await kernel.execute("await pool.close();");
});

test("an error from a function defined in an earlier cell names that cell's execution count", { timeout: 60_000 }, async () => {
  const define = await kernel.execute("function half(n: number): number {\n  if (n % 2) throw new Error(`impair : ${n}`);\n  return n / 2;\n}");
  assert.equal(define.reply.status, "ok");
  const earlier = define.reply.execution_count as number;
  const main = await kernel.execute("const ok = half(4);\nhalf(3);");
  const lines = traceback(main.reply);
  assert.ok(lines.includes(`Cellule In[${earlier}], ligne 2, dans half`), lines.join("\n"));
  assert.ok(lines.includes(`Cellule In[${main.reply.execution_count}], ligne 2`), lines.join("\n"));

  const inPool = await kernel.execute('import { ThreadPool as Pool } from "concurrence";\nawait new Pool({ workers: 1 }).map(half, [3]);');
  assert.ok(traceback(inPool.reply).includes(`Cellule In[${earlier}], ligne 2, dans half`), traceback(inPool.reply).join("\n"));
});

test("diagnostics are TypeScript's own French text, and the library's messages are French", { timeout: 60_000 }, async () => {
  const typed = await kernel.execute("const s: string = 42;");
  assert.equal(typed.reply.evalue, "1:7 - Impossible d'assigner le type 'number' au type 'string'.");
  assert.equal(traceback(typed.reply)[0], "Ligne 1, colonne 7 : Impossible d'assigner le type 'number' au type 'string'.");

  const incomplete = await kernel.request("is_complete_request", { code: "function f(n: number) {" });
  assert.deepEqual(incomplete.reply, { status: "incomplete", indent: "  " }, "is_complete still reads TypeScript's English text");

  const workers = await kernel.execute('import { ThreadPool as P0 } from "concurrence";\nnew P0({ workers: 0 });');
  assert.equal(workers.reply.ename, "RangeError");
  assert.equal(workers.reply.evalue, "options.workers doit être un entier strictement positif, reçu `0` (number)");

  const captured = await kernel.execute(
    'import { ThreadPool as P1 } from "concurrence";\nconst factor = 3;\nconst p1 = new P1({ workers: 1 });\ntry {\n  await p1.map((x: number) => x * factor, [1]);\n} finally {\n  await p1.close();\n}',
  );
  assert.equal(captured.reply.ename, "NotSelfContainedError");
  assert.match(String(captured.reply.evalue), /^cette fonction utilise `factor`, défini hors de la fonction\. .*passez-la en argument/);
});

test("with CONCURRENCE_LANG=en, diagnostics and the library's messages are English", { timeout: 90_000 }, async () => {
  const english = await KernelSession.start(undefined, { CONCURRENCE_LANG: "en" });
  try {
    const typed = await english.execute("const s: string = 42;");
    assert.equal(typed.reply.evalue, "1:7 - Type 'number' is not assignable to type 'string'.");
    assert.equal(traceback(typed.reply)[0], "Line 1, column 7: Type 'number' is not assignable to type 'string'.");
    const workers = await english.execute('import { ThreadPool } from "concurrence";\nnew ThreadPool({ workers: 0 });');
    assert.equal(workers.reply.evalue, "options.workers must be a positive integer, got `0` (number)");
    const captured = await english.execute(
      'import { ThreadPool as P2 } from "concurrence";\nconst factor = 3;\nawait new P2({ workers: 1 }).map((x: number) => x * factor, [1]);',
    );
    assert.match(String(captured.reply.evalue), /^this function uses `factor`, defined outside the function\. .*pass it as an argument/);
    const boom = await english.execute(BOOM);
    assert.ok(traceback(boom.reply).includes(`Cell In[${boom.reply.execution_count}], line 4, in boom`), traceback(boom.reply).join("\n"));
  } finally {
    await english.shutdown();
  }
});

test("a hint follows TypeScript's French text too", () => {
  const folder = os.tmpdir();
  const hint = hintFor("Impossible de localiser le module 'concurrence' ou les déclarations de type correspondantes.", { folder });
  assert.match(hint ?? "", new RegExp(`^le dossier de ce notebook \\(${folder}\\) est hors du projet concurrence`));
});
