// Lesson 05: what the alerts did to the overheating zone, chosen from its simulated readings.
import { say } from "../exercises/check.js";

/** One zone's run of the simulation: its readings in time order, its alerts and its final cooling level. */
export interface ZoneRun {
  zone: string;
  /** The alert threshold, in °C. */
  threshold: number;
  /** The zone's readings, in time order, in °C. */
  temperatures: readonly number[];
  alerts: number;
  /** The cooling level the alerts commanded (1 means never raised). */
  cooling: number;
}

const fmt = (t: number) => t.toFixed(1).replace(".", ",");

/**
 * Whether the zone came back down after its alerts: below the threshold, down but still above
 * it, or not down at all; or that it never needed an alert.
 * @example conclusions.coolingOutcome({ zone: "C", threshold: 32, temperatures: [30, 33, 31], alerts: 1, cooling: 2 })
 */
export function coolingOutcome(run: ZoneRun): string {
  const { zone, threshold, temperatures, alerts, cooling } = run;
  if (temperatures.length === 0) {
    throw new RangeError(say("coolingOutcome attend au moins un relevé de la zone.", "coolingOutcome needs at least one reading of the zone."));
  }
  const max = Math.max(...temperatures);
  const last = temperatures[temperatures.length - 1];
  if (alerts === 0) {
    return say(
      `La zone ${zone} n'a déclenché aucune alerte (au plus ${fmt(max)} °C, seuil ${threshold} °C) : le refroidissement n'a pas eu à réagir.`,
      `Zone ${zone} raised no alert (at most ${fmt(max)} °C, threshold ${threshold} °C): the cooling never had to react.`);
  }
  const reacted = say(`${alerts} alerte(s) ont porté le refroidissement de la zone ${zone} de 1 à ${cooling}`, `${alerts} alert(s) raised zone ${zone}'s cooling from 1 to ${cooling}`);
  if (last <= threshold) {
    return say(
      `${reacted}, et sa température est redescendue : de ${fmt(max)} °C au plus haut à ${fmt(last)} °C à la fin, sous le seuil de ${threshold} °C.`,
      `${reacted}, and its temperature came back down: from ${fmt(max)} °C at the highest to ${fmt(last)} °C at the end, below the ${threshold} °C threshold.`);
  }
  if (last < max - 0.5) {
    return say(
      `${reacted} ; sa température a baissé (${fmt(max)} °C au plus haut, ${fmt(last)} °C à la fin) mais reste au-dessus du seuil de ${threshold} °C : il faudrait refroidir plus fort, ou plus longtemps.`,
      `${reacted}; its temperature fell (${fmt(max)} °C at the highest, ${fmt(last)} °C at the end) but stays above the ${threshold} °C threshold: it needs stronger or longer cooling.`);
  }
  return say(
    `${reacted}, mais sa température n'est pas redescendue (${fmt(last)} °C à la fin, ${fmt(max)} °C au plus haut) : le refroidissement commandé ne compense pas la charge.`,
    `${reacted}, but its temperature did not come down (${fmt(last)} °C at the end, ${fmt(max)} °C at the highest): the cooling commanded does not make up for the load.`);
}

/** The most items waiting between a fast producer and a slow consumer, with and without backpressure. */
export interface BackpressureRun {
  total: number;
  /** The most items emitted by RxJS and not yet consumed. */
  rxjsWaiting: number;
  /** The most items read by a stream and not yet written. */
  streamWaiting: number;
  highWaterMark: number;
}

/**
 * Whether the stream's backpressure held the producer back (a few buffers' worth waiting) while
 * RxJS let everything pile up, or not.
 * @example conclusions.backpressure({ total: 200, rxjsWaiting: 200, streamWaiting: 17, highWaterMark: 8 })
 */
export function backpressure(run: BackpressureRun): string {
  const { total, rxjsWaiting, streamWaiting, highWaterMark } = run;
  const bounded = streamWaiting <= 2 * highWaterMark + 2;
  const rx = rxjsWaiting >= 0.9 * total
    ? say(`Avec RxJS, jusqu'à ${rxjsWaiting} relevés sur ${total} ont attendu le consommateur : le producteur ne ralentit jamais, tout s'accumule en mémoire.`,
      `With RxJS, up to ${rxjsWaiting} readings out of ${total} waited for the consumer: the producer never slows down, everything piles up in memory.`)
    : say(`Avec RxJS, jusqu'à ${rxjsWaiting} relevés sur ${total} ont attendu le consommateur.`, `With RxJS, up to ${rxjsWaiting} readings out of ${total} waited for the consumer.`);
  const stream = bounded
    ? say(`Avec pipeline, jamais plus de ${streamWaiting} : quand les tampons (highWaterMark = ${highWaterMark}) sont pleins, le flux cesse de lire sa source, c'est la contre-pression.`,
      `With pipeline, never more than ${streamWaiting}: when the buffers (highWaterMark = ${highWaterMark}) are full, the stream stops reading its source; that is backpressure.`)
    : say(`Avec pipeline, jusqu'à ${streamWaiting}, plus que les tampons (highWaterMark = ${highWaterMark}) ne devraient en garder : la source ignore-t-elle la valeur renvoyée par push ?`,
      `With pipeline, up to ${streamWaiting}, more than the buffers (highWaterMark = ${highWaterMark}) should hold: does the source ignore what push returns?`);
  return `${rx} ${stream}`;
}
