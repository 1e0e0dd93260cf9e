export { register, beginCell, interruptAll, disposeAll, liveResources, track, settle, endScope, type Resource } from "./registry.js";
export { currentScope, runInScope, newScope, type Scope } from "./scope.js";
export { installHooks, HOOKS_KEY, type KernelHooks } from "./hooks.js";
export { bindToCell, type Teardown } from "./bind.js";
