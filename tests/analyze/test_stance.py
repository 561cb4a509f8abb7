"""Stance of invented articles toward a claim, with the shipped model; features and JSONL I/O."""

import json

import numpy as np
import pytest

from counterclaim.analyze.stance import stance, stance_pairs
from counterclaim.analyze.stance_baseline import BASELINE_FEATURE_NAMES, baseline_features
from counterclaim.analyze.stance_features import (
    CUE_NAMES,
    DENSE_FEATURE_NAMES,
    StanceFeaturizer,
    cue_counts,
    split_sentences,
)
from counterclaim.analyze.stance_headline import (
    HEADLINE_LEXICONS,
    OutletPrior,
    headline_features,
    is_headline,
    mask_claim_words,
    outlet_key,
    unrelated_pairs,
)
from counterclaim.analyze.stance_headline_features import attribution_features, framing_features
from counterclaim.errors import EmptyInput

CLAIM = "Free Highlands Front rebels have seized the city of Kessen."

ARTICLES = {
    "agree": (
        "Fighters of the Free Highlands Front (FHF) seized the city of Kessen on Tuesday after "
        "a two-day battle, residents and officials confirmed. The rebels raised their flag over "
        "the city hall in Kessen as government troops withdrew toward Dalmar. Video footage "
        "shows FHF convoys driving through the centre of Kessen. The Ostrian defence ministry "
        "confirmed that Kessen had fallen to the Free Highlands Front."
    ),
    "disagree": (
        "The Ostrian defence ministry on Tuesday denied reports that Free Highlands Front rebels "
        "had seized Kessen, calling the claims a hoax spread by rebel accounts. Government troops "
        "remain in full control of Kessen, officials said. Residents reached by phone said there "
        "was no fighting in the city and that the rebels were not in Kessen. A photo shared "
        "online as proof of the capture was fake: it was taken in another country years ago."
    ),
    "discuss": (
        "Reports that Free Highlands Front rebels have seized Kessen could not be independently "
        "verified on Tuesday. A rebel spokesman claimed on social media that FHF fighters had "
        "entered the city, but the government has not commented. It is unclear whether the "
        "rebels control Kessen or only parts of its outskirts, according to analysts. If "
        "confirmed, the capture would be the biggest rebel gain this year."
    ),
    "unrelated": (
        "Ostria's central bank raised interest rates by half a point on Wednesday to curb "
        "inflation, the bank's governor told reporters in Vorna. Bread and fuel prices have "
        "climbed sharply since spring. Economists expect one more increase before the end of "
        "the year, while exporters warned that a stronger currency would hurt sales abroad."
    ),
}


@pytest.mark.parametrize("expected", sorted(ARTICLES))
def test_stance_of_invented_article(expected):
    result = stance(CLAIM, ARTICLES[expected])
    assert result.stance == expected
    assert 0.25 < result.score <= 1.0
    assert sum(result.probabilities.values()) == pytest.approx(1.0, abs=1e-4)


@pytest.mark.parametrize("label", ["agree", "disagree", "discuss"])
def test_evidence_is_sentences_of_the_text(label):
    result = stance(CLAIM, ARTICLES[label])
    if result.stance == "unrelated":
        pytest.skip("model called it unrelated; reported by test_stance_of_invented_article")
    assert result.evidence
    assert all(sentence in ARTICLES[label] for sentence in result.evidence)


def test_disagree_evidence_carries_a_denial():
    result = stance(CLAIM, ARTICLES["disagree"])
    deny = CUE_NAMES.index("deny")
    assert any(cue_counts(sentence)[deny] for sentence in result.evidence)


def test_empty_claim_is_an_input_error():
    with pytest.raises(EmptyInput):
        stance("   ", ARTICLES["agree"])


