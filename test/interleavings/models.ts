// The models the interleavings tests share: the lesson's, small enough to explore in milliseconds.
import { acquire, model, release, tryAcquire, waitUntil, type Local, type Step } from "../../src/index.js";

function* increment(s: { x: number }, local: Local) {
  local.t = s.x;
  yield "lire";
  local.t = local.t + 1;
  yield "ajouter";
  s.x = local.t;
  yield "écrire";
}

export const lostUpdate = () => model({ name: "mise à jour perdue", shared: { x: 0 }, threads: { A: increment, B: increment } });

function* lockedIncrement(s: { x: number }, local: Local) {
  yield acquire("verrou");
  yield* increment(s, local);
  yield release("verrou");
}

export const withLock = () => model({ name: "avec verrou", shared: { x: 0 }, locks: ["verrou"], threads: { A: lockedIncrement, B: lockedIncrement } });

const twoLocks = (first: string, second: string) =>
  function* (s: { n: number }) {
    yield acquire(first);
    yield acquire(second);
    s.n++;
    yield "travailler";
    yield release(second);
    yield release(first);
  };

export const opposite = () => model({ name: "ordres opposés", shared: { n: 0 }, locks: ["v1", "v2"], threads: { A: twoLocks("v1", "v2"), B: twoLocks("v2", "v1") } });
export const ordered = () => model({ name: "ordre global", shared: { n: 0 }, locks: ["v1", "v2"], threads: { A: twoLocks("v1", "v2"), B: twoLocks("v1", "v2") } });

/** Takes `first`, tries `second` without waiting, and on failure gives `first` back and retries at once. */
const retry = (first: string, second: string) =>
  function* (s: { n: number }, local: Local): Generator<Step, void, boolean> {
    while (true) {
      yield acquire(first);
      local.ok = yield tryAcquire(second);
      if (local.ok) break;
      yield release(first);
    }
    s.n++;
    yield "travailler";
    yield release(second);
    yield release(first);
  };

export const retryNoBackoff = () => model({ name: "réessayer", shared: { n: 0 }, locks: ["v1", "v2"], threads: { A: retry("v1", "v2"), B: retry("v2", "v1") } });
export const retryOrdered = () => model({ name: "réessayer dans l'ordre", shared: { n: 0 }, locks: ["v1", "v2"], threads: { A: retry("v1", "v2"), B: retry("v1", "v2") } });

/** A takes and gives back the lock forever; B wants it once. */
export const greedy = (fair: boolean) =>
  model({
    name: fair ? "verrou équitable" : "verrou inéquitable",
    shared: { servi: false },
    locks: { verrou: { fair } },
    threads: {
      A: function* () {
        while (true) {
          yield acquire("verrou");
          yield "section";
          yield release("verrou");
        }
      },
      B: function* (s) {
        yield acquire("verrou");
        s.servi = true;
        yield "section";
        yield release("verrou");
      },
    },
  });

type PetersonState = { drapeau: boolean[]; tour: number; dedans: number; x: number };

/** Peterson's algorithm around a lost-update increment; `tour: false` drops the turn (so it can deadlock). */
const peterson = (me: number, useTurn: boolean) =>
  function* (s: PetersonState, local: Local) {
    const other = 1 - me;
    s.drapeau[me] = true;
    yield "lever mon drapeau";
    if (useTurn) {
      s.tour = other;
      yield "donner le tour";
    }
    yield waitUntil((t: PetersonState) => !(t.drapeau[other] && (!useTurn || t.tour === other)), "attendre");
    s.dedans++;
    if (s.dedans > 1) throw new Error("deux threads en section critique");
    local.t = s.x;
    yield "lire";
    s.x = local.t + 1;
    yield "écrire";
    s.dedans--;
    s.drapeau[me] = false;
    yield "sortir";
  };

export const petersonModel = (useTurn = true) =>
  model({
    name: useTurn ? "Peterson" : "drapeaux seuls",
    shared: { drapeau: [false, false], tour: 0, dedans: 0, x: 0 } as PetersonState,
    threads: { P0: peterson(0, useTurn), P1: peterson(1, useTurn) },
  });

/** No protocol at all: both enter; the assertion in the step catches it. */
export const noProtocol = () =>
  model({
    name: "sans protocole",
    shared: { dedans: 0 },
    threads: Object.fromEntries(
      ["A", "B"].map((name) => [
        name,
        function* (s: { dedans: number }) {
          s.dedans++;
          yield "entrer";
          if (s.dedans > 1) throw new Error("deux threads en section critique");
          s.dedans--;
          yield "sortir";
        },
      ]),
    ),
  });

/** Three threads of four steps each: 12! / (4!)^3 = 34,650 interleavings. */
export const threeByFour = () => {
  const body = function* (s: { x: number }) {
    for (const step of ["1", "2", "3", "4"]) {
      s.x++;
      yield step;
    }
  };
  return model({ name: "3 × 4", shared: { x: 0 }, threads: { A: body, B: body, C: body } });
};

/** n philosophers, fork i on the left of philosopher i; `ordered`: each takes its lower-numbered fork first. */
export const philosophers = (n: number, ordered: boolean) => {
  const forks = Array.from({ length: n }, (_, i) => `f${i}`);
  const threads: Record<string, (s: { repas: number }) => Generator<Step, void, unknown>> = {};
  for (let i = 0; i < n; i++) {
    const [left, right] = [i, (i + 1) % n];
    const [first, second] = ordered ? [Math.min(left, right), Math.max(left, right)] : [left, right];
    threads[`P${i}`] = function* (s) {
      yield acquire(`f${first}`);
      yield acquire(`f${second}`);
      s.repas++;
      yield "manger";
      yield release(`f${second}`);
      yield release(`f${first}`);
    };
  }
  return model({ name: `${n} philosophes${ordered ? " (ordre global)" : ""}`, shared: { repas: 0 }, locks: forks, threads });
};
