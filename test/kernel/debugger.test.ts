// JupyterLab's visual debugger, driven with jupyter_client as ipykernel's own debugger tests do:
// debug_request on the control channel, debug_event on iopub, the cell's TypeScript lines.
import assert from "node:assert/strict";
import { test } from "node:test";
import { kernelSpec } from "../../kernel/install.js";
import { isRunning, KernelSession, streamOf } from "../helpers/kernel.js";

const CELL = "let a = 1;\nlet b = a + 1;\nlet c = b * 10;\nconsole.log('c vaut', c);\nc";

interface Frame {
  id: number;
  name: string;
  line: number;
  source: { path: string };
}
interface Variable {
  name: string;
  value: string;
  variablesReference: number;
}

/** What JupyterLab does when its debugger is switched on, then a breakpoint put in a cell. */
async function startWithBreakpoint(kernel: KernelSession, code: string, lines: number[]): Promise<string> {
  const init = await kernel.debug("initialize", { clientID: "test", adapterID: "", pathFormat: "path", linesStartAt1: true, columnsStartAt1: true });
  assert.ok(init.success, JSON.stringify(init));
  assert.ok((await kernel.debug("attach")).success);
  const dumped = await kernel.debug("dumpCell", { code });
  const path = dumped.body.sourcePath as string;
  const set = await kernel.debug("setBreakpoints", { source: { path }, breakpoints: lines.map((line) => ({ line })), sourceModified: false });
  assert.deepEqual((set.body.breakpoints as Array<{ line: number }>).map((b) => b.line), lines);
  assert.ok((await kernel.debug("configurationDone")).success);
  return path;
}

async function topFrame(kernel: KernelSession): Promise<Frame> {
  const trace = await kernel.debug("stackTrace", { threadId: 1 });
  assert.ok(trace.success, JSON.stringify(trace));
  return (trace.body.stackFrames as Frame[])[0];
}

async function localsOf(kernel: KernelSession, frame: Frame): Promise<Variable[]> {
  const scopes = (await kernel.debug("scopes", { frameId: frame.id })).body.scopes as Array<{ variablesReference: number }>;
  return (await kernel.debug("variables", { variablesReference: scopes[0].variablesReference })).body.variables as Variable[];
}

test("the kernelspec and kernel_info announce the debugger", { timeout: 120_000 }, async (t) => {
  assert.deepEqual((kernelSpec() as { metadata: unknown }).metadata, { debugger: true });
  const kernel = await KernelSession.start();
  t.after(() => kernel.shutdown());
  const info = await kernel.request("kernel_info_request", {});
  assert.deepEqual(info.reply.supported_features, ["debugger"]);
  assert.equal(info.reply.debugger, true);
  const debugInfo = await kernel.debug("debugInfo");
  assert.equal(debugInfo.body.isStarted, false);
  assert.equal(debugInfo.body.hashMethod, "Murmur2");
});

test("a breakpoint at line 3 stops the cell: stack, locals, next to line 4, continue to its output", { timeout: 180_000 }, async (t) => {
  const kernel = await KernelSession.start();
  t.after(() => kernel.shutdown());
  const path = await startWithBreakpoint(kernel, CELL, [3]);
  const info = await kernel.debug("debugInfo");
  assert.deepEqual(info.body.breakpoints, [{ source: path, breakpoints: [{ line: 3 }] }]);
  assert.equal(path, `${info.body.tmpFilePrefix as string}${path.slice((info.body.tmpFilePrefix as string).length)}`);

  const msgId = await kernel.send(CELL);
  const stopped = await kernel.debugEvent("stopped");
  assert.equal((stopped.body as { reason: string }).reason, "breakpoint");
  const frame = await topFrame(kernel);
  assert.deepEqual([frame.source.path, frame.line], [path, 3], JSON.stringify(frame));
  const locals = await localsOf(kernel, frame);
  assert.equal(locals.find((v) => v.name === "b")?.value, "2", JSON.stringify(locals));
  assert.equal(locals.find((v) => v.name === "c")?.value, "undefined", "line 3 has not run yet");
  const evaluated = await kernel.debug("evaluate", { expression: "b * 100", frameId: frame.id, context: "repl" });
  assert.equal(evaluated.body.result, "200");

  assert.ok((await kernel.debug("next", { threadId: 1 })).success);
  await kernel.debugEvent("stopped");
  const next = await topFrame(kernel);
  assert.deepEqual([next.source.path, next.line], [path, 4]);
  assert.equal((await localsOf(kernel, next)).find((v) => v.name === "c")?.value, "20");

  assert.ok((await kernel.debug("continue", { threadId: 1 })).success);
  const done = await kernel.collect(msgId, 30);
  assert.equal(done.reply.status, "ok", JSON.stringify(done));
  assert.equal(streamOf(done), "c vaut 20\n");
  assert.deepEqual(done.outputs.find((o) => o.msg_type === "execute_result")?.content.data, { "text/plain": "20" });
});

