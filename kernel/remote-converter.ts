// tslab's converter, run in a worker thread (converter-worker.ts) and called synchronously, as
// tslab calls it: the main thread posts the call and waits on a shared flag for the answer. The
// worker starts building TypeScript's program at once, in parallel with the kernel's own start,
// so that the first cell does not wait for the most part of a second it takes.
import path from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { Converter } from "tslab/dist/converter";
import type { ConverterAnswer, ConverterCall, ConverterWorkerData } from "./converter-worker.js";

let started: Converter | undefined;

/** Starts the worker, which builds the program at once; launch.ts calls it first (converter-start.ts). */
export function startConverterWorker(): void {
  started ??= startWorker();
}

/** The converter for Node cells, in its worker (started now if it was not). */
export function remoteConverter(): Converter {
  startConverterWorker();
  return started!;
}

function startWorker(): Converter {
  const { port1, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  const flag = new Int32Array(signal);
  const data: ConverterWorkerData = { port: port2, signal };
  const worker = new Worker(path.join(__dirname, "converter-worker.js"), { workerData: data, transferList: [port2] });
  worker.unref(); // the kernel exits when its sockets close, whatever the worker does
  let failure: Error | undefined;
  worker.on("error", (error) => (failure = error));
  worker.on("exit", (code) => (failure ??= new Error(`TypeScript's worker thread stopped (exit code ${code}): restart the kernel`)));

  function call(method: ConverterCall["method"], ...args: unknown[]): never | unknown {
    if (failure) throw failure;
    Atomics.store(flag, 0, 0);
    port1.postMessage({ method, args } satisfies ConverterCall);
    // The worker answers every call, an error included (converter-worker.ts): the wait ends.
    Atomics.wait(flag, 0, 0);
    const received = receiveMessageOnPort(port1);
    return unpack(received?.message as ConverterAnswer | undefined);
  }

  return {
    convert: (prevDecl, src) => call("convert", prevDecl, src) as ReturnType<Converter["convert"]>,
    inspect: (prevDecl, src, position) => call("inspect", prevDecl, src, position) as ReturnType<Converter["inspect"]>,
    complete: (prevDecl, src, position) => call("complete", prevDecl, src, position) as ReturnType<Converter["complete"]>,
    addModule: (name, content, meta) => call("addModule", name, content, meta) as ReturnType<Converter["addModule"]>,
    close: () => void closePorts(port1, worker),
  };
}

function unpack(answer: ConverterAnswer | undefined): unknown {
  if (!answer) throw new Error("TypeScript's worker thread gave no answer: restart the kernel");
  if ("result" in answer) return answer.result;
  const error = new Error(answer.error.message);
  error.name = answer.error.name;
  if (answer.error.stack) error.stack = answer.error.stack;
  throw error;
}

function closePorts(port: MessagePort, worker: Worker): Promise<number> {
  port.close();
  return worker.terminate();
}
