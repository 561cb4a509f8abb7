"""Toponym recognition, roles and offline resolution (analyze/places.py, toponyms.py, gazetteer.py).

Texts are invented (the country Ostria, the towns Dalmar and Vorna) or plain sentences
around well-known real places.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from counterclaim import model
from counterclaim.analyze import gazetteer
from counterclaim.analyze.places import PlaceMatch, find_places, places_to_model
from counterclaim.analyze.toponyms import gazetteer_runs

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def parse():
    from counterclaim.analyze.nlp import load_base

    nlp = load_base()
    return nlp


def _by_text(matches: list[PlaceMatch], text: str) -> PlaceMatch:
    found = [m for m in matches if m.text == text]
    assert found, f"{text!r} not among {[m.text for m in matches]}"
    return found[0]


def test_capital_resolves_to_its_country(parse):
    matches = find_places(parse("Aid convoys reached Nairobi on Tuesday."))
    nairobi = _by_text(matches, "Nairobi")
    assert nairobi.country == "KE"
    assert nairobi.feature == "city" and nairobi.precision == 1
    assert abs(nairobi.lat - -1.29) < 0.2 and abs(nairobi.lon - 36.82) < 0.2


@pytest.mark.parametrize(
    "text, country, admin1",
    [
        ("France closed its borders after protests in Paris.", "FR", None),
        ("The sheriff in Paris, Texas, said the road reopened.", "US", "Texas"),
        ("Governors across the United States met in Paris, in Lamar County, Texas.", "US", "Texas"),
    ],
)
def test_paris_follows_its_context(parse, text, country, admin1):
    paris = _by_text(find_places(parse(text)), "Paris")
    assert paris.country == country
    if admin1:
        assert paris.admin1 == admin1


def test_springfield_takes_the_state_written_beside_it(parse):
    text = "The mayor of Springfield, Illinois, spoke first."
    springfield = _by_text(find_places(parse(text)), "Springfield")
    assert (springfield.country, springfield.admin1) == ("US", "Illinois")


def test_province_wording_gives_a_first_level_region(parse):
    matches = find_places(parse("Fighting spread across Helmand province overnight."))
    helmand = _by_text(matches, "Helmand")
    assert helmand.feature == "admin1"
    assert helmand.precision == 3
    assert helmand.country == "AF"


def test_demonym_links_to_its_country_but_is_not_a_place(parse):
    text = "Kenyan troops arrived in Mombasa."
    matches = find_places(parse(text))
    kenyan = _by_text(matches, "Kenyan")
    assert kenyan.role == "demonym" and kenyan.country == "KE"
    places = places_to_model(matches)
    assert [p.name for p in places] == ["Mombasa"]


def test_speaking_country_is_a_metonym_not_a_place(parse):
    matches = find_places(parse("Kenya denied the report on Monday."))
    kenya = _by_text(matches, "Kenya")
    assert kenya.role == "metonym"
    assert kenya.country == "KE"  # still resolved, for actor linking
    assert places_to_model(matches) == []


def test_literal_country_is_a_place(parse):
    places = places_to_model(find_places(parse("Floods hit Kenya on Monday.")))
    assert [(p.name, p.country, p.feature, p.precision) for p in places] == [
        ("Kenya", "KE", "country", 3)
    ]


def test_unknown_toponym_is_kept_with_null_coordinates(parse):
    text = "Rebels of the Free Highlands Front seized Dalmar, Kenya, on Sunday."
    dalmar = _by_text(find_places(parse(text)), "Dalmar")
    assert dalmar.role == "literal"
    assert dalmar.lat is None and dalmar.lon is None and dalmar.geonames_id is None
    assert dalmar.country == "KE"


def test_unknown_valley_is_kept_as_a_natural_feature(parse):
    text = "Shelling was reported in the Vorna valley near the border."
    matches = find_places(parse(text))
    vorna = _by_text(matches, "Vorna")
    assert vorna.lat is None and vorna.feature == "natural"


def test_spans_are_code_point_offsets_into_the_text(parse):
    text = "Café owners in São Paulo said prices rose; in Nairobi, too — and in Córdoba, Spain."
    matches = find_places(parse(text))
    assert {"São Paulo", "Nairobi", "Córdoba", "Spain"} <= {m.text for m in matches}
    for match in matches:
        assert text[match.start : match.end] == match.text
    for place in places_to_model(matches):
        for start, end in place.mentions:
            assert text[start:end] in {place.name, *(m.text for m in matches)}


def test_places_to_model_groups_mentions_of_one_place(parse):
    text = "Protests in Nairobi grew. Police in Nairobi fired tear gas."
    places = places_to_model(find_places(parse(text)))
    assert len(places) == 1
    assert isinstance(places[0], model.Place)
    assert places[0].country == "KE" and len(places[0].mentions) == 2


def test_dateline_country_breaks_a_tie(parse):
    doc = parse("Police said the march through Alexandria ended peacefully.")
    egypt = _by_text(find_places(doc, dateline_place="CAIRO"), "Alexandria")
    virginia = _by_text(find_places(doc, dateline_place="WASHINGTON"), "Alexandria")
    assert egypt.country == "EG"
    assert virginia.country == "US"


def test_component_sets_places_and_toponyms(parse):
    from counterclaim.analyze.places import make_places

    component = make_places(parse, "cc_places")
    assert Doc.has_extension("cc_places") and Doc.has_extension("cc_toponyms")
    doc = component(parse("Kenya denied that troops entered Mombasa."))
    assert [p.name for p in doc._.cc_places] == ["Mombasa"]
    assert all(isinstance(p, model.Place) for p in doc._.cc_places)
    assert {(m.text, m.role) for m in doc._.cc_toponyms} == {
        ("Kenya", "metonym"), ("Mombasa", "literal")}


def test_component_is_registered_by_name():
    nlp = spacy.blank("en")
    nlp.add_pipe("cc_places")
    assert "cc_places" in nlp.pipe_names
    assert nlp("Dalmar")._.cc_places == []  # no entities, no proper nouns: nothing found


def test_gazetteer_runs_find_a_parish_the_model_missed():
    nlp = spacy.blank("en")
    words = ["Deputies", "from", "Rapides", "Parish", "arrived", "."]
    tags = ["NNS", "IN", "NNP", "NNP", "VBD", "."]
    doc = Doc(nlp.vocab, words=words, tags=tags)
    runs = [span.text for span in gazetteer_runs(doc, gazetteer.load())]
    assert runs == ["Rapides Parish"]


def test_find_places_needs_no_parser():
    nlp = spacy.blank("en")
    words = ["Deputies", "from", "Rapides", "Parish", "arrived", "."]
    doc = Doc(nlp.vocab, words=words, tags=["NNS", "IN", "NNP", "NNP", "VBD", "."])
    (parish,) = find_places(doc)
    assert (parish.text, parish.country, parish.admin1) == ("Rapides Parish", "US", "Louisiana")
    assert parish.feature == "admin2" and parish.precision == 2


def test_gazetteer_index_knows_short_country_names_and_demonyms():
    gaz = gazetteer.load()
    assert any(e.country == "US" and e.feature == "country" for e in gaz.lookup("U.S."))
    assert gaz.demonym("Kenyans").country == "KE"
    assert gaz.demonym("Ostrian") is None
    assert gazetteer.normalise("St. Étienne") == "st etienne"
