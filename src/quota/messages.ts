// The user-facing texts of src/quota/, French by default and English with CONCURRENCE_LANG=en.
// One table, so that they can move into the library's message catalog as they are.
const MESSAGES = {
  fr: {
    badCpus: (value: string) =>
      `CONCURRENCE_CPUS doit être un entier positif (le nombre de CPU que cpuCount() annonce), reçu \`${value}\` : ` +
      `corrigez la variable d'environnement ou supprimez-la pour suivre le quota du système`,
    badMaxWorkers: (value: string) =>
      `CONCURRENCE_MAX_WORKERS doit être un entier positif (le plafond de workers d'un noyau), reçu \`${value}\` : ` +
      `corrigez la variable d'environnement ou supprimez-la pour n'avoir aucun plafond`,
    overLimit: (what: string, requested: number, inUse: number, limit: number) =>
      `${what} demande ${requested} worker${requested > 1 ? "s" : ""}, mais ce noyau ` +
      (inUse > 0 ? `en a déjà ${inUse} en service et ` : "") +
      `ne peut pas en avoir plus de ${limit} à la fois (CONCURRENCE_MAX_WORKERS=${limit}, fixé pour partager la machine) : ` +
      `demandez moins de workers (par exemple { workers: cpuCount() }), ou fermez d'abord les pools ouverts avec \`await pool.close()\``,
  },
  en: {
    badCpus: (value: string) =>
      `CONCURRENCE_CPUS must be a positive integer (the number of CPUs cpuCount() reports), got \`${value}\`: ` +
      `fix the environment variable, or remove it to follow the system's quota`,
    badMaxWorkers: (value: string) =>
      `CONCURRENCE_MAX_WORKERS must be a positive integer (the most workers one kernel may have), got \`${value}\`: ` +
      `fix the environment variable, or remove it for no ceiling`,
    overLimit: (what: string, requested: number, inUse: number, limit: number) =>
      `${what} asks for ${requested} worker${requested > 1 ? "s" : ""}, but this kernel ` +
      (inUse > 0 ? `already has ${inUse} in use and ` : "") +
      `may not have more than ${limit} at once (CONCURRENCE_MAX_WORKERS=${limit}, set to share the machine): ` +
      `ask for fewer workers (for example { workers: cpuCount() }), or first close the open pools with \`await pool.close()\``,
  },
};

export function messages(): (typeof MESSAGES)["fr"] {
  return process.env.CONCURRENCE_LANG === "en" ? MESSAGES.en : MESSAGES.fr;
}
