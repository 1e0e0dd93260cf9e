// `npm start`: does whatever setup is missing, then serves the course in JupyterLab on 127.0.0.1.
// Another folder: npm start -- --ServerApp.root_dir=/path/to/notebooks
// The student edition (solutions removed, made or updated first): npm start -- --student
import { spawn } from "node:child_process";
import { KERNEL_NAME, NOTEBOOKS, venvBin } from "./paths.js";
import { setup } from "./setup.js";
import { runMain } from "./run.js";
import { describe, STUDENT } from "./student.js";
import { writeEdition } from "./student/write.js";

/** JupyterLab's arguments: ours, then the user's, which may name their own root folder. */
export function labArguments(userArgs: string[], root = NOTEBOOKS): string[] {
  const ownRoot = userArgs.some((a) => /^--(ServerApp\.root_dir|ServerApp\.notebook_dir|notebook-dir)\b/.test(a));
  return [
    "lab",
    "--ServerApp.ip=127.0.0.1",
    ...(ownRoot ? [] : [`--ServerApp.root_dir=${root}`]),
    `--MappingKernelManager.default_kernel_name=${KERNEL_NAME}`,
    // Containers and CI machines often run as root, which Jupyter refuses unless told.
    ...(process.getuid?.() === 0 ? ["--allow-root"] : []),
    ...userArgs, // e.g. npm start -- --port=8890 --no-browser
  ];
}

function main(): void {
  setup();
  const args = process.argv.slice(2);
  const student = args.includes("--student");
  if (student) for (const line of describe(writeEdition({ from: NOTEBOOKS, to: STUDENT }), STUDENT)) console.log(line);
  const lab = spawn(venvBin("jupyter"), labArguments(args.filter((a) => a !== "--student"), student ? STUDENT : NOTEBOOKS), { stdio: "inherit" });
  // Ctrl+C reaches JupyterLab directly (same process group), which asks before it stops.
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => lab.kill("SIGTERM"));
  lab.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (require.main === module) runMain("npm start", main);
