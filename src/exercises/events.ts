// Checkers of notebooks 04 and 07: callbacks turned into promises, awaiting together, and the
// check-then-act race across an `await` on one thread.
import { draw, expect, say, sleep, verdict } from "./check.js";

/** A Node-style callback: an error or `null` first, then the result. */
export type NodeCallback<T> = (error: Error | null, result?: T) => void;

/**
 * Exercise: `fn(api)` turns a callback API `api(key, callback)` into a function that returns a
 * promise. The check's API answers later, in a random order, sometimes with an error and
 * sometimes with a falsy result (0 or ""), and counts its calls: the promise must be fulfilled
 * with the API's very result, rejected with its very error, and the API called once per call.
 */
export function toPromise(fn: (api: (key: string, callback: NodeCallback<number | string>) => void) => (key: string) => Promise<number | string>): Promise<void> {
  return verdict(async () => {
    const answers = new Map<string, number | string | Error>();
    const keys = Array.from({ length: draw(5, 7) }, (_, i) => `cle-${i}-${draw(100, 999)}`);
    keys.forEach((key, i) => answers.set(key, i === 0 ? 0 : i === 1 ? "" : i === 2 ? new Error(`${key} introuvable`) : draw(1, 1000)));
    if (Math.random() < 0.5) answers.set(keys[3], new Error(`${keys[3]} : délai dépassé`));
    const calls = new Map<string, number>();
    const api = (key: string, callback: NodeCallback<number | string>) => {
      calls.set(key, (calls.get(key) ?? 0) + 1);
      setTimeout(() => {
        const answer = answers.get(key);
        if (answer instanceof Error) callback(answer);
        else if (answer === undefined) callback(new Error(`clé inconnue : ${key}`));
        else callback(null, answer);
      }, draw(5, 40));
    };
    const wrapped = fn(api);
    expect(typeof wrapped === "function", say(
      "versPromesse doit renvoyer une fonction (cle) => Promise : la version « promesse » de l'API.",
      "versPromesse must return a function (key) => Promise: the promise version of the API."));
    const promises = keys.map((key) => wrapped(key));
    const notPromise = promises.findIndex((p) => !(p instanceof Promise));
    expect(notPromise < 0, say(
      `pour la clé ${keys[notPromise]}, votre fonction a renvoyé ${String(promises[notPromise])}, pas une promesse : le résultat n'est connu que dans le rappel, plus tard ; renvoyez une new Promise et tenez-la depuis le rappel.`,
      `for key ${keys[notPromise]}, your function returned ${String(promises[notPromise])}, not a promise: the result is only known in the callback, later; return a new Promise and fulfil it from the callback.`));
    const outcomes = await Promise.allSettled(promises);
    keys.forEach((key) => expect(calls.get(key) === 1, say(
      `l'API a été appelée ${calls.get(key) ?? 0} fois pour la clé ${key} : un appel de la fonction doit faire exactement un appel de l'API, avec sa clé.`,
      `the API was called ${calls.get(key) ?? 0} times for key ${key}: one call of the function must make exactly one call of the API, with its key.`)));
    keys.forEach((key, i) => {
      const answer = answers.get(key)!;
      const outcome = outcomes[i];
      if (answer instanceof Error) {
        expect(outcome.status === "rejected", say(
          `pour la clé ${key}, l'API a signalé l'erreur « ${answer.message} », mais votre promesse a été tenue avec ${JSON.stringify((outcome as PromiseFulfilledResult<unknown>).value)} : une erreur passée au rappel doit rompre la promesse.`,
          `for key ${key}, the API reported the error "${answer.message}", but your promise was fulfilled with ${JSON.stringify((outcome as PromiseFulfilledResult<unknown>).value)}: an error given to the callback must reject the promise.`));
        expect(outcome.reason === answer, say(
          `pour la clé ${key}, votre promesse a été rompue avec ${String(outcome.reason)} au lieu de l'erreur de l'API (« ${answer.message} ») : rompez-la avec l'erreur reçue par le rappel, telle quelle.`,
          `for key ${key}, your promise was rejected with ${String(outcome.reason)} instead of the API's error ("${answer.message}"): reject it with the error the callback received, as it is.`));
      } else {
        expect(outcome.status === "fulfilled", say(
          `pour la clé ${key}, l'API a répondu ${JSON.stringify(answer)} sans erreur, mais votre promesse a été rompue (${String((outcome as PromiseRejectedResult).reason)}) : c'est le premier argument du rappel, l'erreur, qui décide, pas le résultat (0 ou "" sont des résultats).`,
          `for key ${key}, the API answered ${JSON.stringify(answer)} without error, but your promise was rejected (${String((outcome as PromiseRejectedResult).reason)}): the callback's first argument, the error, decides, not the result (0 or "" are results).`));
        expect(outcome.value === answer, say(
          `pour la clé ${key}, l'API a répondu ${JSON.stringify(answer)}, votre promesse a été tenue avec ${JSON.stringify(outcome.value)} : chaque appel doit tenir sa promesse avec le résultat de son propre rappel.`,
          `for key ${key}, the API answered ${JSON.stringify(answer)}, your promise was fulfilled with ${JSON.stringify(outcome.value)}: each call must fulfil its promise with the result of its own callback.`));
      }
    });
    const failures = [...answers.values()].filter((a) => a instanceof Error).length;
    return say(
      `${keys.length} appels à la fois, réponses dans le désordre : ${keys.length - failures} promesses tenues avec leur résultat (0 et "" compris), ${failures} rompues avec l'erreur de l'API.`,
      `${keys.length} calls at once, answers out of order: ${keys.length - failures} promises fulfilled with their result (0 and "" included), ${failures} rejected with the API's error.`);
  });
}

