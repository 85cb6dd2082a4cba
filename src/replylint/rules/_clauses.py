"""Small helpers over the dependency parse shared by the speech-act rules
(``refusal``, ``blame-shifting``, ``missing-apology``, ``apology-form``).

They answer clause-level questions: is this predicate negated, who is its
subject, is it asked rather than stated, is it only a condition, is it inside
an apology. The words they need come from ``lexicons/clauses.toml``.
"""

from __future__ import annotations

from functools import lru_cache

from .. import lexicon

_NEG = frozenset({"не", "ни"})


def words(key: str, name: str = "clauses") -> frozenset[str]:
    """A lemma set from a lexicon, memoised per loaded lexicon."""
    return _words(name, key, id(lexicon.load(name)))


def union(name: str, *keys: str) -> frozenset[str]:
    """Several lemma lists of a lexicon as one set (a cheap pre-filter)."""
    return _union(name, keys, id(lexicon.load(name)))


@lru_cache(maxsize=64)
def _union(name: str, keys: tuple, _version: int) -> frozenset[str]:
    out: set[str] = set()
    for key in keys:
        out |= _words(name, key, _version)
    return frozenset(out)


@lru_cache(maxsize=512)
def _words(name: str, key: str, _version: int) -> frozenset[str]:
    return frozenset(w.replace("ё", "е") for w in lexicon.words(name, key))


_analyzer = None


def analyzer():
    """The pipeline's memoised pymorphy3 analyser (looked up once)."""
    global _analyzer
    if _analyzer is None:
        from ..nlp.pipeline import morph_analyzer

        _analyzer = morph_analyzer()
    return _analyzer


def top_parse(tok):
    parses = analyzer().parse(tok.text.lower())
    return parses[0] if parses else None


def lemma(tok) -> str:
    return tok.lemma_.lower()


def lemmas(tok) -> set[str]:
    """The parser's lemma plus pymorphy3's most likely normal form of the word:
    the tagger sometimes picks a wrong part of speech («привезём» as a gerund)."""
    key = ("rules_lemmas", tok.i)
    cache = tok.doc.user_data
    if key not in cache:
        out = {lemma(tok)}
        parse = top_parse(tok)
        if parse is not None:
            out.add(parse.normal_form)
        out = {w.replace("ё", "е") for w in out}
        if not out.isdisjoint(_homonyms()) and _other_sense(tok, out):
            out = {f"{w}#{_homonyms()[w][0]}" if w in _homonyms() else w for w in out}
        cache[key] = frozenset(out)
    return cache[key]


def _homonyms() -> dict[str, tuple[str, frozenset[str]]]:
    """lexicons/clauses.toml [homonyms]: a lemma → (its other sense, the
    lemmas in the sentence that select it)."""
    return _homonym_table(id(lexicon.load("clauses")))


@lru_cache(maxsize=4)
def _homonym_table(_version: int) -> dict[str, tuple[str, frozenset[str]]]:
    table = lexicon.load("clauses").get("homonyms", {})
    return {w: (entry["sense"], frozenset(entry["context"])) for w, entry in table.items()}


def _other_sense(tok, out: set[str]) -> bool:
    """The sentence selects the word's other sense: «свидетельство о браке»,
    «состоим в браке» is a marriage, not a defect. Its lemmas then read
    «брак#супружество» and match no rule's word list."""
    context = frozenset().union(*(_homonyms()[w][1] for w in out if w in _homonyms()))
    return any(t.i != tok.i and lemma(t).replace("ё", "е") in context for t in tok.sent)


