// The conclusions that lessons 01 to 03 print after a measurement (src/conclusions/lesson01..03.ts), in French.
const fmt = (x: number, digits = 2) => Number(x).toFixed(digits).replace(".", ",");

export const lessons0103 = {
  cpuLoop: (n: number, ratio: number) =>
    n === 1
      ? `Sur la boucle d'événements, avec 1 worker, il n'y a rien à additionner : une seule tâche CPU.`
      : ratio >= 0.75 * n
        ? `Sur la boucle d'événements, les ${n} tâches CPU s'additionnent : ${fmt(ratio)} fois le temps d'une seule, car une seule s'exécute à la fois.`
        : `Sur la boucle d'événements, ${n} tâches CPU ont pris ${fmt(ratio)} fois le temps d'une seule, moins que ${n} : la mesure d'une seule tâche a dû être ralentie (machine occupée ?). Relancez la mesure.`,
  cpuThreadsOneCore: (ratio: number) =>
    `Avec 1 seul cœur utilisable, on ne mesure qu'1 worker en threads (${fmt(ratio)} fois le temps d'un seul) : rien ne peut calculer en parallèle ici. Lancez le notebook sur une machine à plusieurs cœurs pour voir les threads travailler en même temps.`,
  cpuThreadsParallel: (n: number, ratio: number) =>
    `En threads, ${n} workers prennent ${fmt(ratio)} fois le temps d'un seul : ils travaillent en parallèle.`,
  cpuThreadsShared: (n: number, ratio: number) =>
    `En threads, ${n} workers prennent ${fmt(ratio)} fois le temps d'un seul, presque autant que l'un après l'autre : ils se sont partagé les cœurs (d'autres programmes occupaient la machine ?). Relancez la mesure quand la machine est calme.`,
  ioOverlap: (mode: string, n: number, seconds: number, wait: number) =>
    `${mode} : ${n} attentes de ${fmt(wait)} s ont pris ${fmt(seconds)} s en tout, à peine plus qu'une seule : elles se chevauchent.`,
  ioSerial: (mode: string, n: number, seconds: number, wait: number) =>
    `${mode} : ${n} attentes de ${fmt(wait)} s ont pris ${fmt(seconds)} s en tout, bien plus qu'une seule : elles ne se sont chevauchées qu'en partie (démarrages coûteux ou machine occupée).`,
  startGap: (processes: number, threads: number) =>
    `Pour ces attentes, les processus ont mis ${fmt(processes)} s et les threads ${fmt(threads)} s : l'écart est le prix du démarrage d'un processus.`,
  startNoGap: (processes: number, threads: number) =>
    `Pour ces attentes, processus (${fmt(processes)} s) et threads (${fmt(threads)} s) ont mis presque le même temps : ici, l'écart de démarrage ne se voit pas.`,
  plateauOneCore: (mode: string) => `${mode} : avec un seul cœur, le temps croît dès 2 workers, qui se partagent ce cœur.`,
  plateau: (mode: string, cores: number, flat: number, after: number | null) =>
    `${mode} : de 1 à ${cores} workers, le temps reste presque constant (${fmt(flat)} fois celui d'un seul), car chacun a son cœur` +
    (after === null ? "." : after > 1.3 ? ` ; au-delà, il croît (${fmt(after)} fois de plus), les workers se partagent les cœurs.` : ` ; au-delà, il n'a presque pas crû (${fmt(after)} fois) : la machine avait peut-être plus de cœurs libres qu'annoncé.`),
  noPlateau: (mode: string, cores: number, flat: number) =>
    `${mode} : de 1 à ${cores} workers, le temps a déjà crû de ${fmt(flat)} fois : les workers n'ont pas eu chacun leur cœur (machine occupée ?).`,
  twoThreadsParallel: (ratio: number) =>
    `Deux threads font deux fois le travail en ${fmt(ratio)} fois le temps d'un seul : ils calculent en parallèle, il n'y a pas de verrou global.`,
  twoThreadsBusy: (ratio: number, load: number, cores: number) =>
    `Deux threads font deux fois le travail en ${fmt(ratio)} fois le temps d'un seul, presque comme l'un après l'autre : la charge de la machine (${fmt(load, 1)} pour ${cores} cœurs) dit que d'autres programmes occupaient les cœurs. Relancez la mesure quand la machine est calme.`,
  twoThreadsOneCore: (ratio: number) =>
    `Deux threads font deux fois le travail en ${fmt(ratio)} fois le temps d'un seul : avec un seul cœur, ils ne peuvent que se le partager.`,
  startCost: (timeRatio: number, memoryRatio: number | null) =>
    `Un processus a coûté ${fmt(timeRatio, 1)} fois le temps de démarrage d'un thread` +
    (memoryRatio === null ? " ; la mémoire gagnée par le noyau pendant le thread était trop petite pour être mesurée." : `, et ${fmt(memoryRatio, 1)} fois la mémoire qu'il ajoute.`),
  startCostInverted: (timeRatio: number) =>
    `Ici, un processus a démarré en ${fmt(timeRatio, 1)} fois le temps d'un thread, pas plus : la mesure a été perturbée (machine occupée ?). Relancez la cellule.`,
  holdsApart: (holds: number) => `Les ${holds} barres pleines ne se chevauchent jamais : un seul thread tient le verrou à la fois.`,
  holdsOverlap: (pairs: number) => `${pairs} ${pairs > 1 ? "paires" : "paire"} de barres pleines ${pairs > 1 ? "se chevauchent" : "se chevauche"} : deux threads ont tenu le verrou en même temps. Ce ne serait pas un verrou !`,
  lockCost: (ratio: number) =>
    ratio >= 1.1
      ? `Avec le verrou, le compte est exact, mais le travail prend ${fmt(ratio, 1)} fois plus de temps : à chaque incrément, un thread prend et rend le verrou, et les threads s'attendent.`
      : `Avec le verrou, le compte est exact, et le travail n'a pris que ${fmt(ratio, 1)} fois le temps sans verrou : ici, les threads se sont peu attendus.`,
};
