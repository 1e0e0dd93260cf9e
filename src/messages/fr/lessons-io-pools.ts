// Conclusions of lessons 08, 09 and 10 (src/conclusions/lesson08.ts …), in French: each is chosen
// by a function of the measured rows.
const f2 = (x: number) => Number(x).toFixed(2);
const f3 = (x: number) => Number(x).toFixed(3);
const pc = (x: number) => `${(100 * Number(x)).toFixed(1)} %`;

export const lesson08 = {
  threadsNear: (threads: number, speedup: number) =>
    `Avec ${threads} threads, les téléchargements vont ${f2(speedup)} fois plus vite qu'en séquentiel : presque autant que de threads, car les attentes se superposent et le démarrage des threads pèse peu ici.`,
  threadsFar: (threads: number, speedup: number, inFlight: number) =>
    `Avec ${threads} threads, les téléchargements vont ${f2(speedup)} fois plus vite qu'en séquentiel, loin des ${threads} threads : les attentes se superposent (jusqu'à ${inFlight} requêtes à la fois), mais chaque thread paie son démarrage (un moteur JavaScript, ses modules) avant sa première requête.`,
  threadsNone: (threads: number, speedup: number) =>
    `Avec ${threads} threads, les téléchargements ne vont pas plus vite qu'en séquentiel (accélération ${f2(speedup)}) : le démarrage des threads a coûté autant que ce que la superposition des attentes a fait gagner.`,
  asyncProportional: (from: number, to: number, gain: number, ideal: number) =>
    `En async, le temps suit la concurrence : de ${from} à ${to} téléchargements simultanés, il est divisé par ${f2(gain)} (au mieux ${f2(ideal)}).`,
  asyncSublinear: (from: number, to: number, gain: number, ideal: number) =>
    `En async, de ${from} à ${to} téléchargements simultanés, le temps n'est divisé que par ${f2(gain)} (au mieux ${f2(ideal)}) : à chaque fois, les requêtes les plus lentes (la part aléatoire de la latence) font attendre la fin.`,
  asyncFlat: (from: number, to: number, gain: number) =>
    `En async, de ${from} à ${to} téléchargements simultanés, le temps ne baisse presque pas (divisé par ${f2(gain)}) : quelque chose d'autre que l'attente du réseau limite ici (la machine est-elle occupée ?).`,
  threadsSlower: (n: number, ratio: number) =>
    `Avec ${n} téléchargements simultanés, les threads prennent ${f2(ratio)} fois le temps de l'async : chacun démarre son moteur JavaScript avant sa première requête.`,
  threadsLikeAsync: (n: number, ratio: number) =>
    `Avec ${n} téléchargements simultanés, les threads font presque aussi bien que l'async (${f2(ratio)} fois son temps) : ici, leur démarrage pèse peu devant les attentes.`,
};

export const lesson09 = {
  startupCostlier: (what: string, start: number, count: string, work: number) =>
    `Démarrer ${what} (${f3(start)} s) coûte ${f2(start / work)} fois le calcul de ${count} nombres (${f3(work)} s) : à cette taille, le parallélisme ralentirait le programme.`,
  workCostlier: (what: string, start: number, count: string, work: number) =>
    `Le calcul de ${count} nombres (${f3(work)} s) dure ${f2(work / start)} fois le démarrage de ${what} (${f3(start)} s) : à cette taille, le parallélisme peut y gagner.`,
  bestParallel: (version: string, speedup: number) =>
    `La version la plus rapide : ${version}, ${f2(speedup)} fois plus rapide que la version séquentielle.`,
  noneFaster: (version: string, speedup: number) =>
    `Aucune version parallèle ne bat nettement la version séquentielle (la meilleure : ${version}, accélération ${f2(speedup)}) : ici, le démarrage et les copies ont mangé le gain, ou les cœurs étaient pris par d'autres programmes.`,
  noOrphan: (cancelled: number) =>
    `En sortant du bloc, plus aucune tâche ne tourne ni n'attend dans le pool (${cancelled} annulée(s)) : aucune tâche orpheline.`,
  orphans: (running: number, queued: number) =>
    `Après le bloc, ${running} tâche(s) tournent encore et ${queued} attendent : ce sont des tâches orphelines, que plus personne n'attend.`,
};

export const lesson10 = {
  barrierWastes: (level: number, queue: number) =>
    `Sans barrière, le robot finit en ${f3(queue)} s au lieu de ${f3(level)} s (${f2(level / queue)} fois plus vite) : il ne laisse plus ses requêtes libres pendant qu'il attend la page la plus lente d'un niveau.`,
  barrierCheap: (level: number, queue: number) =>
    `Ici, le robot sans barrière n'a pas été nettement plus rapide (${f3(queue)} s contre ${f3(level)} s) : quand les pages d'un niveau arrivent à peu près ensemble, la barrière coûte peu.`,
  amdahlTiny: (serial: number) =>
    `La part séquentielle ajustée est de ${pc(serial)} : presque tout le calcul se répartit, et la loi d'Amdahl ne limite guère l'accélération sur si peu de cœurs.`,
  amdahlLimit: (serial: number, limit: number) =>
    `La part séquentielle ajustée est de ${pc(serial)} : même avec une infinité de cœurs, l'accélération ne dépasserait pas 1/f = ${f2(limit)}.`,
  serialMatches: (measured: number) =>
    `Elle est proche de la part séquentielle mesurée directement (${pc(measured)}, le temps passé hors du pool) : la loi d'Amdahl explique ces mesures.`,
  serialLarger: (measured: number) =>
    `Elle dépasse la part séquentielle mesurée directement (${pc(measured)}, le temps passé hors du pool) : le reste vient du démarrage des workers, des copies et des autres programmes de la machine, que la loi d'Amdahl compte comme du séquentiel.`,
  serialSmaller: (measured: number) =>
    `Elle est plus petite que la part séquentielle mesurée directement (${pc(measured)}) : les mesures sont bruitées (la machine est-elle occupée ?), relancez pour comparer.`,
};
