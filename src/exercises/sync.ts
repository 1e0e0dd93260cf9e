// Checkers of notebook 03: a counter under a Lock, two locks without deadlock, consumers of a Queue.
// Each runs the student's function in real threads, on sizes drawn at check time; the lock checks
// run it under a witness that counts the writes made without the lock (guard.ts).
import { Thread } from "../threads/index.js";
import { Lock, Queue, sharedValue, type SharedValue } from "../sync/index.js";
import { functionSource } from "../task/index.js";
import { draw, expect, Hint, say, sleep, verdict } from "./check.js";
import { COMPILE_MODULE, guarded, type Guarded } from "./guard.js";

const stop = (threads: Thread[]) => () => Promise.all(threads.map((t) => t.terminate()));

const total = (seen: Guarded[], key: keyof Guarded) => seen.reduce((s, g) => s + g[key], 0);

/** Starts `fn` in a thread under the witness of guard.ts. */
function watched(source: string, layout: "counter" | "transfer", value: SharedValue, first: Lock, second: Lock | null, times: number): Thread {
  const pauses = layout === "transfer" ? 20 : 0;
  return new Thread(guarded, COMPILE_MODULE, source, layout, value, first, second, times, pauses).start();
}

/**
 * Exercise: `fn(counter, lock, times)` adds 1 to `counter.value`, `times` times, under `lock`.
 * Two threads run it, each under a witness that counts the writes made without the lock (guard.ts):
 * a lock held for part of the loop is caught every time. The check holds the lock first, so the
 * threads must wait for it, and the final count must be exact.
 */
export function lockedCounter(fn: (counter: SharedValue, lock: Lock, times: number) => void): Promise<void> {
  const threads: Thread[] = [];
  return verdict(
    async () => {
      const source = functionSource(fn, "compteurProtege");
      const times = draw(20_000, 60_000);
      const counter = sharedValue("i32");
      const lock = new Lock();
      await lock.acquire(); // la vérification prend le verrou d'abord : les threads doivent attendre
      threads.push(watched(source, "counter", counter, lock, null, times), watched(source, "counter", counter, lock, null, times));
      await sleep(200);
      const meanwhile = counter.value;
      lock.release();
      const seen = (await Promise.all(threads.map((t) => t.join()))) as Guarded[];
      const [writes, unguarded, atomic] = [total(seen, "writes"), total(seen, "unguarded"), total(seen, "atomic")];
      const expected = 2 * times;
      expect(writes + atomic > 0, say(
        `le compteur n'a pas bougé : la fonction ne l'incrémente pas encore. Faites counter.value++ ${times} fois, entre lock.acquire() et lock.release().`,
        `the counter did not move: the function does not increment it yet. Do counter.value++ ${times} times, between lock.acquire() and lock.release().`));
      expect(atomic === 0, say(
        `votre fonction appelle counter.add() : c'est une opération atomique, juste même sans verrou, mais l'exercice porte sur le verrou. Faites counter.value++ entre lock.acquire() et lock.release().`,
        `your function calls counter.add(): an atomic operation, right even without a lock, but the exercise is about the lock. Do counter.value++ between lock.acquire() and lock.release().`));
      expect(Math.max(...seen.map((g) => g.mostHeld)) > 0, say(
        `votre fonction ne prend jamais le verrou qu'elle reçoit (lock) : aucun incrément n'est protégé. Un verrou créé dans la fonction ne sert à rien, chaque thread aurait le sien.`,
        `your function never takes the lock it is given (lock): no increment is protected. A lock made inside the function is useless, each thread would have its own.`));
      expect(meanwhile === 0 && unguarded === 0, say(
        `${unguarded} incréments sur ${writes} se sont faits sans tenir le verrou${meanwhile !== 0 ? ` (le compteur a même bougé pendant que la vérification le tenait)` : ""} : le verrou doit être tenu pendant chaque counter.value++, à chaque tour de boucle, pas seulement pendant une partie.`,
        `${unguarded} of ${writes} increments were made without holding the lock${meanwhile !== 0 ? ` (the counter even moved while the check held it)` : ""}: the lock must be held during each counter.value++, at every turn of the loop, not only part of it.`));
      expect(counter.value === expected && writes === expected, say(
        `le compteur vaut ${counter.value} au lieu de ${expected} (2 threads × ${times}), pour ${writes} écritures : chaque thread doit ajouter 1 exactement ${times} fois.`,
        `the counter is ${counter.value} instead of ${expected} (2 threads × ${times}), for ${writes} writes: each thread must add 1 exactly ${times} times.`));
      return say(
        `2 threads ont fait ${expected} incréments, chacun verrou tenu, sans en perdre un, et ont attendu que le verrou soit libre.`,
        `2 threads made ${expected} increments, each with the lock held, without losing one, and waited for the lock to be free.`);
    },
    { cleanup: stop(threads), timeoutMs: 30_000 },
  );
}

