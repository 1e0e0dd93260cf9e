export { Scheduler, scheduler, type SchedulerOptions, type SchedulerGoal, type SchedulerState } from "./scheduler.js";
