import { inspect } from "node:util";
import { JupyterHandlerImpl, ZmqServer } from "tslab/dist/jupyter";
import type { Executor } from "tslab/dist/executor";
import { ExecutionRecord, type ErrorContent } from "./errors.js";
import { beginCell, kernelHooks, setDisplayWriter } from "./hooks.js";

type Message = Parameters<ZmqServer["handleExecute"]>[1];
type Socket = Parameters<ZmqServer["handleExecute"]>[0];
type Writer = Parameters<JupyterHandlerImpl["handleExecute"]>[2];

interface ExecuteContent {
  code: string;
  silent?: boolean;
  store_history?: boolean;
  stop_on_error?: boolean;
}

/**
 * tslab's ZMQ server with the protocol fixed where plain tslab 1.0.22 breaks it:
 * replies carry `status`, errors carry ename/evalue/traceback and an `error` message,
 * the last value is an execute_result (with a rich bundle for plots), and stop_on_error
 * is respected. Executions run one at a time, in arrival order.
 */
export class ConcurrenceServer extends ZmqServer {
  readonly #executor: Executor;
  readonly #handler: JupyterHandlerImpl;
  readonly #implementationVersion: string;
  #queue: Promise<unknown> = Promise.resolve();
  #count = 0;
  /** Bumped by an error when stop_on_error: requests that arrived before it are aborted. */
  #errorEpoch = 0;
  /** Rejects what the kernel itself awaits for the running cell (its last value) on interrupt. */
  #interrupted = new AbortController();

  constructor(executor: Executor, configPath: string, implementationVersion: string) {
    const handler = new JupyterHandlerImpl(executor, false);
    super(handler, configPath);
    this.#executor = executor;
    this.#handler = handler;
    this.#implementationVersion = implementationVersion;
  }

  /** The stop button (SIGINT): the cell's await, its tasks, and the kernel's own wait all end. */
  interrupt(): void {
    this.#executor.interrupt();
    kernelHooks()?.interrupt(new Error("interrupted by the kernel's stop button"));
    this.#interrupted.abort(new Error("Interrupted asynchronously"));
    this.#interrupted = new AbortController();
  }

  override handleKernelInfo(sock: Socket, msg: Message): void {
    const info = this.#handler.handleKernel();
    this.#reply(sock, msg, "kernel_info_reply", {
      ...info,
      status: "ok",
      protocol_version: "5.3",
      implementation: "concurrence",
      implementation_version: this.#implementationVersion,
      language_info: { ...info.language_info, version: typescriptVersion() },
      banner: `TypeScript (concurrence) on Node ${process.version}, with tslab`,
    });
  }

  override async handleExecute(sock: Socket, msg: Message): Promise<void> {
    const epoch = this.#errorEpoch;
    const run = this.#queue.then(() => this.#execute(sock, msg, epoch));
    this.#queue = run.catch(() => {});
    await run;
  }

  override handleCommInfoRequest(sock: Socket, msg: Message): void {
    this.#reply(sock, msg, "comm_info_reply", { status: "ok", comms: {} });
  }

  override handleShutdown(sock: Socket, msg: Message): void {
    // Stop every task now; exiting (below) kills the children and ends the threads.
    kernelHooks()?.interrupt(new Error("the kernel is shutting down"));
    const restart = Boolean((msg.content as { restart?: boolean }).restart);
    this.#reply(sock, msg, "shutdown_reply", { status: "ok", restart });
  }

  override close(): void {
    super.close();
    setTimeout(() => process.exit(0), 50);
  }

  async #execute(sock: Socket, msg: Message, epoch: number): Promise<void> {
    const content = msg.content as ExecuteContent;
    if (epoch !== this.#errorEpoch) {
      this.#reply(sock, msg, "execute_reply", { status: "aborted", execution_count: this.#count });
      return;
    }
    const silent = Boolean(content.silent);
    if (content.store_history !== false && !silent) this.#count++;
    const count = this.#count;
    this.#publish(msg, "execute_input", { code: content.code, execution_count: count });

    this.#routeOutput(msg, silent);
    const record = new ExecutionRecord();
    current = record;
    let ok: boolean;
    try {
      await beginCell(cellId(msg));
      ok = await this.#executor.execute(content.code);
      // A promise as the last value is awaited, as in Deno's kernel: `pool.map(f, xs)` shows the array.
      if (ok && isPromise(record.value)) record.value = await abortable(record.value, this.#interrupted.signal);
      await kernelHooks()?.settle();
    } catch (error) {
      record.console.error(error);
      ok = false;
    }

    if (ok) {
      if (record.hasValue && record.value !== undefined && !silent) {
        const data = (await bundleFor(record.value)) ?? { "text/plain": inspect(record.value) };
        this.#publish(msg, "execute_result", { execution_count: count, data, metadata: {} });
      }
      this.#reply(sock, msg, "execute_reply", { status: "ok", execution_count: count, user_expressions: {}, payload: [] });
      return;
    }
    const error: ErrorContent = record.toError(content.code);
    if (!silent) this.#publish(msg, "error", error);
    if (content.stop_on_error !== false) this.#errorEpoch++;
    this.#reply(sock, msg, "execute_reply", { status: "error", execution_count: count, ...error });
  }

  /** This cell's prints and displays go to this cell. */
  #routeOutput(msg: Message, silent: boolean): void {
    const writeStream = (name: string, text: string) => {
      if (!silent) this.#publish(msg, "stream", { name, text });
    };
    const writeDisplay: Writer = (data, update) => {
      if (!silent) this.#publish(msg, update ? "update_display_data" : "display_data", data);
    };
    process.stdout.write = this.#handler.createWriteToIopub("stdout", writeStream) as typeof process.stdout.write;
    process.stderr.write = this.#handler.createWriteToIopub("stderr", writeStream) as typeof process.stderr.write;
    setDisplayWriter(writeDisplay);
  }

  #publish(parent: Message, type: string, content: object): void {
    const message = parent.createReply();
    message.header.msg_type = type;
    message.content = content;
    message.signAndSend(this.connInfo.key, this.iopub);
  }

  #reply(sock: Socket, parent: Message, type: string, content: object): void {
    const message = parent.createReply();
    message.header.msg_type = type;
    message.content = content;
    message.signAndSend(this.connInfo.key, sock);
  }
}

/** The record of the execution under way: the executor's console writes into it. */
let current = new ExecutionRecord();
export const executorConsole = {
  log: (...args: unknown[]) => current.console.log(args[0]),
  error: (first: unknown, ...rest: unknown[]) => current.console.error(first, ...rest),
};

function cellId(msg: Message): string | undefined {
  const meta = msg.metadata as { cellId?: unknown; cell_id?: unknown };
  const id = meta.cellId ?? meta.cell_id;
  return typeof id === "string" ? id : undefined;
}

async function bundleFor(value: unknown): Promise<Record<string, unknown> | undefined> {
  try {
    return await kernelHooks()?.bundleFor(value);
  } catch {
    return undefined; // plain text then: a failed rich display must not fail the cell
  }
}

function isPromise(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}

function abortable<T>(promise: PromiseLike<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    promise.then(resolve, reject);
  });
}

function typescriptVersion(): string {
  return (require("@tslab/typescript-for-tslab") as { version: string }).version;
}
