// Installs the kernelspec "TypeScript (concurrence)": into the project's venv by default,
// or into a Jupyter you already have:  npm run kernel:install -- --jupyter "$(command -v jupyter)"
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { KERNEL_NAME, PROJECT_ROOT, venvBin } from "../scripts/paths.js";
import { language, type Language } from "../src/messages/index.js";
import { output, run, runMain } from "../scripts/run.js";

export type InstallTarget = "sys-prefix" | "user" | { prefix: string };

/** The messages' language (the catalog's): French by default; "en" puts CONCURRENCE_LANG=en in the kernelspec's env. */
export type { Language };

export function kernelSpec(lang: Language = "fr"): object {
  return {
    // start.sh starts the kernel from its startup snapshot where it can (kernel/snapshot/).
    argv: ["/bin/sh", path.join(PROJECT_ROOT, "kernel", "snapshot", "start.sh"), process.execPath, "{connection_file}"],
    display_name: "TypeScript (concurrence)",
    language: "typescript",
    // The stop button as a control message: the debugger's thread receives it even while a cell
    // is paused at a breakpoint, resumes the cell, then interrupts it (kernel/debug/worker.ts).
    interrupt_mode: "message",
    metadata: { debugger: true },
    ...(lang === "en" ? { env: { CONCURRENCE_LANG: "en" } } : {}),
  };
}

const HELP = `Usage: npm run kernel:install -- [--jupyter PATH] [--user | --sys-prefix | --prefix DIR] [--lang fr|en]

Installs the Jupyter kernel "TypeScript (concurrence)".
  --jupyter PATH   the \`jupyter\` command to install into (default: the project's .venv)
  --user           per user (the default with --jupyter)
  --sys-prefix     into that Jupyter's environment (the default for the project's .venv)
  --prefix DIR     under DIR/share/jupyter/kernels
  --lang fr|en     the language of error messages and TypeScript diagnostics (default: fr).
                   --lang en writes CONCURRENCE_LANG=en into the kernelspec's env; you can also
                   start Jupyter with CONCURRENCE_LANG=en in its environment.
  --help           this text`;

function targetArgs(target: InstallTarget): string[] {
  if (target === "sys-prefix") return ["--sys-prefix"];
  if (target === "user") return ["--user"];
  return ["--prefix", target.prefix];
}

/**
 * Installs the kernelspec with `jupyter kernelspec install`. `current` is where the spec already
 * is, if the caller knows: when it holds the same spec, nothing is done.
 */
export function installKernel({ jupyter, target, current, lang }: { jupyter: string; target: InstallTarget; current?: string; lang?: Language }): void {
  if (!existsSync(jupyter) && !output(jupyter, ["--version"])) {
    throw new Error(`no Jupyter at ${jupyter}: give the path of your \`jupyter\` command with --jupyter`);
  }
  // Without --lang, a re-install (npm run setup, npm start) keeps the language installed before.
  const spec = `${JSON.stringify(kernelSpec(lang ?? installedLanguage(current)), null, 2)}\n`;
  if (current && existsSync(current) && readFileSync(current, "utf8") === spec) return;
  const dir = mkdtempSync(path.join(os.tmpdir(), "concurrence-kernel-"));
  chmodSync(dir, 0o755); // jupyter copies the folder's mode: every user of the environment reads the kernelspec
  try {
    writeFileSync(path.join(dir, "kernel.json"), spec);
    copyFileSync(path.join(PROJECT_ROOT, "kernel", "logo-svg.svg"), path.join(dir, "logo-svg.svg"));
    run(jupyter, ["kernelspec", "install", "--replace", "--name", KERNEL_NAME, ...targetArgs(target), dir], {
      stdio: ["ignore", "ignore", "pipe"],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`Kernel "TypeScript (concurrence)" installed for ${jupyter}`);
}

function installedLanguage(current: string | undefined): Language | undefined {
  try {
    const spec = JSON.parse(readFileSync(current ?? "", "utf8")) as { env?: { CONCURRENCE_LANG?: string } };
    return spec.env && language(spec.env) === "en" ? "en" : undefined;
  } catch {
    return undefined; // none yet
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      jupyter: { type: "string" },
      user: { type: "boolean" },
      "sys-prefix": { type: "boolean" },
      prefix: { type: "string" },
      lang: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return void console.log(HELP);
  const lang = values.lang;
  if (lang !== undefined && lang !== "fr" && lang !== "en") throw new Error(`--lang must be fr or en, got ${JSON.stringify(lang)}`);
  const jupyter = values.jupyter ?? venvBin("jupyter");
  const target: InstallTarget = values.prefix
    ? { prefix: values.prefix }
    : values["sys-prefix"] || !values.jupyter
      ? "sys-prefix"
      : "user";
  installKernel({ jupyter, target, lang });
}

if (require.main === module) runMain("kernel install", main);
