"""Hand-written Reports for server tests: an invented conflict (Ostria, the FHF, Dalmar)."""

from __future__ import annotations

from counterclaim.model import (
    Article, Claim, Cue, Entity, Event, Place, Relation, Report, Source,
)

HOSTILE = (
    'Army says <script>alert("xss")</script> Vorna is calm.\n\n'
    '<img src=x onerror="alert(1)"> The FHF said in a statement that '
    '<a href="javascript:alert(2)">fighting</a> continued in Vorna.'
)


def _span(text: str, part: str, start: int = 0) -> tuple[int, int]:
    begin = text.index(part, start)
    return begin, begin + len(part)


def ostria_report(article_id: str = "feedc0de00000001", day: str = "2026-03-02") -> Report:
    """Two claims, one denying the other, a headline claim restating the first, an event at
    Dalmar and the place with coordinates."""
    text = ("OSTGRAD -- The army said on Monday that its troops had captured Dalmar. "
            "The Free Highlands Front (FHF) denied that the army had captured Dalmar, "
            "calling the report propaganda.")
    army = Entity(id="e1", name="Ostrian army", type="organization", aliases=["army"],
                  mentions=[_span(text, "The army")])
    fhf = Entity(id="e2", name="Free Highlands Front", type="group", aliases=["FHF"],
                 mentions=[_span(text, "The Free Highlands Front")])
    dalmar = Place(id="p1", name="Dalmar", lat=42.1, lon=21.3, country="XO", feature="city",
                   mentions=[_span(text, "Dalmar"), _span(text, "Dalmar", 80)])
    c1 = Claim(id="c1", text="its troops had captured Dalmar",
               span=_span(text, "its troops had captured Dalmar"),
               source=Source(text="The army", span=_span(text, "The army"), entity="e1",
                             kind="named"),
               cue=Cue(text="said", lemma="say", span=_span(text, "said")), mode="indirect",
               status="attributed", date=day)
    c2 = Claim(id="c2", text="the army had captured Dalmar",
               span=_span(text, "the army had captured Dalmar"),
               source=Source(text="The Free Highlands Front (FHF)",
                             span=_span(text, "The Free Highlands Front (FHF)"), entity="e2",
                             kind="named"),
               cue=Cue(text="denied", lemma="deny", span=_span(text, "denied")),
               channel="statement", mode="indirect", status="attributed", negated=True,
               date=day)
    event = Event(id="v1", type="Battles", subtype="Non-state actor overtakes territory",
                  actors=["e1"], place="p1", date=day, date_precision=1, claim="c1",
                  status="disputed", span=c1.span)
    title = "Army says Dalmar captured; FHF denies"
    # A headline claim: its spans index into the title, and it restates c1.
    h1 = Claim(id="h1", field="title", text="Dalmar captured", span=_span(title, "Dalmar captured"),
               source=Source(text="Army", span=_span(title, "Army"), entity="e1", kind="named"),
               cue=Cue(text="says", lemma="say", span=_span(title, "says")), mode="indirect",
               status="attributed", date=day)
    article = Article(id=article_id, title=title, text=text,
                      published=day, outlet="Ostgrad Times")
    return Report(article=article, entities=[army, fhf], claims=[c1, c2], headline_claims=[h1],
                  relations=[Relation(type="denies", from_="c2", to="c1",
                                      evidence="denied")],
                  events=[event], places=[dalmar])


def hostile_report(article_id: str = "badc0de000000001") -> Report:
    """An article whose text is markup meant to run: it must only ever be shown as text."""
    text = HOSTILE
    c1 = Claim(id="c1", text='<a href="javascript:alert(2)">fighting</a> continued in Vorna',
               span=_span(text, '<a href="javascript:alert(2)">fighting</a> continued in Vorna'),
               source=Source(text="The FHF", span=_span(text, "The FHF"), kind="named"),
               cue=Cue(text="said", lemma="say", span=_span(text, "said")), mode="indirect",
               status="attributed")
    article = Article(id=article_id, title='<script>alert("title")</script>', text=text,
                      published="2026-03-05", outlet='<b onmouseover="alert(3)">Outlet</b>',
                      url="javascript:alert(4)")
    return Report(article=article, claims=[c1])


TOWNS = [("Kessen", 41.8, 20.9, "alleged"), ("Vorna", 42.4, 21.9, "asserted"),
         ("Brell", 41.5, 21.6, "reported"), ("Tamrik", 42.9, 20.5, "alleged")]


def event_report(i: int) -> Report:
    """A one-claim report of shelling in one of TOWNS, dated in February 2026."""
    town, lat, lon, status = TOWNS[i % len(TOWNS)]
    day = f"2026-02-{10 + i:02d}"
    text = (f"Residents said shells hit the market in {town} on day {i}, "
            f"and that {i + 2} houses burned.")
    claim = Claim(id="c1", text=f"shells hit the market in {town} on day {i}",
                  span=_span(text, f"shells hit the market in {town} on day {i}"),
                  source=Source(text="Residents", span=_span(text, "Residents"),
                                kind="unnamed"),
                  cue=Cue(text="said", lemma="say", span=_span(text, "said")), mode="indirect",
                  status="reported", date=day)
    place = Place(id="p1", name=town, lat=lat, lon=lon, country="XO", feature="city",
                  mentions=[_span(text, town)])
    event = Event(id="v1", type="Explosions/Remote violence", subtype="Shelling",
                  place="p1", date=day, date_precision=1, claim="c1", status=status)
    article = Article(id=f"0e0e{i:012d}", title=f"Shelling in {town}", text=text,
                      published=day, outlet="Vorna Radio")
    return Report(article=article, claims=[claim], events=[event], places=[place])
