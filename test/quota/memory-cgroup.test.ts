// memoryCgroup() reads the limit and the OOM-kill count of this process's memory cgroup (v1 and
// v2), on fake trees shaped like the real ones; the kernel's notice after an OOM kill uses them.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { formatBytes, killedSince, memoryCgroup } from "../../src/quota/index.js";
import { oom as fr } from "../../src/messages/fr/oom.js";

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "memcg-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

test("cgroup v1: the limit in bytes and the oom_kill count of memory.oom_control", () => {
  const root = tree({
    "self": "4:memory:/hub/jupyter-a\n1:cpu:/\n",
    "memory/hub/jupyter-a/memory.limit_in_bytes": "1073741824\n",
    "memory/hub/jupyter-a/memory.oom_control": "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n",
  });
  try {
    const found = memoryCgroup({ root, self: path.join(root, "self") });
    assert.deepEqual(found, { folder: path.join(root, "memory/hub/jupyter-a"), limit: 2 ** 30, oomKills: 2 });
    assert.equal(killedSince(found, 1), true);
    assert.equal(killedSince(found, 2), false);
    assert.equal(killedSince(found, undefined), true, "a fresh record counts from 0");
  } finally {
    rmSync(root, { recursive: true });
  }
});

test("cgroup v1 without a limit, and v2 with memory.max and memory.events", () => {
  const root = tree({
    "self1": "4:memory:/\n",
    "memory/memory.limit_in_bytes": "9223372036854771712\n",
    "memory/memory.oom_control": "oom_kill 0\n",
    "self2": "0::/user/s\n",
    "user/s/memory.max": "536870912\n",
    "user/s/memory.events": "low 0\nhigh 0\nmax 5\noom 1\noom_kill 1\n",
  });
  try {
    assert.equal(memoryCgroup({ root, self: path.join(root, "self1") })?.limit, undefined);
    const v2 = memoryCgroup({ root, self: path.join(root, "self2") });
    assert.deepEqual(v2, { folder: path.join(root, "user/s"), limit: 2 ** 29, oomKills: 1 });
    assert.equal(killedSince(undefined, 0), false);
    assert.equal(memoryCgroup({ root, self: path.join(root, "missing") }), undefined);
  } finally {
    rmSync(root, { recursive: true });
  }
});

test("the notice names the limit in French units and says what to do", () => {
  assert.equal(formatBytes(2 ** 30), "1 Gio");
  assert.equal(formatBytes(1.5 * 2 ** 30), "1.5 Gio");
  assert.equal(formatBytes(512 * 2 ** 20), "512 Mio");
  const text = fr.oomKilled("1 Gio");
  assert.match(text, /limite de mémoire de 1 Gio/);
  assert.match(text, /relancez les cellules/);
});
