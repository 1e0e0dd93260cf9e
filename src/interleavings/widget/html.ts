// An HTML output as a widget (ipywidgets' HTML, @jupyter-widgets/controls 2.0.0): the scheduler's
// panel, redrawn in place by setting `value`; the front end cannot change it.
import { Widget, type StyleModel } from "../../widgets/widget.js";

export class HtmlPanel extends Widget<string> {
  constructor(value: string) {
    super("HTMLModel", "HTMLView", "HTMLStyleModel" as StyleModel, { value, placeholder: "\u200b", description: "", description_allow_html: false });
  }

  get value(): string {
    return this.get("value") as string;
  }

  set value(value: string) {
    const previous = this.value;
    if (value === previous) return;
    this.set({ value });
    void this.emit(value, previous);
  }

  override toString(): string {
    return "HTML(…)";
  }
}
