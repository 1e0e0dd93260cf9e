// The main thread's side of the debugger's thread (worker.ts): it starts it, sends it the iopub
// messages and control replies, hands it each compiled cell, and receives the control requests
// that the main thread answers (all but debug_request and interrupt_request).
import { writeSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Cell } from "../cells.js";
import { FLAG_CLOSED, FLAG_ON, FLAG_TICKET, FLAGS, type ConnectionInfo, type FromMain, type FromThread } from "./channel.js";

type Frames = Array<Buffer | string>;

/** How long a cell waits for its breakpoints, at most (the thread answers in a few ms). */
const PLACE_MS = 2000;
/** How long closing waits for the thread's last sends. */
const CLOSE_MS = 1000;

/** A socket's stand-in on the main thread: what it sends leaves from the debugger's thread. */
export interface Relay {
  send(frames: Frames): Promise<void>;
  close(): void;
}

export class DebugThread {
  readonly #worker: Worker;
  readonly #flags: Int32Array;
  #ticket = 0;
  #closed = false;
  #onControl: ((frames: Buffer[]) => void) | undefined;
  /** Control requests that came before the main thread could answer them (the thread starts first). */
  readonly #early: Buffer[][] = [];
  /** When the thread had bound iopub (performance.now()): it reports ready as soon as it has. */
  readonly boundAt = performance.now();

  private constructor(worker: Worker, flags: Int32Array) {
    this.#worker = worker;
    this.#flags = flags;
    worker.on("message", (message: FromThread) => {
      if (message.t !== "control") return;
      const frames = message.frames.map((f) => Buffer.from(f.buffer, f.byteOffset, f.byteLength));
      if (this.#onControl) this.#onControl(frames);
      else this.#early.push(frames);
    });
    // Without its thread the kernel has no iopub: say why in the kernel's log.
    worker.on("error", (error) => writeSync(2, `concurrence kernel: the debugger's thread failed: ${error.stack ?? error.message}\n`));
    worker.unref();
  }

  /** Starts the thread, which binds the control, heartbeat and iopub sockets; undefined if it cannot. */
  static async start(conn: ConnectionInfo): Promise<DebugThread | undefined> {
    const shared = new SharedArrayBuffer(FLAGS * Int32Array.BYTES_PER_ELEMENT);
    const worker = new Worker(path.join(__dirname, "worker.js"), { workerData: { conn, shared }, stdout: false, stderr: false });
    const outcome = await new Promise<FromThread | Error>((resolve) => {
      worker.once("message", resolve);
      worker.once("error", resolve);
      worker.once("exit", (code) => resolve(new Error(`exited with code ${code}`)));
    });
    if (outcome instanceof Error || outcome.t !== "ready") {
      const reason = outcome instanceof Error ? outcome.message : outcome.t === "failed" ? outcome.reason : outcome.t;
      console.error(`concurrence kernel: no debugger (${reason}); the kernel runs without it`);
      await worker.terminate();
      return undefined;
    }
    return new DebugThread(worker, new Int32Array(shared));
  }

  /** Where control requests for the main thread go: those that came already go there now. */
  set onControl(handle: (frames: Buffer[]) => void) {
    this.#onControl = handle;
    for (const frames of this.#early.splice(0)) handle(frames);
  }

  relay(kind: "iopub" | "control"): Relay {
    return {
      send: (frames) => {
        if (!this.#closed) this.#post({ t: kind, frames });
        return Promise.resolve();
      },
      close: () => this.close(),
    };
  }

  /** A cell about to run: while the debugger is on, it runs only once its breakpoints are placed. */
  cellCompiled(cell: Cell): void {
    if (this.#closed) return;
    const on = Atomics.load(this.#flags, FLAG_ON) === 1;
    const ticket = on ? ++this.#ticket : 0;
    this.#post({ t: "cell", cell: { count: cell.count, code: cell.code, source: cell.source, js: cell.js, prefix: cell.prefix }, ticket });
    if (!on) return;
    const deadline = Date.now() + PLACE_MS;
    // The main thread waits here, but V8 still serves the inspector's messages meanwhile.
    while (Atomics.load(this.#flags, FLAG_TICKET) < ticket && Date.now() < deadline) {
      Atomics.wait(this.#flags, FLAG_TICKET, Atomics.load(this.#flags, FLAG_TICKET), deadline - Date.now());
    }
  }

  /** Sends what is left, then closes the sockets (the kernel exits next). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#worker.postMessage({ t: "close" } satisfies FromMain);
    Atomics.wait(this.#flags, FLAG_CLOSED, 0, CLOSE_MS);
  }

  #post(message: FromMain): void {
    this.#worker.postMessage(message);
  }
}
