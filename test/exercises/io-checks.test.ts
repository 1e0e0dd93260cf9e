// Notebook 08's checks against wrong answers of every kind: each gets ❌ with a hint naming its
// real fault; the teacher's solution gets ✅.
import assert from "node:assert/strict";
import { test } from "node:test";
import { checks } from "../../src/index.js";
import { slotWaits } from "../../src/exercises/io.js";
import { captureStdout } from "../helpers/capture.js";

const said = (run: () => Promise<void>) => captureStdout(run);
const size = async (url: string) => (await (await fetch(url)).arrayBuffer()).byteLength;

/** The teacher's solution: `limit` lanes, each takes the next url as soon as its download ends. */
const slidingWindow = async (urls: string[], limit: number) => {
  const sizes = new Array<number>(urls.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < urls.length) {
      const i = next++;
      sizes[i] = await size(urls[i]);
    }
  }));
  return sizes;
};

test("slotWaits: a sliding window fills a freed slot at once; batches leave it empty, even when the last batch is short", () => {
  const r = (start: number, end: number) => ({ id: 0, path: "/", status: 200, start, end });
  assert.deepEqual(slotWaits([r(0, 0.1), r(0, 0.3), r(0.1, 0.2), r(0.2, 0.3)], 2), [0, 0]);
  // batches of 3, each with one slow request, then a short batch of 2: four starts waited
  const batches = [r(0, 0.05), r(0, 0.05), r(0, 0.8), r(0.8, 0.85), r(0.8, 0.85), r(0.8, 1.6), r(1.6, 1.65), r(1.6, 1.65)];
  assert.deepEqual(slotWaits(batches, 3).map((w) => Math.round(w)), [750, 750, 0, 750, 750]);
  assert.deepEqual(slotWaits([r(0, 1)], 2), []);
});