test("the stop button while paused interrupts the cell; disconnect resumes one; the kernel lives on", { timeout: 180_000 }, async (t) => {
  const kernel = await KernelSession.start();
  t.after(() => kernel.shutdown());
  await startWithBreakpoint(kernel, CELL, [3]);
  const msgId = await kernel.send(CELL);
  await kernel.debugEvent("stopped");
  await kernel.interrupt(); // interrupt_mode "message": interrupt_request on the control channel
  const interrupted = await kernel.collect(msgId, 30);
  assert.equal(interrupted.reply.ename, "KeyboardInterrupt", JSON.stringify(interrupted));

  const again = await kernel.send(CELL);
  await kernel.debugEvent("stopped");
  assert.ok((await kernel.debug("disconnect", { restart: false, terminateDebuggee: true })).success);
  const resumed = await kernel.collect(again, 30);
  assert.equal(resumed.reply.status, "ok");
  assert.equal(streamOf(resumed), "c vaut 20\n", JSON.stringify(resumed.outputs));
  assert.equal((await kernel.debug("debugInfo")).body.isStarted, false);

  const alive = await kernel.execute("1 + 1");
  assert.deepEqual(alive.outputs.find((o) => o.msg_type === "execute_result")?.content.data, { "text/plain": "2" });
});

test("a breakpoint in a function of an earlier cell; the notebook's names and library objects in the panel", { timeout: 180_000 }, async (t) => {
  const kernel = await KernelSession.start();
  t.after(() => kernel.shutdown());
  const lib = 'import { Lock, ThreadPool } from "concurrence";\nconst verrou = new Lock();\nconst pool = new ThreadPool({ workers: 1 });';
  assert.equal((await kernel.execute(lib)).reply.status, "ok");
  const define = "function double(x: number): number {\n  const y = x * 2;\n  return y;\n}";
  assert.equal((await kernel.execute(define)).reply.status, "ok");
  const path = await startWithBreakpoint(kernel, define, [3]);

  const msgId = await kernel.send("await verrou.acquire();\nconst r = double(21);\nr");
  await kernel.debugEvent("stopped");
  const trace = (await kernel.debug("stackTrace", { threadId: 1 })).body.stackFrames as Frame[];
  assert.deepEqual([trace[0].source.path, trace[0].line, trace[0].name], [path, 3, "double"]);
  assert.equal(trace[1].line, 2, "the calling cell's line");
  assert.equal((await localsOf(kernel, trace[0])).find((v) => v.name === "y")?.value, "42");
  const scopes = (await kernel.debug("scopes", { frameId: trace[0].id })).body.scopes as Array<{ variablesReference: number }>;
  const globals = (await kernel.debug("variables", { variablesReference: scopes[1].variablesReference })).body.variables as Variable[];
  assert.match(globals.find((v) => v.name === "verrou")?.value ?? "", /^Lock \(pris\)$/, JSON.stringify(globals));
  assert.match(globals.find((v) => v.name === "pool")?.value ?? "", /^ThreadPool \{ workers: 1, /);

  // Out of the function: back in the calling cell, whose line 2 ends (past tslab's `exports.r = r`) at line 3.
  assert.ok((await kernel.debug("stepOut", { threadId: 1 })).success);
  await kernel.debugEvent("stopped");
  const back = await topFrame(kernel);
  assert.notEqual(back.source.path, path);
  assert.equal(back.line, 3, JSON.stringify(back));
  assert.ok((await kernel.debug("continue", { threadId: 1 })).success);
  const done = await kernel.collect(msgId, 30);
  assert.deepEqual(done.outputs.find((o) => o.msg_type === "execute_result")?.content.data, { "text/plain": "42" });
  const inspected = (await kernel.debug("inspectVariables")).body.variables as Variable[];
  assert.equal(inspected.find((v) => v.name === "r")?.value, "42");
});

test("a breakpoint in a function sent to a pool does not stop it (README); shutdown while paused ends the kernel", { timeout: 180_000 }, async (t) => {
  const kernel = await KernelSession.start();
  t.after(() => kernel.shutdown());
  const sent = 'import { ThreadPool } from "concurrence";\nconst triple = (x: number) => {\n  const y = x * 3;\n  return y;\n};\nconst tp = new ThreadPool({ workers: 1 });';
  assert.equal((await kernel.execute(sent)).reply.status, "ok");
  await startWithBreakpoint(kernel, sent, [3]);
  const pooled = await kernel.execute("await tp.map(triple, [1, 2])", { timeout: 60 });
  assert.deepEqual(pooled.outputs.find((o) => o.msg_type === "execute_result")?.content.data, { "text/plain": "[ 3, 6 ]" });

  await kernel.send("const z = triple(5);\nz");
  await kernel.debugEvent("stopped"); // called on the main thread, the same function stops
  const { reply, reply_type } = await kernel.request("shutdown_request", { restart: false }, "control");
  assert.deepEqual([reply_type, reply], ["shutdown_reply", { status: "ok", restart: false }]);
  const deadline = Date.now() + 10_000;
  while (isRunning(kernel.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.ok(!isRunning(kernel.pid), "the kernel exits after its reply");
});
