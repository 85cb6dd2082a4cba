"""Build the spaCy ``Language`` once per process.

blank ``ru`` tokenizer (hyphenated words kept whole, as natasha expects) →
``replylint_natasha`` (sentences, POS, morphology, syntax, pymorphy3 lemmas).
"""

from __future__ import annotations

import re
import threading

_nlp = None
_lock = threading.Lock()


def _without_hyphen_infix(infixes: list) -> list:
    from spacy.lang.char_classes import ALPHA, HYPHENS

    # spaCy's own pattern (spacy/lang/punctuation.py), found without compiling
    # a dozen large regexes; searched for the slow way if spaCy changes it.
    hyphen = r"(?<=[{a}])(?:{h})(?=[{a}])".format(a=ALPHA, h=HYPHENS)
    if hyphen in infixes:
        return [p for p in infixes if p != hyphen]
    return [p for p in infixes if not re.search(p, "трек-номер")]


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
        infixes = _without_hyphen_infix(RussianDefaults.infixes)

    class ReplyRussian(Russian):
        Defaults = _Defaults

    nlp = ReplyRussian()
    nlp.add_pipe("replylint_natasha")
    return nlp


_analyzer = None


def morph_analyzer():
    """The process's memoised pymorphy3 analyser (for rules and rewrites).
    Cheap to call per token: the analyser is looked up once."""
    global _analyzer
    if _analyzer is None:
        from .lemmas import analyzer

        _analyzer = analyzer()
    return _analyzer
