// ipywidgets 8's front end, on connecting, first asks for every model's state at once on a
// `jupyter.widget.control` comm (messages.md, "Control channel"), and falls back to comm_info.
import { kernelComms } from "./bridge.js";
import { openStates } from "./model.js";

const CONTROL_TARGET = "jupyter.widget.control";
let registered = false;

export function registerControlTarget(): void {
  const comms = kernelComms();
  if (!comms || registered) return;
  registered = true;
  comms.registerTarget(CONTROL_TARGET, (commId) => ({
    onMessage: (data) => {
      if (data.method === "request_states") comms.send(commId, { method: "update_states", states: openStates(), buffer_paths: {} });
    },
  }));
}
