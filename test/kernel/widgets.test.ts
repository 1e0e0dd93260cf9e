// Jupyter widgets over comms, driven as JupyterLab's widget manager would, with jupyter_client.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { KernelSession, taskProcesses, threadCount, type Execution, type KernelOutput } from "../helpers/kernel.js";

const WIDGET_VIEW = "application/vnd.jupyter.widget-view+json";
const SLIDER_CELL = 'import { slider } from "concurrence"; const s = slider({ min: 1, max: 8, value: 2, description: "workers" }); s';

let kernel: KernelSession;
before(async () => (kernel = await KernelSession.start()));
after(() => kernel.shutdown());

const of = (run: Execution, type: string): KernelOutput[] => run.outputs.filter((o) => o.msg_type === type);
const stateOf = (open: KernelOutput) => (open.content.data as { state: Record<string, unknown> }).state;
const liveComms = async (target = "jupyter.widget", session = kernel) =>
  Object.keys((await session.request("comm_info_request", { target_name: target })).reply.comms as object);

test("a slider opens a comm on jupyter.widget with its full state, and displays a view of it", { timeout: 60_000 }, async () => {
  const run = await kernel.execute(SLIDER_CELL, { cellId: "slider-cell" });
  assert.equal(run.reply.status, "ok", kernel.log + JSON.stringify(run.outputs));
  const opens = of(run, "comm_open");
  assert.ok(opens.every((o) => o.content.target_name === "jupyter.widget"));
  assert.ok(opens.every((o) => (o.metadata as { version: string }).version.startsWith("2.")), "the protocol version, in the message's metadata");
  const slider = opens.find((o) => stateOf(o)._model_name === "IntSliderModel");
  assert.ok(slider, JSON.stringify(opens));
  const state = stateOf(slider);
  assert.deepEqual([state.value, state.min, state.max, state.description], [2, 1, 8, "workers"]);
  assert.equal(state._model_module, "@jupyter-widgets/controls");
  assert.equal(state._model_module_version, "2.0.0");
  // Layout and style are models of their own, opened before the slider that names them.
  for (const [key, model] of [["layout", "LayoutModel"], ["style", "SliderStyleModel"]]) {
    const id = String(state[key]).replace(/^IPY_MODEL_/, "");
    const own = opens.findIndex((o) => o.content.comm_id === id);
    assert.ok(own >= 0 && own < opens.indexOf(slider), `${key} is opened first`);
    assert.equal(stateOf(opens[own])._model_name, model);
  }

  const [result] = of(run, "execute_result");
  const data = result.content.data as Record<string, { model_id: string; version_major: number }>;
  assert.equal(data[WIDGET_VIEW].model_id, slider.content.comm_id);
  assert.equal(data[WIDGET_VIEW].version_major, 2);
  assert.match(String(data["text/plain"]), /IntSlider\("workers": 2\)/);
  assert.ok((await liveComms()).includes(String(slider.content.comm_id)), "comm_info lists the slider");
});

