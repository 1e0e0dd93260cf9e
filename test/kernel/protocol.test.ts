// The kernel's replies, read field by field: errors, completion, help, clearing, history.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { KernelSession, streamOf } from "../helpers/kernel.js";

// These tests read the English messages (French is the default: see src/messages/).
process.env.CONCURRENCE_LANG = "en";

let kernel: KernelSession;
before(async () => (kernel = await KernelSession.start()));
after(() => kernel.shutdown());

test("a type error gives the TypeScript diagnostic, its line and column, in the reply and the error output", { timeout: 60_000 }, async () => {
  const run = await kernel.execute('const a = 1;\nconst b = 2;\nconst total: number = "trois";');
  const expected = {
    ename: "TypeScriptError",
    evalue: "3:7 - Type 'string' is not assignable to type 'number'.",
    traceback: ["Line 3, column 7: Type 'string' is not assignable to type 'number'.", '   3 | const total: number = "trois";', "     |       ^"],
  };
  assert.deepEqual(run.reply, { status: "error", execution_count: run.reply.execution_count, ...expected }, kernel.log);
  assert.deepEqual(run.outputs.map((o) => o.msg_type), ["execute_input", "error"]);
  assert.deepEqual(run.outputs[1].content, expected);
});

test("a runtime error gives the exception's name, message and stack", { timeout: 60_000 }, async () => {
  const run = await kernel.execute('function f(): never {\n  throw new RangeError("trop grand");\n}\nf();');
  assert.equal(run.reply.status, "error");
  assert.equal(run.reply.ename, "RangeError");
  assert.equal(run.reply.evalue, "trop grand");
  assert.ok((run.reply.traceback as string[]).some((line) => line.includes("RangeError: trop grand")), String(run.reply.traceback));
  assert.ok(!(run.reply.traceback as string[]).some((line) => /tslab|node:internal/.test(line)), "no kernel frames");
});

test("completion inside a concurrence import lists the library's names", { timeout: 60_000 }, async () => {
  const code = 'import { Thr } from "concurrence";';
  const { reply } = await kernel.request("complete_request", { code, cursor_pos: code.indexOf("Thr") + 3 });
  assert.equal(reply.status, "ok");
  assert.deepEqual([reply.cursor_start, reply.cursor_end], [9, 12]);
  const matches = reply.matches as string[];
  for (const name of ["Thread", "ThreadPool"]) assert.ok(matches.includes(name), `${name} in ${matches}`);
  assert.ok(matches.every((m) => /thr/i.test(m)), `every match contains "Thr": ${matches}`);
  assert.ok(!matches.includes("ProcessPool"));

  const options = 'import { ThreadPool } from "concurrence";\nnew ThreadPool({ wo';
  const second = await kernel.request("complete_request", { code: options, cursor_pos: options.length });
  assert.deepEqual(second.reply.matches, ["workers"]);
});

test("inspect and `name?` show the type checker's view of a library name", { timeout: 60_000 }, async () => {
  const code = 'import { ThreadPool } from "concurrence";\nThreadPool';
  const { reply } = await kernel.request("inspect_request", { code, cursor_pos: code.length, detail_level: 0 });
  assert.equal(reply.status, "ok");
  assert.equal(reply.found, true);
  assert.match(String((reply.data as Record<string, string>)["text/plain"]), /class ThreadPool/);

  assert.equal((await kernel.execute('import { ThreadPool } from "concurrence";')).reply.status, "ok");
  const help = await kernel.execute("ThreadPool?");
  assert.equal(help.reply.status, "ok");
  const [page] = help.reply.payload as Array<{ source: string; data: Record<string, string> }>;
  assert.equal(page.source, "page");
  assert.match(page.data["text/plain"], /class ThreadPool/);

  const unknown = await kernel.execute("nimporteQuoi?");
  assert.deepEqual(unknown.reply.payload, []);
  assert.equal(streamOf(unknown), "Nothing is known about `nimporteQuoi` here.\n");
});

test("is_complete tells complete, incomplete and invalid code apart", { timeout: 60_000 }, async () => {
  const status = async (code: string) => (await kernel.request("is_complete_request", { code })).reply;
  assert.deepEqual(await status("const x = await Promise.resolve(1);"), { status: "complete" });
  assert.deepEqual(await status("for (const x of [1, 2]) {"), { status: "incomplete", indent: "  " });
  assert.deepEqual(await status("const = 1;"), { status: "invalid" });
});

test("clearOutput() sends clear_output, with its wait flag, in order with the prints", { timeout: 60_000 }, async () => {
  const run = await kernel.execute('import { clearOutput } from "concurrence";\nconsole.log("avant");\nclearOutput({ wait: true });\nconsole.log("après");');
  assert.equal(run.reply.status, "ok", JSON.stringify(run.outputs));
  assert.deepEqual(
    run.outputs.filter((o) => o.msg_type !== "execute_input").map((o) => [o.msg_type, o.content]),
    [
      ["stream", { name: "stdout", text: "avant\n" }],
      ["clear_output", { wait: true }],
      ["stream", { name: "stdout", text: "après\n" }],
    ],
  );
});

test("history_request gives the session's inputs and results", { timeout: 60_000 }, async () => {
  const run = await kernel.execute("6 * 7");
  const line = run.reply.execution_count as number;
  const { reply } = await kernel.request("history_request", { hist_access_type: "tail", n: 1, output: true, raw: true });
  assert.equal(reply.status, "ok");
  assert.deepEqual(reply.history, [[1, line, ["6 * 7", "42"]]]);
});

test("another cell's variable can be used in shorthand properties", { timeout: 60_000 }, async () => {
  assert.equal((await kernel.execute("const chunksize = 3;\nlet total = 0;")).reply.status, "ok");
  const object = await kernel.execute("({ chunksize, twice: 2 * chunksize })");
  assert.equal(object.reply.status, "ok", JSON.stringify(object.reply));
  assert.deepEqual(object.outputs.find((o) => o.msg_type === "execute_result")?.content.data, { "text/plain": "{ chunksize: 3, twice: 6 }" });
  const assigned = await kernel.execute("({ total } = { total: 42 });\ntotal");
  assert.deepEqual(assigned.outputs.find((o) => o.msg_type === "execute_result")?.content.data, { "text/plain": "42" });
  const destructured = await kernel.execute("const { chunksize: size } = { chunksize };\nsize + 1");
  assert.deepEqual(destructured.outputs.find((o) => o.msg_type === "execute_result")?.content.data, { "text/plain": "4" });
});
