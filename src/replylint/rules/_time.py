"""Does a stretch of text name a concrete date or time?

Used by ``vague-promise``: «в ближайшее время» is fine when the same sentence
also says «не позднее 17:30 сегодня». Recognised, by lemma and morphology
(lexicons/time.toml): clock times (14:00), numeric dates (01.02, 14.05.2024),
«сегодня/завтра», weekdays, months, and time units that are counted
(«3 дня», «двух недель»), bounded («через час», «в течение суток»,
«до конца дня») or pointed at («в тот же день»).
"""

from __future__ import annotations

import re

from .. import lexicon
from ._ru import fold, has_lemma, is_number, lemmas, parses

_CLOCK = re.compile(r"^([01]?\d|2[0-3])[:.][0-5]\d$")
_DATE = re.compile(r"^\d{1,2}[./]\d{1,2}([./]\d{2,4})?$|^\d{4}-\d{2}-\d{2}$")


def _words(key: str) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon.load("time").get(key, []))


def _is_numeral(tok) -> bool:
    if is_number(tok):
        return True
    if has_lemma(tok, _words("number_nouns")):
        return True
    return any(p.tag.POS == "NUMR" and p.normal_form != "несколько" for p in parses(tok)[:2])


def concrete_time_tokens(tokens) -> list:
    """The tokens that make the stretch concrete (empty if none)."""
    tokens = [t for t in tokens if not t.is_space]
    out = []
    day_words, weekdays, months = _words("day_words"), _words("weekdays"), _words("months")
    units, preps = _words("units"), _words("unit_preps")
    dets, vague = _words("unit_determiners"), _words("vague_quantifiers")
    for k, tok in enumerate(tokens):
        text = tok.text
        if _CLOCK.match(text) or _DATE.match(text):
            # «9.30», «20.05» — but «3.50 ₽» is a price.
            nxt = tokens[k + 1].text if k + 1 < len(tokens) else ""
            if nxt not in ("₽", "руб", "р", "$", "€", "%"):
                out.append(tok)
                continue
        lem = set(lemmas(tok))
        if lem & day_words or lem & weekdays:
            out.append(tok)
            continue
        if lem & months:
            out.append(tok)
            continue
        if lem & units and tok.pos_ in ("NOUN", "PROPN", "X", "ADV", "NUM", "ADJ"):
            before = tokens[max(0, k - 3):k]
            if any(has_lemma(b, vague) for b in before):
                continue
            if any(_is_numeral(b) for b in before[-2:]):
                out.append(tok)
                continue
            if any(fold(b.text) in preps for b in before[-3:]):
                out.append(tok)
                continue
            if any(has_lemma(b, dets) for b in before[-2:]):
                out.append(tok)
                continue
    return out


def has_concrete_time(tokens) -> bool:
    return bool(concrete_time_tokens(tokens))


def deadline_tokens(tokens) -> list:
    """The concrete time tokens that say WHEN something happens — not those
    that name which thing is meant: «расписание на декабрь», «заказ от
    12 мая», «отчёт за март» are attached to a noun, not to the verb, so they
    set no deadline («Расписание на декабрь откроем в ближайшие дни»).

    A time expression counts unless its phrase (climbing through numbers,
    time words and «конец/начало/середина») hangs as ``nmod`` on a noun that
    is not itself a time word, after «на», «за», «от», «с», «по» or no
    preposition. «к пятнице», «до 10 июня», «в декабре» always count, and so
    does the date of an event («перенесём доставку на пятницу»)."""
    found = concrete_time_tokens(tokens)
    if not found:
        return []
    timeish = {t.i for t in found}
    scaffold = _words("scaffold_nouns") | _words("units") | _words("months") | _words("weekdays") \
        | _words("day_words")
    out = []
    for tok in found:
        node = tok
        for _ in range(6):
            head = node.head
            if head.i == node.i:
                break
            if node.dep_ in ("flat", "flat:name", "nummod", "nummod:gov", "amod", "det", "fixed", "compound", "nmod", "appos") \
                    and (head.i in timeish or is_number(head) or has_lemma(head, scaffold)):
                node = head
                continue
            break
        head = node.head
        if node.dep_.startswith("nmod") and head.i != node.i and head.pos_ in ("NOUN", "PROPN") \
                and not has_lemma(head, scaffold) and head.i not in timeish:
            preps = [c for c in node.children if c.dep_ == "case"]
            prep = fold(preps[0].text) if preps else ""
            if (prep in _words("naming_preps") or prep == "") \
                    and not (prep in ("на", "") and has_lemma(head, _words("event_nouns"))):
                continue  # names which thing: «расписание на декабрь»
        out.append(tok)
    return out
