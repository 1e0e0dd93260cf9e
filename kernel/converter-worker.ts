// The worker thread that holds tslab's converter (remote-converter.ts): it builds TypeScript's
// program (the ES and Node type libraries, 2.5 MB of declarations) and type-checks a first cell
// as soon as the kernel starts, while the main thread loads the rest and answers kernel_info.
// Then it answers the main thread's calls, one at a time.
import "v8-compile-cache";
import { receiveMessageOnPort, workerData, type MessagePort } from "node:worker_threads";
import * as ts from "@tslab/typescript-for-tslab";
import { createConverter, type Converter } from "tslab/dist/converter";
import { useLanguageForDiagnostics } from "./locale.js";
import { LIBRARY_CELL, PLAIN_CELL } from "./warm-cells.js";
import { deferFolderWatches } from "./watches.js";

export interface ConverterCall {
  method: "convert" | "inspect" | "complete" | "addModule";
  args: unknown[];
}
export type ConverterAnswer = { result: unknown } | { error: { name: string; message: string; stack?: string } };
export interface ConverterWorkerData {
  port: MessagePort;
  /** One Int32: set to 1 and notified once an answer is posted. */
  signal: SharedArrayBuffer;
}


const { port, signal } = workerData as ConverterWorkerData;
const flag = new Int32Array(signal);
useLanguageForDiagnostics();
deferFolderWatches(ts.sys);
// A converter that cannot be made answers every call with why: the main thread, blocked on its
// call, would not see this thread end.
let converter: Converter | undefined;
let broken: unknown;
try {
  converter = createConverter({ isJS: false, isBrowser: false });
} catch (error) {
  broken = error;
}

function answer(call: ConverterCall): void {
  let reply: ConverterAnswer;
  try {
    if (!converter) throw broken;
    const method = converter[call.method] as (...args: unknown[]) => unknown;
    reply = { result: method.apply(converter, call.args) };
  } catch (error) {
    const e = error as Error;
    reply = { error: { name: e?.name ?? "Error", message: e?.message ?? String(error), stack: e?.stack } };
  }
  try {
    port.postMessage(reply);
  } catch (error) {
    port.postMessage({ error: { name: "DataCloneError", message: (error as Error).message } });
  }
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

/** Answers every call already waiting (the main thread is blocked on the first). */
function answerWaiting(): void {
  for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) answer(received.message as ConverterCall);
}

for (const cell of converter ? [PLAIN_CELL, LIBRARY_CELL] : []) {
  answerWaiting(); // a cell sent meanwhile goes first
  try {
    converter!.convert("", cell);
  } catch {
    // A warm-up that fails (the library not installed) costs nothing: the real cell will say why.
  }
}
answerWaiting();
port.on("message", (call: ConverterCall) => answer(call));
