"""Lemmas from pymorphy3, chosen by the tagger's POS and features.

The same choice spaCy's ``RussianLemmatizer`` (mode ``pymorphy3``) makes, but
memoised on (word, POS, features): a lemma is computed once per distinct
analysis, and OpenCorpora tags are converted to UD once per tag.
"""

from __future__ import annotations

import threading
from functools import lru_cache

PUNCT_RULES = {"«": '"', "»": '"'}
_CONTENT = ("ADJ", "DET", "NOUN", "NUM", "PRON", "PROPN", "VERB")
_COMPARE = {
    "ADJ": ("Case", "Number", "Gender"),
    "DET": ("Case", "Number", "Gender"),
    "NOUN": ("Case", "Number", "Gender"),
    "PROPN": ("Case", "Number", "Gender"),
    "NUM": ("Case", "Gender"),
    "PRON": ("Case", "Number", "Gender", "Person"),
    "VERB": ("Aspect", "Gender", "Mood", "Number", "Tense", "VerbForm", "Voice"),
}
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


@lru_cache(maxsize=4096)
def _ud(oc_tag: str) -> tuple[str, dict[str, str]]:
    from spacy.lang.ru.lemmatizer import oc2ud

    return oc2ud(oc_tag)


def _feats(feats: str) -> dict[str, str]:
    if not feats:
        return {}
    return dict(part.split("=", 1) for part in feats.split("|"))


@lru_cache(maxsize=CACHE_SIZE)
def lemma(text: str, pos: str, feats: str) -> str:
    """The lemma spaCy's pymorphy3 lemmatizer gives a token with this text,
    UD POS and ``Feat=Val|…`` features."""
    if pos == "PUNCT":
        return PUNCT_RULES.get(text, text)
    morph = analyzer()
    analyses = morph.parse(text)
    if pos not in _CONTENT:
        normal_forms = {a.normal_form for a in analyses}
        return next(iter(normal_forms)) if len(normal_forms) == 1 else text
    filtered = []
    for a in analyses:
        if not a.is_known:
            continue
        a_pos, _ = _ud(str(a.tag))
        if a_pos == pos or (a_pos in ("NOUN", "PROPN") and pos in ("NOUN", "PROPN")) or (
                a_pos == "PRON" and pos == "DET"):
            filtered.append(a)
    if not filtered:
        return text.lower()
    morphology = _feats(feats)
    compare = _COMPARE[pos]
    for a in filtered:
        _, a_morph = _ud(str(a.tag))
        for feature in compare:
            if feature in morphology and feature in a_morph and \
                    morphology[feature].lower() != a_morph[feature].lower():
                break
        else:
            return a.normal_form
    return text.lower()
