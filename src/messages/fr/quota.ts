// Messages of the CPU quota and the workers' ceiling (src/quota/), in French.
export const quota = {
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
};
