"""Score event extraction on two public sets: PETRARCH-2 gold codings and Giveme5W1H.

**PETRARCH** (``evaluate_petrarch``): the 78 sentences of ``PETR2_GSR_validation.xml`` with
their 92 CAMEO codings (or ``noevents``). The file is not well-formed XML (``#`` comment
blocks, self-closed ``<Sentence/>`` tags followed by ``</Sentence>``), so records are read
with regular expressions. Each CAMEO code is mapped to an ACLED event type, and a sentence's
gold is the set of types of its codings ("no event" for ``noevents``). Our label is the type
of the sentence's main event (``analyze.events.main_event``: the first sentence's event
nearest the parse root), or "no event". Reported: accuracy (our label among the gold types),
a confusion table (gold = the coding that agrees with us, else the first violent one, else
the first), and coverage (sentences with a gold event where we find any event; sentences
without one where we find none). A naive keyword row (the type of the first lexicon word in
the sentence) is scored in the same run.

CAMEO root code → ACLED type (sub-codes that change the type in brackets):

| CAMEO | meaning | ACLED |
|---|---|---|
| 01–13 | statements, appeals, intents, consultation, cooperation, aid, yielding, investigation, demands, disapproval, rejection, threats | no event [057 sign formal agreement, 0871 declare ceasefire → Strategic developments (Agreement); 0873 demobilise → Strategic developments; 0874 retreat → Strategic developments (Non-violent transfer of territory)] |
| 14 | protest | Protests [145 violent protest, riot → Riots] |
| 15 | exhibit force posture | Strategic developments |
| 16 | reduce relations | no event |
| 17 | coerce (seize property, arrest, expel, repress) | Strategic developments [175 violent repression → Violence against civilians] |
| 18 | assault (abduct, assault, bomb, assassinate) | Violence against civilians [183 suicide, car or roadside bombing → Explosions/Remote violence] |
| 19 | fight | Battles [190 unspecified military force → Battles or Explosions/Remote violence (either agrees); 194 artillery and tanks, 195 aerial weapons → Explosions/Remote violence; 191 blockade → Strategic developments] |
| 20 | unconventional mass violence | Violence against civilians [204 weapons of mass destruction → Explosions/Remote violence] |

**Giveme5W1H** (``evaluate_5w1h``): 96 news articles with coders' *where* and *when* answers,
*when* normalised to a date. Our answer is the main event's place and date; with no event,
the dateline's place or the first place found.
*Where* matches when our place name and a gold answer contain one another (case-folded);
gold answers carry no coordinates, so no distance test is possible. With no event, *when* is a
day named in the lede, else the anchor (dateline or published date). *When* is scored as the
same day and, looser, the same month as any gold date. A naive row (first GPE/LOC entity,
published date) is scored in the same run.
"""

from __future__ import annotations

import html
import json
import re
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import NamedTuple

from counterclaim.errors import DataError
from counterclaim.eval.common import resolve_data_dir

DEFAULT_PETRARCH = Path("../shared/datasets/petrarch/PETR2_GSR_validation.xml")
DEFAULT_5W1H = Path("../shared/datasets/giveme5w1h")
NO_EVENT = "no event"
BATTLES, REMOTE, CIVILIANS = "Battles", "Explosions/Remote violence", "Violence against civilians"
PROTESTS, RIOTS, STRATEGIC = "Protests", "Riots", "Strategic developments"
CLASSES = (BATTLES, REMOTE, CIVILIANS, PROTESTS, RIOTS, STRATEGIC, NO_EVENT)
VIOLENT = (BATTLES, REMOTE, CIVILIANS, RIOTS)

ROOT_TYPES = {14: PROTESTS, 15: STRATEGIC, 17: STRATEGIC, 18: CIVILIANS, 19: BATTLES, 20: CIVILIANS}
SUBCODE_TYPES = {"057": STRATEGIC, "0871": STRATEGIC, "0873": STRATEGIC, "0874": STRATEGIC,
                 "145": RIOTS, "175": CIVILIANS, "183": REMOTE, "191": STRATEGIC, "194": REMOTE,
                 "195": REMOTE, "204": REMOTE}


