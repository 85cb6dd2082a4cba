"""Канцелярский штамп: «Надеемся на Ваше понимание», «данный» вместо «этот».

Что делает
----------
Находит пустые канцелярские формулы: «Надеемся на (Ваше) понимание»,
«Ваше обращение очень важно для нас», «доводим до Вашего сведения»,
«ставим Вас в известность», «в связи с вышеизложенным» и слова
«вышеуказанный», «вышеупомянутый»… Формулы ищутся по леммам, поэтому
считаются и другие формы и порядок слов («Ваше обращение для нас очень
важно»). Находит и «данный» в значении «этот» («данный товар», «в данном
случае»), но не причастие от «дать» («данное Вам обещание», «данные нами
гарантии») и не существительное «данные» («Ваши данные», «по нашим данным»).

Почему это важно
----------------
Стандарт 000, §3: ответ «К сожалению, мы не можем предоставить Вам каталог.
Надеемся на Ваше понимание» приведён как неправильный. Штамп звучит как
отписка: Клиенту пишет не человек, а учреждение.

Примеры
-------
Срабатывает:
- Благодарим за ожидание и рассчитываем на понимание.
- Ваш звонок для нас очень важен.
- В данном случае замена делается бесплатно.
Не срабатывает:
- Мы сдержим данное Вам слово и привезём заказ завтра.
- Мы обновили Ваши данные в профиле.
- Надеемся, подарок Вам понравится.
"""

from __future__ import annotations

from .. import lexicon
from .. import rewrite as rw
from ..model import Severity
from . import Rule
from ._ru import fold, has_lemma, is_number, lemmas, matches, parses

_DATIVE_PRON = {"вам", "нам", "им", "ему", "ей", "мне", "тебе", "вами", "нами", "ими", "им", "мной"}


class Cliche(Rule):
    __doc__ = __doc__
    id = "cliche"
    severity = Severity.INFO
    seed = "000 §3"

    def check(self, ctx):
        for label, span in matches("cliche", "patterns", ctx.doc):
            if not ctx.company_speaks(span[0]):
                continue
            yield ctx.hit(span, message=f"Канцелярский штамп «{label}»: скажите то же простыми словами.",
                          **_rewrite(ctx, label, span))
        conf = lexicon.load("cliche").get("dannyi", {})
        given = frozenset(fold(w) for w in conf.get("given_nouns", []))
        data_mods = frozenset(fold(w) for w in conf.get("data_modifiers", []))
        for tok in ctx.doc:
            if not fold(tok.text).startswith("данн") or "данный" not in lemmas(tok):
                continue
            if not ctx.company_speaks(tok) or not _is_this_sense(tok, given, data_mods):
                continue
            yield ctx.hit(tok, message=f"«{tok.text}» в значении «этот» — канцелярит: напишите «этот» "
                                       "или назовите предмет прямо.", **_this(tok))


def _next_word(tok):
    doc = tok.doc
    j = tok.i + 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    return doc[j] if j < len(doc) else None


def _agrees(a, b) -> bool:
    """Same case and number (when both are known)."""
    for feat in ("Case", "Number"):
        fa, fb = a.morph.get(feat), b.morph.get(feat)
        if fa and fb and fa != fb:
            return False
    return True


def _is_this_sense(tok, given_nouns, data_mods) -> bool:
    """«данный» used as «этот»: an attribute of a following noun, not the
    participle of «дать» (a dative or agent next to it, or a noun like
    «обещание») and not the noun «данные» (data)."""
    nxt = _next_word(tok)
    # participle: «данное Вам обещание», «данные нами гарантии», «данное производителем…»
    if nxt is not None and (fold(nxt.text) in _DATIVE_PRON
                            or (nxt.pos_ in ("NOUN", "PROPN") and set(nxt.morph.get("Case")) & {"Dat", "Ins"}
                                and not _agrees(tok, nxt))):
        return False
    for child in tok.children:
        if set(child.morph.get("Case")) & {"Dat", "Ins"} and child.pos_ in ("PRON", "NOUN", "PROPN"):
            return False
    # the noun it modifies
    noun = None
    if tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i \
            and tok.dep_ in ("amod", "det", "acl", "nmod", "obj") and _agrees(tok, tok.head):
        noun = tok.head
    elif nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and _agrees(tok, nxt):
        noun = nxt
    if noun is None:
        return False  # «данные» (data) standing alone: «по нашим данным», «Ваши данные»
    if has_lemma(noun, given_nouns):
        return False  # «данное обещание» — the promise given
    # the noun «данные» followed by a genitive: «данные карты», «данные заказа»
    if tok.pos_ == "NOUN" and "Plur" in tok.morph.get("Number") and noun.i == tok.i + 1 \
            and "Gen" in noun.morph.get("Case"):
        return False
    if any(has_lemma(c, data_mods) for c in tok.children if c.i < tok.i) or _prev_modifier(tok, data_mods):
        return False
    return True


