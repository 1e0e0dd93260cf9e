// Checkers of notebook 06: a gpu.js kernel against its CPU reference, on inputs drawn at check time.
// A hint names the fault it recognises (which cells were read), never the line to write.
import type { Gpu, KernelThis } from "../gpu/index.js";
import { draw, expect, say, verdict } from "./check.js";

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(b));
const randoms = (n: number) => Array.from({ length: n }, () => Math.round((Math.random() * 20 - 10) * 100) / 100);
const same = (got: number[], want: number[]) => got.length === want.length && got.every((v, i) => close(v, want[i]));
const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

/**
 * Exercise: a reduction's first step. The kernel's thread x adds up block x of the vector:
 * the `bloc` values from x·bloc, but none at or past `n` (the vector holds more than n values:
 * the rest is a buffer's unused tail). `bloc` and `n` come as `this.constants`.
 */
export function blockSums(gpu: Gpu, kernel: (this: KernelThis, v: number[]) => number): Promise<void> {
  return verdict(async () => {
    const bloc = draw(3, 9);
    const blocks = draw(5, 12);
    const n = (blocks - 1) * bloc + draw(1, bloc - 1); // the last block is incomplete
    const v = [...randoms(n), ...Array.from({ length: bloc + draw(1, 5) }, () => 1000 + draw(0, 999))];
    const run = gpu.createKernel(kernel, { output: [blocks], constants: { bloc, n } });
    const got = Array.from(run(v) as Float32Array);
    const block = (x: number, start: number, end: number) => sum(v.slice(start, Math.min(end, v.length)));
    const want = Array.from({ length: blocks }, (_, x) => block(x, x * bloc, Math.min((x + 1) * bloc, n)));
    if (!same(got, want)) {
      const x = got.findIndex((g, i) => !close(g, want[i]));
      const unbounded = Array.from({ length: blocks }, (_, i) => block(i, i * bloc, (i + 1) * bloc));
      const sliding = Array.from({ length: blocks }, (_, i) => block(i, i, Math.min(i + bloc, n)));
      const hint = same(got, unbounded)
        ? say(`le dernier bloc vaut ${got[blocks - 1]} au lieu de ${want[blocks - 1]} : il a additionné des cases au-delà de n = ${n}, celles de la fin du tampon, qui ne sont pas des données. Un thread doit s'arrêter à n même au milieu de son bloc.`,
          `the last block is ${got[blocks - 1]} instead of ${want[blocks - 1]}: it added cells at or past n = ${n}, the buffer's tail, which is no data. A thread must stop at n even in the middle of its block.`)
        : same(got, sliding) || (x > 0 && close(got[x], sliding[x]))
          ? say(`le bloc ${x} vaut ${got[x]}, la somme de ${bloc} cases à partir de la case ${x} : les blocs se chevauchent. Le thread x commence au début de SON bloc, x blocs de ${bloc} cases plus loin.`,
            `block ${x} is ${got[x]}, the sum of ${bloc} cells from cell ${x}: the blocks overlap. Thread x starts at the beginning of ITS block, x blocks of ${bloc} cells further.`)
          : say(`le bloc ${x} vaut ${got[x]} au lieu de ${want[x]} (bloc = ${bloc}, n = ${n}, ${blocks} blocs) : le thread x doit additionner les cases de son bloc, et seulement celles-là.`,
            `block ${x} is ${got[x]} instead of ${want[x]} (bloc = ${bloc}, n = ${n}, ${blocks} blocks): thread x must add the cells of its block, and only those.`);
      expect(false, hint);
    }
    return say(
      `${blocks} sommes de blocs de ${bloc} cases, le dernier incomplet (n = ${n}), justes en mode ${gpu.mode} : il ne reste que ${blocks} nombres à additionner au lieu de ${n}.`,
      `${blocks} sums of blocks of ${bloc} cells, the last one incomplete (n = ${n}), right in ${gpu.mode} mode: only ${blocks} numbers are left to add instead of ${n}.`);
  });
}

/** Exercise: a kernel that transposes a matrix: output[y][x] = m[x][y]. */
export function transposeKernel(gpu: Gpu, kernel: (this: KernelThis, m: number[][]) => number): Promise<void> {
  return verdict(async () => {
    const cols = draw(3, 10);
    const rows = cols + draw(1, 4); // never square, and taller than wide: a copy reads inside m's rows
    const m = Array.from({ length: rows }, () => randoms(cols));
    // output: [largeur, hauteur] = [rows, cols] : la transposée a cols lignes de rows valeurs.
    const run = gpu.createKernel(kernel, { output: [rows, cols] });
    const got = (run(m) as Float32Array[]).map((row) => Array.from(row));
    let bad: [number, number] | undefined;
    for (let i = 0; i < cols && !bad; i++) for (let j = 0; j < rows && !bad; j++) if (!close(got[i]?.[j] ?? NaN, m[j][i])) bad = [i, j];
    if (bad) {
      const [i, j] = bad;
      const value = got[i]?.[j];
      const copied = i < rows && j < cols && close(value ?? NaN, m[i][j]);
      expect(false, copied
        ? say(`pour une matrice ${rows}×${cols}, la case (x = ${j}, y = ${i}) de la sortie vaut ${value}, la valeur de la ligne ${i} et de la colonne ${j} de m : vous avez recopié m au lieu de la transposer. La ligne y de la sortie est la colonne y de m.`,
          `for a ${rows}×${cols} matrix, output cell (x = ${j}, y = ${i}) is ${value}, the value at row ${i}, column ${j} of m: you copied m instead of transposing it. Row y of the output is column y of m.`)
        : say(`pour une matrice ${rows}×${cols}, la case (x = ${j}, y = ${i}) de la sortie vaut ${value} au lieu de ${m[j][i]}, la valeur de la ligne ${j} et de la colonne ${i} de m : quel thread lit quelle case ?`,
          `for a ${rows}×${cols} matrix, output cell (x = ${j}, y = ${i}) is ${value} instead of ${m[j][i]}, the value at row ${j}, column ${i} of m: which thread reads which cell?`));
    }
    return say(`la transposée ${cols}×${rows} calculée en mode ${gpu.mode} est celle du CPU.`, `the ${cols}×${rows} transpose computed in ${gpu.mode} mode matches the CPU.`);
  });
}
