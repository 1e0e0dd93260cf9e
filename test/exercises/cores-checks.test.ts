// Notebook 10's checks against wrong answers of every kind: each gets ❌ with a hint naming its
// real fault; the teacher's solution gets ✅.
import assert from "node:assert/strict";
import { test } from "node:test";
import { checks, crawl, extractLinks, mapLimit, Semaphore } from "../../src/index.js";
import { captureStdout } from "../helpers/capture.js";
// The teacher's solutions, as the notebook holds them (shared with bench/checks-under-load.ts).
import { coeursUtilises as coresRight, indexer as eager } from "./solutions.js";

const said = (run: () => Promise<void>) => captureStdout(run);

test("coresUsed: judged against the check's own measurement of the same call", { timeout: 120_000 }, async () => {
  assert.match(await said(() => checks.coresUsed(coresRight)), /^✅ une attente occupe/);
  assert.match(await said(() => checks.coresUsed(async (work) => (await work(), 1))), /^❌ pendant une attente de \d+ ms, vous mesurez 1\.00 cœur/);
  const micro = async (work: () => Promise<unknown>) => (await coresRight(work)) * 1000;
  assert.match(await said(() => checks.coresUsed(micro)), /^❌ pendant une attente .*mille fois trop/);
  const sinceStart = async (work: () => Promise<unknown>) => {
    const t0 = performance.now();
    await work();
    const { user, system } = process.cpuUsage(); // since the process started, not since "before"
    return (user + system) / 1000 / (performance.now() - t0);
  };
  assert.match(await said(() => checks.coresUsed(sinceStart)), /^❌ pendant une attente/);
  const notAwaited = async (work: () => Promise<unknown>) => {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    void work();
    const { user, system } = process.cpuUsage(cpu);
    return (user + system) / 1000 / Math.max(1e-3, performance.now() - t0);
  };
  assert.match(await said(() => checks.coresUsed(notAwaited)), /^❌ votre fonction a fini avant le travail qu'elle mesure/);
  assert.match(await said(() => checks.coresUsed(async () => 0)), /^❌ votre fonction n'a pas lancé le travail/);
  const kernelOnly = async (work: () => Promise<unknown>) => {
    const elu = performance.eventLoopUtilization();
    await work();
    return performance.eventLoopUtilization(elu).utilization; // the kernel's thread only
  };
  assert.match(await said(() => checks.coresUsed(kernelOnly)), /^❌ pour 2 threads qui calculent \d+ ms, vous mesurez 0\.\d+ cœur/);
  assert.match(await said(() => checks.coresUsed(async (work) => (await work(), "2" as unknown as number))), /^❌ la fonction a renvoyé 2 puis 2 : renvoyez un nombre/);
});


test("eagerCrawl: no barrier passes; levels, the library's crawl, no limit, no Set, dead links, shallow fail", { timeout: 240_000 }, async () => {
  assert.match(await said(() => checks.eagerCrawl(eager)), /^✅ \d+ pages trouvées, .*pas de barrière/);
  const byLevel = async (depart: string, limite: number) => {
    const origine = new URL(depart).origin;
    const vues = new Set([depart]);
    const pages: string[] = [];
    let niveau = [depart];
    while (niveau.length > 0) {
      const liens = await mapLimit(niveau, limite, async (url: string) => {
        const r = await fetch(url);
        const html = await r.text();
        if (!r.ok) return [];
        pages.push(url);
        return extractLinks(html, url);
      });
      niveau = liens.flat().filter((l) => new URL(l).origin === origine && !vues.has(l) && vues.add(l) !== undefined);
    }
    return pages;
  };
  assert.match(await said(() => checks.eagerCrawl(byLevel)), /^❌ chaque niveau du site n'a commencé qu'après la fin du précédent : c'est une barrière/);
  const library = async (depart: string, limite: number) => (await crawl(depart, { concurrency: limite })).pages.map((p) => p.url);
  assert.match(await said(() => checks.eagerCrawl(library)), /^❌ chaque niveau .*barrière/);
  const unlimited = (depart: string) => eager(depart, 1000);
  assert.match(await said(() => checks.eagerCrawl(unlimited)), /^❌ le serveur a reçu jusqu'à \d+ requêtes en même temps, pour une limite de \d/);
  const oneLess = (depart: string, limite: number) => eager(depart, limite - 1);
  assert.match(await said(() => checks.eagerCrawl(oneLess)), /^❌ au plus \d requête\(s\) à la fois.*toute la limite/);
  const withDead = async (depart: string, limite: number) => {
    const pages = await eager(depart, limite);
    return [...pages, new URL("/site/brouillon-3.html", depart).href];
  };
  assert.match(await said(() => checks.eagerCrawl(withDead)), /^❌ vous renvoyez 1 adresse\(s\) qui ne sont pas des pages du site.*liens morts/);
  const twice = async (depart: string, limite: number) => [...(await eager(depart, limite)), depart];
  assert.match(await said(() => checks.eagerCrawl(twice)), /^❌ vous renvoyez \d+ adresses pour \d+ pages/);
  const noSet = async (depart: string, limite: number) => {
    const origine = new URL(depart).origin;
    const pages = new Set<string>();
    const places = new Semaphore(limite);
    async function visiter(url: string, profondeur: number): Promise<void> {
      if (profondeur > 3) return;
      await places.acquire();
      let liens: string[] = [];
      try {
        const r = await fetch(url);
        const html = await r.text();
        if (r.ok) {
          pages.add(url);
          liens = extractLinks(html, url);
        }
      } finally {
        places.release();
      }
      await Promise.all(liens.filter((l) => new URL(l).origin === origine && !pages.has(l)).map((l) => visiter(l, profondeur + 1)));
    }
    await visiter(depart, 0);
    return [...pages];
  };
  assert.match(await said(() => checks.eagerCrawl(noSet)), /^❌ le serveur a reçu \d+ demandes de \/site\/.*un Set/);
  const shallow = async (depart: string, limite: number) => (await eager(depart, limite)).slice(0, 5);
  assert.match(await said(() => checks.eagerCrawl(shallow)), /^❌ il manque \d+ page\(s\) du site/);
});
