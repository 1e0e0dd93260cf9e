// Lesson 08's conclusions, every branch, from made-up rows.
import assert from "node:assert/strict";
import { test } from "node:test";
import { conclusions } from "../../src/index.js";

const withLang = (lang: string | undefined, fn: () => void) => {
  const saved = process.env.CONCURRENCE_LANG;
  if (lang === undefined) delete process.env.CONCURRENCE_LANG;
  else process.env.CONCURRENCE_LANG = lang;
  try {
    fn();
  } finally {
    if (saved === undefined) delete process.env.CONCURRENCE_LANG;
    else process.env.CONCURRENCE_LANG = saved;
  }
};

test("threadsGain: near the thread count, far from it, or no gain", () => {
  withLang(undefined, () => {
    assert.match(conclusions.threadsGain({ sequentialSeconds: 2, threadsSeconds: 0.25, threads: 10, maxInFlight: 10 }), /8\.00 fois plus vite.*presque autant que de threads/);
    assert.match(conclusions.threadsGain({ sequentialSeconds: 2, threadsSeconds: 0.5, threads: 10, maxInFlight: 9 }), /4\.00 fois plus vite.*loin des 10 threads.*jusqu'à 9 requêtes/);
    assert.match(conclusions.threadsGain({ sequentialSeconds: 2, threadsSeconds: 2.1, threads: 10, maxInFlight: 3 }), /ne vont pas plus vite.*0\.95/);
  });
  withLang("en", () => assert.match(conclusions.threadsGain({ sequentialSeconds: 2, threadsSeconds: 0.5, threads: 10, maxInFlight: 9 }), /far from 10/));
});

const sweep = (async: number[], threads: number[]) =>
  [1, 2, 5, 10].flatMap((workers, i) => [
    { mode: "async", workers, seconds: async[i] },
    { mode: "threads", workers, seconds: threads[i] },
    { mode: "séquentiel", workers, seconds: 2 },
  ]);
const opts = { async: "async", threads: "threads", images: 10 };

test("downloadScaling: proportional, sub-linear or flat, then threads slower or alike", () => {
  withLang(undefined, () => {
    const proportional = conclusions.downloadScaling(sweep([2, 1, 0.4, 0.22], [2.5, 1.5, 0.9, 0.6]), opts);
    assert.match(proportional, /le temps suit la concurrence.*divisé par 9\.09 \(au mieux 10\.00\)/);
    assert.match(proportional, /\n.*les threads prennent 2\.73 fois le temps de l'async/);
    const sublinear = conclusions.downloadScaling(sweep([2, 1.5, 1, 0.8], [2, 1.5, 1, 0.85]), opts);
    assert.match(sublinear, /n'est divisé que par 2\.50.*les plus lentes/);
    assert.match(sublinear, /presque aussi bien que l'async/);
    assert.match(conclusions.downloadScaling(sweep([2, 2, 1.9, 1.95], [2, 2, 2, 2]), opts), /ne baisse presque pas/);
  });
  withLang("en", () => assert.match(conclusions.downloadScaling(sweep([2, 2, 1.9, 1.95], [2, 2, 2, 2]), opts), /hardly drops/));
});

test("downloadScaling caps the ideal gain by the number of images and needs two async rows", () => {
  const rows = [{ mode: "async", workers: 5, seconds: 1 }, { mode: "async", workers: 20, seconds: 0.5 }];
  assert.match(conclusions.downloadScaling(rows, opts), /au mieux 2\.00/);
  assert.equal(conclusions.downloadScaling(rows, opts).includes("\n"), false, "no threads row: one sentence");
  assert.throws(() => conclusions.downloadScaling(rows.slice(0, 1), opts), RangeError);
});
