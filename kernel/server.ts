import { inspect } from "node:util";
import { JupyterHandlerImpl, ZmqServer } from "tslab/dist/jupyter";
import type { Executor } from "tslab/dist/executor";
import { messages } from "../src/messages/index.js";
import { beginCellSource } from "./cells.js";
import { CommLayer } from "./comm.js";
import { ExecutionRecord, type ErrorContent } from "./errors.js";
import { History, type HistoryRequest } from "./history.js";
import { abortable, bundleFor, isPromise } from "./values.js";
import { adoptSockets, OrderedSends } from "./sends.js";
import { beginCell, kernelHooks, setCellOutput } from "./hooks.js";
import { bindWithDebugger } from "./debug/index.js";
import { completeness, expandShorthands, helpTarget } from "./source.js";
import { messageType, WireMessage } from "./wire.js";

type Message = Parameters<ZmqServer["handleExecute"]>[1];
type Socket = Parameters<ZmqServer["handleExecute"]>[0];
type Router = Parameters<ZmqServer["handleShellMessage"]>[0];
type Writer = Parameters<JupyterHandlerImpl["handleExecute"]>[2];
/** A request, parsed by tslab or by wire.ts: both can be answered. */
interface Request {
  content: object;
  metadata: object;
  createReply(): { header: { msg_type: string }; content: object; readonly metadata: object; signAndSend(key: string, sock: unknown): void };
}

interface ExecuteContent {
  code: string;
  silent?: boolean;
  store_history?: boolean;
  stop_on_error?: boolean;
}

/**
 * tslab's ZMQ server with the protocol fixed where plain tslab 1.0.22 breaks it:
 * replies carry `status`, errors carry ename/evalue/traceback and an `error` message,
 * the last value is an execute_result (with a rich bundle for plots), stop_on_error
 * is respected, is_complete knows invalid code, `name?` pages help, and the requests
 * tslab ignores (history, interrupt) are answered. Executions run one at a time, in order.
 */
