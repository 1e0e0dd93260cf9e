// Lesson 06: where the GPU's Mandelbrot differs from the CPU's, and what divergent branches cost,
// each chosen from the measurement.
import { say } from "../exercises/check.js";

/** Iteration counts of one picture, row by row: `counts[y * width + x]`; maxIterations means "in the set". */
export interface Counts {
  width: number;
  height: number;
  maxIterations: number;
  counts: ArrayLike<number>;
}

/** One pixel where two pictures differ: its place, its reference count, and whether it lies near the set's edge. */
export interface Mismatch {
  x: number;
  y: number;
  reference: number;
  /** Within `radius` pixels of both a point of the set and a point that escapes. */
  nearEdge: boolean;
}

/** The pixels where `image` and `reference` differ, each placed against the edge of the set in the reference. */
export function mismatches(image: Counts, reference: Counts, radius = 3): Mismatch[] {
  const { width, height, maxIterations } = reference;
  const inSet = (x: number, y: number) => reference.counts[y * width + x] >= maxIterations;
  const rows: Mismatch[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (image.counts[i] === reference.counts[i]) continue;
      let set = false;
      let escapes = false;
      for (let dy = -radius; dy <= radius; dy++) {
        for (let dx = -radius; dx <= radius; dx++) {
          const [u, v] = [x + dx, y + dy];
          if (u < 0 || v < 0 || u >= width || v >= height) continue;
          if (inSet(u, v)) set = true;
          else escapes = true;
        }
      }
      rows.push({ x, y, reference: reference.counts[i], nearEdge: set && escapes });
    }
  }
  return rows;
}

/**
 * Where the differing pixels are: none; (nearly) all near the edge of the set; most of them;
 * or mostly elsewhere.
 * @example conclusions.mismatchPlaces([{ x: 1, y: 2, reference: 280, nearEdge: true }], 345600, 3)
 */
export function mismatchPlaces(rows: readonly Mismatch[], total: number, radius = 3): string {
  if (rows.length === 0) {
    return say(`Aucun pixel ne diffère sur ${total} : ici, les deux calculs donnent exactement la même image.`, `No pixel differs out of ${total}: here both computations give exactly the same picture.`);
  }
  const near = rows.filter((r) => r.nearEdge).length;
  const share = near / rows.length;
  const median = (some: readonly Mismatch[]) => [...some.map((r) => r.reference)].sort((a, b) => a - b)[Math.floor(some.length / 2)];
  const counted = say(`${near} des ${rows.length} pixels qui diffèrent (${(100 * share).toFixed(0)} %) sont à moins de ${radius} pixels du bord de l'ensemble`,
    `${near} of the ${rows.length} differing pixels (${(100 * share).toFixed(0)} %) lie within ${radius} pixels of the set's edge`);
  if (share >= 0.9) {
    return say(
      `${counted}, et il leur fallait ${median(rows)} itérations (médiane) pour s'échapper : là, un point met longtemps à s'échapper, et un arrondi en simple précision (float32) plutôt qu'en double suffit à changer son compte. Ailleurs, l'image est identique.`,
      `${counted}, and they needed ${median(rows)} iterations (median) to escape: there a point takes long to escape, and rounding in single precision (float32) rather than double is enough to change its count. Elsewhere the picture is identical.`);
  }
  if (share >= 0.5) {
    return say(
      `${counted} : la plupart, mais pas tous. Les autres, loin du bord, diffèrent par un arrondi en float32 sur un point qui s'échappe lentement (médiane : ${median(rows.filter((r) => !r.nearEdge))} itérations).`,
      `${counted}: most, but not all. The others, far from the edge, differ by a float32 rounding on a point that escapes slowly (median: ${median(rows.filter((r) => !r.nearEdge))} iterations).`);
  }
  return say(
    `${counted} : la plupart sont ailleurs. Les deux calculs ne diffèrent donc pas seulement par les arrondis près du bord : comparez les paramètres de la vue (centre, pas) des deux côtés.`,
    `${counted}: most are elsewhere. So the two computations do not differ only by roundings near the edge: compare the view's parameters (centre, step) on both sides.`);
}

