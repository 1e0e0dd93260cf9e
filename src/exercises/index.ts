// The checkers of the course's exercises: each prints ✅ and a sentence, or ❌ and a hint, and never throws.
export { lockedCounter, noDeadlock, queueConsumers } from "./sync.js";
