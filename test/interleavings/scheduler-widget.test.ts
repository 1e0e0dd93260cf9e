// The scheduler widget outside a kernel (no comms): it still moves threads and undoes, tells a
// deadlock and a reached goal, and displays a replayed schedule as HTML and text, which is what
// headless runs and handouts show instead of the buttons.
import assert from "node:assert/strict";
import { test } from "node:test";
import { acquire, model, release, scheduler, waitUntil } from "../../src/index.js";
import { MIME_BUNDLE } from "../../src/display/bundle.js";
import { dedent } from "../../src/interleavings/widget/render.js";
import { captureDisplays } from "../helpers/capture.js";

const perte = model({
  name: "mise à jour perdue",
  shared: { x: 0 },
  threads: {
    A: function* (s: { x: number }, local: Record<string, number>) {
      local.t = s.x;
      yield "lire";
      local.t = local.t + 1;
      yield "ajouter";
      s.x = local.t;
      yield "écrire";
    },
    B: function* (s: { x: number }, local: Record<string, number>) {
      local.t = s.x;
      yield "lire";
      local.t = local.t + 1;
      yield "ajouter";
      s.x = local.t;
      yield "écrire";
    },
  },
});

const deuxVerrous = model({
  name: "ordres opposés",
  shared: {},
  locks: ["v1", "v2"],
  threads: {
    A: function* () {
      yield acquire("v1");
      yield acquire("v2");
      yield release("v2");
      yield release("v1");
    },
    B: function* () {
      yield acquire("v2");
      yield acquire("v1");
      yield release("v1");
      yield release("v2");
    },
  },
});

const goal = { text: "faites finir x à 1", reached: (e: { finished: boolean; shared: { x: number } }) => e.finished && e.shared.x === 1 };

test("advance and undo move the threads; the goal is read from the state the history reached", () => {
  const displays = captureDisplays();
  try {
    const ordo = scheduler(perte, { goal });
    assert.equal(displays.sent.length, 1, "shown once");
    assert.deepEqual(ordo.history, []);
    assert.match(ordo.panel.value, /data-thread="A" data-steps="0" data-next="1-2"/, "A's next step: its first two lines (the statement and its yield)");
    assert.equal(ordo.advance("A"), true);
    assert.match(ordo.panel.value, /data-thread="A" data-steps="1" data-next="3-4"/, "then the next two");
    for (const t of ["B", "A", "B", "A", "B"]) assert.equal(ordo.advance(t), true);
    assert.deepEqual(ordo.history, ["A", "B", "A", "B", "A", "B"]);
    assert.equal(ordo.state.shared.x, 1);
    assert.equal(ordo.reached, true);
    assert.match(ordo.panel.value, /✅ but atteint/);
    assert.match(ordo.panel.value, /Tous les threads ont fini/);
    assert.equal(ordo.advance("A"), false, "a finished thread cannot move");
    assert.match(ordo.panel.value, /A ne peut pas avancer/);
    ordo.undo();
    assert.equal(ordo.reached, false);
    assert.deepEqual(ordo.history, ["A", "B", "A", "B", "A"]);
    ordo.close();
  } finally {
    displays.restore();
  }
});

test("a deadlock is told, and a blocked thread says what it waits for", () => {
  const ordo = scheduler(deuxVerrous);
  ordo.advance("A");
  ordo.advance("B");
  assert.equal(ordo.state.deadlocked, true);
  assert.match(ordo.panel.value, /Interblocage : aucun thread ne peut plus avancer/);
  assert.match(ordo.panel.value, /bloqué : acquire\(v2\)/);
  assert.match(ordo.panel.value, /v1 tenu par A ; v2 tenu par B/);
  assert.equal(ordo.advance("A"), false);
  ordo.close();
});

