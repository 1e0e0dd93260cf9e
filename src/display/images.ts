import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, isArray, plainObject, positiveInteger } from "../options.js";
import { publish, type MimeBundle } from "./bridge.js";
import { messages } from "../messages/index.js";

export interface ImagesOptions {
  /** Width of each picture on the page, in CSS pixels. @default 200 */
  width?: number;
  /** A caption under each picture. @default each file's name */
  captions?: string[];
}

const TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
};

/** The bundle of a row of pictures: HTML with the images inline (data: URLs), and their names as text. */
export function imagesBundle(files: readonly string[], options: ImagesOptions = {}): MimeBundle {
  isArray("files", files);
  const opts = plainObject("options", options);
  const width = positiveInteger("options.width", opts.width ?? 200);
  const captions = (opts.captions ?? files.map((f) => path.basename(String(f)))) as unknown[];
  isArray("options.captions", captions);
  if (captions.length !== files.length) {
    throw new RangeError(messages().display.captions(files.length, captions.length));
  }
  const figures = files.map((file, i) => {
    if (typeof file !== "string") throw new TypeError(messages().display.path(`files[${i}]`, describe(file)));
    const type = TYPES[path.extname(file).toLowerCase()];
    if (!type) throw new RangeError(messages().display.picture(`files[${i}]`, describe(file)));
    const data = readFileSync(file).toString("base64");
    const caption = escapeHtml(String(captions[i]));
    return (
      `<figure style="display:inline-block;margin:4px;text-align:center">` +
      `<img src="data:${type};base64,${data}" alt="${caption}" width="${width}" style="display:block">` +
      `<figcaption style="font-size:smaller">${caption}</figcaption></figure>`
    );
  });
  return {
    "text/html": `<div class="concurrence-images">${figures.join("")}</div>`,
    "text/plain": `${files.length} image${files.length === 1 ? "" : "s"}: ${captions.join(", ")}`,
  };
}

/** Shows pictures from files side by side in the cell, e.g. the images a notebook downloaded. */
export function showImages(files: readonly string[], options: ImagesOptions = {}): void {
  publish(imagesBundle(files, options));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}
