#!/usr/bin/env python3
"""make-dumps.py: whole-page text dumps of HTML pages, as scrapers write them.

    python3 scripts/make-dumps.py PAGES_DIR OUT_DIR

For every PAGES_DIR/NAME/source.html (the readability test-page layout) it
writes OUT_DIR/NAME/dump.txt: all the visible text of the page, menus,
cookie notices, related links, comments and footers included, one block
per line and a blank line after paragraphs and headings, the way
`get_text("\\n")`-style scrapers and text browsers dump a page. It copies
expected.html and expected-metadata.json beside it, so that
`dateline eval dumps OUT_DIR` can score what the cleaner keeps.

The dumps are generated, not committed: run this script to make them.
"""
import html.parser
import os
import re
import shutil
import sys

SKIP = {"script", "style", "noscript", "template", "svg", "head", "title", "iframe",
        "object", "embed", "select", "textarea", "button", "canvas", "math"}
BLOCK = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
         "blockquote", "pre", "table", "tr", "td", "th", "section", "article", "header",
         "footer", "nav", "aside", "main", "figure", "figcaption", "form", "fieldset",
         "address", "hr", "br", "details", "summary", "caption", "center", "body", "html",
         "label", "option"}
PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
             "article", "section", "figure", "header", "footer", "nav", "aside", "ul", "ol"}
VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed",
        "source", "track", "wbr", "param"}


class Dumper(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines = []
        self.cur = []
        self.skip = 0
        self.stack = []

    def flush(self, blank=False):
        text = re.sub(r"\s+", " ", "".join(self.cur)).strip()
        self.cur = []
        if text:
            self.lines.append(text)
        if blank and self.lines and self.lines[-1] != "":
            self.lines.append("")

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            if tag not in VOID:
                self.skip += 1
                self.stack.append(tag)
            return
        if tag in VOID:
            if tag in BLOCK:
                self.flush()
            return
        self.stack.append(tag)
        if tag in BLOCK and not self.skip:
            self.flush()

    def handle_endtag(self, tag):
        if tag not in self.stack:
            return
        while self.stack:
            t = self.stack.pop()
            if t in SKIP:
                self.skip -= 1
            if t == tag:
                break
        if tag in BLOCK and not self.skip:
            self.flush(blank=tag in PARAGRAPH)

    def handle_data(self, data):
        if not self.skip:
            self.cur.append(data)

    def text(self):
        self.flush()
        return "\n".join(self.lines).strip() + "\n"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    pages, out = sys.argv[1], sys.argv[2]
    n = 0
    for name in sorted(os.listdir(pages)):
        src = os.path.join(pages, name, "source.html")
        if not os.path.isfile(src):
            continue
        with open(src, encoding="utf-8", errors="replace") as f:
            d = Dumper()
            d.feed(f.read())
            d.close()
        os.makedirs(os.path.join(out, name), exist_ok=True)
        with open(os.path.join(out, name, "dump.txt"), "w", encoding="utf-8") as f:
            f.write(d.text())
        for extra in ("expected.html", "expected-metadata.json"):
            shutil.copyfile(os.path.join(pages, name, extra), os.path.join(out, name, extra))
        n += 1
    print(f"make-dumps: {n} dumps in {out}")


if __name__ == "__main__":
    main()
