"""Building solution-oriented rewrites with correct Russian morphology.

Rules describe *what* to say in templates (``lexicons/rewrites.toml``) and
fill the slots with pieces of the parsed draft; this module makes the pieces
agree: a noun phrase put into the case the template needs («вместо
{object|gent}» → «вместо каталога без цен»), a verb moved to the company's
voice (``Обратитесь`` → ``обратимся``), a noun agreeing with a numeral.

Template syntax: ``{slot}`` inserts the slot as written; ``{slot|gent}``
inflects a noun phrase (a spaCy token heading it, or a plain word) into the
case (``nomn gent datv accs ablt loct``); ``{slot|we}`` puts a verb into the
first person plural (future for perfective verbs, present otherwise).
Square brackets (``[время]``) are placeholders only a person can fill.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon

UD_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_AGREEING_DEPS = {"amod", "det", "nummod:gov"}


def _morph():
    from .nlp.pipeline import morph_analyzer

    return morph_analyzer()


def match_case(template_word: str, word: str) -> str:
    """Give ``word`` the capitalisation of ``template_word``."""
    if template_word.isupper() and len(template_word) > 1:
        return word.upper()
    if template_word[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _parse_for(text: str, pos: str | None = None, case: str | None = None):
    parses = _morph().parse(text.lower())
    if pos:
        want = {"NOUN": {"NOUN"}, "PROPN": {"NOUN"}, "ADJ": {"ADJF", "PRTF"}, "DET": {"ADJF", "NPRO"},
                "VERB": {"VERB", "INFN"}, "PRON": {"NPRO"}}.get(pos)
        if want:
            narrowed = [p for p in parses if p.tag.POS in want]
            if narrowed:
                parses = narrowed
    if case:
        narrowed = [p for p in parses if p.tag.case == case]
        if narrowed:
            parses = narrowed
    return parses[0] if parses else None


def inflect_word(word: str, grammemes: set[str], pos: str | None = None, case: str | None = None) -> str:
    """``word`` inflected to ``grammemes`` (unchanged when pymorphy3 cannot)."""
    parse = _parse_for(word, pos, case)
    if parse is None:
        return word
    form = parse.inflect(set(grammemes))
    return match_case(word, form.word) if form else word


def _token_case(token) -> str | None:
    values = token.morph.get("Case")
    return UD_CASE.get(values[0]) if values else None


def inflect_phrase(head, case: str, tokens=None) -> str:
    """The text of the noun phrase headed by ``head`` with the head and its
    agreeing modifiers put into ``case``; other dependents stay as they are.
    ``head`` is a spaCy token, or a plain string (one noun). ``tokens``: the
    tokens to render (default: the head's whole subtree)."""
    if isinstance(head, str):
        return inflect_word(head, {case}, "NOUN")
    doc = head.doc
    if head.pos_ == "PRON":
        return _pronoun(head, case)
    parse = _parse_for(head.text, head.pos_, _token_case(head))
    number = parse.tag.number if parse else None
    gender = parse.tag.gender if parse else None
    animacy = parse.tag.animacy if parse else None
    if tokens is None:
        tokens = doc[head.left_edge.i:head.right_edge.i + 1]
    out = []
    for tok in tokens:
        if tok.i == head.i:
            word = inflect_word(tok.text, {case} | ({number} if number else set()), tok.pos_, _token_case(tok))
        elif tok.head.i == head.i and tok.dep_ in _AGREEING_DEPS and tok.pos_ in ("ADJ", "DET", "NUM"):
            gram = {case}
            if number:
                gram.add(number)
            if number == "sing" and gender:
                gram.add(gender)
            if case == "accs" and animacy and not (number == "sing" and gender == "femn"):
                gram.add(animacy)
            word = inflect_word(tok.text, gram, tok.pos_, _token_case(tok))
        else:
            word = tok.text
        out.append((sentence_word(tok, word), tok.whitespace_))
    return _join(out)


_NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})


def sentence_word(tok, word: str | None = None) -> str:
    """``word`` (default: the token's text) lower-cased when it is capital
    only because it starts a sentence: a moved phrase keeps names, «Вы» and
    «Ваш», and words in capitals."""
    word = tok.text if word is None else word
    if tok.i != tok.sent.start or (word.isupper() and len(word) > 1) or not word[:1].isupper():
        return word
    if tok.lemma_.lower() in ("вы", "ваш", "клиент", "клиентка", "покупатель", "покупательница"):
        return word
    if tok.pos_ == "PROPN" and not any(_NAME_TAGS.isdisjoint(p.tag.grammemes) for p in _morph().parse(tok.lower_)):
        return word  # «Алла», «Москва»: names only
    return word[:1].lower() + word[1:]


