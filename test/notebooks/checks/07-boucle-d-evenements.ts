import assert from "node:assert/strict";
import { cellWith, codeCells, mimeText, richOutputs, streamText, VEGA_LITE, type Notebook } from "../outputs.js";

interface Scenario {
  workMs: number;
  ticksDuring: number;
  maxTickLagMs: number;
  maxLoopDelayMs: number;
}

/** The rows of the lag tables, by scenario name. */
function scenarios(nb: Notebook, needle: string): Map<string, Scenario> {
  const table = (cellWith(nb, needle).outputs ?? []).find((o) => mimeText(o, "text/html").includes("<table"));
  assert.ok(table, `the cell with ${needle} shows a table`);
  const rows = new Map<string, Scenario>();
  for (const line of mimeText(table, "text/plain").split("\n")) {
    const m = /^(.*?)\s+(\d+\.\d)\s+(\d+)\s+(\d+\.\d)\s+(\d+\.\d)$/.exec(line);
    if (m) rows.set(m[1], { workMs: +m[2], ticksDuring: +m[3], maxTickLagMs: +m[4], maxLoopDelayMs: +m[5] });
  }
  return rows;
}

export function check(nb: Notebook): void {
  const lag = scenarios(nb, 'mesurerRetard("thread principal"');
  assert.deepEqual([...lag.keys()], ["thread principal", "en tranches", "worker (Thread)"]);
  const main = lag.get("thread principal")!;
  // A computation on the main thread blocks every timer for its whole duration.
  assert.equal(main.ticksDuring, 0, "no timer runs while the main thread computes");
  assert.ok(main.maxTickLagMs >= 0.8 * main.workMs, `the timer is late by about the work's duration: ${JSON.stringify(main)}`);
  assert.ok(main.maxLoopDelayMs >= 0.8 * main.workMs, "perf_hooks sees the same delay");
  // Sliced, or in a worker, the loop stays responsive.
  for (const name of ["en tranches", "worker (Thread)"]) {
    const s = lag.get(name)!;
    assert.ok(s.ticksDuring >= 5, `${name}: timers run during the work (${s.ticksDuring})`);
    assert.ok(s.maxTickLagMs < 0.5 * main.maxTickLagMs, `${name}: the loop stays responsive: ${JSON.stringify(s)}`);
  }

  // Objects are copied to a worker; a SharedArrayBuffer is shared.
  const sharing = streamText(cellWith(nb, "new SharedArrayBuffer(4)"));
  assert.match(sharing, /copié vers le worker : compte = 0 dans le noyau Jupyter/);
  assert.match(sharing, /partagé avec le worker : 1 dans le noyau Jupyter/);

  // Preempted threads on shared memory: the conclusion is one of its branches, Atomics.add never loses.
  const counter = streamText(cellWith(nb, "compteurPartage(false"));
  assert.match(counter, /^(Avec vue\[0\]\+\+, \d+ mises à jour sur \d+ ont été perdues|Cette fois, vue\[0\]\+\+ n'a perdu aucune)/m);
  assert.doesNotMatch(counter, /Attention/);

  // The loop's pitfalls, shown running.
  const order = streamText(cellWith(nb, "queueMicrotask("));
  assert.match(order, /^1\. le code synchrone[\s\S]*^2\. then d'une promesse[\s\S]*^3\. queueMicrotask/m, "microtasks run before the loop's callbacks");
  assert.match(streamText(cellWith(nb, 'mesurerRetard("await null"')), /^await null : aucun tick pendant/m);
  const forgotten = streamText(cellWith(nb, "await oublié"));
  assert.match(forgotten, /^2\. rejets non traités pendant ces 50 ms : 1 /m);
  assert.match(forgotten, /^4\. juste après forEach : 0 enregistrement/m);
  const combined = streamText(cellWith(nb, "Promise.allSettled(miroirs())"));
  assert.match(combined, /race {7}: rompue par la première acquittée : B/);
  assert.match(combined, /any {8}: tenue par C/);
  assert.match(streamText(cellWith(nb, 'new Error("disque plein")')), /Sans écouteur, emit\("error"\) lève l'erreur/);

  // libuv's pool: every hash finished, in the kernel and in a child with another pool size.
  const pool = streamText(cellWith(nb, "hacherEnMeme(crypto.pbkdf2"));
  assert.match(pool, /^UV_THREADPOOL_SIZE = 4 : les 8 hachages/m);
  assert.match(pool, /^UV_THREADPOOL_SIZE = 8 : les 8 hachages/m);

  // pbkdf2Sync blocks the loop; pbkdf2 works in libuv's pool.
  const hash = scenarios(nb, 'mesurerRetard("pbkdf2Sync"');
  const sync = hash.get("pbkdf2Sync")!;
  const async = hash.get("pbkdf2 (libuv)")!;
  assert.equal(sync.ticksDuring, 0);
  assert.ok(sync.maxTickLagMs >= 0.8 * sync.workMs, JSON.stringify(sync));
  assert.ok(async.ticksDuring >= 1 && async.maxTickLagMs < sync.maxTickLagMs, JSON.stringify(async));

  // Three charts: the timeline of the ticks, the bars of the maximal lags, the hashes' finishing times.
  assert.equal(richOutputs(codeCells(nb), VEGA_LITE).length, 3);
  assert.match(streamText(cellWith(nb, "const { node, v8, uv }")), /^Node\.js \d+\.\d+\.\d+, moteur V8 \d/);
}
