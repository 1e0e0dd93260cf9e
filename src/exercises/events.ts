// Checkers of notebooks 04 and 07: events, promises, and races and blocking on one thread.
import { EventEmitter } from "node:events";
import { pbkdf2Sync, randomBytes } from "node:crypto";
import { draw, expect, say, sleep, verdict } from "./check.js";

/** Exercise: `fn(screen)` listens to "clic" on the emitter and gives a function that counts them. */
export function clickCounter(fn: (screen: EventEmitter) => () => number): Promise<void> {
  return verdict(async () => {
    const screen = new EventEmitter();
    const count = fn(screen);
    expect(typeof count === "function", say("la fonction doit rendre une fonction, qui donne le nombre de clics.", "the function must return a function that gives the number of clicks."));
    const clicks = draw(3, 12);
    for (let i = 0; i < clicks; i++) {
      screen.emit("clic", { x: draw(0, 500), y: draw(0, 500) });
      screen.emit("touche", "a"); // un autre événement, à ne pas compter
    }
    const counted = count();
    expect(counted === clicks, say(
      `${clicks} clics émis, votre compteur en donne ${counted} : ajoutez un écouteur avec screen.on("clic", ...) qui incrémente un compteur.`,
      `${clicks} clicks emitted, your counter gives ${counted}: add a listener with screen.on("clic", ...) that increments a counter.`));
    return say(`${clicks} clics comptés, les touches ignorées : l'écouteur réagit à son seul événement.`, `${clicks} clicks counted, keys ignored: the listener reacts to its own event only.`);
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
      `la fonction a rendu ${JSON.stringify(results)} au lieu de ${JSON.stringify(names)} : rendez les résultats des tâches, dans leur ordre.`,
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
 * thread: the balance must never go below zero (the check-then-act race across `await`).
 */
export function noOverdraft(fn: (account: Compte, amount: number, askBank: () => Promise<void>) => Promise<boolean>): Promise<void> {
  return verdict(async () => {
    const amount = draw(30, 60);
    const start = amount * draw(2, 3) + draw(0, amount - 1);
    const account: Compte = { solde: start };
    const requests = draw(5, 7);
    let asked = 0;
    const askBank = () => ((asked++), sleep(draw(5, 30)));
    const outcomes = await Promise.all(Array.from({ length: requests }, () => fn(account, amount, askBank)));
    const granted = outcomes.filter((o) => o === true).length;
    const possible = Math.floor(start / amount);
    expect(asked >= granted, say(
      `la banque n'a été consultée que ${asked} fois pour ${granted} retraits accordés : chaque retrait doit attendre await askBank() avant de débiter.`,
      `the bank was asked only ${asked} times for ${granted} withdrawals granted: each withdrawal must await askBank() before debiting.`));
    expect(account.solde >= 0, say(
      `le solde est passé à ${account.solde} : deux retraits ont vérifié le solde avant que l'autre ne débite. Prenez un verrou (await verrou.acquire()) autour de la vérification et du débit.`,
      `the balance went to ${account.solde}: two withdrawals checked the balance before the other debited. Hold a lock (await lock.acquire()) around the check and the debit.`));
    expect(granted === possible && account.solde === start - granted * amount, say(
      `${granted} retraits accordés sur ${requests}, solde ${account.solde} : avec ${start} et des retraits de ${amount}, il en faut exactement ${possible}, et le solde doit baisser de ${amount} à chacun.`,
      `${granted} withdrawals granted out of ${requests}, balance ${account.solde}: with ${start} and withdrawals of ${amount}, exactly ${possible} must pass, each lowering the balance by ${amount}.`));
    return say(
      `${requests} retraits de ${amount} en même temps sur ${start} : ${granted} accordés, solde final ${account.solde}, jamais négatif.`,
      `${requests} withdrawals of ${amount} at once from ${start}: ${granted} granted, final balance ${account.solde}, never negative.`);
  });
}

/** The longest gap between ticks of a 5 ms timer while `body` runs: how long the event loop was blocked. */
async function loopLag<T>(body: () => Promise<T>): Promise<{ value: T; lagMs: number }> {
  let last = performance.now();
  let lagMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    lagMs = Math.max(lagMs, now - last - 5);
    last = now;
  }, 5);
  try {
    const value = await body();
    lagMs = Math.max(lagMs, performance.now() - last - 5);
    return { value, lagMs };
  } finally {
    clearInterval(timer);
  }
}

/** Exercise: `fn(password, salt, iterations)` derives a pbkdf2 key (sha256, 32 bytes) without blocking the event loop. */
export function offTheLoop(fn: (password: string, salt: string, iterations: number) => Promise<Buffer>): Promise<void> {
  return verdict(async () => {
    const password = randomBytes(6).toString("hex");
    const salt = randomBytes(4).toString("hex");
    let t = performance.now();
    pbkdf2Sync(password, salt, 10_000, 32, "sha256");
    const per10k = Math.max(0.5, performance.now() - t);
    const iterations = Math.max(10_000, Math.round((200 / per10k) * 10_000)); // environ 200 ms de calcul
    t = performance.now();
    const expected = pbkdf2Sync(password, salt, iterations, 32, "sha256");
    const blockingMs = performance.now() - t;
    const { value, lagMs } = await loopLag(() => Promise.resolve(fn(password, salt, iterations)));
    expect(Buffer.isBuffer(value) && value.equals(expected), say(
      "la clé rendue n'est pas celle de pbkdf2(password, salt, iterations, 32, \"sha256\") : rendez la clé calculée.",
      "the key returned is not pbkdf2(password, salt, iterations, 32, \"sha256\"): return the derived key."));
    expect(lagMs < Math.max(60, 0.6 * blockingMs), say(
      `la boucle d'événements a été bloquée ${lagMs.toFixed(0)} ms (le calcul prend ${blockingMs.toFixed(0)} ms) : utilisez crypto.pbkdf2 avec un rappel, ou sa version promise, qui calcule dans le pool de libuv.`,
      `the event loop was blocked for ${lagMs.toFixed(0)} ms (the computation takes ${blockingMs.toFixed(0)} ms): use crypto.pbkdf2 with a callback, or its promise version, which computes in libuv's pool.`));
    return say(
      `clé juste, et la boucle n'a été bloquée que ${lagMs.toFixed(0)} ms pendant un calcul de ${blockingMs.toFixed(0)} ms.`,
      `right key, and the loop was blocked only ${lagMs.toFixed(0)} ms during a ${blockingMs.toFixed(0)} ms computation.`);
  });
}
