"""iter_inputs: files, directories, globs and stdin; manifests; one item per article."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from read_samples import BODY_PARAGRAPHS, html_article, plain_article

from counterclaim.read import Failed, Limits, Loaded, iter_inputs

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CONTENT = "".join(f"<p>{p}</p>" for p in BODY_PARAGRAPHS)
RSS = ('<?xml version="1.0"?><rss version="2.0" '
       'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Feed Herald'
       "</title><item><title>One</title><pubDate>Tue, 05 Nov 2024 10:00:00 +0000</pubDate>"
       f"<content:encoded><![CDATA[{CONTENT}]]></content:encoded></item></channel></rss>")


def make_tree(root: Path) -> None:
    (root / "sub" / ".hidden").mkdir(parents=True)
    (root / "b.txt").write_text(plain_article())
    (root / "a.html").write_text(html_article())
    (root / "sub" / "c.txt").write_text(plain_article().replace("Monday", "Tuesday"))
    (root / "sub" / ".hidden" / "d.txt").write_text(plain_article())
    (root / ".e.txt").write_text(plain_article())
    (root / "README.md").write_text("# notes\n\nNot an article.\n")
    (root / "data.json").write_text('{"text": "not read"}')
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")


def locations(items) -> list[str]:
    return [item.location for item in items]


def test_directory_is_walked_recursively_sorted_and_filtered(tmp_path):
    make_tree(tmp_path)
    items = list(iter_inputs([tmp_path]))
    assert all(isinstance(i, Loaded) for i in items)
    assert locations(items) == [str(tmp_path / "a.html"), str(tmp_path / "b.txt"),
                                str(tmp_path / "sub" / "c.txt")]


def test_manifest_metadata_beats_the_page_and_defaults_fill_the_rest(tmp_path):
    make_tree(tmp_path)
    (tmp_path / "manifest.jsonl").write_text("\n".join([
        json.dumps({"file": "a.html", "outlet": "Manifest Outlet", "published": "2023-11-09"}),
        json.dumps({"file": "sub/c.txt", "outlet": "Sub Outlet"}),
    ]))
    items = {Path(i.location).name: i.article
             for i in iter_inputs([tmp_path], outlet="Default Outlet", published="2022-11-05")}
    # the page says 2024; the manifest's date wins and gives the dateline "Nov. 4" its year
    assert (items["a.html"].outlet, items["a.html"].published) == ("Manifest Outlet", "2023-11-09")
    assert items["a.html"].dateline.date == "2023-11-04"
    assert (items["c.txt"].outlet, items["c.txt"].published) == ("Sub Outlet", "2022-11-05")
    assert (items["b.txt"].outlet, items["b.txt"].published) == ("Default Outlet", "2022-11-05")
    # a default date anchors the dateline as a date given to the reader would
    assert items["b.txt"].dateline.date == "2022-11-04"


def test_page_metadata_beats_the_defaults(tmp_path):
    (tmp_path / "a.html").write_text(html_article())
    [item] = iter_inputs([tmp_path], outlet="Default Outlet", published="2000-01-01")
    assert item.article.outlet == "Ostria Herald" and item.article.published.startswith("2024")


def test_manifest_can_be_turned_off(tmp_path):
    (tmp_path / "b.txt").write_text(plain_article())
    (tmp_path / "manifest.jsonl").write_text(json.dumps({"file": "b.txt", "outlet": "M"}))
    [item] = iter_inputs([tmp_path], manifest=False)
    assert item.article.outlet is None


def test_manifest_applies_to_a_file_named_directly(tmp_path):
    (tmp_path / "b.txt").write_text(plain_article())
    (tmp_path / "manifest.jsonl").write_text(json.dumps({"file": "b.txt", "outlet": "M"}))
    [item] = iter_inputs([tmp_path / "b.txt"])
    assert item.article.outlet == "M"


def test_bad_manifest_lines_are_reported_once_and_good_ones_applied(tmp_path):
    (tmp_path / "b.txt").write_text(plain_article())
    (tmp_path / "c.txt").write_text(plain_article())
    (tmp_path / "manifest.jsonl").write_text("\n".join([
        "{broken", json.dumps({"file": "b.txt", "outlet": "M"}),
        json.dumps({"file": "c.txt", "outlit": "typo"})]))
    items = list(iter_inputs([tmp_path]))
    failures = [i for i in items if isinstance(i, Failed)]
    assert locations(failures) == [f"{tmp_path / 'manifest.jsonl'}:1",
                                   f"{tmp_path / 'manifest.jsonl'}:3"]
    assert "outlit" in str(failures[1].error)
    loaded = {Path(i.location).name: i.article.outlet for i in items if isinstance(i, Loaded)}
    assert loaded == {"b.txt": "M", "c.txt": None}


def test_globs_missing_paths_and_duplicates(tmp_path):
    make_tree(tmp_path)
    items = list(iter_inputs([f"{tmp_path}/**/*.txt", tmp_path / "b.txt",
                              tmp_path / "absent.txt", f"{tmp_path}/*.nothing"]))
    assert locations(items) == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "c.txt"),
                                str(tmp_path / "absent.txt"), f"{tmp_path}/*.nothing"]
    assert "no such file" in str(items[2].error)
    assert "no file matches" in str(items[3].error)


def test_xml_is_sniffed_as_feed_html_or_neither(tmp_path):
    (tmp_path / "news.xml").write_text(RSS)
    (tmp_path / "page.xml").write_text(html_article())
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url/></urlset>')
    items = list(iter_inputs([tmp_path]))
    assert [type(i) for i in items] == [Loaded, Loaded, Failed]
    assert items[0].location == f"{tmp_path / 'news.xml'}#1"
    assert items[0].article.outlet == "Feed Herald"
    assert items[1].article.text.startswith("DALMAR")
    assert "neither" in str(items[2].error)


def test_a_named_file_of_unknown_kind_is_sniffed(tmp_path):
    (tmp_path / "story").write_text(plain_article())
    (tmp_path / "feed.php").write_text(RSS)
    items = list(iter_inputs([tmp_path / "story", tmp_path / "feed.php"]))
    assert [type(i) for i in items] == [Loaded, Loaded]
    assert items[1].location.endswith("feed.php#1")


def test_stdin_text_jsonl_and_feed():
    def run(data: bytes):
        return list(iter_inputs(["-"], stdin=io.BufferedReader(io.BytesIO(data))))

    [text] = run(plain_article().encode())
    assert isinstance(text, Loaded) and text.location == "<stdin>"
    lines = run((json.dumps({"text": plain_article()}) + "\n{bad\n").encode())
    assert [type(i) for i in lines] == [Loaded, Failed]
    assert locations(lines) == ["<stdin>:1", "<stdin>:2"]
    [entry] = run(RSS.encode())
    assert isinstance(entry, Loaded) and entry.location == "<stdin>#1"


def test_files_over_the_limits_fail_without_stopping_the_batch(tmp_path):
    (tmp_path / "a.txt").write_text(plain_article())
    (tmp_path / "b.txt").write_text(plain_article() * 40)
    (tmp_path / "c.html").write_text(html_article() + "<!-- padding -->" * 2000)
    limits = Limits(max_file_bytes=20_000, max_article_chars=5_000)
    items = list(iter_inputs([tmp_path], limits=limits))
    assert [type(i) for i in items] == [Loaded, Failed, Failed]
    assert "character limit" in str(items[1].error)
    assert "MB limit" in str(items[2].error)


def expected_example_locations() -> list[str]:
    """Every article the examples hold, counted from the files themselves."""
    expected = []
    for path in sorted(EXAMPLES.rglob("*")):
        relative = path.relative_to(EXAMPLES)
        if path.suffix in (".txt", ".html"):
            expected.append(str(relative))
        elif path.suffix == ".xml":
            count = len(re.findall(r"<item\b|<entry\b", path.read_text()))
            expected += [f"{relative}#{n}" for n in range(1, count + 1)]
        elif path.suffix == ".jsonl" and path.name != "manifest.jsonl":
            lines = [n for n, line in enumerate(path.read_text().split("\n"), 1) if line.strip()]
            expected += [f"{relative}:{n}" for n in lines]
    return expected


def test_every_example_is_an_article_with_its_manifest_metadata():
    items = list(iter_inputs([EXAMPLES]))
    failures = [str(i.error) for i in items if isinstance(i, Failed)]
    assert failures == []
    got = sorted(str(Path(i.location).relative_to(EXAMPLES)) for i in items)
    assert got == sorted(expected_example_locations())
    manifest = [json.loads(line) for line in (EXAMPLES / "manifest.jsonl").read_text().split("\n")
                if line.strip()]
    by_name = {Path(i.location).name: i.article for i in items}
    for entry in manifest:
        article = by_name[entry["file"]]
        assert (article.outlet, article.published) == (entry["outlet"], entry["published"])
    assert all(i.article.outlet for i in items)
