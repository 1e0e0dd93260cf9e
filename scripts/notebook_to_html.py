"""Turns an executed notebook into a self-contained HTML handout, or a reveal.js slideshow.

Usage: python scripts/notebook_to_html.py EXECUTED.ipynb OUTPUT.html [IMAGES_DIR]
       [--slides REVEAL_DIR]

IMAGES_DIR is where the markdown's relative images are found: the source notebook's folder
(the executed copy usually lives elsewhere). It defaults to the executed notebook's folder.

Plots keep only their SVG (the vega-lite spec needs JavaScript from a CDN to draw), markdown
images are embedded, consecutive stream outputs are merged, and nothing is fetched from the
network. With --slides, nbconvert's slides exporter cuts the notebook at the cells whose
`slideshow.slide_type` says so, and reveal.js (REVEAL_DIR: the npm package) is inlined.
Written atomically.
"""
import argparse
import os
import re
import sys
import tempfile

import nbformat
from nbconvert import HTMLExporter, SlidesExporter
from nbconvert.preprocessors import CoalesceStreamsPreprocessor, Preprocessor

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


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def reveal_assets(reveal_dir):
    """reveal.js and its CSS, to inline: the slideshow works offline, from one file."""
    dist = os.path.join(reveal_dir, "dist")
    # The theme's web-font @import would be a request: the system's sans-serif does.
    theme = re.sub(r"@import[^;]*;", "", read(os.path.join(dist, "theme", "white.css")))
    js = read(os.path.join(dist, "reveal.js")).replace("</script", "<\\/script")
    return {"js": js, "css": read(os.path.join(dist, "reveal.css")) + "\n" + theme}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source")
    parser.add_argument("output")
    parser.add_argument("images", nargs="?")
    parser.add_argument("--slides", metavar="REVEAL_DIR", help="write a reveal.js slideshow, inlining the reveal.js package found here")
    args = parser.parse_args()

    source, output = os.path.abspath(args.source), os.path.abspath(args.output)
    images = os.path.abspath(args.images) if args.images else os.path.dirname(source)
    nb = nbformat.read(source, as_version=4)
    resources = {"metadata": {"path": images}}
    if args.slides:
        exporter = SlidesExporter(extra_template_basedirs=[TEMPLATES], template_name="handout-slides", embed_images=True)
        resources["reveal_inline"] = reveal_assets(os.path.abspath(args.slides))
    else:
        exporter = HTMLExporter(extra_template_basedirs=[TEMPLATES], template_name="handout", embed_images=True)
    exporter.register_preprocessor(KeepSvgOfPlots(), enabled=True)
    exporter.register_preprocessor(CoalesceStreamsPreprocessor(), enabled=True)
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    # Links to other notebooks lead to their handouts, which sit side by side.
    suffix = ".slides.html" if args.slides else ".html"
    body = re.sub(r'href="([^":/]+)\.ipynb(#[^"]*)?"', lambda m: f'href="{m[1]}{suffix}{m[2] or ""}"', body)

    fd, temporary = tempfile.mkstemp(dir=os.path.dirname(output), suffix=".html.tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(body)
    os.chmod(temporary, 0o644)
    os.replace(temporary, output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
