// The library's and the kernel's messages in French, the course's language (the default).
// Each entry is a function of what the message names; en.ts has the same keys.

const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);

export const fr = {
  options: {
    positiveInteger: (name: string, got: string) => `${name} doit être un entier strictement positif, reçu ${got}`,
    nonNegativeNumber: (name: string, got: string) => `${name} doit être un nombre >= 0, reçu ${got}`,
    func: (name: string, got: string) => `${name} doit être une fonction, reçu ${got}`,
    array: (name: string, got: string) => `${name} doit être un tableau, reçu ${got}`,
    object: (name: string, got: string) => `${name} doit être un objet, reçu ${got}`,
    waitTimeout: (name: string, got: string) => `${name} doit être un nombre de millisecondes >= 0 (ou Infinity), reçu ${got}`,
    taskTimeout: (name: string, got: string) => `${name} doit être un nombre de millisecondes > 0, reçu ${got}`,
    nonNegativeInteger: (name: string, got: string) => `${name} doit être un entier >= 0, reçu ${got}`,
    signal: (name: string, got: string) => `${name} doit être un AbortSignal (new AbortController().signal), reçu ${got}`,
    iterable: (name: string, got: string) => `${name} doit être un itérable (un tableau, un Set, un générateur...), reçu ${got}`,
    oneOf: (name: string, allowed: string, got: string) => `${name} doit valoir l'une de ces valeurs : ${allowed}, reçu ${got}`,
    numberInRange: (name: string, min: number, max: number, got: string) => `${name} doit être un nombre de ${min} à ${max}, reçu ${got}`,
    integerInRange: (name: string, min: number, max: number, got: string) => `${name} doit être un entier de ${min} à ${max}, reçu ${got}`,
    string: (name: string, got: string) => `${name} doit être une chaîne de caractères, reçu ${got}`,
    nonEmpty: (name: string, got: string) => `${name} ne doit pas être vide, reçu ${got}`,
    boolean: (name: string, got: string) => `${name} doit valoir true ou false, reçu ${got}`,
    seed: (got: string) => `seed doit être un entier, reçu ${got}`,
    bindToCell: (got: string) => `bindToCell prend un abonnement (avec unsubscribe()), un objet avec dispose() ou une fonction, reçu ${got}`,
  },
  functions: {
    named: (name: string) => `la fonction \`${name}\``,
    anonymous: "cette fonction",
    notSelfContained: (fn: string, variables: readonly string[]) => {
      const list = variables.map((v) => `\`${v}\``).join(", ");
      const many = variables.length > 1;
      return (
        `${fn} utilise ${list}, ${plural(variables.length, "défini", "définis")} hors de la fonction. ` +
        `Une fonction exécutée dans un thread ou un processus ne voit que son propre code : ` +
        `${many ? "passez-les en arguments" : "passez-la en argument"}, ou faites require() des modules dans la fonction.`
      );
    },
    native: (name: string, fn: string) =>
      `${name} doit être une fonction écrite en JavaScript ou en TypeScript, reçu une fonction native ou liée (${fn || "anonyme"}) ; ` +
      `enveloppez-la : (x) => votreFonction(x)`,
    unreadable: (name: string) =>
      `${name} n'a pas pu être relue depuis son code source ; définissez-la avec \`function\` ou comme fonction fléchée`,
    neverReached: (id: number) => `la fonction n°${id} n'est jamais arrivée dans ce worker`,
    notCloneable: (where: string, what: string) =>
      `${where} ne peut pas être envoyé à un autre thread ou processus : ${what}. ` +
      `Passez des nombres, des chaînes, des booléens, des tableaux, des objets simples, des Map, des Set, des Date ou des tableaux typés ; ` +
      `les fonctions, les sockets et les instances de classes à méthodes ne peuvent pas être copiés.`,
  },
  pool: {
    closed: (kind: string) => `le pool est fermé ; créez un nouveau ${kind}`,
    cancelled: "la tâche a été annulée",
    terminated: "le pool a été arrêté (terminate)",
    cancelledBySignal: "la tâche a été annulée par son AbortSignal",
    timedOut: (ms: number) => `la tâche a dépassé son délai (${ms} ms) et a été arrêtée`,
    threadExited: (code: number) => `le worker thread s'est terminé avec le code ${code} pendant cette tâche ; le pool l'a remplacé`,
    threadOutOfMemory: (limit: string) =>
      `le worker thread a manqué de mémoire (maxMemoryMb : ${limit}) pendant cette tâche ; le pool l'a remplacé`,
    nodeDefault: "la valeur par défaut de Node",
    threadCrashed: (why: string) => `le worker thread a planté pendant cette tâche (${why}) ; le pool l'a remplacé`,
    childExited: (pid: number | undefined, exit: string) => `le processus enfant ${pid} ${exit} pendant cette tâche ; le pool l'a remplacé`,
  },
  threads: {
    startedTwice: "un thread ne démarre qu'une fois ; créez un nouveau Thread pour le relancer",
    terminated: "le thread a été arrêté (terminate)",
    endedEarly: (code: number) => `le thread s'est terminé avant que sa fonction ne rende son résultat (code de sortie ${code})`,
  },
  processes: {
    startedTwice: "un processus ne démarre qu'une fois ; créez un nouveau Process pour le relancer",
    terminated: "le processus a été arrêté (terminate)",
    endedEarly: (pid: number | undefined, exit: string) => `le processus ${pid} ${exit} avant que sa fonction ne rende son résultat`,
    killed: (signal: string) => `a été tué par ${signal}`,
    exited: (code: number | null) => `s'est terminé avec le code ${code}`,
    kernelGone: "le noyau qui détient cette file n'existe plus",
    queueOnlyInKernel: (what: string) =>
      `queue.${what} n'est pas disponible dans un processus enfant (la file vit dans le noyau) : utilisez get() avec un délai, ou poll()`,
    channelThroughQueue: "une Queue ou un Pipe ne peut pas passer par une file",
    onlyQueues: "seule une Queue (ou un Pipe) peut être prêtée à un processus enfant",
    queueDisposed: "cette file a été libérée : la cellule qui l'a créée a été relancée",
    childEnded: "le processus enfant s'est terminé",
  },
  memory: {
    acrossProcesses: (what: string) =>
      `${what} vit en mémoire partagée (un SharedArrayBuffer), et un processus enfant a sa propre mémoire : on ne peut pas l'envoyer à un Process ni à un ProcessPool. ` +
      `Exécutez la fonction dans un Thread ou un ThreadPool pour la partager, ou échangez des valeurs avec une Queue ou un Pipe, qui fonctionnent entre processus ` +
      `(le parent détient les données, comme un manager de multiprocessing).`,
  },
  http: {
    status: (url: string, status: number, text: string) => `GET ${url} a répondu ${status}${text ? ` ${text}` : ""}`,
    timeout: (url: string, ms: number) =>
      `GET ${url} n'a pas reçu de réponse complète en ${ms} ms (options.timeoutMs) : augmentez le délai ou vérifiez le serveur`,
  },
  hints: {
    notInstalled: (root: string) => `la bibliothèque n'est pas installée : lancez \`npm install\` dans ${root}, puis redémarrez le noyau.`,
    outside: (folder: string, root: string) =>
      `le dossier de ce notebook (${folder}) est hors du projet concurrence : ouvrez les notebooks depuis ${root} ou un dossier à l'intérieur, où \`concurrence\` est installé.`,
    noNodeTypes: (folder: string, root: string) =>
      `@types/node est introuvable depuis ${folder} : lancez \`npm install\` dans ${root}, puis redémarrez le noyau.`,
  },
  kernel: {
    line: "ligne",
    colon: " : ",
    column: "colonne",
    cell: (count: number) => `Cellule In[${count}]`,
    in: "dans",
    hint: "Conseil",
    andMore: (n: number) => ` (et ${n} autre${n > 1 ? "s" : ""})`,
    interrupted: "la cellule a été interrompue ; ses tâches en cours ont été annulées et le noyau est prêt",
    noReason:
      "TypeScript n'a pas pu compiler cette cellule et n'a pas donné de raison. Le plus souvent, @types/node manque : " +
      "lancez `npm install` dans le projet concurrence, puis redémarrez le noyau.",
    nothingKnown: (name: string) => `Rien n'est connu de \`${name}\` ici.`,
    cause: "Cause :",
  },
};

export type Messages = typeof fr;
