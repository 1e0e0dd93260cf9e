// Checkers of notebook 08: downloads from the local demo server, which counts what it served.
import { demoServer, type DemoServer } from "../io/index.js";
import { draw, expect, say, verdict } from "./check.js";

/** Exercise: `fn(urls, limit)` downloads every url, at most `limit` at a time, and gives each one's size in bytes. */
export function limitedDownloads(fn: (urls: string[], limit: number) => Promise<number[]>): Promise<void> {
  let server: DemoServer | undefined;
  return verdict(
    async () => {
      server = await demoServer({ latencyMs: 80 });
      const limit = draw(2, 3);
      const urls = Array.from({ length: draw(7, 10) }, (_, i) => server!.imageUrl(64, 48, "sports", i));
      const sizes = await fn(urls, limit);
      const stats = server.stats();
      expect(Array.isArray(sizes) && sizes.length === urls.length && sizes.every((s) => typeof s === "number" && s > 0), say(
        `pour ${urls.length} adresses, la fonction a rendu ${JSON.stringify(sizes)} : rendez la taille en octets de chaque image, dans l'ordre des adresses.`,
        `for ${urls.length} urls, the function returned ${JSON.stringify(sizes)}: return each image's size in bytes, in the urls' order.`));
      const total = sizes.reduce((s, n) => s + n, 0);
      expect(stats.requests === urls.length && total === stats.bytes, say(
        `le serveur a servi ${stats.requests} requêtes et ${stats.bytes} octets, vous en comptez ${total} pour ${urls.length} images : téléchargez chaque adresse une fois, et comptez ses octets.`,
        `the server served ${stats.requests} requests and ${stats.bytes} bytes, you count ${total} for ${urls.length} images: download each url once and count its bytes.`));
      expect(stats.maxInFlight <= limit, say(
        `le serveur a reçu jusqu'à ${stats.maxInFlight} requêtes en même temps, pour une limite de ${limit} : n'en lancez une nouvelle que quand une autre a fini.`,
        `the server received up to ${stats.maxInFlight} requests at once, for a limit of ${limit}: start a new one only when another has finished.`));
      expect(stats.maxInFlight === limit, say(
        `au plus ${stats.maxInFlight} requête(s) à la fois, pour une limite de ${limit} : utilisez toute la limite, avec ${limit} téléchargements en cours dès le départ.`,
        `at most ${stats.maxInFlight} request(s) at a time, for a limit of ${limit}: use the whole limit, with ${limit} downloads running from the start.`));
      return say(`${urls.length} images (${total} octets), jamais plus de ${limit} requêtes à la fois, selon le serveur.`, `${urls.length} images (${total} bytes), never more than ${limit} requests at a time, says the server.`);
    },
    { cleanup: () => server?.close() },
  );
}

/** Exercise: `fn(url, attempts)` downloads the url, retrying a failed answer (status 500, 503), up to `attempts` tries in all. */
export function retries(fn: (url: string, attempts: number) => Promise<number>): Promise<void> {
  let server: DemoServer | undefined;
  return verdict(
    async () => {
      server = await demoServer({ latencyMs: 5, failureRate: 0.4, seed: draw(1, 1_000_000) });
      const attempts = 8;
      const urls = Array.from({ length: draw(5, 8) }, (_, i) => server!.imageUrl(32, 32, "nature", i));
      const outcomes = await Promise.allSettled(urls.map((url) => fn(url, attempts)));
      const served = server.requests();
      const ok = served.filter((r) => r.status === 200).length;
      const failed = served.length - ok;
      const sizes = outcomes.map((o) => (o.status === "fulfilled" ? o.value : undefined));
      expect(served.length <= attempts * urls.length, say(
        `${served.length} requêtes pour ${urls.length} images : pas plus de ${attempts} essais par image.`,
        `${served.length} requests for ${urls.length} images: no more than ${attempts} tries per image.`));
      expect(sizes.every((s) => typeof s === "number" && s > 0), say(
        `sur ${urls.length} images, ${sizes.filter((s) => !(typeof s === "number" && s > 0)).length} n'ont pas été rendues (le serveur a répondu ${failed} fois par une erreur) : si response.ok est faux, réessayez, jusqu'à ${attempts} fois.`,
        `of ${urls.length} images, ${sizes.filter((s) => !(typeof s === "number" && s > 0)).length} were not returned (the server answered ${failed} times with an error): if response.ok is false, try again, up to ${attempts} times.`));
      expect(ok === urls.length, say(
        `le serveur a réussi ${ok} téléchargements pour ${urls.length} images : arrêtez d'essayer dès qu'une réponse est bonne.`,
        `the server made ${ok} good downloads for ${urls.length} images: stop trying as soon as one answer is good.`));
      return say(`${urls.length} images rapportées malgré ${failed} réponse(s) en erreur du serveur, en ${served.length} requêtes.`, `${urls.length} images brought back despite ${failed} error answer(s) from the server, in ${served.length} requests.`);
    },
    { cleanup: () => server?.close() },
  );
}
