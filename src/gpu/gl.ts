// headless-gl (the `gl` package): loading it, opening and closing WebGL contexts, and asking
// them which renderer draws. Loaded lazily: a notebook without GPU cells never loads it.
import { createRequire } from "node:module";
import { messages } from "../messages/index.js";

/** The part of a headless-gl WebGL context that the library uses. */
export interface GlContext {
  readonly RENDERER: number;
  getParameter(name: number): unknown;
  getExtension(name: string): unknown;
}

interface GlModule {
  (width: number, height: number, options?: object): GlContext | null;
}

export type GlProbe =
  | { ok: true; context: GlContext }
  | { ok: false; reason: string };

const localRequire = createRequire(__filename);

let loaded: { module: GlModule; version: string } | { error: string } | undefined;
let open = 0;

function load(): { module: GlModule; version: string } | { error: string } {
  if (loaded) return loaded;
  try {
    const module = localRequire("gl") as GlModule;
    const version = (localRequire("gl/package.json") as { version: string }).version;
    loaded = { module, version };
  } catch (error) {
    const code = (error as { code?: string }).code;
    loaded = {
      error:
        code === "MODULE_NOT_FOUND" && /'gl'/.test((error as Error).message)
          ? messages().gpu.glMissing(messages().gpu.buildHint)
          : messages().gpu.glBroken((error as Error).message.split("\n")[0], messages().gpu.buildHint),
    };
  }
  return loaded;
}

/** headless-gl's version, or null when it cannot be loaded. */
export function glVersion(): string | null {
  const gl = load();
  return "version" in gl ? gl.version : null;
}

/**
 * Opens a WebGL context, or says why it cannot. Each context opened here must be closed
 * with `closeContext`; `openContexts()` counts them, so that tests can catch a leak.
 */
export function openContext(width = 2, height = 2): GlProbe {
  const gl = load();
  if ("error" in gl) return { ok: false, reason: gl.error };
  const display = process.env.DISPLAY;
  if (!display) {
    return {
      ok: false,
      reason: messages().gpu.noDisplay,
    };
  }
  const context = gl.module(width, height, { preserveDrawingBuffer: true });
  if (!context) return { ok: false, reason: messages().gpu.noContext(display) };
  open++;
  return { ok: true, context };
}

const closed = new WeakSet<GlContext>();

/** Closes a context from `openContext`. Closing it twice is harmless (gpu.js may have closed it already). */
export function closeContext(context: GlContext): void {
  if (closed.has(context)) return;
  closed.add(context);
  open--;
  try {
    (context.getExtension("STACKGL_destroy_context") as { destroy(): void } | null)?.destroy();
  } catch {
    // "Invalid GL context": gpu.js's destroy() closed it already
  }
}

/** How many contexts opened by `openContext` are still open. */
export function openContexts(): number {
  return open;
}

/**
 * The renderer that really draws, e.g. "ANGLE (Mesa/X.org llvmpipe (LLVM 15.0.6, 256 bits) OpenGL 4.5 core)".
 * headless-gl's WebGL layer answers "ANGLE" for every machine; its native layer underneath
 * answers what ANGLE itself runs on, so we ask that one when we can reach it.
 */
export function rendererOf(context: GlContext): string {
  try {
    const native = (localRequire("gl/src/javascript/native-gl.js") as { gl: GlContext }).gl;
    const detailed = native.getParameter.call(context, context.RENDERER);
    if (typeof detailed === "string" && detailed) return detailed;
  } catch {
    // an other headless-gl layout: the public answer below
  }
  return String(context.getParameter(context.RENDERER));
}

/** Software rasterizers: the "GPU" is then the CPU. */
export function isSoftwareRenderer(renderer: string): boolean {
  return /llvmpipe|softpipe|swrast|swiftshader|software/i.test(renderer);
}
