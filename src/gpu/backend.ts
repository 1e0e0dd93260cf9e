// Which gpu.js backend runs the kernels here, and why: the same choice gpu.js makes,
// explained in words, with the renderer that really draws.
import { createRequire } from "node:module";
import { closeContext, glVersion, isSoftwareRenderer, openContext, rendererOf } from "./gl.js";
import { messages } from "../messages/index.js";

/** A gpu.js backend: `headlessgl` draws with WebGL (a GPU, or Mesa's llvmpipe on the CPU); the others run on the CPU. */
export type GpuMode = "headlessgl" | "webasm" | "cpu";
export const GPU_MODES: readonly GpuMode[] = ["headlessgl", "webasm", "cpu"];

export interface GpuReport {
  /** The backend that `new Gpu()` uses here: gpu.js's own first choice. */
  mode: GpuMode;
  /** Why that backend, in one sentence or two. */
  reason: string;
  /** The backends that can run here. */
  available: Record<GpuMode, boolean>;
  /** Why headless-gl cannot run here, or null when it can. */
  headlessglProblem: string | null;
  /** The GL renderer string, e.g. "ANGLE (Mesa/X.org llvmpipe (LLVM 15.0.6, 256 bits) OpenGL 4.5 core)"; null without GL. */
  renderer: string | null;
  /** True when the renderer is a software one (llvmpipe, SwiftShader...): that "GPU" is the CPU. */
  softwareRenderer: boolean;
  /** The X display headless-gl uses, or null. */
  display: string | null;
  versions: { "gpu.js": string; gl: string | null };
}

/** The part of gpu.js the library uses (its own types are not part of our API). */
export interface GpuJs {
  GPU: new (settings?: { mode?: string; context?: unknown }) => GpuInstance;
  WebAssemblyKernel: { isSupported: boolean };
}
export interface GpuInstance {
  Kernel: { name: string };
  kernels: unknown[];
  createKernel(source: string, settings: object): KernelFunction;
  destroy(): Promise<void>;
}
export type KernelFunction = ((...args: unknown[]) => unknown) & { destroy(removeCanvasReferences?: boolean): void };

const localRequire = createRequire(__filename);
let gpujs: GpuJs | undefined;

export function loadGpuJs(): GpuJs {
  return (gpujs ??= localRequire("gpu.js") as GpuJs);
}

/** What can run here. The headless-gl probe opens a context and closes it at once. */
export function probeBackends(): { available: Record<GpuMode, boolean>; problem: string | null; renderer: string | null } {
  const probe = openContext(1, 1);
  let renderer: string | null = null;
  if (probe.ok) {
    renderer = rendererOf(probe.context);
    closeContext(probe.context);
  }
  const available = { headlessgl: probe.ok, webasm: loadGpuJs().WebAssemblyKernel.isSupported, cpu: true };
  return { available, problem: probe.ok ? null : probe.reason, renderer };
}

/** gpu.js's order of preference in Node: headless-gl, then WebAssembly, then plain JavaScript. */
export function preferredMode(available: Record<GpuMode, boolean>): GpuMode {
  return GPU_MODES.find((mode) => available[mode]) ?? "cpu";
}

/**
 * Which gpu.js backend runs GPU kernels here, why, and on what renderer.
 * @example const report = gpuReport(); console.log(report.mode, report.renderer);
 */
export function gpuReport(): GpuReport {
  const { available, problem, renderer } = probeBackends();
  const mode = preferredMode(available);
  const software = renderer !== null && isSoftwareRenderer(renderer);
  const reason =
    mode === "headlessgl"
      ? messages().gpu.onGl(process.env.DISPLAY, software)
      : messages().gpu.withoutGl(problem ?? "", mode === "webasm");
  return {
    mode,
    reason,
    available,
    headlessglProblem: problem,
    renderer,
    softwareRenderer: software,
    display: process.env.DISPLAY ?? null,
    versions: { "gpu.js": (localRequire("gpu.js/package.json") as { version: string }).version, gl: glVersion() },
  };
}
