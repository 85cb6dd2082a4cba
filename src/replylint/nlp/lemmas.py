"""The process's single pymorphy3 analyser, with a memoised ``parse``.

Shared by spaCy's Russian lemmatizer in the pipeline (:mod:`.lemmatizer`),
the rules (every lemma a word may have) and the rewrites (inflection).
"""

from __future__ import annotations

import threading
from functools import lru_cache

CACHE_SIZE = 200_000

_analyzer = None
_lock = threading.Lock()


class CachedMorph:
    """A pymorphy3 ``MorphAnalyzer`` whose ``parse`` is memoised."""

    def __init__(self, morph) -> None:
        self._morph = morph
        self.parse = lru_cache(maxsize=CACHE_SIZE)(morph.parse)

    def __getattr__(self, name):
        return getattr(self._morph, name)


def analyzer() -> CachedMorph:
    """The process's memoised pymorphy3 analyser (uses the C DAWG when installed)."""
    global _analyzer
    if _analyzer is None:
        with _lock:
            if _analyzer is None:
                import pymorphy3

                _analyzer = CachedMorph(pymorphy3.MorphAnalyzer(lang="ru"))
    return _analyzer
