// Checkers of notebook 08: downloads from a local demo server whose latencies and faults the
// check arranges in advance (they are seeded), so that a wrong strategy shows in what the server saw.
import { demoServer, type DemoServer } from "../io/index.js";
import { drawFor } from "../io/random.js";
import type { RequestRecord } from "../io/stats.js";
import { draw, expect, say, sleep, verdict } from "./check.js";

/**
 * The demo server's answer plan for the `ask`-th GET of `path` (see DemoServer's #handle: its draws
 * are the delay, the failure roll, the hang roll, then the status of a simulated failure).
 */
function planned(seed: number, path: string, ask: number, faults: { latencyMs: number; jitterMs: number; failureStatuses?: number[] }): { delay: number; failRoll: number; status: number } {
  const random = drawFor(seed, `GET ${path} #${ask}`);
  const delay = faults.latencyMs + random() * faults.jitterMs;
  const [failRoll, , statusRoll] = [random(), random(), random()];
  const statuses = faults.failureStatuses ?? [500, 503];
  return { delay, failRoll, status: statuses[Math.floor(statusRoll * statuses.length)] };
}

/** The sizes the server gives for these urls, asked afresh (HEAD gives the body's length). */
async function sizesOf(urls: string[]): Promise<number[]> {
  return Promise.all(urls.map(async (url) => Number((await fetch(url, { method: "HEAD" })).headers.get("content-length"))));
}

/**
 * How long each request beyond the first `limit` waited for its slot, in milliseconds: the j-th
 * start needs j - limit + 1 requests ended, so its slot was freed by the (j - limit + 1)-th end.
 * A sliding window starts the next request as soon as a slot frees; batches leave freed slots
 * empty until the batch's slowest request ends. Every batch boundary shows, whatever the number
 * of urls modulo the limit.
 */
export function slotWaits(records: readonly RequestRecord[], limit: number): number[] {
  const starts = records.map((r) => r.start).sort((a, b) => a - b);
  const ends = records.map((r) => r.end).sort((a, b) => a - b);
  return starts.slice(limit).map((start, k) => Math.max(0, start - ends[k]) * 1000);
}

