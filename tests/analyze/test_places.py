"""Toponym recognition, roles and offline resolution (analyze/places.py, toponyms.py,
toponym_evidence.py, places_tokens.py, gazetteer.py, gazetteer_build.py).

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
from counterclaim.analyze.places_tokens import is_name_token

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


# ------------------------------------------------------------ session 2: coherence, recall


def test_invented_town_does_not_land_on_a_namesake_abroad(parse):
    # GeoNames lists "Kessen" among the alternate names of an Austrian village
    text = "Shelling hit Kessen and Dalmar overnight, Ostrian officials said in Nairobi."
    matches = find_places(parse(text))
    kessen = [m for m in matches if m.text == "Kessen"]
    assert all(m.lat is None and m.geonames_id is None for m in kessen)
    assert _by_text(matches, "Nairobi").country == "KE"


def test_village_namesake_needs_its_country_in_the_text(parse):
    text = "Fighters moved from Highlands to Dalmar and Vorna, residents said."
    highlands = _by_text(find_places(parse(text)), "Highlands")
    assert highlands.lat is None


def test_towns_named_together_resolve_to_one_cluster(parse):
    text = "The storm knocked out power in Paris, Brantford and Woodstock overnight."
    matches = find_places(parse(text))
    assert {(m.country, m.admin1) for m in matches} == {("CA", "Ontario")}


def test_neighbour_support_counts_other_names_nearby():
    from counterclaim.analyze.gazetteer import GazEntry
    from counterclaim.analyze.places_coherence import neighbour_support

    def town(name, lat, lon):
        return GazEntry(name, lat, lon, "XX", None, "city", 1000, None)

    near_a, far_a = town("A", 10.0, 10.0), town("A", 40.0, 40.0)
    b, c = town("B", 10.1, 10.1), town("C", 10.2, 9.9)
    country = GazEntry("Z", 10.0, 10.0, "XX", None, "country", 10**6, None)
    support = neighbour_support({"a": [near_a, far_a], "b": [b], "c": [c], "z": [country]})
    assert support[id(near_a)] == 2 and support[id(far_a)] == 0
    assert support[id(b)] == 2  # A's near candidate and C
    assert id(country) not in support  # an area, not a point


def test_capitals_dateline_is_a_place_even_when_tagged_an_adverb(parse):
    matches = find_places(parse("Talks stalled.\nBEIRUT: Aid trucks arrived on Monday."))
    beirut = _by_text(matches, "BEIRUT")
    assert beirut.country == "LB" and beirut.role == "literal"


def test_town_comma_state_abbreviation(parse):
    matches = find_places(parse("Greer, S.C. — The council met on Monday."))
    greer = _by_text(matches, "Greer")
    assert (greer.country, greer.admin1) == ("US", "South Carolina")


def test_names_listed_before_counties_are_found(parse):
    text = "Deputies from Clay, Douglas, Grant and Wilkin counties met in Fergus Falls."
    found = {m.text for m in find_places(parse(text))}
    assert {"Clay", "Douglas", "Grant", "Wilkin"} <= found


def test_street_gets_the_point_of_its_town_at_precision_2(parse):
    matches = find_places(parse("Crowds gathered outside Holy Redeemer Church in Chicago."))
    church = _by_text(matches, "Holy Redeemer Church")
    chicago = _by_text(matches, "Chicago")
    assert church.role == "literal" and church.precision == 2 and church.geonames_id is None
    assert (church.lat, church.lon) == (chicago.lat, chicago.lon)


def test_street_in_an_unknown_town_stays_unresolved(parse):
    matches = find_places(parse("A parade moved down Harbour Street in Dalmar on Sunday."))
    assert all(m.lat is None for m in matches)


def test_token_table_matches_spacy_tokens(parse):
    from counterclaim.analyze.places_tokens import token_table

    doc = parse("The U.S. Army said   in Dalmar's east:\n\nUS troops won't go to Kessen.")
    table = token_table(doc)
    assert table.text == [t.text for t in doc]
    assert table.ws == [t.whitespace_ for t in doc]
    assert table.tag == [t.tag_ for t in doc]
    assert table.name == [is_name_token(t) for t in doc]
    # the recognisers' scans walk only the tokens not all in lower case
    assert [table.text[i] for i in table.cased] == [t.text for t in doc if not t.text.islower()]
    assert table.lowercase == {t.text for t in doc if t.text.islower()}
    assert token_table(parse("")).text == []


def _shape(*rings):
    return {"features": [{"geometry": {"type": "Polygon", "coordinates": [ring]}}
                         for ring in rings]}


def _square(lat, lon, half=0.5):  # a square island centred on (lat, lon), as (lon, lat)
    return [[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half],
            [lon - half, lat + half], [lon - half, lat - half]]


def test_country_point_is_the_mainland_centroid_near_the_factbook_point():
    from counterclaim.analyze.places_points import country_point

    # the factbook's rounded point 1 degree off; the largest island wins over a small one
    rec = {"latlng": [10.0, 10.0], "geoJSON": _shape(_square(11.0, 10.0), _square(30, 30, .1))}
    assert country_point(rec) == pytest.approx([11.0, 10.0], abs=0.01)


def test_country_point_keeps_the_factbook_point_for_far_flung_or_hollow_shapes():
    from counterclaim.analyze.places_points import country_point

    far = country_point({"latlng": [10.0, 10.0], "geoJSON": _shape(_square(20.0, 10.0))})
    assert far == [10.0, 10.0]  # an archipelago's mainland centroid is no country point
    # a C-shaped country: its centroid falls in the gap, outside the land
    c_shape = [[9, 9], [12, 9], [12, 10], [10, 10], [10, 12], [12, 12], [12, 13], [9, 13],
               [9, 9]]
    hollow = country_point({"latlng": [11.5, 9.5], "geoJSON": _shape(c_shape)})
    assert hollow == [11.5, 9.5]


def test_equal_area_centroid_weighs_land_by_area_not_degrees():
    from counterclaim.analyze.places_points import centroid

    # from the equator to 60N, a degree of latitude up north holds less area
    lat, _lon = centroid(_shape([[0, 0], [10, 0], [10, 60], [0, 60], [0, 0]]))
    assert 25.0 < lat < 30.0  # the plain-degree centroid would say 30


def test_demonyms_derived_from_region_names():
    gaz = gazetteer.load()
    assert gaz.demonym("Dagestani").country == "RU"  # "Dagestan, Respublika" -> "Dagestan"
    assert gaz.demonym("Ontarians").name == "Ontario"
    assert gaz.demonym("Sudan") is None  # a place's own name is no demonym
    assert gaz.demonym("Kessenian") is None


def test_refused_name_near_two_accepted_towns_is_recovered():
    from types import SimpleNamespace

    from counterclaim.analyze.places_recall import clustered

    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["Athens", "Watkinsville", "Winterville", "Kessen"])
    accepted = [SimpleNamespace(text="Athens", role="literal"),
                SimpleNamespace(text="Watkinsville", role="literal")]
    waiting = [(doc[2:3], None, False), (doc[3:4], None, False)]
    found = clustered(waiting, accepted, gazetteer.load(), 500)
    assert [span.text for span in found] == ["Winterville"]


@pytest.mark.parametrize(
    "text, abbreviation, name",
    [
        ("The S.C. Highway Patrol is looking for the driver.", "S.C.", "South Carolina"),
        ("He lives in Greer, Tenn., with his wife.", "Tenn.", "Tennessee"),
        ("Stars flocked to L.A. on Friday.", "L.A.", "Los Angeles"),
    ],
)
def test_dotted_state_and_city_abbreviations(parse, text, abbreviation, name):
    match = _by_text(find_places(parse(text)), abbreviation)
    assert (match.country, match.name) == ("US", name)


def test_countries_run_together_in_one_entity_are_split():
    from counterclaim.analyze.places_recall import split_run_together

    nlp = spacy.blank("en")
    gaz = gazetteer.load()
    doc = nlp("jobless youth in Greece Italy and Spain")
    parts = split_run_together(doc[3:5], gaz)
    assert [p.text for p in parts] == ["Greece", "Italy"]
    assert [p.text for p in split_run_together(doc[3:4], gaz)] == ["Greece"]
    two_words = nlp("New Zealand")  # a name of its own, not "New" + "Zealand"
    assert [p.text for p in split_run_together(two_words[0:2], gaz)] == ["New Zealand"]


def test_acronym_defined_for_a_place_resolves_as_its_name(parse):
    text = ("Cattle movements were banned in New South Wales (NSW) on Monday. "
            "NSW officials said the ban would last a week.")
    matches = find_places(parse(text))
    uses = [m for m in matches if m.text == "NSW"]
    assert len(uses) == 2
    assert all(m.name == "New South Wales" and m.country == "AU" for m in uses)
    assert all(text[m.start:m.end] == "NSW" for m in uses)


def test_bracketed_capitals_unrelated_to_the_name_are_no_acronym(parse):
    text = "Talks opened in Nairobi (AFP) on Monday. AFP reported no progress."
    assert not any(m.text == "AFP" for m in find_places(parse(text)))


def test_facility_sharing_a_word_with_a_small_town_takes_the_story_town():
    from collections import namedtuple

    from counterclaim.analyze.gazetteer import GazEntry
    from counterclaim.analyze.places_local import anchor_facilities

    nlp = spacy.blank("en")
    doc = nlp("Crowds filled Canal Street in Dalmar")
    fake = namedtuple("M", "span source role type_word text")
    street = fake(doc[2:4], "FAC", "literal", None, "Canal Street")
    town = fake(doc[5:6], "GPE", "literal", None, "Dalmar")
    dalmar = GazEntry("Dalmar", 1.0, 2.0, "XX", None, "city", 50_000, 1)
    hamlet = GazEntry("Canal", 40.0, -100.0, "YY", None, "locality", 900, 2)
    out = anchor_facilities([(street, None, None, hamlet), (town, dalmar, None, None)])
    assert out[0][3] is dalmar  # not the far hamlet that shares the word "Canal"
    city = hamlet._replace(population=2_000_000)
    kept = anchor_facilities([(street, None, None, city), (town, dalmar, None, None)])
    assert kept[0][3] is city  # a big city in the name is where the facility is


def test_invented_region_beside_a_newspaper_named_after_a_town_stays_unplaced(parse):
    # "Highland" (the paper) and "Highlands" are both US towns; Kessen province and the
    # Vorna valley are unknown: nothing here places the story in the US
    text = ("Shelling hit villages in Kessen province and the Vorna valley on Monday. "
            "Fighting spread across the Highlands, residents told the Highland Courier. "
            "Envoys will meet in Geneva next week.")
    matches = find_places(parse(text))
    assert sum(m.lat is None and m.source == "GPE" for m in matches) >= 2  # the setting
    assert all(m.lat is None for m in matches if "Highland" in m.text)
    assert _by_text(matches, "Geneva").country == "CH"


def test_province_of_an_unknown_country_does_not_land_abroad(parse):
    text = "Hundreds fled Ostria's Highlands province into northern Kenya on Wednesday."
    matches = find_places(parse(text))
    province = [m for m in matches if m.text.startswith("Highlands")]
    assert province and all(m.lat is None and m.country is None for m in province)
    assert _by_text(matches, "Kenya").country == "KE"


def test_known_possessor_still_lets_its_region_resolve(parse):
    matches = find_places(parse("Floods hit China's Sichuan province on Monday."))
    assert any(m.country == "CN" and m.lat is not None for m in matches
               if m.text.startswith("Sichuan"))


def test_region_code_counts_only_where_its_country_is_named(parse):
    gaz = gazetteer.load()
    assert gaz.codes["NSW"].name == "New South Wales"
    assert "BC" not in gaz.codes  # two letters: too many regions and words share them
    matches = find_places(parse("Racing was halted in Sydney. NSW officials said the ban "
                                "would last a week."))
    nsw = _by_text(matches, "NSW")
    assert nsw.country == "AU" and nsw.feature == "admin1"
    elsewhere = find_places(parse("Voters in Ohio backed the ACT reform on Tuesday."))
    assert not any(m.text == "ACT" for m in elsewhere)


def test_country_name_continued_through_of_the(parse):
    text = "Aid reached the Democratic Republic of the Congo on Monday."
    matches = find_places(parse(text))
    drc = [m for m in matches if m.text.startswith("Democratic Republic")]
    assert drc and drc[0].country == "CD"


# --- session 4: published province points, widened names, recall patterns -------------


def test_published_province_point_is_checked_against_its_towns():
    from counterclaim.analyze.gazetteer_states import trusted

    towns = [(42.0 + i * 0.5, -79.0 + i * 0.6, 1000, "town") for i in range(8)]
    towns.append((40.71, -74.0, 8_000_000, "new york city"))
    assert trusted((42.9, -75.5), "new york", towns)
    # the namesake city's point, and a point far outside the towns, are not the region's
    assert not trusted((40.71, -74.0), "new york", towns)
    assert not trusted((55.0, -3.0), "new york", towns)
    assert trusted((10.0, 10.0), "anywhere", [])  # nothing to check against


def test_large_province_sits_near_its_middle_not_its_towns():
    pytest.importorskip("countrystatecity_countries")
    gaz = gazetteer.load()
    ontario = [e for e in gaz.lookup("Ontario") if e.feature == "admin1"][0]
    assert ontario.lat > 48.0  # its towns crowd the south shore, below 46
    new_york = [e for e in gaz.lookup("New York") if e.feature == "admin1"][0]
    assert new_york.lat > 41.5  # the state, not Manhattan


def test_a_kind_of_place_is_no_name():
    gaz = gazetteer.load()
    assert not any(e.feature == "country" for e in gaz.lookup("Island"))  # not Iceland


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("Officials in the Democratic People's Republic of Korea denied the report.",
         "Democratic People's Republic of Korea", "KP"),
        ("Aid groups flew medicine to Kinshasa, DR Congo, on Monday.", "DR Congo", "CD"),
        ("Ferries to Cayenne and the Maroni river serve French Guiana's west.",
         "French Guiana", "GF"),
    ],
)
def test_a_name_cut_short_is_widened_to_the_known_whole(parse, text, name, country):
    found = _by_text(find_places(parse(text)), name)
    assert found.country == country and found.role != "demonym"


def test_a_place_name_used_as_a_modifier_is_no_demonym(parse):
    matches = find_places(parse("Doctors are watching some Calgary residents after the outbreak."))
    calgary = _by_text(matches, "Calgary")
    assert calgary.role != "demonym" and calgary.country == "CA"


def test_a_county_named_in_a_building_places_the_building(parse):
    text = "Deputies took the suspect to the Henderson County Jail, the Texas sheriff said."
    jail = _by_text(find_places(parse(text)), "Henderson County Jail")
    # Henderson County, Texas (seat Athens), not the city of Henderson in the next county
    assert abs(jail.lat - 32.2) < 0.3 and abs(jail.lon - -95.85) < 0.3


def test_a_name_used_as_a_place_is_a_place_where_it_recurs(parse):
    text = ("Flooding closed roads in Tewkesbury, England, on Monday. The Tewkesbury Flood "
            "Group said Tewkesbury needed sandbags.")
    found = [m for m in find_places(parse(text)) if m.text == "Tewkesbury"]
    assert len(found) == 3 and all(m.country == "GB" for m in found)


def test_legislators_home_town_and_a_base_are_places(parse):
    moorpark = _by_text(find_places(parse("State Sen. Dana Keller, R-Moorpark, said the bill "
                                          "would pass.")), "Moorpark")
    assert moorpark.country == "US" and moorpark.admin1 == "California"
    sligo = _by_text(find_places(parse("A spokesman for the Sligo-based charity said the "
                                       "appeal would continue.")), "Sligo")
    assert sligo.country == "IE"
    nothing = find_places(parse("The R-rated film and the team-based game sold well."))
    assert not nothing


def test_mt_is_mount():
    from counterclaim.analyze import places_scoring as sc

    gaz = gazetteer.load()
    found = sc.candidates("Mt. Pleasant", gaz, None)
    iowa = [e for e in found if e.admin1 == "Iowa"]
    assert iowa and sc.own_name(iowa[0], gazetteer.normalise("Mt. Pleasant"))


def test_one_unknown_town_takes_the_named_towns_point_at_precision_2(parse):
    text = ("Floods hit Nairobi on Monday. Families in Kasarindi fled to higher ground, "
            "residents of Kasarindi said.")
    kasarindi = _by_text(find_places(parse(text)), "Kasarindi")
    assert kasarindi.precision == 2 and kasarindi.country == "KE"
    assert abs(kasarindi.lat - -1.28) < 0.1  # Nairobi's point: "somewhere near"
    # two or more unknown towns are an unmapped setting: no borrowed point
    invented = find_places(parse("Floods hit Nairobi on Monday. Families in Kasarindi and "
                                 "Brookvale Heights fled to higher ground."))
    assert all(m.lat is None for m in invented if m.text in {"Kasarindi", "Brookvale Heights"})
