// Checkers of notebook 11: a schedule that loses an update (replayed step by step), a model fixed
// in every interleaving (all explored: no lucky run passes), and three philosophers whose fork
// order leaves no interleaving deadlocked. Each builds or replays the model itself.
import { explore } from "../interleavings/explore.js";
import { checkModel, isModel, model, type Model } from "../interleavings/model.js";
import { acquire, release } from "../interleavings/requests.js";
import { Stepper } from "../interleavings/stepper.js";
import { expect, say, verdict } from "./check.js";

const list = (items: readonly string[]) => items.join(" ");

interface Stuck {
  blocked: { thread: string; waitsFor: string }[];
  locks: Record<string, { holders: string[] }>;
}

/** « P0 tient f2 et attend f0 », for each blocked thread of a deadlock. */
function circle(deadlock: Stuck | undefined): string {
  if (!deadlock) return "";
  const waiting = new Set(deadlock.blocked.map((b) => b.thread));
  const kept = Object.entries(deadlock.locks).flatMap(([lock, l]) => l.holders.filter((t) => !waiting.has(t)).map((t) =>
    say(`${t} a fini en tenant encore ${lock} (il ne l'a pas rendu)`, `${t} finished still holding ${lock} (it never released it)`)));
  return [...kept, ...deadlock.blocked
    .map(({ thread, waitsFor }) => {
      const held = Object.entries(deadlock.locks).filter(([, l]) => l.holders.includes(thread)).map(([name]) => name);
      const wanted = /\(([^)]*)\)/.exec(waitsFor)?.[1] ?? waitsFor;
      return held.length
        ? say(`${thread} tient ${held.join(" et ")} et attend ${wanted}`, `${thread} holds ${held.join(" and ")} and waits for ${wanted}`)
        : say(`${thread} attend ${wanted}`, `${thread} waits for ${wanted}`);
    })].join(", ");
}

/** The lost update of the lesson: two threads, each reads x, adds 1, writes x. */
function lostUpdate(): Model<{ x: number }> {
  const body = function* (s: { x: number }, local: Record<string, number>) {
    local.t = s.x;
    yield "lire";
    local.t = local.t + 1;
    yield "ajouter";
    s.x = local.t;
    yield "écrire";
  };
  return model({ name: "mise à jour perdue", shared: { x: 0 }, threads: { A: body, B: body } });
}

/**
 * Exercise: a schedule (thread names, one per step) under which the two threads of the lost
 * update finish with x = 1. The check replays it on its own model.
 */
export function losingSchedule(schedule: readonly string[]): Promise<void> {
  return verdict(async () => {
    expect(Array.isArray(schedule) && schedule.every((s) => typeof s === "string"), say(
      'donnez une liste de noms de threads, un par étape, par exemple ["A", "B", "A"].',
      'give a list of thread names, one per step, such as ["A", "B", "A"].'));
    expect(schedule.length > 0, say(
      "l'ordre est vide : chaque thread doit faire ses trois étapes (lire, ajouter, écrire), donc l'ordre nomme A trois fois et B trois fois.",
      "the schedule is empty: each thread must take its three steps (read, add, write), so it names A three times and B three times."));
    const stranger = schedule.find((s) => s !== "A" && s !== "B");
    expect(stranger === undefined, say(`« ${stranger} » n'est pas un thread du modèle : ils s'appellent A et B.`, `"${stranger}" is not a thread of the model: they are A and B.`));
    const run = new Stepper(lostUpdate());
    const steps = (name: string) => run.history.filter((row) => row.thread === name).length;
    schedule.forEach((name, i) => {
      expect(run.enabled().includes(name), say(
        `à l'étape ${i + 1}, ${name} a déjà fait ses trois étapes et ne peut plus avancer : chaque thread n'apparaît que trois fois.`,
        `at step ${i + 1}, ${name} has already taken its three steps and cannot move: each thread appears three times only.`));
      run.step(name);
    });
    const unfinished = run.threads.filter((n) => steps(n) < 3);
    expect(unfinished.length === 0, say(
      `après vos ${schedule.length} étapes, ${unfinished.join(" et ")} ${unfinished.length > 1 ? "n'ont" : "n'a"} pas fini : un ordre complet fait avancer chaque thread trois fois (lire, ajouter, écrire).`,
      `after your ${schedule.length} steps, ${unfinished.join(" and ")} ${unfinished.length > 1 ? "have" : "has"} not finished: a full schedule moves each thread three times (read, add, write).`));
    const x = run.state.shared.x;
    expect(x === 1, say(
      `votre ordre ${list(schedule)} finit à x = ${x} : aucune mise à jour perdue, car l'un des threads a écrit avant que l'autre ne lise. Pour en perdre une, les deux doivent lire x avant que l'un d'eux n'écrive.`,
      `your schedule ${list(schedule)} ends with x = ${x}: no update lost, because one thread wrote before the other read. To lose one, both must read x before either writes.`));
    return say(
      `votre ordre ${list(schedule)} finit à x = 1 : les deux threads ont lu la même valeur, et l'une des deux écritures a effacé l'autre.`,
      `your schedule ${list(schedule)} ends with x = 1: both threads read the same value, and one write overwrote the other.`);
  });
}