/** The timing of a kernel whose branches diverge between neighbouring threads, and of the same work without divergence. */
export interface DivergenceRun {
  /** The backend, named as gpu.js names it (headlessgl, webasm, cpu), possibly with a prefix ("gpu.js cpu"). */
  mode: string;
  /** Seconds for the kernel whose branch is the same for a whole group of neighbouring threads. */
  uniform: number;
  /** Seconds for the kernel whose branch alternates from one thread to the next. */
  divergent: number;
}

/**
 * What divergence cost on each backend: slower when lanes run in lock-step (a GPU, llvmpipe's or
 * WebAssembly's SIMD lanes), no difference when each thread runs alone (the cpu mode's plain loop).
 * @example conclusions.divergenceCost([{ mode: "headlessgl", uniform: 0.02, divergent: 0.041 }])
 */
export function divergenceCost(rows: readonly DivergenceRun[]): string {
  if (rows.length === 0) throw new RangeError(say("divergenceCost attend au moins une mesure.", "divergenceCost needs at least one measurement."));
  return rows.map(({ mode, uniform, divergent }) => {
    const ratio = divergent / uniform;
    if (ratio > 1.3) {
      return say(
        `${mode} : le noyau divergent est ${ratio.toFixed(1)} fois plus lent (${divergent.toFixed(3)} s contre ${uniform.toFixed(3)} s), pour le même travail par thread. Ses voisins avancent au pas : quand leurs branches diffèrent, le groupe exécute les deux, l'une après l'autre, chaque voie masquée pendant la branche qui n'est pas la sienne.`,
        `${mode}: the divergent kernel is ${ratio.toFixed(1)} times slower (${divergent.toFixed(3)} s against ${uniform.toFixed(3)} s), for the same work per thread. Neighbours move in lock-step: when their branches differ, the group runs both, one after the other, each lane masked during the branch that is not its own.`);
    }
    if (ratio < 1 / 1.3) {
      return say(
        `${mode} : le noyau divergent est ${(1 / ratio).toFixed(1)} fois plus rapide (${divergent.toFixed(3)} s contre ${uniform.toFixed(3)} s), ce que la divergence n'explique pas : la machine était sans doute occupée pendant l'une des mesures ; relancez la cellule.`,
        `${mode}: the divergent kernel is ${(1 / ratio).toFixed(1)} times faster (${divergent.toFixed(3)} s against ${uniform.toFixed(3)} s), which divergence does not explain: the machine was probably busy during one measurement; run the cell again.`);
    }
    const same = say(`${mode} : pas d'écart net (${divergent.toFixed(3)} s divergent, ${uniform.toFixed(3)} s uniforme)`, `${mode}: no clear difference (${divergent.toFixed(3)} s divergent, ${uniform.toFixed(3)} s uniform)`);
    return !mode.includes("cpu")
      ? say(
        `${same} : ce backend n'a pas payé la divergence ici, soit qu'il calcule toujours les deux branches (les deux noyaux coûtent alors autant), soit que ses groupes de voies soient plus petits que nos blocs. Sur une carte graphique, la divergence se paie.`,
        `${same}: this backend did not pay for divergence here, either because it always computes both branches (then both kernels cost the same), or because its groups of lanes are smaller than our blocks. On a graphics card, divergence costs.`)
      : say(
        `${same} : dans ce mode, du JavaScript ordinaire, chaque thread s'exécute seul, sans voisins qui avancent au pas, et une branche ne coûte que la sienne. Sur une carte graphique, la divergence se paie.`,
        `${same}: in this mode, plain JavaScript, each thread runs alone, with no neighbours in lock-step, and a branch costs only itself. On a graphics card, divergence costs.`);
  }).join("\n");
}
