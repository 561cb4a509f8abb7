"""One router per resource; ``ROUTERS`` lists them in the order the OpenAPI spec shows them."""

from . import analyze, articles, claims, disputes, entities, events, export, ingest, places, search

ROUTERS = [analyze.router, ingest.router, claims.router, disputes.router, entities.router,
           events.router, places.router, articles.router, search.router, export.router]
