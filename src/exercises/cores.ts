// Checkers of notebook 10: CPU time against wall time, judged against the check's own measurement
// of the same call; and a crawler judged by what the demo server saw.
import { demoServer, extractLinks, type DemoServer } from "../io/index.js";
import type { RequestRecord } from "../io/stats.js";
import { Thread } from "../threads/index.js";
import { draw, expect, say, sleep, verdict } from "./check.js";

/** Keeps a thread busy for `ms` milliseconds (in a worker: its own function, self-contained). */
function spin(ms: number): number {
  const end = Date.now() + ms;
  let steps = 0;
  while (Date.now() < end) steps++;
  return steps;
}

const inThreads = async (n: number, ms: number) => {
  const threads = Array.from({ length: n }, () => new Thread(spin, ms).start());
  await Promise.all(threads.map((t) => t.join()));
};

/** The cores a piece of work kept busy: process CPU time (every thread) over wall time. */
async function measuredCores(work: () => Promise<unknown>): Promise<number> {
  const cpu = process.cpuUsage();
  const began = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000 / (performance.now() - began);
}

/**
 * Runs the student's `fn` on `work`, measuring the same call from outside: the student's number,
 * the check's, and whether fn finished after the work did (it awaited it).
 */
async function alongside(fn: (work: () => Promise<unknown>) => Promise<number>, work: () => Promise<unknown>) {
  let started = false;
  let workEnded = Infinity;
  let fnEnded = 0;
  let theirs: unknown;
  const ours = await measuredCores(async () => {
    theirs = await fn(async () => {
      started = true;
      await work();
      workEnded = performance.now();
    });
    fnEnded = performance.now();
  });
  return { theirs, ours, started, awaited: fnEnded >= workEnded };
}

const close = (theirs: number, ours: number) => Math.abs(theirs - ours) <= 0.15 + 0.2 * ours;

/** Exercise: `fn(work)` runs the work and gives the cores it used: CPU time (process.cpuUsage) over wall time. */
export function coresUsed(fn: (work: () => Promise<unknown>) => Promise<number>): Promise<void> {
  return verdict(
    async () => {
      // On a busy machine the two threads may get little CPU: then the two workloads do not differ
      // enough to judge, and the check measures again (that is the machine's doing, not the student's).
      for (let attempt = 1; ; attempt++) {
        const waitMs = draw(250, 350);
        const waiting = await alongside(fn, () => sleep(waitMs));
        const busyMs = draw(300, 400);
        const busy = await alongside(fn, () => inThreads(2, busyMs));
        const [w, b] = [waiting.theirs, busy.theirs];
        expect(typeof w === "number" && Number.isFinite(w) && typeof b === "number" && Number.isFinite(b), say(
          `la fonction a renvoyé ${String(w)} puis ${String(b)} : renvoyez un nombre, le temps CPU divisé par le temps réel.`,
          `the function returned ${String(w)} then ${String(b)}: return a number, CPU time divided by wall time.`));
        expect(waiting.started && busy.started, say(
          `votre fonction n'a pas lancé le travail qu'elle reçoit : appelez travail() entre les deux mesures.`,
          `your function did not run the work it receives: call travail() between the two measurements.`));
        expect(waiting.awaited && busy.awaited, say(
          `votre fonction a fini avant le travail qu'elle mesure : attendez-le (await travail()) entre les deux mesures.`,
          `your function finished before the work it measures: await it (await travail()) between the two measurements.`));
        if (busy.ours - waiting.ours < 0.4 && attempt < 4) continue;
        const ratio = (x: number, ref: number) => x / Math.max(ref, 1e-3);
        const unitHint = (x: number, ref: number) =>
          ratio(x, ref) > 200
            ? say(" C'est environ mille fois trop : process.cpuUsage compte en microsecondes, performance.now() en millisecondes.", " That is about a thousand times too much: process.cpuUsage counts microseconds, performance.now() milliseconds.")
            : "";
        expect(close(w, waiting.ours), say(
          `pendant une attente de ${waitMs} ms, vous mesurez ${w.toFixed(2)} cœur(s), la vérification ${waiting.ours.toFixed(2)} : une attente n'occupe presque aucun cœur. Divisez le temps CPU consommé pendant le travail (user + system de process.cpuUsage(avant)) par le temps réel, dans la même unité.${unitHint(w, waiting.ours)}`,
          `during a ${waitMs} ms wait you measure ${w.toFixed(2)} core(s), the check ${waiting.ours.toFixed(2)}: a wait keeps almost no core busy. Divide the CPU time used during the work (user + system of process.cpuUsage(before)) by the wall time, in the same unit.${unitHint(w, waiting.ours)}`));
        expect(close(b, busy.ours), say(
          `pour 2 threads qui calculent ${busyMs} ms, vous mesurez ${b.toFixed(2)} cœur(s), la vérification ${busy.ours.toFixed(2)} : process.cpuUsage(avant) compte le temps de tous les threads du processus depuis « avant », en microsecondes.${unitHint(b, busy.ours)}`,
          `for 2 threads computing for ${busyMs} ms you measure ${b.toFixed(2)} core(s), the check ${busy.ours.toFixed(2)}: process.cpuUsage(before) counts every thread of the process since "before", in microseconds.${unitHint(b, busy.ours)}`));
        return say(
          `une attente occupe ${w.toFixed(2)} cœur ; deux threads qui calculent en occupent ${b.toFixed(2)} (la vérification mesure ${busy.ours.toFixed(2)}) : ${b > 1.3 ? "ils ont calculé en parallèle" : "ici, ils se sont partagé à peu près un seul cœur (machine occupée ?)"}.`,
          `a wait keeps ${w.toFixed(2)} core busy; two computing threads keep ${b.toFixed(2)} (the check measures ${busy.ours.toFixed(2)}): ${b > 1.3 ? "they computed in parallel" : "here they shared about one core (busy machine?)"}.`);
      }
    },
    { timeoutMs: 30_000 },
  );
}

