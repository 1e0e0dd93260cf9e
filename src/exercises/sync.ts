// Checkers of notebook 03: a counter under a Lock, two locks without deadlock, consumers of a Queue.
// Each runs the student's function in real threads, on sizes drawn at check time.
import { Thread } from "../threads/index.js";
import { Lock, Queue, sharedValue, type SharedValue } from "../sync/index.js";
import { draw, expect, say, sleep, verdict } from "./check.js";

const stop = (threads: Thread[]) => () => Promise.all(threads.map((t) => t.terminate()));

/**
 * Exercise: `fn(counter, lock, times)` adds 1 to `counter.value`, `times` times, under `lock`.
 * Two threads run it; the check holds the lock for a while first, so a thread that ignores
 * the lock is caught moving the counter, and the final count must be exact.
 */
export function lockedCounter(fn: (counter: SharedValue, lock: Lock, times: number) => void): Promise<void> {
  const threads: Thread[] = [];
  return verdict(
    async () => {
      const times = draw(50_000, 150_000);
      const counter = sharedValue("i32");
      const lock = new Lock();
      await lock.acquire(); // la vérification prend le verrou d'abord : les threads doivent attendre
      threads.push(new Thread(fn, counter, lock, times).start(), new Thread(fn, counter, lock, times).start());
      await sleep(400);
      const meanwhile = counter.value;
      lock.release();
      await Promise.all(threads.map((t) => t.join()));
      const expected = 2 * times;
      expect(counter.value !== 0, say(
        `le compteur vaut encore 0 : la fonction ne l'incrémente pas encore. Faites counter.value++ ${times} fois, entre lock.acquire() et lock.release().`,
        `the counter is still 0: the function does not increment it yet. Do counter.value++ ${times} times, between lock.acquire() and lock.release().`));
      expect(meanwhile === 0, say(
        `le compteur a bougé (${meanwhile}) pendant que la vérification tenait le verrou : prenez le verrou (lock.acquire()) avant de toucher au compteur.`,
        `the counter moved (${meanwhile}) while the check held the lock: take the lock (lock.acquire()) before touching the counter.`));
      expect(counter.value === expected, say(
        `le compteur vaut ${counter.value} au lieu de ${expected} (2 threads × ${times}) : chaque incrément doit se faire avec le verrou pris, et le verrou doit être rendu.`,
        `the counter is ${counter.value} instead of ${expected} (2 threads × ${times}): each increment needs the lock held, and the lock released afterwards.`));
      return say(
        `2 threads ont fait ${expected} incréments sans en perdre un, et ont attendu que le verrou soit libre.`,
        `2 threads made ${expected} increments without losing one, and waited for the lock to be free.`);
    },
    { cleanup: stop(threads), timeoutMs: 20_000 },
  );
}

/**
 * Exercise: `fn(first, second, account, rounds)` adds 1 to `account` `rounds` times, each time
 * holding both locks. One thread calls it with (a, b), the other with (b, a): taking them
 * naively in argument order deadlocks; a timeout and a retry (or any other way) must not.
 */
