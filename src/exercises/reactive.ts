// Checkers of notebook 05: RxJS pipelines fed with readings drawn at check time.
import { firstValueFrom, from, isObservable, toArray } from "rxjs";
// The type from its own file: the library's declarations then load 30-odd of rxjs's files, not its 190
// (every notebook's first `import … from "concurrence"` type-checks them). The same declaration as "rxjs"'s.
import type { Observable } from "rxjs/internal/Observable";
import { draw, expect, say, verdict } from "./check.js";

async function collect<T>(output: Observable<T>): Promise<T[]> {
  expect(isObservable(output), say("la fonction doit renvoyer un Observable (le flux d'entrée transformé par .pipe(...)).", "the function must return an Observable (the input stream transformed by .pipe(...))."));
  return firstValueFrom(output.pipe(toArray()));
}

const temperatures = (n: number) => Array.from({ length: n }, () => draw(150, 450) / 10);

/** Exercise: `fn(t$, n)` emits the mean of each window of n consecutive readings. */
export function movingAverage(fn: (temperatures$: Observable<number>, n: number) => Observable<number>): Promise<void> {
  return verdict(async () => {
    const n = draw(2, 4);
    const input = temperatures(draw(8, 14));
    const expected = input.slice(n - 1).map((_, i) => input.slice(i, i + n).reduce((s, t) => s + t, 0) / n);
    const got = await collect(fn(from(input), n));
    const same = got.length === expected.length && got.every((v, i) => Math.abs(v - expected[i]) < 1e-9);
    expect(same, say(
      `pour n = ${n} et ${JSON.stringify(input.slice(0, 5))}…, le flux a émis ${JSON.stringify(got.slice(0, 4))}… au lieu de ${JSON.stringify(expected.slice(0, 4).map((v) => +v.toFixed(3)))}… : bufferCount(n, 1) donne les fenêtres, mais seulement les complètes.`,
      `for n = ${n} and ${JSON.stringify(input.slice(0, 5))}…, the stream emitted ${JSON.stringify(got.slice(0, 4))}… instead of ${JSON.stringify(expected.slice(0, 4).map((v) => +v.toFixed(3)))}…: bufferCount(n, 1) gives the windows, but keep only the full ones.`));
    return say(`${expected.length} moyennes glissantes sur ${n} relevés, toutes justes.`, `${expected.length} moving averages over ${n} readings, all right.`);
  });
}

/** The alerts a stream of readings should raise: the k-th reading of each run strictly above `threshold` (or per `rule`). */
function alertsOf(input: number[], k: number, above: (t: number) => boolean, everyReading = false, reset = true): number[] {
  const out: number[] = [];
  let run = 0;
  for (const t of input) {
    run = above(t) ? run + 1 : reset ? 0 : run;
    if (everyReading ? run >= k : run === k) out.push(t);
  }
  return out;
}

/**
 * Readings that exercise the rule: runs of cool readings around a run of exactly k readings just
 * above the threshold, a longer run just at it (no alert: "above" is strict), a run one reading
 * too short, and a long run above (one alert, not one per reading), in a random order.
 */
function sustainedReadings(threshold: number, k: number): number[] {
  const cool = () => Array.from({ length: draw(1, 3) }, () => draw(150, threshold * 10 - 15) / 10);
  const hot = (n: number) => Array.from({ length: n }, () => draw(threshold * 10 + 1, threshold * 10 + 80) / 10);
  const segments = [hot(k).map((t, i) => (i === 0 ? threshold + 0.1 : t)), Array.from({ length: k + 1 }, () => threshold), hot(k - 1), hot(k + 2)];
  for (let i = segments.length - 1; i > 0; i--) {
    const j = draw(0, i);
    [segments[i], segments[j]] = [segments[j], segments[i]];
  }
  return segments.flatMap((segment) => [...cool(), ...segment]).concat(cool());
}

/** Exercise: `fn(t$, threshold, k)` emits the reading that makes k readings in a row above the threshold (once per run). */
export function sustainedAlerts(fn: (temperatures$: Observable<number>, threshold: number, k: number) => Observable<number>): Promise<void> {
  return verdict(async () => {
    const k = draw(2, 4);
    const threshold = draw(28, 33);
    const input = sustainedReadings(threshold, k);
    const expected = alertsOf(input, k, (t) => t > threshold);
    const got = await collect(fn(from(input), threshold, k));
    const equal = (a: number[]) => got.length === a.length && got.every((v, i) => v === a[i]);
    if (!equal(expected)) {
      const shown = say(`pour k = ${k}, un seuil de ${threshold} °C et les relevés ${JSON.stringify(input)}, le flux a émis ${JSON.stringify(got)} au lieu de ${JSON.stringify(expected)}`,
        `for k = ${k}, a threshold of ${threshold} °C and the readings ${JSON.stringify(input)}, the stream emitted ${JSON.stringify(got)} instead of ${JSON.stringify(expected)}`);
      const fault = equal(alertsOf(input, k, (t) => t >= threshold))
        ? say(`une série de relevés égaux au seuil (${threshold} °C) a déclenché une alerte : « au-dessus du seuil » est strict.`, `a run of readings equal to the threshold (${threshold} °C) raised an alert: "above the threshold" is strict.`)
        : equal(alertsOf(input, k, (t) => t > threshold, true))
          ? say(`une longue série a émis à chacun de ses relevés à partir du ${k}-ième : une seule alerte par série.`, `a long run emitted at each of its readings from the ${k}-th on: one alert per run.`)
          : equal(alertsOf(input, k, (t) => t > threshold, false, false))
            ? say(`des relevés chauds séparés par des relevés froids ont été comptés ensemble : un relevé sous le seuil remet la série à zéro.`, `hot readings separated by cool ones were counted together: a reading below the threshold resets the run.`)
            : say(`comptez les relevés de suite au-dessus du seuil, et émettez celui qui porte le compte à k.`, `count the readings in a row above the threshold, and emit the one that brings the count to k.`);
      expect(false, `${shown} : ${fault}`);
    }
    return say(`${expected.length} alertes sur ${input.length} relevés : la série de ${k} relevés juste au-dessus de ${threshold} °C alerte, celle qui reste au seuil et celle de ${k - 1} relevés non, et la longue série une seule fois.`,
      `${expected.length} alerts over ${input.length} readings: the run of ${k} readings just above ${threshold} °C alerts, the one at the threshold and the one of ${k - 1} readings do not, and the long run only once.`);
  });
}
