// Checker of notebook 07's pitfalls: a batch of async jobs, some of which fail. The evidence is
// the jobs' own bookkeeping: how many were still running when the student's promise settled,
// how many ran at once, and which values and errors came back where.
import { draw, expect, Hint, say, sleep, verdict } from "./check.js";

/**
 * Exercise: `fn(items, job)` starts `job(item)` for every item at once, and once all have
 * settled returns, in the items' order, each job's result or the Error it failed with.
 * The check's jobs take a random time; two fail: the first to finish, and one that finishes before
 * the items ahead of it in the list.
 */
export function everyOutcome(fn: (items: number[], job: (item: number) => Promise<number>) => Promise<Array<number | Error>>): Promise<void> {
  return verdict(async () => {
    const items: number[] = [];
    for (let count = draw(5, 8); items.length < count; ) {
      const item = draw(10, 99);
      if (!items.includes(item)) items.push(item);
    }
    // Two failures: the first item, first to finish; and a later one that finishes before the items
    // just before it, so that awaiting one by one leaves its rejection unhandled for a while.
    const late = items[draw(2, items.length - 1)];
    const failing = new Set([items[0], late]);
    let running = 0;
    let mostAtOnce = 0;
    let settled = 0;
    const errors = new Map<number, Error>();
    const job = async (item: number): Promise<number> => {
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      try {
        // The first failing item finishes first, so that giving up at the first error shows.
        await sleep(item === items[0] ? 5 : item === late ? 10 : draw(20, 60));
        if (failing.has(item)) {
          const error = new Error(`élément ${item} : échec`);
          errors.set(item, error);
          throw error;
        }
        return item * 2;
      } finally {
        running--;
        settled++;
      }
    };
    // A job's rejection that nobody awaits yet is an "unhandled rejection": plain Node.js stops on it.
    let unhandled = 0;
    const onUnhandled = (reason: unknown) => {
      if ([...errors.values()].includes(reason as Error)) unhandled++;
    };
    process.on("unhandledRejection", onUnhandled);
    let got: unknown;
    try {
      got = await fn(items, job);
      await sleep(0); // a rejection left alone is reported after the current turn of the loop
    } catch (error) {
      throw new Hint(say(
        `votre fonction a rompu sa promesse (${error instanceof Error ? error.message : String(error)}) alors que ${items.length - settled} traitement(s) tournaient encore : Promise.all abandonne à la première erreur, et les autres résultats sont perdus. Attendez que toutes les promesses soient acquittées, tenues ou rompues.`,
        `your function rejected (${error instanceof Error ? error.message : String(error)}) while ${items.length - settled} job(s) were still running: Promise.all gives up at the first error, and the other results are lost. Wait until every promise has settled, fulfilled or rejected.`));
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    const stillRunning = items.length - settled;
    expect(stillRunning === 0, say(
      `votre fonction s'est terminée alors que ${stillRunning} traitement(s) sur ${items.length} n'étaient pas finis : forEach n'attend pas les fonctions async qu'on lui passe, et une promesse sans await n'est pas attendue. Rassemblez les promesses (map), puis attendez-les toutes.`,
      `your function finished while ${stillRunning} job(s) out of ${items.length} were not done: forEach does not wait for the async functions it is given, and a promise without await is not awaited. Gather the promises (map), then await them all.`));
    expect(mostAtOnce === items.length, say(
      `au plus ${mostAtOnce} traitement(s) en même temps sur ${items.length} : ils ont attendu l'un après l'autre. Lancez-les tous avant d'en attendre un.`,
      `at most ${mostAtOnce} job(s) at once out of ${items.length}: they waited one after the other. Start them all before awaiting any.`));
    expect(Array.isArray(got) && got.length === items.length, say(
      `votre fonction a renvoyé ${Array.isArray(got) ? `${got.length} valeurs` : String(got)} pour ${items.length} éléments : une valeur par élément, dans leur ordre.`,
      `your function returned ${Array.isArray(got) ? `${got.length} values` : String(got)} for ${items.length} items: one value per item, in their order.`));
    expect(unhandled === 0, say(
      `${unhandled} traitement(s) ont échoué alors que personne n'attendait encore leur promesse : un programme Node.js s'arrête sur un tel rejet non traité. Attendez toutes les promesses ensemble, dès qu'elles sont lancées, avec un combinateur qui n'abandonne pas à la première erreur.`,
      `${unhandled} job(s) failed while nobody awaited their promise yet: a Node.js program stops on such an unhandled rejection. Await all the promises together, as soon as they are started, with a combinator that does not give up at the first error.`));
    const values = got as unknown[];
    const pending = values.findIndex((v) => v instanceof Promise);
    expect(pending < 0, say(
      `la case ${pending} est une promesse, pas une valeur : il manque un await (ou la lecture du résultat acquitté).`,
      `slot ${pending} is a promise, not a value: an await is missing (or the reading of the settled result).`));
    items.forEach((item, i) => {
      const want = errors.get(item) ?? item * 2;
      const v = values[i];
      expect(v === want, want instanceof Error
        ? say(
          `pour l'élément ${item} (case ${i}), le traitement a échoué avec « ${want.message} », et vous renvoyez ${v instanceof Error ? `l'erreur « ${v.message} »` : JSON.stringify(v)} : renvoyez l'erreur elle-même (la raison d'une promesse rompue).`,
          `for item ${item} (slot ${i}), the job failed with "${want.message}", and you return ${v instanceof Error ? `the error "${v.message}"` : JSON.stringify(v)}: return the error itself (the reason of a rejected promise).`)
        : say(
          `pour l'élément ${item} (case ${i}), le traitement a renvoyé ${want}, et vous renvoyez ${v instanceof Error ? `l'erreur « ${v.message} »` : JSON.stringify(v)} : une valeur par élément, dans l'ordre des éléments.`,
          `for item ${item} (slot ${i}), the job returned ${want}, and you return ${v instanceof Error ? `the error "${v.message}"` : JSON.stringify(v)}: one value per item, in the items' order.`));
    });
    return say(
      `${items.length} traitements lancés ensemble, tous acquittés avant votre réponse : ${items.length - errors.size} résultats et ${errors.size} erreurs, chacun à sa place.`,
      `${items.length} jobs started together, all settled before your answer: ${items.length - errors.size} results and ${errors.size} errors, each in its place.`);
  });
}
