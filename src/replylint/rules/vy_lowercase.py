"""Обращение к одному Клиенту («Вы», «Ваш») написано не в принятом стиле.

Что делает
----------
Находит местоимения «вы» (вас, вам, вами) и «ваш» во всех формах — по лемме и
морфологии, поэтому «выезд», «вывоз», «увы», «васаби», «Васильевна» не
считаются — и сверяет регистр первой буквы со стилем из настройки
``you-style``:

- ``capital`` (по умолчанию, как в стандартах): срабатывает на строчных
  «вы/ваш», исправление — заглавная буква («вам» → «Вам»);
- ``lower``: срабатывает на заглавных «Вы/Ваш» в середине предложения,
  исправление — строчная; в начале предложения заглавная буква нужна всегда;
- ``consistent``: срабатывает на том написании, которого в тексте меньше
  (при равенстве — на строчном), исправление — к написанию большинства.

Слово целиком из заглавных («ВАШ») считается написанным с большой буквы.
Правило молчит на цитатах Клиента в кавычках и там, где «вы» явно обращено к
нескольким людям: «вы все», «вам обоим», «каждый из вас», «Уважаемые
клиенты!», «Здравствуйте, коллеги!».

Почему это важно
----------------
Стандарт 000 (образец ответа в принципе 2): «Ваш заказ находится на омском
сортировочном центре… Также Вы получите от нас СМС уведомление о приходе
заказа» — к одному Клиенту компания обращается на «Вы» с большой буквы, и это
одна из форм уважения, которой служит весь стандарт.

Примеры
-------
Срабатывает:
- Курьер позвонит вам за час до приезда.
- Спасибо за вопрос! Мы пришлём чек на вашу почту.
- Передайте ВАШ номер заказа курьеру. || you-style=lower
- Курьер позвонит Вам в 12:00, а чек пришлёт вам на почту. || you-style=consistent
Не срабатывает:
- Курьер позвонит Вам за час до приезда.
- Уважаемые клиенты! Для вас скидка 10% до пятницы.
- Спасибо вам всем за участие в опросе.
- Выезд мастера бесплатный, вывоз упаковки тоже.
- Вы написали: «вы обещали привезти заказ вчера».
- Вы получите чек на почту, курьер позвонит вам. || you-style=lower
"""

from __future__ import annotations

from .. import lexicon
from ..model import Severity
from . import Rule


class VyLowercase(Rule):
    __doc__ = __doc__
    id = "vy-lowercase"
    severity = Severity.WARNING
    fixable = True
    seed = "000"

    def check(self, ctx):
        lex = lexicon.load("vy_lowercase")
        lemmas = frozenset(lex.get("lemmas", []))
        found = [t for t in ctx.doc if _is_you(t, lemmas) and not ctx.is_quoted(t)]
        if not found:
            return
        plural_text = _plural_address(ctx, lex)
        plural_sents = {ctx.sentence_index(t) for t in found if _plural_marker(ctx, t, lex)}
        style = ctx.options.you_style
        lower, capital = [], []  # tokens that show a style
        for t in found:
            plural = plural_text or ctx.sentence_index(t) in plural_sents
            if t.text[0].islower():
                if not plural:
                    lower.append(t)
            elif not _sentence_initial(ctx, t) and not _in_caps_run(t):
                capital.append(t)
        if style == "consistent":
            if not lower or not capital:
                return
            style = "lower" if len(capital) < len(lower) else "capital"
        if style == "capital":
            for t in lower:
                fixed = t.text[0].upper() + t.text[1:]
                yield ctx.hit(t, message=f"Обращение к Клиенту пишется с большой буквы: «{fixed}»", fix=fixed)
        else:
            for t in capital:
                fixed = t.text.lower()
                yield ctx.hit(t, message=f"По принятому стилю «вы» в середине предложения пишется "
                                         f"со строчной: «{fixed}»", fix=fixed)


def _is_you(token, lemmas: frozenset[str]) -> bool:
    if not token.text.isalpha() or token.text[0] not in "вВ":
        return False  # every form of «вы» and «ваш» starts with «в»
    if token.lemma_.lower() in lemmas and token.pos_ in ("PRON", "DET", "ADJ"):
        return True
    # The tagger can miss («Вам» tagged as a noun): ask pymorphy3.
    from ..nlp.pipeline import morph_analyzer

    return any(p.normal_form in lemmas and p.tag.POS in ("NPRO", "ADJF")
               for p in morph_analyzer().parse(token.text.lower()))


def _sentence_initial(ctx, token) -> bool:
    """Nothing but punctuation, bullets or list numbers before it in its sentence."""
    sent = token.sent
    for t in sent:
        if t.i >= token.i:
            return True
        if t.is_space or t.is_punct or t.like_num or not any(ch.isalpha() for ch in t.text):
            continue
        return False
    return True


def _in_caps_run(token) -> bool:
    """«ВАШ ЗАКАЗ ГОТОВ»: an all-caps heading shows no style."""
    if not token.text.isupper() or len(token.text) < 2:
        return False
    doc = token.doc
    for j in (token.i - 1, token.i + 1):
        if 0 <= j < len(doc):
            w = doc[j].text
            if w.isalpha() and len(w) > 1 and w.isupper():
                return True
    return False


def _parses(word: str):
    from ..nlp.pipeline import morph_analyzer

    return morph_analyzer().parse(word.lower())


def _lemma_in(token, lemmas) -> bool:
    """By the tagger's lemma or, when the tagger slipped («Уважаемые» as a
    proper noun), by any pymorphy3 reading."""
    return token.lemma_.lower() in lemmas or any(p.normal_form in lemmas for p in _parses(token.text))


def _plural_marker(ctx, token, lex: dict) -> bool:
    """«вы все», «вам обоим», «всех вас», «каждый из вас»."""
    if token.lemma_.lower() != "вы" and not any(p.normal_form == "вы" for p in _parses(token.text)):
        return False
    doc = token.doc
    quantifiers = frozenset(lex.get("plural_quantifiers", []))
    for j in (token.i - 1, token.i + 1):
        if not 0 <= j < len(doc):
            continue
        n = doc[j]
        if "Number=Sing" in str(n.morph):
            continue  # «Вы всё сделали»
        if any(p.normal_form in quantifiers and ("plur" in p.tag or p.normal_form in ("оба", "обе"))
               for p in _parses(n.text)):
            return True
    preps = frozenset(lex.get("partitive_prepositions", []))
    heads = frozenset(lex.get("partitive_heads", []))
    if token.i >= 2 and doc[token.i - 1].text.lower() in preps:
        before = doc[token.i - 2]
        if before.lemma_.lower() in heads or any(p.normal_form in heads for p in _parses(before.text)):
            return True
    return False


def _plural_address(ctx, lex: dict) -> bool:
    """The reply addresses a group: «Уважаемые клиенты!», «Здравствуйте, коллеги!»."""
    adjectives = frozenset(lex.get("address_adjectives", []))
    greetings = lexicon.words("common", "greetings")
    for sent in ctx.sentences:
        words = [t for t in sent if not t.is_space and not t.is_punct]
        if not words:
            continue
        # a short greeting line («Здравствуйте, коллеги!») or a sentence that
        # opens with the address («Дорогие друзья, …»)
        greeting = _lemma_in(words[0], greetings) and len(words) <= 5
        opener = _lemma_in(words[0], adjectives)
        if not greeting and not opener:
            continue
        for t in words[:4]:
            morph = str(t.morph)
            if t.pos_ == "NOUN" and "Number=Plur" in morph and "Animacy=Anim" in morph and "Case=Nom" in morph:
                return True
    return False
