import os from "node:os";
import { cgroupCpuLimit, type CgroupPaths } from "./cgroup.js";
import { messages } from "../messages/index.js";

/** What cpuCount() reads; tests give a fake cgroup tree, an environment and a CPU count. */
export interface CpuSources extends CgroupPaths {
  env?: NodeJS.ProcessEnv;
  /** CPUs this process may run on: its affinity mask. @default os.availableParallelism() */
  available?: number;
}

/** A positive integer from an environment variable, or a clear error naming it. */
export function envCount(env: NodeJS.ProcessEnv, name: string, error: (value: string) => string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new RangeError(error(raw));
  return value;
}

/**
 * How many CPUs this process may keep busy:
 * - `CONCURRENCE_CPUS`, when set, is the answer (a teacher's or a deployment's override);
 * - else the smallest of the affinity mask, the cgroup quota (v2 `cpu.max`, v1 CFS quota)
 *   and JupyterHub's `CPU_LIMIT` (which spawners export for `c.Spawner.cpu_limit`),
 *   quotas rounded up (1.5 CPUs let 2 workers share them) and at least 1.
 */
export function cpuCountFrom(sources: CpuSources = {}): number {
  const env = sources.env ?? process.env;
  const override = envCount(env, "CONCURRENCE_CPUS", messages().quota.badCpus);
  if (override !== undefined) return override;
  const limits = [sources.available ?? os.availableParallelism(), cgroupCpuLimit(sources)];
  const hubLimit = Number(env.CPU_LIMIT);
  if (env.CPU_LIMIT && Number.isFinite(hubLimit) && hubLimit > 0) limits.push(hubLimit);
  const smallest = Math.min(...limits.filter((n): n is number => n !== undefined));
  return Math.max(1, Math.ceil(smallest));
}
