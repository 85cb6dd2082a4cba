"""Rules terminate and stay sane on any dependency tree the parser may give.

slovnet sometimes returns a sentence without a root, a root that is not a
verb, or a cycle (the component breaks cycles). Rules walk heads and
children; a walk that assumed a verb above every noun, or compared spaCy
tokens by identity, looped forever on such a tree and hung CI. Here every
sentence of the examples is linted with its tags and tree replaced by random
(but well-formed) ones.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from spacy.tokens import Doc

import replylint
import replylint.nlp as nlp_pkg
from replylint.options import Options

ROOT = Path(__file__).resolve().parents[1]
POS = ["NOUN", "VERB", "AUX", "ADJ", "ADV", "PRON", "DET", "ADP", "PART", "X", "PROPN", "NUM", "CCONJ", "SCONJ"]
DEPS = ["nsubj", "obj", "obl", "amod", "nmod", "advmod", "xcomp", "conj", "ccomp", "advcl", "case", "mark",
        "cop", "parataxis", "acl", "det", "csubj", "iobj", "nsubj:pass", "punct"]


def _scrambled(doc: Doc, rng: random.Random) -> Doc:
    heads, deps, pos = [], [], []
    for sent in doc.sents:
        n = len(sent)
        order = list(range(n))
        rng.shuffle(order)  # a random tree: each token hangs on one placed before it in this order
        local = [0] * n
        for k, i in enumerate(order):
            local[i] = i if k == 0 else order[rng.randrange(k)]
        for i in range(n):
            heads.append(sent.start + local[i])
            deps.append("ROOT" if local[i] == i else rng.choice(DEPS))
            pos.append("PUNCT" if sent[i].is_punct else rng.choice(POS))
    return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
               heads=heads, deps=deps, pos=pos, lemmas=[t.lemma_ for t in doc],
               morphs=[str(t.morph) for t in doc])


class _Scrambling:
    def __init__(self, nlp, seed: int) -> None:
        self._nlp = nlp
        self._rng = random.Random(seed)

    def __call__(self, text):
        return _scrambled(self._nlp(text), self._rng)

    def pipe(self, texts, **kw):
        for doc in self._nlp.pipe(texts, **kw):
            yield _scrambled(doc, self._rng)

    def __getattr__(self, name):
        return getattr(self._nlp, name)


def _drafts() -> list[str]:
    texts = sorted(p.read_text(encoding="utf-8") for p in (ROOT / "examples").glob("*.txt"))
    for line in (ROOT / "examples" / "batch.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line)["text"])
    return texts


@pytest.mark.timeout(240)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_rules_finish_on_random_trees(monkeypatch, seed):
    real = nlp_pkg.get_nlp()
    monkeypatch.setattr(nlp_pkg, "get_nlp", lambda: _Scrambling(real, seed))
    incoming = "Курьер опоздал на два часа, заказ пришёл разбитым. Верните деньги!"
    for text in _drafts():
        report = replylint.lint(text, incoming=incoming, options=Options())
        for f in report.findings:
            assert 0 <= f.offset <= f.offset + f.length <= len(text)
            assert text[f.offset:f.offset + f.length] == f.text
        assert 0 <= report.score <= 10
