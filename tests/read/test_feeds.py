"""RSS and Atom feeds: full-text entries become articles; entity declarations are refused."""

from __future__ import annotations

import resource
import time
from html import escape

from read_samples import BODY_PARAGRAPHS

from counterclaim.errors import UnsupportedInput
from counterclaim.read.feeds import looks_like_feed, read_feed
from counterclaim.read.records import Failed, Loaded

CONTENT = "".join(f"<p>{p}</p>" for p in BODY_PARAGRAPHS)
SHORT = "Rebels shell Dalmar; the army says three soldiers were wounded."


def rss(items: str, title: str = "Ostria Herald") -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{title}</title><link>https://herald.example/</link>{items}</channel></rss>")


def rss_item(title: str, *, content: str | None = CONTENT, description: str = SHORT,
             date: str = "Mon, 04 Nov 2024 23:30:00 -0500") -> str:
    encoded = f"<content:encoded><![CDATA[{content}]]></content:encoded>" if content else ""
    return (f"<item><title>{title}</title><link>https://herald.example/{title[:5]}</link>"
            f"<pubDate>{date}</pubDate><description>{escape(description)}</description>"
            f"{encoded}</item>")


def test_rss_entries_with_full_content_become_articles(tmp_path):
    path = tmp_path / "herald.xml"
    path.write_text(rss(rss_item("Dalmar shelled") + rss_item("Talks stall")), encoding="utf-8")
    items = list(read_feed(path))
    assert [type(i) for i in items] == [Loaded, Loaded]
    assert [i.location for i in items] == [f"{path}#1", f"{path}#2"]
    article = items[0].article
    assert article.title == "Dalmar shelled" and article.outlet == "Ostria Herald"
    assert article.url == "https://herald.example/Dalma"
    # the feed's own offset is kept: 23:30 on the 4th in -05:00 is still the 4th
    assert article.published == "2024-11-04T23:30:00-05:00"
    assert article.text.startswith("DALMAR, Ostria") and SHORT not in article.text


def test_summary_stands_in_only_when_long_enough(tmp_path):
    long_summary = " ".join(BODY_PARAGRAPHS) * 2
    path = tmp_path / "herald.rss"
    path.write_text(rss(rss_item("Teaser", content=None)
                        + rss_item("Long", content=None, description=long_summary)))
    teaser, full = read_feed(path)
    assert isinstance(teaser, Failed) and "summary" in str(teaser.error)
    assert teaser.location == f"{path}#1"
    assert isinstance(full, Loaded) and full.article.text.startswith("DALMAR")


def test_atom_content_and_dates(tmp_path):
    path = tmp_path / "herald.atom"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Kessen Daily</title><id>urn:kd</id><updated>2024-11-05T08:00:00Z</updated>"
        "<entry><title>Dalmar shelled</title><id>urn:1</id>"
        "<link rel='alternate' href='https://kessen.example/1'/>"
        "<published>2024-11-04T09:30:00+01:00</published><updated>2024-11-05T08:00:00Z</updated>"
        f"<content type='html'>{escape(CONTENT)}</content></entry></feed>")
    [item] = read_feed(path)
    assert isinstance(item, Loaded)
    assert item.article.outlet == "Kessen Daily" and item.article.url == "https://kessen.example/1"
    assert item.article.published == "2024-11-04T09:30:00+01:00"


def test_manifest_and_defaults_do_not_override_the_entry(tmp_path):
    path = tmp_path / "herald.xml"
    path.write_text(rss(rss_item("Dalmar shelled")))
    [item] = read_feed(path, manifest={"outlet": "Manifest Outlet"},
                       defaults={"outlet": "Default", "published": "2000-01-01"})
    assert item.article.published.startswith("2024-11-04")
    assert item.article.outlet == "Ostria Herald"  # the entry's feed title is its own field


def billion_laughs(levels: int = 10, fanout: int = 10) -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * fanout}">' for i in range(1, levels)]
    return ('<?xml version="1.0"?>\n<!DOCTYPE rss [\n' + "\n".join(entities) + "\n]>\n"
            + rss(rss_item(f"&lol{levels - 1};"), title=f"&lol{levels - 1};")[39:])


def test_billion_laughs_is_refused_before_expansion(tmp_path):
    path = tmp_path / "laughs.xml"
    path.write_text(billion_laughs())  # 10^9 "lol"s if expanded: 3 GB
    memory_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    [item] = read_feed(path)
    assert isinstance(item, Failed) and isinstance(item.error, UnsupportedInput)
    assert "entit" in str(item.error) and str(item.error).startswith(str(path))
    assert time.perf_counter() - started < 5
    growth_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - memory_before
    assert growth_kb < 100_000


def test_entities_on_one_line_with_the_doctype_are_refused_too(tmp_path):
    path = tmp_path / "laughs.rss"
    path.write_text(billion_laughs().replace("\n", ""))
    [item] = read_feed(path)
    assert isinstance(item, Failed) and "entit" in str(item.error)


def test_not_a_feed_is_one_failure(tmp_path):
    path = tmp_path / "broken.rss"
    path.write_text("this is not XML at all, just words")
    [item] = read_feed(path)
    assert isinstance(item, Failed) and "feed" in str(item.error)


def test_looks_like_feed_reads_the_root_element():
    assert looks_like_feed(rss("").encode())
    assert looks_like_feed(b'<?xml version="1.0"?><!-- <html> --><feed xmlns="x"></feed>')
    assert looks_like_feed(b'<rdf:RDF xmlns:rdf="x"></rdf:RDF>')
    assert not looks_like_feed(b'<?xml version="1.0"?><urlset></urlset>')
    assert not looks_like_feed(b"<!DOCTYPE html><html><body><p>rss</p></body></html>")
    assert looks_like_feed(rss("").encode("utf-16"))
