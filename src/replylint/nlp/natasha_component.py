"""spaCy components that give a blank ``ru`` pipeline real analyses.

``replylint_sentences`` marks sentence starts (sentence-final punctuation and
line breaks: drafts have greetings and signatures without full stops).
``replylint_natasha`` runs natasha's slovnet morphology tagger and syntax
parser (shipped inside the ``natasha`` wheel, numpy only, offline) on every
sentence and sets ``pos``, ``morph``, ``head`` and ``dep`` on the tokens.
The models load lazily, once per process.
"""

from __future__ import annotations

import threading

from spacy.language import Language
from spacy.tokens import Doc

_SENT_END = {".", "!", "?", "…", "?!", "!?", "...", "!!", "!!!", "??"}
_CLOSERS = {"»", '"', ")", "”", "’", "'", "]"}

_models = None
_lock = threading.Lock()


def _load_models():
    global _models
    if _models is None:
        with _lock:
            if _models is None:
                from natasha import NewsEmbedding, NewsMorphTagger, NewsSyntaxParser

                emb = NewsEmbedding()
                _models = (NewsMorphTagger(emb), NewsSyntaxParser(emb))
    return _models


@Language.component("replylint_sentences")
def mark_sentences(doc: Doc) -> Doc:
    """Sentence starts after . ! ? … (and closing quotes) and after line breaks."""
    boundary = False
    for i, token in enumerate(doc):
        if i == 0:
            token.is_sent_start = True
            boundary = False
            continue
        if token.is_space:
            token.is_sent_start = False
            if "\n" in token.text or "\r" in token.text:
                boundary = True
            continue
        if boundary:
            token.is_sent_start = True
            boundary = False
        elif token.text in _CLOSERS and doc[i - 1].text in _SENT_END:
            token.is_sent_start = False
        else:
            token.is_sent_start = False
        if token.text in _SENT_END or (token.text.endswith((".", "!", "?")) and token.is_punct):
            boundary = True
        elif token.text in _CLOSERS and boundary:
            pass
    return doc


def _sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    starts = [t.i for t in doc if t.is_sent_start] or [0]
    if starts[0] != 0:
        starts.insert(0, 0)
    ends = starts[1:] + [len(doc)]
    return list(zip(starts, ends))


class NatashaTagger:
    """Sets POS, morphology, heads and dependency labels from slovnet."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return self._annotate([doc])[0]

    def pipe(self, docs, batch_size: int = 64):
        batch = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._annotate(batch)
                batch = []
        if batch:
            yield from self._annotate(batch)

    def _annotate(self, docs: list[Doc]) -> list[Doc]:
        morph_model, syntax_model = _load_models()
        # Collect every sentence's word list (whitespace tokens left out).
        jobs = []  # (doc index, [token indices])
        for d, doc in enumerate(docs):
            for start, end in _sentence_spans(doc):
                idx = [i for i in range(start, end) if not doc[i].is_space]
                if idx:
                    jobs.append((d, start, end, idx))
        sentences = [[docs[d][i].text for i in idx] for d, _, _, idx in jobs]
        morphs = list(morph_model.map(sentences)) if sentences else []
        syntax = list(syntax_model.map(sentences)) if sentences else []

        n_docs = len(docs)
        pos = [[None] * len(doc) for doc in docs]
        feats = [[None] * len(doc) for doc in docs]
        heads = [list(range(len(doc))) for doc in docs]
        deps = [["dep"] * len(doc) for doc in docs]
        for (d, start, end, idx), m, s in zip(jobs, morphs, syntax):
            root = None
            local_heads = []
            for k, (mt, st) in enumerate(zip(m.tokens, s.tokens)):
                i = idx[k]
                pos[d][i] = mt.pos
                feats[d][i] = "|".join(f"{key}={val}" for key, val in sorted(mt.feats.items())) or None
                head_id = int(st.head_id) if st.head_id.isdigit() else 0
                local_heads.append(head_id)
                deps[d][i] = st.rel or "dep"
                if head_id == 0 and root is None:
                    root = k
            if root is None:
                root = 0
            for k, head_id in enumerate(local_heads):
                i = idx[k]
                if k == root:
                    heads[d][i] = i
                    deps[d][i] = "ROOT"
                elif head_id == 0 or head_id > len(idx):
                    heads[d][i] = idx[root]
                    deps[d][i] = "parataxis"
                else:
                    heads[d][i] = idx[head_id - 1]
            _break_cycles(heads[d], idx, idx[root])
            root_i = idx[root]
            for i in range(start, end):
                if docs[d][i].is_space:
                    pos[d][i] = "SPACE"
                    heads[d][i] = root_i
                    deps[d][i] = "dep"
        out = []
        for d in range(n_docs):
            doc = docs[d]
            new = Doc(
                doc.vocab,
                words=[t.text for t in doc],
                spaces=[bool(t.whitespace_) for t in doc],
                pos=[p or "X" for p in pos[d]],
                morphs=[f or "" for f in feats[d]],
                heads=heads[d],
                deps=deps[d],
            )
            out.append(new)
        return out


def _break_cycles(heads: list[int], idx: list[int], root: int) -> None:
    """Attach to the root any token whose head chain does not reach it."""
    limit = len(idx) + 1
    for i in idx:
        j, steps = i, 0
        while j != root and steps < limit:
            j = heads[j]
            steps += 1
        if j != root:
            heads[i] = root


@Language.factory("replylint_natasha")
def make_natasha_tagger(nlp: Language, name: str) -> NatashaTagger:
    return NatashaTagger(nlp, name)