def _prev_modifier(tok, data_mods) -> bool:
    doc = tok.doc
    j = tok.i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return j >= 0 and has_lemma(doc[j], data_mods) and "Plur" in doc[j].morph.get("Number")


# --- the rewrite: plain words ------------------------------------------------------
# What replaces each formula is data: [cliche] in lexicons/rewrites.toml.

def _rewrite(ctx, label, span) -> dict:
    """``rewrite=`` (and ``suggestion=`` when the formula is only removed)
    for ``ctx.hit``."""
    conf = rw.templates("cliche")
    how = conf.get("formulas", {}).get(label, {})
    action = how.get("action")
    if action == "remove":
        return _removal(ctx, span)
    if action == "tell":
        return _tell(span, conf)
    if action == "text":
        if len(span) == 1 and how.get("word"):
            return _this(span[0], how["word"])
        text = how.get("text", "").replace("{what}", span[-1].text)
        return {"rewrite": (span, _fit(span[0], text))}
    return {}


def _fit(first, text: str) -> str:
    """Capital at the start of a sentence, small letter inside it."""
    return rw.capitalise_first(text) if rw.starts_sentence(first) else rw.lower_first(text)


def _this(tok, word: str | None = None) -> dict:
    """«данный» / «вышеуказанный» → «этот» in the same case, number and gender."""
    conf = rw.templates("cliche")
    noun = _noun_of(tok)
    doc = tok.doc
    if word is None and noun is not None and tok.i > 0 and noun.i == tok.i + 1:
        prev = doc[tok.i - 1]
        phrase = " ".join(fold(t.text) for t in (prev, tok, noun))
        plain = {fold(k): v for k, v in conf.get("phrases", {}).items()}.get(phrase)
        if plain is not None:
            return {"rewrite": ((prev.idx, noun.idx + len(noun.text)), _fit(prev, plain))}
    word = word or conf.get("this", "этот")
    if noun is not None and any(is_number(t) for t in doc[tok.i + 1:noun.i]):
        noun = None  # «данные два товара»: the numeral governs the noun, the word keeps its own form
    new = rw.agree_with(word, tok, noun)
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and fold(prev.text) == "о" and new[:1].lower() in "аэоуиы":
        # «о данной проблеме» → «об этой проблеме»
        return {"rewrite": ((prev.idx, tok.idx + len(tok.text)), rw.match_case(prev.text, "об") + " " + new)}
    return {"rewrite": (tok, new)}


def _noun_of(tok):
    if tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    nxt = _next_word(tok)
    while nxt is not None and is_number(nxt) and nxt.i - tok.i <= 3:
        nxt = _next_word(nxt)
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
        return nxt
    return None


def _joiners() -> frozenset[str]:
    return frozenset(fold(w) for w in rw.templates("cliche").get("joiners", []))


