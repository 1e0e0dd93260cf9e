// Notebook 05's checkers: the stream of readings always holds the cases a wrong rule gets wrong.
import assert from "node:assert/strict";
import { test } from "node:test";
import { bufferCount, filter, map, scan, type Observable } from "rxjs";
import { checks } from "../../src/index.js";
import { captureStdout } from "../helpers/capture.js";

const said = (run: () => Promise<void>) => captureStdout(run);

test("movingAverage compares with a direct computation", async () => {
  const average = (t$: Observable<number>, n: number) => t$.pipe(bufferCount(n, 1), filter((w) => w.length === n), map((w) => w.reduce((a, b) => a + b, 0) / n));
  assert.match(await said(() => checks.movingAverage(average)), /^✅ /);
  assert.match(await said(() => checks.movingAverage((t$) => t$)), /^❌ /);
  // Keeps the incomplete windows of the end.
  assert.match(await said(() => checks.movingAverage((t$, n) => t$.pipe(bufferCount(n, 1), map((w) => w.reduce((a, b) => a + b, 0) / w.length)))), /^❌ /);
});

const sustained = (above: (t: number, s: number) => boolean, emit: (run: number, k: number) => boolean, reset = true) =>
  (t$: Observable<number>, threshold: number, k: number) =>
    t$.pipe(scan((s, t) => ({ t, run: above(t, threshold) ? s.run + 1 : reset ? 0 : s.run }), { t: 0, run: 0 }), filter((s) => emit(s.run, k)), map((s) => s.t));

test("sustainedAlerts: the teacher's scan passes, every time", async () => {
  for (let i = 0; i < 20; i++) assert.match(await said(() => checks.sustainedAlerts(sustained((t, s) => t > s, (r, k) => r === k))), /^✅ /);
});

test("sustainedAlerts: each wrong rule is caught, every time, with its fault named", async () => {
  for (let i = 0; i < 20; i++) {
    assert.match(await said(() => checks.sustainedAlerts(sustained((t, s) => t >= s, (r, k) => r === k))), /^❌ .*« au-dessus du seuil » est strict/);
    assert.match(await said(() => checks.sustainedAlerts(sustained((t, s) => t > s, (r, k) => r >= k))), /^❌ .*une seule alerte par série/);
    assert.match(await said(() => checks.sustainedAlerts(sustained((t, s) => t > s, (r, k) => r === k, false))), /^❌ .*remet la série à zéro/);
    // Alerts at the first hot reading (k ignored), or at k - 1.
    assert.match(await said(() => checks.sustainedAlerts(sustained((t, s) => t > s, (r) => r === 1))), /^❌ /);
    assert.match(await said(() => checks.sustainedAlerts(sustained((t, s) => t > s, (r, k) => r === k - 1))), /^❌ /);
    // Every reading above the threshold, no run at all.
    assert.match(await said(() => checks.sustainedAlerts((t$, s) => t$.pipe(filter((t) => t > s)))), /^❌ /);
  }
  assert.match(await said(() => checks.sustainedAlerts((() => 42) as never)), /^❌ la fonction doit renvoyer un Observable/);
});