/** Each same-site path reachable from the home page, with its depth (links from the home page), breadth-first. */
function depths(server: DemoServer): Map<string, number> {
  const depth = new Map<string, number>([["/site/index.html", 0]]);
  let level = ["/site/index.html"];
  for (let d = 1; level.length > 0; d++) {
    const next: string[] = [];
    for (const path of level) {
      const html = server.site.html(path);
      if (html === undefined) continue;
      for (const link of extractLinks(html, server.url + path)) {
        const url = new URL(link);
        if (url.origin !== server.url || depth.has(url.pathname)) continue;
        depth.set(url.pathname, d);
        next.push(url.pathname);
      }
    }
    level = next;
  }
  return depth;
}

/** A request of depth d+1 that began while one of depth d was still waiting: the proof there was no barrier. */
function overtaking(records: readonly RequestRecord[], depth: Map<string, number>): { early: RequestRecord; late: RequestRecord } | undefined {
  for (const early of records) {
    const d = depth.get(early.path);
    if (d === undefined) continue;
    const late = records.find((r) => depth.get(r.path) === d - 1 && early.start < r.end - 0.005);
    if (late) return { early, late };
  }
  return undefined;
}

/**
 * Exercise: `fn(start, limit)` crawls the demo site from `start`, at most `limit` requests at a
 * time, following each page's same-site links as soon as that page arrives (no wait for the
 * whole level), and gives the URLs of the pages that answered.
 */
