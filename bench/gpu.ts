// GPU kernels against their plain JavaScript references, side by side, on whatever backends run here.
import { virtualDisplay } from "../kernel/xdisplay.js";
import { Gpu, gpuReport, mandelbrotCpu, matmulCpu, randomMatrix, timeit, type GpuMode } from "../src/index.js";

export async function gpuKernels(): Promise<void> {
  await virtualDisplay(); // headless-gl needs an X display, as in the kernel
  const report = gpuReport();
  console.log(`gpu.js: ${report.mode} by default; renderer ${report.renderer ?? "none"}${report.softwareRenderer ? " (software: the CPU)" : ""}`);
  const modes = (["headlessgl", "webasm"] as GpuMode[]).filter((m) => report.available[m]);
  const gpus = modes.map((mode) => new Gpu({ mode }));
  try {
    for (const n of [256, 512]) {
      const [a, b] = [randomMatrix(n, n, 1), randomMatrix(n, n, 2)];
      const js = await timeit(() => matmulCpu(a, b), { repeat: 3, warmup: 1 });
      const ratios = [];
      for (const gpu of gpus) {
        const t = await timeit(() => gpu.matmul(a, b), { repeat: 3, warmup: 1 });
        ratios.push(`${gpu.mode} ${t.seconds.toFixed(3)} s (JS / ${gpu.mode} = ${(js.seconds / t.seconds).toFixed(2)})`);
      }
      console.log(`matmul ${n}×${n}: JavaScript ${js.seconds.toFixed(3)} s, ${ratios.join(", ")}`);
    }
    const view = { width: 720, height: 480, maxIterations: 300 };
    const js = await timeit(() => mandelbrotCpu(view), { repeat: 3, warmup: 1 });
    const ratios = [];
    for (const gpu of gpus) {
      const t = await timeit(() => gpu.mandelbrot(view), { repeat: 3, warmup: 1 });
      ratios.push(`${gpu.mode} ${t.seconds.toFixed(3)} s (JS / ${gpu.mode} = ${(js.seconds / t.seconds).toFixed(2)})`);
    }
    console.log(`mandelbrot 720×480: JavaScript ${js.seconds.toFixed(3)} s, ${ratios.join(", ")}`);
  } finally {
    await Promise.all(gpus.map((g) => g.dispose()));
  }
}