test("limitedDownloads: the sliding window passes; batches, no limit, a lane short, wrong order, wrong sizes, twice asked fail", { timeout: 120_000 }, async () => {
  assert.match(await said(() => checks.limitedDownloads(slidingWindow)), /^✅ .*chacune à sa place/);
  const batches = async (urls: string[], limit: number) => {
    const sizes: number[] = [];
    for (let i = 0; i < urls.length; i += limit) sizes.push(...(await Promise.all(urls.slice(i, i + limit).map(size))));
    return sizes;
  };
  assert.match(await said(() => checks.limitedDownloads(batches)), /^❌ \d+ fois, une place libérée est restée vide plus de 300 ms alors qu'il restait des adresses.*fenêtre glissante/);
  const fixedLanes = async (urls: string[], limit: number) => {
    const sizes = new Array<number>(urls.length);
    await Promise.all(Array.from({ length: limit }, async (_, lane) => {
      for (let i = lane; i < urls.length; i += limit) sizes[i] = await size(urls[i]); // lane's list fixed in advance
    }));
    return sizes;
  };
  assert.match(await said(() => checks.limitedDownloads(fixedLanes)), /^❌ \d+ fois, une place libérée est restée vide.*liste fixée d'avance/);
  assert.match(await said(() => checks.limitedDownloads((urls) => Promise.all(urls.map(size)))), /^❌ le serveur a reçu jusqu'à \d+ requêtes en même temps/);
  assert.match(await said(() => checks.limitedDownloads((urls, limit) => slidingWindow(urls, limit - 1))), /^❌ au plus \d requête\(s\) à la fois.*utilisez toute la limite/);
  const completionOrder = async (urls: string[], limit: number) => {
    const sizes: number[] = [];
    let next = 0;
    await Promise.all(Array.from({ length: limit }, async () => {
      while (next < urls.length) sizes.push(await size(urls[next++]));
    }));
    return sizes;
  };
  assert.match(await said(() => checks.limitedDownloads(completionOrder)), /^❌ ce sont bien les tailles des images, mais pas dans l'ordre des adresses/);
  assert.match(await said(() => checks.limitedDownloads(async (urls, limit) => (await slidingWindow(urls, limit)).map((s) => s / 1024))), /^❌ à la position \d+, vous donnez/);
  assert.match(await said(() => checks.limitedDownloads(async (urls, limit) => {
    await slidingWindow(urls, limit);
    return slidingWindow(urls, limit); // downloads everything twice
  })), /^❌ le serveur a reçu \d+ requêtes pour \d+ adresses/);
  assert.match(await said(() => checks.limitedDownloads(async () => [])), /^❌ pour \d+ adresses, la fonction a renvoyé \[\]/);
});

/** The teacher's solution: try, and give up after `attempts` failed tries. */
const retrying = async (url: string, attempts: number) => {
  for (let i = 1; ; i++) {
    const r = await fetch(url);
    const body = await r.arrayBuffer();
    if (r.ok) return body.byteLength;
    if (i === attempts) throw new Error(`${r.status}`);
  }
};

test("retries: giving up is tested; endless, one late, one early, no throw, no stop on success, one status only fail", { timeout: 180_000 }, async () => {
  assert.match(await said(() => checks.retries(retrying)), /^✅ .*abandonnée après exactement \d essais/);
  const endless = async (url: string) => {
    for (;;) {
      const r = await fetch(url); // ends when the check closes its server: fetch then rejects
      const body = await r.arrayBuffer();
      if (r.ok) return body.byteLength;
    }
  };
  assert.match(await said(() => checks.retries(endless)), /^❌ l'adresse \/status\/503 répond toujours 503, et vous l'avez déjà demandée \d+ fois sans abandonner/);
  const oneLate = (url: string, attempts: number) => retrying(url, attempts + 1);
  assert.match(await said(() => checks.retries(oneLate)), /^❌ l'adresse \/status\/503 échoue toujours : vous l'avez demandée \d fois pour \d essais permis, un de trop/);
  const oneEarly = (url: string, attempts: number) => retrying(url, attempts - 1);
  assert.match(await said(() => checks.retries(oneEarly)), /^❌ l'adresse \/status\/503 échoue toujours : vous ne l'avez demandée que \d fois/);
  const noThrow = async (url: string, attempts: number) => {
    for (let i = 1; i <= attempts; i++) {
      const r = await fetch(url);
      const body = await r.arrayBuffer();
      if (r.ok) return body.byteLength;
    }
    return 0;
  };
  assert.match(await said(() => checks.retries(noThrow)), /^❌ après \d échecs sur \/status\/503, la fonction a renvoyé 0 : .*levez une erreur/);
  const noRetry = async (url: string) => {
    const r = await fetch(url);
    const body = await r.arrayBuffer();
    if (!r.ok) throw new Error(`${r.status}`);
    return body.byteLength;
  };
  assert.match(await said(() => checks.retries(noRetry)), /^❌ l'adresse \/status\/503 échoue toujours : vous ne l'avez demandée que 1 fois/);
  const alwaysAll = async (url: string, attempts: number) => {
    let good = 0;
    for (let i = 1; i <= attempts; i++) {
      const r = await fetch(url);
      const body = await r.arrayBuffer();
      if (r.ok) good = body.byteLength; // keeps asking after a success
    }
    if (!good) throw new Error("no luck");
    return good;
  };
  assert.match(await said(() => checks.retries(alwaysAll)), /^❌ \/images\/.* a réussi au \de essai, et vous l'avez demandée \d fois : arrêtez dès qu'une réponse est bonne/);
  // Retries on one error status only: the server's faults are 500 or 503 at random, so before the
  // check chose the statuses of the images' first failures, these passed when the draws spared them.
  const retryingOn = (status: number) => async (url: string, attempts: number) => {
    for (let i = 1; ; i++) {
      const r = await fetch(url);
      const body = await r.arrayBuffer();
      if (r.ok) return body.byteLength;
      if (r.status !== status || i === attempts) throw new Error(`${r.status}`);
    }
  };
  assert.match(await said(() => checks.retries(retryingOn(503))), /^❌ (l'adresse \/status\/503 échoue toujours : vous ne l'avez demandée que|\/images\/.* a réussi au 2e essai .*mais votre fonction a levé : 500)/);
  assert.match(await said(() => checks.retries(retryingOn(500))), /^❌ (l'adresse \/status\/503 échoue toujours : vous ne l'avez demandée que|\/images\/.* a réussi au \de essai .*mais votre fonction a levé : 503)/);
  const wrongSize = async (url: string, attempts: number) => (await retrying(url, attempts)) + 1;
  assert.match(await said(() => checks.retries(wrongSize)), /^❌ pour \/images\/.*renvoyez la taille du corps/);
});
