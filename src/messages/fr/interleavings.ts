// Messages of the interleavings explorer (src/interleavings/), in French.
export const interleavings = {
  unnamed: "modèle",
  sharedData: (got: string) =>
    `shared doit être un objet de données simples (nombres, chaînes, booléens, tableaux, objets), copié pour chaque exécution, reçu ${got}`,
  noThreads: "threads doit nommer au moins un thread, par exemple { A: function* (s, local) { ... } }",
  notGenerator: (name: string, got: string) =>
    `threads.${name} doit être une fonction génératrice, écrite function* (s, local) { ...; yield "étape"; }, reçu ${got}`,
  hiddenState: (thread: string, names: string[]) =>
    `le thread ${thread} garde ${names.map((n) => `\`${n}\``).join(", ")} d'une étape à l'autre (lu après un yield) dans une variable, ` +
    `que l'explorateur ne voit pas : rangez ${names.length > 1 ? "ces valeurs" : "cette valeur"} dans local (${names.map((n) => `local.${n}`).join(", ")}), ` +
    `qui fait partie de l'état exploré`,
  outsideState: (thread: string, names: string[]) =>
    `le thread ${thread} modifie ${names.map((n) => `\`${n}\``).join(", ")}, ${names.length > 1 ? "définis" : "défini"} hors du modèle : ` +
    `l'explorateur rejoue les threads et ne voit que s et local ; mettez ${names.length > 1 ? "ces valeurs" : "cette valeur"} dans shared ` +
    `(${names.map((n) => `s.${n}`).join(", ")}) si les threads la partagent, ou dans local si elle est à ce thread seul`,
  notModel: (where: string, got: string) => `${where} attend un modèle créé par model({ shared, threads }), reçu ${got}`,
  badYield: (thread: string, got: string) =>
    `le thread ${thread} a fait yield ${got} : faites yield d'une étiquette (yield "lire") ou d'une requête (yield acquire("verrou"))`,
  unknownLock: (lock: string, known: string[], thread: string) =>
    `le thread ${thread} utilise le verrou « ${lock} », que le modèle ne déclare pas : ajoutez-le à locks (verrous déclarés : ${known.length ? known.join(", ") : "aucun"})`,
  notHeld: (thread: string, lock: string) => `le thread ${thread} libère « ${lock} » sans le tenir : chaque release suit un acquire du même thread`,
  queued: (lock: string) => `attend ${lock}`,
  threw: "erreur",
  end: "fin",
  nondeterministic: (thread: string) =>
    `le thread ${thread} ne refait pas les mêmes pas quand on rejoue son passé : un thread de modèle doit être déterministe ` +
    `(pas de Math.random ni de Date) et garder ce qu'il retient d'une étape à l'autre dans local (local.i, pas let i)`,
  replayDiverged: (thread: string, step: number) =>
    `le modèle n'est pas déterministe : en le rejouant, le thread ${thread} ne peut plus faire l'étape ${step}`,
  stateLimit: (model: string, limit: number) =>
    `l'exploration de « ${model} » dépasse ${limit} états : réduisez le modèle (moins de threads ou d'étapes), ` +
    `relevez la limite avec explore(modèle, { maxStates: ${limit * 10} }), ou tirez des exécutions au hasard avec sample(modèle, { runs: 1000 })`,
  unknownThread: (got: string, known: string[], step: number) =>
    `étape ${step} : « ${got} » n'est pas un thread du modèle (threads : ${known.join(", ")})`,
  cannotMove: (step: number, thread: string, why: string) => `étape ${step} : le thread ${thread} ne peut pas avancer, il ${why}`,
  waitsFor: (what: string) => `est bloqué (${what})`,
  hasFinished: "a fini",
  failed: (message: string) => `a levé une erreur (${message})`,
  sampleSeed: (runs: number, strategy: string, seed: number) =>
    `sample : ${runs} exécutions, stratégie ${strategy}, graine ${seed} (la même graine rejoue les mêmes ordonnancements : { seed: ${seed} })`,
  strategy: (got: string) => `options.strategy doit valoir "random" ou "pct", reçu ${got}`,
  notExploration: (got: string) => `ce graphique attend le résultat de explore() ou de sample(), reçu ${got}`,
  notRows: (got: string) => `ce graphique attend les lignes de replay(), reçu ${got}`,
  final: "état final",
  interleavings: "entrelacements",
  deadlock: "interblocage",
  failure: "erreur",
  step: "étape",
  line: "ligne",
  runs: "exécutions",
  sharedAfter: "état partagé après",
  label: "pas",
};
