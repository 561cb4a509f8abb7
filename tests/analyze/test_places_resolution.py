"""Session-5 resolution rules (analyze/places.py, places_scoring.py, places_local.py,
places_recall.py, places_widen.py, places_acronyms.py, geodata_natural.py): world cities
over small namesakes, lists of one kind of place, "the state of X", facility-like
neighbourhoods, hyphenated regions, bare compass names, two-letter region codes,
hand-written natural features, towns inside organisations' names.

Texts are invented (the country Ostria, the towns Dalmar and Kasarindi) around
well-known real places; the assertions are gazetteer facts (London is in England,
Georgia is a US state and a country).
"""

from __future__ import annotations

import pytest

from counterclaim.analyze import gazetteer
from counterclaim.analyze import places_scoring as sc
from counterclaim.analyze.places import PlaceMatch, find_places

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def parse():
    from counterclaim.analyze.nlp import load_base

    return load_base()


def _all(matches: list[PlaceMatch], text: str) -> list[PlaceMatch]:
    found = [m for m in matches if m.text == text]
    assert found, f"{text!r} not among {[m.text for m in matches]}"
    return found


def test_world_city_beats_small_namesake_the_story_country_alone_supports(parse):
    text = ("Dalmar Freight, based in Boston, Massachusetts, said its director flew from "
            "Denver to London on Monday to meet investors.")
    london = _all(find_places(parse(text)), "London")[0]
    assert london.country == "GB"


def test_small_namesake_kept_when_the_text_names_its_state(parse):
    text = "Police in London, Kentucky, said the Ostrian driver was arrested near Corbin."
    london = _all(find_places(parse(text)), "London")[0]
    assert london.country == "US" and london.admin1 == "Kentucky"


def test_a_list_of_states_reads_georgia_as_the_state(parse):
    text = "Cases were reported in Georgia, Oklahoma, Pennsylvania and Ohio last week."
    matches = find_places(parse(text))
    georgia = _all(matches, "Georgia")[0]
    oklahoma = _all(matches, "Oklahoma")[0]
    assert (georgia.country, georgia.feature) == ("US", "admin1")
    assert (oklahoma.country, oklahoma.feature) == ("US", "admin1")


def test_a_list_of_countries_reads_georgia_as_the_country(parse):
    text = "Ministers from Georgia, Armenia and Azerbaijan met in Dalmar on Friday."
    georgia = _all(find_places(parse(text)), "Georgia")[0]
    assert (georgia.country, georgia.feature) == ("GE", "country")


def test_the_state_of_washington_is_the_state(parse):
    text = "The first case was found in the state of Washington, Ostrian officials said."
    washington = _all(find_places(parse(text)), "Washington")[0]
    assert washington.feature == "admin1" and washington.lon < -115


def test_wash_abbreviation_is_the_state_not_the_capital(parse):
    text = "DALMAR HILLS, Wash. - Volunteers cleared the trail on Sunday."
    wash = _all(find_places(parse(text)), "Wash.")[0]
    assert wash.feature == "admin1" and wash.lon < -115


def test_a_square_in_an_unnamed_region_is_not_a_namesake_neighbourhood(parse):
    text = ("In New Orleans, Louisiana, the parade crossed Washington Square on Sunday "
            "before reaching the river.")
    square = _all(find_places(parse(text)), "Washington Square")[0]
    # not Philadelphia's neighbourhood of that name: the New Orleans story's square
    assert square.admin1 != "Pennsylvania"
    assert square.lat is None or abs(square.lat - 29.95) < 0.5


def test_hyphenated_region_is_read_whole(parse):
    text = "Clinics in KwaZulu-Natal reported new cases, the Ostrian health ministry said."
    region = [m for m in find_places(parse(text)) if "Natal" in m.text][0]
    assert region.text == "KwaZulu-Natal"
    assert (region.country, region.feature) == ("ZA", "admin1")


def test_bare_compass_word_is_no_foreign_region(parse):
    text = "Officials in Dalmar accused the West of meddling in the Ostrian election."
    for match in find_places(parse(text)):
        if match.text == "West":
            assert match.country != "CM"  # Cameroon's West Region needs Cameroon named


