"""Turns an executed notebook into a self-contained HTML handout.

Usage: python scripts/notebook_to_html.py EXECUTED.ipynb OUTPUT.html [IMAGES_DIR]

IMAGES_DIR is where the markdown's relative images are found: the source notebook's folder
(the executed copy usually lives elsewhere). It defaults to the executed notebook's folder.

Plots keep only their SVG (the vega-lite spec needs JavaScript from a CDN to draw), markdown
images are embedded, and nothing is fetched from the network. Written atomically.
"""
import os
import re
import sys
import tempfile

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import Preprocessor

VEGA_LITE = "application/vnd.vegalite.v5+json"
TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "handout-template")


class KeepSvgOfPlots(Preprocessor):
    """Drops the vega-lite spec of outputs that also carry an SVG."""

    def preprocess_cell(self, cell, resources, index):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if VEGA_LITE in data and "image/svg+xml" in data:
                del data[VEGA_LITE]
        return cell, resources


def main() -> int:
    if len(sys.argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    source, output = (os.path.abspath(p) for p in sys.argv[1:3])
    images = os.path.abspath(sys.argv[3]) if len(sys.argv) == 4 else os.path.dirname(source)
    nb = nbformat.read(source, as_version=4)
    exporter = HTMLExporter(extra_template_basedirs=[TEMPLATES], template_name="handout", embed_images=True)
    exporter.register_preprocessor(KeepSvgOfPlots(), enabled=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"path": images}})
    # Links to other notebooks lead to their handouts, which sit side by side.
    body = re.sub(r'href="([^":/]+)\.ipynb(#[^"]*)?"', r'href="\1.html\2"', body)

    fd, temporary = tempfile.mkstemp(dir=os.path.dirname(output), suffix=".html.tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(body)
    os.chmod(temporary, 0o644)
    os.replace(temporary, output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