export function eagerCrawl(fn: (start: string, limit: number) => Promise<string[]>): Promise<void> {
  let server: DemoServer | undefined;
  return verdict(
    async () => {
      server = await demoServer({ latencyMs: 10, jitterMs: 250, pages: draw(25, 35), seed: draw(1, 1_000_000) });
      const limit = draw(3, 4);
      const depth = depths(server);
      const pages = new Set(server.pageUrls());
      const found = await fn(server.siteUrl, limit);
      const records = server.requests();
      const stats = server.stats();
      expect(Array.isArray(found) && found.every((u) => typeof u === "string"), say(
        `la fonction a renvoyé ${JSON.stringify(found)?.slice(0, 120)} : renvoyez le tableau des adresses des pages trouvées.`,
        `the function returned ${JSON.stringify(found)?.slice(0, 120)}: return the array of the URLs of the pages found.`));
      const perPath = new Map<string, number>();
      for (const r of records) perPath.set(r.path, (perPath.get(r.path) ?? 0) + 1);
      const twice = [...perPath].find(([, n]) => n > 1);
      expect(!twice, say(
        `le serveur a reçu ${twice?.[1]} demandes de ${twice?.[0]} : notez les pages déjà vues (un Set), et ne demandez chaque page qu'une fois.`,
        `the server received ${twice?.[1]} requests for ${twice?.[0]}: note the pages already seen (a Set), and ask each page only once.`));
      const missing = [...pages].filter((u) => !found.includes(u));
      const extra = found.filter((u) => !pages.has(u));
      expect(missing.length === 0, say(
        `il manque ${missing.length} page(s) du site sur ${pages.size}, par exemple ${missing[0]} : suivez tous les liens de chaque page vers le même site (même origine), pas seulement les premiers niveaux.`,
        `${missing.length} page(s) of the site's ${pages.size} are missing, for example ${missing[0]}: follow every link of each page to the same site (same origin), not only the first levels.`));
      expect(extra.length === 0, say(
        `vous renvoyez ${extra.length} adresse(s) qui ne sont pas des pages du site, par exemple ${extra[0]} : ne gardez que les pages qui ont répondu (reponse.ok), sans les liens morts (404) ni les autres sites.`,
        `you return ${extra.length} address(es) that are not pages of the site, for example ${extra[0]}: keep only the pages that answered (response.ok), without dead links (404) or other sites.`));
      expect(found.length === pages.size, say(
        `vous renvoyez ${found.length} adresses pour ${pages.size} pages : chaque page une seule fois.`,
        `you return ${found.length} URLs for ${pages.size} pages: each page once.`));
      expect(stats.maxInFlight <= limit, say(
        `le serveur a reçu jusqu'à ${stats.maxInFlight} requêtes en même temps, pour une limite de ${limit} : ne lancez une requête que quand une place est libre.`,
        `the server received up to ${stats.maxInFlight} requests at once, for a limit of ${limit}: start a request only when a slot is free.`));
      expect(stats.maxInFlight === limit, say(
        `au plus ${stats.maxInFlight} requête(s) à la fois, pour une limite de ${limit} : utilisez toute la limite.`,
        `at most ${stats.maxInFlight} request(s) at a time, for a limit of ${limit}: use the whole limit.`));
      const proof = overtaking(records, depth);
      expect(proof, say(
        `chaque niveau du site n'a commencé qu'après la fin du précédent : c'est une barrière. Pendant que la page la plus lente d'un niveau arrive, des places restent libres alors que des liens attendent. Lancez les liens d'une page dès qu'elle arrive.`,
        `each level of the site began only after the previous one ended: that is a barrier. While a level's slowest page arrives, slots stay free while links wait. Start a page's links as soon as it arrives.`));
      return say(
        `${pages.size} pages trouvées, chacune demandée une fois, au plus ${limit} requêtes à la fois ; ${proof.early.path} (profondeur ${depth.get(proof.early.path)}) est partie avant la fin de ${proof.late.path} (profondeur ${depth.get(proof.late.path)}) : pas de barrière.`,
        `${pages.size} pages found, each asked once, at most ${limit} requests at a time; ${proof.early.path} (depth ${depth.get(proof.early.path)}) left before ${proof.late.path} (depth ${depth.get(proof.late.path)}) ended: no barrier.`);
    },
    { cleanup: () => server?.close(), timeoutMs: 30_000 },
  );
}