/** Exercise: `fn(urls, limit)` downloads every url, at most `limit` at a time, and gives each one's size in bytes. */
export function limitedDownloads(fn: (urls: string[], limit: number) => Promise<number[]>): Promise<void> {
  const lateMs = 300;
  let server: DemoServer | undefined;
  return verdict(
    async () => {
      const faults = { latencyMs: 20, jitterMs: 900 };
      const seed = draw(1, 1_000_000);
      server = await demoServer({ ...faults, seed });
      const limit = draw(2, 3);
      const count = draw(8, 10);
      // Images of various widths (so various sizes); one slow image in every `limit` consecutive ones,
      // the others fast: batches of `limit` then wait for their slow one, a sliding window does not.
      const slow: string[] = [];
      const fast: string[] = [];
      for (let i = 0; slow.length < count || fast.length < count; i++) {
        const path = `/images/${40 + 8 * (i % 9)}/32/sports/${i}`;
        const { delay } = planned(seed, path, 0, faults);
        if (delay > 700 && slow.length < count) slow.push(path);
        else if (delay < 80 && fast.length < count) fast.push(path);
      }
      const urls = Array.from({ length: count }, (_, k) => server!.url + (k % limit === 0 ? slow.pop()! : fast.pop()!));
      const sizes = await fn(urls, limit);
      const stats = server.stats();
      const records = server.requests();
      const expected = await sizesOf(urls);
      expect(Array.isArray(sizes) && sizes.length === urls.length && sizes.every((s) => typeof s === "number"), say(
        `pour ${urls.length} adresses, la fonction a renvoyé ${JSON.stringify(sizes)} : renvoyez un tableau de ${urls.length} nombres, la taille en octets de chaque image.`,
        `for ${urls.length} urls, the function returned ${JSON.stringify(sizes)}: return an array of ${urls.length} numbers, each image's size in bytes.`));
      const perPath = new Map<string, number>();
      for (const r of records) perPath.set(r.path, (perPath.get(r.path) ?? 0) + 1);
      const twice = [...perPath].filter(([, n]) => n > 1).length;
      expect(stats.requests === urls.length && twice === 0, say(
        `le serveur a reçu ${stats.requests} requêtes pour ${urls.length} adresses${twice ? ` (${twice} adresse(s) demandée(s) plusieurs fois)` : ""} : téléchargez chaque adresse une fois, et une seule.`,
        `the server received ${stats.requests} requests for ${urls.length} urls${twice ? ` (${twice} url(s) asked more than once)` : ""}: download each url once, and only once.`));
      const sameMultiset = JSON.stringify([...sizes].sort((a, b) => a - b)) === JSON.stringify([...expected].sort((a, b) => a - b));
      const wrong = sizes.findIndex((s, i) => s !== expected[i]);
      expect(wrong < 0, sameMultiset
        ? say(
          `ce sont bien les tailles des images, mais pas dans l'ordre des adresses (position ${wrong} : ${sizes[wrong]} octets au lieu de ${expected[wrong]}) : rangez la taille de urls[i] à l'indice i, pas dans l'ordre où les téléchargements finissent.`,
          `these are the images' sizes, but not in the urls' order (position ${wrong}: ${sizes[wrong]} bytes instead of ${expected[wrong]}): store the size of urls[i] at index i, not in the order downloads finish.`)
        : say(
          `à la position ${wrong}, vous donnez ${sizes[wrong]} octets, l'image en fait ${expected[wrong]} : comptez les octets du corps de la réponse (arrayBuffer().byteLength).`,
          `at position ${wrong} you give ${sizes[wrong]} bytes, the image has ${expected[wrong]}: count the bytes of the response body (arrayBuffer().byteLength).`));
      expect(stats.maxInFlight <= limit, say(
        `le serveur a reçu jusqu'à ${stats.maxInFlight} requêtes en même temps, pour une limite de ${limit} : n'en lancez une nouvelle que quand une autre a fini.`,
        `the server received up to ${stats.maxInFlight} requests at once, for a limit of ${limit}: start a new one only when another has finished.`));
      expect(stats.maxInFlight === limit, say(
        `au plus ${stats.maxInFlight} requête(s) à la fois, pour une limite de ${limit} : utilisez toute la limite, avec ${limit} téléchargements en cours dès le départ.`,
        `at most ${stats.maxInFlight} request(s) at a time, for a limit of ${limit}: use the whole limit, with ${limit} downloads running from the start.`));
      // Batches make at least 3 starts wait for a slow request (over 700 ms, against under 80 ms
      // for a fast one); a sliding window makes none wait, but a busy machine may delay one.
      const waits = slotWaits(records, limit);
      const late = waits.filter((w) => w > lateMs).length;
      expect(late < 2, say(
        `${late} fois, une place libérée est restée vide plus de ${lateMs} ms alors qu'il restait des adresses : vos téléchargements attendent le plus lent d'un paquet (ou d'une liste fixée d'avance). Dès qu'un téléchargement finit, lancez le suivant (une fenêtre glissante, pas des paquets de ${limit}).`,
        `${late} times a freed slot stayed empty over ${lateMs} ms while urls remained: your downloads wait for the slowest of a batch (or of a list fixed in advance). As soon as one download ends, start the next (a sliding window, not batches of ${limit}).`));
      const total = sizes.reduce((s, n) => s + n, 0);
      const median = [...waits].sort((a, b) => a - b)[Math.floor(waits.length / 2)];
      return say(
        `${urls.length} images (${total} octets), chacune à sa place ; jamais plus de ${limit} requêtes à la fois, et une place libérée reprise en ${median.toFixed(0)} ms (médiane), selon le serveur.`,
        `${urls.length} images (${total} bytes), each in its place; never more than ${limit} requests at a time, and a freed slot taken again within ${median.toFixed(0)} ms (median), says the server.`);
    },
    { cleanup: () => server?.close() },
  );
}

