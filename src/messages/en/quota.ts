// Messages of the CPU quota and the workers' ceiling (src/quota/), in English: the type is the French file's.
import type { quota as fr } from "../fr/quota.js";

export const quota: typeof fr = {
  badCpus: (value) =>
    `CONCURRENCE_CPUS must be a positive integer (the number of CPUs cpuCount() reports), got \`${value}\`: ` +
    `fix the environment variable, or remove it to follow the system's quota`,
  badMaxWorkers: (value) =>
    `CONCURRENCE_MAX_WORKERS must be a positive integer (the most workers one kernel may have), got \`${value}\`: ` +
    `fix the environment variable, or remove it for no ceiling`,
  overLimit: (what, requested, inUse, limit) =>
    `${what} asks for ${requested} worker${requested > 1 ? "s" : ""}, but this kernel ` +
    (inUse > 0 ? `already has ${inUse} in use and ` : "") +
    `may not have more than ${limit} at once (CONCURRENCE_MAX_WORKERS=${limit}, set to share the machine): ` +
    `ask for fewer workers (for example { workers: cpuCount() }), or first close the open pools with \`await pool.close()\``,
};
