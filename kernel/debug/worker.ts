// The debugger's thread (STYLE.md §11): it owns the control, heartbeat and iopub sockets, so that
// the debugger's requests, the stop button and shutdown are answered while the cell is paused
// at a breakpoint and the main thread blocked. The main thread's iopub messages and the control
// requests it answers pass through here (thread.ts); debug_request is answered here.
import { writeSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import * as zmq from "zeromq";
import type { Cell } from "../cells.js";
import { OrderedSends } from "../sends.js";
import { messageType, WireMessage } from "../wire.js";
import type { Adapter, Request } from "./adapter.js";
import { CellStore } from "./cellstore.js";
import { FLAG_CLOSED, FLAG_ON, FLAG_TICKET, type FromMain, type ThreadData } from "./channel.js";

const { conn, shared } = workerData as ThreadData;
const flags = new Int32Array(shared);
const port = parentPort!;
const cells = new CellStore();
/** Made at the first debug request: a kernel that is never debugged does not load the inspector's side. */
let adapter: Adapter | undefined;
const sends = new OrderedSends();
const rawIopub = new zmq.Publisher();
const rawControl = new zmq.Router();
const hb = new zmq.Reply();
const iopub = sends.adopt(rawIopub);
const control = sends.adopt(rawControl);
/** Debug requests are answered in order, each after the one before. */
let debugQueue: Promise<unknown> = Promise.resolve();
/** The last debug request: debug events go out as its children. */
let lastDebug: WireMessage | undefined;

function log(text: string): void {
  try {
    writeSync(2, `concurrence kernel (debugger thread): ${text}\n`);
  } catch {
    // no stderr left
  }
}

function publish(parent: WireMessage, type: string, content: object): void {
  const message = parent.createReply();
  message.header.msg_type = type;
  message.content = content;
  message.signAndSend(conn.key, iopub);
}

function reply(parent: WireMessage, type: string, content: object): void {
  const message = parent.createReply();
  message.header.msg_type = type;
  message.content = content;
  message.signAndSend(conn.key, control);
}

async function answer(frames: Buffer[], handle: (msg: WireMessage) => Promise<void>): Promise<void> {
  let msg: WireMessage;
  try {
    msg = WireMessage.parse(conn.key, frames);
  } catch (error) {
    return log(`ignored a request: ${(error as Error).message}`);
  }
  publish(msg, "status", { execution_state: "busy" });
  try {
    await handle(msg);
  } catch (error) {
    log(`${msg.header.msg_type}: ${(error as Error).stack ?? String(error)}`);
  } finally {
    publish(msg, "status", { execution_state: "idle" });
  }
}

async function route(frames: Buffer[]): Promise<void> {
  const type = messageType(frames);
  if (type === "debug_request") {
    const run = debugQueue.then(() =>
      answer(frames, async (msg) => {
        lastDebug = msg;
        const debug = theAdapter();
        reply(msg, "debug_reply", await debug.handle(msg.content as Request));
        Atomics.store(flags, FLAG_ON, debug.started ? 1 : 0);
      }),
    );
    debugQueue = run.catch(() => {});
    return run;
  }
  if (type === "interrupt_request") {
    return answer(frames, async (msg) => {
      // The stop button: a paused cell runs on, without stopping again, and takes the interrupt.
      const engine = adapter?.engine.paused ? adapter.engine : undefined;
      await engine?.post("Debugger.setSkipAllPauses", { skip: true });
      process.kill(process.pid, "SIGINT");
      // The signal must reach Node's watchdog before the cell runs on, or a short cell ends first.
      if (engine) await signalLanded();
      await engine?.post("Debugger.resume").catch(() => {});
      reply(msg, "interrupt_reply", { status: "ok" });
    });
  }
  // Shutdown: a paused cell must run on for the main thread to answer.
  if (type === "shutdown_request") await adapter?.stop().catch(() => {});
  port.postMessage({ t: "control", frames });
}

function theAdapter(): Adapter {
  if (adapter) return adapter;
  const made = new (require("./adapter.js") as typeof import("./adapter.js")).Adapter(cells);
  made.sendEvent = (event) => {
    if (lastDebug) publish(lastDebug, "debug_event", event);
  };
  return (adapter = made);
}

async function onMain(message: FromMain): Promise<void> {
  switch (message.t) {
    case "iopub":
      void iopub.send(message.frames.map(toBuffer));
      return;
    case "control":
      void control.send(message.frames.map(toBuffer));
      return;
    case "cell":
      try {
        if (adapter) await adapter.cellCompiled(message.cell as Cell);
        else cells.add(message.cell as Cell);
      } finally {
        if (message.ticket) {
          Atomics.store(flags, FLAG_TICKET, message.ticket);
          Atomics.notify(flags, FLAG_TICKET);
        }
      }
      return;
    case "close":
      await adapter?.stop().catch(() => {});
      await sends.drained(500);
      for (const socket of [rawIopub, rawControl, hb]) socket.close();
      adapter?.engine.close();
      Atomics.store(flags, FLAG_CLOSED, 1);
      Atomics.notify(flags, FLAG_CLOSED);
      port.close();
  }
}

/**
 * Waits until our SIGINT has reached Node's watchdog thread: pending (the cell awaits, see
 * kernel/sigint.ts) is seen at once; taken by the cell's synchronous part, it is not seen at
 * all, and the wait ends after a time the watchdog thread takes many times over.
 */
async function signalLanded(): Promise<void> {
  const binding = (process as unknown as { binding(name: string): { watchdogHasPendingSigint?: () => boolean } }).binding("contextify");
  const deadline = Date.now() + SIGNAL_MS;
  while (Date.now() < deadline && !binding.watchdogHasPendingSigint?.()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Longest wait for the stop button's signal to land: it takes well under a millisecond. */
const SIGNAL_MS = 150;

function toBuffer(frame: Uint8Array | string): Buffer | string {
  return typeof frame === "string" ? frame : Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
}

async function main(): Promise<void> {
  const address = (p: number) => `${conn.transport}://${conn.ip}:${p}`;
  // Every bind settles before any socket is closed: zeromq aborts the process when a socket is
  // closed while its bind is still under way.
  const binds = await Promise.allSettled([rawIopub.bind(address(conn.iopub_port)), rawControl.bind(address(conn.control_port)), hb.bind(address(conn.hb_port))]);
  const failed = binds.find((b): b is PromiseRejectedResult => b.status === "rejected");
  if (failed) {
    for (const socket of [rawIopub, rawControl, hb]) socket.close();
    port.postMessage({ t: "failed", reason: (failed.reason as Error)?.message ?? String(failed.reason) });
    return;
  }
  port.on("message", (message: FromMain) => void onMain(message).catch((error) => log((error as Error).stack ?? String(error))));
  port.postMessage({ t: "ready" });
  void (async () => {
    for await (const frames of hb) await hb.send(frames);
  })().catch(() => {});
  for await (const frames of rawControl) void route(frames).catch((error) => log((error as Error).stack ?? String(error)));
}

void main();
