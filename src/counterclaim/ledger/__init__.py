"""The ledger: analysed reports stored in SQLite or PostgreSQL, merged across articles
(syndicated copies, entities, claim clusters) and queried for disputes.

    >>> from counterclaim.ledger import Ledger
    >>> with Ledger("counterclaim.db") as ledger:
    ...     ledger.add(report)
    ...     ledger.disputes(entity="FHF")
"""

from .store import AddResult, Ledger

__all__ = ["Ledger", "AddResult"]
