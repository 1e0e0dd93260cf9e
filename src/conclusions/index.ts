// The sentences the lessons print after a measurement, each chosen from the measured rows by a
// small function, so that a conclusion is never fixed text. One file per lesson (lesson01.ts …);
// each function is unit-tested branch by branch in test/conclusions/.
export {};
export { realRace, randomRetries, type RaceRun, type RandomRetries } from "./lesson11.js";