const ACCOUNT = { start: 100, depot: 50, retrait: -30 } as const;
const STEPS = ["lire", "calculer", "écrire"];

/** Runs one thread of `m` alone from the start, as far as it goes: its labels, and the memory at its end. */
function alone(m: Model, name: string): { labels: string[]; shared: Record<string, unknown>; stuck: string | undefined } {
  const run = new Stepper(m);
  const result = (stuck: string | undefined) => ({ labels: run.history.map((row) => row.label), shared: run.state.shared as Record<string, unknown>, stuck });
  for (let i = 0; i < 200; i++) {
    if (run.source(name).next === undefined) return result(undefined);
    const blocked = run.blocked().find((b) => b.thread === name);
    if (blocked) return result(blocked.waitsFor);
    const row = run.step(name);
    if (row.error !== undefined) return result(row.error);
  }
  return result(say("il tourne sans fin", "it loops forever"));
}

/**
 * Exercise: the account model with `depot` (+50) and `retrait` (−30), fixed so that every
 * interleaving ends at 120. Every interleaving is explored; each thread is also run alone, so a
 * "fix" that changes what a thread does (or drops its steps) is refused.
 */
export function alwaysRight(fixed: Model): Promise<void> {
  return verdict(async () => {
    expect(isModel(fixed), say(
      "donnez un modèle créé par model({ shared, locks, threads }), comme compteFragile.",
      "give a model made by model({ shared, locks, threads }), like compteFragile."));
    const m = checkModel(fixed, "alwaysRight(model)");
    const names = [...m.threadNames].sort();
    expect(names.join() === "depot,retrait", say(
      `le modèle doit garder ses deux threads, depot et retrait (il a : ${names.join(", ") || "aucun"}) : sans l'un d'eux, il n'y a plus de concurrence à corriger.`,
      `the model must keep its two threads, depot and retrait (it has: ${names.join(", ") || "none"}): without one of them, there is no concurrency left to fix.`));
    const start = (m.shared as { solde?: unknown }).solde;
    expect(start === ACCOUNT.start, say(`le solde doit partir de ${ACCOUNT.start} (shared: { solde: ${ACCOUNT.start} }), il part de ${JSON.stringify(start)}.`, `the balance must start at ${ACCOUNT.start} (shared: { solde: ${ACCOUNT.start} }), it starts at ${JSON.stringify(start)}.`));
    for (const name of ["depot", "retrait"] as const) {
      const { labels, shared, stuck } = alone(m, name);
      expect(stuck === undefined, say(
        `seul, ${name} ne finit pas (${stuck}) : un thread seul doit pouvoir aller au bout. Rend-il chaque verrou qu'il prend ?`,
        `alone, ${name} does not finish (${stuck}): a thread alone must get to its end. Does it release each lock it takes?`));
      const own = labels.filter((l) => STEPS.includes(l));
      expect(own.join() === STEPS.join(), say(
        `${name} doit garder ses trois étapes lire, calculer, écrire, dans cet ordre (il fait : ${labels.join(", ")}) : un vrai solde += ${ACCOUNT[name]} n'est pas indivisible, c'est au verrou de le protéger.`,
        `${name} must keep its three steps lire, calculer, écrire, in that order (it does: ${labels.join(", ")}): a real balance update is not indivisible, the lock must protect it.`));
      const expected = ACCOUNT.start + ACCOUNT[name];
      expect(shared.solde === expected, say(
        `seul, ${name} amène le solde à ${JSON.stringify(shared.solde)} au lieu de ${expected} : ${name} doit ${name === "depot" ? "ajouter 50" : "retirer 30"}, rien d'autre.`,
        `alone, ${name} brings the balance to ${JSON.stringify(shared.solde)} instead of ${expected}: ${name} must ${name === "depot" ? "add 50" : "take 30"}, nothing else.`));
    }
    const all = explore(m);
    const failure = all.failures[0];
    expect(!failure, say(`le thread ${failure?.thread} lève une erreur à l'étape « ${failure?.step} » : ${failure?.message}.`, `thread ${failure?.thread} throws at step "${failure?.step}": ${failure?.message}.`));
    const deadlock = all.deadlocks[0];
    expect(!deadlock, say(
      `un interblocage est possible, après ${list(deadlock?.schedule ?? [])} : ${circle(deadlock)}.`,
      `a deadlock is possible, after ${list(deadlock?.schedule ?? [])}: ${circle(deadlock)}.`));
    const target = ACCOUNT.start + ACCOUNT.depot + ACCOUNT.retrait;
    const wrong = all.outcomes.filter((o) => (o.final as { solde?: unknown }).solde !== target);
    const lost = wrong.reduce((n, o) => n + o.count, 0);
    expect(wrong.length === 0, say(
      `${lost} entrelacement(s) sur ${all.interleavings} ne finissent pas à ${target} (par exemple ${list(wrong[0]?.example ?? [])} finit à ${JSON.stringify((wrong[0]?.final as { solde?: unknown })?.solde)}) : les étapes lire, calculer, écrire d'un thread doivent se faire verrou pris, sans que l'autre puisse s'y glisser.`,
      `${lost} interleaving(s) out of ${all.interleavings} do not end at ${target} (for example ${list(wrong[0]?.example ?? [])} ends at ${JSON.stringify((wrong[0]?.final as { solde?: unknown })?.solde)}): each thread's lire, calculer, écrire must run with the lock held, so the other cannot slip in.`));
    expect(all.livelocks.length === 0 && all.starvation.length === 0, say(
      "un cycle sans fin est possible : les threads peuvent tourner sans jamais finir. Prenez le verrou avec acquire, une seule fois par thread.",
      "an endless cycle is possible: the threads can loop without ever finishing. Take the lock with acquire, once per thread."));
    return say(
      `les ${all.interleavings} entrelacements de votre modèle finissent tous à ${target} €, et chaque thread fait bien son travail.`,
      `all ${all.interleavings} interleavings of your model end at ${target} €, and each thread does its own work.`);
  });
}

