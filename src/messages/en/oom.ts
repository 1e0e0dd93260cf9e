// What the kernel says after the system ended the previous kernel for its memory (kernel/oom.ts), in English: the type is the French file's.
import type { oom as fr } from "../fr/oom.js";

export const oom: typeof fr = {
  oomKilled: (limit) =>
    `⚠️ The previous kernel was ended by the system: it went past the memory limit ` +
    (limit ? `of ${limit} ` : "") +
    `set for each student on this server. Your saved files are intact, but the variables of the cells run ` +
    `before are lost: run the cells you need again, asking for less memory (smaller data or data in chunks, ` +
    `and don't keep arrays you no longer need).`,
};