def is_noun(tok) -> bool:
    """A noun by the tagger, or by pymorphy3 when the tagger missed it
    («пледов» tagged as a verb)."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return True
    if not tok.is_alpha:
        return False
    parse = top_parse(tok)
    return parse is not None and parse.tag.POS == "NOUN"


def has_lemma(tok, wanted: frozenset[str]) -> bool:
    return not lemmas(tok).isdisjoint(wanted)


def morph(tok, key: str) -> str:
    values = tok.morph.get(key)
    return values[0] if values else ""


def negated(tok) -> bool:
    """A «не»/«ни» particle hangs on the word (or stands right before it)."""
    if any(c.lower_ in _NEG for c in tok.children):
        return True
    prev = tok.nbor(-1) if tok.i > tok.sent.start else None
    return prev is not None and prev.lower_ == "не"


def negated_span(tok):
    """The word with the «не» right before it («не доставлен»)."""
    start = tok.i
    for c in tok.children:
        if c.lower_ == "не" and tok.i - 3 <= c.i < start:
            start = c.i
    if start == tok.i and tok.i > tok.sent.start and tok.nbor(-1).lower_ == "не":
        start = tok.i - 1
    return tok.doc[start:tok.i + 1]


def subject(tok):
    """The grammatical subject of a predicate, looking through infinitive and
    conjoined predicates to the clause that has one."""
    node = tok
    for _ in range(4):
        for c in node.children:
            if c.dep_.startswith("nsubj"):
                return c
        if node.dep_ in ("xcomp", "conj", "csubj") and node.head.i != node.i:
            if node.dep_ == "conj" and _disagree(node, node.head):
                return None  # «…важно для нас, однако вынуждены отклонить»: two clauses, two subjects
            node = node.head
            continue
        return None
    return None


def _disagree(pred, head) -> bool:
    """Conjoined predicates that cannot share a subject: they differ in number
    (a plural verb or short form after a singular one)."""
    if pred.pos_ not in ("VERB", "AUX", "ADJ") or head.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    a, b = morph(pred, "Number"), morph(head, "Number")
    return bool(a and b and a != b)


def person(tok) -> str:
    """'1', '2', '3' or '' for a predicate: from its subject or its own form."""
    subj = subject(tok)
    if subj is not None:
        if subj.lemma_.lower() in words("first_person"):
            return "1"
        if subj.lemma_.lower() in words("second_person"):
            return "2"
        p = morph(subj, "Person")
        return p or "3"
    node = tok
    for _ in range(3):
        p = morph(node, "Person")
        if p:
            return p
        if node.dep_ in ("xcomp", "conj", "csubj") and node.head.i != node.i:
            node = node.head
        else:
            break
    return ""


def clause_sentence(tok):
    return tok.sent


def is_question(tok) -> bool:
    """The token's sentence is a question (ends with «?», or has «ли»)."""
    sent = tok.sent
    key = ("rules_question", sent.start)
    cache = tok.doc.user_data
    if key not in cache:
        cache[key] = _question(sent)
    return cache[key]


def _question(sent) -> bool:
    for t in reversed(sent):
        if t.is_space:
            continue
        if "?" in t.text:
            return True
        if not t.is_punct:
            break
    # «ли» asks, except in «вряд ли», «едва ли» (doubt, not a question)
    return any(t.lower_ == "ли" and not (t.i > sent.start and t.nbor(-1).lower_ in ("вряд", "навряд", "едва"))
               for t in sent)


def ancestors_and_self(tok, limit: int = 12):
    node = tok
    for _ in range(limit):
        yield node
        if node.head.i == node.i:
            return
        node = node.head


def in_condition(tok) -> bool:
    """The token is inside a clause introduced by «если», «когда», «чтобы» …
    (a condition, a purpose, a hypothesis: nothing is stated)."""
    marks = words("condition_marks")
    for node in ancestors_and_self(tok):
        for c in node.children:
            if c.dep_ in ("mark", "advmod") and c.lower_ in marks and c.i < node.i and not _adverb_yet(c):
                if c.lower_ == "пока" and node.dep_ == "ROOT":
                    continue  # «пока не входит»: «not yet», not «until»
                return True
        if node.dep_ in ("advcl",) and any(c.lower_ in marks for c in node.children):
            return True
    # «Если …» opening the sentence even when the parser attached it elsewhere,
    # up to the comma or «то» that ends the condition
    first = tok.doc[tok.sent.start]
    if first.i >= tok.i or first.lower_ not in marks:
        return False
    return not any(t.text in (",", "—", "–", ":") or t.lower_ == "то" for t in tok.doc[first.i + 1:tok.i])


def _adverb_yet(tok) -> bool:
    """«пока» as an adverb («пока не готовы» — not yet), not the conjunction
    «пока Вы не …»."""
    return tok.lower_ == "пока" and tok.pos_ == "ADV" and tok.dep_ == "advmod"


def in_apology(tok, ctx=None) -> bool:
    """The token is inside «Извините, что …», «Простите за …», «Нам жаль, что …»."""
    for node in ancestors_and_self(tok):
        if node.i == tok.i:
            continue
        if has_lemma(node, words("apology_heads")) or node.lower_ in words("apology_forms"):
            return True
    return False


def wh_clause(tok) -> bool:
    """The predicate has an interrogative pronoun («Что нельзя публиковать:»)."""
    wh = words("wh_words")
    for node in (tok, *[c for c in tok.children if c.dep_ in ("csubj", "xcomp")]):
        for c in node.children:
            if c.lower_ in wh and c.dep_ not in ("mark", "fixed") and c.i < tok.i:
                return True
    return False


def speaker_ok(ctx, tok) -> bool:
    """The company is speaking: not quoted, not the Клиент's reported words."""
    return not ctx.is_quoted(tok) and not ctx.is_reported(tok)


def next_time(scope) -> list:
    """The words of ``scope`` that set advice for next time: «впредь», «в
    будущем», «в дальнейшем», «в следующий раз» (with their prepositions)."""
    out = []
    for c in scope:
        if has_lemma(c, words("next_time_adverbs", "common")):
            out.append(c)
        elif (is_noun(c) or c.dep_ in ("obl", "nmod")) and any(x.lower_ in ("в", "на") for x in c.children) and (
                has_lemma(c, words("next_time_nouns", "common")) or lemma(c) == "раз" and any(
                    has_lemma(x, words("next_time_modifiers", "common")) for x in c.children)):
            out += [x for x in c.children if x.dep_ in ("case", "amod")] + [c]
    return out
