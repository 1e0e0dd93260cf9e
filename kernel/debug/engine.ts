// Node's inspector, driven from the debugger's thread: the main thread's V8 pauses, this thread
// keeps running and reads the paused frames. https://chromedevtools.github.io/devtools-protocol/v8/
import { Session } from "node:inspector";

export interface RemoteObject {
  type: string;
  subtype?: string;
  className?: string;
  value?: unknown;
  unserializableValue?: string;
  description?: string;
  objectId?: string;
}

export interface Location {
  scriptId: string;
  lineNumber: number;
  columnNumber: number;
}

export interface CallFrame {
  callFrameId: string;
  functionName: string;
  location: Location;
  scopeChain: Array<{ type: string; object: RemoteObject; name?: string }>;
}

export interface Paused {
  callFrames: CallFrame[];
  reason: string;
  hitBreakpoints?: string[];
}

/** Scripts that are not a cell's: stepping goes through them without stopping. */
const NOT_A_CELL = "^(?!concurrence-cell-\\d+\\.js$)";

export class Engine {
  readonly #session = new Session();
  /** Script ids and their URLs, as V8 reports them while the debugger is on. */
  readonly scripts = new Map<string, string>();
  paused: Paused | undefined;
  enabled = false;
  onPaused: (paused: Paused) => void = () => {};
  onResumed: () => void = () => {};

  constructor() {
    this.#session.connectToMainThread();
    this.#session.on("Debugger.scriptParsed", ({ params }: { params: { scriptId: string; url: string } }) => {
      if (params.url) this.scripts.set(params.scriptId, params.url);
    });
    this.#session.on("Debugger.paused", ({ params }: { params: Paused }) => {
      this.paused = params;
      this.onPaused(params);
    });
    this.#session.on("Debugger.resumed", () => {
      this.paused = undefined;
      this.onResumed();
    });
  }

  post<T = Record<string, unknown>>(method: string, params: object = {}): Promise<T> {
    return new Promise((resolve, reject) => {
      this.#session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T)));
    });
  }

  async enable(): Promise<void> {
    if (this.enabled) return;
    this.enabled = true;
    await this.post("Debugger.enable");
    await this.post("Debugger.setBlackboxPatterns", { patterns: [NOT_A_CELL] });
  }

  /** Forgets every breakpoint and lets the main thread run on. */
  async disable(): Promise<void> {
    if (!this.enabled) return;
    this.enabled = false;
    await this.post("Debugger.disable");
    this.scripts.clear();
    this.paused = undefined;
  }

  /** Breakpoints stop again: the stop button skipped them until its cell ended (see worker.ts), and a new cell starts. */
  async stopSkipping(): Promise<void> {
    if (this.enabled) await this.post("Debugger.setSkipAllPauses", { skip: false });
  }

  close(): void {
    this.#session.disconnect();
  }
}