/** Each philosopher's two forks: f0 lies between P0 and P1, f1 between P1 and P2, f2 between P2 and P0. */
const FORKS: Record<string, readonly [string, string]> = { P0: ["f0", "f2"], P1: ["f0", "f1"], P2: ["f1", "f2"] };

/** Three philosophers, each taking its two forks in the order given, eating, then putting them down. */
function philosophersModel(order: Record<string, readonly [string, string]>): Model<{ repas: number }> {
  const threads: Record<string, (s: { repas: number }) => Generator<unknown, void, unknown>> = {};
  for (const name of Object.keys(FORKS)) {
    const [first, second] = order[name];
    threads[name] = function* (s) {
      yield acquire(first);
      yield acquire(second);
      s.repas++;
      yield "manger";
      yield release(second);
      yield release(first);
    };
  }
  return model({ name: "philosophes", shared: { repas: 0 }, locks: ["f0", "f1", "f2"], threads: threads as never });
}

/**
 * Exercise: for each of P0, P1, P2, the order in which it takes its two forks, such that no
 * interleaving of the three deadlocks. The check builds the model itself and explores it all.
 */
export function philosophers(order: Record<string, readonly [string, string]>): Promise<void> {
  return verdict(async () => {
    expect(typeof order === "object" && order !== null, say(
      'donnez un objet qui dit, pour chaque philosophe, ses deux fourchettes dans l\'ordre où il les prend : { P0: ["f2", "f0"], … }.',
      'give an object that says, for each philosopher, its two forks in the order it takes them: { P0: ["f2", "f0"], … }.'));
    const names = Object.keys(order).sort();
    expect(names.join() === "P0,P1,P2", say(
      `l'ordre doit nommer les trois philosophes P0, P1 et P2, et eux seuls (il nomme : ${names.join(", ") || "personne"}).`,
      `the order must name the three philosophers P0, P1 and P2, and only them (it names: ${names.join(", ") || "nobody"}).`));
    for (const name of names) {
      const forks = order[name];
      expect(Array.isArray(forks) && forks.length === 2 && forks.every((f) => typeof f === "string"), say(
        `${name} doit prendre deux fourchettes, données comme ["fX", "fY"] (reçu ${JSON.stringify(forks)}).`,
        `${name} must take two forks, given as ["fX", "fY"] (got ${JSON.stringify(forks)}).`));
      const own = FORKS[name];
      const foreign = forks.find((f) => !own.includes(f));
      expect(foreign === undefined, say(
        `${name} prend ${foreign}, qui n'est pas à côté de lui : ses deux fourchettes sont ${own.join(" et ")}.`,
        `${name} takes ${foreign}, which is not beside him: his two forks are ${own.join(" and ")}.`));
      expect(forks[0] !== forks[1], say(
        `${name} prend deux fois ${forks[0]} : il lui faut ses deux fourchettes, ${own.join(" et ")}.`,
        `${name} takes ${forks[0]} twice: he needs both his forks, ${own.join(" and ")}.`));
    }
    const all = explore(philosophersModel(order));
    const deadlock = all.deadlocks[0];
    expect(!deadlock, say(
      `un interblocage est possible : après ${list(deadlock?.schedule ?? [])}, ${circle(deadlock)}. Chacun tient une fourchette et attend celle de son voisin, en cercle : cette attente circulaire est à casser (${deadlock?.count} entrelacement(s) y mènent).`,
      `a deadlock is possible: after ${list(deadlock?.schedule ?? [])}, ${circle(deadlock)}. Each holds a fork and waits for his neighbour's, in a circle: that circular wait must be broken (${deadlock?.count} interleaving(s) lead there).`));
    const hungry = all.outcomes.filter((o) => (o.final as { repas: number }).repas !== 3);
    expect(hungry.length === 0, say("dans certains entrelacements, un philosophe ne mange pas.", "in some interleavings, a philosopher does not eat."));
    return say(
      `aucun des ${all.interleavings} entrelacements ne mène à un interblocage, et les trois philosophes mangent dans chacun.`,
      `none of the ${all.interleavings} interleavings deadlocks, and the three philosophers eat in each.`);
  });
}
