import { readFileSync } from "node:fs";
import path from "node:path";
import type { CgroupPaths } from "./cgroup.js";

/** This process's memory cgroup: its limit in bytes (undefined: none) and how many of its processes the OOM killer ended. */
export interface MemoryCgroup {
  folder: string;
  limit: number | undefined;
  oomKills: number;
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return undefined;
  }
}

/** "oom_kill 3" in memory.oom_control (v1) or memory.events (v2). */
function counter(text: string | undefined, name: string): number {
  const match = new RegExp(`^${name} (\\d+)$`, "m").exec(text ?? "");
  return match ? Number(match[1]) : 0;
}

/**
 * The memory cgroup this process runs in (v2 `memory.max` and `memory.events`, or v1
 * `memory.limit_in_bytes` and `memory.oom_control`), or undefined when none can be read.
 */
export function memoryCgroup(paths: CgroupPaths = {}): MemoryCgroup | undefined {
  const root = paths.root ?? "/sys/fs/cgroup";
  for (const line of (read(paths.self ?? "/proc/self/cgroup") ?? "").split("\n")) {
    const match = /^\d+:([^:]*):(.*)$/.exec(line);
    if (!match) continue;
    const [, controllers, cgroupPath] = match;
    if (controllers === "") {
      const folder = path.join(root, cgroupPath);
      const max = read(path.join(folder, "memory.max"));
      if (max === undefined) continue;
      const limit = max === "max" ? undefined : Number(max);
      return { folder, limit, oomKills: counter(read(path.join(folder, "memory.events")), "oom_kill") };
    }
    if (controllers.split(",").includes("memory")) {
      const folder = path.join(root, controllers, cgroupPath);
      const raw = Number(read(path.join(folder, "memory.limit_in_bytes")));
      // v1 writes "no limit" as a huge number (PAGE_COUNTER_MAX pages).
      const limit = Number.isFinite(raw) && raw > 0 && raw < 2 ** 60 ? raw : undefined;
      return { folder, limit, oomKills: counter(read(path.join(folder, "memory.oom_control")), "oom_kill") };
    }
  }
  return undefined;
}

/** True when the cgroup's OOM killer ended a process since `seen` kills were counted (a process of this cgroup died for its memory). */
export function killedSince(now: MemoryCgroup | undefined, seen: number | undefined): boolean {
  return now !== undefined && now.oomKills > (seen ?? 0);
}

/** 1073741824 as "1 Gio", 536870912 as "512 Mio". */
export function formatBytes(bytes: number): string {
  const units = ["o", "Kio", "Mio", "Gio", "Tio"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}
