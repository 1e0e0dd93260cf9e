// The sentences the lessons print after a measurement, each chosen from the measured rows by a
// small function, so that a conclusion is never fixed text. One file per lesson (lesson01.ts …);
// each function is unit-tested branch by branch in test/conclusions/.
export {};
export { turtlePath, type TurtlePoint } from "./lesson04.js";
export { coolingOutcome, backpressure, type ZoneRun, type BackpressureRun } from "./lesson05.js";
export { mismatches, mismatchPlaces, divergenceCost, type Counts, type Mismatch, type DivergenceRun } from "./lesson06.js";
export { timerLag, waves, poolWaves, poolSizes, lostUpdates, type LagRun, type PoolRun, type SharedCounterRun } from "./lesson07.js";
export { realRace, randomRetries, type RaceRun, type RandomRetries } from "./lesson11.js";
export { secondsAt, cpuOnEventLoop, cpuInThreads, ioWaits, processStartGap, cpuPlateau } from "./lesson01.js";
export { twoThreads, startCosts } from "./lesson02.js";
export { lockHolds, lockCost } from "./lesson03.js";
export { threadsGain, downloadScaling, type ThreadsRun, type DownloadRow } from "./lesson08.js";
export { startupVersusWork, bestVersion, orphanedTasks } from "./lesson09.js";
export { barrierCost, amdahlVerdict } from "./lesson10.js";