test("without comms, the display is the replayed schedule, as HTML and as text", () => {
  const ordo = scheduler(perte, { goal, replay: ["A", "B", "A", "B", "A", "B"] });
  const bundle = ordo.bundle();
  assert.deepEqual(Object.keys(bundle).sort(), ["text/html", "text/plain"], "no widget view without a kernel");
  const html = String(bundle["text/html"]);
  assert.match(html, /Ordre rejoué \(6 étapes\)/);
  assert.equal(html.match(/<tr><td>\d+<\/td>/g)?.length, 6, "one row per step");
  assert.match(html, /✅ but atteint/, "the replayed schedule reaches the goal");
  assert.match(String(bundle["text/plain"]), /^Ordonnanceur de « mise à jour perdue » : avancer A, avancer B, annuler\n.*\n1\. A lire → x = 0/);
  assert.deepEqual(ordo.history, [], "replaying for the display moves nothing");
  assert.deepEqual(ordo[MIME_BUNDLE](), { "text/plain": "Ordonnanceur de « mise à jour perdue » : avancer A, avancer B, annuler" }, "as a cell's last value, one line: it is shown already");
  // Without a schedule: each thread in turn, until they are done or stuck.
  const stuck = String(scheduler(deuxVerrous).bundle()["text/html"]);
  assert.match(stuck, /Ordre rejoué \(2 étapes\)/);
  assert.match(stuck, /Interblocage/);
});

test("bad options are refused where they enter", () => {
  assert.throws(() => scheduler({} as never), TypeError);
  assert.throws(() => scheduler(perte, { replay: ["A", "C"] }), /options\.replay doit être une liste de noms de threads/);
  assert.throws(() => scheduler(perte, { goal: { text: "x" } as never }), TypeError);
  assert.throws(() => scheduler(perte, { goal: "x" as never }), /options\.goal doit être/);
});

test("a goal that holds in the middle stays reached until its step is undone; the replay stops there", () => {
  type Flags = { a: boolean; b: boolean; dedans: number };
  const drapeaux = model({
    name: "drapeaux naïfs",
    shared: { a: false, b: false, dedans: 0 },
    threads: {
      A: function* (s: Flags) {
        yield waitUntil((t: Flags) => !t.b, "attendre B");
        s.a = true;
        yield "lever";
        s.dedans++;
        yield "entrer";
        s.dedans--;
        s.a = false;
        yield "sortir";
      },
      B: function* (s: Flags) {
        yield waitUntil((t: Flags) => !t.a, "attendre A");
        s.b = true;
        yield "lever";
        s.dedans++;
        yield "entrer";
        s.dedans--;
        s.b = false;
        yield "sortir";
      },
    },
  });
  const both = { text: "faites entrer A et B en section critique", reached: (e: { shared: Flags }) => e.shared.dedans === 2 };
  const ordo = scheduler(drapeaux, { goal: both, replay: ["A", "B", "A", "A", "B", "B", "A", "B"] });
  for (const t of ["A", "B", "A", "A", "B"]) ordo.advance(t);
  assert.equal(ordo.reached, false);
  ordo.advance("B");
  assert.equal(ordo.reached, true, "both are in");
  ordo.advance("A");
  assert.equal(ordo.state.shared.dedans, 1);
  assert.equal(ordo.reached, true, "it stays reached after A leaves");
  assert.match(ordo.panel.value, /✅ but atteint à l'étape 6 !/);
  ordo.undo();
  ordo.undo();
  assert.equal(ordo.reached, false, "undone past the step that reached it");
  const html = String(ordo.bundle()["text/html"]);
  assert.match(html, /Ordre rejoué \(6 étapes\)/, "the replay stops where the goal first holds");
  assert.match(html, /✅ but atteint à l'étape 6 !/);
  ordo.close();
});

test("the code shown loses the cell's indentation and the compiler's prefixes on imported names", () => {
  const shown = dedent(["function* (s) {", "      yield exports.acquire(\"v1\");", "      s.x = concurrence_1.helper(s.x_1);", "    }"]);
  assert.deepEqual(shown, ["function* (s) {", "  yield acquire(\"v1\");", "  s.x = helper(s.x_1);", "}"]);
});
