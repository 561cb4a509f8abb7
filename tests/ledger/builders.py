"""Hand-built Reports for ledger tests (invented conflict: Ostria, the FHF, Dalmar, Kessen)."""

from __future__ import annotations

from counterclaim.model import Article, Dateline, Event, Fatalities, Place, Relation, Report
from counterclaim.ledger.synthetic import World, Writer
from counterclaim.ledger.text import stable_id

WORLD = World(groups=[("Free Highlands Front", "FHF"), ("Ostrian Armed Forces", "OAF")],
              people=[], places=[("Dalmar", 1.5, 35.25), ("Kessen", 1.75, 35.5),
                                 ("Vorna", 2.0, 35.0)], outlets=[])
ARMY = ("Karim Sadeq", "named", "spokesperson", "person")
REBEL = ("Lena Osei", "named", "spokeswoman", "person")
RESIDENT = ("A resident", "unnamed", None, None)
FILLER = ("Mobile networks in the highlands have been down for much of the past week and aid "
          "groups say they cannot reach the villages beyond the river crossing")


def build(sentences, *, outlet="Meridian Wire", day="2026-03-02", prefix="",
          relations=(), events=(), title=None) -> Report:
    """sentences: (source or None, content, cue[, negated]) tuples, in order.
    relations: (type, from index, to index) over the sentences' claims."""
    writer = Writer()
    writer.text = prefix
    ids = []
    for source, content, cue, *negated in sentences:
        ids.append(writer.claim(source, content, cue, WORLD, negated=bool(negated and negated[0])))
    for kind, a, b in relations:
        writer.relations.append(Relation.model_validate({"type": kind, "from": ids[a],
                                                         "to": ids[b]}))
    text = writer.text.strip()
    article = Article(id=stable_id(text), title=title or text[:40], outlet=outlet,
                      published=day, text=text,
                      dateline=Dateline(place="DALMAR", date=day, span=(0, 6)))
    return Report(article=article, entities=list(writer.entities.values()),
                  claims=writer.claims, relations=writer.relations,
                  places=list(writer.places.values()), events=list(events))


def capture_story(outlet="Meridian Wire", day="2026-03-02", prefix="", cut=False) -> Report:
    """A wire story: the army claims Dalmar, the FHF denies it; copies edit and cut it."""
    sentences = [
        (ARMY, "OAF fighters captured Dalmar after three days of fighting", "said"),
        (REBEL, "OAF fighters had captured Dalmar", "denied"),
        (RESIDENT, "gunfire could still be heard near the old town of Dalmar after midday",
         "said"),
        (None, FILLER, ""),
        (None, "the conflict began when the FHF took up arms in the highlands three years ago "
               "demanding autonomy for the province", ""),
    ]
    return build(sentences[:-1] if cut else sentences, outlet=outlet, day=day, prefix=prefix,
                 relations=[("denies", 1, 0)])


def event_report() -> Report:
    report = build([(None, "OAF drones struck the market in Kessen", "")], day="2026-03-04",
                   outlet="Highland Courier")
    place = report.places[0]
    entity = report.entities[0]
    report.events.append(Event(id="ev1", type="Explosions/Remote violence",
                               subtype="Air/drone strike", actors=[entity.id],
                               targets=["civilians"], place=place.id, date="2026-03-04",
                               date_precision=1, status="disputed",
                               fatalities=[Fatalities(count=17, text="17 civilians"),
                                           Fatalities(count=11, text="11 bodies")]))
    return report


__all__ = ["build", "capture_story", "event_report", "ARMY", "REBEL", "RESIDENT", "Place"]
