// The kernel can be installed into a Jupyter the user already has, not only the project's venv.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { installKernel } from "../kernel/install.js";
import { PROJECT_ROOT, venvBin } from "../scripts/paths.js";

test("kernel:install -- --jupyter J --prefix P installs the kernelspec there", { timeout: 60_000 }, () => {
  const prefix = mkdtempSync(path.join(os.tmpdir(), "concurrence-prefix-"));
  try {
    const install = spawnSync(process.execPath, [path.join(PROJECT_ROOT, "dist", "kernel", "install.js"), "--jupyter", venvBin("jupyter"), "--prefix", prefix], { encoding: "utf8" });
    assert.equal(install.status, 0, install.stderr);
    const specFile = path.join(prefix, "share", "jupyter", "kernels", "concurrence", "kernel.json");
    assert.ok(existsSync(specFile), `no kernelspec at ${specFile}`);
    assert.equal(statSync(path.dirname(specFile)).mode & 0o005, 0o005, "every user of the environment can read the kernelspec (a hub's students)");
    const spec = JSON.parse(readFileSync(specFile, "utf8")) as { argv: string[]; display_name: string; interrupt_mode: string; metadata: object };
    assert.equal(spec.display_name, "TypeScript (concurrence)");
    // The stop button reaches the debugger's thread even while a cell is paused (kernel/debug/).
    assert.equal(spec.interrupt_mode, "message");
    assert.deepEqual(spec.metadata, { debugger: true });
    // start.sh starts this node from the kernel's startup snapshot when it can (kernel/snapshot/).
    assert.deepEqual(spec.argv, ["/bin/sh", path.join(PROJECT_ROOT, "kernel", "snapshot", "start.sh"), process.execPath, "{connection_file}"]);

    const listed = spawnSync(venvBin("jupyter"), ["kernelspec", "list", "--json"], { encoding: "utf8", env: { ...process.env, JUPYTER_PATH: path.join(prefix, "share", "jupyter") } });
    assert.match(listed.stdout, new RegExp(`"resource_dir": "${path.join(prefix, "share", "jupyter", "kernels", "concurrence")}"`));
  } finally {
    rmSync(prefix, { recursive: true, force: true });
  }
});

test("kernel:install names the problem when the Jupyter is not there", () => {
  const install = spawnSync(process.execPath, [path.join(PROJECT_ROOT, "dist", "kernel", "install.js"), "--jupyter", "/nowhere/jupyter"], { encoding: "utf8" });
  assert.equal(install.status, 1);
  assert.match(install.stderr, /no Jupyter at \/nowhere\/jupyter: give the path of your `jupyter` command with --jupyter/);
});

test("kernel:install -- --lang en puts CONCURRENCE_LANG=en in the kernelspec's env, and --help says how to switch", { timeout: 60_000 }, () => {
  const prefix = mkdtempSync(path.join(os.tmpdir(), "concurrence-prefix-"));
  try {
    const script = path.join(PROJECT_ROOT, "dist", "kernel", "install.js");
    const install = spawnSync(process.execPath, [script, "--jupyter", venvBin("jupyter"), "--prefix", prefix, "--lang", "en"], { encoding: "utf8" });
    assert.equal(install.status, 0, install.stderr);
    const spec = JSON.parse(readFileSync(path.join(prefix, "share", "jupyter", "kernels", "concurrence", "kernel.json"), "utf8")) as { env?: object };
    assert.deepEqual(spec.env, { CONCURRENCE_LANG: "en" });
    const help = spawnSync(process.execPath, [script, "--help"], { encoding: "utf8" });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--lang fr\|en/);
    assert.match(help.stdout, /CONCURRENCE_LANG=en/);
    // What npm run setup does on each npm start: without --lang, the installed language stays.
    const specFile = path.join(prefix, "share", "jupyter", "kernels", "concurrence", "kernel.json");
    writeFileSync(specFile, readFileSync(specFile, "utf8").replace('"display_name"', '"stale": true, "display_name"'));
    installKernel({ jupyter: venvBin("jupyter"), target: { prefix }, current: specFile });
    const again = JSON.parse(readFileSync(specFile, "utf8")) as { env?: object; stale?: boolean };
    assert.equal(again.stale, undefined, "reinstalled");
    assert.deepEqual(again.env, { CONCURRENCE_LANG: "en" });
    const wrong = spawnSync(process.execPath, [script, "--lang", "de"], { encoding: "utf8" });
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, /--lang must be fr or en, got "de"/);
  } finally {
    rmSync(prefix, { recursive: true, force: true });
  }
});
