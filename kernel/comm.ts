// Jupyter comms, both directions ("Custom messages" of the messaging spec):
// https://jupyter-client.readthedocs.io/en/latest/messaging.html#custom-messages
// The library (src/widgets/) reaches this layer through globalThis, as it reaches the display writer.
import { AsyncLocalStorage } from "node:async_hooks";
import { writeSync } from "node:fs";

/** What the library gives for one comm: called on the front end's messages, may return a promise. */
export interface CommHandlers {
  onMessage?(data: Record<string, unknown>): unknown;
  onClose?(data: Record<string, unknown>): void;
}

/** Called when the front end opens a comm on a target: its handlers, or undefined to refuse it. */
export type CommTarget = (commId: string, data: Record<string, unknown>) => CommHandlers | undefined;

interface DisplayContent {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient: { display_id?: string };
}

/** The kernel's comm layer as the library sees it (Symbol.for("concurrence.kernel-comms")). */
export interface KernelComms {
  open(commId: string, target: string, data: object, metadata: object, handlers: CommHandlers): void;
  send(commId: string, data: object): void;
  close(commId: string, data?: object): void;
  registerTarget(target: string, opener: CommTarget): void;
  /** display_data or update_display_data, with the message that caused it as parent. */
  display(content: DisplayContent, update: boolean): void;
}

export const COMMS_KEY = Symbol.for("concurrence.kernel-comms");

/** Sends one iopub message; `metadata` is the message's own (comm_open's protocol version). */
type Publish<P> = (parent: P, type: string, content: object, metadata?: object) => void;

interface CommContent {
  comm_id?: unknown;
  target_name?: unknown;
  data?: unknown;
}

/**
 * The comms of one kernel. Each incoming message is handled inside an async context that
 * remembers it, so that what its handler sends, even later (a re-run sweep), has it as parent.
 */
export class CommLayer<P> {
  readonly #comms = new Map<string, { target: string; handlers: CommHandlers }>();
  readonly #targets = new Map<string, CommTarget>();
  readonly #context = new AsyncLocalStorage<P>();
  #cell: P | undefined;

  constructor(readonly publish: Publish<P>) {}

  /** The execute request running now (or last): the parent of what the kernel sends on its own. */
  enterCell(parent: P): void {
    this.#cell = parent;
  }

  /** The library's side, installed on globalThis. */
  install(): void {
    const api: KernelComms = {
      open: (commId, target, data, metadata, handlers) => {
        this.#comms.set(commId, { target, handlers });
        // ipywidgets reads the protocol version from the message's metadata, not its content.
        this.#send("comm_open", { comm_id: commId, target_name: target, data }, metadata);
      },
      send: (commId, data) => {
        if (this.#comms.has(commId)) this.#send("comm_msg", { comm_id: commId, data });
      },
      close: (commId, data = {}) => {
        if (this.#comms.delete(commId)) this.#send("comm_close", { comm_id: commId, data });
      },
      registerTarget: (target, opener) => void this.#targets.set(target, opener),
      display: (content, update) => this.#send(update ? "update_display_data" : "display_data", content),
    };
    (globalThis as Record<symbol, unknown>)[COMMS_KEY] = api;
  }

  /** comm_open, comm_msg or comm_close from the front end. Resolves when its handler is done. */
  async receive(type: string, parent: P, content: CommContent): Promise<void> {
    const commId = typeof content.comm_id === "string" ? content.comm_id : "";
    const data = isRecord(content.data) ? content.data : {};
    await this.#context.run(parent, async () => {
      if (type === "comm_open") return this.#opened(commId, String(content.target_name ?? ""), data);
      const comm = this.#comms.get(commId);
      if (!comm) return log(`${type} for an unknown comm ${JSON.stringify(commId)}: ignored`);
      try {
        if (type === "comm_close") {
          this.#comms.delete(commId);
          comm.handlers.onClose?.(data);
        } else {
          await comm.handlers.onMessage?.(data);
        }
      } catch (error) {
        log(`the handler of comm ${commId} (${comm.target}) failed: ${(error as Error)?.stack ?? String(error)}`);
      }
    });
  }

  /** comm_info_reply's `comms`, only those of `target` if given. */
  info(target?: unknown): Record<string, { target_name: string }> {
    const comms: Record<string, { target_name: string }> = {};
    for (const [id, comm] of this.#comms) {
      if (typeof target !== "string" || target === "" || comm.target === target) comms[id] = { target_name: comm.target };
    }
    return comms;
  }

  /** Shutdown: every comm is closed, on both sides. */
  closeAll(parent: P): void {
    this.#context.run(parent, () => {
      for (const [id, comm] of [...this.#comms]) {
        this.#comms.delete(id);
        this.#send("comm_close", { comm_id: id, data: {} });
        try {
          comm.handlers.onClose?.({});
        } catch {
          // Closing one comm must not keep the others open.
        }
      }
    });
  }

  #opened(commId: string, target: string, data: Record<string, unknown>): void {
    let handlers: CommHandlers | undefined;
    try {
      handlers = this.#targets.get(target)?.(commId, data);
    } catch (error) {
      log(`the target ${target} failed to open comm ${commId}: ${(error as Error).message}`);
    }
    // The spec: a comm that cannot be opened is closed at once.
    if (!handlers) {
      log(`comm_open on the unknown target ${JSON.stringify(target)}: closed`);
      return this.#send("comm_close", { comm_id: commId, data: {} });
    }
    this.#comms.set(commId, { target, handlers });
  }

  #send(type: string, content: object, metadata?: object): void {
    const parent = this.#context.getStore() ?? this.#cell;
    if (parent === undefined) return log(`${type} before any request: not sent`);
    this.publish(parent, type, content, metadata);
  }
}

/** The kernel's own log (the terminal of the Jupyter server), not a cell's output. */
function log(line: string): void {
  try {
    writeSync(2, `concurrence kernel: ${line}\n`);
  } catch {
    // No stderr: nothing to tell.
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
