// Checkers of notebook 06: a gpu.js kernel against its CPU reference, on inputs drawn at check time.
import type { Gpu, KernelThis } from "../gpu/index.js";
import { draw, expect, say, verdict } from "./check.js";

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(b));
const randoms = (n: number) => Array.from({ length: n }, () => Math.round((Math.random() * 20 - 10) * 100) / 100);

/** Exercise: a kernel computing a * x[i] + y[i] (saxpy), on the notebook's Gpu. */
export function saxpyKernel(gpu: Gpu, kernel: (this: KernelThis, a: number, x: number[], y: number[]) => number): Promise<void> {
  return verdict(async () => {
    const n = draw(64, 256);
    const a = draw(-50, 50) / 10;
    const [x, y] = [randoms(n), randoms(n)];
    const run = gpu.createKernel(kernel, { output: [n] });
    const got = Array.from(run(a, x, y) as Float32Array);
    const wrong = got.findIndex((v, i) => !close(v, a * x[i] + y[i]));
    expect(got.length === n && wrong < 0, say(
      `case ${wrong} : le noyau donne ${got[wrong]}, le CPU ${a * x[wrong] + y[wrong]} (a = ${a}, x = ${x[wrong]}, y = ${y[wrong]}). Le noyau calcule la seule case this.thread.x : return a * x[this.thread.x] + y[this.thread.x].`,
      `cell ${wrong}: the kernel gives ${got[wrong]}, the CPU ${a * x[wrong] + y[wrong]} (a = ${a}, x = ${x[wrong]}, y = ${y[wrong]}). The kernel computes the one cell this.thread.x: return a * x[this.thread.x] + y[this.thread.x].`));
    return say(`les ${n} cases calculées en mode ${gpu.mode} sont celles du CPU (à 1e-4 près, en float32).`, `the ${n} cells computed in ${gpu.mode} mode match the CPU (within 1e-4, in float32).`);
  });
}

/** Exercise: a kernel that transposes a matrix: output[y][x] = m[x][y]. */
export function transposeKernel(gpu: Gpu, kernel: (this: KernelThis, m: number[][]) => number): Promise<void> {
  return verdict(async () => {
    const rows = draw(3, 12);
    const cols = draw(3, 12);
    const m = Array.from({ length: rows }, () => randoms(cols));
    // output: [largeur, hauteur] = [rows, cols] : la transposée a cols lignes de rows valeurs.
    const run = gpu.createKernel(kernel, { output: [rows, cols] });
    const got = (run(m) as Float32Array[]).map((row) => Array.from(row));
    let bad: [number, number] | undefined;
    for (let i = 0; i < cols && !bad; i++) for (let j = 0; j < rows && !bad; j++) if (!close(got[i]?.[j] ?? NaN, m[j][i])) bad = [i, j];
    expect(!bad, say(
      `pour une matrice ${rows}×${cols}, la case [${bad?.[0]}][${bad?.[1]}] vaut ${got[bad?.[0] ?? 0]?.[bad?.[1] ?? 0]} au lieu de ${bad ? m[bad[1]][bad[0]] : ""} : la case (x, y) de la sortie est m[x][y], soit return m[this.thread.x][this.thread.y].`,
      `for a ${rows}×${cols} matrix, cell [${bad?.[0]}][${bad?.[1]}] is ${got[bad?.[0] ?? 0]?.[bad?.[1] ?? 0]} instead of ${bad ? m[bad[1]][bad[0]] : ""}: output cell (x, y) is m[x][y], that is return m[this.thread.x][this.thread.y].`));
    return say(`la transposée ${cols}×${rows} calculée en mode ${gpu.mode} est celle du CPU.`, `the ${cols}×${rows} transpose computed in ${gpu.mode} mode matches the CPU.`);
  });
}
