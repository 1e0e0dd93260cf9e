export { show } from "./show.js";
export { table, tableBundle, type Row, type TableOptions } from "./table.js";
export { progress, Progress } from "./progress.js";
export { live, LiveDisplay } from "./live.js";
export { imageBundle, isRgbaImage, type RgbaImage } from "./image.js";
export { plotBundle, displayBundle, VEGA_LITE_MIME } from "./bundle.js";
export { publish, KERNEL_WRITER_KEY, type MimeBundle } from "./bridge.js";
