// The Debug Adapter Protocol as JupyterLab speaks it to a kernel (Jupyter's `debug_request`),
// answered on the debugger's thread with Node's inspector. https://microsoft.github.io/debug-adapter-protocol/
import { mkdirSync, readFileSync } from "node:fs";
import { writeFileAtomic } from "../../src/files/index.js";
import { messages } from "../../src/messages/index.js";
import { Breakpoints, type SourceBreakpoint } from "./breakpoints.js";
import type { CellStore } from "./cellstore.js";
import { Engine, type Paused } from "./engine.js";
import { cellFolder, cellPath, FILE_SUFFIX, filePrefix, HASH_SEED } from "./murmur.js";
import { frames, pauseReason } from "./frames.js";
import { Variables } from "./variables.js";

export interface Request {
  seq: number;
  type: "request";
  command: string;
  arguments?: Record<string, unknown>;
}

type Body = Record<string, unknown>;
/** The main thread has one thread of JavaScript: DAP's thread 1. */
export const THREAD = 1;

export class Adapter {
  readonly engine = new Engine();
  readonly breakpoints: Breakpoints;
  readonly #variables = new Variables(this.engine);
  #started = false;
  #seq = 0;
  /** What the last request that resumes asked for: the next pause is a "step" or a "pause". */
  #resumedBy: string | undefined;
  readonly #handlers: Record<string, (args: Body) => Promise<Body | undefined> | Body | undefined> = {
    debugInfo: () => this.#debugInfo(),
    initialize: async () => {
      await this.engine.enable();
      this.#started = true;
      setImmediate(() => this.#emit("initialized", {}));
      return {
        supportsConfigurationDoneRequest: true,
        supportsEvaluateForHovers: true,
        supportsConditionalBreakpoints: true,
        exceptionBreakpointFilters: [
          { filter: "uncaught", label: "Uncaught Exceptions", default: false },
          { filter: "all", label: "All Exceptions", default: false },
        ],
      };
    },
    attach: () => {
      setImmediate(() => this.#emit("thread", { reason: "started", threadId: THREAD }));
      return {};
    },
    configurationDone: () => ({}),
    threads: () => ({ threads: [{ id: THREAD, name: "main" }] }),
    dumpCell: (args) => this.#dumpCell(String(args.code ?? "")),
    setBreakpoints: async (args) => {
      const path = String((args.source as { path?: string } | undefined)?.path ?? "");
      return { breakpoints: await this.breakpoints.set(path, (args.breakpoints as SourceBreakpoint[] | undefined) ?? []) };
    },
    setExceptionBreakpoints: async (args) => {
      const filters = (args.filters as string[] | undefined) ?? [];
      const state = filters.includes("all") ? "all" : filters.includes("uncaught") ? "uncaught" : "none";
      await this.engine.post("Debugger.setPauseOnExceptions", { state });
      return {};
    },
    stackTrace: () => {
      const paused = this.#paused();
      const stackFrames = frames(paused.callFrames, this.engine, this.cells);
      return { stackFrames, totalFrames: stackFrames.length };
    },
    scopes: async (args) => ({ scopes: await this.#variables.scopes(this.#frame(args.frameId)) }),
    variables: async (args) => {
      const variables = await this.#variables.variables(Number(args.variablesReference));
      if (!variables) throw new Error(messages().debugger.unknownVariables);
      return { variables };
    },
    inspectVariables: async () => ({ variables: await this.#variables.globals() }),
    richInspectVariables: async (args) => this.#richInspect(String(args.variableName ?? ""), args.frameId),
    evaluate: async (args) => this.#evaluate(String(args.expression ?? ""), args.frameId),
    source: (args) => {
      const path = String((args.source as { path?: string } | undefined)?.path ?? "");
      const content = this.cells.codeOf(path) ?? readDumped(path);
      if (content === undefined) throw new Error(messages().debugger.unknownSource(path));
      return { content, mimeType: "text/typescript" };
    },
    continue: () => this.#resume("continue", "Debugger.resume"),
    next: () => this.#resume("step", "Debugger.stepOver"),
    stepIn: () => this.#resume("step", "Debugger.stepInto"),
    stepOut: () => this.#resume("step", "Debugger.stepOut"),
    pause: async () => {
      this.#resumedBy = "pause";
      await this.engine.post("Debugger.pause");
      return {};
    },
    modules: () => ({ modules: [], totalModules: 0 }),
    loadedSources: () => ({ sources: [] }),
    disconnect: async () => {
      await this.stop();
      return {};
    },
  };

  /** Sends a DAP event on iopub (set by the thread). */
  sendEvent: (event: object) => void = () => {};

  /** `cells`: those compiled before the debugger was first asked for (the thread keeps them). */
  constructor(readonly cells: CellStore) {
    this.breakpoints = new Breakpoints(this.engine, cells);
    this.engine.onPaused = (paused) => void this.#onPaused(paused);
    this.engine.onResumed = () => {
      this.#variables.reset();
      this.#emit("continued", { threadId: THREAD, allThreadsContinued: true });
    };
  }

  get started(): boolean {
    return this.#started;
  }

  async handle(request: Request): Promise<object> {
    const base = { seq: ++this.#seq, type: "response", request_seq: request.seq, command: request.command };
    const handler = this.#handlers[request.command];
    if (!handler) return { ...base, success: false, message: messages().debugger.unsupported(request.command), body: {} };
    try {
      const body = (await handler(request.arguments ?? {})) ?? {};
      return { ...base, success: true, body };
    } catch (error) {
      return { ...base, success: false, message: (error as Error).message ?? String(error), body: {} };
    }
  }

  /** disconnect, or the kernel shutting down: breakpoints go, and a paused cell runs on. */
  async stop(): Promise<void> {
    this.breakpoints.clear();
    if (this.engine.paused) await this.engine.post("Debugger.resume").catch(() => {});
    await this.engine.disable();
    this.#started = false;
  }

  /** A cell compiled on the main thread, about to run: its breakpoints go on before it does. */
  async cellCompiled(cell: Parameters<CellStore["add"]>[0]): Promise<void> {
    this.cells.add(cell);
    if (!this.engine.enabled) return;
    await this.engine.stopSkipping();
    await this.breakpoints.place(cell.count).catch(() => {});
  }

  async #onPaused(paused: Paused): Promise<void> {
    const top = paused.callFrames[0];
    const cell = top && this.cells.byUrl(this.engine.scripts.get(top.location.scriptId));
    // tslab's lines that publish a cell's names are not the student's: step over them.
    if (cell && cell.lines.isGlue(top.location) && this.#resumedBy === "step" && !paused.hitBreakpoints?.length) {
      await this.engine.post("Debugger.stepOver").catch(() => {});
      return;
    }
    const reason = pauseReason(paused, this.#resumedBy);
    this.#resumedBy = undefined;
    this.#emit("stopped", { reason, threadId: THREAD, allThreadsStopped: true, preserveFocusHint: false });
  }

  #emit(event: string, body: object): void {
    this.sendEvent({ seq: ++this.#seq, type: "event", event, body });
  }

  #debugInfo(): Body {
    return {
      isStarted: this.#started,
      hashMethod: "Murmur2",
      hashSeed: HASH_SEED,
      tmpFilePrefix: filePrefix(),
      tmpFileSuffix: FILE_SUFFIX,
      breakpoints: this.breakpoints.list(),
      stoppedThreads: this.engine.paused ? [THREAD] : [],
      richRendering: true,
      exceptionPaths: [],
      copyToGlobals: false,
    };
  }

  #dumpCell(code: string): Body {
    mkdirSync(cellFolder(), { recursive: true, mode: 0o700 });
    const sourcePath = cellPath(code);
    writeFileAtomic(sourcePath, code);
    return { sourcePath };
  }

  #paused(): Paused {
    if (!this.engine.paused) throw new Error(messages().debugger.notPaused);
    return this.engine.paused;
  }

  #frame(frameId: unknown): Paused["callFrames"][number] {
    const frame = this.#paused().callFrames[Number(frameId)];
    if (!frame) throw new Error(messages().debugger.unknownFrame);
    return frame;
  }

  async #resume(by: string, method: string): Promise<Body> {
    this.#paused();
    this.#resumedBy = by;
    await this.engine.post(method);
    return { allThreadsContinued: true };
  }

  async #evaluate(expression: string, frameId: unknown): Promise<Body> {
    // The notebook's names live on tslab's object; a paused frame sees its own locals first.
    const inFrame = this.engine.paused && frameId !== undefined ? this.#frame(frameId) : undefined;
    const wrapped = `with (globalThis.__tslab__ ? globalThis.__tslab__.exports : {}) { ${expression}\n}`;
    let answer = inFrame
      ? await this.engine.post<EvalResult>("Debugger.evaluateOnCallFrame", { callFrameId: inFrame.callFrameId, expression, silent: true })
      : undefined;
    if (!answer || answer.exceptionDetails?.exception?.className === "ReferenceError") {
      answer = inFrame
        ? await this.engine.post<EvalResult>("Debugger.evaluateOnCallFrame", { callFrameId: inFrame.callFrameId, expression: wrapped, silent: true })
        : await this.engine.post<EvalResult>("Runtime.evaluate", { expression: wrapped, silent: true });
    }
    const { result, exceptionDetails } = answer;
    if (exceptionDetails) throw new Error(messages().debugger.evaluateFailed(result.description?.split("\n")[0] ?? exceptionDetails.text));
    const shown = await this.#variables.describe(result);
    return { result: shown.value, type: shown.type, variablesReference: shown.variablesReference };
  }

  async #richInspect(name: string, frameId: unknown): Promise<Body> {
    if (!/^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(name)) return { data: {}, metadata: {} };
    const { result } = await this.#evaluate(name, frameId);
    return { data: { "text/plain": String(result) }, metadata: {} };
  }
}

interface EvalResult {
  result: import("./engine.js").RemoteObject;
  exceptionDetails?: { text: string; exception?: { className?: string } };
}

function readDumped(path: string): string | undefined {
  if (!path.startsWith(filePrefix())) return undefined;
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}
