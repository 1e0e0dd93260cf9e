// I/O for the course: a local demo server standing in for the web, downloaders, a crawler.
export { demoServer, DemoServer, HOST } from "./server.js";
export type { DemoServerOptions, FaultOptions } from "./server-options.js";
export type { ServerStats, RequestRecord } from "./stats.js";
export { DemoSite, type SitePage } from "./site.js";
export { demoImage } from "./images.js";
export { encodePng } from "./png.js";
export type { RequestOptions } from "./request.js";
export {
  downloadFile,
  downloadSequential,
  downloadConcurrent,
  type DownloadJob,
  type DownloadResult,
  type DownloadReport,
  type TimedDownload,
  type BatchOptions,
  type ConcurrentOptions,
} from "./download.js";
export { downloadInThreads, type ThreadDownloadOptions } from "./threads.js";
export { extractLinks } from "./links.js";
export { crawl, type CrawlOptions, type CrawlReport, type CrawledPage, type CrawlFailure } from "./crawler.js";
export { mapLimit, maxOverlap } from "./limit.js";