/** Exercise: `fn(tasks)` runs every task at once and gives their results in order. */
export function allAtOnce(fn: (tasks: Array<() => Promise<string>>) => Promise<string[]>): Promise<void> {
  return verdict(async () => {
    const delayMs = 150;
    const names = Array.from({ length: draw(4, 6) }, (_, i) => `réponse ${i + 1}-${draw(10, 99)}`);
    const tasks = names.map((name) => () => sleep(delayMs + draw(0, 20)).then(() => name));
    const began = performance.now();
    const results = await fn(tasks);
    const ms = performance.now() - began;
    expect(Array.isArray(results) && results.length === names.length && results.every((r, i) => r === names[i]), say(
      `la fonction a renvoyé ${JSON.stringify(results)} au lieu de ${JSON.stringify(names)} : renvoyez les résultats des tâches, dans leur ordre.`,
      `the function returned ${JSON.stringify(results)} instead of ${JSON.stringify(names)}: return the tasks' results, in their order.`));
    const sequential = names.length * delayMs;
    expect(ms < sequential / 2, say(
      `${names.length} tâches de ${delayMs} ms ont pris ${ms.toFixed(0)} ms : elles ont attendu l'une après l'autre. Lancez-les toutes, puis attendez-les ensemble (Promise.all).`,
      `${names.length} tasks of ${delayMs} ms took ${ms.toFixed(0)} ms: they waited one after the other. Start them all, then await them together (Promise.all).`));
    return say(`${names.length} attentes de ${delayMs} ms en ${ms.toFixed(0)} ms au lieu de ${sequential} ms l'une après l'autre.`, `${names.length} waits of ${delayMs} ms in ${ms.toFixed(0)} ms instead of ${sequential} ms one after the other.`);
  });
}

/** A bank account, as the exercise's function receives it. */
export interface Compte {
  solde: number;
}

/**
 * Exercise: `fn(account, amount, askBank)` withdraws `amount` if the balance allows it, after
 * awaiting `askBank()`; it returns whether it withdrew. The check runs several at once on one
 * thread: the balance must never go below zero (the check-then-act race across `await`). Two
 * accounts, one after the other: one holds exactly `possible` withdrawals, so the last leaves 0
 * (a `solde > montant` refuses it), the other a little more (a `solde > 0` grants one too many).
 */
export function noOverdraft(fn: (account: Compte, amount: number, askBank: () => Promise<void>) => Promise<boolean>): Promise<void> {
  return verdict(async () => {
    const amount = draw(30, 60);
    const possible = draw(2, 3);
    const seen: string[] = [];
    for (const start of [amount * possible, amount * possible + draw(1, amount - 1)]) {
      const account: Compte = { solde: start };
      const requests = draw(5, 7);
      let asked = 0;
      const askBank = () => ((asked++), sleep(draw(5, 30)));
      const outcomes = await Promise.all(Array.from({ length: requests }, () => fn(account, amount, askBank)));
      const granted = outcomes.filter((o) => o === true).length;
      expect(asked >= granted, say(
        `la banque n'a été consultée que ${asked} fois pour ${granted} retraits accordés : chaque retrait doit attendre await askBank() avant de débiter.`,
        `the bank was asked only ${asked} times for ${granted} withdrawals granted: each withdrawal must await askBank() before debiting.`));
      expect(account.solde >= 0, granted === possible + 1 ? say(
        `le solde est passé à ${account.solde} : un retrait de ${amount} a été accordé sur un solde de ${account.solde + amount}. Qu'il reste de l'argent ne suffit pas : le solde doit couvrir le montant.`,
        `the balance went to ${account.solde}: a withdrawal of ${amount} was granted on a balance of ${account.solde + amount}. Some money left is not enough: the balance must cover the amount.`) : say(
        `le solde est passé à ${account.solde} : deux retraits ont vérifié le solde avant que l'autre ne débite. Prenez un verrou (await verrou.acquire()) autour de la vérification et du débit.`,
        `the balance went to ${account.solde}: two withdrawals checked the balance before the other debited. Hold a lock (await lock.acquire()) around the check and the debit.`));
      const exact = account.solde === amount ? say(` (un solde de ${amount} suffit pour un retrait de ${amount})`, ` (a balance of ${amount} is enough for a withdrawal of ${amount})`) : "";
      expect(granted === possible && account.solde === start - granted * amount, say(
        `${granted} retraits accordés sur ${requests}, solde ${account.solde} : avec ${start} et des retraits de ${amount}, il en faut exactement ${possible}, et le solde doit baisser de ${amount} à chacun${exact}.`,
        `${granted} withdrawals granted out of ${requests}, balance ${account.solde}: with ${start} and withdrawals of ${amount}, exactly ${possible} must pass, each lowering the balance by ${amount}${exact}.`));
      seen.push(say(`${requests} sur ${start} (solde final ${account.solde})`, `${requests} from ${start} (final balance ${account.solde})`));
    }
    return say(
      `des retraits de ${amount} en même temps, ${seen.join(" puis ")} : ${possible} accordés à chaque fois, jamais de découvert.`,
      `withdrawals of ${amount} at once, ${seen.join(" then ")}: ${possible} granted each time, never overdrawn.`);
  });
}
