// The Mandelbrot picture: which part of the complex plane each pixel shows, and its colours.
import { describe, plainObject, positiveInteger } from "../options.js";
import type { RgbaImage } from "../display/image.js";
import { messages } from "../messages/index.js";

export interface MandelbrotOptions {
  /** Pixels across. @default 600 */
  width?: number;
  /** Pixels down. @default 400 */
  height?: number;
  /** The most iterations per pixel: more shows finer detail, and costs more. @default 200 */
  maxIterations?: number;
  /** The point of the complex plane at the centre of the image, as [re, im]. @default [-0.5, 0] */
  center?: readonly [number, number];
  /** 1 shows 3 units of the real axis across; 2 shows half as much, and so on. @default 1 */
  zoom?: number;
}

/** Iteration counts, row by row from the top: `counts[y * width + x]`. maxIterations means "in the set". */
export interface MandelbrotResult {
  width: number;
  height: number;
  maxIterations: number;
  counts: Float32Array;
}

export interface MandelbrotView {
  width: number;
  height: number;
  maxIterations: number;
  /** The real part at the left edge, the imaginary part at the top, and the size of a pixel (float32, as the GPU sees them). */
  left: number;
  top: number;
  step: number;
}

/** Checks the options and works out the view, rounded to float32 so that the CPU and the GPU start from the same numbers. */
export function mandelbrotView(options: MandelbrotOptions = {}): MandelbrotView {
  const opts = plainObject("options", options);
  const width = positiveInteger("options.width", opts.width ?? 600);
  const height = positiveInteger("options.height", opts.height ?? 400);
  const maxIterations = positiveInteger("options.maxIterations", opts.maxIterations ?? 200);
  const center = opts.center ?? [-0.5, 0];
  if (!Array.isArray(center) || center.length !== 2 || !center.every((c) => typeof c === "number" && Number.isFinite(c))) {
    throw new TypeError(messages().gpu.center(describe(center)));
  }
  const zoom = opts.zoom ?? 1;
  if (typeof zoom !== "number") throw new TypeError(messages().gpu.zoom(describe(zoom)));
  if (!(zoom > 0) || !Number.isFinite(zoom)) throw new RangeError(messages().gpu.zoom(describe(zoom)));
  const step = Math.fround(3 / zoom / width);
  return {
    width,
    height,
    maxIterations,
    left: Math.fround(center[0] - (step * width) / 2),
    top: Math.fround(center[1] + (step * height) / 2),
    step,
  };
}

/**
 * Colours the counts: black inside the set, and outside from dark blue to white as the
 * point escapes later.
 */
export function mandelbrotImage(result: MandelbrotResult): RgbaImage {
  const { width, height, maxIterations, counts } = result;
  if (!(counts instanceof Float32Array) || counts.length !== width * height) {
    throw new TypeError(messages().gpu.mandelbrotImage(describe(result)));
  }
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < counts.length; i++) {
    const inside = counts[i] >= maxIterations;
    const t = inside ? 0 : Math.sqrt(counts[i] / maxIterations);
    data[4 * i] = 255 * Math.min(1, 2 * t * t);
    data[4 * i + 1] = 255 * Math.min(1, 1.6 * t);
    data[4 * i + 2] = inside ? 0 : 80 + 175 * Math.min(1, 2 * t);
    data[4 * i + 3] = 255;
  }
  return { width, height, data };
}
