// A hub for one test, as root, with students named uniquely per run (t<pid><letter>, their
// accounts jupyter-t<pid><letter>), homes and data in a temporary folder, and a clean-up that
// stops it, removes the accounts, homes and cgroups it made, and reports anything left.
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { HUB_CONFIG } from "../../scripts/hub.js";
import { freePort } from "../../scripts/ports.js";
import { PROJECT_ROOT, venvBin } from "../../scripts/paths.js";
import { markedProcesses } from "./processes.js";

export const MARK = "CONCURRENCE_HUB_TEST_MARK";

/** Students of this run: hub names and their Unix accounts. */
export function studentNames(letters: string[]): { hub: string[]; unix: string[] } {
  const hub = letters.map((l) => `t${process.pid}${l}`);
  return { hub, unix: hub.map((h) => `jupyter-${h}`) };
}

/** The cgroup folders of this process, per v1 controller (cpu, memory) or v2. */
export function ownCgroups(): string[] {
  const lines = readFileSync("/proc/self/cgroup", "utf8").trim().split("\n");
  if (existsSync("/sys/fs/cgroup/cgroup.controllers")) return [path.join("/sys/fs/cgroup", lines.find((l) => l.startsWith("0::"))!.slice(3))];
  return ["cpu", "memory"].map((c) => {
    const line = lines.find((l) => l.split(":")[1].split(",").includes(c))!;
    return path.join("/sys/fs/cgroup", c, line.split(":")[2]);
  });
}

/** Cgroups below ours made by hubs (concurrence-hub-<pid>) holding one of these accounts. */
export function studentCgroups(unix: string[]): string[] {
  const found: string[] = [];
  for (const base of ownCgroups()) {
    for (const entry of readdirSync(base)) {
      if (!entry.startsWith("concurrence-hub-")) continue;
      for (const name of unix) if (existsSync(path.join(base, entry, name))) found.push(path.join(base, entry, name));
    }
  }
  return found;
}

export function uidOf(name: string): number | undefined {
  const line = readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith(`${name}:`));
  return line ? Number(line.split(":")[2]) : undefined;
}

/** Pids of live processes run by these uids. */
export function processesOf(uids: number[]): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
      if (uids.includes(uid) && !/^State:\s+Z/m.test(status)) pids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}

export function removeAccounts(unix: string[]): void {
  for (const name of unix) if (uidOf(name) !== undefined) spawnSync("userdel", ["--remove", "--force", name], { stdio: "ignore" });
}

export interface Hub {
  url: string;
  tmp: string;
  data: string;
  homes: string;
  log: string;
  process: ChildProcess;
  mark: string;
  /** Stops the hub as Ctrl-C would; gives what was left running (then killed), accounts and cgroups removed. */
  stop(): Promise<{ left: string[]; cgroups: string[] }>;
}

export async function startHub(students: string[], unix: string[], options: string[], extraConfig: string[] = []): Promise<Hub> {
  assert.equal(process.getuid?.(), 0, "the hub's tests run as root: the hub makes Unix accounts");
  const tmp = mkdtempSync(path.join(os.tmpdir(), "concurrence-hub-"));
  chmodSync(tmp, 0o755); // the students reach their homes through it
  const data = path.join(tmp, "data");
  const homes = path.join(tmp, "homes");
  mkdirSync(homes, { mode: 0o755 });
  const mark = randomUUID();
  const config = path.join(tmp, "test_config.py");
  writeFileSync(
    config,
    [
      `load_subconfig(${JSON.stringify(HUB_CONFIG)})`,
      "# Only in this test, on loopback: any password logs these students in.",
      'c.JupyterHub.authenticator_class = "dummy"',
      "c.Authenticator.allow_all = False",
      `c.Authenticator.allowed_users = {${students.map((s) => JSON.stringify(s)).join(", ")}}`,
      `c.Spawner.environment[${JSON.stringify(MARK)}] = ${JSON.stringify(mark)}`,
      ...extraConfig,
      "",
    ].join("\n"),
  );
  chmodSync(config, 0o600);
  const port = await freePort();
  const log = path.join(tmp, "hub.log");
  const logFd = openSync(log, "w");
  const args = ["--port", String(port), "--data", data, "--homes", homes, "--config", config, ...options];
  const hub = spawn(process.execPath, [path.join(PROJECT_ROOT, "dist", "scripts", "hub.js"), ...args], {
    env: { ...process.env, [MARK]: mark, CONCURRENCE_CPUS: "", CONCURRENCE_LANG: "" },
    stdio: ["ignore", logFd, logFd],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => hub.once("exit", () => resolve()));
  const uids = () => unix.map(uidOf).filter((u): u is number => u !== undefined);
  return {
    url: `http://127.0.0.1:${port}`,
    tmp,
    data,
    homes,
    log,
    process: hub,
    mark,
    async stop() {
      hub.kill("SIGTERM");
      await Promise.race([exited, sleep(45_000)]);
      const leftPids = () => [...new Set([...markedProcesses(MARK, mark), ...processesOf(uids())])];
      for (let i = 0; i < 20 && leftPids().length > 0; i++) await sleep(250);
      const pids = leftPids();
      const left = pids.map((pid) => `${pid}: ${readSafe(`/proc/${pid}/cmdline`).replace(/\0/g, " ")}`);
      for (const pid of pids) killQuietly(pid);
      if (hub.exitCode === null) killQuietly(-hub.pid!);
      const cgroups = studentCgroups(unix);
      for (const dir of cgroups) rmSafe(dir);
      removeAccounts(unix);
      return { left, cgroups };
    },
  };
}

/** The hub's last log lines, to print when a test fails. */
export function tail(log: string, lines = 80): string {
  return readSafe(log).split("\n").slice(-lines).join("\n");
}

export function cleanUp(hub: Hub, failed: boolean): void {
  if (failed) console.error(`the hub's log (${hub.log}), last lines:\n${tail(hub.log)}`);
  else rmSync(hub.tmp, { recursive: true, force: true });
}

/** Runs the Python driver (REST API + kernel websocket) for some students, concurrently. */
export function drive(hub: string, action: "run" | "stop", users: string[], cells: string[] = [], timeout = 150_000): StudentResult[] {
  const result = spawnSync(venvBin("python"), [path.join(PROJECT_ROOT, "test", "deploy", "hub_driver.py"), hub, "any-password", action, ...users], {
    input: cells.map((c) => JSON.stringify(c)).join("\n"),
    encoding: "utf8",
    timeout,
    env: { ...process.env, HUB_DRIVER_TIMEOUT: String(Math.round(timeout / 1000) - 10) },
    maxBuffer: 64 * 2 ** 20,
  });
  assert.equal(result.status, 0, `hub_driver.py ${action} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as StudentResult[];
}

export interface CellResult {
  stdout: string;
  stderr: string;
  status: string;
  ename: string | null;
  evalue: string | null;
}
export interface StudentResult {
  user: string;
  kernel: string;
  cells: CellResult[];
}

function readSafe(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

function rmSafe(dir: string): void {
  try {
    rmSync(dir, { recursive: false });
  } catch {
    spawnSync("rmdir", [dir]);
  }
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
}