/**
 * Exercise: `fn(first, second, account, rounds)` adds 1 to `account` `rounds` times, each time
 * holding both locks. One thread calls it with (a, b), the other with (b, a): taking them in
 * argument order deadlocks. Taking them in a fixed order (by `id`) does not; a timeout and a
 * retry is accepted too, if it finishes. Every write must be made with both locks held.
 */
export function noDeadlock(fn: (first: Lock, second: Lock, account: SharedValue, rounds: number) => void): Promise<void> {
  const threads: Thread[] = [];
  const seconds = 8;
  return verdict(
    async () => {
      const source = functionSource(fn, "virement");
      const rounds = draw(2_000, 5_000);
      const [a, b] = [new Lock(), new Lock()];
      const account = sharedValue("i32");
      await b.acquire(); // tenir b un moment : chaque thread prend un premier verrou, puis attend
      threads.push(watched(source, "transfer", account, a, b, rounds), watched(source, "transfer", account, b, a, rounds));
      await sleep(300);
      const meanwhile = account.value;
      b.release();
      const ended = Promise.all(threads.map((t) => t.join())) as Promise<Guarded[]>;
      let done = false;
      void ended.then(() => (done = true), () => (done = true));
      const finished = threads.map(() => false);
      threads.forEach((t, i) => void t.join().then(() => (finished[i] = true), () => (finished[i] = true)));
      // Until the end, or until nothing moves for 2 s while a lock is held (stuck), or `seconds`.
      let still = 0;
      let last = account.value;
      for (let waited = 0; !done && waited < seconds * 1000 && still < 2000; waited += 100) {
        await sleep(100);
        const now = account.value;
        still = now === last && (a.locked() || b.locked()) ? still + 100 : 0;
        last = now;
      }
      if (!done && still >= 2000) {
        expect(!finished.some(Boolean), say(
          `un thread a fini en gardant un verrou, et l'autre l'attend pour toujours : rendez chaque verrou que vous prenez, à chaque tour.`,
          `one thread ended still holding a lock, and the other waits for it forever: release every lock you take, at each round.`));
        throw new Hint(say(
          `les deux threads n'avancent plus : le compte ne bouge plus, et chacun attend un verrou. C'est un interblocage (deadlock) : chacun tient un verrou et attend celui que l'autre tient. Prenez les deux verrous toujours dans le même ordre, quel que soit l'ordre des arguments : comparez premier.id et second.id.`,
          `the two threads no longer move: the account stays still, and each waits for a lock. A deadlock: each holds one lock and waits for the one the other holds. Take both locks always in the same order, whatever the arguments' order: compare first.id and second.id.`));
      }
      if (!done) {
        const late = await Promise.race([ended.then(() => true), sleep(1000).then(() => false)]);
        expect(late, say(
          `les deux threads n'ont pas fini en ${seconds} s : le compte avance, mais trop lentement (${account.value} sur ${2 * rounds}). Si vos threads passent leur temps à prendre, libérer et reprendre les verrous, c'est un interblocage actif (livelock, voir la leçon 11) ; s'ils attendent à chaque tour, retirez cette attente. Prenez les deux verrous toujours dans le même ordre, celui de leur id, sans délai.`,
          `the two threads did not finish in ${seconds} s: the account moves, but too slowly (${account.value} of ${2 * rounds}). If your threads spend their time taking, releasing and retaking the locks, that is a livelock (see lesson 11); if they wait at each round, remove that wait. Take both locks always in the same order, that of their id, with no delay.`));
      }
      const seen = await ended;
      const [writes, unguarded] = [total(seen, "writes"), total(seen, "unguarded")];
      expect(writes > 0, say(
        "le compte n'a pas bougé : la fonction ne fait encore rien. Prenez les deux verrous, ajoutez 1 au compte, rendez les verrous, rounds fois.",
        "the account did not move: the function does nothing yet. Take both locks, add 1 to the account, release the locks, rounds times."));
      expect(meanwhile === 0 && unguarded === 0, say(
        `${unguarded} ajouts sur ${writes} se sont faits sans tenir les deux verrous : un virement touche deux comptes, il faut tenir les deux verrous pendant account.value++.`,
        `${unguarded} of ${writes} additions were made without holding both locks: a transfer touches two accounts, both locks must be held during account.value++.`));
      expect(account.value === 2 * rounds, say(
        `le compte vaut ${account.value} au lieu de ${2 * rounds} : chaque tour doit ajouter 1, une fois, avec les deux verrous pris.`,
        `the account is ${account.value} instead of ${2 * rounds}: each round must add 1, once, with both locks held.`));
      expect(!a.locked() && !b.locked(), say("un verrou est resté pris à la fin : rendez les deux à chaque tour.", "a lock was left held at the end: release both each round."));
      return say(
        `${2 * rounds} tours faits par deux threads qui reçoivent les verrous dans l'ordre inverse, sans interblocage, chacun avec les deux verrous tenus.`,
        `${2 * rounds} rounds by two threads given the locks in opposite orders, without deadlock, each with both locks held.`);
    },
    { cleanup: stop(threads), timeoutMs: 30_000 },
  );
}

