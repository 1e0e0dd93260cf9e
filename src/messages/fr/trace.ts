// Messages of the trace's lanes, summary, save() and charts (src/trace/, src/plot/), in French.
export const trace = {
  kernel: "noyau",
  thread: (id: number) => `thread ${id}`,
  process: (pid: number) => `processus ${pid}`,
  notStarted: "jamais démarrée",
  summary: (events: number, tasks: number, seconds: string, dropped: number) =>
    `<trace : ${events} événements, ${tasks} tâches, ${seconds} s${dropped ? `, ${dropped} événements perdus (tampon plein)` : ""}>`,
  exists: (file: string) => `${file} existe déjà : passez { overwrite: true } à save() pour le remplacer, ou choisissez un autre nom`,
  notTrace: (value: string) => `ce graphique attend une trace (trace()) ou ses lignes (t.events), reçu ${value}`,
  waiting: "attente",
  holding: "tenu",
};
