"""What the actor stage finds: the party a stretch of text stands for, and an index of them by token."""

from __future__ import annotations

from dataclasses import dataclass

from app.models.v1 import PartyKind

Span = tuple[int, int, str]  # a candidate name: start token, end token (exclusive), label


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    kind: PartyKind
    id: str | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    actor: Actor | None  # None for a place that is no party (a region, a city of no capital)
    start_token: int
    end_token: int  # exclusive
    start: int
    end: int
    text: str
    place: str | None = None  # the place a city or seat of government names, when used as one


class ActorIndex:
    """Every actor mention in a text, looked up by token."""

    def __init__(
        self,
        mentions: list[ActorMention],
        plural: dict[int, list[ActorMention]] | None = None,
        nations: dict[str, Actor] | None = None,
    ) -> None:
        self.mentions = sorted(mentions, key=lambda m: m.start_token)
        self._by_token: dict[int, ActorMention] = {}
        for m in self.mentions:
            for i in range(m.start_token, m.end_token):
                self._by_token.setdefault(i, m)
        self._plural = plural or {}
        self._nations = nations or {}

    def nation_of(self, person: Actor) -> Actor | None:
        """The one country the text ties a person to ("Israeli Prime Minister Benjamin Netanyahu")."""
        return self._nations.get(person.name)

    def at(self, i: int) -> ActorMention | None:
        return self._by_token.get(i)

    def plural_at(self, i: int) -> list[ActorMention]:
        """The parties a plural pronoun ("they", "their") at token i stands for."""
        return self._plural.get(i, [])
