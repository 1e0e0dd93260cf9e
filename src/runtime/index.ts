export { register, beginCell, interruptAll, disposeAll, liveResources, track, settle, type Resource } from "./registry.js";
export { installHooks, HOOKS_KEY, type KernelHooks } from "./hooks.js";
export { bindToCell, type Teardown } from "./bind.js";
