"""Build the spaCy ``Language`` once per process.

blank ``ru`` tokenizer (hyphenated words kept whole, as natasha expects) →
``replylint_natasha`` (sentences, POS, morphology, syntax, pymorphy3 lemmas).
"""

from __future__ import annotations

import re
import threading

_nlp = None
_lock = threading.Lock()


def get_nlp():
    """The shared pipeline, built on first use."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                _nlp = _build()
    return _nlp


def _build():
    from . import lean_import

    lean_import.import_spacy()

    from . import natasha_component  # noqa: F401  (registers the factories)

    from spacy.lang.ru import Russian, RussianDefaults

    class _Defaults(RussianDefaults):
        # Without the letter-hyphen-letter infix «трек-номер», «из-за» stay one
        # token, as natasha expects (set here so the regex compiles only once).
        infixes = [p for p in RussianDefaults.infixes if not re.search(p, "трек-номер")]

    class ReplyRussian(Russian):
        Defaults = _Defaults

    nlp = ReplyRussian()
    nlp.add_pipe("replylint_natasha")
    return nlp


def morph_analyzer():
    """The process's memoised pymorphy3 analyser (for inflecting rewrites)."""
    from .lemmas import analyzer

    return analyzer()
