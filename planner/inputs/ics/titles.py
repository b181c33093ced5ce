"""Which body an event's title names: the longest body name or alias found in SUMMARY as
*whole words* ("CICA Summit" beats "Summit"; "Summitry workshop" is no Summit), unless the rest
of the title says the event is about something around the meeting ("Youth Council planning
call", "Pre-Summit briefing"); our ``X-PLANNER-BODY`` and a CATEGORIES value that names a body
come first (:func:`match_body`)."""

from __future__ import annotations

import re
from typing import Any

from icalendar import Event

from planner.inputs.ics.ics_events import categories, text
from planner.inputs.limits import MAX_TITLE_MATCHED
from planner.inputs.register import BodyMatcher

# Words that say an event is about a meeting rather than the meeting itself.
_AROUND = frozenset(
    ["planning", "prep", "preparation", "preparatory", "pre", "post", "briefing", "debriefing", "debrief", "rehearsal", "lunch", "dinner", "reception", "travel", "flight", "hotel", "visa", "deadline", "reminder", "drafting", "press", "premeeting"]
)

_WORD = re.compile(r"\w+")
_NAMES = ""  # the trie's key for the names that end at a node: no word is empty


class TitleMatcher:
    """The body an event's title names (:meth:`body`), found once per distinct title: the
    occurrences of a series all share one SUMMARY, and a search of every name and alias per
    occurrence made a 50,000-occurrence register take seconds in this alone.

    Names are indexed by their words (a trie of ``\\w+`` runs): a name can stand in a title as
    whole words only where the title's words run as the name's do, so a title is searched only
    for the names whose words it holds. Searching each title for every name took 25 ms a title
    with 100,000 aliases (a 100,000-event .ics: 40 minutes); each candidate is still confirmed
    by the same whole-word search, so the answer is the same."""

    def __init__(self, matcher: BodyMatcher) -> None:
        self.matcher = matcher
        self._trie: dict[str, Any] = {}
        self._loose: list[tuple[int, int, str, str]] = []  # names without a word character
        # in the matcher's order: of two names of one length, the first found wins
        for order, (name, body_id) in enumerate(matcher.by_name.items()):
            entry = (order, len(name), name, body_id)
            words = _WORD.findall(name)
            if not words:
                self._loose.append(entry)
                continue
            node = self._trie
            for word in words:
                node = node.setdefault(word, {})
            node.setdefault(_NAMES, []).append(entry)
        self._patterns: dict[str, re.Pattern[str]] = {}
        self._seen: dict[str, str | None] = {}

    def _pattern(self, name: str) -> re.Pattern[str]:
        pattern = self._patterns.get(name)
        if pattern is None:
            pattern = self._patterns[name] = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
        return pattern

    def _candidates(self, words: list[str]) -> list[tuple[int, int, str, str]]:
        """The names whose words run in ``words`` as they do in the name, in the matcher's order."""
        found: dict[int, tuple[int, int, str, str]] = {entry[0]: entry for entry in self._loose}
        trie = self._trie
        for start in range(len(words)):
            node = trie
            for word in words[start:]:
                node = node.get(word)
                if node is None:
                    break
                for entry in node.get(_NAMES, ()):
                    found[entry[0]] = entry
        return [found[order] for order in sorted(found)]

    def body(self, title: str) -> str | None:
        """The body whose longest name or alias stands in ``title`` as whole words, unless the
        rest of the title says the event is around the meeting (a planning call, a briefing)."""
        if title in self._seen:
            return self._seen[title]
        folded = title[:MAX_TITLE_MATCHED].casefold()
        best: tuple[int, re.Pattern[str], str] | None = None
        for _, length, name, body_id in self._candidates(_WORD.findall(folded)):
            if best is None or length > best[0]:
                pattern = self._pattern(name)
                if pattern.search(folded):
                    best = (length, pattern, body_id)
        found = None
        if best is not None:
            rest = best[1].sub(" ", folded)
            found = None if _AROUND.intersection(_WORD.findall(rest)) else best[2]
        if len(self._seen) < 100_000:  # distinct titles: bounded like everything else
            self._seen[title] = found
        return found


def match_body(titles: TitleMatcher, event: Event) -> str | None:
    """The body an event means: our property, a category, or a name in SUMMARY."""
    matcher = titles.matcher
    own = text(event, "X-PLANNER-BODY")
    if own and matcher.match(own):
        return matcher.match(own)
    for category in categories(event):
        body = matcher.match(category)
        if body:
            return body
    return titles.body(text(event, "SUMMARY"))
