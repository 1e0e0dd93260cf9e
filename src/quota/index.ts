export { cgroupCpuLimit, type CgroupPaths } from "./cgroup.js";
export { cpuCountFrom, type CpuSources } from "./cpus.js";
export { maxWorkers, reserveWorkers, workersInUse } from "./workers.js";
export { formatBytes, killedSince, memoryCgroup, type MemoryCgroup } from "./memory.js";
