// JupyterLab's visual debugger on the kernel's TypeScript cells (DESIGN.md "Debugger").
// The main thread keeps the shell and stdin sockets; the debugger's thread (worker.ts) owns
// control, heartbeat and iopub, and answers the Debug Adapter Protocol with Node's inspector.
import { readFileSync } from "node:fs";
import type { Converter } from "tslab/dist/converter";
import type { ZmqServer } from "tslab/dist/jupyter";
import { recordedCell } from "../cells.js";
import type { ConnectionInfo } from "./channel.js";
import { earlyThread } from "./early.js";
import { DebugThread } from "./thread.js";
import { installView } from "./view.js";

export { libraryView } from "./view.js";
export { murmur2, cellPath } from "./murmur.js";

let active: DebugThread | undefined;
/** zeromq's default reconnect interval (ZMQ_RECONNECT_IVL), and a margin for the subscription to arrive. */
const CLIENT_RECONNECT_MS = 100 + 20;

interface Receiving {
  bind(address: string): Promise<void>;
  close(): void;
  [Symbol.asyncIterator](): AsyncIterator<Buffer[]>;
}

/**
 * Binds the kernel's sockets with the debugger's thread in place of tslab's `init()`. Resolves
 * false when the thread cannot start (or CONCURRENCE_DEBUGGER=0): the caller binds as before.
 */
export async function bindWithDebugger(server: ZmqServer, configPath: string): Promise<boolean> {
  if (process.env.CONCURRENCE_DEBUGGER === "0") return false;
  const conn = JSON.parse(readFileSync(configPath, "utf8")) as ConnectionInfo;
  const thread = await (earlyThread(configPath) ?? DebugThread.start(conn));
  if (!thread) return false;
  installView();
  const zmq = require("zeromq") as { Router: new () => Receiving };
  const shell = new zmq.Router();
  const stdin = new zmq.Router();
  const sockets = server as unknown as Record<string, unknown>;
  sockets.connInfo = conn;
  sockets.shell = shell;
  sockets.stdin = stdin;
  sockets.iopub = thread.relay("iopub");
  sockets.control = thread.relay("control");
  sockets.hb = { close() {} };
  thread.onControl = (frames) => void server.handleShellMessage(server.control, ...frames);
  // Bound before anything is received or sent on them: zeromq refuses both while a bind is under way.
  const address = (port: number) => `${conn.transport}://${conn.ip}:${port}`;
  await Promise.all([shell.bind(address(conn.shell_port)), stdin.bind(address(conn.stdin_port))]);
  void (async () => {
    // Jupyter's client tries to connect every 100 ms (zeromq's reconnect interval) until iopub is
    // bound. A request answered before it listens has its busy and idle statuses lost, and
    // jupyter_client then asks again 0.2 s later: the first request waits for its next try.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, thread.boundAt + CLIENT_RECONNECT_MS - performance.now())));
    for await (const frames of shell) void server.handleShellMessage(server.shell, ...frames);
  })().catch(() => {});
  active = thread;
  return true;
}

/** The converter, made to hand each compiled cell to the debugger's thread before it runs. */
export function debuggingConverter(converter: Converter): Converter {
  return {
    ...converter,
    convert(prevDecl, src) {
      const converted = converter.convert(prevDecl, src);
      const count = /\/\/# sourceURL=concurrence-cell-(\d+)\.js$/.exec(converted.output ?? "")?.[1];
      const cell = count === undefined ? undefined : recordedCell(Number(count));
      if (active && cell) active.cellCompiled(cell);
      return converted;
    },
  };
}
