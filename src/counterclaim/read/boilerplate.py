"""Site furniture that is not the article: comment forms, share bars, related links.

trafilatura keeps comment forms and share widgets that sit inside ``<article>``, so we
prune them from the HTML tree before extraction (``prune_tree``) and drop the lines they
leave behind in any text, HTML-derived or pasted (``drop_boilerplate_lines``).
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

# class/id tokens (split on space, "-" and "_") that mark furniture, e.g. "comment-respond",
# "sharedaddy", "jp-relatedposts", "newsletter_signup".
FURNITURE_TOKENS = re.compile(
    r"^(?:comments?|commentlist|respond|reply|replies|disqus|share|sharing|sharedaddy|"
    r"sharethis|related|relatedposts|newsletter|subscribe|subscription|"
    r"signup|sidebar|advert|advertisement|ads|promo|breadcrumbs?|pagination|navigation)$",
    re.I,
)
TOKEN_SPLIT = re.compile(r"[\s_-]+")

# Elements that are furniture whatever their class.
FURNITURE_TAGS = ("form", "nav", "aside", "button", "input", "select", "textarea", "iframe",
                  "noscript", "script", "style")

# Containers we never remove: a WordPress <body class="comments-open"> is still the page.
PROTECTED_TAGS = {"html", "head", "body", "main", "article"}
MAX_PRUNED_SHARE = 0.5  # a "related" block holding half the page's text is the article

# Whole lines left by widgets. Anchored at both ends so a sentence that merely mentions
# "share" or "comment" is kept; the optional tail allows "Share this:" + a button label.
BOILERPLATE_LINE = re.compile(
    r"""^\W*(?:
        leave\ a\ (?:reply|comment)(?:\ to\ .{1,60})?
      | (?:post\ |add\ a\ |no\ |\d+\ )?comments?(?:\ \(\d+\))?
      | cancel\ reply | post\ comment | submit\ comment
      | your\ email\ address\ will\ not\ be\ published\.?(?:\ required\ fields\ are\ marked.*)?
      | required\ fields\ are\ marked.{0,5}
      | (?:name|email|website|comment)\ ?\*?
      | save\ my\ name,\ email,?\ and\ website\ in\ this\ browser.*
      | notify\ me\ of\ (?:follow-up\ comments|new\ posts).*
      | share\ this(?:\ article|\ story|\ post)?:?
      | share\ (?:on|via)\ \w+
      | click\ to\ (?:share|email|print)\ .{0,60}
      | (?:tweet|share|print|email|whatsapp|facebook|twitter|linkedin|telegram|reddit)
      | like\ this:? | like\ loading\.*
      | loading\.*
      | related(?:\ (?:articles?|posts?|stories|news|content|reading))?:?
      | (?:read\ more|see\ also|more\ on\ this\ story|you\ may\ also\ like):?
      | recommended(?:\ for\ you)?:?
      | subscribe(?:\ to\ our\ newsletter|\ now|\ for\ .{1,40})?[.!]?
      | sign\ up\ for\ our\ newsletter.*
      | (?:previous|next)\ (?:post|article|story)(?::.{0,100})?
      | post\ navigation
      | advertisement
    )\W*$""",
    re.I | re.X,
)

# After these headings the rest of a page is usually link lists or the comment thread.
TAIL_MARKERS = re.compile(
    r"^\W*(?:related(?:\ (?:articles?|posts?|stories))?|leave\ a\ (?:reply|comment)"
    r"|(?:\d+\ )?comments?|you\ may\ also\ like|more\ on\ this\ story)\W*$",
    re.I | re.X,
)
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]?$")
MIN_SENTENCE_WORDS = 12


def prune_tree(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """Remove furniture elements from ``tree`` in place and return it."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    page_length = len(root.text_content()) or 1
    doomed = [el for el in root.iter()
              if isinstance(el.tag, str) and is_furniture(el, page_length)]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()
    return tree


def is_furniture(element: lxml_html.HtmlElement, page_length: int) -> bool:
    tag = element.tag.lower()
    if tag in PROTECTED_TAGS:
        return False
    if tag in FURNITURE_TAGS:
        return True
    labels = f"{element.get('class', '')} {element.get('id', '')}"
    if not any(FURNITURE_TOKENS.match(tok) for tok in TOKEN_SPLIT.split(labels) if tok):
        return False
    return len(element.text_content()) < MAX_PRUNED_SHARE * page_length


def drop_boilerplate_lines(text: str) -> str:
    """Drop widget lines, and a trailing run of link lists after a "Related" heading."""
    lines = text.split("\n")
    lines = cut_furniture_tail(lines)
    return "\n".join(line for line in lines if not BOILERPLATE_LINE.match(line.strip()))


def cut_furniture_tail(lines: list[str]) -> list[str]:
    """Cut from the earliest tail marker that no prose line follows."""
    cut = len(lines)
    for index in range(len(lines) - 1, -1, -1):
        if looks_like_prose(lines[index]):
            break
        if TAIL_MARKERS.match(lines[index].strip()):
            cut = index
    return lines[:cut]


def looks_like_prose(line: str) -> bool:
    line = line.strip()
    return len(line.split()) >= MIN_SENTENCE_WORDS and bool(SENTENCE_END.search(line))
