// The sentences the lessons print after a measurement, each chosen from the measured rows by a
// small function, so that a conclusion is never fixed text. One file per lesson (lesson01.ts …);
// each function is unit-tested branch by branch in test/conclusions/.
export { threadsGain, downloadScaling, type ThreadsRun, type DownloadRow } from "./lesson08.js";
export { startupVersusWork, bestVersion, orphanedTasks } from "./lesson09.js";
export { barrierCost, amdahlVerdict } from "./lesson10.js";
