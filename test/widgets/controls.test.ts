// The widgets' options and values, outside a kernel: no comm, text display, same checks.
import assert from "node:assert/strict";
import { test } from "node:test";
import { button, checkbox, dropdown, hbox, slider, vbox } from "../../src/index.js";

test("a whole step makes an IntSlider, a fractional one a FloatSlider", () => {
  const s = slider({ min: 1, max: 8, value: 2, description: "workers" });
  assert.equal(s.state._model_name, "IntSliderModel");
  assert.equal(s.state._model_module, "@jupyter-widgets/controls");
  assert.equal(s.state._model_module_version, "2.0.0");
  assert.match(String(s.state.layout), /^IPY_MODEL_[0-9a-f]{32}$/);
  assert.match(String(s.state.style), /^IPY_MODEL_[0-9a-f]{32}$/);
  assert.equal(s.value, 2);
  assert.equal(String(s), 'IntSlider("workers": 2)');
  const f = slider({ min: 0, max: 1, step: 0.1, value: 0.5 });
  assert.equal(f.state._model_name, "FloatSliderModel");
  assert.equal(f.state.readout_format, ".2f");
  s.close();
  f.close();
});

test("bad slider options are a RangeError or a TypeError that quotes the value", () => {
  assert.throws(() => slider({ min: 9, max: 1 }), (e: Error) => e instanceof RangeError && /`9` \(number\)/.test(e.message) && /`1` \(number\)/.test(e.message));
  assert.throws(() => slider({ min: 1, max: 8, value: 12 }), (e: Error) => e instanceof RangeError && /`12` \(number\)/.test(e.message));
  assert.throws(() => slider({ min: 1, max: 8, value: 2.5 }), (e: Error) => e instanceof RangeError && /fractional step/.test(e.message));
  assert.throws(() => slider({ step: 0 }), RangeError);
  assert.throws(() => slider({ min: "1" as unknown as number }), (e: Error) => e instanceof TypeError && /`"1"` \(string\)/.test(e.message));
  const s = slider({ min: 1, max: 8 });
  assert.throws(() => (s.value = 9), RangeError);
  s.close();
});

test("a dropdown's value is one of its options", () => {
  const d = dropdown({ options: ["CPU", "E/S"], value: "E/S", description: "tâche" });
  assert.equal(d.value, "E/S");
  assert.deepEqual([d.state._options_labels, d.state.index], [["CPU", "E/S"], 1]);
  assert.throws(() => dropdown({ options: ["CPU", "E/S"], value: "GPU" as "CPU" }), (e: Error) => e instanceof RangeError && /`"GPU"` \(string\)/.test(e.message));
  assert.throws(() => dropdown({ options: [] }), RangeError);
  assert.throws(() => (d.value = "x" as "CPU"), RangeError);
  d.close();
});

test("change listeners hear values set from code; close() stops the widget", async () => {
  const s = slider({ min: 1, max: 8, value: 2 });
  const heard: Array<[number, number]> = [];
  s.on("change", (value, previous) => void heard.push([value, previous]));
  s.value = 5;
  s.value = 5; // no change, no call
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(heard, [[5, 2]]);
  assert.throws(() => s.on("click" as "change", () => {}), RangeError);
  s.close();
  assert.equal(s.closed, true);

  const box = hbox(checkbox({ value: true, description: "verrou" }), button({ description: "go" }));
  assert.equal(box.state._model_name, "HBoxModel");
  assert.equal((box.state.children as string[]).length, 2);
  assert.throws(() => vbox({} as never), TypeError);
  for (const child of box.children) child.close();
  box.close();
});
