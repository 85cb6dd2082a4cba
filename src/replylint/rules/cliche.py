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
from ..model import Severity
from . import Rule
from ._ru import fold, has_lemma, lemmas, matches

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
            yield ctx.hit(span, message=f"Канцелярский штамп «{label}»: скажите то же простыми словами.")
        conf = lexicon.load("cliche").get("dannyi", {})
        given = frozenset(fold(w) for w in conf.get("given_nouns", []))
        data_mods = frozenset(fold(w) for w in conf.get("data_modifiers", []))
        for tok in ctx.doc:
            if not fold(tok.text).startswith("данн") or "данный" not in lemmas(tok):
                continue
            if not ctx.company_speaks(tok) or not _is_this_sense(tok, given, data_mods):
                continue
            yield ctx.hit(tok, message=f"«{tok.text}» в значении «этот» — канцелярит: напишите «этот» "
                                       "или назовите предмет прямо.")


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