def _removal(ctx, span) -> dict:
    """The formula removed with what joined it to the sentence; a sentence
    of nothing else removed whole, with the space or line it stood on."""
    doc = span.doc
    sent = span.sent
    words = [t for t in sent if not t.is_space and not t.is_punct]
    outside = [t for t in words if not span.start <= t.i < span.end]
    joiners = _joiners()
    if len([t for t in outside if fold(t.text) not in joiners]) < 2:
        # nothing else, or nothing left to say («Просим отнестись с пониманием»)
        start, end = rw.sentence_span(sent)
        text = ctx.text
        before = start
        while before > 0 and text[before - 1] in " \t":
            before -= 1
        after = end
        while after < len(text) and text[after] in " \t":
            after += 1
        line_start = before == 0 or text[before - 1] == "\n"
        line_end = after == len(text) or text[after] in "\r\n"
        if line_start and line_end:
            if after < len(text):
                after += 2 if text[after:after + 2] == "\r\n" else 1
            return {"rewrite": ((before, after), ""), "suggestion": "Уберите эту фразу."}
        if line_start:
            return {"rewrite": ((start, after), ""), "suggestion": "Уберите эту фразу."}
        return {"rewrite": ((before, end), ""), "suggestion": "Уберите эту фразу."}
    if outside[0].i > span.start:
        # at the start: drop the joiners after it, the next word starts the sentence
        j = span.end
        while j < sent.end and (doc[j].is_space or doc[j].is_punct or fold(doc[j].text) in joiners):
            j += 1
        nxt = doc[j]
        start_of_sentence = rw.starts_sentence(span[0])
        text = rw.capitalise_first(nxt.text) if start_of_sentence else nxt.text
        result = (ctx.sentence_text(sent)[:0])
        return {"rewrite": ((span.start_char, nxt.idx + len(nxt.text)), text),
                "suggestion": _sentence_after(sent, span.start_char, nxt.idx + len(nxt.text), text) or result}
    # inside or at the end: drop it with the joiners before it
    j = span.start - 1
    while j > sent.start and (doc[j].is_space or (doc[j].is_punct and doc[j].text in ",;—–-")
                              or fold(doc[j].text) in joiners):
        j -= 1
    prev = doc[j]
    start = prev.idx + len(prev.text)
    end = span.end_char
    if span.end < sent.end and doc[span.end].text == "," and not any(
            t.i >= span.end for t in outside):
        end = doc[span.end].idx + 1
    return {"rewrite": ((start, end), ""), "suggestion": _sentence_after(sent, start, end, "")}


def _sentence_after(sent, start: int, end: int, text: str) -> str:
    raw = sent.text
    base = sent.start_char
    return (raw[:start - base] + text + raw[end - base:]).strip()


def _tell(span, conf) -> dict:
    """«Доводим до сведения клиентов» → «Сообщаем Клиентам», «ставим Вас в
    известность» → «сообщаем Вам», «Настоящим сообщаем» → «Сообщаем»."""
    doc = span.doc
    verbs = {fold(k): v for k, v in conf.get("tell", {}).items()}
    verb = next((t for t in span if set(lemmas(t)) & verbs.keys()), None)
    if verb is None:
        return {}
    lemma = verbs[next(lem for lem in lemmas(verb) if lem in verbs)]
    parts = [rw.verb_like(lemma, verb)]
    end = span.end_char
    # the addressee: «Вас» in the formula, or the genitive after «сведения»
    whom = next((t for t in span if fold(t.text) in ("вас", "тебя")), None)
    owner = _genitive_after(span) if whom is None and has_lemma(span[-1], {"сведение"}) else None
    if owner is not None:
        first, head, last = owner
        end = last.idx + len(last.text)
        parts.append(rw.phrase_in_case(doc[first.i:last.i + 1], head, "datv"))
    elif whom is not None:
        parts.append(rw.inflect_word(whom.text, {"datv"}, "PRON"))
    text = " ".join(parts)
    # «… о том, что»: «сообщаем, что»
    j = span.end
    if fold(span[-1].text) != "что" and j + 2 < len(doc) and fold(doc[j].text) == "о" \
            and fold(doc[j + 1].text) == "том" and doc[j + 2].text == ",":
        end = doc[j + 1].idx + len(doc[j + 1].text)
    if fold(span[-1].text) == "что":
        text += ", что"
    return {"rewrite": ((span.start_char, end), _fit(span[0], text))}


def _genitive_after(span):
    """«до сведения (наших) клиентов»: (first, head, last) of the genitive
    noun phrase right after the formula, or None."""
    doc = span.doc
    j = span.end
    while j < len(doc) and doc[j].is_space:
        j += 1
    first = j
    while j < len(doc) and doc[j].pos_ in ("DET", "ADJ") and "Gen" in doc[j].morph.get("Case"):
        j += 1
    if j >= len(doc) or doc[j].pos_ not in ("NOUN", "PROPN") or "Gen" not in doc[j].morph.get("Case"):
        return None
    return doc[first], doc[j], doc[j]
