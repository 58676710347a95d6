"""Turns at the parser, the shortest remaining work first.

Parses take turns (spaCy's memory zones must not overlap). A long text is parsed in chunks, each in
a turn of its own, and a caller asks for each turn with the number of chunks it still has to parse:
the turn goes to the waiter with the fewest (first come first among equals). So a short request that
arrives during a 100,000-character parse waits for one chunk, not for the whole text; and long texts
still finish one after another, in the order they came, instead of all slowing down together until
every one of them misses its deadline. A plain lock would do neither: the thread that releases it
may take it again before a waiting one wakes.
"""

from __future__ import annotations

import heapq
import itertools
import threading


class Turns:
    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._waiting: list[tuple[int, int]] = []  # a heap of (chunks left, arrival)
        self._arrivals = itertools.count()
        self._busy = False

    def acquire(self, timeout: float | None = None, remaining: int = 1) -> bool:
        """Wait for a turn (for at most `timeout` seconds), asking with the number of chunks still to
        parse, this one included; False if the turn did not come in time."""
        me = (remaining, next(self._arrivals))
        with self._changed:
            heapq.heappush(self._waiting, me)
            if self._changed.wait_for(lambda: not self._busy and self._waiting[0] == me, timeout):
                heapq.heappop(self._waiting)
                self._busy = True
                return True
            self._waiting.remove(me)
            heapq.heapify(self._waiting)
            self._changed.notify_all()  # the one behind may be first now
            return False

    def release(self) -> None:
        with self._changed:
            self._busy = False
            self._changed.notify_all()
