// What the kernel says after the system ended the previous kernel for its memory (kernel/oom.ts), in French.
export const oom = {
  oomKilled: (limit: string | undefined) =>
    `⚠️ Le noyau précédent a été arrêté par le système : il a dépassé la limite de mémoire ` +
    (limit ? `de ${limit} ` : "") +
    `fixée pour chaque étudiant sur ce serveur. Vos fichiers enregistrés sont intacts, mais les variables ` +
    `des cellules exécutées avant sont perdues : relancez les cellules utiles, en demandant moins de mémoire ` +
    `(des données plus petites ou traitées par morceaux, et ne gardez pas les tableaux dont vous n'avez plus besoin).`,
};
