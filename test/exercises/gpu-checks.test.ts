// Notebook 06's checkers on the CPU backend of gpu.js (the same kernels run on every backend).
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { checks, Gpu, type KernelThis } from "../../src/index.js";
import { captureStdout } from "../helpers/capture.js";

const said = (run: () => Promise<void>) => captureStdout(run);
const gpu = new Gpu({ mode: "cpu" });
after(() => gpu.dispose());

function blocs(this: KernelThis, v: number[]): number {
  let somme = 0;
  for (let j = 0; j < this.constants.bloc; j++) {
    const i = this.thread.x * this.constants.bloc + j;
    if (i < this.constants.n) somme += v[i];
  }
  return somme;
}

test("blockSums: the teacher's kernel passes", async () => {
  for (let i = 0; i < 5; i++) assert.match(await said(() => checks.blockSums(gpu, blocs)), /^✅ /);
});

test("blockSums: a missing bound, overlapping blocks and a copy get their own hint", async () => {
  function sansBorne(this: KernelThis, v: number[]): number {
    let somme = 0;
    for (let j = 0; j < this.constants.bloc; j++) somme += v[this.thread.x * this.constants.bloc + j];
    return somme;
  }
  assert.match(await said(() => checks.blockSums(gpu, sansBorne)), /^❌ .*au-delà de n/);
  function chevauchants(this: KernelThis, v: number[]): number {
    let somme = 0;
    for (let j = 0; j < this.constants.bloc; j++) if (this.thread.x + j < this.constants.n) somme += v[this.thread.x + j];
    return somme;
  }
  assert.match(await said(() => checks.blockSums(gpu, chevauchants)), /^❌ .*les blocs se chevauchent/);
  function copie(this: KernelThis, v: number[]): number {
    return v[this.thread.x];
  }
  assert.match(await said(() => checks.blockSums(gpu, copie)), /^❌ le bloc \d+ vaut/);
});

test("transposeKernel: the transpose passes, a copy is named as a copy, hints never give the line", async () => {
  function transposee(this: KernelThis, m: number[][]): number {
    return m[this.thread.x][this.thread.y];
  }
  assert.match(await said(() => checks.transposeKernel(gpu, transposee)), /^✅ /);
  function copie(this: KernelThis, m: number[][]): number {
    return m[this.thread.y][this.thread.x];
  }
  const out = await said(() => checks.transposeKernel(gpu, copie));
  assert.match(out, /^❌ .*vous avez recopié m/);
  assert.doesNotMatch(out, /this\.thread/);
  function zero(this: KernelThis, m: number[][]): number {
    return m[0][0];
  }
  const zeroOut = await said(() => checks.transposeKernel(gpu, zero));
  assert.match(zeroOut, /^❌ .*quel thread lit quelle case/);
  assert.doesNotMatch(zeroOut, /return/);
});
