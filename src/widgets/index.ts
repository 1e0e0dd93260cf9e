import { registerControlTarget } from "./control.js";

export { Widget, WIDGET_VIEW_MIME, type ChangeListener, type AnyWidget } from "./widget.js";
export { Slider, slider, type SliderOptions } from "./slider.js";
export { Dropdown, dropdown, type DropdownOptions, type Choice } from "./dropdown.js";
export { Checkbox, checkbox, Button, button, type CheckboxOptions, type ButtonOptions } from "./toggles.js";
export { Box, hbox, vbox } from "./box.js";
export { Interact, interact, type InteractContext, type ValuesOf } from "./interact.js";

registerControlTarget();
