"""The HTTP API and dashboard over a ledger: ``create_app(ledger)`` and ``run(db, ...)``.

    >>> from counterclaim.ledger import Ledger
    >>> from counterclaim.serve import create_app
    >>> app = create_app(Ledger("counterclaim.db"))   # an ASGI app; uvicorn serves it
"""

from .app import create_app, run

__all__ = ["create_app", "run"]
