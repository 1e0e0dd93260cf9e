import { drawFor } from "./random.js";

/** Topics of the course, used as page titles. */
const TOPICS = [
  "Histoire de la concurrence", "Threads", "Processus", "Multithreading", "Boucle d'événements",
  "Sémaphores", "Verrous", "Exclusion mutuelle", "Interblocages", "Files d'attente", "Programmation réactive",
  "Programmation GPU", "Le GIL", "Entrées/sorties", "Parallélisme", "Ordonnancement",
];

/** One page of the demo website, and the links it holds (hrefs as written in the page). */
export interface SitePage {
  path: string;
  title: string;
  hrefs: string[];
}

/**
 * The demo website: `/site/index.html` and pages `/site/page-1.html` … `/site/page-(n-1).html`.
 * Page i links to its children 3i+1…3i+3, so every page is reachable from the home page;
 * seeded extra links add shortcuts, duplicates, fragments, external and broken links.
 */
export class DemoSite {
  readonly pages: ReadonlyMap<string, SitePage>;
  /** Same-site links that lead nowhere (404), in the order the pages hold them. */
  readonly brokenLinks: string[] = [];
  /** Links to other sites: a crawler of this site must not follow them. */
  readonly externalLinks: string[] = [];

  constructor(
    readonly size: number,
    seed: number,
  ) {
    const pages = new Map<string, SitePage>();
    for (let i = 0; i < size; i++) {
      const page = this.#page(i, drawFor(seed, `site:${i}`));
      pages.set(page.path, page);
    }
    this.pages = pages;
  }

  /** The path of page `i`; page 0 is the home page. */
  static pathOf(i: number): string {
    return i === 0 ? "/site/index.html" : `/site/page-${i}.html`;
  }

  #page(i: number, random: () => number): SitePage {
    const name = (j: number) => (j === 0 ? "index.html" : `page-${j}.html`); // relative to /site/
    const hrefs: string[] = [];
    if (i > 0) hrefs.push("index.html", name(Math.floor((i - 1) / 3))); // home and parent
    for (let child = 3 * i + 1; child <= 3 * i + 3 && child < this.size; child++) hrefs.push(name(child));
    const shortcut = Math.floor(random() * this.size);
    hrefs.push(`./${name(shortcut)}`, `/site/${name(shortcut)}#suite`); // one page, written two other ways
    if (hrefs.length > 2) hrefs.push(hrefs[2]); // a plain duplicate
    if (i % 4 === 1) {
      const external = `https://example.org/concurrence/${i}`;
      hrefs.push(external, "mailto:cours@example.org");
      this.externalLinks.push(external);
    }
    if (i % 7 === 3) {
      const broken = `/site/brouillon-${i}.html`;
      hrefs.push(broken);
      this.brokenLinks.push(broken);
    }
    return { path: DemoSite.pathOf(i), title: TOPICS[i % TOPICS.length] + (i >= TOPICS.length ? ` (${i})` : ""), hrefs };
  }

  /** The HTML of a page, or undefined when there is no such page. */
  html(path: string): string | undefined {
    const page = this.pages.get(path === "/site/" || path === "/site" ? DemoSite.pathOf(0) : path);
    if (!page) return undefined;
    const links = page.hrefs.map((href) => `      <li><a href="${href}">${escape(href)}</a></li>`).join("\n");
    return `<!doctype html>
<html lang="fr">
  <head><meta charset="utf-8"><title>${escape(page.title)}</title></head>
  <body>
    <h1>${escape(page.title)}</h1>
    <p>Une page du site de démonstration de <em>concurrence</em>, servie en local.</p>
    <img src="/images/120/60/site/${page.path.length}" alt="illustration">
    <ul>
${links}
    </ul>
  </body>
</html>
`;
  }
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}
