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
  const lag = scenarios(nb, 'measureLag("thread principal"');
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
  assert.match(sharing, /copié vers le worker : count = 0 dans le noyau/);
  assert.match(sharing, /partagé avec le worker : 1 dans le noyau/);

  // pbkdf2Sync blocks the loop; pbkdf2 works in libuv's pool.
  const hash = scenarios(nb, 'measureLag("pbkdf2Sync"');
  const sync = hash.get("pbkdf2Sync")!;
  const async = hash.get("pbkdf2 (libuv)")!;
  assert.equal(sync.ticksDuring, 0);
  assert.ok(sync.maxTickLagMs >= 0.8 * sync.workMs, JSON.stringify(sync));
  assert.ok(async.ticksDuring >= 1 && async.maxTickLagMs < sync.maxTickLagMs, JSON.stringify(async));

  // Two charts: the timeline of the ticks and the bars of the maximal lags.
  assert.equal(richOutputs(codeCells(nb), VEGA_LITE).length, 2);
  assert.match(streamText(cellWith(nb, "const { node, v8, uv }")), /^Node\.js \d+\.\d+\.\d+, moteur V8 \d/);
}
