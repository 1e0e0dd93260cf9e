export { writeFileAtomic, type WriteOptions } from "./atomic.js";
