// "Be the scheduler" through the kernel's comms, as JupyterLab's widget manager drives it: a click
// on « avancer A » (a custom message to the button's comm) moves A one step, and the panel's
// HTML model is updated in place: A's step count, its highlighted next step and the history.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { KernelSession, type Execution, type KernelOutput } from "../helpers/kernel.js";

const WIDGET_VIEW = "application/vnd.jupyter.widget-view+json";
const CELL = [
  'import { model, scheduler } from "concurrence";',
  "const perte = model({",
  '  name: "mise à jour perdue",',
  "  shared: { x: 0 },",
  "  threads: {",
  ...["A", "B"].flatMap((name) => [
    `    ${name}: function* (s, local) {`,
    '      local.t = s.x; yield "lire";',
    '      local.t = local.t + 1; yield "ajouter";',
    '      s.x = local.t; yield "écrire";',
    "    },",
  ]),
  "  },",
  "});",
  'const ordo = scheduler(perte, { goal: { text: "faites finir x à 1", reached: (e) => e.finished && e.shared.x === 1 } });',
].join("\n");

let kernel: KernelSession;
before(async () => (kernel = await KernelSession.start()));
after(() => kernel.shutdown());

const of = (run: Execution, type: string): KernelOutput[] => run.outputs.filter((o) => o.msg_type === type);
const stateOf = (open: KernelOutput) => (open.content.data as { state: Record<string, unknown> }).state;
const value = async (code: string) => String((of(await kernel.execute(code), "execute_result")[0]?.content.data as Record<string, string>)?.["text/plain"]);
/** The panel's HTML in the last update sent to its comm. */
const panelUpdate = (run: Execution, panelId: string) => {
  const updates = of(run, "comm_msg").filter((o) => o.content.comm_id === panelId && (o.content.data as { method: string }).method === "update");
  return (updates.at(-1)?.content.data as { state: { value?: string } } | undefined)?.state.value;
};
const threadOf = (html: string, name: string) => new RegExp(`data-thread="${name}" data-steps="(\\d+)" data-next="([\\d-]*)"`).exec(html)!;

test("a click on « avancer A » through the comm moves A one step, and the panel shows it", { timeout: 120_000 }, async () => {
  const run = await kernel.execute(CELL, { cellId: "scheduler-cell" });
  assert.equal(run.reply.status, "ok", kernel.log + JSON.stringify(run.outputs));
  const opens = of(run, "comm_open");
  const buttons = opens.filter((o) => stateOf(o)._model_name === "ButtonModel");
  assert.deepEqual(buttons.map((b) => stateOf(b).description), ["avancer A", "avancer B", "annuler"]);
  const panel = opens.find((o) => stateOf(o)._model_name === "HTMLModel")!;
  const panelId = String(panel.content.comm_id);
  const before = String(stateOf(panel).value);
  assert.match(before, /faites finir x à 1/);
  const [a0] = [threadOf(before, "A")];
  assert.equal(a0[1], "0", "A has taken no step");

  // One display: the widget view, with the replayed schedule as HTML for exports.
  const shown = [...of(run, "display_data"), ...of(run, "execute_result")].find((o) => (o.content.data as object)[WIDGET_VIEW as never])!;
  const data = shown.content.data as Record<string, unknown>;
  assert.match(String(data["text/html"]), /Ordre rejoué/);

  const click = (id: unknown) => kernel.notify("comm_msg", { comm_id: id, data: { method: "custom", content: { event: "click" } } });
  const afterA = panelUpdate(await click(buttons[0].content.comm_id), panelId);
  assert.ok(afterA, "the panel is updated after the click");
  const a1 = threadOf(afterA, "A");
  assert.equal(a1[1], "1", "A has taken one step");
  assert.notEqual(a1[2], a0[2], "A's highlighted next step moved");
  assert.equal(threadOf(afterA, "B")[1], "0", "B has not moved");
  assert.match(afterA, /Historique :<\/b> A \(1 étape\)/);
  assert.equal(await value("JSON.stringify(ordo.history)"), `'["A"]'`);

  // B then A, B, A, B: both read 0, so x ends at 1 and the goal is reached.
  for (const i of [1, 0, 1, 0, 1]) await click(buttons[i].content.comm_id);
  assert.equal(await value("JSON.stringify(ordo.history)"), `'["A","B","A","B","A","B"]'`);
  assert.equal(await value("ordo.reached"), "true");
  assert.equal(await value("ordo.state.shared.x"), "1");

  // « annuler » takes the last step back; the goal is no longer reached.
  const undone = panelUpdate(await click(buttons[2].content.comm_id), panelId)!;
  assert.equal(threadOf(undone, "B")[1], "2");
  assert.match(undone, /pas encore atteint/);
  assert.equal(await value("ordo.history.length"), "5");

  // A finished thread cannot move: the panel says so, and nothing changes.
  await click(buttons[1].content.comm_id);
  const refused = panelUpdate(await click(buttons[0].content.comm_id), panelId)!;
  assert.match(refused, /A ne peut pas avancer/);
  assert.equal(await value("ordo.history.length"), "6");
});

test("re-running the cell closes the previous scheduler's comms", { timeout: 60_000 }, async () => {
  const live = async () => Object.keys((await kernel.request("comm_info_request", { target_name: "jupyter.widget" })).reply.comms as object);
  const before = await live();
  const again = await kernel.execute(CELL, { cellId: "scheduler-cell" });
  const closed = of(again, "comm_close").map((o) => String(o.content.comm_id));
  assert.deepEqual(closed.sort(), before.sort());
  assert.equal((await live()).length, before.length);
});

test("as a cell's last value, the scheduler is one line of text, not a second view", { timeout: 60_000 }, async () => {
  const run = await kernel.execute("ordo");
  const [result] = of(run, "execute_result");
  assert.deepEqual(Object.keys(result.content.data as object), ["text/plain"]);
  assert.match(String((result.content.data as Record<string, string>)["text/plain"]), /^Ordonnanceur de « mise à jour perdue » : avancer A, avancer B, annuler/);
});
