// Lesson 04: what the simulated keys made the turtle draw, read from its path.
import { say } from "../exercises/check.js";

/** A point of the turtle's path. */
export interface TurtlePoint {
  x: number;
  y: number;
}

/**
 * Whether the turtle's path came back to its start (a closed figure, and after how many moves),
 * or not, and where it ended.
 * @example conclusions.turtlePath([{ x: 0, y: 0 }, { x: 50, y: 0 }, { x: 25, y: 43.3 }, { x: 0, y: 0 }])
 */
export function turtlePath(path: readonly TurtlePoint[]): string {
  if (path.length < 2) {
    return say("La tortue n'a pas avancé : aucune touche « avancer » n'a eu de gestionnaire.", "The turtle did not move: no \"forward\" key had a handler.");
  }
  const [start] = path;
  const near = (p: TurtlePoint) => Math.hypot(p.x - start.x, p.y - start.y) < 0.5;
  const back = path.findIndex((p, i) => i > 0 && near(p));
  const end = path[path.length - 1];
  if (back > 0) {
    const after = path.length - 1 - back;
    return say(
      `La tortue est revenue à son point de départ après ${back} pas : elle a tracé une figure fermée à ${back} côtés` +
        (after > 0 ? `, puis a fait ${after} pas de plus, jusqu'en (${end.x}, ${end.y}).` : "."),
      `The turtle came back to its start after ${back} moves: it drew a closed figure with ${back} sides` +
        (after > 0 ? `, then made ${after} more moves, to (${end.x}, ${end.y}).` : "."));
  }
  return say(
    `La tortue n'est jamais revenue à son point de départ : ${path.length - 1} pas, jusqu'en (${end.x}, ${end.y}).`,
    `The turtle never came back to its start: ${path.length - 1} moves, to (${end.x}, ${end.y}).`);
}
