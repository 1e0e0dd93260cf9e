// `npm start`: does whatever setup is missing, then serves the course in JupyterLab on 127.0.0.1.
import { spawn } from "node:child_process";
import { KERNEL_NAME, NOTEBOOKS, venvBin } from "./paths.js";
import { setup } from "./setup.js";

function main(): void {
  setup();
  const args = [
    "lab",
    "--ServerApp.ip=127.0.0.1",
    `--ServerApp.root_dir=${NOTEBOOKS}`,
    `--MappingKernelManager.default_kernel_name=${KERNEL_NAME}`,
    // Containers and CI machines often run as root, which Jupyter refuses unless told.
    ...(process.getuid?.() === 0 ? ["--allow-root"] : []),
    ...process.argv.slice(2), // e.g. npm start -- --port=8890 --no-browser
  ];
  const lab = spawn(venvBin("jupyter"), args, { stdio: "inherit" });
  // Ctrl+C reaches JupyterLab directly (same process group), which asks before it stops.
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => lab.kill("SIGTERM"));
  lab.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

try {
  main();
} catch (error) {
  console.error(`npm start failed: ${(error as Error).message}`);
  process.exit(1);
}
