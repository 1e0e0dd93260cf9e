// Notebook 11's checkers: a schedule replayed, a model explored in every interleaving, three
// philosophers' fork order explored. A right answer gets ✅; each kind of wrong answer gets ❌
// with a hint that names its fault (and never prints a solution); none throws.
import assert from "node:assert/strict";
import { test } from "node:test";
import { checks } from "../../src/index.js";
import { model, type Model } from "../../src/interleavings/model.js";
import { acquire, release } from "../../src/interleavings/requests.js";
import { captureStdout } from "../helpers/capture.js";

async function said(run: () => Promise<void>): Promise<string> {
  return (await captureStdout(run)).trim();
}

test("losingSchedule: ✅ for a schedule that ends at x = 1, ❌ with the fault for every other", async () => {
  assert.match(await said(() => checks.losingSchedule(["A", "B", "A", "B", "A", "B"])), /^✅ votre ordre A B A B A B finit à x = 1/);
  assert.match(await said(() => checks.losingSchedule(["B", "A", "A", "A", "B", "B"])), /^✅ /, "B reads, then A runs whole, then B writes its stale value");
  const cases: Array<[unknown, RegExp]> = [
    [[], /^❌ l'ordre est vide/],
    ["AB", /^❌ donnez une liste de noms de threads/],
    [["A", "C"], /^❌ « C » n'est pas un thread du modèle/],
    [["A", "A", "A", "A", "B", "B"], /^❌ à l'étape 4, A a déjà fait ses trois étapes/],
    [["A", "B", "A"], /^❌ après vos 3 étapes, A et B n'ont pas fini/],
    [["A", "A", "A", "B", "B", "B"], /^❌ votre ordre A A A B B B finit à x = 2 : aucune mise à jour perdue/],
  ];
  for (const [schedule, hint] of cases) {
    const text = await said(() => checks.losingSchedule(schedule as string[]));
    assert.match(text, hint, JSON.stringify(schedule));
    assert.doesNotMatch(text, /A B A B A B/, "the hint never gives a losing schedule");
  }
});

type Account = { solde: number };
/** The account model, with or without the lock around each thread's three steps. */
function account(options: { lockDepot: boolean; lockRetrait: boolean; depot?: number; releaseDepot?: boolean }): Model<Account> {
  const { lockDepot, lockRetrait, depot = 50, releaseDepot = true } = options;
  return model({
    shared: { solde: 100 },
    locks: ["verrou"],
    threads: {
      depot: function* (s: Account, local: Record<string, number>) {
        if (lockDepot) yield acquire("verrou");
        local.lu = s.solde;
        yield "lire";
        local.lu = local.lu + depot;
        yield "calculer";
        s.solde = local.lu;
        yield "écrire";
        if (lockDepot && releaseDepot) yield release("verrou");
      },
      retrait: function* (s: Account, local: Record<string, number>) {
        if (lockRetrait) yield acquire("verrou");
        local.lu = s.solde;
        yield "lire";
        local.lu = local.lu - 30;
        yield "calculer";
        s.solde = local.lu;
        yield "écrire";
        if (lockRetrait) yield release("verrou");
      },
    },
  });
}

test("alwaysRight: ✅ only when every interleaving gives 120, each thread doing its own work", { timeout: 30_000 }, async () => {
  assert.match(await said(() => checks.alwaysRight(account({ lockDepot: true, lockRetrait: true }))), /^✅ les 2 entrelacements de votre modèle finissent tous à 120/);
  const cases: Array<[string, unknown, RegExp]> = [
    ["the unfixed model: 18 of 20 interleavings are wrong", account({ lockDepot: false, lockRetrait: false }), /^❌ 18 entrelacement\(s\) sur 20 ne finissent pas à 120 \(par exemple .* finit à (150|70)\)/],
    ["the lock on one thread only", account({ lockDepot: true, lockRetrait: false }), /^❌ \d+ entrelacement\(s\) sur \d+ ne finissent pas à 120/],
    ["a lock never released", account({ lockDepot: true, lockRetrait: true, releaseDepot: false }), /^❌ un interblocage est possible.*depot a fini en tenant encore verrou/],
    ["a deposit of the wrong amount", account({ lockDepot: true, lockRetrait: true, depot: 20 }), /^❌ seul, depot amène le solde à 120 au lieu de 150/],
    ["a model that just sets the total", model({ shared: { solde: 100 }, threads: { depot: function* (s: Account) { s.solde = 120; yield "écrire"; }, retrait: function* () { yield "rien"; } } }), /^❌ depot doit garder ses trois étapes lire, calculer, écrire/],
    ["a thread removed", model({ shared: { solde: 100 }, threads: { depot: function* (s: Account) { s.solde += 20; yield "écrire"; } } }), /^❌ le modèle doit garder ses deux threads, depot et retrait \(il a : depot\)/],
    ["another start", model({ shared: { solde: 0 }, threads: { depot: function* () { yield "a"; }, retrait: function* () { yield "b"; } } }), /^❌ le solde doit partir de 100/],
    ["not a model", 42, /^❌ donnez un modèle créé par model/],
  ];
  for (const [what, answer, hint] of cases) {
    const text = await said(() => checks.alwaysRight(answer as Model));
    assert.match(text, hint, what);
    assert.doesNotMatch(text, /acquire\("verrou"\)/, "the hint never writes the fix");
  }
});

test("philosophers: ✅ for a global fork order, ❌ for a circle, a foreign fork, a fork twice, a missing philosopher", { timeout: 30_000 }, async () => {
  assert.match(await said(() => checks.philosophers({ P0: ["f0", "f2"], P1: ["f0", "f1"], P2: ["f1", "f2"] })), /^✅ aucun des \d+ entrelacements ne mène à un interblocage/);
  const cases: Array<[unknown, RegExp]> = [
    [{ P0: ["f2", "f0"], P1: ["f0", "f1"], P2: ["f1", "f2"] }, /^❌ un interblocage est possible : après P0 P1 P2, P0 tient f2 et attend f0, P1 tient f0 et attend f1, P2 tient f1 et attend f2/],
    [{ P0: ["f0", "f2"], P1: ["f0", "f2"], P2: ["f1", "f2"] }, /^❌ P1 prend f2, qui n'est pas à côté de lui : ses deux fourchettes sont f0 et f1/],
    [{ P0: ["f0", "f0"], P1: ["f0", "f1"], P2: ["f1", "f2"] }, /^❌ P0 prend deux fois f0/],
    [{ P0: ["f0", "f2"], P1: ["f0", "f1"] }, /^❌ l'ordre doit nommer les trois philosophes P0, P1 et P2, et eux seuls \(il nomme : P0, P1\)/],
    [{ P0: "f0", P1: ["f0", "f1"], P2: ["f1", "f2"] }, /^❌ P0 doit prendre deux fourchettes/],
    [null, /^❌ donnez un objet/],
  ];
  for (const [order, hint] of cases) {
    const text = await said(() => checks.philosophers(order as Record<string, [string, string]>));
    assert.match(text, hint, JSON.stringify(order));
    assert.doesNotMatch(text, /f0", "f2|\["f0", "f2"\]/, "the hint never gives the order");
  }
});

test("in English with CONCURRENCE_LANG=en", async (t) => {
  const saved = process.env.CONCURRENCE_LANG;
  t.after(() => (saved === undefined ? delete process.env.CONCURRENCE_LANG : (process.env.CONCURRENCE_LANG = saved)));
  process.env.CONCURRENCE_LANG = "en";
  assert.match(await said(() => checks.losingSchedule(["A", "A", "A", "B", "B", "B"])), /^❌ your schedule A A A B B B ends with x = 2/);
});
