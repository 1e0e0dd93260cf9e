// A live concurrence kernel for tests, driven with jupyter_client from the venv (test/kernel/driver.py).
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { NOTEBOOKS, PROJECT_ROOT, venvBin } from "../../scripts/paths.js";

export interface KernelOutput {
  msg_type: string;
  content: Record<string, unknown>;
  /** The message's own metadata, when it has any (comm_open's widget protocol version). */
  metadata?: Record<string, unknown>;
}

export interface Execution {
  reply: Record<string, unknown>;
  reply_type: string;
  outputs: KernelOutput[];
  seconds: number;
}

export interface ExecuteOptions {
  /** Sent as the request's `cellId` metadata, as JupyterLab does. */
  cellId?: string;
  stopOnError?: boolean;
  /** Seconds to wait for the reply. @default 60 */
  timeout?: number;
}

/** A DAP response, as debug_reply carries it. */
export interface DebugResponse {
  success: boolean;
  command: string;
  message?: string;
  body: Record<string, unknown>;
}

export class KernelSession {
  readonly #driver: ChildProcessWithoutNullStreams;
  readonly #answers: AsyncIterator<string>;
  #log = "";
  #debugSeq = 0;
  /** The kernel process (node dist/kernel/launch.js). */
  pid = 0;

  private constructor(driver: ChildProcessWithoutNullStreams) {
    this.#driver = driver;
    this.#answers = createInterface({ input: driver.stdout })[Symbol.asyncIterator]();
    driver.stderr.on("data", (chunk) => (this.#log += chunk));
  }

  /** Starts a kernel; if it does not become ready, the driver and its kernel are stopped. `env`: added to the kernel's environment, e.g. `{ CONCURRENCE_LANG: "en" }`. */
  static async start(cwd = NOTEBOOKS, env: NodeJS.ProcessEnv = {}): Promise<KernelSession> {
    const driver = spawn(venvBin("python"), [path.join(PROJECT_ROOT, "test", "kernel", "driver.py"), cwd], { env: { ...process.env, ...env } });
    const session = new KernelSession(driver);
    try {
      const ready = (await session.#next()) as { pid: number };
      session.pid = ready.pid;
    } catch (error) {
      await session.#stopDriver();
      throw error;
    }
    return session;
  }

  /** What the driver and the kernel wrote to stderr: print it when a test fails. */
  get log(): string {
    return this.#log;
  }

  async #next(): Promise<Record<string, unknown>> {
    const line = await this.#answers.next();
    if (line.done) throw new Error(`the kernel driver stopped:\n${this.#log}`);
    const answer = JSON.parse(line.value) as Record<string, unknown>;
    if (answer.error) throw new Error(`${String(answer.error)}\n${this.#log}`);
    return answer;
  }

  async #command(command: Record<string, unknown>): Promise<Record<string, unknown>> {
    this.#driver.stdin.write(`${JSON.stringify(command)}\n`);
    return this.#next();
  }

  /** A Debug Adapter Protocol request to the kernel's debugger (debug_request on control): its response. */
  async debug(command: string, args: Record<string, unknown> = {}): Promise<DebugResponse> {
    const content = { type: "request", seq: ++this.#debugSeq, command, arguments: args };
    const answer = await this.request("debug_request", content, "control");
    if (answer.reply_type !== "debug_reply") throw new Error(`${command}: got ${answer.reply_type}\n${this.#log}`);
    return answer.reply as unknown as DebugResponse;
  }

  /** Waits for the debugger's next event named `event` ("stopped", "continued"…). */
  async debugEvent(event: string, timeout = 30): Promise<Record<string, unknown>> {
    return (await this.#command({ op: "debug_event", event, timeout })).event as Record<string, unknown>;
  }

  /** Runs code and waits for its reply and outputs. */
  async execute(code: string, options: ExecuteOptions = {}): Promise<Execution> {
    return (await this.#command({ op: "request", ...executeCommand(code, options) })) as unknown as Execution;
  }

  /** Sends code without waiting; `collect` waits for it. */
  async send(code: string, options: ExecuteOptions = {}): Promise<string> {
    return (await this.#command({ op: "send", ...executeCommand(code, options) })).msg_id as string;
  }

  async collect(msgId: string, timeout = 60): Promise<Execution> {
    return (await this.#command({ op: "collect", msg_id: msgId, timeout })) as unknown as Execution;
  }

  /** Waits until the execution `msgId` prints `text`: then its code surely runs. */
  async until(msgId: string, text: string, timeout = 60): Promise<void> {
    await this.#command({ op: "until", msg_id: msgId, text, timeout });
  }

  /** Any other shell (or control) request, e.g. complete_request. */
  async request(type: string, content: Record<string, unknown>, channel: "shell" | "control" = "shell"): Promise<Execution> {
    return (await this.#command({ op: "request", type, content, channel })) as unknown as Execution;
  }

  /** A message that has no reply (comm_msg, comm_close): what it caused on iopub, until idle. */
  async notify(type: string, content: Record<string, unknown>, timeout = 60): Promise<Execution> {
    return (await this.#command({ op: "notify", type, content, timeout })) as unknown as Execution;
  }

  /** JupyterLab's stop button, as jupyter_client sends it: an interrupt_request on control (the kernelspec's interrupt_mode), which the kernel turns into its own SIGINT. */
  async interrupt(): Promise<void> {
    await this.#command({ op: "interrupt" });
  }

  /**
   * Shuts the kernel down. Safe to call twice, and after a failure: a driver that does not
   * answer within 60 s is stopped (SIGTERM, which shuts its kernel down, then SIGKILL).
   */
  async shutdown(): Promise<void> {
    if (this.#exited()) return;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise((resolve) => (timer = setTimeout(resolve, 60_000)));
    try {
      await Promise.race([this.#command({ op: "shutdown" }), late]);
    } catch {
      // The driver already stopped, or failed: it is stopped below.
    } finally {
      clearTimeout(timer);
      await this.#stopDriver();
    }
  }

  #exited(): boolean {
    return this.#driver.exitCode !== null || this.#driver.signalCode !== null;
  }

  /** Waits for the driver to exit: a few seconds, then SIGTERM, then SIGKILL. */
  async #stopDriver(): Promise<void> {
    for (const signal of [undefined, "SIGTERM", "SIGKILL"] as const) {
      if (this.#exited()) return;
      if (signal) this.#driver.kill(signal);
      let timer: NodeJS.Timeout | undefined;
      await new Promise((resolve) => {
        timer = setTimeout(resolve, signal === "SIGTERM" ? 15_000 : 5_000);
        this.#driver.once("exit", resolve);
      });
      clearTimeout(timer);
    }
  }
}

function executeCommand(code: string, options: ExecuteOptions): Record<string, unknown> {
  return {
    type: "execute_request",
    content: { code, ...(options.stopOnError === undefined ? {} : { stop_on_error: options.stopOnError }) },
    cell_id: options.cellId,
    timeout: options.timeout ?? 60,
  };
}

/** Every process below `pid`, from /proc (Linux). */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of parents) if (ppid === parent) (found.push(child), walk(child));
  };
  walk(pid);
  return found;
}

/**
 * The processes below the kernel that run tasks: its descendants without the virtual X display
 * (Xvfb and the shell that watches it, see kernel/xdisplay.ts), which lives as long as the kernel.
 */
export function taskProcesses(pid: number): number[] {
  return descendants(pid).filter((child) => {
    try {
      return !/Xvfb|-displayfd/.test(readFileSync(`/proc/${child}/cmdline`, "utf8"));
    } catch {
      return false;
    }
  });
}

/** Waits up to `seconds` until none of `pids` runs; gives those still running. */
export async function outlived(pids: number[], seconds = 5): Promise<number[]> {
  const deadline = Date.now() + seconds * 1000;
  while (pids.some(isRunning) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return pids.filter(isRunning);
}

/** How many threads the process `pid` has now (Linux). */
export function threadCount(pid: number): number {
  return readdirSync(`/proc/${pid}/task`).length;
}

/** The text a cell printed on a stream. */
export function streamOf(execution: Execution, name = "stdout"): string {
  return execution.outputs
    .filter((o) => o.msg_type === "stream" && o.content.name === name)
    .map((o) => String(o.content.text))
    .join("");
}

/** Whether process `pid` runs (Linux): a zombie, exited but not yet reaped by its parent, does not. */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}
