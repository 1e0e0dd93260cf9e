import { describe } from "../options.js";
import { httpUrl } from "./request.js";
import { messages } from "../messages/index.js";

type Cheerio = typeof import("cheerio/slim");
let cheerio: Cheerio | undefined;

/**
 * The links of an HTML page, like BeautifulSoup's `soup.find_all("a")` then `link.get("href")`,
 * parsed with cheerio (htmlparser2, forgiving of broken HTML). Each href is resolved against
 * `baseUrl` and loses its #fragment; only http(s) links are kept, each once, in page order.
 *
 * @example
 * extractLinks('<a href="b.html#top">b</a> <a href="mailto:x@y.z">@</a>', "http://127.0.0.1:8080/a/index.html");
 * // ["http://127.0.0.1:8080/a/b.html"]
 */
export function extractLinks(html: string, baseUrl: string): string[] {
  if (typeof html !== "string") throw new TypeError(messages().options.string("html", describe(html)));
  httpUrl("baseUrl", baseUrl);
  cheerio ??= require("cheerio/slim") as Cheerio; // loaded on first use: importing the library stays fast
  const $ = cheerio.load(html);
  const links = new Set<string>();
  $("a[href]").each((_, anchor) => {
    let url: URL;
    try {
      url = new URL($(anchor).attr("href")!.trim(), baseUrl);
    } catch {
      return; // an href that is no URL at all: a browser ignores it too
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return;
    url.hash = "";
    links.add(url.href);
  });
  return [...links];
}
