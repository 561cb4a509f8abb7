"""The dashboard: server-rendered pages (Jinja2, autoescaped) over the same queries as the API.

Pages hold no inline script or style (the CSP forbids both); behaviour lives in static/js/.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import RedirectResponse

from . import lookup
from .deps import ISO_DATE, LedgerDep
from .errors import ApiError
from .highlight import claim_views, pieces

router = APIRouter(include_in_schema=False)
PAGE = 25
STATUSES = ["asserted", "attributed", "reported", "alleged", "purported", "hedged"]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
# Filter forms submit empty fields as "": pages read them as "not given".
TextQuery = Annotated[str | None, Query(max_length=200)]
DateQuery = Annotated[str | None, Query(max_length=10)]


def _given(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _date(value: str | None, name: str) -> str | None:
    value = _given(value)
    if value is not None and not re.match(ISO_DATE, value):
        raise ApiError(422, "invalid_request", f"{name} must be a date YYYY-MM-DD")
    return value


def render(request: Request, name: str, **context):
    context.setdefault("filters", {})
    context["token_required"] = request.app.state.token is not None
    return request.app.state.templates.TemplateResponse(request, name, context)


def _paged(rows: list, offset: int) -> tuple[list, int | None, int | None]:
    more = len(rows) > PAGE
    return rows[:PAGE], (offset + PAGE if more else None), (max(0, offset - PAGE)
                                                           if offset else None)


@router.get("/")
def home():
    return RedirectResponse("/disputes", status_code=307)


@router.get("/disputes")
def disputes_page(request: Request, ledger: LedgerDep, entity: TextQuery = None,
                  place: TextQuery = None, since: DateQuery = None, offset: Offset = 0):
    entity, place = _given(entity), _given(place)
    since = _date(since, "since")
    rows = ledger.disputes(entity=entity, place=place, since=since, limit=PAGE + 1,
                           offset=offset)
    items, next_offset, prev_offset = _paged(rows, offset)
    return render(request, "disputes.html", disputes=items, next_offset=next_offset,
                  prev_offset=prev_offset,
                  filters={"entity": entity, "place": place, "since": since})


@router.get("/articles")
def articles_page(request: Request, ledger: LedgerDep, outlet: TextQuery = None,
                  since: DateQuery = None, until: DateQuery = None, offset: Offset = 0):
    outlet = _given(outlet)
    since = _date(since, "since")
    until = _date(until, "until")
    rows = lookup.articles_list(ledger.engine, outlet=outlet, since=since, until=until,
                                limit=PAGE, offset=offset)
    items, next_offset, prev_offset = _paged(rows, offset)
    return render(request, "articles.html", articles=items, next_offset=next_offset,
                  prev_offset=prev_offset,
                  filters={"outlet": outlet, "since": since, "until": until})


@router.get("/articles/{article_id}")
def article_page(request: Request, ledger: LedgerDep,
                 article_id: Annotated[str, Path(min_length=1, max_length=100)]):
    report = ledger.article(article_id)
    if report is None:
        raise ApiError(404, "not_found", f"no article with id {article_id!r}")
    views = claim_views(report)
    colour = {v.claim.id: v.colour for v in views}
    entities = {e.id: e.name for e in report.entities}
    body, headline = report.claims, report.headline_claims
    title = report.article.title
    return render(request, "article.html", report=report, article=report.article,
                  pieces=pieces(report.article.text, body), views=views,
                  title_pieces=pieces(title, headline) if title and headline else None,
                  colour=colour, entities=entities,
                  claim_text={c.id: c.text for c in report.all_claims()},
                  views_status={c.id: c.status for c in report.all_claims()})


@router.get("/claims")
def claims_page(request: Request, ledger: LedgerDep, entity: TextQuery = None,
                place: TextQuery = None, status: TextQuery = None, outlet: TextQuery = None,
                since: DateQuery = None, until: DateQuery = None, offset: Offset = 0):
    entity, place, status, outlet = _given(entity), _given(place), _given(status), _given(outlet)
    since = _date(since, "since")
    until = _date(until, "until")
    if status is not None and status not in STATUSES:
        raise ApiError(422, "invalid_request", f"status must be one of {', '.join(STATUSES)}")
    rows = lookup.claims(ledger.engine, entity=entity, place=place, status=status,
                         outlet=outlet, since=since, until=until, limit=PAGE, offset=offset)
    items, next_offset, prev_offset = _paged(rows, offset)
    return render(request, "claims.html", claims=items, next_offset=next_offset,
                  prev_offset=prev_offset, statuses=STATUSES,
                  filters={"entity": entity, "place": place, "status": status,
                           "outlet": outlet, "since": since, "until": until})


@router.get("/entities")
def entities_page(request: Request, ledger: LedgerDep, q: TextQuery = None,
                  offset: Offset = 0):
    q = _given(q)
    rows = request.app.state.cache.get(("entities", q, None, PAGE, offset), lambda: (
        lookup.entities_list(ledger.engine, q=q, limit=PAGE, offset=offset)))
    items, next_offset, prev_offset = _paged(rows, offset)
    return render(request, "entities.html", entities=items, next_offset=next_offset,
                  prev_offset=prev_offset, filters={"q": q})


@router.get("/entities/{name}")
def entity_page(request: Request, ledger: LedgerDep,
                name: Annotated[str, Path(min_length=1, max_length=200)]):
    profile = ledger.entity(name)
    if profile is None:
        raise ApiError(404, "not_found", f"no entity matches {name!r}")
    history = sorted(
        [("claimed", c.day, c) for c in profile.claimed]
        + [("about", c.day, c) for c in profile.about]
        + [("denied", d.last_seen, d) for d in profile.denied],
        key=lambda item: item[1] or "", reverse=True)
    return render(request, "entity.html", profile=profile, history=history,
                  chart=activity_chart(history))


BAR_KINDS = ("claimed", "denied", "about")


def activity_chart(history: list, height: int = 110, bar: int = 28, gap: int = 12) -> dict:
    """Stacked bars per day (claimed / denied / about it) as SVG geometry: rect attributes
    instead of inline styles, which the CSP forbids."""
    counts: dict[str, dict[str, int]] = {}
    for kind, day, _ in history:
        if day:
            counts.setdefault(day, dict.fromkeys(BAR_KINDS, 0))[kind] += 1
    top = max((sum(c.values()) for c in counts.values()), default=1)
    bars = []
    for i, day in enumerate(sorted(counts)):
        x, y, rects = gap + i * (bar + gap), height, []
        for kind in BAR_KINDS:
            n = counts[day][kind]
            h = round(n / top * (height - 10))
            if n:
                y -= h
                rects.append({"kind": kind, "y": y, "h": h, "n": n})
        bars.append({"day": day, "x": x, "rects": rects})
    return {"bars": bars, "width": max(300, gap + len(bars) * (bar + gap)), "bar": bar,
            "height": height, "top": top}


@router.get("/map")
def map_page(request: Request):
    return render(request, "map.html")


@router.get("/timeline")
def timeline_page(request: Request, ledger: LedgerDep, entity: TextQuery = None,
                  place: TextQuery = None, since: DateQuery = None):
    entity, place = _given(entity), _given(place)
    since = _date(since, "since")
    items = ledger.timeline(entity=entity, place=place, since=since, limit=300)
    by_day: dict[str, list] = {}
    for item in items:
        by_day.setdefault(item.day or "undated", []).append(item)
    return render(request, "timeline.html", by_day=by_day,
                  filters={"entity": entity, "place": place, "since": since})


@router.get("/search")
def search_page(request: Request, ledger: LedgerDep, q: TextQuery = None):
    q = _given(q)
    hits = ledger.search(q, limit=50) if q else []
    return render(request, "search.html", hits=hits, filters={"q": q})


@router.get("/ingest")
def ingest_page(request: Request):
    return render(request, "ingest.html", max_upload_bytes=request.app.state.max_upload_bytes)
