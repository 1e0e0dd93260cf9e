// headless-gl (the `gl` package, gpu.js's GPU backend in Node) needs an X display. A kernel
// started by JupyterLab on a server has none: this gives it a private virtual one (Xvfb).
import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";

export interface VirtualDisplayOptions {
  /** Where `gl` is looked for. @default the project's root */
  from?: string;
  /** How long Xvfb may take to accept connections. @default 10000 */
  timeoutMs?: number;
}

const PROJECT_ROOT = path.resolve(__dirname, "..", "..");

// The shell stays between us and Xvfb as a lifeline: `read` returns when our end of its stdin
// closes, which the OS does whenever this process ends, even by SIGKILL. Then Xvfb is killed.
// Xvfb prints its display number on stdout (-displayfd 1) once it accepts connections.
const LIFELINE = `"$0" -displayfd 1 -nolisten tcp -screen 0 1280x1024x24 </dev/null &
x=$!
read _
kill $x 2>/dev/null
wait $x`;

let started: Promise<string | undefined> | undefined;

/**
 * Makes sure this process has an X display when headless-gl is installed: keeps DISPLAY if it
 * is set, else starts Xvfb, sets DISPLAY, and resolves with it once the server is ready.
 * Resolves undefined (GPU code then uses gpu.js's CPU modes) when `gl` or Xvfb is missing.
 * Xvfb dies with this process. Calling it again returns the same display.
 */
export function virtualDisplay(options: VirtualDisplayOptions = {}): Promise<string | undefined> {
  started ??= start(options);
  return started;
}

async function start({ from = PROJECT_ROOT, timeoutMs = 10_000 }: VirtualDisplayOptions): Promise<string | undefined> {
  if (process.env.DISPLAY) return process.env.DISPLAY;
  if (!resolves("gl", from)) return undefined;
  const xvfb = onPath("Xvfb");
  if (!xvfb) {
    process.stderr.write("concurrence: headless-gl is installed but Xvfb is not; GPU kernels will run on the CPU (apt-get install xvfb).\n");
    return undefined;
  }
  // detached: its own process group, so that the stop button's SIGINT to ours does not reach it.
  const child = spawn("/bin/sh", ["-c", LIFELINE, xvfb], { detached: true, stdio: ["pipe", "pipe", "ignore"] });
  try {
    const display = `:${await displayNumber(child, timeoutMs)}`;
    process.env.DISPLAY = display;
    release(child);
    return display;
  } catch (error) {
    child.kill("SIGKILL");
    process.stderr.write(`concurrence: Xvfb did not start (${(error as Error).message}); GPU kernels will run on the CPU.\n`);
    return undefined;
  }
}

/** The number Xvfb writes when it is ready. */
function displayNumber(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => reject(new Error(`no display after ${timeoutMs} ms`)), timeoutMs);
    child.stdout!.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      const match = /^(\d+)\n/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on("error", (error) => (clearTimeout(timer), reject(error)));
    child.on("exit", (code) => (clearTimeout(timer), reject(new Error(`it exited with code ${code}`))));
  });
}

/** The kernel's event loop must not wait for Xvfb. Its stdout stays open (a write must not SIGPIPE it). */
function release(child: ChildProcess): void {
  child.removeAllListeners("exit");
  child.stdout!.removeAllListeners("data").resume();
  for (const handle of [child, child.stdin, child.stdout] as Array<{ unref?(): void } | null>) handle?.unref?.();
}

function resolves(name: string, from: string): boolean {
  try {
    require.resolve(name, { paths: [from] });
    return true;
  } catch {
    return false;
  }
}

function onPath(program: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir || ".", program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}
