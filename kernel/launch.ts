// The kernel that kernel.json starts: tslab, from this project's node_modules, behind
// the small protocol layer of server.ts. Usage: node dist/kernel/launch.js <connection file>
import "v8-compile-cache"; // first: TypeScript's 8 MB of JavaScript then compiles from V8's cache
import { startEarly } from "./debug/early.js";
startEarly(process.argv[2]); // the debugger's thread starts while TypeScript loads (kernel/debug/early.ts)
import "./converter-start.js"; // then TypeScript's worker starts building the program, while the rest loads
import { readFileSync } from "node:fs";
import path from "node:path";
import { createConverter, type Converter } from "tslab/dist/converter";
import type { ConverterSet } from "tslab/dist/executor";
import { recordingConverter } from "./cells.js";
import { debuggingConverter } from "./debug/index.js";
import { useLanguageForDiagnostics } from "./locale.js";
import { exitWithParent } from "./parent.js";
import { ConcurrenceServer, executorConsole } from "./server.js";
import { createCellExecutor } from "./executor.js";
import { oomNotice } from "./oom.js";
import { onStopButton } from "./sigint.js";
import { remoteConverter } from "./remote-converter.js";
import { localConverter, warmUp } from "./snapshot/converter.js";
import { snapshotState } from "./snapshot/state.js";
import { virtualDisplay } from "./xdisplay.js";

const PROJECT_ROOT = path.resolve(__dirname, "..", "..");

function main(): void {
  const connectionFile = process.argv[2];
  if (!connectionFile) {
    console.error("usage: node dist/kernel/launch.js <connection file>  (Jupyter passes it; see kernel/kernel.json)");
    process.exit(2);
  }
  useLanguageForDiagnostics();
  let node: Converter | undefined;
  let browser: Converter | undefined;
  const converters: ConverterSet = {
    get node() {
      return (node ??= debuggingConverter(recordingConverter(snapshotState() ? localConverter() : remoteConverter())));
    },
    get browser() {
      return (browser ??= createConverter({ isJS: false, isBrowser: true }));
    },
    close() {
      node?.close();
      browser?.close();
    },
  };
  const executor = createCellExecutor(process.cwd(), converters, executorConsole);
  const server = new ConcurrenceServer(executor, connectionFile, version());
  server.notice = oomNotice();
  // From the snapshot, TypeScript's program is made on this thread, while Jupyter waits after its first reply.
  if (snapshotState()) server.afterKernelInfo = warmUp;

  onStopButton(() => server.interrupt());
  exitWithParent();
  process.env.CONCURRENCE_KERNEL = "1"; // the library's child processes leave the stop button to us
  // A task that fails after its cell ended must not take the kernel down.
  process.on("uncaughtException", (error) => console.error("Uncaught exception:", error));
  process.on("unhandledRejection", (reason) => console.error("Unhandled rejection:", reason));
  void virtualDisplay().then(() => server.init()); // headless-gl (GPU cells) needs an X display
}

function version(): string {
  return (JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

main();
