// The debugger's parts without a kernel: JupyterLab's hash rule, the cell's lines both ways,
// the library views, the pause reasons and the frames kept.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { createConverter } from "tslab/dist/converter";
import { frames, pauseReason } from "../../kernel/debug/frames.js";
import { CellLines } from "../../kernel/debug/lines.js";
import { cellPath, filePrefix, HASH_SEED, murmur2 } from "../../kernel/debug/murmur.js";
import { libraryView } from "../../kernel/debug/view.js";
import type { CellStore } from "../../kernel/debug/cellstore.js";
import type { CallFrame, Engine } from "../../kernel/debug/engine.js";
import { venvBin } from "../../scripts/paths.js";
import { Lock, ThreadPool } from "../../src/index.js";

test("murmur2 agrees with ipykernel's on ASCII code, and reads a code unit's low byte as JupyterLab does", () => {
  const texts = ["", "a", "ab", "abc", "abcd", "let a = 1;\nlet b = a + 1;\nconsole.log(b);"];
  const script = `import json, sys\nfrom ipykernel.compiler import murmur2_x86\nprint(json.dumps([murmur2_x86(t, ${HASH_SEED}) for t in json.loads(sys.argv[1])]))`;
  const expected = JSON.parse(execFileSync(venvBin("python"), ["-c", script, JSON.stringify(texts)], { encoding: "utf8" })) as number[];
  assert.deepEqual(texts.map((t) => murmur2(t, HASH_SEED)), expected);
  // murmurhash-js: `charCodeAt(i) & 0xff`, so "ą" (U+0105) hashes as "\u0005", and "é" as its Latin-1 byte.
  assert.equal(murmur2("x = 'ą'", 7), murmur2("x = '\u0005'", 7));
  assert.notEqual(murmur2("x = 'é'", 7), murmur2("x = 'e'", 7));
  assert.equal(cellPath("1 + 1"), `${filePrefix()}${murmur2("1 + 1", HASH_SEED)}.ts`);
});

function compiled(code: string): CellLines {
  const converter = createConverter({ isJS: false, isBrowser: false });
  try {
    const js = converter.convert("", code).output ?? "";
    return new CellLines({ count: 1, code, source: code, js, prefix: "(function(exports, require) { ".length });
  } finally {
    converter.close();
  }
}

test("a cell's TypeScript lines map to its script and back, types, imports and blank lines included", () => {
  const code = 'import { cpuCount } from "concurrence";\n\ninterface P { x: number }\nconst p: P = { x: cpuCount() };\nfunction f(n: number): number {\n  return n * p.x;\n}\nconsole.log(f(2));';
  const lines = compiled(code);
  for (const line of [1, 4, 5, 6, 8]) {
    const at = lines.scriptLocation(line);
    assert.equal(at?.line, line, `line ${line} has code`);
    assert.equal(lines.tsPosition(at)?.line, line, `line ${line} back from ${JSON.stringify(at)}`);
  }
  assert.equal(lines.scriptLocation(2)?.line, 4, "a blank line and an interface: the breakpoint goes to the next code");
  assert.equal(lines.scriptLocation(99), undefined);
  // V8 stops on `return n * p.x;` after its semicolon: still line 6.
  const ret = lines.scriptLocation(6)!;
  const end = compiledLineEnd(code, ret.lineNumber);
  assert.equal(lines.tsPosition({ lineNumber: ret.lineNumber, columnNumber: end })?.line, 6);
  assert.ok(lines.isGlue({ lineNumber: ret.lineNumber + 2, columnNumber: 0 }), "exports.f = f; is tslab's");
  assert.ok(!lines.isGlue(ret));
  const last = compiled("let v = 1;\nv");
  const shown = last.scriptLocation(2)!;
  assert.ok(!last.isGlue(shown), "the cell's last value (exports.tsLastExpr = v;) is the cell's line 2");
  assert.ok(last.isGlue({ lineNumber: 99, columnNumber: 0 }), "past the cell's code: the executor's wrapper");
});

function compiledLineEnd(code: string, lineNumber: number): number {
  const converter = createConverter({ isJS: false, isBrowser: false });
  try {
    return (converter.convert("", code).output ?? "").split("\n")[lineNumber].length;
  } finally {
    converter.close();
  }
}

test("the variables panel's view of a lock and a pool; other values have none", async () => {
  const lock = new Lock();
  assert.equal(libraryView(lock), "Lock (libre)");
  await lock.acquire();
  assert.equal(libraryView(lock), "Lock (pris)");
  lock.release();
  const pool = new ThreadPool({ workers: 2 });
  try {
    assert.match(libraryView(pool) ?? "", /^ThreadPool \{ workers: 2, alive: \d+, submitted: 0, completed: 0, /);
  } finally {
    await pool.close();
  }
  assert.equal(libraryView({ stats: () => ({}) }), undefined, "a stats() alone is not a pool");
  assert.equal(libraryView(42), undefined);
  assert.equal(libraryView([1, 2]), undefined);
});

test("pause reasons: breakpoint, exception, step, pause", () => {
  const paused = (reason: string, hit?: string[]) => ({ callFrames: [], reason, hitBreakpoints: hit });
  assert.equal(pauseReason(paused("other", ["1:2:0:x"]), "step"), "breakpoint");
  assert.equal(pauseReason(paused("exception"), undefined), "exception");
  assert.equal(pauseReason(paused("promiseRejection"), undefined), "exception");
  assert.equal(pauseReason(paused("other"), "step"), "step");
  assert.equal(pauseReason(paused("other"), "pause"), "pause");
  assert.equal(pauseReason(paused("other"), undefined), "breakpoint");
});

test("the stack ends at the outermost cell frame; without a cell, every frame shows", () => {
  const lines = compiled("function g() {\n  return 1;\n}\ng();");
  const cell = { cell: { count: 3, code: "", source: "", js: "", prefix: 0 }, path: "/tmp/x/1.ts", lines };
  const store = { byUrl: (url: string | undefined) => (url === "concurrence-cell-3.js" ? cell : undefined) } as unknown as CellStore;
  const engine = { scripts: new Map([["1", "concurrence-cell-3.js"], ["2", "file:///lib/executor.js"]]) } as unknown as Engine;
  const frame = (scriptId: string, lineNumber: number, functionName = ""): CallFrame => ({
    callFrameId: scriptId,
    functionName,
    location: { scriptId, lineNumber, columnNumber: 4 },
    scopeChain: [],
  });
  const inCell = frames([frame("1", lines.scriptLocation(2)!.lineNumber, "g"), frame("1", lines.scriptLocation(4)!.lineNumber), frame("2", 10)], engine, store);
  assert.deepEqual(inCell.map((f) => [f.name, f.line, f.source.path]), [["g", 2, "/tmp/x/1.ts"], ["Cellule [3]", 4, "/tmp/x/1.ts"]]);
  const outside = frames([frame("2", 10, "run")], engine, store);
  assert.deepEqual(outside.map((f) => [f.name, f.line, f.source.path]), [["run", 11, "/lib/executor.js"]]);
});
