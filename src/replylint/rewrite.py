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


def inflect_phrase(head, case: str) -> str:
    """The text of the noun phrase headed by ``head`` with the head and its
    agreeing modifiers put into ``case``; other dependents stay as they are.
    ``head`` is a spaCy token, or a plain string (one noun)."""
    if isinstance(head, str):
        return inflect_word(head, {case}, "NOUN")
    doc = head.doc
    parse = _parse_for(head.text, head.pos_, _token_case(head))
    number = parse.tag.number if parse else None
    gender = parse.tag.gender if parse else None
    animacy = parse.tag.animacy if parse else None
    start, end = head.left_edge.i, head.right_edge.i + 1
    out = []
    for tok in doc[start:end]:
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
        out.append(word + tok.whitespace_)
    return "".join(out).strip()


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


def render(rule_id: str, variant: str, **slots) -> str | None:
    """Fill the rule's template ``variant`` from ``lexicons/rewrites.toml``."""
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
        if how:
            return inflect_phrase(value, how)
        return value if isinstance(value, str) else _span_text(value)

    text = _SLOT.sub(fill, template)
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


def rebuild(doc, start: int, end: int, replace: dict | None = None) -> str:
    """The text of tokens ``start``..``end`` (inclusive), a token's text
    replaced by ``replace[i]`` ("" drops the token with its space)."""
    replace = replace or {}
    out = []
    for tok in doc[start:end + 1]:
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
