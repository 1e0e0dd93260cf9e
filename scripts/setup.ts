// Makes the Jupyter side ready: the project's .venv from requirements.txt, and the kernel
// installed into it. Idempotent: when nothing changed, it checks two hashes and returns.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { installKernel } from "../kernel/install.js";
import { writeFileAtomic } from "./atomic.js";
import { KERNEL_NAME, PROJECT_ROOT, VENV, venvBin } from "./paths.js";
import { output, run, runMain } from "./run.js";

const REQUIREMENTS = path.join(PROJECT_ROOT, "requirements.txt");
const STAMP = path.join(VENV, ".requirements.sha256");

function findPython(): string {
  for (const candidate of [process.env.PYTHON, "python3", "python"]) {
    if (!candidate) continue;
    const version = output(candidate, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"]);
    if (!version) continue;
    const [major, minor] = version.split(".").map(Number);
    if (major === 3 && minor >= 9) return candidate;
    throw new Error(`${candidate} is Python ${version}; concurrence needs Python 3.9 or newer (set PYTHON=/path/to/python3)`);
  }
  throw new Error("Python 3.9+ was not found: install python3 (with its venv module), or set PYTHON=/path/to/python3");
}

export function ensureVenv(): void {
  const wanted = createHash("sha256").update(readFileSync(REQUIREMENTS)).digest("hex");
  if (existsSync(venvBin("python")) && existsSync(STAMP) && readFileSync(STAMP, "utf8").trim() === wanted) return;
  if (!existsSync(venvBin("python"))) {
    console.log(`Creating ${path.relative(process.cwd(), VENV) || VENV} ...`);
    run(findPython(), ["-m", "venv", VENV]);
  }
  console.log("Installing requirements.txt into the venv ...");
  run(venvBin("python"), ["-m", "pip", "install", "--disable-pip-version-check", "-q", "-r", REQUIREMENTS]);
  writeFileAtomic(STAMP, `${wanted}\n`);
}

export function setup(): void {
  ensureVenv();
  const current = path.join(VENV, "share", "jupyter", "kernels", KERNEL_NAME, "kernel.json");
  installKernel({ jupyter: venvBin("jupyter"), target: "sys-prefix", current });
}

if (require.main === module) runMain("setup", setup);