test("a front end's update sets .value, is echoed, and an unknown comm is ignored", { timeout: 60_000 }, async () => {
  const id = (await liveComms()).find(Boolean);
  const opened = await kernel.execute("s.modelId");
  const comm_id = String((of(opened, "execute_result")[0].content.data as Record<string, string>)["text/plain"]).replace(/'/g, "");
  assert.ok(id);
  const update = await kernel.notify("comm_msg", { comm_id, data: { method: "update", state: { value: 5 }, buffer_paths: [] } });
  const [echo] = of(update, "comm_msg");
  assert.deepEqual(echo.content, { comm_id, data: { method: "echo_update", state: { value: 5 }, buffer_paths: [] } });
  const read = await kernel.execute("s.value");
  assert.equal((of(read, "execute_result")[0].content.data as Record<string, string>)["text/plain"], "5");

  const stray = await kernel.notify("comm_msg", { comm_id: "nobody", data: { method: "update", state: { value: 1 } } });
  assert.deepEqual(stray.outputs, []);
  assert.equal((await kernel.execute("1 + 1")).reply.status, "ok", "the kernel lives on");

  const state = await kernel.notify("comm_msg", { comm_id, data: { method: "request_state" } });
  assert.equal(((of(state, "comm_msg")[0].content.data as { state: { value: number } }).state.value), 5);
});

test("comm_open on an unknown target is closed; comm_info filters by target", { timeout: 60_000 }, async () => {
  const refused = await kernel.notify("comm_open", { comm_id: "x1", target_name: "no.such.target", data: {} });
  assert.deepEqual(of(refused, "comm_close").map((o) => o.content.comm_id), ["x1"]);
  assert.deepEqual(await liveComms("no.such.target"), []);
  const all = await liveComms("");
  assert.ok(all.length >= 3, "the slider, its layout and its style");
});

test("re-running the cell closes its previous widgets' comms", { timeout: 60_000 }, async () => {
  const before = await liveComms();
  const again = await kernel.execute(SLIDER_CELL, { cellId: "slider-cell" });
  const closed = of(again, "comm_close").map((o) => o.content.comm_id);
  assert.deepEqual(closed.sort(), before.sort());
  assert.equal((await liveComms()).length, before.length);
});

test("twenty re-runs of an interact cell leave one set of widget comms, and no extra threads or processes", { timeout: 300_000 }, async () => {
  const cell = [
    'import { slider, interact, ThreadPool } from "concurrence";',
    "const kind = 'CPU';",
    "const ui = interact({ workers: slider({ min: 1, max: 4, value: 2 }) },",
    "  async ({ workers }) => {",
    "    const pool = new ThreadPool({ workers });",
    "    const squares = await pool.map((x: number) => x * x, [1, 2, 3]);",
    "    await pool.close();",
    "    return `${kind} ${workers} ${squares.join(',')}`;",
    "  });",
  ].join("\n");
  // A kernel of its own: this test sends many messages (see the report on the harness).
  const kernel = await KernelSession.start();
  try {
    const first = await kernel.execute(cell, { cellId: "interact-cell" });
    assert.equal(first.reply.status, "ok", JSON.stringify(first.outputs));
    const outputs = first.outputs.filter((o) => /display_data/.test(o.msg_type));
    const [controls, output] = [outputs[0], outputs[1]];
    assert.ok((controls.content.data as object)[WIDGET_VIEW as never], "the controls are a widget view");
    const displayId = (output.content.transient as { display_id: string }).display_id;
    const result = outputs.at(-1)!;
    assert.equal(result.msg_type, "update_display_data");
    assert.equal((result.content.transient as { display_id: string }).display_id, displayId);
    assert.equal((result.content.data as Record<string, string>)["text/plain"], "'CPU 2 1,4,9'");
    const comms = (await liveComms("jupyter.widget", kernel)).length;
    const threads = threadCount(kernel.pid);

    let last = first;
    for (let i = 0; i < 20; i++) {
      last = await kernel.execute(cell, { cellId: "interact-cell" });
      assert.equal(last.reply.status, "ok", kernel.log);
    }
    assert.equal((await liveComms("jupyter.widget", kernel)).length, comms, "one interact's comms");
    assert.deepEqual(taskProcesses(kernel.pid), []);
    assert.ok(threadCount(kernel.pid) <= threads + 1, `threads: ${threadCount(kernel.pid)} after, ${threads} before`);

    // The front end moves the slider: the call re-runs, and its output is updated in place,
    // with the front end's message as parent, before the kernel goes idle.
    const slider = of(last, "comm_open").find((o) => stateOf(o)._model_name === "IntSliderModel")!;
    const moved = await kernel.notify("comm_msg", { comm_id: slider.content.comm_id, data: { method: "update", state: { value: 3 }, buffer_paths: [] } });
    const updated = of(moved, "update_display_data").at(-1)!;
    assert.equal((updated.content.data as Record<string, string>)["text/plain"], "'CPU 3 1,4,9'");
    assert.deepEqual(taskProcesses(kernel.pid), []);
  } finally {
    await kernel.shutdown();
  }
});

test("the stop button ends a running interact call and its pool; the kernel lives on", { timeout: 120_000 }, async () => {
  const cell = [
    'import { slider, interact, ThreadPool } from "concurrence";',
    "const bloque = interact({ n: slider({ min: 1, max: 2 }) }, async () => {",
    "  const pool = new ThreadPool({ workers: 1 });",
    '  console.log("appel lancé");',
    "  return pool.submit(() => {",
    "    for (;;);",
    "  });",
    "});",
  ].join("\n");
  const threads = threadCount(kernel.pid);
  const id = await kernel.send(cell, { cellId: "stuck-interact" });
  await kernel.until(id, "appel lancé");
  await kernel.interrupt();
  const run = await kernel.collect(id);
  // As for any interrupted cell: a KeyboardInterrupt error, and the kernel is ready.
  assert.equal(run.reply.ename, "KeyboardInterrupt", JSON.stringify(run.outputs));
  assert.equal((await kernel.execute("1 + 1")).reply.status, "ok", "the kernel lives on");
  for (let i = 0; i < 50 && threadCount(kernel.pid) > threads + 1; i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(threadCount(kernel.pid) <= threads + 1, `the pool's worker thread ended: ${threadCount(kernel.pid)} threads, ${threads} before`);
});

test("shutdown closes every comm", { timeout: 120_000 }, async () => {
  const own = await KernelSession.start();
  try {
    const run = await own.execute(SLIDER_CELL);
    const opened = of(run, "comm_open").map((o) => o.content.comm_id);
    const shutdown = await own.request("shutdown_request", { restart: false }, "control");
    assert.equal(shutdown.reply.status, "ok");
    assert.deepEqual(of(shutdown, "comm_close").map((o) => o.content.comm_id).sort(), opened.sort());
  } finally {
    await own.shutdown();
  }
});
