export { Gpu, type GpuOptions, type KernelSettings, type KernelOutput } from "./gpu.js";
export { gpuReport, type GpuReport, type GpuMode } from "./backend.js";
export { matmulCpu, elementwiseCpu, mandelbrotCpu } from "./cpu.js";
export { compare, assertClose, type Comparison, type CompareOptions } from "./compare.js";
export { randomMatrix, randomVector, type Matrix, type Vector } from "./inputs.js";
export { mandelbrotImage, type MandelbrotOptions, type MandelbrotResult } from "./mandelbrot.js";
export { ELEMENTWISE_OPS, type ElementwiseOp, type KernelThis } from "./kernels.js";
export { openContexts } from "./gl.js";
