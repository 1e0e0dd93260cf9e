// JupyterLab for the browser tests: started by `npm start`'s script on 127.0.0.1, a free port
// and a token, serving copies of the course's notebooks, with its own settings and state.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { NOTEBOOKS, PROJECT_ROOT } from "../../scripts/paths.js";
import { descendants, isRunning } from "../helpers/kernel.js";
import { freePort } from "../../scripts/ports.js";
import { chromiumPath } from "./chromium.js";

/** Browser test results (screenshots, logs): git-ignored. */
export const RESULTS = path.join(PROJECT_ROOT, "test-results", "browser");

/** JupyterLab's settings for a test: no news or update check (nothing reaches the internet, no toast). */
function writeSettings(dir: string): void {
  const file = path.join(dir, "@jupyterlab", "apputils-extension", "notification.jupyterlab-settings");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ fetchNews: "false", checkForUpdates: false }));
}

export class Lab {
  #log = "";
  readonly #seen = new Set<number>();

  private constructor(
    readonly process: ChildProcess,
    /** The folder served: copies, inside the project so that notebooks resolve `concurrence`. */
    readonly root: string,
    readonly port: number,
    readonly token: string,
    readonly state: string,
  ) {
    const append = (chunk: Buffer) => (this.#log += chunk.toString());
    process.stdout!.on("data", append);
    process.stderr!.on("data", append);
  }

  /**
   * Serves copies of notebooks/ (the sources are never opened) and waits until JupyterLab answers.
   * Checks first that Chromium is there (a browser test without it fails in milliseconds), and
   * stops JupyterLab again if it does not become ready.
   */
  static async start(): Promise<Lab> {
    chromiumPath();
    mkdirSync(RESULTS, { recursive: true });
    const root = mkdtempSync(path.join(RESULTS, "notebooks-"));
    cpSync(NOTEBOOKS, root, { recursive: true });
    const state = mkdtempSync(path.join(os.tmpdir(), "concurrence-lab-"));
    writeSettings(path.join(state, "settings"));
    const port = await freePort();
    const token = randomBytes(16).toString("hex");
    const child = spawn(
      process.execPath,
      [path.join(PROJECT_ROOT, "dist", "scripts", "start.js"), "--no-browser", `--port=${port}`, "--ServerApp.port_retries=0", `--IdentityProvider.token=${token}`, `--ServerApp.root_dir=${root}`],
      {
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          // The user's own Jupyter configuration, settings and workspaces stay out of the test.
          JUPYTER_CONFIG_DIR: path.join(state, "config"),
          JUPYTER_DATA_DIR: path.join(state, "data"),
          JUPYTER_RUNTIME_DIR: path.join(state, "runtime"),
          JUPYTERLAB_SETTINGS_DIR: path.join(state, "settings"),
          JUPYTERLAB_WORKSPACES_DIR: path.join(state, "workspaces"),
        },
      },
    );
    const lab = new Lab(child, root, port, token, state);
    try {
      await lab.#waitUntilReady(180);
    } catch (error) {
      await lab.stop();
      throw error;
    }
    return lab;
  }

  /** What JupyterLab and its kernels wrote (the kernel's stderr goes to JupyterLab's). */
  get log(): string {
    return this.#log;
  }

  url(notebook: string): string {
    return `http://127.0.0.1:${this.port}/lab/tree/${encodeURIComponent(notebook)}?token=${this.token}`;
  }

  async api<T>(route: string): Promise<T> {
    const response = await fetch(`http://127.0.0.1:${this.port}/api/${route}?token=${this.token}`);
    if (!response.ok) throw new Error(`GET /api/${route}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }

  /** The sessions once there are `count`: JupyterLab creates a notebook's session a moment after the kernel starts. */
  async sessions(count: number, timeoutMs = 30_000): Promise<Array<{ kernel: { id: string; name: string } }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const sessions = await this.api<Array<{ kernel: { id: string; name: string } }>>("sessions");
      if (sessions.length >= count || Date.now() > deadline) return sessions;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** Notes the processes below JupyterLab now (kernels and their workers), to check them at stop. */
  noteProcesses(): void {
    for (const pid of descendants(this.process.pid!)) this.#seen.add(pid);
  }

  /** Stops JupyterLab as Ctrl+C would, and gives the processes it started that outlived it. */
  async stop(): Promise<number[]> {
    this.noteProcesses();
    const exited = new Promise((resolve) => (this.process.exitCode !== null ? resolve(null) : this.process.once("exit", resolve)));
    this.process.kill("SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    const stopped = await Promise.race([exited.then(() => true), new Promise((r) => (timer = setTimeout(() => r(false), 30_000)))]);
    clearTimeout(timer);
    if (!stopped) this.process.kill("SIGKILL");
    await new Promise((r) => setTimeout(r, 500));
    const left = [...this.#seen].filter(isRunning);
    for (const pid of left) process.kill(pid, "SIGKILL");
    rmSync(this.root, { recursive: true, force: true });
    rmSync(this.state, { recursive: true, force: true });
    return left;
  }

  async #waitUntilReady(seconds: number): Promise<void> {
    const deadline = Date.now() + seconds * 1000;
    for (;;) {
      if (this.process.exitCode !== null) throw new Error(`JupyterLab exited with code ${this.process.exitCode}:\n${this.#log}`);
      try {
        await this.api("kernelspecs");
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`JupyterLab did not answer in ${seconds} s (${(error as Error).message}):\n${this.#log}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }
}
