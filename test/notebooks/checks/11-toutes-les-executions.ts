// Notebook 11's key outputs: the lost update's 20 interleavings (2 give 2), the lock's, the
// deadlock found and gone with a lock order, the livelock and the starvation found, Peterson,
// the scheduler's replayed schedule for exports, and the real threads' race.
import assert from "node:assert/strict";
import { cellWith, mimeText, richOutputs, streamText, VEGA_LITE, type Notebook } from "../outputs.js";

const WIDGET_VIEW = "application/vnd.jupyter.widget-view+json";

export function check(nb: Notebook): void {
  const counted = cellWith(nb, "const toutesPerte = explore(perte)");
  assert.match(mimeText(richOutputs([counted], "text/plain")[0], "text/plain"), /^20 entrelacements/);
  const summary = cellWith(nb, "show(plots.outcomes(toutesPerte))");
  assert.match(streamText(summary), /^2 entrelacements sur 20 seulement donnent x = 2 : les 18 autres perdent une mise à jour/);
  assert.equal(richOutputs([summary], VEGA_LITE).length, 1, "the outcomes chart");

  const widget = richOutputs([cellWith(nb, "const ordonnanceur = scheduler(perte")], "text/html")[0];
  assert.ok(widget.data?.[WIDGET_VIEW], "the scheduler is a widget view in JupyterLab");
  const replayed = mimeText(widget, "text/html");
  assert.match(replayed, /Ordre rejoué \(6 étapes\)/, "exports show the replayed schedule instead of the buttons");
  assert.match(replayed, /✅ but atteint/);

  assert.match(streamText(cellWith(nb, "const toutesVerrou = explore(avecVerrou)")), /^Avec le verrou, les 2 entrelacements possibles finissent tous à x = 2\./);
  assert.match(streamText(cellWith(nb, "const explorationInterblocage = explore(deuxVerrous)")), /^Interblocage trouvé : l'ordre A B y mène en 2 étapes\./);
  assert.match(streamText(cellWith(nb, "const explorationOrdre = explore(ordreGlobal)")), /^Ordres opposés : 1 interblocage\(s\) ; ordre global : 0 sur 2 entrelacements/);
  assert.match(streamText(cellWith(nb, "const explorationReessai = explore(reessai)")), /^Interblocage actif : après .* le cycle .* revient au même état, sans fin\. Interblocages : 0\./);
  assert.match(streamText(cellWith(nb, "const explorationOrdonne = explore(reessaiOrdonne)")), /^Réessai dans l'ordre global : 0 interblocage\(s\) actif\(s\), 0 interblocage\(s\).* avec 2 virements\./);
  assert.match(streamText(cellWith(nb, "const auHasard = sample(reessai")), /Les \d+ exécutions tirées au hasard ont toutes fini|tournaient encore/);
  assert.match(streamText(cellWith(nb, "const explorationInjuste = explore(injuste)")), /^Famine : [AB] n'avance plus/);
  assert.match(streamText(cellWith(nb, "const explorationEquitable = explore(equitable)")), /verrou équitable : 0, et 0 interblocage\(s\)/);
  const blocked = mimeText(richOutputs([cellWith(nb, "const ordonnanceurBloque = scheduler(deuxVerrous")], "text/html")[0], "text/html");
  assert.match(blocked, /Ordre rejoué \(2 étapes\)[\s\S]*✅ but atteint[\s\S]*Interblocage : aucun thread ne peut plus avancer/, "the replayed deadlock reaches « bloquez les deux threads »");
  const flags = cellWith(nb, "const explorationDrapeaux = explore(drapeaux)");
  assert.match(streamText(flags), /^Drapeaux naïfs : A et B peuvent être ensemble en section critique/);
  assert.match(mimeText(richOutputs([flags], "text/html")[0], "text/html"), /✅ but atteint/, "the naive flags let both in");
  const peterson = cellWith(nb, "const explorationPeterson = explore(peterson)");
  assert.match(mimeText(richOutputs([peterson], "text/html")[0], "text/html"), /pas encore atteint/, "Peterson never lets both in");
  assert.match(streamText(cellWith(nb, "const explorationPeterson = explore(peterson)")), /0 interblocage\(s\), jamais deux threads en section critique à la fois\./);
  assert.match(streamText(cellWith(nb, "const naif: Ordre")), /interblocage après P\d P\d P\d\./);

  // The real race: the chart holds every run; Atomics.add and the Atomics lock never lose one.
  const raceCell = cellWith(nb, "show(plots.bars(courses");
  const [chart] = richOutputs([raceCell], VEGA_LITE);
  const rows = (chart.data![VEGA_LITE] as { data: { values: Array<{ mode: string; perdues: number; attendu: number; obtenu: number }> } }).data.values;
  assert.deepEqual([...new Set(rows.map((r) => r.mode))], ["simple", "atomique", "verrou"]);
  for (const r of rows) assert.equal(r.perdues, r.attendu - r.obtenu);
  assert.deepEqual(rows.filter((r) => r.mode !== "simple" && r.perdues !== 0), [], "no update lost with Atomics");
  assert.match(streamText(raceCell), /^(Sans Atomics, \d+ essai\(s\) sur \d+ ont perdu|Sur ces \d+ essais, vue\[0\]\+\+ n'a perdu aucune)/);
}
