"""Geoparsing scorer (eval/geo.py) on tiny hand-written gold in each dataset's format."""

from __future__ import annotations

import pytest

from counterclaim.analyze.places import PlaceMatch
from counterclaim.errors import DataError
from counterclaim.eval.geo import (
    GoldArticle,
    GoldToponym,
    _Tally,
    haversine_km,
    load_articles,
    match_overlapping,
)

TEXT = "Shelling hit Dalmar and Vorna near Kessen."

LGL = f"""<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><text><![CDATA[{TEXT}]]></text>
<toponyms count="2">
 <toponym><start>13</start><end>19</end><phrase>Dalmar</phrase>
  <gaztag geonameid="1"><name>Dalmar</name><lat>10.0</lat><lon>20.0</lon></gaztag></toponym>
 <toponym><start>24</start><end>29</end><phrase>Vorna</phrase></toponym>
</toponyms></article></articles>"""

GWN = f"""<?xml version="1.0" ?>
<articles><article file="0"><title>t</title><text>{TEXT}</text><toponyms>
 <toponym><extractedName>Dalmar</extractedName><type>Literal</type><start>13</start>
  <end>19</end><latitude>10.0</latitude><longitude>20.0</longitude></toponym>
 <toponym><extractedName>Shelling</extractedName><type>Non_Lit_Expression</type>
  <start>0</start><end>8</end></toponym>
</toponyms></article></articles>"""

# GeoVirus offsets are one character late; the loader moves them onto the name.
GEOVIRUS = f"""<articles><article><source>x</source><text>{TEXT}</text><locations>
 <location><name>Kessen</name><start>36</start><end>42</end><lat>11.0</lat><lon>21.0</lon>
  <page>x</page></location>
</locations></article></articles>"""


@pytest.mark.parametrize(
    "content, expected",
    [
        (LGL, [("Dalmar", 10.0), ("Vorna", None)]),
        (GWN, [("Dalmar", 10.0), ("Shelling", None)]),
        (GEOVIRUS, [("Kessen", 11.0)]),
    ],
)
def test_loaders_read_each_format(tmp_path, content, expected):
    path = tmp_path / "gold.xml"
    path.write_text(content, encoding="utf-8")
    (article,) = load_articles(path)
    assert article.text == TEXT
    assert [(t.name, t.lat) for t in article.toponyms] == expected
    for toponym in article.toponyms:
        assert TEXT[toponym.start : toponym.end] == toponym.name


def test_missing_file_is_a_data_error(tmp_path):
    with pytest.raises(DataError):
        load_articles(tmp_path / "absent.xml")


def test_haversine_knows_a_degree_of_latitude():
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.2, abs=0.2)
    assert haversine_km(10.0, 20.0, 10.0, 20.0) == 0.0


def _pred(start, end, lat=None, lon=None, role="literal"):
    return PlaceMatch("x", start, end, role, "x", lat, lon, None, None, None, None, 3, "GPE")


def test_overlap_matching_is_one_to_one():
    gold = [GoldToponym(0, 6, "a", None, None), GoldToponym(7, 12, "b", None, None)]
    predicted = [_pred(0, 12), _pred(2, 4)]
    pairs = match_overlapping(gold, predicted)
    assert len(pairs) == 2 and set(pairs.values()) == {0, 1}


def test_tally_counts_unfound_and_unplaced_gold_as_misses():
    article = GoldArticle(TEXT, [
        GoldToponym(13, 19, "Dalmar", 10.0, 20.0),   # found, placed 0 km off: hit
        GoldToponym(24, 29, "Vorna", 10.0, 20.0),    # found, no coordinates: miss
        GoldToponym(35, 41, "Kessen", 11.0, 21.0),   # not found: miss
    ])
    predicted = [_pred(13, 19, 10.0, 20.0), _pred(24, 29), _pred(0, 8)]
    tally = _Tally()
    tally.add(article, "lgl", predicted)
    result = tally.result()
    assert result["acc161"] == pytest.approx(1 / 3, abs=1e-3)
    assert result["median_km"] == 0.0
    assert result["recognition"]["precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert result["recognition"]["recall"] == pytest.approx(2 / 3, abs=1e-3)


def test_demonyms_count_for_resolution_but_not_recognition():
    article = GoldArticle("Kenyan troops", [GoldToponym(0, 6, "Kenyan", 1.0, 38.0)])
    tally = _Tally()
    tally.add(article, "lgl", [_pred(0, 6, 1.0, 38.0, role="demonym")])
    result = tally.result()
    assert result["acc161"] == 1.0
    assert result["recognition"]["predicted"] == 0


def test_halves_split_the_file_by_position():
    from counterclaim.eval.geo import select_half

    articles = list(range(7))
    assert select_half(articles, "even") == [0, 2, 4, 6]
    assert select_half(articles, "odd") == [1, 3, 5]
    assert select_half(articles, None) == articles
    with pytest.raises(DataError):
        select_half(articles, "first")
