import assert from "node:assert/strict";
import { cellWith, codeCells, join, mimeText, richOutputs, sourceOf, streamText, VEGA_LITE, type Cell, type Notebook } from "../outputs.js";

function parameter(nb: Notebook, name: string): string {
  const value = new RegExp(`const ${name} = ([^;]+);`).exec(sourceOf(codeCells(nb)[0]))?.[1];
  assert.ok(value, `the parameters cell sets ${name}`);
  return value;
}

/** The text lines of the one table a cell shows. */
function tableLines(cell: Cell): string[] {
  const tables = (cell.outputs ?? []).filter((o) => mimeText(o, "text/html").includes("<table"));
  assert.equal(tables.length, 1, "the cell shows one table");
  return mimeText(tables[0], "text/plain").split("\n");
}

export function check(nb: Notebook): void {
  const pages = Number(parameter(nb, "pagesDuSite"));
  const counts = JSON.parse(parameter(nb, "concurrences")) as number[];
  const tasks = Number(parameter(nb, "nbTaches"));
  const customers = Number(parameter(nb, "clientsParFile"));
  const cores = Number(/Cette machine a (\d+) cœurs/.exec(streamText(cellWith(nb, "cœurs utilisables")))?.[1]);
  assert.ok(cores >= 1, "the notebook says how many cores it has");

  // The seed's two listings: fetch one page and time it, then parse its links.
  assert.match(streamText(cellWith(nb, "const request = await fetch(")), /^Temps pour obtenir la page : \d+\.\d{3} s$/m);
  const parsed = streamText(cellWith(nb, "cheerio.load("));
  assert.match(parsed, /^Temps pour obtenir la page : \d+\.\d{3} s\nTemps d'exécution total : \d+\.\d{3} s$/m);
  const raw = Number(/^(\d+) liens trouvés : /m.exec(parsed)?.[1]);
  assert.ok(raw >= 3, "the home page's links are found");
  assert.match(parsed, /il faudrait environ \d+ heures/);
  const resolved = streamText(cellWith(nb, "extractLinks(html"));
  const distinct = /^(\d+) liens bruts -> (\d+) pages distinctes/m.exec(resolved);
  assert.ok(distinct && Number(distinct[1]) === raw && Number(distinct[2]) < raw, resolved);
  assert.equal(resolved.split("\n").filter((l) => /^ {2}http:\/\/127\.0\.0\.1:\d+\/site\//.test(l)).length, Number(distinct[2]));

  // The crawl: every page of the site at every concurrency, the broken links found, the limit held.
  const crawlCell = cellWith(nb, "crawl(server.siteUrl");
  const lines = tableLines(crawlCell);
  const broken = Number(/\((\d+) liens morts y sont cachés\)/.exec(lines[0])?.[1]);
  assert.ok(broken > 0, "the site hides broken links");
  const rows = lines.map((l) => l.trim().split(/\s+/).map(Number)).filter((r) => r.length === 7 && r.every(Number.isFinite));
  assert.deepEqual(rows.map((r) => r[0]), counts, "one row per concurrency");
  for (const [n, , found, dead, , , flying] of rows) {
    assert.equal(found, pages, `concurrency ${n} finds every page`);
    assert.equal(dead, broken, `concurrency ${n} reports every broken link`);
    if (n === 1) assert.equal(flying, 1, "the sequential crawler fetches one page at a time");
    else assert.ok(flying > 1 && flying <= n, `concurrency ${n}: ${flying} pages in flight at most`);
  }

  // CPU against I/O: overlap, measured by each task's own clock.
  const overlap = new Map(
    tableLines(cellWith(nb, "const taches:"))
      .map((l) => /^(CPU|E\/S)\s+(.+?)\s+\d+\.\d+\s+(\d+)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [`${m[1]} ${m[2]}`, Number(m[3])]),
  );
  assert.equal(overlap.size, 6);
  assert.equal(overlap.get("CPU séquentiel"), 1);
  assert.equal(overlap.get("CPU concurrent (async)"), 1, "CPU tasks on the event loop never run at the same time");
  assert.equal(overlap.get("E/S séquentiel"), 1);
  assert.equal(overlap.get("E/S concurrent (async)"), tasks, "I/O tasks on the event loop all wait at once");
  assert.equal(overlap.get("CPU parallèle (threads)"), Math.min(cores, tasks), "threads compute at the same time");
  assert.match(streamText(cellWith(nb, "plots.bars(")), /^CPU : accélération du concurrent \d+\.\d\d \(1 = aucun gain\), du parallèle \d+\.\d\d/m);

  // The bakery: one baker alternates the queues, serving one customer at a time; two serve two at once.
  const bakery = tableLines(cellWith(nb, "function boulangere("));
  const one = bakery.find((l) => l.startsWith("concurrence"));
  const two = bakery.find((l) => l.startsWith("parallélisme"));
  assert.match(one ?? "", new RegExp(`\\s1\\s+${2 * customers}\\s+\\d+\\.\\d+\\s+1\\s+\\d+\\.\\d+\\s+A-1 B-1 A-2 B-2`));
  assert.match(two ?? "", new RegExp(`\\s2\\s+${2 * customers}\\s+\\d+\\.\\d+\\s+2\\s+\\d+\\.\\d+\\s+A-1 A-2 A-3`));
  // The cores each scenario kept busy, CPU time over wall time, and a conclusion chosen from them.
  const busy = streamText(cellWith(nb, "const coeursDe"));
  const [, oneCore, twoCores] = /Une boulangère : (\d+\.\d\d) cœur occupé en moyenne ; deux boulangères : (\d+\.\d\d) cœurs\./.exec(busy) ?? [];
  assert.ok(oneCore && twoCores, busy);
  if (Math.abs(Number(twoCores) - 1.3) > 0.01) assert.match(busy, Number(twoCores) > 1.3 ? /c'est du parallélisme/ : /ce n'est pas du parallélisme/);
  assert.match(streamText(cellWith(nb, "La boulangerie : qui sert qui")), /accélération \d+\.\d\d/);

  // Four plots; the GPU paragraph points to the GPU notebook.
  assert.equal(richOutputs(codeCells(nb), VEGA_LITE).length, 6, "five charts (Amdahl's included) and the crawl's requests in flight");
  const prose = nb.cells.filter((c) => c.cell_type === "markdown").map((c) => join(c.source)).join("\n");
  assert.match(prose, /\]\(06-programmation-gpu\.ipynb\)/);

  // The crawl traced: requests in flight, more than one, at most the concurrency asked for.
  const robot = cellWith(nb, "traced(() => crawl(");
  const flight = /(\d+) requêtes ; au plus (\d+) en vol en même temps \(limite : (\d+)\)/.exec(streamText(robot));
  assert.ok(flight && Number(flight[2]) > 1 && Number(flight[2]) <= Number(flight[3]), streamText(robot));

  // The crawler without a barrier finds the same pages as crawl(), and a sentence compares their times.
  const robots = streamText(cellWith(nb, "conclusions.barrierCost("));
  const found = /^Niveau par niveau : (\d+) pages en \d+\.\d{3} s ; sans barrière : (\d+) pages en \d+\.\d{3} s\.$/m.exec(robots);
  assert.ok(found && Number(found[1]) === pages && Number(found[2]) === pages, robots);
  assert.match(robots, /^(Sans barrière, le robot finit en|Ici, le robot sans barrière n'a pas été nettement plus rapide)/m);

  // Amdahl: a row per worker count, the fitted curve, and what the fraction means, chosen from it.
  const amdahlRows = tableLines(cellWith(nb, "const ajuste = amdahlFit(")).filter((l) => /^\s*\d+\s+\d+\.\d{3}/.test(l));
  assert.equal(amdahlRows.length, Math.max(2, cores), amdahlRows.join("\n"));
  const verdict = streamText(cellWith(nb, "conclusions.amdahlVerdict("));
  assert.match(verdict, /^La part séquentielle ajustée est de \d+\.\d %/m);
  assert.match(verdict, /^Elle (est proche de|dépasse|est plus petite que) la part séquentielle mesurée directement/m);
  assert.equal(tableLines(cellWith(nb, "gustafson(ajuste.serial")).filter((l) => /^\s*\d+\s+\d+/.test(l)).length, Math.max(2, cores));
}
