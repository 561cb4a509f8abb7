"""Non-English articles are refused; terse English wire copy full of names is not."""

from __future__ import annotations

import pytest
from read_samples import BODY

from counterclaim.errors import NotEnglish
from counterclaim.read import read_text

FOREIGN = {
    "German": "Die Rebellen der Freien Hochlandfront haben in der Nacht die Stadt Dalmar "
              "beschossen, teilte die Armee am Montag mit. Die Gruppe wies die Vorw\u00fcrfe "
              "zur\u00fcck und erkl\u00e4rte, ihre K\u00e4mpfer h\u00e4tten sich l\u00e4ngst "
              "zur\u00fcckgezogen.",
    "French": "Les rebelles du Front des hautes terres libres ont bombard\u00e9 la ville de "
              "Dalmar pendant la nuit, a d\u00e9clar\u00e9 l'arm\u00e9e lundi. Le groupe a "
              "d\u00e9menti, affirmant que ses combattants s'\u00e9taient retir\u00e9s de la "
              "zone une semaine plus t\u00f4t.",
    "Spanish": "Los rebeldes del Frente de las Tierras Altas Libres bombardearon durante la "
               "noche la ciudad de Dalmar, seg\u00fan inform\u00f3 el ej\u00e9rcito el lunes. "
               "El grupo lo neg\u00f3 y dijo que sus combatientes se hab\u00edan retirado.",
    "Russian": "\u041f\u043e\u0432\u0441\u0442\u0430\u043d\u0446\u044b \u043d\u043e\u0447\u044c"
               "\u044e \u043e\u0431\u0441\u0442\u0440\u0435\u043b\u044f\u043b\u0438 \u0433\u043e"
               "\u0440\u043e\u0434 \u0414\u0430\u043b\u043c\u0430\u0440, \u0441\u043e\u043e\u0431"
               "\u0449\u0438\u043b\u0430 \u0430\u0440\u043c\u0438\u044f \u0432 \u043f\u043e\u043d"
               "\u0435\u0434\u0435\u043b\u044c\u043d\u0438\u043a. \u0413\u0440\u0443\u043f\u043f"
               "\u0430 \u043e\u0442\u0440\u0438\u0446\u0430\u0435\u0442 \u044d\u0442\u043e.",
}


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_non_english_is_refused(language):
    with pytest.raises(NotEnglish) as info:
        read_text(FOREIGN[language], name=f"{language}.txt")
    assert str(info.value).startswith(f"{language}.txt: ")
    assert language in str(info.value)


@pytest.mark.parametrize("text", [
    "DALMAR, Ostria (Reuters) - FHF commander Arvo Telling killed in Kessen, army says.",
    "VORNA (AFP) - Ostrian Defence Minister Mirela Vasko met FHF envoy Tomas Brenn in Dalmar.",
    "KESSEN, Nov 4 (NAN) - Brig. Gen. Oskar Halvard, Col. Ilse Marek, Maj. Dren Voss.",
    "Dalmar: Vasko, Brenn, Telling meet",
    "Army: FHF shelled Dalmar",
    "OK",
])
def test_short_english_with_many_names_is_accepted(text):
    assert read_text(text).language == "en"


def test_english_article_quoting_a_foreign_phrase_is_accepted():
    quote = " The banner read \u201cFreiheit f\u00fcr das Hochland\u201d, the army said."
    assert read_text(BODY + quote).text.endswith("the army said.")
