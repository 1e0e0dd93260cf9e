import assert from "node:assert/strict";
import { cellWith, codeCells, richOutputs, sourceOf, streamText, VEGA_LITE, type Notebook } from "../outputs.js";

interface TurtleSpec {
  title: string;
  background: string;
  layer: Array<{ data: { values: Array<{ x: number; y: number; angle?: number }> } }>;
}

/** Where the seed's turtle ends after `keys`: Up = forward 50, Left/Right = turn 30°, others ignored. */
function simulate(keys: string[]): { path: Array<[number, number]>; heading: number } {
  let [x, y, heading] = [0, 0, 0];
  const path: Array<[number, number]> = [[0, 0]];
  for (const key of keys) {
    if (key === "Up") {
      x += 50 * Math.cos((heading * Math.PI) / 180);
      y += 50 * Math.sin((heading * Math.PI) / 180);
      path.push([x, y]);
    } else if (key === "Left") heading = (heading + 30) % 360;
    else if (key === "Right") heading = (heading + 330) % 360;
  }
  return { path, heading };
}

export function check(nb: Notebook): void {
  const params = sourceOf(codeCells(nb)[0]);
  const keys = JSON.parse(/const touches = (\[.*\]);/.exec(params)![1]) as string[];
  const [delay, count] = [/delaiReponseMs = (\d+)/, /candidatures = (\d+)/].map((p) => Number(p.exec(params)![1]));

  // emit runs the handlers at once, in order; once() runs once; nobody listens to "inconnu".
  const emitter = streamText(cellWith(nb, 'bureau.emit("clic"'));
  assert.match(emitter, /^avant emit\n {2}ouverture de Terminal\n {2}\(journal\) clic sur Terminal\n {2}double-clic : traité une seule fois\naprès emit\n/);
  assert.match(emitter, /renvoie false/);
  // An emit runs its handler before the next line; one scheduled with setTimeout runs after.
  assert.match(streamText(cellWith(nb, 'capteur.emit("mesure", 1)')), /^1\. avant les deux emit\ngestionnaire de « mesure » \(1\)\n2\. après les deux emit\ngestionnaire de « mesure » \(2\)\n/);

  // The callback runs after the line that follows the call.
  const callback = streamText(cellWith(nb, "candidature envoyée"));
  const [sent, answered] = [...callback.matchAll(/\[(\d+) ms\]/g)].map((m) => Number(m[1]));
  assert.match(callback, /candidature envoyée[^\n]*\n\[\d+ ms\] réponse de Google/);
  assert.ok(answered - sent >= delay, `the answer comes after ${delay} ms: ${callback}`);

  // Callbacks, promises and async/await reach the same interview; a rejected promise is caught.
  for (const needle of ["passerEntretien(decision!, (erreur2", "postulerP(\"Google\", \"Ada\")\n", "async function recrutement"]) {
    assert.match(streamText(cellWith(nb, needle)), /Ada passe l'entretien chez Google/);
  }
  assert.match(streamText(cellWith(nb, "async function recrutement")), /refusé·e\n.*erreur rattrapée : Google : candidature sans nom/);

  // Waiting one after the other adds the delays; Promise.all overlaps them.
  const [sequential, overlapped] = /l'une après l'autre ([\d.]+) s, toutes à la fois ([\d.]+) s/
    .exec(streamText(cellWith(nb, "Promise.all(entreprises")))!.slice(1).map(Number);
  assert.ok(sequential >= (count * delay) / 1000 - 0.005, `sequential ${sequential} s`);
  assert.ok(overlapped < ((count - 1) * delay) / 1000, `overlapped ${overlapped} s`);

  // The live turtle drawing ends with the whole path of the scripted keys.
  const [drawing] = richOutputs([cellWith(nb, "fenetre.mainloop(")], VEGA_LITE);
  const spec = drawing.data![VEGA_LITE] as TurtleSpec;
  assert.equal(spec.title, "La gestion des événements, premiers pas");
  assert.equal(spec.background, "lightblue");
  const expected = simulate(keys);
  const path = spec.layer[0].data.values;
  assert.equal(path.length, expected.path.length, "one point per Up, plus the start");
  path.forEach((p, i) => {
    assert.ok(Math.abs(p.x - expected.path[i][0]) < 0.02 && Math.abs(p.y - expected.path[i][1]) < 0.02, `point ${i}`);
  });
  const turtle = spec.layer[1].data.values[0];
  assert.equal(turtle.angle, (450 - expected.heading) % 360);
  const summary = streamText(cellWith(nb, "touches jouées"));
  assert.match(summary, new RegExp(`${keys.length} touches jouées, dont ${keys.filter((k) => !["Up", "Left", "Right"].includes(k)).length} sans gestionnaire`));
  // The default keys draw a hexagon: the conclusion, read from the path, says so.
  assert.match(summary, /revenue à son point de départ après 6 pas : elle a tracé une figure fermée à 6 côtés/);
}
