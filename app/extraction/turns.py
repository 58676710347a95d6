"""Turns at the parser, first come first served.

Parses take turns (spaCy's memory zones must not overlap). A long text is parsed in chunks, each in
a turn of its own, and it queues again behind whoever waited meanwhile: a short request that arrives
during a 100,000-character parse waits for one chunk, not for the whole text. A plain lock would not
do that: the thread that releases it may take it again before a waiting one wakes.
"""

from __future__ import annotations

import threading
from collections import deque


class Turns:
    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._queue: deque[object] = deque()
        self._busy = False

    def acquire(self, timeout: float | None = None) -> bool:
        """Wait for this caller's turn (for at most `timeout` seconds); False if it did not come."""
        me = object()
        with self._changed:
            self._queue.append(me)
            if self._changed.wait_for(lambda: not self._busy and self._queue[0] is me, timeout):
                self._queue.popleft()
                self._busy = True
                return True
            self._queue.remove(me)
            self._changed.notify_all()  # the one behind may be first now
            return False

    def release(self) -> None:
        with self._changed:
            self._busy = False
            self._changed.notify_all()