def test_stance_pairs_keeps_order_and_reports_bad_lines():
    lines = [
        json.dumps({"claim": CLAIM, "text": ARTICLES["unrelated"]}),
        "{not json",
        json.dumps({"claim": CLAIM}),
        json.dumps({"claim": CLAIM, "text": ARTICLES["agree"]}),
    ]
    records = list(stance_pairs(lines))
    assert len(records) == 4
    assert records[1]["line"] == 2 and "JSON" in records[1]["error"]
    assert records[2]["line"] == 3 and "text" in records[2]["error"]
    assert records[0]["stance"] == stance(CLAIM, ARTICLES["unrelated"]).stance
    assert records[3]["stance"] == stance(CLAIM, ARTICLES["agree"]).stance


def test_split_sentences_keeps_quotes_and_titles():
    text = 'He said "no." Then Mr. Arlen left Dalmar! Was it 3.5 km?\nA new line'
    assert split_sentences(text) == [
        'He said "no."', "Then Mr. Arlen left Dalmar!", "Was it 3.5 km?", "A new line"
    ]


def test_cue_counts_find_multiword_and_clitic_cues():
    counts = dict(zip(CUE_NAMES, cue_counts("Officials say it is not true and didn't happen")))
    assert counts["deny"] == 1  # "not true"
    assert counts["negation"] == 2  # "not", "n't"
    assert counts["hedge"] == 0


def test_features_have_one_column_per_name_and_see_overlap():
    claims = [CLAIM, CLAIM]
    texts = [ARTICLES["agree"], ARTICLES["unrelated"]]
    featurizer = StanceFeaturizer().fit(claims * 3, texts + list(ARTICLES.values()))
    features = featurizer.transform(claims, texts)
    assert features.shape == (2, len(DENSE_FEATURE_NAMES))
    assert np.isfinite(features).all()
    cosine = DENSE_FEATURE_NAMES.index("cos_text")
    assert features[0, cosine] > features[1, cosine]


def test_baseline_features_count_refuting_words_in_headline():
    features = baseline_features(["Kessen capture a hoax, army says"], ["The army spoke."])
    assert features.shape == (1, len(BASELINE_FEATURE_NAMES)) == (1, 44)
    assert features[0, BASELINE_FEATURE_NAMES.index("refute_hoax")] == 1
    assert features[0, BASELINE_FEATURE_NAMES.index("refute_fake")] == 0


# Invented headlines toward CLAIM, one per Emergent class (for / against / observing).
HEADLINES = {
    "agree": "FHF rebels capture Kessen after two-day battle",
    "disagree": "Army denies Kessen has fallen, calls rebel claims a hoax",
    "discuss": "Rebels reportedly seize Kessen, claim unconfirmed",
}


@pytest.mark.parametrize("expected", sorted(HEADLINES))
def test_headline_head_splits_related_labels(expected):
    probabilities = stance(CLAIM, HEADLINES[expected]).probabilities
    related = {label: probabilities[label] for label in ("agree", "disagree", "discuss")}
    assert max(related, key=related.get) == expected


@pytest.mark.parametrize("expected", sorted(HEADLINES))
def test_headline_is_related_and_gets_its_stance(expected):
    # Related vs unrelated of a one-line text comes from the headline head's relatedness
    # booster (vocabulary-free overlap), so invented names like Kessen still count.
    assert stance(CLAIM, HEADLINES[expected]).stance == expected


def test_headline_features_see_hedges_denials_and_negated_claim_words():
    hedged = headline_features(CLAIM, "Rebels reportedly seize Kessen?")
    denied = headline_features(CLAIM, "Kessen not seized: army calls it a hoax")
    flat = headline_features(CLAIM, "Rebels seize Kessen")
    names = list(HEADLINE_LEXICONS)
    count = {name: 3 * i for i, name in enumerate(names)}  # count, first position, claim count
    assert hedged[count["hedge"]] == 1 and flat[count["hedge"]] == 0
    assert hedged[count["question"]] == 1 and flat[count["question"]] == 0
    assert denied[count["deny"]] >= 1 and flat[count["deny"]] == 0
    negation_near = 3 * len(names) + 6
    assert denied[negation_near] == 1 and flat[negation_near] == 0
    assert len(hedged) == len(denied) == len(flat)


