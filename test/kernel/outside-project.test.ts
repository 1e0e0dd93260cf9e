// A notebook opened from a folder outside the project: Node's types still work, and importing
// the library gives an error that says why and what to do.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../../scripts/paths.js";
import { hintFor, nodeTypesFound } from "../../kernel/hints.js";
import { KernelSession, streamOf } from "../helpers/kernel.js";

// These tests read the English messages (French is the default: see src/messages/).
process.env.CONCURRENCE_LANG = "en";

test("from a folder outside the project, cells type-check against Node, and `concurrence` fails readably", { timeout: 120_000 }, async (t) => {
  const folder = mkdtempSync(path.join(os.tmpdir(), "concurrence-outside-"));
  const kernel = await KernelSession.start(folder);
  t.after(async () => {
    await kernel.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  const node = await kernel.execute('import { readdirSync } from "node:fs";\nconsole.log(typeof process.version, readdirSync(".").length);');
  assert.equal(node.reply.status, "ok", JSON.stringify(node.reply));
  assert.equal(streamOf(node), "string 0\n");

  const library = await kernel.execute('import { cpuCount } from "concurrence";\ncpuCount();');
  assert.equal(library.reply.status, "error");
  assert.equal(library.reply.evalue, "1:26 - Cannot find module 'concurrence' or its corresponding type declarations.");
  const hint = (library.reply.traceback as string[]).at(-1) ?? "";
  assert.ok(hint.startsWith(`Hint: this notebook's folder (${folder}) is outside the concurrence project`), hint);
  assert.ok(hint.includes(PROJECT_ROOT), hint);
});

test("@types/node is looked for from the folder upwards, then in tslab's own folder", (t) => {
  const root = mkdtempSync(path.join(os.tmpdir(), "concurrence-types-"));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const nested = path.join(root, "a", "b");
  mkdirSync(nested, { recursive: true });
  const none = path.join(root, "no-fallback");
  assert.equal(nodeTypesFound({ folder: nested, fallbackTypes: none }), false);

  const fallback = path.join(root, "fallback");
  mkdirSync(path.join(fallback, "node"), { recursive: true });
  writeFileSync(path.join(fallback, "node", "package.json"), "{}");
  assert.equal(nodeTypesFound({ folder: nested, fallbackTypes: fallback }), true);

  mkdirSync(path.join(root, "a", "node_modules", "@types", "node"), { recursive: true });
  writeFileSync(path.join(root, "a", "node_modules", "@types", "node", "package.json"), "{}");
  assert.equal(nodeTypesFound({ folder: nested, fallbackTypes: none }), true);
});

test("a diagnostic caused by the folder gets a hint that says what to do", (t) => {
  const root = mkdtempSync(path.join(os.tmpdir(), "concurrence-hints-"));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const place = { folder: root, fallbackTypes: path.join(root, "none") };
  assert.match(
    hintFor("Cannot find name 'console'. Do you need to change your target library?", place) ?? "",
    new RegExp(`^@types/node was not found from ${root}: run \`npm install\` in ${PROJECT_ROOT}, then restart the kernel\\.$`),
  );
  assert.match(hintFor("Cannot find module 'concurrence' or its corresponding type declarations.", { folder: path.join(PROJECT_ROOT, "notebooks") }) ?? "", /^the library is not installed: run `npm install`/);
  assert.equal(hintFor("Cannot find name 'console'.", { folder: PROJECT_ROOT }), undefined, "types are there: the cell is at fault");
  assert.equal(hintFor("Type 'string' is not assignable to type 'number'.", place), undefined);
});
