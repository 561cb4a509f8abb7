"""A small time-limited cache for the aggregate lists (places, entities by reach).

Those lists group the whole ledger on every call, which grows with its size, while their
answer changes only when articles arrive. Entries live ``ttl`` seconds; an ingest through this
server clears them at once, writes by other processes show up within ``ttl``.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class QueryCache:
    def __init__(self, ttl: float = 30.0, max_entries: int = 256):
        self.ttl = ttl
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        now = time.monotonic()
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None and now - hit[0] < self.ttl:
                self._entries.move_to_end(key)
                return hit[1]
        value = compute()  # outside the lock: a slow query must not block cache hits
        with self._lock:
            self._entries[key] = (now, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
