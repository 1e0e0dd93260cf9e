// Messages of JupyterLab's debugger on the course's kernel (kernel/debug/), in French.
export const debuggerText = {
  cellFrame: (count: number) => `Cellule [${count}]`,
  locals: "Variables locales",
  globals: "Noms du notebook",
  lockHeld: "pris",
  lockFree: "libre",
  notPaused: "le noyau n'est pas arrêté sur un point d'arrêt : posez-en un dans une cellule, puis exécutez-la",
  unknownFrame: "cette pile d'appels n'existe plus : le code a repris depuis ; attendez le prochain arrêt",
  unknownVariables: "ces variables n'existent plus : le code a repris depuis ; dépliez-les au prochain arrêt",
  unknownSource: (path: string) => `source inconnue : ${path} (exécutez la cellule à nouveau avec le débogueur actif)`,
  unsupported: (command: string) => `la commande « ${command} » du débogueur n'est pas prise en charge par ce noyau`,
  evaluateFailed: (message: string) => `l'évaluation a échoué : ${message}`,
};