export class ConcurrenceServer extends ZmqServer {
  /** Printed at the top of the next cell, once (e.g. why the previous kernel died: kernel/oom.ts). */
  notice: string | undefined;
  /** Called once, after the first kernel_info reply: Jupyter then waits a moment before its first request. */
  afterKernelInfo: (() => void) | undefined;
  readonly #executor: Executor;
  readonly #handler: JupyterHandlerImpl;
  readonly #implementationVersion: string;
  /** Whether the debugger's thread serves control, heartbeat and iopub (kernel/debug/). */
  #debugger = false;
  #queue: Promise<unknown> = Promise.resolve();
  #count = 0;
  /** Bumped by an error when stop_on_error: requests that arrived before it are aborted. */
  #errorEpoch = 0;
  /** Aborted by the next interrupt: an execution keeps the signal of its start. */
  #interrupted = new AbortController();
  readonly #history = new History();
  readonly #sends = new OrderedSends();
  readonly #comms = new CommLayer<Request>((parent, type, content, metadata) => this.#publish(parent, type, content, metadata));
  /** Requests that tslab's server does not route. */
  readonly #more: Record<string, (sock: Router, msg: WireMessage) => unknown> = {
    comm_open: (_sock, msg) => this.#comms.receive("comm_open", msg, msg.content),
    comm_msg: (_sock, msg) => this.#comms.receive("comm_msg", msg, msg.content),
    comm_close: (_sock, msg) => this.#comms.receive("comm_close", msg, msg.content),
    history_request: (sock, msg) =>
      this.#reply(sock, msg, "history_reply", { status: "ok", history: this.#history.query(msg.content as HistoryRequest) }),
    interrupt_request: (sock, msg) => {
      this.interrupt();
      this.#reply(sock, msg, "interrupt_reply", { status: "ok" });
    },
  };

  constructor(executor: Executor, configPath: string, implementationVersion: string) {
    const handler = new JupyterHandlerImpl(executor, false);
    super(handler, configPath);
    this.#executor = executor;
    this.#handler = handler;
    this.#implementationVersion = implementationVersion;
    this.#comms.install();
    adoptSockets(this, this.#sends, ["iopub", "shell", "control"]);
  }

  /** The sockets, bound by the debugger's thread where it can start, by tslab otherwise. */
  override async init(): Promise<void> {
    this.#debugger = await bindWithDebugger(this, this.configPath);
    if (!this.#debugger) await super.init();
  }

  /** The stop button (SIGINT): the cell's await, its tasks, and the kernel's own wait all end. */
  interrupt(): void {
    this.#executor.interrupt();
    kernelHooks()?.interrupt(new Error("interrupted by the kernel's stop button"));
    this.#interrupted.abort(new Error("Interrupted asynchronously"));
    this.#interrupted = new AbortController();
  }

  override async handleShellMessage(sock: Router, ...frames: Buffer[]): Promise<void> {
    const handle = this.#more[messageType(frames) ?? ""];
    if (!handle) return super.handleShellMessage(sock, ...frames);
    let msg: WireMessage;
    try {
      msg = WireMessage.parse(this.connInfo.key, frames);
    } catch (error) {
      return void console.error(`concurrence kernel: ignored a request: ${(error as Error).message}`);
    }
    this.publishStatus("busy", msg as unknown as Message);
    try {
      await handle(sock, msg);
    } finally {
      this.publishStatus("idle", msg as unknown as Message);
    }
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
      ...(this.#debugger ? { supported_features: ["debugger"], debugger: true } : {}),
    });
    const after = this.afterKernelInfo;
    this.afterKernelInfo = undefined;
    after?.();
  }

  override async handleExecute(sock: Socket, msg: Message): Promise<void> {
    const notice = this.notice;
    this.notice = undefined;
    const epoch = this.#errorEpoch;
    const run = this.#queue.then(() => this.#execute(sock, msg, epoch));
    this.#queue = run.catch(() => {});
    await run.finally(() => {
      // After the cell, before its idle status: a restarted kernel's first message could reach
      // iopub before Jupyter's subscriber has reconnected, and be lost.
      if (notice) this.#publish(msg, "stream", { name: "stderr", text: `${notice}\n` });
    });
  }

  override handleIsComplete(sock: Socket, msg: Message): void {
    this.#reply(sock, msg, "is_complete_reply", completeness((msg.content as { code: string }).code));
  }

  override handleCommInfoRequest(sock: Socket, msg: Message): void {
    const target = (msg.content as { target_name?: unknown }).target_name;
    this.#reply(sock, msg, "comm_info_reply", { status: "ok", comms: this.#comms.info(target) });
  }

  override handleShutdown(sock: Socket, msg: Message): void {
    // Stop every task now; exiting (below) kills the children and ends the threads.
    kernelHooks()?.interrupt(new Error("the kernel is shutting down"));
    this.#comms.closeAll(msg);
    const restart = Boolean((msg.content as { restart?: boolean }).restart);
    this.#reply(sock, msg, "shutdown_reply", { status: "ok", restart });
  }

  override close(): void {
    // The shutdown reply and the last status leave before the sockets close.
    void this.#sends.drained(1000).then(() => {
      super.close();
      setTimeout(() => process.exit(0), 50);
    });
  }

  async #execute(sock: Socket, msg: Message, epoch: number): Promise<void> {
    const content = msg.content as ExecuteContent;
    if (epoch !== this.#errorEpoch) {
      this.#reply(sock, msg, "execute_reply", { status: "aborted", execution_count: this.#count });
      return;
    }
    const interrupted = this.#interrupted.signal;
    const silent = Boolean(content.silent);
    if (content.store_history !== false && !silent) this.#history.add(++this.#count, content.code);
    const count = this.#count;
    this.#comms.enterCell(msg);
    this.#publish(msg, "execute_input", { code: content.code, execution_count: count });
    const help = helpTarget(content.code);
    if (help !== undefined) return this.#help(sock, msg, help, count);

    this.#routeOutput(msg, silent);
    const record = new ExecutionRecord();
    current = record;
    let ok: boolean;
    try {
      await beginCell(cellId(msg));
      // The stop button pressed while the previous run's resources were being disposed of.
      if (interrupted.aborted) throw interrupted.reason;
      // Errors quote the cell's lines (cells.ts); a run without its own count would take another cell's.
      if (content.store_history !== false && !silent) beginCellSource(count, content.code);
      ok = await this.#executor.execute(expandShorthands(content.code));
      // A promise as the last value is awaited, as in Deno's kernel: `pool.map(f, xs)` shows the array.
      if (ok && isPromise(record.value)) record.value = await abortable(record.value, interrupted);
      await kernelHooks()?.settle();
      // The stop button pressed while the cell's tasks were settling: the cell was interrupted too.
      if (interrupted.aborted) throw interrupted.reason;
    } catch (error) {
      record.console.error(error);
      ok = false;
    }

    if (ok) {
      if (record.hasValue && record.value !== undefined && !silent) {
        const data = (await bundleFor(record.value)) ?? { "text/plain": inspect(record.value) };
        this.#publish(msg, "execute_result", { execution_count: count, data, metadata: {} });
        this.#history.setOutput(count, String(data["text/plain"] ?? ""));
      }
      this.#reply(sock, msg, "execute_reply", { status: "ok", execution_count: count, user_expressions: {}, payload: [] });
      return;
    }
    const error: ErrorContent = record.toError(content.code);
    if (!silent) this.#publish(msg, "error", error);
    if (content.stop_on_error !== false) this.#errorEpoch++;
    this.#reply(sock, msg, "execute_reply", { status: "error", execution_count: count, ...error });
  }

  /** `name?` shows what the type checker knows of `name` in the pager, as IPython does. */
  #help(sock: Socket, msg: Message, name: string, count: number): void {
    // A name the checker cannot resolve has a quick info of kind "" (type `any`).
    const known = Boolean(this.#executor.inspect(name, name.length)?.kind);
    const info = known ? this.#handler.handleInspect({ code: name, cursor_pos: name.length, detail_level: 0 }) : undefined;
    const payload = info?.found ? [{ source: "page", data: info.data, start: 0 }] : [];
    if (!info?.found) this.#publish(msg, "stream", { name: "stdout", text: `${messages().kernel.nothingKnown(name)}\n` });
    this.#reply(sock, msg, "execute_reply", { status: "ok", execution_count: count, user_expressions: {}, payload });
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
    setCellOutput(writeDisplay, (wait) => {
      if (!silent) this.#publish(msg, "clear_output", { wait });
    });
  }

  #publish(parent: Request, type: string, content: object, metadata?: object): void {
    const message = parent.createReply();
    message.header.msg_type = type;
    message.content = content;
    if (metadata) Object.assign(message.metadata, metadata);
    message.signAndSend(this.connInfo.key, this.iopub);
  }

  #reply(sock: Socket, parent: Request, type: string, content: object): void {
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

function cellId(msg: Request): string | undefined {
  const meta = msg.metadata as { cellId?: unknown; cell_id?: unknown };
  const id = meta.cellId ?? meta.cell_id;
  return typeof id === "string" ? id : undefined;
}

function typescriptVersion(): string {
  return (require("@tslab/typescript-for-tslab") as { version: string }).version;
}