def test_short_texts_go_to_the_headline_head():
    import copy

    from counterclaim.analyze.stance import load_stance_model

    class FixedHead:
        def predict_proba(self, claims, texts, sources=None):
            return np.tile(np.array([0.1, 0.7, 0.2], dtype=np.float32), (len(claims), 1))

    model = copy.copy(load_stance_model())
    model.headline = FixedHead()
    texts = [HEADLINES["agree"], ARTICLES["agree"]]
    assert is_headline(texts[0]) and not is_headline(texts[1])
    probabilities = model.predict_proba([CLAIM, CLAIM], texts)
    related = 1.0 - probabilities[0, 3]
    assert probabilities[0, :3] == pytest.approx(np.array([0.1, 0.7, 0.2]) * related, abs=1e-5)
    assert probabilities[1, 1] != pytest.approx(0.7 * (1.0 - probabilities[1, 3]), abs=1e-3)


def test_unrelated_headline_is_unrelated():
    headline = "Ostria's central bank raises interest rates to curb inflation"
    assert stance(CLAIM, headline).stance == "unrelated"


def test_outlet_moves_headline_stance_only():
    from counterclaim.analyze.stance import load_stance_model

    outlets = load_stance_model().headline.views.outlets.counts
    busiest = max(outlets, key=lambda key: outlets[key].sum())
    plain = stance(CLAIM, HEADLINES["discuss"]).probabilities
    assert stance(CLAIM, HEADLINES["discuss"], source="").probabilities == pytest.approx(plain)
    assert stance(CLAIM, HEADLINES["discuss"], source=busiest).probabilities != (
        pytest.approx(plain, abs=1e-6))
    article = stance(CLAIM, ARTICLES["agree"]).probabilities
    assert stance(CLAIM, ARTICLES["agree"], source=busiest).probabilities == (
        pytest.approx(article))


def test_outlet_key_names_one_outlet_for_url_and_domain():
    assert outlet_key("https://www.Vorna-Post.example/2026/11/kessen") == "vorna-post.example"
    assert outlet_key("vorna-post.example") == outlet_key("www.vorna-post.example")
    assert outlet_key(None) == outlet_key("  ") == ""


def test_outlet_prior_smooths_toward_base_rates():
    labels = np.array(["agree", "agree", "discuss", "discuss"])
    prior = OutletPrior.fit(["a.example", "a.example", "b.example", ""], labels, smoothing=2.0)
    known, unknown = prior.transform(["www.a.example", "c.example"])
    assert unknown[:3] == pytest.approx([0.5, 0.0, 0.5]) and unknown[3] == 0.0
    assert known[0] == pytest.approx((2 + 2 * 0.5) / 4)  # 2 agree + 2 pseudo-counts at 0.5
    assert known[3] == pytest.approx(np.log1p(2))


def test_mask_claim_words_keeps_the_framing():
    masked = mask_claim_words(CLAIM, "Army says rebels seized Kessen? Doubtful")
    assert masked == "Army says CLAIMWORD CLAIMWORD CLAIMWORD? Doubtful"


def test_attribution_features_see_who_is_speaking():
    names = ["hedges", "claim_hedges", "speech", "third_party", "social", "lead", "lead_other",
             "tail_speech", "stem_share", "stems_missing"]
    said = dict(zip(names, attribution_features(CLAIM, "Rebels seized Kessen, Ostrian army says")))
    lead = dict(zip(names, attribution_features(CLAIM, "Dalmar Herald: rebels seized Kessen")))
    flat = dict(zip(names, attribution_features(CLAIM, "Rebels seize Kessen")))
    assert said["third_party"] == 1 and said["tail_speech"] == 1 and flat["third_party"] == 0
    assert lead["lead_other"] == 1 and flat["lead"] == 0
    inflected = dict(zip(names, attribution_features(CLAIM, "Rebel seizes Kessen")))
    other = dict(zip(names, attribution_features(CLAIM, "Army moves to Dalmar")))
    assert inflected["stem_share"] == flat["stem_share"] > other["stem_share"] == 0


