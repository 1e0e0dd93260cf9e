// Messages of the kernel about the names of a cell that failed (kernel/names.ts), in English: the type is the French file's.
import type { names as fr } from "../fr/names.js";

export const names: typeof fr = {
  unreached: (name, count, line) =>
    `'${name}' has no value: ` +
    (count === undefined ? "the cell that defines it" : `cell In[${count}]`) +
    ` failed${line === undefined ? "" : ` at line ${line}`} before reaching its definition. ` +
    `Fix that cell and run it again (the names defined before the error can be used).`,
};
