import { readFileSync } from "node:fs";
import path from "node:path";

/** Where the cgroup files are; tests point these at a fake tree shaped like the real one. */
export interface CgroupPaths {
  /** The cgroup filesystem's mount point. @default "/sys/fs/cgroup" */
  root?: string;
  /** This process's cgroup membership. @default "/proc/self/cgroup" */
  self?: string;
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return undefined;
  }
}

/**
 * The folders to read, from this process's own cgroup up to the mount point: a parent's quota
 * binds its children too. Inside a container the path seen in /proc may not exist under the
 * mount (the container's root is the cgroup), so the mount point itself always comes last.
 */
function ancestors(mount: string, cgroupPath: string): string[] {
  const dirs: string[] = [];
  let rel = path.posix.normalize(`/${cgroupPath}`);
  for (;;) {
    dirs.push(path.join(mount, rel));
    if (rel === "/") return dirs;
    rel = path.posix.dirname(rel);
  }
}

/** cgroup v2: `cpu.max` holds "max 100000" or "<quota> <period>". */
function v2Limit(mount: string, cgroupPath: string): number | undefined {
  let limit: number | undefined;
  for (const dir of ancestors(mount, cgroupPath)) {
    const [quota, period] = (read(path.join(dir, "cpu.max")) ?? "").split(/\s+/);
    const cpus = Number(quota) / Number(period);
    if (quota !== "max" && Number.isFinite(cpus) && cpus > 0) limit = Math.min(limit ?? Infinity, cpus);
  }
  return limit;
}

/** cgroup v1: `cpu.cfs_quota_us` (-1: none) over `cpu.cfs_period_us`. */
function v1Limit(mount: string, cgroupPath: string): number | undefined {
  let limit: number | undefined;
  for (const dir of ancestors(mount, cgroupPath)) {
    const cpus = Number(read(path.join(dir, "cpu.cfs_quota_us"))) / Number(read(path.join(dir, "cpu.cfs_period_us")));
    if (Number.isFinite(cpus) && cpus > 0) limit = Math.min(limit ?? Infinity, cpus);
  }
  return limit;
}

/**
 * The CPU quota of this process's cgroup, in CPUs (maybe fractional, e.g. 1.5), or undefined
 * when there is none: cgroup v2's `cpu.max`, else cgroup v1's CFS quota.
 * Lines of /proc/self/cgroup read `0::/path` (v2) or `4:cpu,cpuacct:/path` (v1).
 */
export function cgroupCpuLimit(paths: CgroupPaths = {}): number | undefined {
  const root = paths.root ?? "/sys/fs/cgroup";
  const lines = (read(paths.self ?? "/proc/self/cgroup") ?? "").split("\n");
  let limit: number | undefined;
  for (const line of lines) {
    const match = /^\d+:([^:]*):(.*)$/.exec(line);
    if (!match) continue;
    const [, controllers, cgroupPath] = match;
    let found: number | undefined;
    if (controllers === "") {
      found = v2Limit(root, cgroupPath);
    } else if (controllers.split(",").includes("cpu")) {
      // v1 mounts the cpu controller as "cpu,cpuacct" (often with a "cpu" link) or "cpu".
      found = v1Limit(path.join(root, controllers), cgroupPath) ?? v1Limit(path.join(root, "cpu"), cgroupPath);
    }
    if (found !== undefined) limit = Math.min(limit ?? Infinity, found);
  }
  return limit;
}
