"""Russian morphology helpers shared by rule modules.

The tagger sometimes guesses the part of speech wrong («Отследите» as an
adjective, «смотрите» as a noun), and spaCy's pymorphy3 lemmatizer then
returns the word itself as the lemma. Rules therefore look at *lemma
candidates*: the spaCy lemma plus every normal form pymorphy3 knows for the
word. This module also turns lexicon patterns into spaCy ``Matcher`` objects
whose ``LEMMA`` tests use those candidates, and answers small questions about
the parse (negation, imperatives, clause windows).

Everything is lower-cased and «ё» is folded to «е».
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon

_EXT = "rl_lemmas"


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


_words_cache: dict[tuple[str, str], tuple[int, frozenset[str]]] = {}


def words(name: str, key: str) -> frozenset[str]:
    """A folded word set from ``lexicons/<name>.toml``, cached until the
    lexicon is reloaded."""
    data = lexicon.load(name)
    hit = _words_cache.get((name, key))
    if hit is not None and hit[0] == id(data):
        return hit[1]
    value = frozenset(fold(w) for w in data.get(key, []))
    _words_cache[(name, key)] = (id(data), value)
    return value


def _morph():
    from ..nlp.pipeline import morph_analyzer

    return morph_analyzer()


@lru_cache(maxsize=100_000)
def _lemmas_of(text: str, spacy_lemma: str) -> tuple[str, ...]:
    word = fold(text)
    out = {fold(spacy_lemma), word}
    if any(ch.isalpha() for ch in word):
        for p in _morph().parse(word):
            out.add(fold(p.normal_form))
            if p.tag.POS == "PRTF":
                # a participle also counts under its adjective form:
                # «управляющую» → «управлять» and «управляющий»
                adj = p.inflect({"masc", "sing", "nomn"})
                if adj is not None:
                    out.add(fold(adj.word))
    return tuple(sorted(out))


def lemmas(tok) -> tuple[str, ...]:
    """Every lemma the word may have (spaCy's and pymorphy3's), folded."""
    return _lemmas_of(tok.text, tok.lemma_ or tok.text)


def has_lemma(tok, wanted) -> bool:
    if isinstance(wanted, str):
        return wanted in lemmas(tok)
    return any(lem in wanted for lem in lemmas(tok))


def parses(tok):
    return _morph().parse(fold(tok.text))


def _ensure_extension() -> None:
    from spacy.tokens import Token

    if not Token.has_extension(_EXT):
        Token.set_extension(_EXT, default=None)


def _fill_lemmas(doc) -> None:
    """Store the lemma candidates on the tokens once per document, so that
    Matcher patterns read a stored value instead of recomputing it."""
    _ensure_extension()
    flag = ("replylint", _EXT)
    if doc.user_data.get(flag):
        return
    for tok in doc:
        setattr(tok._, _EXT, list(lemmas(tok)))
    doc.user_data[flag] = True


# --- lexicon patterns -> spaCy Matcher --------------------------------------

def _translate_token(spec: dict) -> dict:
    """``LEMMA`` tests on lemma candidates; everything else is plain spaCy."""
    out = {}
    for key, value in spec.items():
        if key == "LEMMA":
            if isinstance(value, str):
                values = [fold(value)]
            elif isinstance(value, dict) and "IN" in value:
                values = [fold(v) for v in value["IN"]]
            else:
                out[key] = value
                continue
            out.setdefault("_", {})[_EXT] = {"INTERSECTS": values}
        elif key == "LOWER" and isinstance(value, str):
            out[key] = fold(value) if "ё" not in value else value.lower()
        else:
            out[key] = value
    return out


def build_matcher(vocab, patterns: dict[str, list[list[dict]]]):
    from spacy.matcher import Matcher

    _ensure_extension()
    matcher = Matcher(vocab)
    for name, pattern_list in patterns.items():
        matcher.add(name, [[_translate_token(t) for t in pattern] for pattern in pattern_list])
    return matcher


_matchers: dict[tuple[str, str, int, int], tuple[object, frozenset[str] | None]] = {}


# Words too common to serve as a pattern's anchor.
_COMMON = frozenset("""в во на из по с со для при как не ни и а но до за к у о об от это этот такой
один раз мы вы весь самый только можно быть так что""".split())


def _anchor(pattern: list[dict]) -> frozenset[str] | None:
    """Words one obligatory token of the pattern must have (as a lemma or
    the folded form) — preferably rare ones — or None if no obligatory
    token is tested for words."""
    found = []
    for spec in pattern:
        op = spec.get("OP")
        if op in ("?", "*", "!") or (isinstance(op, str) and op.startswith("{0")):
            continue
        for key in ("LEMMA", "LOWER"):
            value = spec.get(key)
            if isinstance(value, str):
                found.append(frozenset([fold(value)]))
            elif isinstance(value, dict) and "IN" in value:
                found.append(frozenset(fold(v) for v in value["IN"]))
    if not found:
        return None
    rare = [a for a in found if not a & _COMMON]
    return min(rare or found, key=len)


def matcher(name: str, key: str, vocab):
    """``(Matcher, anchors)`` from the table ``key`` of ``lexicons/<name>.toml``:
    ``label = [[{token}, {token}], …]`` (spaCy token patterns). ``anchors``
    is the set of words of which at least one must occur for any pattern to
    match (None: no such shortcut)."""
    data = lexicon.load(name)
    cache_key = (name, key, id(vocab), id(data))
    got = _matchers.get(cache_key)
    if got is None:
        table = data.get(key, {})
        m = build_matcher(vocab, table)
        anchors: set[str] | None = set()
        for pattern_list in table.values():
            for pattern in pattern_list:
                a = _anchor(pattern)
                if a is None:
                    anchors = None
                    break
                anchors |= a
            if anchors is None:
                break
        got = (m, frozenset(anchors) if anchors is not None else None)
        _matchers[cache_key] = got
    return got


_groups: dict[tuple[str, str, int, int], tuple[list, dict[str, int]]] = {}


def _grouped(name: str, key: str, vocab):
    """The patterns of ``matcher()`` split by anchor: ``([(anchor or None,
    Matcher)], label order)``. Only the groups whose anchor words occur in a
    sentence run on it — the spaCy Matcher's Python predicates on lemma
    candidates are costly, and most sentences hold the anchors of few patterns."""
    data = lexicon.load(name)
    cache_key = (name, key, id(vocab), id(data))
    got = _groups.get(cache_key)
    if got is None:
        table = data.get(key, {})
        by_anchor: dict[frozenset[str] | None, dict[str, list]] = {}
        for label, pattern_list in table.items():
            for pattern in pattern_list:
                by_anchor.setdefault(_anchor(pattern), {}).setdefault(label, []).append(pattern)
        groups = [(anchor, build_matcher(vocab, patterns)) for anchor, patterns in by_anchor.items()]
        got = (groups, {label: k for k, label in enumerate(table)})
        _groups[cache_key] = got
    return got


def matches(name: str, key: str, doc_or_span):
    """``(label, span)`` for every match, longest first at each start, no overlaps
    (at one start and length, the label listed first in the lexicon wins)."""
    from spacy.tokens import Span

    doc = doc_or_span.doc if isinstance(doc_or_span, Span) else doc_or_span
    groups, order = _grouped(name, key, doc.vocab)
    present = None
    active = []
    for anchor, m in groups:
        if anchor is not None:
            if present is None:
                present = {lem for tok in doc_or_span for lem in lemmas(tok)}
            if present.isdisjoint(anchor):
                continue
        active.append(m)
    if not active:
        return []
    _fill_lemmas(doc)
    found = []
    for m in active:
        found.extend(m(doc_or_span, as_spans=True))
    found.sort(key=lambda s: (s.start, -(s.end - s.start), order.get(s.label_, 0)))
    out, last_end = [], -1
    for span in found:
        if span.start >= last_end:
            out.append((span.label_, span))
            last_end = span.end
    return out


# --- parse questions ----------------------------------------------------------

_NEG = {"не", "ни", "нет"}


def is_negated(tok) -> bool:
    """«не» (or «ни») attached to the word or directly before it."""
    if any(fold(c.text) in _NEG for c in tok.children if c.i < tok.i or c.dep_ == "advmod"):
        return True
    i = tok.i - 1
    doc = tok.doc
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i >= 0 and fold(doc[i].text) in ("не", "ни")


def is_negated_up(tok, levels: int = 2) -> bool:
    """The word, or the predicate it depends on (for infinitives and
    participles: «Доказывать ничего не нужно»), is negated."""
    node = tok
    for _ in range(levels + 1):
        if is_negated(node):
            return True
        if node.head.i == node.i:
            break
        if node.dep_ not in ("csubj", "xcomp", "ccomp", "obj", "nsubj", "advcl", "amod", "acl", "nmod", "obl"):
            break
        node = node.head
    return False


def is_imperative(tok) -> bool:
    """A «Вы»-imperative («обратитесь», «смотрите»). The tagger's ``Mood=Imp``
    is trusted; otherwise pymorphy3 decides, since the tagger misreads some
    imperatives as nouns, adjectives or indicatives — unless «Вы» is the
    subject («Вы позвоните» is indicative)."""
    if _has_you_subject(tok):
        return False
    if "Imp" in tok.morph.get("Mood"):
        return True
    return any(p.tag.POS == "VERB" and {"impr", "excl", "plur"} <= p.tag.grammemes for p in parses(tok))


def _has_you_subject(tok) -> bool:
    for c in tok.children:
        if c.dep_.startswith("nsubj") and fold(c.text) in ("вы", "ты"):
            return True
    # «Вы отследите» — the tagger may not attach the pronoun
    sent = tok.sent
    for j in range(max(sent.start, tok.i - 3), tok.i):
        if fold(tok.doc[j].text) in ("вы", "ты") and "Nom" in tok.doc[j].morph.get("Case"):
            return True
    return False


def is_past(tok) -> bool:
    """Past tense by the tagger *and* by pymorphy3 (the tagger alone calls
    «пришлём» past)."""
    return "Past" in tok.morph.get("Tense") and any(
        p.tag.tense == "past" or p.tag.POS == "PRTS" for p in parses(tok))


def person(tok) -> str | None:
    """'1', '2' or '3' from the tagger, or from pymorphy3's first verb reading."""
    got = tok.morph.get("Person")
    if got:
        return got[0]
    for p in parses(tok):
        if p.tag.POS in ("VERB",) and p.tag.person:
            return p.tag.person[0]
    return None