def test_unrelated_pairs_never_keep_a_headlines_own_claim():
    from counterclaim.analyze.stance_data import StancePair

    pairs = [StancePair(f"claim {g}", f"headline {g}{i}", "agree", str(g))
             for g in range(4) for i in range(3)]  # fmt: skip
    negatives = unrelated_pairs(pairs, seed=7)
    assert len(negatives) == len(pairs)
    assert all(n.claim != f"claim {n.group}" and n.label == "unrelated" for n in negatives)
    assert negatives == unrelated_pairs(pairs, seed=7)


FRAMING_NAMES = [
    "trail_source", "trail_other", "trail_words", "question_lead", "question_mark", "modals",
    "claim_modals", "inquiry", "speech_ing", "quoted", "quoted_claim", "scare_quotes",
    "confirm", "predicate_share", "name_share", "predicate_words", "all_caps",
]


def _framing(headline: str) -> dict[str, float]:
    row = framing_features(CLAIM, headline)
    assert len(row) == len(FRAMING_NAMES)
    return dict(zip(FRAMING_NAMES, row))


def test_framing_features_see_how_the_claim_is_put():
    flat = _framing("Rebels seize Kessen")
    credited = _framing("Rebels seize Kessen: Dalmar monitor")
    asked = _framing("Did rebels seize Kessen?")
    modal = _framing("Rebels could seize Kessen within days")
    quoted = _framing('Rebels "seized" Kessen, Vorna radio reporting')
    names_only = _framing("Kessen residents wait for news of Highlands Front")
    assert credited["trail_source"] == credited["trail_other"] == 1
    assert flat["trail_source"] == flat["question_lead"] == flat["modals"] == 0
    assert asked["question_lead"] == asked["question_mark"] == 1
    assert modal["modals"] == 1
    assert quoted["quoted_claim"] == 1 and quoted["speech_ing"] == 1
    # The claim's predicate ("seized") is repeated by a flat headline, not by one that only
    # names its places and actors.
    assert flat["predicate_share"] > names_only["predicate_share"]
    assert names_only["name_share"] > 0


def test_headline_head_is_reproducible_with_its_seeds():
    from counterclaim.analyze.stance_data import StancePair
    from counterclaim.analyze.stance_headline import HeadlineConfig, HeadlineStanceModel

    towns = ["Dalmar", "Kessen", "Vorna", "Belmar", "Tessin", "Ostrava"]
    frames = [("FHF rebels seize {t}", "agree"),
              ("Army denies {t} fell, calls it a hoax", "disagree"),
              ("Rebels reportedly seize {t}, unconfirmed", "discuss")]  # fmt: skip
    pairs = [StancePair(f"Rebels seized {t}", frame.format(t=t), label, t)
             for t in towns for frame, label in frames]  # fmt: skip
    config = HeadlineConfig(use_outlets=False, folds=3, trees=20)
    # Mixed cues: the trees disagree on these, so a different seed shows in the probabilities.
    texts = ["Vorna radio: rebels could have seized Kessen", "Kessen fell? Army calls it fake",
             "Rebels seize Dalmar, officials deny reports"]  # fmt: skip
    claims = ["Rebels seized Kessen", "Rebels seized Kessen", "Rebels seized Dalmar"]
    first = HeadlineStanceModel(config).fit(pairs).predict_proba(claims, texts)
    second = HeadlineStanceModel(config).fit(pairs).predict_proba(claims, texts)
    assert np.array_equal(first, second)
    other_seed = HeadlineStanceModel(config._replace(seeds=(9,))).fit(pairs)
    assert not np.array_equal(first, other_seed.predict_proba(claims, texts))
