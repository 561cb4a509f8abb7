"""Invented articles (the fictional Ostria conflict) shared by the reading tests."""

from __future__ import annotations

TITLE = "Rebels shell Dalmar as ceasefire talks stall"

BODY_PARAGRAPHS = [
    "DALMAR, Ostria, Nov. 4 (Reuters) - Fighters of the Free Highlands Front (FHF) shelled "
    "the northern city of Dalmar overnight, the Ostrian army said on Monday, a claim the "
    "rebels denied.",
    "\"Our positions near Kessen came under fire first,\" FHF spokesman Arvo Telling told "
    "reporters, adding that the group had withdrawn from the area a week earlier.",
    "The army said three soldiers were wounded. The figure could not be independently "
    "verified.",
]
BODY = "\n\n".join(BODY_PARAGRAPHS)


def plain_article(title_block: str = TITLE) -> str:
    """The article as a wire-style .txt: title block, blank line, body."""
    return f"{title_block}\n\n{BODY}\n"


def html_article(extra_inside_article: str = "") -> str:
    """The same article as a news page, with furniture inside and around <article>."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in BODY_PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | Ostria Herald</title>
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="Ostria Herald">
<meta property="article:published_time" content="2024-11-04T09:30:00+00:00">
<link rel="canonical" href="https://herald.example/2024/11/04/dalmar-shelling">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article class="post type-post comments-open">
<h1>{TITLE}</h1>
{paragraphs}
{extra_inside_article}
</article>
<footer><p>Copyright Ostria Herald. All rights reserved.</p></footer>
</body></html>"""


# Furniture that trafilatura leaves in when it sits inside <article>.
ARTICLE_FURNITURE = """
<div class="sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul>
<li><a href="#">Click to share on Twitter (Opens in new window)</a></li>
<li><a href="#">Click to share on Facebook (Opens in new window)</a></li></ul></div>
<div class="sd-like"><h3>Like this:</h3><p>Like Loading...</p></div>
<div class="jp-relatedposts"><h3>Related articles</h3>
<p><a href="#">Army reinforces Vorna checkpoint</a></p></div>
<div class="newsletter-box"><p>Subscribe to our newsletter</p></div>
<div id="respond" class="comment-respond"><h3>Leave a Reply</h3>
<form action="/wp-comments-post.php" method="post">
<p>Your email address will not be published. Required fields are marked *</p>
<p><label>Comment</label><textarea name="comment"></textarea></p>
<p><input type="submit" value="Post Comment"></p></form></div>
"""
