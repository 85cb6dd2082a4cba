"""spaCy components that give a blank ``ru`` pipeline real analyses.

``replylint_natasha`` splits sentences (sentence-final punctuation and line
breaks: drafts have greetings and signatures without full stops), runs
natasha's slovnet morphology tagger and syntax parser (shipped inside the
``natasha`` wheel, numpy only, offline; see :mod:`.slovnet_fast`) on every
sentence of a whole batch of documents at once, and sets ``pos``, ``morph``,
``head`` and ``dep`` on the tokens in place; spaCy's own Russian lemmatizer
(mode ``pymorphy3``, :mod:`.lemmatizer`) runs after it on those tags.
``replylint_sentences`` (sentence starts only) stays available on its own.
The models load lazily, once per process.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, IS_PUNCT, IS_SPACE, LENGTH, MORPH, POS
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.lang.ru import lemmatizer as _spacy_ru_lemmatizer
from spacy.tokens import Doc

from .lemmas import analyzer

# Proper-name grammemes: a word with such a reading may rightly be a PROPN.
_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})
# Below this total weight of noun readings, a word's noun reading is rare
# («увы» as a form of «ува», «стали» of «сталь»).
_RARE_NOUN = 0.05


def _ru_oc2ud(tag: str):
    """spaCy's OpenCorpora → UD conversion, looked up at call time: the
    lemmatizer module (:mod:`.lemmatizer`) memoises it in place."""
    return _spacy_ru_lemmatizer.oc2ud(tag)


_SENT_END = {".", "!", "?", "…", "?!", "!?", "...", "!!", "!!!", "??"}
_CLOSERS = {"»", '"', ")", "”", "’", "'", "]"}
_abbrev_cache: tuple[int, frozenset[str]] = (0, frozenset())


def _abbreviations() -> frozenset[str]:
    """Abbreviations whose full stop ends no sentence when a lowercase word
    follows («т. к. прокатчик …», «ул. Ленина»): ``sentence_abbreviations``
    of ``lexicons/common.toml``, read once per loaded lexicon."""
    global _abbrev_cache
    from .. import lexicon

    data = lexicon.load("common")
    if _abbrev_cache[0] != id(data):
        _abbrev_cache = (id(data), frozenset(w.lower() for w in data.get("sentence_abbreviations", [])))
    return _abbrev_cache[1]


def _abbreviation_stop(texts: list[str], spaces: list[bool], i: int) -> bool:
    """The full stop at ``i`` closes an abbreviation inside a sentence: the
    word before it is a known abbreviation and the next word is lowercase."""
    if texts[i] != "." or i == 0 or spaces[i - 1] or texts[i - 1].lower() not in _abbreviations():
        return False
    j = i + 1
    while j < len(texts) and spaces[j]:
        if "\n" in texts[j] or "\r" in texts[j]:
            return False
        j += 1
    return j < len(texts) and texts[j][:1].islower()
_ATTRS = [POS, MORPH, HEAD, DEP]
_TEXT_ATTRS = [IDX, LENGTH, IS_SPACE, IS_PUNCT]


@Language.component("replylint_sentences")
def mark_sentences(doc: Doc) -> Doc:
    """Sentence starts after . ! ? … (and closing quotes) and after line breaks."""
    starts = set(_sentence_starts_exact(doc))
    for token in doc:
        token.is_sent_start = token.i in starts
    return doc


def _sentence_starts_exact(doc: Doc) -> list[int]:
    """As the original token loop: token 0 starts; a boundary set by a
    sentence end or a line break starts the next non-space token."""
    starts = []
    boundary = False
    for i, token in enumerate(doc):
        if i == 0:
            starts.append(0)
            boundary = False
            continue
        text = token.text
        if token.is_space:
            if "\n" in text or "\r" in text:
                boundary = True
            continue
        if boundary:
            starts.append(i)
            boundary = False
        if text in _SENT_END or (text.endswith((".", "!", "?")) and token.is_punct):
            boundary = not _abbreviation_stop([t.text for t in doc[max(0, i - 1):i + 3]],
                                              [t.is_space for t in doc[max(0, i - 1):i + 3]], 1 if i else 0)
        elif text.endswith(".") and _closing_abbreviation([t.text for t in doc[max(0, i - 3):i + 4]],
                                                          [t.is_space for t in doc[max(0, i - 3):i + 4]], min(i, 3)):
            boundary = True
    return starts


def _closing_abbreviation(texts: list[str], spaces: list[bool], i: int) -> bool:
    """An abbreviation the tokenizer kept with its full stop (``texts[i]``)
    ends the sentence when a capitalised word follows and it can close one:
    «и т.д. Спасибо», «500 руб. Ждём», a year's «2025 г. Спасибо» (not the
    town's «в г. Москва»). ``sentence_final_abbreviations`` and
    ``year_abbreviations`` of ``lexicons/common.toml``."""
    from .. import lexicon

    word = texts[i].lower()
    if len(word) < 2 or not word.endswith("."):
        return False
    data = lexicon.load("common")
    prev = [t for t, sp in zip(texts[max(0, i - 3):i], spaces[max(0, i - 3):i]) if not sp]
    if word in data.get("year_abbreviations", []):
        closes = bool(prev) and prev[-1].isdigit()
    elif word in data.get("split_final_abbreviations", {}):
        # «т. д.», «т. п.»: the tokenizer split off the first letter and its stop
        closes = len(prev) >= 2 and prev[-2].lower() == data["split_final_abbreviations"][word] and prev[-1] == "."
    else:
        closes = word in data.get("sentence_final_abbreviations", [])
    if not closes:
        return False
    nxt = next((t for t, sp in zip(texts[i + 1:i + 4], spaces[i + 1:i + 4]) if not sp), None)
    return nxt is not None and nxt[:1].isupper()


class _Tables:
    """Per vocabulary: tag id -> (POS id, MORPH hash), rel id ->
    DEP hash, and the finished analysis of every sentence seen (bounded)."""

    CACHE_SIZE = 20_000

    def __init__(self, vocab, models) -> None:
        self.vocab = vocab
        strings = vocab.strings
        self.tag_pos = []
        self.tag_morph = []
        self.tag_imperative = [tag.startswith("VERB|") and "Mood=Imp" in tag for tag in models.tags]
        for tag in models.tags:
            pos, _, feats = tag.partition("|")
            if feats:
                feats = "|".join(sorted(feats.split("|")))
            self.tag_pos.append(POS_IDS.get(pos, POS_IDS["X"]))
            self.tag_morph.append(vocab.morphology.add(feats) if feats else 0)
        self.rel = [strings.add(r) for r in models.rels]
        self.root = strings.add("ROOT")
        self.parataxis = strings.add("parataxis")
        self.dislocated = strings.add("dislocated")
        self.subjects = {strings.add("nsubj"), strings.add("nsubj:pass")}
        self.verbal = {POS_IDS["VERB"], POS_IDS["AUX"]}
        self.dep = strings.add("dep")
        self.space = POS_IDS["SPACE"]
        self.x = POS_IDS["X"]
        self.nominal = (POS_IDS["NOUN"], POS_IDS["PROPN"])
        self.readings: dict[str, tuple | None] = {}
        self.indicatives: dict[str, tuple | None] = {}
        self.sentences: dict[tuple[str, ...], tuple] = {}

    def reading(self, word: str) -> tuple | None:
        """(POS id, MORPH hash, imperative (POS id, MORPH hash) or None, noun
        weight) of a word pymorphy3 knows mostly outside the nouns
        («привезём», «Обратитесь», «невыполнима», «Увы»); noun weight is
        the share of its readings that are nouns or names (0 for most). None
        for a word that is likely a noun or a name."""
        key = word.lower()
        if key in self.readings:
            return self.readings[key]
        out = None
        if word.isalpha():
            known = [p for p in analyzer().parse(key) if p.is_known]
            nominal = sum(p.score for p in known if p.tag.POS == "NOUN" or p.tag.grammemes & _NAME_GRAMMEMES)
            if known and known[0].tag.POS != "NOUN" and nominal < _RARE_NOUN:
                imperative = next((p for p in known if {"impr", "excl", "plur"} <= p.tag.grammemes
                                   and known[0].tag.POS == "VERB"), None)
                out = (*self._ud(known[0].tag), self._ud(imperative.tag) if imperative is not None else None,
                       nominal)
        if len(self.readings) > self.CACHE_SIZE:
            self.readings.clear()
        self.readings[key] = out
        return out

    def _ud(self, tag) -> tuple[int, int]:
        pos, feats = _ru_oc2ud(str(tag))
        feats = {k: ("Short" if v == "Brev" else v) for k, v in feats.items()}
        text = "|".join(f"{k}={v}" for k, v in sorted(feats.items()))
        return POS_IDS.get(pos, self.x), (self.vocab.morphology.add(text) if text else 0)

    def indicative(self, word: str) -> tuple | None:
        """(POS id, MORPH hash) of a verb form pymorphy3 knows only as a verb
        and never as a 2nd-person imperative («запишем», «ответите»,
        «выбираете»): its first reading. None for a form that may be one."""
        key = word.lower()
        if key not in self.indicatives:
            known = [p for p in analyzer().parse(key) if p.is_known] if word.isalpha() else []
            ok = bool(known) and known[0].tag.POS == "VERB" \
                and all(p.tag.POS in ("VERB", "PRTS", "PRTF") for p in known) \
                and not any({"impr", "excl"} <= p.tag.grammemes for p in known)
            if len(self.indicatives) > self.CACHE_SIZE:
                self.indicatives.clear()
            self.indicatives[key] = self._ud(known[0].tag) if ok else None
        return self.indicatives[key]

    def repair(self, words: tuple[str, ...], pos: list[int], morph: list[int],
               imperative_tags: list[bool] | None = None) -> None:
        """Verbs, adjectives and interjections the tagger took for nouns or
        names — mostly capitalised at a sentence start («Обратитесь в банк»,
        «Увы, …») or in a rare form («выгрузка … невыполнима») — get the
        reading pymorphy3 knows for the word. A 2nd-person plural verb with no
        «вы» before it is read as the imperative («Пришлите фото»). A verb
        tagged imperative that cannot be one («запишем», «ответите») gets
        its indicative reading."""
        you_before = False
        for k, word in enumerate(words):
            if word.lower() in ("вы", "вам", "вас"):
                you_before = True
            if imperative_tags is not None and imperative_tags[k]:
                found = self.indicative(word)
                if found is not None:
                    pos[k], morph[k] = found
                continue
            if pos[k] not in self.nominal:
                continue
            found = self.reading(word)
            if found is None:
                continue
            if found[3] and k and words[k - 1].isalnum():
                continue  # a rare noun reading («из стали») is kept inside a clause
            pos[k], morph[k], imperative, _ = found
            if imperative is not None and not you_before:
                pos[k], morph[k] = imperative

    def finish(self, words: tuple[str, ...], result) -> tuple:
        """One sentence's analysis as token attributes: POS ids, MORPH and DEP
        hashes, heads as word indices (the root points to itself), root."""
        tags, heads, rels = result
        size = len(words)
        pos = [self.tag_pos[t] for t in tags]
        morph = [self.tag_morph[t] for t in tags]
        self.repair(words, pos, morph, [self.tag_imperative[t] for t in tags])
        deps = [self.rel[r] for r in rels]
        root = next((k for k, h in enumerate(heads) if h == 0), 0)
        local = []
        for k, head_id in enumerate(heads):
            if k == root:
                local.append(k)
                deps[k] = self.root
            elif head_id == 0 or head_id > size:
                local.append(root)
                deps[k] = self.parataxis
            else:
                local.append(head_id - 1)
        _break_cycles(local, range(size), root)
        self.header(words, pos, deps, local, root)
        return pos, morph, deps, local, root

    def header(self, words, pos, deps, local, root) -> None:
        """«Фармация 24: препарат выдать не можем», «Магазин „Уют“: заказ
        готов»: a sender's name before a colon opening an SMS is a header, not
        the subject of the verb after the colon."""
        colon = next((k for k, w in enumerate(words[:6]) if w == ":"), None)
        if not colon or root <= colon or any(pos[j] in self.verbal for j in range(colon)):
            return
        for j in range(colon):
            if local[j] > colon and deps[j] in self.subjects:
                deps[j] = self.dislocated
                local[j] = root


class NatashaTagger:
    """Sets sentences, POS, morphology, heads and dependency labels (lemmas: the ``lemmatizer`` after it)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self._tables: _Tables | None = None

    def __call__(self, doc: Doc) -> Doc:
        return self._annotate([doc])[0]

    def pipe(self, docs, batch_size: int = 256):
        batch = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._annotate(batch)
                batch = []
        if batch:
            yield from self._annotate(batch)

    def _annotate(self, docs: list[Doc]) -> list[Doc]:
        from .slovnet_fast import get_models

        tables = self._tables
        if tables is None or tables.vocab is not docs[0].vocab:
            tables = self._tables = _Tables(docs[0].vocab, get_models())
        cache = tables.sentences

        # Every sentence's words (whitespace tokens left out), over all docs;
        # sentences not analysed before go to the models together.
        plans = []
        todo: dict[tuple[str, ...], None] = {}
        for doc in docs:
            n = len(doc)
            if not n:
                plans.append(None)
                continue
            info = doc.to_array(_TEXT_ATTRS)
            text = doc.text
            texts = [text[a:a + b] for a, b in zip(info[:, 0].tolist(), info[:, 1].tolist())]
            spaces = info[:, 2].astype(bool).tolist()
            puncts = info[:, 3].astype(bool).tolist()
            starts = _starts(texts, spaces, puncts)
            spans = []
            for k, start in enumerate(starts):
                end = starts[k + 1] if k + 1 < len(starts) else n
                if True in spaces[start:end]:
                    idx = [i for i in range(start, end) if not spaces[i]]
                    words = tuple(texts[i] for i in idx)
                else:
                    idx = range(start, end)
                    words = tuple(texts[start:end])
                spans.append((start, end, idx, words))
                if idx and words not in cache:
                    todo[words] = None
            plans.append((texts, spaces, spans))
        if todo:
            keys = list(todo)
            results = get_models().analyse(keys)
            if len(cache) + len(keys) > tables.CACHE_SIZE:
                cache.clear()
            for words, result in zip(keys, results):
                cache[words] = tables.finish(words, result)

        for doc, plan in zip(docs, plans):
            if plan is None:
                continue
            texts, spaces, spans = plan
            n = len(doc)
            pos = [tables.x] * n
            morph = [0] * n
            heads = list(range(n))
            deps = [tables.dep] * n
            for start, end, idx, words in spans:
                if not idx:
                    continue
                s_pos, s_morph, s_deps, s_heads, s_root = cache[words]
                m = len(idx)
                first = idx[0]
                if idx[-1] - first == m - 1:  # the words are contiguous (spaces, if any, after them)
                    stop = first + m
                    pos[first:stop] = s_pos
                    morph[first:stop] = s_morph
                    deps[first:stop] = s_deps
                    heads[first:stop] = [first + h for h in s_heads]
                else:
                    for k, i in enumerate(idx):
                        pos[i] = s_pos[k]
                        morph[i] = s_morph[k]
                        deps[i] = s_deps[k]
                        heads[i] = idx[s_heads[k]]
                if m != end - start:
                    root_i = idx[s_root]
                    for i in range(start, end):
                        if spaces[i]:
                            pos[i] = tables.space
                            heads[i] = root_i
            arr = np.empty((n, 4), dtype=np.uint64)
            arr[:, 0] = pos
            arr[:, 1] = morph
            arr[:, 2] = (np.array(heads, dtype=np.int64) - np.arange(n, dtype=np.int64)).view(np.uint64)
            arr[:, 3] = deps
            doc.from_array(_ATTRS, arr)
        return docs


def _starts(texts: list[str], spaces: list[bool], puncts: list[bool]) -> list[int]:
    """As :func:`_sentence_starts_exact`, over plain lists."""
    starts = [0]
    boundary = False
    end_marks = _SENT_END
    for i in range(1, len(texts)):
        text = texts[i]
        if spaces[i]:
            if "\n" in text or "\r" in text:
                boundary = True
            continue
        if boundary:
            starts.append(i)
            boundary = False
        if text in end_marks or (puncts[i] and text.endswith((".", "!", "?"))):
            boundary = not _abbreviation_stop(texts, spaces, i)
        elif text.endswith(".") and _closing_abbreviation(texts, spaces, i):
            boundary = True
    return starts


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
