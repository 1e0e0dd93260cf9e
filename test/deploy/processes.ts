// What a test that starts a hub needs to see on Linux: the processes it started (every one
// carries a marker in its environment) and the TCP ports they listen on.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** Pids of live processes whose environment holds `NAME=value`. */
export function markedProcesses(name: string, value: string): number[] {
  const needle = `${name}=${value}`;
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z")) continue; // a zombie holds nothing
      if (readFileSync(`/proc/${entry}/environ`, "utf8").split("\0").includes(needle)) pids.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

export interface Listener {
  pid: number;
  address: string;
  port: number;
}

/** "0100007F:1F40" (or its IPv6 form) as "127.0.0.1" and 8000. */
function decode(hex: string, v6: boolean): { address: string; port: number } {
  const [ip, port] = hex.split(":");
  if (!v6) return { address: [3, 2, 1, 0].map((i) => parseInt(ip.slice(i * 2, i * 2 + 2), 16)).join("."), port: parseInt(port, 16) };
  const words = ip.match(/.{8}/g)!.map((w) => w.match(/../g)!.reverse().join(""));
  const groups = words.join("").match(/.{4}/g)!.map((g) => parseInt(g, 16).toString(16));
  return { address: groups.join(":"), port: parseInt(port, 16) };
}

/** TCP sockets in LISTEN state held by `pids`, with their local address. */
export function listeners(pids: number[]): Listener[] {
  const sockets = new Map<string, { address: string; port: number }>();
  for (const [file, v6] of [["/proc/net/tcp", false], ["/proc/net/tcp6", true]] as const) {
    for (const line of readFileSync(file, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length > 9 && cols[3] === "0A") sockets.set(cols[9], decode(cols[1], v6));
    }
  }
  const found: Listener[] = [];
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        const socket = inode && sockets.get(inode);
        if (socket) found.push({ pid, ...socket });
      } catch {
        // closed meanwhile
      }
    }
  }
  return found;
}
