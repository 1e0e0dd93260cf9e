import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { serveQueues } from "./broker.js";
import { messages } from "../messages/index.js";

const CHILD_FILE = path.join(__dirname, "child.js");
const children = new Set<ChildProcess>();

/**
 * A child process running the task loop, whose output goes to the cell.
 * `advanced` serialization copies arguments as worker threads do (typed arrays, Maps, Dates...).
 */
export function spawnChild(execArgv: string[] = []): ChildProcess {
  const child = fork(CHILD_FILE, [], {
    serialization: "advanced",
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    ...(execArgv.length > 0 ? { execArgv: [...process.execArgv, ...execArgv] } : {}),
  });
  serveQueues(child);
  // As text, so that a character split between two chunks is not broken.
  child.stdout!.setEncoding("utf8").on("data", (text: string) => process.stdout.write(text));
  child.stderr!.setEncoding("utf8").on("data", (text: string) => process.stderr.write(text));
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

// A kernel that exits takes its children along, even those stuck in a loop.
process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

/**
 * Resolves once the child has exited and its last output has been read. (The child's
 * own "close" event is not emitted when the parent disconnects first.)
 */
export async function childEnded(child: ChildProcess): Promise<[number | null, NodeJS.Signals | null]> {
  const streams = [child.stdout, child.stderr].map((s) => (s && !s.closed ? once(s, "close") : undefined));
  const exited: [number | null, NodeJS.Signals | null] =
    child.exitCode !== null || child.signalCode !== null
      ? [child.exitCode, child.signalCode]
      : ((await once(child, "exit")) as [number | null, NodeJS.Signals | null]);
  await Promise.all(streams);
  return exited;
}

/** A one-line description of how a child ended. */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? messages().processes.killed(signal) : messages().processes.exited(code);
}