def test_two_letter_region_code_read_in_the_country_of_the_named_towns(parse):
    text = ("The Dalmar Timber Company opened offices in Kamloops and Kelowna, BC, and "
            "hired forty workers.")
    bc = _all(find_places(parse(text)), "BC")[0]
    assert (bc.name, bc.country) == ("British Columbia", "CA")


def test_two_letter_code_without_its_country_stays_unread(parse):
    text = "The Ostrian team said BC was the best of the visiting clubs in Dalmar."
    assert not [m for m in find_places(parse(text)) if m.text == "BC"]


def test_hand_written_natural_features_have_points(parse):
    text = ("Fishermen on Lake Victoria and barges on the Danube were idle, while talks "
            "on the Korean Peninsula stalled.")
    matches = find_places(parse(text))
    victoria = _all(matches, "Lake Victoria")[0]
    peninsula = _all(matches, "Korean Peninsula")[0]
    assert victoria.feature == "natural" and abs(victoria.lat - -1.0) < 1.5
    assert peninsula.lat is not None and abs(peninsula.lon - 127.5) < 2


def test_natural_feature_names_do_not_shadow_states():
    gaz = gazetteer.load()
    # "Colorado" is still the state; only "Colorado River" is the river
    assert all(e.feature != "natural" for e in gaz.lookup("Colorado"))
    assert any(e.feature == "natural" for e in gaz.lookup("Colorado River"))


def test_former_country_is_a_region():
    gaz = gazetteer.load()
    soviet = [e for e in gaz.lookup("USSR") if e.feature == "region"]
    assert soviet and soviet[0].name == "Soviet Union"


def test_facility_placed_in_a_country_does_not_borrow_a_town_abroad(parse):
    text = ("Traders left Vientiane, Laos, on Monday. In Kasarindi, Kenya, prices of maize "
            "rose sharply.")
    kasarindi = _all(find_places(parse(text)), "Kasarindi")[0]
    assert kasarindi.country == "KE"
    assert kasarindi.lat is None or abs(kasarindi.lon - 102.6) > 5  # not Vientiane's point


def test_world_city_rule_needs_a_giant_abroad():
    gaz = gazetteer.load()
    ctx = sc.Context({}, None)
    # Springfield has no world-city namesake: the rule leaves the choice alone
    springfields = sc.candidates("Springfield", gaz, None)
    chosen = sc.best(springfields, "Springfield", ctx, None, None)
    assert chosen is not None and chosen.country == "US"


def test_every_inhabited_country_has_a_point():
    gaz = gazetteer.load()
    kosovo = gaz.country("XK")
    assert kosovo is not None and abs(kosovo.lat - 42.6) < 1.5  # Pristina's point
    islands = gaz.country("VI")
    assert islands is not None and islands.lat is not None


def test_a_country_name_ending_in_a_stop_word_is_found(parse):
    text = "The ambassador of Ostria to the Holy See presented his letters on Monday."
    see = _all(find_places(parse(text)), "Holy See")[0]
    assert see.country == "VA" and see.lat is not None


def test_facility_takes_a_town_in_the_stories_home_region(parse):
    text = ("Crews from Peoria, Decatur and Champaign, Illinois, joined a team from Lyon, "
            "France. The crash happened on Vorna Road on Sunday.")
    road = _all(find_places(parse(text)), "Vorna Road")[0]
    # not Lyon's point, though Lyon is the last town named before it
    assert road.country == "US" and road.admin1 == "Illinois"
    assert road.precision == 2


def test_a_region_the_model_calls_a_people_is_a_place_before_a_type_word(parse):
    text = "Floods displaced thousands in parts of the Punjab province of Pakistan."
    punjab = [m for m in find_places(parse(text)) if m.text == "Punjab"]
    assert punjab and punjab[0].role != "demonym" and punjab[0].country == "PK"


def test_an_embassy_is_in_the_host_town_not_the_demonyms_country(parse):
    text = ("Protesters gathered outside the Russian Embassy in Nairobi on Monday, "
            "Kenyan police said.")
    embassy = [m for m in find_places(parse(text)) if "Embassy" in m.text]
    assert embassy and embassy[0].country != "RU"


def test_a_region_code_the_model_tags_as_a_place_is_resolved():
    gaz = gazetteer.load()
    found = sc.candidates("NSW", gaz, None)
    assert [e.name for e in found] == ["New South Wales"]
    assert sc.candidates("NSWX", gaz, None) == []
