// Charts fit the printable width of an A4 handout, legend included: panels share the width,
// and the legend sits under them.
import assert from "node:assert/strict";
import { test } from "node:test";
import { renderSvg, speedup, timeVsWorkers } from "../../src/plot/index.js";
import { PRINT_WIDTH } from "../../src/plot/builders.js";

const modes = ["boucle d'événements", "threads", "processus"];
const rows = (tasks: string[]) =>
  tasks.flatMap((task) => modes.flatMap((mode) => [1, 2, 3, 4].map((workers) => ({ task, mode, workers, seconds: 0.1 * workers + modes.indexOf(mode) }))));

test("faceted and plain charts render no wider than the printable width, with their legend", { timeout: 60_000 }, async () => {
  for (const spec of [
    timeVsWorkers(rows(["CPU", "E/S"]), { facet: "task", title: "Temps" }),
    timeVsWorkers(rows(["a", "b", "c"]), { facet: "task" }),
    speedup(rows(["CPU", "E/S"]), { facet: "task", scaling: "weak" }),
    timeVsWorkers(rows(["CPU"])),
  ]) {
    const svg = await renderSvg(spec);
    const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)![1]);
    assert.ok(width <= PRINT_WIDTH + 40, `${width}px wide`);
    for (const mode of modes) assert.ok(svg.includes(mode.replace("'", "&#39;")) || svg.includes(mode), `the legend names ${mode}`);
  }
});

test("an explicit width still wins", () => {
  const spec = timeVsWorkers(rows(["CPU", "E/S"]), { facet: "task", width: 300 }) as unknown as { spec: { width: number } };
  assert.equal(spec.spec.width, 300);
});
