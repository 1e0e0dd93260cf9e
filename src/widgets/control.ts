// ipywidgets 8's front end, on connecting, first asks for every model's state at once on a
// `jupyter.widget.control` comm, and falls back to comm_info and request_state.
import { kernelComms } from "./bridge.js";
import { openModel, openStates, WIDGET_TARGET } from "./model.js";

const CONTROL_TARGET = "jupyter.widget.control";
let registered = false;

export function registerControlTarget(): void {
  const comms = kernelComms();
  if (!comms || registered) return;
  registered = true;
  comms.registerTarget(CONTROL_TARGET, (commId) => ({
    onMessage: (data) => {
      if (data.method === "request_states") comms.send(commId, { method: "update_states", states: openStates(), buffer_paths: [] });
    },
  }));
  // Then it re-opens a comm on each model it was told of: the same model answers it.
  comms.registerTarget(WIDGET_TARGET, (commId) => openModel(commId)?.handlers);
}
