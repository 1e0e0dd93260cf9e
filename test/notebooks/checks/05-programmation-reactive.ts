import assert from "node:assert/strict";
import { cellWith, codeCells, mimeText, richOutputs, sourceOf, streamText, VEGA_LITE, type Notebook } from "../outputs.js";

interface Reading {
  zone: string;
  t: number;
  temperature: number;
}
interface Chart {
  data: { values: Reading[] };
  layer: Array<{ data?: { values: Reading[] } }>;
}

const tableLines = (text: string) => text.split("\n").slice(3).map((l) => l.trim().split(/\s+/));

export function check(nb: Notebook): void {
  const params = sourceOf(codeCells(nb)[0]);
  const number = (name: string) => Number(new RegExp(`const ${name} = ([\\d* ]+);`).exec(params)![1].split("*").reduce((a, b) => a * Number(b), 1));
  const zones = JSON.parse(/const zones = (\[.*\]);/.exec(params)![1]) as string[];
  const [duration, period, threshold] = [number("dureeSimuleeS"), number("periodeReleveS"), number("seuilAlerteC")];

  // The first stream: filter and map, then completion.
  assert.equal(streamText(cellWith(nb, "tropChaud$")), "35 °C : trop chaud\n33 °C : trop chaud\nfin du flux\n");

  // The virtual-time simulation: every reading, reproducible from the seed.
  const summary = streamText(cellWith(nb, "function simuler("));
  const [readings, alertCount] = /(\d+) relevés .* (\d+) alertes/.exec(summary)!.slice(1).map(Number);
  assert.equal(readings, zones.length * Math.floor(duration / period));
  assert.match(summary, /mêmes relevés : oui/);
  assert.ok(alertCount > 0, "the default parameters make some zone too hot");

  // An alert is exactly an upward crossing of the threshold, in the plotted data.
  const chart = richOutputs([cellWith(nb, "show(graphique(simulation")], VEGA_LITE)[0].data![VEGA_LITE] as Chart;
  const series = chart.data.values;
  assert.equal(series.length, readings);
  const crossings = zones.flatMap((zone) => {
    const temps = series.filter((r) => r.zone === zone).sort((a, b) => a.t - b.t);
    return temps.filter((r, i) => r.temperature > threshold && (i === 0 || temps[i - 1].temperature <= threshold)).map((r) => `${zone}@${r.t}`);
  });
  const alerts = chart.layer.at(-1)!.data!.values;
  assert.deepEqual(alerts.map((a) => `${a.zone}@${a.t}`).sort(), crossings.sort());
  assert.equal(alerts.length, alertCount);

  // Each alert raised its zone's cooling by one step.
  const balance = cellWith(nb, "const bilan");
  const rows = tableLines(mimeText((balance.outputs ?? []).find((o) => o.data?.["text/html"])!, "text/plain"));
  assert.equal(rows.length, zones.length);
  for (const [zone, , , , alertsOfZone, cooling] of rows) {
    assert.equal(Number(cooling), 1 + Number(alertsOfZone), `zone ${zone}`);
    assert.equal(Number(alertsOfZone), alerts.filter((a) => a.zone === zone).length, `zone ${zone}`);
  }

  // The conclusion on the peak zone is one of its branches, with the zone's numbers.
  assert.match(streamText(cellWith(nb, "conclusions.coolingOutcome")), /alerte\(s\) ont porté le refroidissement de la zone C|La zone C n'a déclenché aucune alerte/);

  // Backpressure: RxJS lets readings pile up, pipeline holds the producer to its buffers.
  assert.match(streamText(cellWith(nb, "conclusions.backpressure")), /^Avec RxJS, jusqu'à 200 relevés sur 200 .* Avec pipeline, jamais plus de \d+ : /);

  // Real time: readings arrived, the live chart shows them all, and the subscription is closed.
  const liveCell = cellWith(nb, "const dcDirect");
  const [received] = /(\d+) relevés reçus/.exec(streamText(liveCell))!.slice(1).map(Number);
  assert.ok(received > 0);
  assert.match(streamText(liveCell), /abonnement fermé : oui/);
  const [liveChart] = richOutputs([liveCell], VEGA_LITE);
  assert.equal(mimeText(liveChart, "text/plain"), `<vega-lite chart: Températures en direct, ${received} points>`);
}