/**
 * Exercise: `fn(jobs)` takes numbers from the queue until it is closed and empty, and returns
 * their sum. Two threads consume one queue of drawn numbers: each number must be taken once.
 */
const stoppedEarly = () => say(
  `vos consommateurs se sont arrêtés alors que la file n'était pas fermée (vide un instant, peut-être) : une file vide n'est pas une file fermée. Lisez jusqu'à la fermeture, avec for await (const n of jobs) { ... }.`,
  `your consumers stopped while the queue was not closed (empty for a moment, perhaps): an empty queue is not a closed one. Read until it is closed, with for await (const n of jobs) { ... }.`);

export function queueConsumers(fn: (jobs: Queue<number>) => Promise<number>): Promise<void> {
  const threads: Thread[] = [];
  return verdict(
    async () => {
      const numbers = Array.from({ length: draw(20, 40) }, () => draw(1, 1000));
      const maxsize = draw(2, 4);
      const jobs = new Queue<number>({ maxsize });
      threads.push(new Thread(fn, jobs).start(), new Thread(fn, jobs).start());
      let most = 0;
      for (const [i, n] of numbers.entries()) {
        if (i === Math.floor(numbers.length / 2)) {
          // The queue runs dry for a moment: each consumer must wait for the next number, not stop.
          // Both: a loop on size() may lose the race for the last number and wait in get(), while
          // the other stops; the survivor would then take every number left, and the sums add up.
          for (let waited = 0; waited < 2000 && jobs.size() > 0; waited += 20) await sleep(20);
          await sleep(150);
          expect(threads.every((t) => t.isAlive), stoppedEarly());
        }
        // Attend quand la file est pleine : les consommateurs doivent la vider.
        const placed = await Promise.resolve(jobs.put(n, 3000)).then(() => true, () => false);
        expect(placed || threads.some((t) => t.isAlive), stoppedEarly());
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
