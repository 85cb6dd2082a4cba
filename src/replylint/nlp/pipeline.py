"""Build the spaCy ``Language`` once per process.

blank ``ru`` tokenizer (hyphenated words kept whole, as natasha expects) →
``replylint_natasha`` (sentences, POS, morphology, syntax) →
``replylint_morph_check`` (verb features the dictionary disproves) → ``lemmatizer``
(spaCy's ``RussianLemmatizer``, mode ``pymorphy3``, memoised).
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


def _cased_scripts_only(patterns: list) -> list:
    """spaCy's affix patterns with its letter classes cut to the cased
    scripts (Latin, Cyrillic, Greek …): the same tokens for a Russian draft,
    and a regex that compiles in a fraction of the time (the uncased scripts
    — CJK, Arabic, Indic … — are thousands of ranges)."""
    from spacy.lang import char_classes as cc

    try:
        cased = cc.LATIN + cc._russian + cc._tatar + cc._greek + cc._ukrainian + cc._macedonian
        lower, upper = cc._lower, cc._upper
    except AttributeError:  # another spaCy: leave its patterns alone
        return list(patterns)
    pairs = ((cc.ALPHA, cc.group_chars(cased)),
             (cc.ALPHA_LOWER, cc.group_chars(lower)),
             (cc.ALPHA_UPPER, cc.group_chars(upper)))
    out = []
    for p in patterns:
        if isinstance(p, str):
            for big, small in pairs:
                p = p.replace(big, small)
        out.append(p)
    return out


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

    from . import lemmatizer, morph_check, natasha_component  # noqa: F401  (registers the factories)

    from spacy.lang.ru import Russian, RussianDefaults

    class _Defaults(RussianDefaults):
        # Without the letter-hyphen-letter infix «трек-номер», «из-за» stay one
        # token, as natasha expects (set here so the regex compiles only once).
        infixes = _cased_scripts_only(_without_hyphen_infix(RussianDefaults.infixes))
        prefixes = _cased_scripts_only(RussianDefaults.prefixes)
        suffixes = _cased_scripts_only(RussianDefaults.suffixes)

    class ReplyRussian(Russian):
        Defaults = _Defaults

    nlp = ReplyRussian()
    nlp.add_pipe("replylint_natasha")
    nlp.add_pipe("replylint_morph_check")
    nlp.add_pipe("replylint_lemmatizer", name="lemmatizer", config={"mode": "pymorphy3"})
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
