// Imported first by launch.ts: the debugger's thread (which binds control, heartbeat and iopub)
// starts while the main thread is still loading TypeScript, so that the kernel's start pays
// nothing for it. server.ts's init() then takes it (index.ts).
import { readFileSync } from "node:fs";
import type { ConnectionInfo } from "./channel.js";
import { DebugThread } from "./thread.js";

let early: { configPath: string; thread: Promise<DebugThread | undefined> } | undefined;

/** Starts the thread for the kernel's connection file (launch.js's argument). */
export function startEarly(configPath: string | undefined): void {
  if (!configPath || process.env.CONCURRENCE_DEBUGGER === "0") return;
  try {
    const conn = JSON.parse(readFileSync(configPath, "utf8")) as ConnectionInfo;
    early = { configPath, thread: DebugThread.start(conn) };
  } catch {
    // No readable connection file: launch.ts says so, and init() tries again.
  }
}

/** The thread started early for this connection file, once. */
export function earlyThread(configPath: string): Promise<DebugThread | undefined> | undefined {
  if (early?.configPath !== configPath) return undefined;
  const { thread } = early;
  early = undefined;
  return thread;
}
