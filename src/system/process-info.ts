import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { threadId } from "node:worker_threads";

/** A thread as the operating system sees it: its id, and the name it was given (`comm`). */
export interface OsThread {
  id: number;
  name: string;
}

/**
 * What the operating system keeps for a process (the UNIX list: ids, environment, working
 * directory, program, stack, heap, file descriptors, signal actions, shared libraries, IPC),
 * seen from the thread that calls `processInfo()`. Fields read from Linux's `/proc` are
 * `null` where `/proc` is missing (macOS, Windows).
 */
export interface ProcessInfo {
  /** The process id: the same in every thread of a process. */
  pid: number;
  /** The parent process's id. */
  ppid: number;
  /** The process group id (from /proc). */
  pgid: number | null;
  /** The calling thread's `worker_threads` id: 0 on the main thread. */
  threadId: number;
  /** User and group ids; null where the platform has none (Windows). */
  uid: number | null;
  gid: number | null;
  cwd: string;
  /** How many environment variables the process sees. */
  envVariables: number;
  /** The program the process runs (its instructions). */
  program: string;
  /** The threads the operating system runs for this process, with their names (from /proc/self/task). */
  osThreads: OsThread[] | null;
  /** Resident memory of the whole process, in bytes (shared libraries included). */
  rssBytes: number;
  /**
   * Memory only this process uses, in bytes: resident pages shared with no other process
   * (Private_Clean + Private_Dirty of /proc/self/smaps_rollup). What the process adds to the machine.
   */
  privateBytes: number | null;
  /** The calling thread's JavaScript heap in use, in bytes (each worker has its own heap). */
  heapUsedBytes: number;
  /** The main thread's stack, in bytes (from /proc). */
  stackBytes: number | null;
  /** Open file descriptors (from /proc). */
  openFiles: number | null;
  /** Signals the process handles itself, e.g. SIGINT (from /proc). */
  caughtSignals: string[] | null;
  /** Shared libraries mapped in memory (from /proc). */
  sharedLibraries: number | null;
  /** Whether the process has an IPC channel to its parent (a child made by `fork`). */
  ipcChannel: boolean;
}

/** A /proc file's text, or null where it cannot be read. */
function readProc(file: string): string | null {
  try {
    return readFileSync(`/proc/self/${file}`, "utf8");
  } catch {
    return null;
  }
}

/** A `Name:   value` line of /proc/self/status. */
function statusField(status: string | null, name: string): string | null {
  return status?.match(new RegExp(`^${name}:\\s*(.*)$`, "m"))?.[1] ?? null;
}

/** The process group id: the 5th field of /proc/self/stat, counted after the command name. */
function processGroup(): number | null {
  const stat = readProc("stat");
  const fields = stat?.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields ? Number(fields[2]) : null;
}

/** Signal names from a /proc hexadecimal mask, where bit n-1 stands for signal n. */
function signalNames(mask: string | null): string[] | null {
  if (mask === null) return null;
  const bits = BigInt(`0x${mask}`);
  const names = new Map<number, string>(); // one name per number: SIGIOT is SIGABRT
  for (const [name, n] of Object.entries(os.constants.signals)) if (!names.has(n)) names.set(n, name);
  return [...names].filter(([n]) => (bits >> BigInt(n - 1)) & 1n).sort(([a], [b]) => a - b).map(([, name]) => name);
}

function osThreads(): OsThread[] | null {
  let ids: number[];
  try {
    ids = readdirSync("/proc/self/task").map(Number).sort((a, b) => a - b);
  } catch {
    return null;
  }
  const threads: OsThread[] = [];
  for (const id of ids) {
    const name = readProc(`task/${id}/comm`); // null: the thread ended meanwhile
    if (name !== null) threads.push({ id, name: name.trim() });
  }
  return threads;
}

function countOpenFiles(): number | null {
  try {
    return readdirSync("/proc/self/fd").length - 1; // minus the descriptor readdir itself opened
  } catch {
    return null;
  }
}

function countSharedLibraries(): number | null {
  const maps = readProc("maps");
  if (maps === null) return null;
  const libraries = new Set(maps.split("\n").map((line) => line.split(/\s+/)[5]).filter((p) => p && /\.so(\.|$)/.test(p)));
  return libraries.size;
}

function privateMemory(): number | null {
  const rollup = readProc("smaps_rollup");
  if (rollup === null) return null;
  const fields = [...rollup.matchAll(/^Private_(?:Clean|Dirty):\s+(\d+) kB/gm)];
  return fields.length === 0 ? null : fields.reduce((sum, m) => sum + Number(m[1]) * 1024, 0);
}

const kilobytes = (value: string | null) => (value === null ? null : Number.parseInt(value, 10) * 1024);

/**
 * The operating system's view of the current process, from the calling thread: call it in
 * the kernel, in a `Thread` or in a `Process` to compare them.
 *
 * @example
 * const child = await new Process(() => require("concurrence").processInfo()).start().join();
 * child.pid !== process.pid; // a process of its own
 */
export function processInfo(): ProcessInfo {
  const status = readProc("status");
  const memory = process.memoryUsage();
  return {
    pid: process.pid,
    ppid: process.ppid,
    pgid: processGroup(),
    threadId,
    uid: process.getuid?.() ?? null,
    gid: process.getgid?.() ?? null,
    cwd: process.cwd(),
    envVariables: Object.keys(process.env).length,
    program: process.execPath,
    osThreads: osThreads(),
    rssBytes: memory.rss,
    privateBytes: privateMemory(),
    heapUsedBytes: memory.heapUsed,
    stackBytes: kilobytes(statusField(status, "VmStk")),
    openFiles: countOpenFiles(),
    caughtSignals: signalNames(statusField(status, "SigCgt")),
    sharedLibraries: countSharedLibraries(),
    ipcChannel: process.channel !== undefined,
  };
}
