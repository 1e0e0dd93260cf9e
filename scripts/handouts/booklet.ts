// The course booklet: a title page, a « Sommaire » with page numbers, then every lesson in
// course order, each from a new page. Chromium gives no page numbers to the page itself, so
// each lesson is first printed behind the same two front pages, alone: it then takes as many
// pages as in the booklet (a lesson at the very start of a document takes one page more).
import { readFileSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../atomic.js";
import { embedSymbolFont } from "./glyphs.js";
import { cellSource, readNotebook } from "./notebook.js";

export interface Lesson {
  /** The lesson's handout HTML and executed notebook. */
  html: string;
  executed: string;
  /** Pages the lesson takes in the booklet (0 while unknown). */
  pages: number;
}

/** The title page and the Sommaire take one page each. */
export const FRONT_PAGES = 2;

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** The notebook's title: its first `# ` heading. */
export function lessonTitle(executed: string): string {
  for (const cell of readNotebook(executed).cells) {
    if (cell.cell_type !== "markdown") continue;
    const heading = /^#\s+(.+)$/m.exec(cellSource(cell));
    if (heading) return heading[1].trim();
  }
  return path.basename(executed, ".ipynb");
}

const anchor = (html: string) => `lesson-${path.basename(html, ".html")}`;

/** The page each lesson starts on, counting from the title page as 1. */
export function startPages(lessons: readonly Lesson[]): number[] {
  let next = FRONT_PAGES + 1;
  return lessons.map((l) => {
    const start = next;
    next += l.pages;
    return start;
  });
}

const BOOKLET_CSS = `
  .booklet-front { break-after: page; min-height: 240mm; display: flex; flex-direction: column; justify-content: center; text-align: center; }
  .booklet-front h1 { font-size: 2.4em; margin-bottom: 0.4em; }
  .booklet-front p { font-size: 1.2em; color: #444; }
  .booklet-toc { break-after: page; }
  .booklet-toc h1 { font-size: 2em; }
  .booklet-toc ol { list-style: none; padding: 0; font-size: 1.1em; }
  .booklet-toc li { display: flex; align-items: baseline; margin: 0.55em 0; }
  .booklet-toc li a { color: inherit; text-decoration: none; }
  .booklet-toc li .dots { flex: 1; border-bottom: 1px dotted #888; margin: 0 0.4em; }
  .booklet-lesson { break-before: page; }
`;

export interface Course {
  title: string;
  subtitle: string;
}

/** Writes the booklet's HTML from the lessons' handouts, in the order given. */
export function writeBookletHtml(lessons: readonly Lesson[], file: string, course: Course): void {
  writeFileAtomic(file, bookletHtml(lessons, course));
  embedSymbolFont(file); // the first lesson's head embeds only its own symbols
}

/** The booklet's HTML: the first lesson's head (every handout has the same CSS), then the pages. */
export function bookletHtml(lessons: readonly Lesson[], course: Course): string {
  const pages = readFileSync(lessons[0].html, "utf8");
  const head = /<head>([\s\S]*?)<\/head>/.exec(pages)?.[1] ?? "";
  const body = /<body([^>]*)>/.exec(pages)?.[1] ?? "";
  const starts = startPages(lessons);
  const names = new Map(lessons.map((l) => [path.basename(l.html, ".html"), anchor(l.html)]));

  const toc = lessons
    .map((l, i) => `<li><a href="#${anchor(l.html)}">${escape(lessonTitle(l.executed))}</a><span class="dots"></span><span class="page">${l.pages > 0 ? starts[i] : ""}</span></li>`)
    .join("\n");
  const chapters = lessons.map((l) => {
    const inner = /<body[^>]*>([\s\S]*)<\/body>/.exec(readFileSync(l.html, "utf8"))?.[1] ?? "";
    // A link to another lesson leads to its chapter in the booklet.
    const linked = inner.replace(/href="([^":/#]+)\.html(#[^"]*)?"/g, (whole, name: string) => (names.has(name) ? `href="#${names.get(name)}"` : whole));
    return `<section class="booklet-lesson" id="${anchor(l.html)}">\n${linked}\n</section>`;
  });

  return `<!DOCTYPE html>
<html lang="fr">
<head>${head.replace(/<title>[\s\S]*?<\/title>/, `<title>${escape(course.title)}</title>`)}
<style type="text/css">${BOOKLET_CSS}</style>
</head>
<body${body}>
<section class="booklet-front"><h1>${escape(course.title)}</h1><p>${escape(course.subtitle)}</p></section>
<section class="booklet-toc"><h1>Sommaire</h1><ol>
${toc}
</ol></section>
${chapters.join("\n")}
</body>
</html>
`;
}
