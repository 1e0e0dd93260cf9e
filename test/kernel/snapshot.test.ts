// The kernel starts from its V8 startup snapshot (kernel/snapshot/): TypeScript and the
// declarations come already parsed, types are still checked, and without the snapshot (or with
// another Node) the kernel starts the plain way.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { nodeStamp, SNAPSHOT, STAMP } from "../../kernel/snapshot/build.js";
import { PROJECT_ROOT } from "../../scripts/paths.js";
import { KernelSession, type Execution } from "../helpers/kernel.js";

const START = path.join(PROJECT_ROOT, "kernel", "snapshot", "start.sh");
const STATE = '(globalThis as any)[Symbol.for("concurrence.kernel.snapshot")]';

function text(run: Execution): string {
  const result = run.outputs.find((o) => o.msg_type === "execute_result");
  return String((result?.content.data as Record<string, unknown> | undefined)?.["text/plain"] ?? "");
}

test("npm run build made the snapshot, stamped with this node binary", () => {
  assert.ok(existsSync(SNAPSHOT), `${SNAPSHOT} is missing: run npm run build`);
  assert.equal(readFileSync(STAMP, "utf8").trim(), nodeStamp());
});

test("from the snapshot: the declarations are reused, types still checked, the library typed, and children start the plain way", { timeout: 120_000 }, async () => {
  const kernel = await KernelSession.start(undefined, { CONCURRENCE_LANG: "" });
  try {
    const library = await kernel.execute('import { cpuCount, Process } from "concurrence";\nconst n: number = cpuCount();\nn > 0');
    assert.equal(text(library), "true", kernel.log);
    const state = await kernel.execute(`const etat = ${STATE};\n[etat.reused > 150, etat.parsed < 20, typeof etat.typescript.createProgram]`);
    assert.equal(text(state), "[ true, true, 'function' ]", `${JSON.stringify(state.reply)}\n${kernel.log}`);
    const typeError = await kernel.execute('const mot: string = 42;');
    assert.equal(typeError.reply.status, "error");
    assert.match(String(typeError.reply.evalue), /Impossible d'assigner le type 'number' au type 'string'/);
    // A child process must not inherit --snapshot-blob: it would start as a kernel, not run its function.
    const child = await kernel.execute("await new Process((a: number) => a * 2, 21).start().join()");
    assert.equal(text(child), "42", kernel.log);
    assert.equal(text(await kernel.execute('process.execArgv.includes("--snapshot-blob")')), "false");
    // Node leaves Error.stackTraceLimit out of snapshots: errors must still carry their frames.
    const boom = await kernel.execute("function boum() {\n  throw new Error('boum');\n}\nboum();");
    assert.ok((boom.reply.traceback as string[]).includes("Cellule In[6], ligne 2, dans boum"), (boom.reply.traceback as string[]).join("\n"));
  } finally {
    await kernel.shutdown();
  }
});

test("CONCURRENCE_KERNEL_SNAPSHOT=0 starts the kernel the plain way, and it works the same", { timeout: 120_000 }, async () => {
  const kernel = await KernelSession.start(undefined, { CONCURRENCE_KERNEL_SNAPSHOT: "0" });
  try {
    assert.equal(text(await kernel.execute(`${STATE} === undefined`)), "true");
    assert.equal(text(await kernel.execute('import { cpuCount } from "concurrence";\ncpuCount() > 0')), "true", kernel.log);
  } finally {
    await kernel.shutdown();
  }
});

test("start.sh: another node binary than the one that built the snapshot gets launch.js, not the snapshot", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "concurrence-start-"));
  try {
    // A stand-in for another Node: it prints the arguments it was given.
    const other = path.join(dir, "node");
    writeFileSync(other, '#!/bin/sh\nprintf "%s\\n" "$@"\n');
    chmodSync(other, 0o755);
    const run = spawnSync("/bin/sh", [START, other, "connection.json"], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.stdout.trim().split("\n"), [path.join(PROJECT_ROOT, "dist", "kernel", "launch.js"), "connection.json"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