export function noDeadlock(fn: (first: Lock, second: Lock, account: SharedValue, rounds: number) => void): Promise<void> {
  const threads: Thread[] = [];
  const seconds = 6;
  return verdict(
    async () => {
      const rounds = draw(5_000, 10_000); // le verrou b tenu au départ synchronise les deux threads : la course commence tout de suite
      const [a, b] = [new Lock(), new Lock()];
      const account = sharedValue("i32");
      await b.acquire(); // tenir b un moment : les deux threads prennent leur premier verrou, puis attendent le second
      threads.push(new Thread(fn, a, b, account, rounds).start(), new Thread(fn, b, a, account, rounds).start());
      await sleep(300);
      const meanwhile = account.value;
      b.release();
      const finished = await Promise.race([Promise.all(threads.map((t) => t.join())).then(() => true), sleep(seconds * 1000).then(() => false)]);
      expect(finished, say(
        `les deux threads n'ont pas fini en ${seconds} s : c'est un interblocage (deadlock). Chacun tient un verrou et attend l'autre. Si le second verrou ne vient pas vite (second.acquire(5) rend false), rendez le premier et recommencez.`,
        `the two threads did not finish in ${seconds} s: a deadlock. Each holds one lock and waits for the other. If the second lock does not come quickly (second.acquire(5) returns false), release the first and try again.`));
      expect(account.value !== 0, say(
        "le compte vaut 0 : la fonction ne fait encore rien. Prenez les deux verrous, ajoutez 1 au compte, rendez les verrous, rounds fois.",
        "the account is 0: the function does nothing yet. Take both locks, add 1 to the account, release the locks, rounds times."));
      expect(meanwhile === 0, say(
        `le compte a bougé (${meanwhile}) pendant qu'un des verrous était pris par la vérification : il faut tenir les deux verrous pour toucher au compte.`,
        `the account moved (${meanwhile}) while the check held one of the locks: hold both locks to touch the account.`));
      expect(account.value === 2 * rounds, say(
        `le compte vaut ${account.value} au lieu de ${2 * rounds} : chaque tour doit ajouter 1, avec les deux verrous pris.`,
        `the account is ${account.value} instead of ${2 * rounds}: each round must add 1, with both locks held.`));
      expect(!a.locked() && !b.locked(), say("un verrou est resté pris à la fin : rendez les deux à chaque tour.", "a lock was left held at the end: release both each round."));
      return say(
        `${2 * rounds} tours faits par deux threads qui prennent les verrous dans l'ordre inverse, sans interblocage et sans perte.`,
        `${2 * rounds} rounds by two threads taking the locks in opposite orders, without deadlock or loss.`);
    },
    { cleanup: stop(threads), timeoutMs: 20_000 },
  );
}

/**
 * Exercise: `fn(jobs)` takes numbers from the queue until it is closed and empty, and returns
 * their sum. Two threads consume one queue of drawn numbers: each number must be taken once.
 */
export function queueConsumers(fn: (jobs: Queue<number>) => Promise<number>): Promise<void> {
  const threads: Thread[] = [];
  return verdict(
    async () => {
      const numbers = Array.from({ length: draw(20, 40) }, () => draw(1, 1000));
      const maxsize = draw(2, 4);
      const jobs = new Queue<number>({ maxsize });
      threads.push(new Thread(fn, jobs).start(), new Thread(fn, jobs).start());
      let most = 0;
      for (const n of numbers) {
        // Attend quand la file est pleine : les consommateurs doivent la vider.
        const placed = await Promise.resolve(jobs.put(n, 3000)).then(() => true, () => false);
        expect(placed, say(
          `la file est restée pleine 3 s : les consommateurs ne prennent rien. Lisez-la avec for await (const n of jobs) { ... }.`,
          `the queue stayed full for 3 s: the consumers take nothing. Read it with for await (const n of jobs) { ... }.`));
        most = Math.max(most, jobs.size());
      }
      jobs.close();
      const sums = (await Promise.all(threads.map((t) => t.join()))) as unknown[];
      const expected = numbers.reduce((s, n) => s + n, 0);
      const total = sums.reduce<number>((s, n) => s + (typeof n === "number" ? n : NaN), 0);
      expect(sums.every((s) => typeof s === "number"), say(
        `un consommateur a renvoyé ${JSON.stringify(sums.find((s) => typeof s !== "number"))} au lieu d'un nombre : renvoyez la somme des nombres pris dans la file.`,
        `a consumer returned ${JSON.stringify(sums.find((s) => typeof s !== "number"))} instead of a number: return the sum of the numbers taken from the queue.`));
      expect(total === expected, say(
        `les consommateurs ont renvoyé ${sums.join(" + ")} = ${total}, au lieu de ${expected} : prenez chaque nombre avec for await (const n of jobs) et additionnez-les.`,
        `the consumers returned ${sums.join(" + ")} = ${total} instead of ${expected}: take each number with for await (const n of jobs) and add them.`));
      return say(
        `${numbers.length} nombres passés par une file de ${maxsize} places (au plus ${most} en attente), chacun pris une fois : ${sums.join(" + ")} = ${expected}.`,
        `${numbers.length} numbers went through a ${maxsize}-place queue (at most ${most} waiting), each taken once: ${sums.join(" + ")} = ${expected}.`);
    },
    { cleanup: stop(threads), timeoutMs: 20_000 },
  );
}
