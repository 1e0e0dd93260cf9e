// The library's and the kernel's messages in French, the course's language (the default).
// Each entry is a function of what the message names; en.ts has the same keys.
// Newer areas have their own file in fr/ (and en/), so that each file stays small.
import { interleavings } from "./fr/interleavings.js";
import { names } from "./fr/names.js";
import { debuggerText } from "./fr/debugger.js";
import { oom } from "./fr/oom.js";
import { quota } from "./fr/quota.js";
import { lesson08, lesson09, lesson10 } from "./fr/lessons-io-pools.js";
import { trace } from "./fr/trace.js";
import { widgets } from "./fr/widgets.js";
import { scheduler } from "./fr/scheduler.js";
import { lessons0103 } from "./fr/lessons0103.js";

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
    notStarted: "le thread n'a pas démarré : appelez start() avant join()",
    startedTwice: "un thread ne démarre qu'une fois ; créez un nouveau Thread pour le relancer",
    terminated: "le thread a été arrêté (terminate)",
    endedEarly: (code: number) => `le thread s'est terminé avant que sa fonction ne rende son résultat (code de sortie ${code})`,
  },
  processes: {
    notStarted: "le processus n'a pas démarré : appelez start() avant join()",
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
    what: (where: string, kind: string) => `${where} (${kind})`,
    acrossProcesses: (what: string) =>
      `${what} vit en mémoire partagée (un SharedArrayBuffer), et un processus enfant a sa propre mémoire : on ne peut pas l'envoyer à un Process ni à un ProcessPool. ` +
      `Exécutez la fonction dans un Thread ou un ThreadPool pour la partager, ou échangez des valeurs avec une Queue ou un Pipe, qui fonctionnent entre processus ` +
      `(le parent détient les données, comme un manager de multiprocessing).`,
  },
  where: {
    argument: "argument",
    item: "élément",
    result: "le résultat",
    theItem: "l'élément",
    thisItem: "Cet élément",
    itsLock: "son verrou",
    aPipe: "un pipe",
    argOfProcess: "Un argument de ce processus",
    argOfThread: "Un argument de ce thread",
    argOfTask: "Un argument de cette tâche",
  },
  sync: {
    onlyFromKernel: (what: string) => `${what} ne peut être envoyé à un processus enfant que depuis le processus qui l'a créé (le noyau)`,
    functionArgument: (where: string, name: string) =>
      `${where} est une fonction (${name || "anonyme"}), et une fonction ne peut pas être envoyée à un autre thread ou processus : ` +
      `définissez-la dans la fonction que vous exécutez, ou envoyez les données dont elle a besoin.`,
    liveHandle: (where: string, kind: string) =>
      `${where} est un ${kind}, qui tient une ressource vivante (un socket, un flux, un worker...) qui n'existe qu'ici : ` +
      `on ne peut pas l'envoyer à un autre thread ou processus. Envoyez des données simples (un port, un chemin...) et ouvrez-la de l'autre côté.`,
    cannotRevive: (kind: string) => `un ${kind} ne peut pas être utilisé ici`,
    conditionLock: (got: string) => `lock doit être un Lock ou un RLock, reçu ${got}`,
    conditionNotHeld: (what: string) => `${what}() demande le verrou de la condition : appelez d'abord acquire() (ou utilisez with())`,
    pipeReceivesOnly: "ce bout d'un Pipe à sens unique ne fait que recevoir : faites send() depuis l'autre bout",
    pipeSendsOnly: (call: string) => `ce bout d'un Pipe à sens unique ne fait qu'envoyer : faites ${call} depuis l'autre bout`,
    pipeSendClosed: "send() sur un pipe fermé",
    pipeClosed: "le pipe est fermé : l'autre bout a appelé close() et il ne reste rien à recevoir",
    duplex: (got: string) => `options.duplex doit être un booléen, reçu ${got}`,
    queueBytes: (max: number, got: number) => `options.bytes doit être entre 64 et ${max}, reçu \`${got}\``,
    sharedThroughQueue: "un Lock, une Queue ou un sharedValue ne peut pas passer par une file : passez-le en argument au thread",
    itemTooBig: (bytes: number, room: number) =>
      `cet élément prend ${bytes} octets, plus que la file ne peut en contenir (${room}) : créez la Queue avec une option bytes plus grande`,
    putClosed: "put() sur une file fermée : elle ne prend plus d'éléments",
    queueFull: (ms: number | undefined) => `la file est restée pleine pendant ${ms} ms`,
    queueClosed: "la file est fermée et vide",
    queueEmpty: (ms: number | undefined) => `rien n'est arrivé dans la file en ${ms} ms`,
    lockNotHeld: "release() sur un Lock qui n'est pas pris : chaque release() doit suivre un acquire()",
    rlockNotHeld: "release() sur un RLock que ce thread ne détient pas : seul son détenteur peut le relâcher",
    lockTimeout: (ms: number | undefined) => `le verrou n'a pas été pris en ${ms} ms, donc la fonction n'a pas été exécutée`,
    initial: (got: string) => `initial doit être un nombre, reçu ${got}`,
    addNotAtomic: (type: string) => `add() n'est atomique que pour les types entiers, pas "${type}" : protégez \`value\` avec un Lock`,
    delta: (got: string) => `delta doit être un nombre, reçu ${got}`,
    waitInterrupted: (why: string) => `l'attente a été interrompue : ${why}`,
    waitDisposed: "l'attente a été annulée : sa cellule a été relancée",
    waitCancelled: "l'attente a été annulée",
    tooManyParties: (max: number, got: number) => `parties doit valoir au plus ${max}, reçu \`${got}\``,
    barrierTimeout: (waiting: number, parties: number) => `la barrière a expiré avec ${waiting} participants sur ${parties} en attente`,
    barrierBroken: "la barrière est cassée (abandonnée, ou un participant a expiré) : créez une nouvelle Barrier",
    tooManyReleases: (would: number, bound: number) =>
      `BoundedSemaphore relâché trop de fois : il aurait ${would} places, plus que ses ${bound}`,
  },
  http: {
    status: (url: string, status: number, text: string) => `GET ${url} a répondu ${status}${text ? ` ${text}` : ""}`,
    timeout: (url: string, ms: number) =>
      `GET ${url} n'a pas reçu de réponse complète en ${ms} ms (options.timeoutMs) : augmentez le délai ou vérifiez le serveur`,
  },
  io: {
    reRun: "la cellule qui a lancé ces requêtes a été relancée",
    noStatuses: "options.failureStatuses doit contenir au moins un statut, reçu `[]`",
    urlString: (name: string, got: string) => `${name} doit être une URL (une chaîne), reçu ${got}`,
    absoluteUrl: (name: string, got: string) => `${name} doit être une URL absolue comme http://127.0.0.1:8080/page.html, reçu ${got}`,
    httpUrl: (name: string, got: string) => `${name} doit être une URL http: ou https:, reçu ${got}`,
    category: (got: string) => `category ne doit contenir que a-z, 0-9 et -, reçu \`${got}\``,
    sameFile: (i: number, before: number, file: string) =>
      `jobs[${i}].file répète jobs[${before}].file (${file}) : deux téléchargements ne doivent pas écrire le même fichier`,
    rgbBytes: (wanted: number, got: number) => `rgb doit contenir ${wanted} octets, reçu ${got}`,
    maxDepth: (got: string) => `options.maxDepth doit être un entier >= 0 ou Infinity, reçu ${got}`,
  },
  gpu: {
    buildHint:
      "approuvez sa compilation (npm install-scripts approve gl), installez libxi-dev libglu1-mesa-dev libglew-dev pkg-config " +
      "libx11-dev libxext-dev, puis lancez npm rebuild gl",
    glMissing: (hint: string) => `le paquet \`gl\` (headless-gl) n'est pas installé : ${hint}`,
    glBroken: (why: string, hint: string) => `le paquet \`gl\` est installé mais son module natif ne s'est pas chargé (${why}) : ${hint}`,
    noDisplay:
      "headless-gl a besoin d'un affichage X et DISPLAY n'est pas défini : utilisez le noyau concurrence (il démarre Xvfb), ou lancez le programme avec xvfb-run",
    noContext: (display: string) => `headless-gl n'a pas pu ouvrir de contexte WebGL sur l'affichage X ${display}`,
    onGl: (display: string | undefined, software: boolean) =>
      `headless-gl a ouvert un contexte WebGL sur l'affichage X ${display}, donc gpu.js compile les noyaux en shaders GLSL. ` +
      (software
        ? "Le rendu est logiciel : les shaders tournent sur les cœurs du CPU, pas sur une carte graphique."
        : "Les shaders tournent sur la carte graphique."),
    withoutGl: (problem: string, wasm: boolean) =>
      `${problem}. Donc gpu.js ${wasm ? "compile les noyaux en WebAssembly, qui tourne sur le CPU." : "exécute les noyaux en JavaScript simple, sur le CPU."}`,
    unavailable: (mode: string, why: string) => `le backend ${mode} ne peut pas fonctionner ici : ${why}`,
    noWasm: "cet environnement n'a pas de WebAssembly",
    output: (got: string) => `settings.output doit être un tableau de 1 à 3 tailles, comme [1024] ou [colonnes, lignes], reçu ${got}`,
    disposed: "ce Gpu a été libéré (sa cellule a été relancée ?) : créez-en un nouveau avec new Gpu()",
    comparable: (name: string, got: string) => `${name} doit être un vecteur, une matrice ou un résultat avec counts, reçu ${got}`,
    shapes: (actual: number, expected: number) => `actual a ${actual} valeurs et expected ${expected} : ils doivent avoir la même forme`,
    mismatch: (bad: number, total: number, abs: string, rel: string) =>
      `${bad} valeurs sur ${total} s'écartent de la référence au-delà de la tolérance (plus grande erreur absolue ${abs}, relative ${rel})`,
    center: (got: string) => `options.center doit être [re, im], deux nombres finis, reçu ${got}`,
    zoom: (got: string) => `options.zoom doit être un nombre > 0, reçu ${got}`,
    mandelbrotImage: (got: string) => `mandelbrotImage prend ce que rend mandelbrot() : { width, height, maxIterations, counts }, reçu ${got}`,
    op: (allowed: string, got: string) => `op doit valoir l'une de ces valeurs : ${allowed}, reçu ${got}`,
    vector: (name: string, got: string) => `${name} doit être un tableau de nombres (number[] ou un tableau typé), reçu ${got}`,
    empty: (name: string) => `${name} ne doit pas être vide`,
    number: (name: string, got: string) => `${name} doit être un nombre, reçu ${got}`,
    matrix: (name: string, got: string) => `${name} doit être une matrice : un tableau non vide de lignes (number[][] ou Float32Array[]), reçu ${got}`,
    ragged: (name: string, width: number, i: number, length: number) =>
      `${name} doit avoir des lignes de même longueur : ${name}[0] a ${width} nombres, ${name}[${i}] en a ${length}`,
    product: (ah: number, aw: number, bh: number, bw: number) =>
      `impossible de multiplier une matrice ${ah}×${aw} par une matrice ${bh}×${bw} : les colonnes de a (${aw}) doivent égaler les lignes de b (${bh})`,
    sameLength: (a: number, b: number) => `a et b doivent avoir la même longueur, reçu ${a} et ${b}`,
  },
  display: {
    rows: (got: string) => `rows doit être un tableau d'objets, reçu ${got}`,
    captions: (files: number, got: number) => `options.captions doit contenir une légende par fichier (${files}), reçu ${got}`,
    path: (name: string, got: string) => `${name} doit être un chemin (une chaîne), reçu ${got}`,
    picture: (name: string, got: string) => `${name} doit être une image .png, .jpg, .gif ou .webp, reçu ${got}`,
  },
  bench: {
    emptySweep: "options.modes et options.workers ne doivent pas être vides",
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
  trace,
  quota,
  lesson08,
  lesson09,
  lesson10,
  oom,
  widgets,
  interleavings,
  scheduler,
  names,
  lessons0103,
  debugger: debuggerText,
};

export type Messages = typeof fr;
