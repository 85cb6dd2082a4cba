"""Build the spaCy ``Language`` once per process.

blank ``ru`` tokenizer (hyphenated words kept whole, as natasha expects) →
``replylint_sentences`` → ``replylint_natasha`` (POS, morphology, syntax) →
spaCy's ``lemmatizer`` in ``pymorphy3`` mode (with memoised look-ups).
"""

from __future__ import annotations

import threading
from functools import lru_cache

_nlp = None
_lock = threading.Lock()


class _CachedMorph:
    """Wraps a pymorphy3 ``MorphAnalyzer`` and memoises ``parse``."""

    def __init__(self, morph) -> None:
        self._morph = morph
        self.parse = lru_cache(maxsize=200_000)(morph.parse)

    def __getattr__(self, name):
        return getattr(self._morph, name)


def _keep_hyphenated_words(nlp) -> None:
    """Drop the letter-hyphen-letter infix so «трек-номер», «из-за» stay one token."""
    import re

    from spacy.util import compile_infix_regex

    keep = [p for p in nlp.Defaults.infixes if not re.search(p, "трек-номер")]
    nlp.tokenizer.infix_finditer = compile_infix_regex(keep).finditer


def get_nlp():
    """The shared pipeline, built on first use."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                _nlp = _build()
    return _nlp


def _build():
    import spacy

    from . import natasha_component  # noqa: F401  (registers the factories)

    nlp = spacy.blank("ru")
    _keep_hyphenated_words(nlp)
    nlp.add_pipe("replylint_sentences")
    nlp.add_pipe("replylint_natasha")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "pymorphy3"})
    nlp.initialize()
    lemmatizer._morph = _CachedMorph(lemmatizer._morph)
    return nlp


def morph_analyzer():
    """The pipeline's memoised pymorphy3 analyser (for inflecting rewrites)."""
    return get_nlp().get_pipe("lemmatizer")._morph
