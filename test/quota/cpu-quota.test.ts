import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { cpuCount } from "../../src/index.js";
import { cgroupCpuLimit, cpuCountFrom } from "../../src/quota/index.js";

/** A fake machine: a tree shaped like /sys/fs/cgroup, and a /proc/self/cgroup file. */
function fakeMachine(files: Record<string, string>, selfCgroup: string): { root: string; self: string; done: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "concurrence-cgroup-"));
  const root = path.join(dir, "sys", "fs", "cgroup");
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), `${text}\n`);
  }
  mkdirSync(path.join(dir, "proc", "self"), { recursive: true });
  const self = path.join(dir, "proc", "self", "cgroup");
  writeFileSync(self, selfCgroup);
  return { root, self, done: () => rmSync(dir, { recursive: true, force: true }) };
}

test("cgroup v2: cpu.max of the process's own cgroup sets the count, rounded up", () => {
  const m = fakeMachine({ "user.slice/user-1000.slice/cpu.max": "150000 100000" }, "0::/user.slice/user-1000.slice\n");
  try {
    assert.equal(cgroupCpuLimit(m), 1.5);
    assert.equal(cpuCountFrom({ ...m, env: {}, available: 64 }), 2);
  } finally {
    m.done();
  }
});

test("cgroup v2: a parent's quota binds its children, and 'max' means no quota", () => {
  const m = fakeMachine(
    { "kubepods/cpu.max": "300000 100000", "kubepods/pod1/cpu.max": "max 100000", "kubepods/pod1/c1/cpu.max": "max 100000" },
    "0::/kubepods/pod1/c1\n",
  );
  try {
    assert.equal(cpuCountFrom({ ...m, env: {}, available: 64 }), 3);
  } finally {
    m.done();
  }
});

test("cgroup v2 in a container: the path in /proc is not under the mount, whose root holds the quota", () => {
  const m = fakeMachine({ "cpu.max": "200000 100000" }, "0::/../../docker/abc\n");
  try {
    assert.equal(cpuCountFrom({ ...m, env: {}, available: 16 }), 2);
  } finally {
    m.done();
  }
});

test("cgroup v1: cfs_quota_us over cfs_period_us, -1 meaning none", () => {
  const v1 = "12:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n1:name=systemd:/docker/abc\n";
  const m = fakeMachine({ "cpu,cpuacct/docker/abc/cpu.cfs_quota_us": "250000", "cpu,cpuacct/docker/abc/cpu.cfs_period_us": "100000" }, v1);
  const none = fakeMachine({ "cpu,cpuacct/docker/abc/cpu.cfs_quota_us": "-1", "cpu,cpuacct/docker/abc/cpu.cfs_period_us": "100000" }, v1);
  try {
    assert.equal(cpuCountFrom({ ...m, env: {}, available: 8 }), 3);
    assert.equal(cpuCountFrom({ ...none, env: {}, available: 8 }), 8);
  } finally {
    m.done();
    none.done();
  }
});

test("the affinity mask wins when it is smaller than the quota; no cgroup at all leaves it alone", () => {
  const m = fakeMachine({ "cpu.max": "800000 100000" }, "0::/\n");
  try {
    assert.equal(cpuCountFrom({ ...m, env: {}, available: 3 }), 3);
    assert.equal(cpuCountFrom({ root: "/nonexistent", self: "/nonexistent", env: {}, available: 5 }), 5);
  } finally {
    m.done();
  }
});

test("a quota under one CPU still gives 1", () => {
  const m = fakeMachine({ "cpu.max": "20000 100000" }, "0::/\n");
  try {
    assert.equal(cpuCountFrom({ ...m, env: {}, available: 4 }), 1);
  } finally {
    m.done();
  }
});

test("JupyterHub's CPU_LIMIT caps the count; CONCURRENCE_CPUS overrides everything", () => {
  const m = fakeMachine({ "cpu.max": "400000 100000" }, "0::/\n");
  try {
    assert.equal(cpuCountFrom({ ...m, env: { CPU_LIMIT: "2.0" }, available: 16 }), 2);
    assert.equal(cpuCountFrom({ ...m, env: { CPU_LIMIT: "0.5" }, available: 16 }), 1);
    assert.equal(cpuCountFrom({ ...m, env: { CPU_LIMIT: "nonsense" }, available: 16 }), 4);
    assert.equal(cpuCountFrom({ ...m, env: { CONCURRENCE_CPUS: "6", CPU_LIMIT: "2" }, available: 16 }), 6);
  } finally {
    m.done();
  }
});

test("a bad CONCURRENCE_CPUS is a RangeError that names the variable and the fix, in French by default", () => {
  const lang = process.env.CONCURRENCE_LANG;
  try {
    delete process.env.CONCURRENCE_LANG;
    assert.throws(() => cpuCountFrom({ env: { CONCURRENCE_CPUS: "deux" } }), (error: Error) => {
      assert.ok(error instanceof RangeError);
      assert.match(error.message, /CONCURRENCE_CPUS doit être un entier positif.*`deux`/);
      return true;
    });
    process.env.CONCURRENCE_LANG = "en";
    assert.throws(() => cpuCountFrom({ env: { CONCURRENCE_CPUS: "0" } }), /CONCURRENCE_CPUS must be a positive integer.*`0`.*remove it/);
  } finally {
    if (lang === undefined) delete process.env.CONCURRENCE_LANG;
    else process.env.CONCURRENCE_LANG = lang;
  }
});

test("cpuCount() here reads the real machine and follows CONCURRENCE_CPUS", () => {
  const saved = process.env.CONCURRENCE_CPUS;
  try {
    delete process.env.CONCURRENCE_CPUS;
    assert.ok(cpuCount() >= 1 && cpuCount() <= os.availableParallelism());
    process.env.CONCURRENCE_CPUS = "7";
    assert.equal(cpuCount(), 7);
  } finally {
    if (saved === undefined) delete process.env.CONCURRENCE_CPUS;
    else process.env.CONCURRENCE_CPUS = saved;
  }
});
