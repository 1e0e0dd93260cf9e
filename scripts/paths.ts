import path from "node:path";

/** The project's root: dist/scripts/ and dist/kernel/ are two levels below it. */
export const PROJECT_ROOT = path.resolve(__dirname, "..", "..");
export const VENV = path.join(PROJECT_ROOT, ".venv");
export const NOTEBOOKS = path.join(PROJECT_ROOT, "notebooks");
export const KERNEL_NAME = "concurrence";

/** A program of the project's venv, e.g. venvBin("jupyter"). */
export function venvBin(name: string): string {
  return process.platform === "win32" ? path.join(VENV, "Scripts", `${name}.exe`) : path.join(VENV, "bin", name);
}