def cameo_to_acled(code: str | None) -> frozenset[str]:
    """The ACLED event types a CAMEO event code can be ("193" → Battles), or "no event".
    Only 190, unspecified military force, is either of two: its sub-codes split between
    battles (193) and remote violence (194, 195)."""
    if not code or not code[:2].isdigit():
        return frozenset({NO_EVENT})
    if code == "190":
        return frozenset({BATTLES, REMOTE})
    for length in (4, 3):
        if code[:length] in SUBCODE_TYPES:
            return frozenset({SUBCODE_TYPES[code[:length]]})
    return frozenset({ROOT_TYPES.get(int(code[:2]), NO_EVENT)})


# --- PETRARCH ------------------------------------------------------------------------------


class GoldSentence(NamedTuple):
    id: str
    date: str | None  # ISO day, when the record's date is one
    text: str
    codes: tuple[str | None, ...]  # CAMEO codes; (None,) for "noevents"

    @property
    def types(self) -> frozenset[str]:
        return frozenset().union(*(cameo_to_acled(c) for c in self.codes))


_RECORD = re.compile(r"<Sentence\b([^>]*?)/?>(.*?)(?=<Sentence\b|</Sentences>|\Z)", re.S)
_ATTRS = re.compile(r'(\w+)="([^"]*)"')
_CODING = re.compile(r"<EventCoding\b([^>]*)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_PARSE = re.compile(r"<Parse>(.*?)</Parse>", re.S)


def read_petrarch(path: str | Path) -> list[GoldSentence]:
    """The gold records of a PETRARCH validation file, in file order."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as err:
        raise DataError(f"cannot read PETRARCH file: {err.strerror}", location=str(path)) from None
    sentences = []
    for match in _RECORD.finditer(raw):
        attrs = dict(_ATTRS.findall(match.group(1)))
        text = _TEXT.search(match.group(2))
        if text is None:
            line = raw.count("\n", 0, match.start()) + 1
            raise DataError(f"sentence {attrs.get('id')!r} has no <Text>", location=f"{path}:{line}")
        codings = [dict(_ATTRS.findall(c)) for c in _CODING.findall(match.group(2))]
        codes = tuple(c.get("eventcode") for c in codings) or (None,)
        words = " ".join(html.unescape(text.group(1)).split()) or _text_of_parse(match.group(2))
        sentences.append(GoldSentence(attrs.get("id", ""), _iso_day(attrs.get("date")), words, codes))
    if not sentences:
        raise DataError("no <Sentence> records found", location=str(path))
    return sentences


def _text_of_parse(record: str) -> str:
    """The sentence spelt out from its CoNLL-U parse, for a record whose <Text> is empty."""
    parse = _PARSE.search(record)
    pieces = []
    for line in (parse.group(1).splitlines() if parse else []):
        columns = line.split("\t")
        if len(columns) >= 10 and columns[0].isdigit():
            pieces.append(columns[1] + ("" if "SpaceAfter=No" in columns[9] else " "))
    return html.unescape("".join(pieces)).strip()


def _iso_day(value: str | None) -> str | None:
    if value and re.fullmatch(r"\d{8}", value):
        try:
            return date(int(value[:4]), int(value[4:6]), int(value[6:])).isoformat()
        except ValueError:
            return None
    return None


def keyword_type(text: str) -> str:
    """The naive row: the type of the first lexicon word in the text, by word prefix."""
    from counterclaim.analyze import eventtypes as et

    lexicon = {**et.NOUNS, **et.VERBS}
    for word in re.findall(r"[a-z][a-z-]+", text.lower()):
        for key, kind in lexicon.items():
            if len(key) >= 4 and word.startswith(key) or word == key:
                return BATTLES if kind.type == "?" else kind.type
    return NO_EVENT


class _Scores:
    """Accuracy, confusion and coverage of one system's labels against gold type sets."""

    def __init__(self) -> None:
        self.correct = 0
        self.total = 0
        self.confusion: Counter = Counter()
        self.event_found = Counter()  # gold has an event: found any / all

    def add(self, gold: frozenset[str], label: str) -> None:
        self.total += 1
        self.correct += label in gold
        self.confusion[(_gold_label(gold, label), label)] += 1
        has_event = gold != {NO_EVENT}
        self.event_found[(has_event, label != NO_EVENT)] += 1

    def result(self) -> dict:
        with_event = self.event_found[(True, True)] + self.event_found[(True, False)]
        without = self.event_found[(False, True)] + self.event_found[(False, False)]
        return {
            "accuracy": round(self.correct / self.total, 4) if self.total else None,
            "correct": self.correct, "sentences": self.total,
            "event_coverage": round(self.event_found[(True, True)] / with_event, 4) if with_event else None,
            "no_event_kept": round(self.event_found[(False, False)] / without, 4) if without else None,
            "confusion": {g: {p: self.confusion[(g, p)] for p in CLASSES if self.confusion[(g, p)]}
                          for g in CLASSES if any(self.confusion[(g, p)] for p in CLASSES)},
        }


def _gold_label(gold: frozenset[str], label: str) -> str:
    if label in gold:
        return label
    ordered = [c for c in CLASSES if c in gold]
    violent = [c for c in ordered if c in VIOLENT]
    return (violent or ordered)[0]


def evaluate_petrarch(path: str | Path = DEFAULT_PETRARCH, *, nlp=None) -> dict:
    """Agreement of counterclaim's main event type and of a keyword row with PETRARCH gold
    codings mapped to ACLED types (see the module docstring for the mapping)."""
    from counterclaim import model
    from counterclaim.read import article_id

    sentences = read_petrarch(resolve_data_dir(path))
    nlp = nlp or _load_nlp()
    ours, naive = _Scores(), _Scores()
    started = time.perf_counter()
    for sentence in sentences:
        # The sentence is the article: no title or dateline to split off.
        article = model.Article(id=article_id(sentence.text), text=sentence.text,
                                published=sentence.date)
        doc = analyzed_doc(nlp, article)
        ours.add(sentence.types, _main_type(doc))
        naive.add(sentence.types, keyword_type(sentence.text))
    gold_types = Counter(t for s in sentences for t in s.types)
    return {
        "dataset": "PETR2_GSR_validation", "sentences": len(sentences),
        "codings": sum(len(s.codes) for s in sentences),
        "gold_types": dict(gold_types.most_common()),
        "gold_either_battles_or_remote": sum(1 for s in sentences if "190" in s.codes),
        "spacy_model": nlp.meta.get("name"), "seconds": round(time.perf_counter() - started, 1),
        "systems": {"counterclaim": ours.result(), "keyword baseline": naive.result()},
    }


def _main_type(doc) -> str:
    from counterclaim.analyze.events import main_event

    event = main_event(doc)
    return event.type if event is not None else NO_EVENT


def _load_nlp():
    from counterclaim.analyze.nlp import load_nlp

    return load_nlp()


def analyzed_doc(nlp, article):
    """The Doc of an article after the whole pipeline (``analyze_article`` keeps only the
    Report; the evaluations need the Doc for ``main_event``)."""
    from counterclaim.analyze import make_doc

    doc = make_doc(nlp, article)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


# --- Giveme5W1H ----------------------------------------------------------------------------


class GoldArticle(NamedTuple):
    name: str
    title: str | None
    text: str
    published: str | None
    where: tuple[str, ...]
    when: tuple[str, ...]  # ISO days


def read_5w1h(folder: str | Path) -> list[GoldArticle]:
    """The Giveme5W1H articles of a folder of JSON files, sorted by file name."""
    folder = Path(folder)
    paths = sorted(folder.glob("*.json"))
    if not paths:
        raise DataError("no .json articles found", location=str(folder))
    articles = []
    for path in paths:
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            answers = record["fiveWoneH"]
            where = tuple(a["text"] for a in answers["where"]["annotated"] if a.get("text"))
            when = tuple(a["parsed"][:10] for a in answers["when"]["annotated"] if a.get("parsed"))
            published = (record.get("date_publish") or "")[:10] or None
            articles.append(GoldArticle(path.stem, record.get("title"), record["text"],
                                        published, where, when))
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise DataError(f"not a Giveme5W1H article: {err!r}", location=str(path)) from None
    return articles


class Answer(NamedTuple):
    where: tuple[str, ...]  # names that may stand for the place (gazetteer name, as written)
    when: str | None


def our_answer(doc) -> Answer:
    """Where and when of the main event; else the dateline place or the first place, and a
    day named in the lede or the anchor."""
    from counterclaim.analyze.events import main_event

    event = main_event(doc)
    places = {p.id: p for p in doc._.cc_places or []}
    place = places.get(event.place) if event is not None and event.place else None
    if place is None:
        article = doc._.cc_article
        if article is not None and article.dateline is not None and article.dateline.place:
            where: tuple[str, ...] = (article.dateline.place,)
        else:
            place = next(iter(places.values()), None)
            where = ()
    if place is not None:
        where = (place.name, *{doc.text[s:e] for s, e in place.mentions})
    when = event.date if event is not None and event.date else None
    if when is None:  # a day named in the lede, else the day the report speaks from
        lede = next(iter(doc.sents), None)
        when = next((t.value for t in doc._.cc_times or [] if t.value and t.grain == "day"
                     and lede is not None and t.span[1] <= lede.end_char), None)
    if when is None and doc._.cc_anchor is not None:
        when = str(getattr(doc._.cc_anchor, "date", doc._.cc_anchor))
    return Answer(where, when)


def naive_answer(doc, published: str | None) -> Answer:
    """The naive row: the first GPE/LOC/FAC entity and the published date."""
    first = next((e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")), None)
    return Answer((first,) if first else (), published)


def where_matches(ours: tuple[str, ...], gold: tuple[str, ...]) -> bool:
    folded = [o.casefold().strip() for o in ours if o and o.strip()]
    return any(o in g.casefold() or g.casefold() in o for o in folded for g in gold)


def _month(value: str) -> str | None:
    """The month of an ISO day, week (its Thursday's), month or range start."""
    value = value.split("/", 1)[0]
    week = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    if week:
        try:
            return date.fromisocalendar(int(week[1]), int(week[2]), 4).isoformat()[:7]
        except ValueError:
            return None
    return value[:7] if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value) else None


def when_matches(ours: str | None, gold: tuple[str, ...]) -> tuple[bool, bool]:
    """(same day, same month) against any gold date."""
    if not ours:
        return False, False
    day = ours[:10] if re.fullmatch(r"\d{4}-\d{2}-\d{2}", ours[:10]) and "/" not in ours else None
    month = _month(ours)
    return (day is not None and day in gold,
            month is not None and any(g[:7] == month for g in gold))


class _Rates:
    def __init__(self) -> None:
        self.counts: Counter = Counter()

    def add(self, answer: Answer, gold: GoldArticle) -> None:
        if gold.where:
            self.counts["where_gold"] += 1
            self.counts["where_answered"] += bool(answer.where)
            self.counts["where_match"] += where_matches(answer.where, gold.where)
        if gold.when:
            day, month = when_matches(answer.when, gold.when)
            self.counts["when_gold"] += 1
            self.counts["when_answered"] += bool(answer.when)
            self.counts["when_day"] += day
            self.counts["when_month"] += month

    def result(self) -> dict:
        c = self.counts

        def rate(part: str, whole: str) -> float | None:
            return round(c[part] / c[whole], 4) if c[whole] else None

        return {"where": rate("where_match", "where_gold"),
                "where_answered": rate("where_answered", "where_gold"),
                "when_day": rate("when_day", "when_gold"), "when_month": rate("when_month", "when_gold"),
                "when_answered": rate("when_answered", "when_gold"), "counts": dict(c)}


def evaluate_5w1h(folder: str | Path = DEFAULT_5W1H, *, nlp=None) -> dict:
    """Where and when of counterclaim's main event, and of a naive row, against the
    Giveme5W1H coders' answers (see the module docstring)."""
    from counterclaim.errors import InputError
    from counterclaim.read import read_text

    articles = read_5w1h(resolve_data_dir(folder))
    nlp = nlp or _load_nlp()
    ours, naive = _Rates(), _Rates()
    with_event, skipped = 0, []
    started = time.perf_counter()
    for gold in articles:
        try:
            article = read_text(gold.text, title=gold.title, published=gold.published, name=gold.name)
        except InputError as err:
            skipped.append(f"{gold.name}: {err.message}")
            continue
        doc = analyzed_doc(nlp, article)
        with_event += bool(doc._.cc_events)
        ours.add(our_answer(doc), gold)
        naive.add(naive_answer(doc, gold.published), gold)
    return {
        "dataset": "giveme5w1h", "articles": len(articles), "analyzed": len(articles) - len(skipped),
        "articles_with_event": with_event, "skipped": skipped,
        "spacy_model": nlp.meta.get("name"), "seconds": round(time.perf_counter() - started, 1),
        "systems": {"counterclaim": ours.result(), "naive (first GPE, published date)": naive.result()},
    }
