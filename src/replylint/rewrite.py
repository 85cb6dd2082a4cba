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
