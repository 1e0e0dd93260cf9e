// The teacher's solutions of the timing-dependent exercises of notebooks 08–10, as the notebooks
// hold them: for bench/checks-under-load.ts, and for the checks' tests beside their wrong answers.
import { extractLinks, Semaphore, type Lock, type SharedValue, type ThreadPool } from "../../src/index.js";

/** 03, `noDeadlock`: both locks always taken in the same order (by `Lock.id`). Run in threads: it uses nothing from outside. */
export function ordreDesVerrous(premier: Lock, second: Lock, compte: SharedValue, tours: number): void {
  const [dAbord, ensuite] = premier.id < second.id ? [premier, second] : [second, premier];
  for (let i = 0; i < tours; i++) {
    dAbord.acquire();
    ensuite.acquire();
    compte.value++;
    ensuite.release();
    dAbord.release();
  }
}

export async function telechargerAuPlus(urls: string[], limite: number): Promise<number[]> {
  const tailles = new Array<number>(urls.length);
  let suivant = 0;
  async function voie() {
    while (suivant < urls.length) {
      const i = suivant++;
      const reponse = await fetch(urls[i]);
      tailles[i] = (await reponse.arrayBuffer()).byteLength;
    }
  }
  await Promise.all(Array.from({ length: limite }, voie));
  return tailles;
}

export async function avecReprises(url: string, essais: number): Promise<number> {
  for (let essai = 1; ; essai++) {
    const reponse = await fetch(url);
    const octets = await reponse.arrayBuffer();
    if (reponse.ok) return octets.byteLength;
    if (essai === essais) throw new Error(`${url} : ${reponse.status} après ${essais} essais`);
  }
}

export function calculatePrimeFactors(n: number): number[] {
  const primfac: number[] = [];
  let d = 2;
  while (d * d <= n) {
    while (n % d === 0) {
      primfac.push(d);
      n /= d;
    }
    d += 1;
  }
  if (n > 1) primfac.push(n);
  return primfac;
}

export async function balayage(pool: ThreadPool, nombres: number[], tailles: number[]): Promise<Array<{ chunksize: number; seconds: number }>> {
  const lignes = [];
  for (const chunksize of tailles) {
    const t0 = performance.now();
    await pool.map(calculatePrimeFactors, nombres, { chunksize });
    lignes.push({ chunksize, seconds: (performance.now() - t0) / 1000 });
  }
  return lignes;
}

export async function premierFini(pool: ThreadPool, nombres: number[]): Promise<{ nombre: number; facteurs: number[] }> {
  const annulation = new AbortController();
  const taches = nombres.map((n) => pool.apply(calculatePrimeFactors, [n], { signal: annulation.signal }));
  try {
    return await Promise.race(taches.map(async (tache, i) => ({ nombre: nombres[i], facteurs: await tache })));
  } finally {
    annulation.abort();
  }
}

export async function coeursUtilises(travail: () => Promise<unknown>): Promise<number> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await travail();
  const { user, system } = process.cpuUsage(cpu);
  return (user + system) / 1000 / (performance.now() - t0);
}

export async function indexer(depart: string, limite: number): Promise<string[]> {
  const origine = new URL(depart).origin;
  const vues = new Set<string>([depart]);
  const pages: string[] = [];
  const places = new Semaphore(limite);
  async function visiter(url: string): Promise<void> {
    await places.acquire();
    let liens: string[] = [];
    try {
      const reponse = await fetch(url);
      const html = await reponse.text();
      if (reponse.ok) {
        pages.push(url);
        liens = extractLinks(html, url);
      }
    } finally {
      places.release();
    }
    const nouveaux = liens.filter((lien) => new URL(lien).origin === origine && !vues.has(lien));
    for (const lien of nouveaux) vues.add(lien);
    await Promise.all(nouveaux.map(visiter));
  }
  await visiter(depart);
  return pages;
}
