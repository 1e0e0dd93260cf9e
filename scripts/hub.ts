// `npm run hub`: JupyterHub for a class, on 127.0.0.1:8000 by default, from deploy/jupyterhub/.
//   npm run hub -- [--port 8000] [--cpus 2] [--memory 2G] [--max-workers 12] [--cull 600] [--data .hub] [--homes /home] [--config FILE]
//   npm run hub -- --publish   (only publishes the edition: running servers get it at their next start)
// It publishes the student edition as a git repository (nbgitpuller's source), then runs
// JupyterHub with configurable-http-proxy; Ctrl-C stops the hub, the proxy and every server.
// The hub runs as root: each student's server runs as their own account (jupyter-<name>).
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { freePort } from "./ports.js";
import { publishEdition } from "./hub/edition.js";
import { messages } from "./hub/messages.js";
import { NOTEBOOKS, PROJECT_ROOT, venvBin } from "./paths.js";

export const HUB_CONFIG = path.join(PROJECT_ROOT, "deploy", "jupyterhub", "jupyterhub_config.py");

function positive(name: string, value: string, integer: boolean): string {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new RangeError(messages().positive(name, integer, value));
  }
  return value;
}

export async function hubEnvironment(args: string[]): Promise<{ env: Record<string, string>; config: string; data: string; publishOnly: boolean }> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      port: { type: "string", default: "8000" },
      ip: { type: "string", default: "127.0.0.1" },
      cpus: { type: "string", default: "2" },
      memory: { type: "string", default: "2G" },
      "max-workers": { type: "string" },
      cull: { type: "string", default: "600" },
      data: { type: "string", default: path.join(PROJECT_ROOT, ".hub") },
      homes: { type: "string", default: "/home" },
      config: { type: "string", default: HUB_CONFIG },
      publish: { type: "boolean", default: false },
    },
  });
  if (!/^\d+(\.\d+)?[KMGT]?$/i.test(values.memory)) throw new RangeError(messages().memory(values.memory));
  // Every option is checked before anything is written.
  const port = positive("port", values.port, true);
  const cpus = positive("cpus", values.cpus, false);
  const maxWorkers = values["max-workers"] && positive("max-workers", values["max-workers"], true);
  const cull = values.cull === "0" ? "0" : positive("cull", values.cull, true);
  const data = path.resolve(values.data);
  mkdirSync(data, { recursive: true, mode: 0o700 });
  chmodSync(data, 0o700); // the database, the cookie secret and the edition are root's only
  const edition = path.join(data, "edition");
  const published = publishEdition({ from: NOTEBOOKS, repo: edition });
  console.log(messages().published(published.commit.slice(0, 8), edition, published.changed));
  const env: Record<string, string> = {
    CONCURRENCE_HUB_IP: values.ip,
    CONCURRENCE_HUB_PORT: port,
    CONCURRENCE_HUB_HUB_PORT: String(await freePort()),
    CONCURRENCE_HUB_PROXY_API_PORT: String(await freePort()),
    CONCURRENCE_HUB_DATA: data,
    CONCURRENCE_HUB_HOMES: path.resolve(values.homes),
    CONCURRENCE_HUB_CULL: cull,
    CONCURRENCE_HUB_EDITION: edition,
    CONCURRENCE_HUB_CPUS: cpus,
    CONCURRENCE_HUB_MEMORY: values.memory,
    CONCURRENCE_HUB_PROXY: path.join(PROJECT_ROOT, "node_modules", ".bin", "configurable-http-proxy"),
  };
  if (maxWorkers) env.CONCURRENCE_HUB_MAX_WORKERS = maxWorkers;
  return { env, config: path.resolve(values.config), data, publishOnly: values.publish };
}

async function main(): Promise<void> {
  const { env, config, data, publishOnly } = await hubEnvironment(process.argv.slice(2));
  if (publishOnly) return;
  if (process.getuid?.() !== 0) throw new Error(messages().notRoot);
  const jupyterhub = venvBin("jupyterhub");
  if (!existsSync(jupyterhub)) throw new Error(messages().noHub);
  console.log(messages().serving(`http://${env.CONCURRENCE_HUB_IP}:${env.CONCURRENCE_HUB_PORT}/`));
  const hub = spawn(jupyterhub, ["-f", config], { cwd: data, env: { ...process.env, ...env }, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => hub.kill(signal));
  hub.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(`${messages().failed} ${error.message}`);
    process.exit(1);
  });
}
