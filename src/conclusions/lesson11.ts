// Lesson 11: what the real threads' race measured, in a sentence chosen from the measured rows.
import { say } from "../exercises/check.js";

/** One run of the real race: two worker threads add 1 to one shared number `attendu / 2` times each. */
export interface RaceRun {
  /** `"simple"` (`vue[0]++`), `"atomique"` (`Atomics.add`) or `"verrou"` (a lock built on Atomics). */
  mode: string;
  attendu: number;
  obtenu: number;
}

const PROTECTED = new Set(["atomique", "verrou"]);

/**
 * What the runs show: how many plain runs lost updates, and that the atomic ones lost none; or,
 * when no plain run lost any, that this proves nothing; or, if a protected run lost some, that
 * something is wrong with it.
 * @example conclusions.realRace([{ mode: "simple", attendu: 200, obtenu: 153 }, { mode: "atomique", attendu: 200, obtenu: 200 }])
 */
export function realRace(rows: readonly RaceRun[]): string {
  const plain = rows.filter((r) => r.mode === "simple");
  const guarded = rows.filter((r) => PROTECTED.has(r.mode));
  if (plain.length === 0 || guarded.length === 0) {
    throw new RangeError(say(
      "realRace attend des essais \"simple\" et des essais \"atomique\" ou \"verrou\" : mesurez les deux.",
      "realRace needs \"simple\" runs and \"atomique\" or \"verrou\" runs: measure both."));
  }
  const lost = (r: RaceRun) => r.attendu - r.obtenu;
  const badGuarded = guarded.filter((r) => lost(r) !== 0);
  if (badGuarded.length > 0) {
    const modes = [...new Set(badGuarded.map((r) => r.mode))].join(", ");
    return say(
      `Attention : ${badGuarded.length} essai(s) protégé(s) (${modes}) n'ont pas le bon total. Avec Atomics.add ou un verrou pris autour de chaque incrément, c'est impossible : le verrou est-il bien pris et rendu à chaque tour ?`,
      `Beware: ${badGuarded.length} protected run(s) (${modes}) do not have the right total. With Atomics.add, or a lock held around each increment, that cannot happen: is the lock taken and released at each round?`);
  }
  const losing = plain.filter((r) => lost(r) > 0);
  const modes = [...new Set(guarded.map((r) => (r.mode === "atomique" ? "Atomics.add" : "le verrou")))].join(say(" et ", " and "));
  if (losing.length === 0) {
    return say(
      `Sur ces ${plain.length} essais, vue[0]++ n'a perdu aucune mise à jour. Ce n'est pas une preuve : les deux threads ne se sont sans doute pas chevauchés (un seul cœur libre, ou trop peu d'incréments). L'exploration l'a montré : 18 entrelacements sur 20 perdent une mise à jour. Augmentez fois, ou relancez.`,
      `Over these ${plain.length} runs, vue[0]++ lost no update. That proves nothing: the two threads probably did not overlap (a single free core, or too few increments). The exploration showed it: 18 interleavings out of 20 lose an update. Raise fois, or run again.`);
  }
  const worst = Math.max(...losing.map(lost));
  const total = losing.find((r) => lost(r) === worst)!.attendu;
  return say(
    `Sans Atomics, ${losing.length} essai(s) sur ${plain.length} ont perdu des mises à jour (au pire ${worst} sur ${total}) ; avec ${modes}, aucune : chaque lecture-modification-écriture est indivisible, l'autre thread ne peut pas s'y glisser.`,
    `Without Atomics, ${losing.length} run(s) out of ${plain.length} lost updates (at worst ${worst} out of ${total}); with ${modes}, none: each read-modify-write is indivisible, the other thread cannot slip in.`);
}

/** What `sample()` measured on the retry-without-back-off model. */
export interface RandomRetries {
  /** Runs drawn. */
  runs: number;
  /** Runs stopped at `maxSteps` before every thread finished. */
  unfinished: number;
  /** The fewest and the most steps a run took. */
  shortest: number;
  longest: number;
}

/**
 * What random schedules did to the livelock: every run got out (and how long the longest took),
 * some did not, or none did.
 * @example conclusions.randomRetries({ runs: 200, unfinished: 0, shortest: 10, longest: 46 })
 */
export function randomRetries(r: RandomRetries): string {
  if (!Number.isInteger(r.runs) || r.runs < 1) throw new RangeError(say("randomRetries attend au moins une exécution (runs ≥ 1).", "randomRetries needs at least one run (runs ≥ 1)."));
  if (r.unfinished === r.runs) {
    return say(
      `Aucune des ${r.runs} exécutions tirées au hasard n'a fini : le cycle retient les threads même au hasard. Le modèle a-t-il une issue (un thread peut-il réussir son tryAcquire) ?`,
      `None of the ${r.runs} random runs finished: the cycle holds the threads even at random. Does the model have a way out (can a thread's tryAcquire succeed)?`);
  }
  if (r.unfinished > 0) {
    return say(
      `${r.unfinished} exécution(s) sur ${r.runs} tournaient encore quand sample les a arrêtées : au hasard, on sort presque toujours du cycle, mais pas à coup sûr. Seul un ordre global des verrous le supprime.`,
      `${r.unfinished} run(s) out of ${r.runs} were still looping when sample stopped them: at random, the threads almost always leave the cycle, but not surely. Only a global lock order removes it.`);
  }
  const detour = r.longest > r.shortest
    ? say(`, mais certaines ont tourné dans le cycle : de ${r.shortest} à ${r.longest} étapes`, `, but some went round the cycle: from ${r.shortest} to ${r.longest} steps`)
    : say(`, toutes en ${r.shortest} étapes`, `, all in ${r.shortest} steps`);
  return say(
    `Les ${r.runs} exécutions tirées au hasard ont toutes fini${detour}. Le hasard casse la symétrie, comme un recul aléatoire ; il ne garantit rien, l'ordre global des verrous si.`,
    `All ${r.runs} random runs finished${detour}. Chance breaks the symmetry, as a random back-off does; it guarantees nothing, a global lock order does.`);
}
