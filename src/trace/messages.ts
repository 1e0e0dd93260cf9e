// This module's user-facing texts, in both languages (the merger moves them to src/messages/).
const MESSAGES = {
  fr: {
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
  },
  en: {
    kernel: "kernel",
    thread: (id: number) => `thread ${id}`,
    process: (pid: number) => `process ${pid}`,
    notStarted: "never started",
    summary: (events: number, tasks: number, seconds: string, dropped: number) =>
      `<trace: ${events} events, ${tasks} tasks, ${seconds} s${dropped ? `, ${dropped} events dropped (buffer full)` : ""}>`,
    exists: (file: string) => `${file} exists already: pass { overwrite: true } to save() to replace it, or choose another name`,
    notTrace: (value: string) => `this chart expects a trace (trace()) or its rows (t.events), got ${value}`,
    waiting: "waiting",
    holding: "held",
  },
};

export function text(): (typeof MESSAGES)["fr"] {
  return process.env.CONCURRENCE_LANG === "en" ? MESSAGES.en : MESSAGES.fr;
}
