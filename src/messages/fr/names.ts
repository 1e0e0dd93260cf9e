// Messages of the kernel about the names of a cell that failed (kernel/names.ts), in French.
export const names = {
  /** A name that a failed cell declared but never reached; `count` and `line` when known. */
  unreached: (name: string, count?: number, line?: number) =>
    `« ${name} » n'a pas de valeur : ` +
    (count === undefined ? "la cellule qui le définit" : `la cellule In[${count}]`) +
    ` a échoué${line === undefined ? "" : ` à la ligne ${line}`} avant d'arriver à sa définition. ` +
    `Corrigez cette cellule et ré-exécutez-la (les noms définis avant l'erreur sont, eux, utilisables).`,
};
