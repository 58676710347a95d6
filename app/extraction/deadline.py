"""A time budget per extraction, so that no text can hold a worker past it.

The caller opens a budget around one extraction (`with within(Deadline(seconds)):`); the engine and
the stages call `check()` between stages and in their loops over sentences and mentions. Past the
deadline (or once another thread has cut it short, at shutdown) `check()` raises `DeadlineExceeded`,
so the CPU work stops at the next check instead of running on for a client that gave up. Without a
budget open `check()` does nothing: the library and the benchmarks run unbounded.

The budget travels in a context variable, so stage signatures need not carry it; it is set in the
thread that runs the extraction.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar


class DeadlineExceeded(Exception):
    """The extraction ran past its budget and was stopped."""

    def __init__(self, seconds: float, where: str) -> None:
        super().__init__(f"extraction stopped after its {seconds:g} s budget ({where})")
        self.seconds = seconds
        self.where = where


class Deadline:
    """When one extraction must be over, on the monotonic clock; it starts counting when made."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.started_at = time.monotonic()
        self.expires_at = self.started_at + seconds
        self.abandoned = False  # cut short because no one waits for the answer any more

    def remaining(self) -> float:
        return max(0.0, self.expires_at - time.monotonic())

    def expired(self) -> bool:
        return time.monotonic() >= self.expires_at

    def check(self, where: str = "between steps") -> None:
        if time.monotonic() >= self.expires_at:
            raise DeadlineExceeded(self.seconds, where)

    def cut_to(self, expires_at: float) -> None:
        """Bring the end forward (never back), e.g. to the end of a shutdown's grace period. Called
        from another thread: one float store, which the running extraction reads at its next check."""
        self.expires_at = min(self.expires_at, expires_at)

    def abandon(self) -> None:
        """No one waits for the answer (the client went away): stop at the next check."""
        self.abandoned = True
        self.cut_to(time.monotonic())


_current: ContextVar[Deadline | None] = ContextVar("extraction_deadline", default=None)


@contextmanager
def within(deadline: Deadline) -> Iterator[Deadline]:
    """Run the block under `deadline`: every `check()` in it measures against it."""
    token = _current.set(deadline)
    try:
        yield deadline
    finally:
        _current.reset(token)


def current() -> Deadline | None:
    return _current.get()


def check(where: str = "between steps") -> None:
    """Raise DeadlineExceeded if the extraction running in this context is past its budget."""
    deadline = _current.get()
    if deadline is not None:
        deadline.check(where)