/** Exercise: `fn(url, attempts)` downloads the url, retrying a failed answer (status 500, 503), up to `attempts` tries in all, then throws. */
export function retries(fn: (url: string, attempts: number) => Promise<number>): Promise<void> {
  let server: DemoServer | undefined;
  return verdict(
    async () => {
      const faults = { latencyMs: 5, jitterMs: 0, failureRate: 0.5, failureStatuses: [500, 503] };
      const seed = draw(1, 1_000_000);
      server = await demoServer({ ...faults, seed });
      const attempts = draw(3, 5);
      // Images whose first success comes at a known try: at once, after a few failures, and at the
      // very last try; plus one address that always fails, so that giving up is tested. The image
      // that fails once fails with a 500, the one that fails until the last try first with a 503:
      // retrying on one of the two statuses only fails, whatever the draws.
      const wanted = [0, 1, attempts - 1, draw(1, attempts - 1)];
      const firstFailure = [undefined, 500, 503, undefined];
      const picked: Array<{ path: string; tries: number }> = [];
      for (let i = 0; picked.length < wanted.length && i < 100_000; i++) {
        const path = `/images/${24 + 4 * (i % 5)}/24/nature/${i}`;
        let tries = 0;
        while (tries < attempts && planned(seed, path, tries, faults).failRoll < faults.failureRate) tries++;
        const want = wanted[picked.length];
        const status = firstFailure[picked.length];
        if (tries === want && (status === undefined || planned(seed, path, 0, faults).status === status)) picked.push({ path, tries: tries + 1 });
      }
      const failing = "/status/503";
      const urls = [...picked.map((p) => server!.url + p.path), server.url + failing];
      const settled: Array<PromiseSettledResult<number> | undefined> = urls.map(() => undefined);
      urls.forEach((url, i) => {
        Promise.resolve()
          .then(() => fn(url, attempts))
          .then((value) => (settled[i] = { status: "fulfilled", value }), (reason) => (settled[i] = { status: "rejected", reason }));
      });
      const asked = (path: string) => server!.requests().filter((r) => r.path === path).length;
      const deadline = performance.now() + 8_000;
      while (settled.some((s) => s === undefined) && asked(failing) <= attempts + 1 && performance.now() < deadline) await sleep(10);
      const onFailing = asked(failing);
      expect(onFailing <= attempts + 1, say(
        `l'adresse ${failing} répond toujours 503, et vous l'avez déjà demandée ${onFailing} fois sans abandonner, pour ${attempts} essais permis : comptez les essais, et arrêtez-vous au dernier.`,
        `the address ${failing} always answers 503, and you asked it ${onFailing} times already without giving up, for ${attempts} tries allowed: count the tries and stop at the last one.`));
      expect(!settled.some((s) => s === undefined), say(
        `au bout de 8 s, ${settled.filter((s) => s === undefined).length} téléchargement(s) n'ont toujours pas fini : chaque appel doit finir, par la taille ou par une erreur.`,
        `after 8 s, ${settled.filter((s) => s === undefined).length} download(s) still had not finished: each call must end, with the size or with an error.`));
      expect(onFailing === attempts, onFailing > attempts
        ? say(
          `l'adresse ${failing} échoue toujours : vous l'avez demandée ${onFailing} fois pour ${attempts} essais permis, un de trop. Abandonnez après le ${attempts}e essai raté, pas après le suivant.`,
          `the address ${failing} always fails: you asked it ${onFailing} times for ${attempts} tries allowed, one too many. Give up after the ${attempts}th failed try, not the next.`)
        : say(
          `l'adresse ${failing} échoue toujours : vous ne l'avez demandée que ${onFailing} fois, pour ${attempts} essais permis. Réessayez jusqu'à ${attempts} essais en tout avant d'abandonner.`,
          `the address ${failing} always fails: you asked it only ${onFailing} times, for ${attempts} tries allowed. Try up to ${attempts} times in all before giving up.`));
      const last = settled[urls.length - 1]!;
      expect(last.status === "rejected", say(
        `après ${attempts} échecs sur ${failing}, la fonction a renvoyé ${JSON.stringify((last as PromiseFulfilledResult<number>).value)} : quand tous les essais ont échoué, levez une erreur (throw), au lieu de renvoyer une valeur.`,
        `after ${attempts} failures on ${failing}, the function returned ${JSON.stringify((last as PromiseFulfilledResult<number>).value)}: when every try failed, throw an error instead of returning a value.`));
      const counts = picked.map((p) => asked(p.path));
      const failures = server.requests().filter((r) => r.status >= 500).length;
      server.configure({ failureRate: 0 });
      const expected = await sizesOf(urls.slice(0, -1));
      for (const [i, p] of picked.entries()) {
        const s = settled[i]!;
        const n = counts[i];
        expect(s.status === "fulfilled", say(
          `${p.path} a réussi au ${p.tries}e essai (sur ${attempts} permis), mais votre fonction a levé : ${String((s as PromiseRejectedResult).reason?.message ?? (s as PromiseRejectedResult).reason)}. Réessayez tant qu'il reste des essais.`,
          `${p.path} succeeded on try ${p.tries} (of ${attempts} allowed), but your function threw: ${String((s as PromiseRejectedResult).reason?.message ?? (s as PromiseRejectedResult).reason)}. Try again while tries are left.`));
        expect(n === p.tries, say(
          `${p.path} a réussi au ${p.tries}e essai, et vous l'avez demandée ${n} fois : arrêtez dès qu'une réponse est bonne (reponse.ok).`,
          `${p.path} succeeded on try ${p.tries}, and you asked it ${n} times: stop as soon as an answer is good (response.ok).`));
        expect((s as PromiseFulfilledResult<number>).value === expected[i], say(
          `pour ${p.path}, vous renvoyez ${JSON.stringify((s as PromiseFulfilledResult<number>).value)}, l'image fait ${expected[i]} octets : renvoyez la taille du corps de la bonne réponse.`,
          `for ${p.path} you return ${JSON.stringify((s as PromiseFulfilledResult<number>).value)}, the image has ${expected[i]} bytes: return the size of the good answer's body.`));
      }
      return say(
        `${picked.length} images rapportées malgré ${failures} réponses en erreur (l'une au tout dernier essai permis), et ${failing} abandonnée après exactement ${attempts} essais, selon le serveur.`,
        `${picked.length} images brought back despite ${failures} error answers (one on the very last try allowed), and ${failing} given up after exactly ${attempts} tries, says the server.`);
    },
    { cleanup: () => server?.close(), timeoutMs: 20_000 },
  );
}
