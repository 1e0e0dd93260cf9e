// The hub's building blocks alone, as root: accounts.py's "ensure" functions (TLJH's way) and
// cgroups.py (a cgroup below ours with a CPU quota and a memory limit, entered, then removed
// with whatever is left in it).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT, venvBin } from "../../scripts/paths.js";
import { ownCgroups, removeAccounts, studentNames, uidOf } from "./classroom.js";

const DEPLOY = path.join(PROJECT_ROOT, "deploy", "jupyterhub");

function python(code: string): string {
  const result = spawnSync(venvBin("python"), ["-c", `import sys; sys.path.insert(0, ${JSON.stringify(DEPLOY)})\n${code}`], { encoding: "utf8", timeout: 60_000 });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trim();
}

test("accounts.py: unix names, ensure_user / ensure_private_home / ensure_link idempotent, remove_user", () => {
  assert.equal(python("import accounts; print(accounts.unix_name('Alice'))"), "jupyter-alice");
  assert.equal(python("import accounts; print(len(accounts.unix_name('a' * 60)))"), "32", "cut to useradd's limit");
  const { unix } = studentNames(["u"]);
  const [name] = unix;
  const tmp = mkdtempSync(path.join(os.tmpdir(), "concurrence-accounts-"));
  chmodSync(tmp, 0o755);
  const home = path.join(tmp, name);
  try {
    const link = path.join(home, "node_modules");
    const code = `import accounts
for _ in range(2):
    accounts.ensure_user(${JSON.stringify(name)}, ${JSON.stringify(home)})
    accounts.ensure_private_home(${JSON.stringify(name)})
    accounts.ensure_link(${JSON.stringify(name)}, ${JSON.stringify(link)}, ${JSON.stringify(path.join(PROJECT_ROOT, "node_modules"))})
print("ok")`;
    assert.equal(python(code), "ok", "a second round changes nothing and raises nothing");
    const uid = uidOf(name)!;
    assert.ok(uid > 0);
    assert.equal(statSync(home).mode & 0o777, 0o700);
    assert.equal(statSync(home).uid, uid);
    assert.equal(readlinkSync(link), path.join(PROJECT_ROOT, "node_modules"));
    assert.equal(lstatSync(link).uid, uid);
    assert.equal(python(`import accounts; print(accounts.remove_user(${JSON.stringify(name)}))`), "True");
    assert.equal(uidOf(name), undefined);
    assert.equal(existsSync(home), false, "the home goes with the account");
    assert.equal(python(`import accounts; print(accounts.remove_user(${JSON.stringify(name)}))`), "False", "removing twice is fine");
  } finally {
    removeAccounts(unix);
    rmSync(tmp, { recursive: true, force: true });
  }
});

test("cgroups.py: a cgroup below ours with the limits; a process inside; removed with what is left", () => {
  const name = `concurrence-test-${process.pid}/jupyter-t${process.pid}g`;
  const out = python(`import cgroups, json, subprocess, time
dirs = cgroups.create(${JSON.stringify(name)}, 0.5, "256M")
child = subprocess.Popen(["sleep", "60"], preexec_fn=lambda: cgroups.enter(dirs), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
time.sleep(0.2)
print(json.dumps({"dirs": dirs, "pid": child.pid, "inside": sorted(cgroups.pids(dirs))}))
`);
  const { dirs, pid, inside } = JSON.parse(out) as { dirs: string[]; pid: number; inside: number[] };
  try {
    const bases = ownCgroups();
    for (const dir of dirs) assert.ok(bases.some((b) => dir.startsWith(path.join(b, "concurrence-test-"))), `${dir} is below this test's own cgroup`);
    assert.deepEqual(inside, [pid]);
    for (const dir of dirs) {
      if (existsSync(path.join(dir, "cpu.cfs_quota_us"))) assert.equal(readFileSync(path.join(dir, "cpu.cfs_quota_us"), "utf8").trim(), "50000");
      if (existsSync(path.join(dir, "cpu.max"))) assert.equal(readFileSync(path.join(dir, "cpu.max"), "utf8").trim(), "50000 100000");
      if (existsSync(path.join(dir, "memory.limit_in_bytes"))) assert.equal(readFileSync(path.join(dir, "memory.limit_in_bytes"), "utf8").trim(), String(256 * 2 ** 20));
    }
  } finally {
    assert.equal(python(`import cgroups; print(cgroups.remove(${JSON.stringify(dirs)}, parents=1))`), "True");
  }
  for (const dir of dirs) {
    assert.equal(existsSync(dir), false, `${dir} is removed`);
    assert.equal(existsSync(path.dirname(dir)), false, "and its parent");
  }
  assert.equal(existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/status`, "utf8").includes("State:\tZ"), false, "the process left inside was killed");
});
