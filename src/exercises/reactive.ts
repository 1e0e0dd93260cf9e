// Checkers of notebook 05: RxJS pipelines fed with readings drawn at check time.
import { firstValueFrom, from, isObservable, toArray } from "rxjs";
// The type from its own file: the library's declarations then load 30-odd of rxjs's files, not its 190
// (every notebook's first `import … from "concurrence"` type-checks them). The same declaration as "rxjs"'s.
import type { Observable } from "rxjs/internal/Observable";
import { draw, expect, say, verdict } from "./check.js";

async function collect<T>(output: Observable<T>): Promise<T[]> {
  expect(isObservable(output), say("la fonction doit rendre un Observable (le flux d'entrée transformé par .pipe(...)).", "the function must return an Observable (the input stream transformed by .pipe(...))."));
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

/** Exercise: `fn(t$, threshold, k)` emits the reading that makes k readings in a row above the threshold (once per run). */
export function sustainedAlerts(fn: (temperatures$: Observable<number>, threshold: number, k: number) => Observable<number>): Promise<void> {
  return verdict(async () => {
    const k = draw(2, 3);
    const threshold = 30;
    const input = temperatures(draw(16, 24));
    const expected: number[] = [];
    let run = 0;
    for (const t of input) {
      run = t > threshold ? run + 1 : 0;
      if (run === k) expected.push(t);
    }
    const got = await collect(fn(from(input), threshold, k));
    expect(got.length === expected.length && got.every((v, i) => v === expected[i]), say(
      `pour k = ${k} et les relevés ${JSON.stringify(input)}, le flux a émis ${JSON.stringify(got)} au lieu de ${JSON.stringify(expected)} : comptez les relevés de suite au-dessus du seuil avec scan, et émettez quand le compte atteint k.`,
      `for k = ${k} and the readings ${JSON.stringify(input)}, the stream emitted ${JSON.stringify(got)} instead of ${JSON.stringify(expected)}: count the readings in a row above the threshold with scan, and emit when the count reaches k.`));
    return say(`${expected.length} alerte(s) sur ${input.length} relevés, une par série de ${k} relevés au-dessus de ${threshold} °C.`, `${expected.length} alert(s) over ${input.length} readings, one per run of ${k} readings above ${threshold} °C.`);
  });
}
