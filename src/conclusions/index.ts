// The sentences the lessons print after a measurement, each chosen from the measured rows by a
// small function, so that a conclusion is never fixed text. One file per lesson (lesson01.ts …);
// each function is unit-tested branch by branch in test/conclusions/.
export { secondsAt, cpuOnEventLoop, cpuInThreads, ioWaits, processStartGap, cpuPlateau } from "./lesson01.js";
export { twoThreads, startCosts } from "./lesson02.js";
export { lockHolds, lockCost } from "./lesson03.js";