_CLAUSE_PUNCT = {",", ";", ":", "—", "–", "(", ")", "!", "?", ".", "…"}
_PARENTHETICAL = {"пожалуйста", "например", "конечно", "пожалуй"}


def clause_window(tok, sent=None) -> list:
    """Tokens of the comma-bounded stretch around ``tok`` within its sentence.
    Parentheticals («, пожалуйста,») do not end the stretch."""
    sent = sent or tok.sent
    doc = tok.doc

    def is_stop(j: int, direction: int) -> bool:
        t = doc[j]
        if t.text not in _CLAUSE_PUNCT:
            return False
        if t.text == ",":
            # skip «, пожалуйста,» in either direction
            k = j + direction
            while sent.start <= k < sent.end and doc[k].is_space:
                k += direction
            if sent.start <= k < sent.end and fold(doc[k].text) in _PARENTHETICAL:
                return False
            k2 = j - direction
            while sent.start <= k2 < sent.end and doc[k2].is_space:
                k2 -= direction
            if sent.start <= k2 < sent.end and fold(doc[k2].text) in _PARENTHETICAL:
                return False
        return True

    start = tok.i
    while start - 1 >= sent.start and not is_stop(start - 1, -1):
        start -= 1
    end = tok.i + 1
    while end < sent.end and not is_stop(end, 1):
        end += 1
    return [doc[j] for j in range(start, end) if not doc[j].is_space]


_NUM_RE = re.compile(r"^\d+([.,]\d+)?(-[а-яё]+)?$", re.I)


def is_number(tok) -> bool:
    return bool(_NUM_RE.match(tok.text)) or tok.pos_ == "NUM" or any(
        p.tag.POS == "NUMR" for p in parses(tok)[:1])