_QUOTES = frozenset("«»\"„“”'")
_NP_DEPS = frozenset({"amod", "det", "nummod", "nummod:gov", "nmod", "case", "compound", "flat", "flat:name",
                      "fixed", "appos", "nmod:poss"})


def _join(pairs) -> str:
    """Words with the whitespace after each, tidied: one space between
    words, none before closing punctuation."""
    text = "".join(w + ws for w, ws in pairs)
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"\s+([,.!?:;»)])", r"\1", text)
    text = re.sub(r"([«(])\s+", r"\1", text)
    return text.strip()


def _pronoun(tok, case: str) -> str:
    """A personal pronoun in ``case`` («него» → «нём», «их» → «них» after a
    preposition is the template's business: the form is the plain one)."""
    parses = [p for p in _morph().parse(tok.lower_) if p.tag.POS == "NPRO"]
    if not parses:
        return tok.text
    form = parses[0].inflect({case})
    return match_case(tok.text, form.word) if form else tok.text


def np_tokens(head, drop=(), prepositional: bool = True) -> list:
    """The compact noun phrase headed by ``head``: the head with its
    modifiers, genitives and (unless ``prepositional`` is false)
    prepositional attributes, recursively; without clauses, conjuncts or
    tokens in ``drop`` (indices)."""
    drop = set(drop)
    out, stack = [], [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for c in tok.children:
            if c.i in drop or (tok.i == head.i and c.dep_ == "case"):
                continue  # «в возврате» → «возврата»: the head's preposition is the template's
            if c.dep_ == "nmod" and c.pos_ in ("PRON", "DET"):
                continue  # «ошибка перед тем, как …»
            if not prepositional and c.dep_ == "nmod" and any(x.dep_ == "case" for x in c.children):
                continue
            if c.dep_ in _NP_DEPS or (c.is_punct and c.text in _QUOTES):
                stack.append(c)
    out.sort(key=lambda t: t.i)
    # a preposition in front belongs to the template, even when the parser
    # hung it on a modifier («за сломанный чайник»: «за» ← «сломанный»)
    while len(out) > 1 and out[0].pos_ == "ADP" and out[0].i != head.i:
        out.pop(0)
    # a quotation mark without its pair is left out
    if sum(1 for t in out if t.text in _QUOTES) % 2:
        out = [t for t in out if t.text not in _QUOTES]
    return out


def noun_phrase(head, case: str | None = None, drop=()) -> str:
    """The compact noun phrase of ``head`` (see ``np_tokens``), its head and
    agreeing modifiers put into ``case`` (as written when ``case`` is None)."""
    toks = np_tokens(head, drop)
    if case is None:
        return _join((sentence_word(t), t.whitespace_) for t in toks)
    return inflect_phrase(head, case, toks)


@lru_cache(maxsize=None)
def _derivation() -> dict:
    return lexicon.load("derivation")


def action_noun(verb) -> str | None:
    """The noun naming the action of ``verb`` (a token or a lemma):
    «изменить» → «изменение»; None when the lexicon does not know it."""
    table = _derivation().get("action_nouns", {})
    if isinstance(verb, str):
        return table.get(verb.lower().replace("ё", "е")) or table.get(verb.lower())
    for lem in _verb_lemmas(verb):
        if lem in table:
            return table[lem]
    return None


def _verb_lemmas(tok) -> list[str]:
    out = [tok.lemma_.lower()]
    out += [p.normal_form for p in _morph().parse(tok.lower_) if p.tag.POS in ("VERB", "INFN", "PRTF", "PRTS", "GRND")]
    return [w.replace("ё", "е") for w in out] + out


def _is_light(verb) -> bool:
    light = frozenset(_derivation().get("light_verbs", []))
    return any(lem in light for lem in _verb_lemmas(verb))


_DROPPED_DEPS = frozenset({"nsubj", "nsubj:pass", "aux", "aux:pass", "cop", "punct", "cc", "mark", "parataxis",
                           "conj", "advcl", "ccomp", "csubj", "discourse", "vocative", "expl", "dislocated",
                           "orphan", "list", "acl", "acl:relcl"})


def _verb_extras(verb, skip) -> list:
    """Dependents of ``verb`` that say where, when, how (they follow the
    action noun as they are): not its subject, negation, auxiliaries, the
    Клиент in the dative, clauses."""
    out = []
    for c in verb.children:
        if c.i in skip or c.dep_ in _DROPPED_DEPS or c.pos_ == "PART":
            continue
        if c.pos_ == "PRON" and "Case=Dat" in str(c.morph):
            continue  # «Доставить заказ вам …»
        if c.dep_ == "advmod" and c.lower_ in _derivation().get("dropped_adverbs", []):
            continue
        if c.pos_ == "VERB" and "VerbForm=Inf" in str(c.morph):
            continue
        out.append(c)
    return out


def _subtree_text(tok) -> str:
    return _join((sentence_word(t), t.whitespace_) for t in tok.doc[tok.left_edge.i:tok.right_edge.i + 1])


def action_phrase(verb, case: str, extra=(), obj=None) -> str | None:
    """The action of ``verb`` (an infinitive or a finite verb with its
    dependents) named by a noun phrase in ``case``: «Изменить адрес после
    передачи заказа» → «изменения адреса после передачи заказа» (gent);
    «принять возврат» → «возврата» (a light verb is named by its object).
    ``obj``: what the action is done to, when it is not the verb's object
    («фильм не может быть опубликован» → «публикации фильма»).
    None when there is no noun for it."""
    if obj is None:
        obj = next((c for c in verb.children if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
    skip = {obj.i} if obj is not None else set()
    extras = [_subtree_text(c) for c in sorted([*_verb_extras(verb, skip), *extra], key=lambda t: t.i)]
    noun = action_noun(verb)
    if obj is not None and obj.pos_ != "PRON" and (_is_light(verb) or noun is None):
        parts = [noun_phrase(obj, case)]
    elif noun is not None:
        parts = [inflect_word(noun, {case, "sing"}, "NOUN")]
        if obj is not None:
            parts.append(_pronoun(obj, "gent") if obj.pos_ == "PRON" else noun_phrase(obj, "gent"))
    else:
        return None
    return _join((p, " ") for p in parts + extras)


def phrase(value, case: str) -> str | None:
    """A noun phrase for a template slot in ``case``: a plain word, a noun
    (its compact phrase) or a verb (its action named by a noun)."""
    if isinstance(value, str):
        return inflect_phrase(value, case)
    if value.pos_ in ("VERB", "AUX"):
        return action_phrase(value, case)
    return noun_phrase(value, case)


def participle_phrase(verb, noun, case: str) -> str | None:
    """«повредили вазу» → «повреждённую вазу»: the past passive participle of
    a transitive verb agreeing with its object, and the object's phrase."""
    verbs = [p for p in _morph().parse(verb.lower_) if p.tag.POS in ("VERB", "INFN", "PRTS", "PRTF")]
    if not verbs:
        return None
    head = _parse_for(noun.text, noun.pos_, _token_case(noun))
    if head is None:
        return None
    gram = {"PRTF", "pssv", "past", case, head.tag.number or "sing"}
    if head.tag.number != "plur" and head.tag.gender:
        gram.add(head.tag.gender)
    if case == "accs" and head.tag.animacy and not (head.tag.number != "plur" and head.tag.gender == "femn"):
        gram.add(head.tag.animacy)
    form = None
    for p in verbs:
        base = p.normalized
        if base.tag.POS == "PRTS" or base.tag.POS == "PRTF":
            base = _morph().parse(p.normal_form)[0]
        form = base.inflect(gram)
        if form is not None:
            break
    if form is None:
        return None
    return f"{form.word} {noun_phrase(noun, case)}"


def attribute_phrase(adj, noun, case: str) -> str | None:
    """«Праздник испорчен», «пришла разбитой» → «испорченный праздник»,
    «разбитую вазу»: the adjective or participle made a full form agreeing
    with ``noun`` in ``case``, before the noun's phrase."""
    head = _parse_for(noun.text, noun.pos_, _token_case(noun))
    parses = [p for p in _morph().parse(adj.lower_) if p.tag.POS in ("ADJF", "ADJS", "PRTF", "PRTS")]
    if head is None or not parses:
        return None
    number = head.tag.number or "sing"
    gram = {case, number}
    if number == "sing" and head.tag.gender:
        gram.add(head.tag.gender)
    if case == "accs" and head.tag.animacy and not (number == "sing" and head.tag.gender == "femn"):
        gram.add(head.tag.animacy)
    p = parses[0]
    gram.add("PRTF" if p.tag.POS in ("PRTF", "PRTS") else "ADJF")
    form = p.inflect(gram)
    if form is None:
        return None
    return f"{form.word} {noun_phrase(noun, case, drop={adj.i})}"


def we_form(tok) -> str:
    """A predicate moved to «мы»: past and short forms become plural
    («не успела» → «успели», «виновата» → «виноваты»), the present and
    the future go to the first person plural («отвечает» → «отвечаем»)."""
    morph = str(tok.morph)
    short = [p for p in _morph().parse(tok.lower_) if p.tag.POS in ("ADJS", "PRTS")]
    verbs = [p for p in _morph().parse(tok.lower_) if p.tag.POS == "VERB"]
    past = [p for p in verbs if "past" in p.tag]
    only_past = bool(past) and len(past) == len(verbs)  # the tagger can miss the tense («помял»)
    if "Tense=Past" in morph or "Variant=Short" in morph or (short and tok.pos_ == "ADJ") or only_past:
        parse = short[0] if short and not past else (past[0] if past else _parse_for(tok.text, tok.pos_, None))
        if parse is None:
            return tok.text
        gram = {"plur"} | ({"past"} if parse.tag.POS == "VERB" else set())
        form = parse.inflect(gram)
        return match_case(tok.text, form.word) if form else tok.text
    parse = _parse_for(tok.text, "VERB")
    if parse is None or parse.tag.POS != "VERB":
        return tok.text
    tense = "futr" if "futr" in parse.tag else "pres"
    form = parse.inflect({"1per", "plur", tense, "indc"})
    return match_case(tok.text, form.word) if form else tok.text


_YOU = {"я": "вы", "мой": "ваш", "вы": "мы", "ваш": "наш"}


def to_you(tokens, replace=None) -> str:
    """The Клиент's own words turned to address the Клиент: «мне не
    привезли мой заказ» → «Вам не привезли Ваш заказ», «жду» → «ждёте»;
    and his «вы» (the company) becomes «мы»: «от вас не пришло» → «от нас
    не пришло». ``replace``: token index → text put instead of the token."""
    out = []
    replace = replace or {}
    tokens = list(tokens)
    inside = {t.i for t in tokens}
    for tok in tokens:
        word, lem, morph = tok.text, tok.lemma_.lower(), str(tok.morph)
        if tok.i in replace:
            word = replace[tok.i]
        elif lem in _YOU and tok.pos_ in ("PRON", "DET"):
            case = _token_case(tok) or "nomn"
            gram = {case}
            target = _YOU[lem]
            if target in ("ваш", "наш"):
                number = "plur" if "Number=Plur" in morph else "sing"
                gram.add(number)
                gender = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}.get((tok.morph.get("Gender") or [""])[0])
                if number == "sing" and gender:
                    gram.add(gender)
                word = inflect_word(target, gram, "DET", None)
            else:
                word = inflect_word(target, gram, "PRON", None)
            if target in ("вы", "ваш"):
                word = word[:1].upper() + word[1:]
        elif tok.pos_ in ("VERB", "AUX") and "Person=1" in morph and "Number=Sing" in morph:
            parse = _parse_for(tok.text, "VERB")
            form = parse.inflect({"2per", "plur"}) if parse else None
            word = form.word if form else word
        elif tok.pos_ in ("VERB", "AUX") and "Person=2" in morph and "Mood=Imp" not in morph:
            parse = _parse_for(tok.text, "VERB")
            form = parse.inflect({"1per", "plur"}) if parse else None
            word = form.word if form else word
        elif tok.pos_ in ("VERB", "AUX", "ADJ") and ("Tense=Past" in morph or "Variant=Short" in morph) and any(
                c.dep_.startswith("nsubj") and c.lemma_.lower() == "я" and c.i in inside for c in tok.children):
            word = we_form(tok)
        elif word == tok.text:
            word = sentence_word(tok)
        out.append((word, tok.whitespace_))
    return _join(_spaced(tokens, out))


def _spaced(tokens, pairs) -> list:
    """A space after a token whose neighbour in the text was left out."""
    tokens = list(tokens)
    out = []
    for k, (word, ws) in enumerate(pairs):
        if not ws and k + 1 < len(tokens) and tokens[k + 1].i != tokens[k].i + 1 and not tokens[k + 1].is_punct:
            ws = " "
        out.append((word, ws))
    return out


_THIRD = frozenset({"он", "она", "оно", "они"})


def antecedent(pron):
    """The noun a third-person pronoun stands for: the nearest noun before
    it with the same gender and number (a subject first)."""
    if pron.lemma_.lower() not in _THIRD:
        return None
    number = (pron.morph.get("Number") or [""])[0]
    gender = (pron.morph.get("Gender") or [""])[0]
    cands = [t for t in pron.doc[:pron.i] if t.pos_ in ("NOUN", "PROPN")
             and (t.morph.get("Number") or [""])[0] == number
             and (number == "Plur" or (t.morph.get("Gender") or [""])[0] == gender)]
    if not cands:
        return None
    subjects = [t for t in cands if t.dep_.startswith("nsubj")]
    return (subjects or cands)[-1]


_CLAUSE_BREAKS = frozenset({"parataxis", "conj", "advcl", "ccomp", "acl:relcl", "list"})


def clause_tokens(root) -> list:
    """The tokens of ``root``'s own clause: its subtree without the clauses
    hanging on it (parataxis, conjuncts, adverbial and relative clauses) and
    without punctuation or conjunctions at the edges."""
    out, stack = [], [root]
    chain = {root.i}  # the root and the verbs it governs directly («не можем доставить»)
    while stack:
        tok = stack.pop()
        out.append(tok)
        for c in tok.children:
            if c.dep_ in ("xcomp", "csubj", "aux", "cop") and tok.i in chain:
                chain.add(c.i)
            if c.dep_ in _CLAUSE_BREAKS and tok.i in chain and (
                    c.pos_ in ("VERB", "AUX", "ADJ", "NOUN") or c.dep_ != "conj"):
                continue  # clauses inside a noun phrase («то, что описано …») stay
            if tok.i == root.i and c.dep_ in ("cc", "mark") and c.i < root.i:
                continue  # «но …», «так что …» stay outside
            stack.append(c)
    out.sort(key=lambda t: t.i)
    while out and (out[0].is_punct or out[0].is_space):
        out.pop(0)
    while out and (out[-1].is_punct or out[-1].is_space):
        out.pop()
    return out


_EXPLAINS = frozenset({":", "—", "–", "-"})


_JOINS = frozenset({"но", "а", "и", "однако", "поэтому", "что", "так", "зато", "или", "либо", "ведь", "потому"})


def clause_bounds(sent, root, lead_in=frozenset(), include=()) -> tuple:
    """(first token, last token) of the clause of ``root`` to replace: its own
    clause (with the tokens in ``include``), widened to the punctuation or
    conjunction around it when the parse cut it short; through the end of
    the sentence when an explanation follows it after a colon or a dash
    («… нельзя: он собран»); from the start of the sentence when only
    ``lead_in`` words precede it («К сожалению, …»)."""
    toks = clause_tokens(root) or [root]
    first = min([toks[0], *include], key=lambda t: t.i)
    last = max([toks[-1], *include], key=lambda t: t.i)
    words = [t for t in sent if not t.is_space]
    before = [t for t in words if t.i < first.i]
    while before and not before[-1].is_punct and before[-1].lower_ not in _JOINS:
        first = before.pop()
    after = [t for t in words if t.i > last.i]
    body = [t for t in words if not t.is_punct]
    if after and after[0].text in _EXPLAINS:
        if body and body[-1].i > last.i:
            last = body[-1]
    elif after and not after[0].is_punct:
        # the parse cut the clause short («… нужно было при курьере»): through
        # the next comma or the end of the sentence
        for t in after:
            if t.text == ",":
                break
            if not t.is_punct:
                last = t
    before = [t for t in words if t.i < first.i]
    if before and all(t.is_punct or t.lower_ in lead_in for t in before):
        first = before[0]
        while first.is_punct and first.i < toks[0].i:
            first = first.doc[first.i + 1]
    return first, last


def contrast(sent, first, root) -> str:
    """«но » when the replacement starts a clause after a comma with no
    conjunction of its own («…закрыт для подключения, но вместо …»)."""
    prev = [t for t in sent if t.i < first.i and not t.is_space]
    if not prev or prev[-1].text != "," or root.dep_ not in ("conj", "parataxis"):
        return ""
    if any(c.dep_ in ("cc", "mark") for c in root.children):
        return ""
    word = templates("common").get("contrast", "")
    return f"{word} " if word else ""


def replacement(sent, first, last, text: str, prefix: str = "") -> tuple[tuple[int, int], str]:
    """The edit replacing tokens ``first``..``last`` of ``sent`` with
    ``prefix`` + ``text``, its first letter fitted to the place (capital
    only at the start of the sentence)."""
    start_tok = next((t for t in sent if not t.is_space and not (t.is_punct and t.text not in _QUOTES)), None)
    if first is start_tok or first.i <= sent.start:
        text = capitalise_first(prefix + text)
    else:
        text = prefix + lower_first(text)
    return (first.idx, last.idx + len(last.text)), text


def clause_span(sent, root, lead_in=frozenset()) -> tuple[int, int]:
    first, last = clause_bounds(sent, root, lead_in)
    return first.idx, last.idx + len(last.text)


def sentence_after(sent, edit) -> str:
    """The sentence with ``edit`` ((start, end), text) applied: what the
    rewrite makes of it, shown as the suggestion."""
    (start, end), text = edit
    base = sent.start_char
    raw = sent.text
    return (raw[:start - base] + text + raw[end - base:]).strip()


def to_we(verb) -> str:
    """A verb (imperative, infinitive, 2nd person) in the company's voice:
    first person plural, future for perfective verbs («отследите» →
    «отследим»), present for imperfective ones («следите» → «следим»)."""
    text = verb if isinstance(verb, str) else verb.text
    parse = _parse_for(text, "VERB")
    if parse is None:
        return text
    tense = "futr" if parse.tag.aspect == "perf" else "pres"
    form = parse.inflect({"1per", "plur", tense, "indc"})
    return form.word if form else text


def agree_with_number(noun: str, number: int) -> str:
    """«день» with 3 → «дня», with 5 → «дней»."""
    parse = _parse_for(noun, "NOUN")
    if parse is None:
        return noun
    form = parse.make_agree_with_number(number)
    return match_case(noun, form.word) if form else noun


# --- templates ---------------------------------------------------------------

_SLOT = re.compile(r"\{(\w+)(?:\|(\w+))?\}")


@lru_cache(maxsize=None)
def templates(rule_id: str) -> dict:
    return lexicon.load("rewrites").get(rule_id, {})


class Phrase:
    """A template slot that is a piece of the parsed draft: a noun (its
    compact phrase, or the ``tokens`` given) or a verb (its action named by a
    noun: «изменить адрес» → ``{slot|gent}`` «изменения адреса»)."""

    def __init__(self, head, tokens=None, extra=(), text: str | None = None, of=None) -> None:
        self.head, self.tokens, self.extra, self.text, self.of = head, tokens, tuple(extra), text, of

    @classmethod
    def ready(cls, text: str) -> "Phrase":
        """A phrase already in the case the template asks for."""
        return cls(None, text=text)

    def in_case(self, case: str) -> str | None:
        if self.head is None:
            return self.text
        if self.head.pos_ in ("VERB", "AUX") or self.of is not None:
            return action_phrase(self.head, case, self.extra, obj=self.of)
        if self.head.pos_ == "PRON":
            return _pronoun(self.head, case)
        return inflect_phrase(self.head, case, self.tokens if self.tokens is not None else np_tokens(self.head))

    def __str__(self) -> str:
        if self.head is None:
            return self.text or ""
        toks = self.tokens if self.tokens is not None else np_tokens(self.head)
        return _join((sentence_word(t), t.whitespace_) for t in toks)


class _Unfilled(Exception):
    pass


def render(rule_id: str, variant: str, **slots) -> str | None:
    """Fill the rule's template ``variant`` from ``lexicons/rewrites.toml``.
    None when the variant does not exist or a slot cannot be put in the case
    the template asks for (the caller then tries another variant)."""
    template = templates(rule_id).get(variant)
    if template is None:
        return None

    def fill(m: re.Match) -> str:
        value = slots.get(m.group(1))
        if value is None:
            return f"[{m.group(1)}]"
        how = m.group(2)
        if how == "we":
            return to_we(value)
        if isinstance(value, Phrase):
            out = value.in_case(how) if how else str(value)
            if not out:
                raise _Unfilled
            return out
        if how:
            return inflect_phrase(value, how)
        return value if isinstance(value, str) else _span_text(value)

    try:
        text = _SLOT.sub(fill, template)
    except _Unfilled:
        return None
    text = re.sub(r"\b([Оо]) (?=[аоиуэыАОИУЭЫ])", r"\1б ", text)  # «о оплате» → «об оплате»
    return capitalise_first(re.sub(r"\s+([,.!?:;])", r"\1", re.sub(r" {2,}", " ", text)).strip())


def _span_text(value) -> str:
    if hasattr(value, "left_edge") and not hasattr(value, "start_char"):
        doc = value.doc
        return doc[value.left_edge.i:value.right_edge.i + 1].text
    return value.text


def capitalise_first(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1:]
        if ch == "[":
            break
    return text


# --- rebuilding stretches of the draft -----------------------------------------
# Used by rules whose rewrite keeps most of a clause and changes some words
# («обратитесь, пожалуйста, в свой банк» → «обратимся в Ваш банк»).

_FEATS = {"Case": UD_CASE, "Number": {"Sing": "sing", "Plur": "plur"},
          "Gender": {"Masc": "masc", "Fem": "femn", "Neut": "neut"}}


def token_grammemes(tok) -> dict[str, str]:
    """Case, number and gender of a token as pymorphy3 grammemes (those the
    tagger gives; ``animacy`` from pymorphy3 for nouns)."""
    out = {}
    for feat, table in _FEATS.items():
        values = tok.morph.get(feat)
        if values and values[0] in table:
            out[feat.lower()] = table[values[0]]
    if tok.pos_ in ("NOUN", "PROPN"):
        parse = _parse_for(tok.text, tok.pos_, out.get("case"))
        if parse is not None and parse.tag.animacy:
            out["animacy"] = parse.tag.animacy
    return out


def agree_with(word: str, tok, noun=None, pos: str = "DET") -> str:
    """``word`` (a determiner or adjective: «этот», «ваш») in the form of
    ``tok`` — the word it stands in for — agreeing with ``noun`` (the noun
    ``tok`` modifies) in case, number, gender and, in the accusative,
    animacy: «данному» → «этому», «свою» → «Вашу», «данных клиентов» →
    «этих»."""
    own = token_grammemes(tok)
    if noun is None:
        # standing alone («учли вышеизложенное»): pymorphy3's reading of the word
        parse = _parse_for(tok.text, "ADJ", own.get("case"))
        if parse is not None:
            own = {k: v for k, v in (("case", parse.tag.case), ("number", parse.tag.number),
                                     ("gender", parse.tag.gender)) if v}
    head = token_grammemes(noun) if noun is not None else {}
    case = own.get("case") or head.get("case")
    number = head.get("number") or own.get("number")
    gender = head.get("gender") or own.get("gender")
    if case is None:
        parse = _parse_for(tok.text, None)
        if parse is not None:
            case = parse.tag.case
            number = number or parse.tag.number
            gender = gender or parse.tag.gender
    gram = {g for g in (case, number) if g}
    if number != "plur" and gender:
        gram.add(gender)
    if case == "accs" and head.get("animacy") and not (number != "plur" and gender == "femn"):
        gram.add(head["animacy"])
    return match_case(tok.text, inflect_word(word, gram, pos))


def phrase_in_case(tokens, head, case: str) -> str:
    """The words of ``tokens`` (a noun phrase read off the draft) with
    ``head`` and the adjectives agreeing with it put into ``case``: «фото
    чека и пакета» (accs) stays, «видеозапись распаковки» → «видеозапись»,
    «новая коробка» → «новую коробку»."""
    gram = token_grammemes(head)
    number = gram.get("number")
    gender = gram.get("gender")
    animacy = gram.get("animacy")
    out = []
    for tok in tokens:
        word = tok.text
        if tok.i == head.i:
            word = inflect_word(tok.text, {case} | ({number} if number else set()), tok.pos_, gram.get("case"))
        elif tok.i < head.i and tok.pos_ in ("ADJ", "DET"):
            g = {case} | ({number} if number else set())
            if number != "plur" and gender:
                g.add(gender)
            if case == "accs" and animacy and not (number != "plur" and gender == "femn"):
                g.add(animacy)
            word = inflect_word(tok.text, g, tok.pos_, token_grammemes(tok).get("case"))
        out.append((word, tok.whitespace_))
    return join_words(out)


def join_words(pairs) -> str:
    """Words with the whitespace after each, tidied: single spaces, no space
    before closing punctuation, no doubled or dangling commas."""
    text = "".join(w + ws for w, ws in pairs)
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"\s+([,.!?:;»)])", r"\1", text)
    text = re.sub(r"([«(])\s+", r"\1", text)
    text = re.sub(r",(\s*,)+", ",", text)
    text = re.sub(r"^\s*[,;]\s*", "", text)
    text = re.sub(r"\s*,\s*$", "", text)
    return text.strip()


def rebuild(doc, start: int, end: int, replace: dict | None = None, *, drop=(), before=None) -> str:
    """The text of tokens ``start``..``end`` (inclusive), a token's text
    replaced by ``replace[i]`` ("" drops the token with its space); tokens
    in ``drop`` left out the same way; ``before[i]``: a word inserted before
    token ``i`` (even a dropped one)."""
    replace = dict(replace or {})
    for i in drop:
        replace[i] = ""
    before = before or {}
    out = []
    for tok in doc[start:end + 1]:
        if tok.i in before:
            out.append((before[tok.i], " "))
        word = replace.get(tok.i, tok.text)
        if word == "":
            if out and not out[-1][1] and tok.whitespace_:
                out[-1] = (out[-1][0], tok.whitespace_)  # «обратитесь, в» → «обратимся в»
            continue
        out.append((word, tok.whitespace_))
    return join_words(out)


def lower_first(text: str) -> str:
    """Lower-case the first letter (a rewrite in the middle of a sentence),
    unless the word is in capitals or addresses the Клиент («Вы», «Ваш»)."""
    m = re.search(r"\w+", text)
    if not m or (m.group(0).isupper() and len(m.group(0)) > 1):
        return text
    if re.match(r"(?i)ваш|вы$|вас$|вам$|вами$|клиент", m.group(0)):
        return text
    k = m.start()
    return text[:k] + text[k].lower() + text[k + 1:]


def starts_sentence(tok) -> bool:
    """``tok`` is the first word of its sentence (opening quotes and
    list markers aside)."""
    doc = tok.doc
    j = tok.sent.start
    while j < tok.i and (doc[j].is_space or doc[j].is_punct):
        j += 1
    return j == tok.i


def sentence_span(sent) -> tuple[int, int]:
    """Analysed offsets of a sentence without surrounding whitespace."""
    toks = [t for t in sent if not t.is_space]
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


_VERB_FORM = frozenset({"1per", "2per", "3per", "sing", "plur", "pres", "futr", "past", "indc", "impr",
                        "masc", "femn", "neut", "incl", "excl"})


def verb_like(lemma: str, tok) -> str:
    """The verb ``lemma`` in the form of the verb ``tok`` (person, number,
    tense, mood, gender; an infinitive stays one): «сообщить» like
    «доведём» → «сообщим», «сообщать» like «доводим» → «сообщаем»."""
    target = _parse_for(lemma, "VERB")
    parses = [p for p in _morph().parse(tok.text.lower()) if p.tag.POS in ("VERB", "INFN")]
    if target is None or not parses:
        return lemma
    # a reading of the same aspect as the target («доводим»: present, not future)
    src = next((p for p in parses if p.tag.aspect == target.tag.aspect and p.tag.POS == "VERB"),
               next((p for p in parses if p.tag.aspect == target.tag.aspect), parses[0]))
    if src.tag.POS == "INFN":
        return match_case(tok.text, target.normal_form)
    form = target.inflect(set(src.tag.grammemes) & _VERB_FORM)
    return match_case(tok.text, form.word) if form else lemma


def aspect(tok) -> str | None:
    """``perf`` or ``impf``: the tagger's, else pymorphy3's first verb reading."""
    got = tok.morph.get("Aspect")
    if got:
        return {"Perf": "perf", "Imp": "impf"}.get(got[0])
    for p in _morph().parse(tok.text.lower()):
        if p.tag.POS in ("VERB", "INFN", "GRND", "PRTF", "PRTS"):
            return p.tag.aspect
    return None


def your(noun: str, case: str) -> str:
    """«Ваш» + ``noun`` (a lemma) in the singular of ``case``, agreeing in
    gender: («заказ», ablt) → «Вашим заказом», («посылка», ablt) → «Вашей
    посылкой», («отправление», datv) → «Вашему отправлению»."""
    parse = _parse_for(noun, "NOUN", "nomn")
    if parse is None:
        return f"Ваш {noun}"
    gram = {case, "sing"}
    form = parse.inflect(gram)
    gender = parse.tag.gender
    det = {case, "sing"} | ({gender} if gender else set())
    if case == "accs" and parse.tag.animacy and gender != "femn":
        det.add(parse.tag.animacy)
    return f"{inflect_word('Ваш', det, 'DET')} {form.word if form else noun}"


def restore_placeholders(norm, start: int, end: int, text: str) -> str | None:
    """A rewrite of the analysed ``[start, end)`` written back for the
    original text: the stand-ins of the template placeholders inside it
    («Иван» for ``{{ name }}``) become the placeholders again, in order.
    None when a placeholder is cut by the range or left out of ``text``."""
    pos = 0
    out = []
    for m_start, m_end in sorted(norm.masked):
        if m_end <= start or m_start >= end:
            continue
        if m_start < start or m_end > end:
            return None
        stand = norm.text[m_start:m_end]
        if not stand.strip():
            return None
        found = text.find(stand, pos)
        if found < 0:
            return None
        o_start, o_end = norm.to_original(m_start, m_end)
        out.append(text[pos:found])
        out.append(norm.original[o_start:o_end])
        pos = found + len(stand)
    out.append(text[pos:])
    return "".join(out)
