import assert from "node:assert/strict";
import { closeSync, openSync } from "node:fs";
import { test } from "node:test";
import { Process, processInfo, Thread, type ProcessInfo } from "../../src/index.js";

const onLinux = process.platform === "linux";

test("the main thread sees its own process: pid, parent, thread 0, no IPC channel", () => {
  const info = processInfo();
  assert.equal(info.pid, process.pid);
  assert.equal(info.ppid, process.ppid);
  assert.equal(info.threadId, 0);
  assert.equal(info.cwd, process.cwd());
  assert.equal(info.envVariables, Object.keys(process.env).length);
  assert.equal(info.program, process.execPath);
  assert.ok(info.rssBytes > info.heapUsedBytes && info.heapUsedBytes > 0);
  if (onLinux) {
    assert.ok(info.osThreads!.some((t) => t.id === process.pid && t.name.length > 0), "the main thread's id is the pid");
    assert.ok(info.sharedLibraries! >= 1 && info.stackBytes! > 0);
    assert.equal(typeof info.pgid, "number");
  }
});

test("a thread shares its process's pid, under another thread id, and is one more system thread", async () => {
  const before = processInfo().osThreads?.map((t) => t.id) ?? [];
  const inThread: ProcessInfo = await new Thread(() => require("concurrence").processInfo()).start().join();
  assert.equal(inThread.pid, process.pid);
  assert.ok(inThread.threadId > 0);
  if (onLinux) assert.ok(inThread.osThreads!.some((t) => !before.includes(t.id)), "the worker runs in a new system thread");
});

test("a child process has its own pid, the kernel as parent, and an IPC channel", async () => {
  const child: ProcessInfo = await new Process(() => require("concurrence").processInfo()).start().join();
  assert.notEqual(child.pid, process.pid);
  assert.equal(child.ppid, process.pid);
  assert.equal(child.ipcChannel, true);
  assert.equal(child.uid, process.getuid?.() ?? null);
});

test("open files and caught signals follow what the process does, or are null without /proc", () => {
  const before = processInfo();
  if (!onLinux) {
    assert.equal(before.openFiles, null);
    assert.equal(before.caughtSignals, null);
    return;
  }
  const fd = openSync(__filename, "r");
  try {
    assert.equal(processInfo().openFiles, before.openFiles! + 1);
  } finally {
    closeSync(fd);
  }
  assert.ok(!before.caughtSignals!.includes("SIGUSR2"));
  const handler = () => {};
  process.on("SIGUSR2", handler);
  try {
    assert.ok(processInfo().caughtSignals!.includes("SIGUSR2"));
  } finally {
    process.off("SIGUSR2", handler);
  }
});

test("privateBytes: the memory only this process uses, less than its resident memory (Linux)", { skip: process.platform !== "linux" }, async () => {
  const { processInfo } = await import("../../src/index.js");
  const info = processInfo();
  assert.ok(info.privateBytes !== null && info.privateBytes > 0, `privateBytes = ${info.privateBytes}`);
  assert.ok(info.privateBytes <= info.rssBytes, `${info.privateBytes} <= ${info.rssBytes}`);
});
