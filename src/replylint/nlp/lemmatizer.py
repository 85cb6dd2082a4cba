"""spaCy's own Russian lemmatizer (mode ``pymorphy3``), memoised.

The pipeline's ``lemmatizer`` is spaCy's ``RussianLemmatizer`` in mode
``pymorphy3``: it picks the pymorphy3 analysis that agrees with the POS and
features the natasha component set. Two things are added, neither changing a
lemma: the process's single pymorphy3 analyser (with a memoised ``parse``) is
handed to it instead of a second one being loaded, and each lemma is computed
once per (form, POS, features) — a draft repeats most of its words, a batch
repeats most of its sentences.
"""

from __future__ import annotations

from functools import lru_cache

import spacy.lang.ru.lemmatizer as _ru
from spacy.lang.ru.lemmatizer import RussianLemmatizer
from spacy.language import Language

from .lemmas import analyzer

# spaCy converts every pymorphy3 tag to UD features with ``oc2ud`` on every
# call, for a few hundred distinct tags: a pure function of its string, so it
# is memoised where the lemmatizer looks it up.
if not hasattr(_ru.oc2ud, "cache_info"):
    _ru.oc2ud = lru_cache(maxsize=4096)(_ru.oc2ud)

MEMO_SIZE = 200_000


class MemoRussianLemmatizer(RussianLemmatizer):
    def __init__(self, vocab, model=None, name: str = "lemmatizer", *, mode: str = "pymorphy3",
                 overwrite: bool = True) -> None:
        # RussianLemmatizer keeps an analyser it finds already set
        self._morph = analyzer()
        super().__init__(vocab, model, name, mode=mode, overwrite=overwrite)
        self._memo: dict[tuple[int, int, int], list[str]] = {}

    def pymorphy3_lemmatize(self, token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        out = self._memo.get(key)
        if out is None:
            out = super().pymorphy3_lemmatize(token)
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[key] = out
        return out


@Language.factory("replylint_lemmatizer", default_config={"mode": "pymorphy3", "overwrite": True})
def make_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool):
    return MemoRussianLemmatizer(nlp.vocab, None, name, mode=mode, overwrite=overwrite)
