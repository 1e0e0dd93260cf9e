export { show } from "./show.js";
export { table, tableBundle, type Row, type TableOptions } from "./table.js";
export { progress, Progress } from "./progress.js";
export { live, LiveDisplay } from "./live.js";
export { imageBundle, isRgbaImage, type RgbaImage } from "./image.js";
export { plotBundle, displayBundle, VEGA_LITE_MIME } from "./bundle.js";
export { publish, clearOutput, KERNEL_WRITER_KEY, KERNEL_CLEAR_KEY, type MimeBundle, type ClearOutputOptions } from "./bridge.js";
export { showImages, imagesBundle, type ImagesOptions } from "./images.js";
