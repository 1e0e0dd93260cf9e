import assert from "node:assert/strict";
import { cellWith, codeCells, mimeText, richOutputs, sourceOf, streamText, VEGA_LITE, type Notebook } from "../outputs.js";

const DOWNLOADING = /^Téléchargement de l'image http:\/\/127\.0\.0\.1:\d+\/images\/400\/200\/sports$/;

function parameter(nb: Notebook, name: string): string {
  const value = new RegExp(`const ${name} = ([^;]+);`).exec(sourceOf(codeCells(nb)[0]))?.[1];
  assert.ok(value, `the parameters cell sets ${name}`);
  return value;
}

function inFlight(text: string): number {
  const found = /Requêtes servies en même temps, au plus : (\d+)/.exec(text);
  assert.ok(found, `the cell reports the requests in flight: ${text}`);
  return Number(found[1]);
}

export function check(nb: Notebook): void {
  const images = Number(parameter(nb, "nbImages"));
  const counts = JSON.parse(parameter(nb, "concurrences")) as number[];
  const shown = Math.min(Number(parameter(nb, "imagesAffichees")), images);

  // The seed's sequential listing, in French: one "Téléchargement de l'image" line per image, one at a time.
  const sequential = streamText(cellWith(nb, "async function principalSequentiel"));
  assert.equal(sequential.split("\n").filter((l) => DOWNLOADING.test(l)).length, images);
  assert.match(sequential, /^Temps d'exécution : \d+\.\d{3} s$/m);
  assert.equal(inFlight(sequential), 1);

  // The files are there, and some are shown inline as real PNGs.
  const files = cellWith(nb, "fs.readdirSync(temp)");
  assert.match(streamText(files), new RegExp(`^${images} fichiers dans `));
  const gallery = (files.outputs ?? []).map((o) => mimeText(o, "text/html")).find((h) => h.includes("concurrence-images")) ?? "";
  const pictures = [...gallery.matchAll(/src="data:image\/png;base64,([^"]+)"/g)].map((m) => Buffer.from(m[1], "base64"));
  assert.equal(pictures.length, shown);
  assert.ok(pictures.every((p) => p.subarray(1, 4).toString() === "PNG"));
  assert.equal(new Set(pictures.map((p) => p.toString("base64"))).size, shown, "the images differ");

  // Threads, as in the seed: every image, with requests overlapping on the server.
  const threads = streamText(cellWith(nb, "async function executerThread"));
  assert.equal(threads.split("\n").filter((l) => DOWNLOADING.test(l)).length, images);
  assert.match(threads, /^Temps d'exécution total : \d+\.\d{3} s$/m);
  // The threads' gain against their number: a sentence chosen from the measurement (src/conclusions/lesson08.ts).
  assert.match(threads, /^Avec \d+ threads, les téléchargements (vont \d+\.\d\d fois plus vite|ne vont pas plus vite)/m);
  if (images > 1) assert.ok(inFlight(threads) > 1, "threads download at the same time");

  // The event loop: every request in flight at once, then the limit holds.
  assert.equal(inFlight(streamText(cellWith(nb, "async function principalAsync"))), images);
  assert.equal(inFlight(streamText(cellWith(nb, "await mapLimit("))), Math.min(3, images));

  // The sweep: a row per mode and count, with the server's own count of requests in flight.
  const benchmark = cellWith(nb, "await sweep(");
  const tables = (benchmark.outputs ?? []).filter((o) => mimeText(o, "text/html").includes("<table"));
  assert.equal(tables.length, 1, "the sweep shows one table");
  const rows = mimeText(tables[0], "text/plain")
    .split("\n")
    .map((l) => /^(.+?)\s+(\d+)\s+(\d+\.\d+)\s+(\d+)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ mode: m[1], n: Number(m[2]), flying: Number(m[4]) }));
  for (const mode of ["séquentiel", "async (boucle d'événements)", "threads"]) {
    assert.deepEqual(rows.filter((r) => r.mode === mode).map((r) => r.n), counts, mode);
  }
  for (const r of rows) {
    if (r.mode === "séquentiel") assert.equal(r.flying, 1, "sequential: one request at a time");
    else if (r.mode === "threads") assert.ok(r.flying >= 1 && r.flying <= Math.min(r.n, images), `threads ${r.n}: ${r.flying}`);
    else assert.equal(r.flying, Math.min(r.n, images), `async with a limit of ${r.n}`);
  }

  // Under the chart, how async time follows the concurrency and how threads compare: chosen from the rows.
  const scaling = streamText(cellWith(nb, "conclusions.downloadScaling("));
  assert.match(scaling, /^En async, (le temps suit la concurrence|de \d+ à \d+ téléchargements simultanés, le temps (n'est divisé que|ne baisse presque pas))/m);
  assert.match(scaling, /^Avec \d+ téléchargements simultanés, les threads (prennent|font presque aussi bien)/m);

  // Two plots: time against the number of downloads at once, and the requests' timeline.
  assert.equal(richOutputs(codeCells(nb), VEGA_LITE).length, 3, "two charts, and the requests in flight of a trace");

  // The numbers of the explanation are computed, not typed.
  const why = streamText(cellWith(nb, "process.cpuUsage()"));
  assert.match(why, /^Temps écoulé : \d+\.\d{3} s ; temps de calcul du processus : \d+\.\d{3} s$/m);
  assert.match(why, /^Le processeur a donc travaillé \d+ % du temps/m);
  assert.match(why, new RegExp(`^Somme des ${images} attentes : \\d+\\.\\d{3} s ; la plus longue : \\d+\\.\\d{3} s\\.$`, "m"));

  // Faults: some downloads fail without retries; every image arrives with them.
  const faults = streamText(cellWith(nb, "server.configure({ failureRate"));
  const without = /Sans nouvel essai : (\d+) images sur (\d+)\./.exec(faults);
  assert.ok(without && Number(without[1]) < images && Number(without[2]) === images, faults);
  assert.match(faults, /^Échec : GET http:\/\/127\.0\.0\.1:\d+\/images\/\S+ a répondu 50[03] /m);
  assert.match(faults, new RegExp(`Avec jusqu'à 4 nouveaux essais : ${images} images sur ${images}, en \\d+ requêtes\\.`));

  // The client-side trace: requests in flight, at most the concurrency asked for, more than one.
  const tracedCell = cellWith(nb, "traced(() => downloadConcurrent(");
  assert.equal(richOutputs([tracedCell], VEGA_LITE).length, 1);
  const flight = /(\d+) requêtes ; au plus (\d+) en vol/.exec(streamText(tracedCell));
  const concurrencies = /const concurrences = \[([\d, ]+)\]/.exec(sourceOf(codeCells(nb)[0]))![1].split(",").map(Number);
  assert.ok(flight && Number(flight[2]) > 1 && Number(flight[2]) <= Math.max(...concurrencies), streamText(tracedCell));
}
