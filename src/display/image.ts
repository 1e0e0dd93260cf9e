import { PNG } from "pngjs";
import type { MimeBundle } from "./bridge.js";

/** Pixels, row by row from the top, 4 bytes each (red, green, blue, alpha): the shape of a browser's ImageData. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

export function isRgbaImage(value: unknown): value is RgbaImage {
  const image = value as Partial<RgbaImage> | null;
  return (
    typeof image === "object" &&
    image !== null &&
    Number.isInteger(image.width) &&
    Number.isInteger(image.height) &&
    (image.data instanceof Uint8ClampedArray || image.data instanceof Uint8Array) &&
    image.data.length === image.width! * image.height! * 4
  );
}

/** An image as a PNG, which JupyterLab, nbconvert and PDF handouts all show. */
export function imageBundle(image: RgbaImage): MimeBundle {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return {
    "image/png": PNG.sync.write(png).toString("base64"),
    "text/plain": `<image ${image.width}×${image.height}>`,
  };
}
