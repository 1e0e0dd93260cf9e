// After the system's OOM killer ended a kernel (its student went past the memory limit of their
// cgroup, on the hub), the kernel started in its place says why, in its first cell.
// Each kernel notes the cgroup's count of OOM kills in the student's home when it starts; a
// count higher than the last one noted means the kernel before it was killed.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { formatBytes, killedSince, memoryCgroup } from "../src/quota/index.js";
import { messages } from "../src/messages/index.js";

function recordFile(): string {
  return path.join(process.env.HOME || os.homedir(), ".local", "share", "concurrence", "oom-kills.json");
}

function readRecord(file: string): Record<string, number> {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, number>;
  } catch {
    return {};
  }
}

/** The message to print in the first cell, when the previous kernel of this cgroup was killed for its memory. */
export function oomNotice(): string | undefined {
  const cgroup = memoryCgroup();
  if (!cgroup || cgroup.limit === undefined) return undefined; // no limit: nothing to report
  const file = recordFile();
  const record = readRecord(file);
  const killed = killedSince(cgroup, record[cgroup.folder]);
  if (record[cgroup.folder] !== cgroup.oomKills) {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(`${file}.tmp`, JSON.stringify({ ...record, [cgroup.folder]: cgroup.oomKills }));
      renameSync(`${file}.tmp`, file);
    } catch {
      // a read-only home: the notice may come twice, nothing worse
    }
  }
  return killed ? messages().oom.oomKilled(formatBytes(cgroup.limit)) : undefined;
}
