"""Where a story's quotations lie: whether an offset is inside one or in the narration."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


class Quoted:
    """The quotations of one text (spans that do not overlap), for lookups by offset."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [s for s, _e in self._spans]

    def __contains__(self, at: int) -> bool:
        """Whether offset ``at`` lies inside one of the quotations."""
        k = bisect_right(self._starts, at) - 1
        return k >= 0 and at < self._spans[k][1]
