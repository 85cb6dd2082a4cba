"""В письме или ответе в чате нет благодарности Клиенту.

Что делает
----------
Для канала ``email`` (сюда же относятся короткие ответы в чате) проверяет,
что компания хоть раз поблагодарила Клиента: «спасибо», «благодарим»,
«благодарю», «хотим поблагодарить», «с благодарностью», «мы благодарны»,
«будем признательны» — по лемме, так что считается любая форма. Не считаются
предлог «благодаря» («благодаря Вам мы нашли ошибку»), полные прилагательные
(«благодарные Клиенты»), обращённое к Клиенту «не благодарите» и слова в
кавычках (цитата Клиента — не благодарность компании). Слово с латинскими
буквами-двойниками («Спaсибо») проверяется уже исправленным и засчитывается.
Для SMS правило молчит.

Подсвечивается первое предложение ответа — обычно приветствие: благодарность
уместнее всего сразу после него, и подсказка вставляет её туда
(«Здравствуйте, Алла! Спасибо за обращение!»). Если ответ начинается не с
приветствия, подсказка ставит благодарность перед первым предложением.

Почему это важно
----------------
Стандарт 002 («Что не делать», п. 5 «Забудьте сказать «спасибо»»):
«Обязательно говорите «спасибо» при каждой возможности — ваши клиенты будут
чувствовать, что вы действительно цените их».

Примеры
-------
Срабатывает:
- Здравствуйте! Доставка работает ежедневно с 10:00 до 23:00.
- Здравствуйте, Нина! Благодаря новому складу заказ приедет завтра.
- Здравствуйте! Мы рады, что у нас столько благодарных Клиентов.
Не срабатывает:
- Здравствуйте! Спасибо за вопрос. Доставка работает ежедневно.
- Мы признательны за интерес к новому пункту. Он откроется в понедельник.
- Благодарим за заказ! Курьер приедет завтра.
- Здравствуйте! Доставка работает ежедневно с 10:00 до 23:00. || channel=sms
"""

from __future__ import annotations

from .. import lexicon
from ..model import Severity
from . import Rule

_SECOND_PERSON_SUBJECTS = frozenset({"вы", "ты", "клиент", "клиентка", "покупатель", "покупательница"})


class MissingThanks(Rule):
    __doc__ = __doc__
    id = "missing-thanks"
    severity = Severity.INFO
    fixable = False
    seed = "002"

    def check(self, ctx):
        if ctx.channel == "sms" or not ctx.sentences:
            return
        lemmas = lexicon.words("missing_thanks", "lemmas")
        short = lexicon.words("missing_thanks", "short_adjectives")
        if any(_thanks(ctx, t, lemmas, short) for t in ctx.doc):
            return
        first = ctx.sentences[0]
        words = [t for t in first if not t.is_space]
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        sentence = ctx.text[start:end]
        thanks = lexicon.load("missing_thanks").get("suggestion", "Спасибо за обращение!")
        greetings = lexicon.words("common", "greetings")
        if words[0].lemma_.lower() in greetings or words[0].text.lower() in greetings:
            suggestion = f"{sentence} {thanks}"
        else:
            suggestion = f"{thanks} {sentence}"
        yield ctx.hit(start, end, "В ответе нет благодарности Клиенту: добавьте «спасибо» после приветствия",
                      suggestion=suggestion)


def _thanks(ctx, token, lemmas: frozenset[str], short: frozenset[str]) -> bool:
    """The company thanks the Клиент with this token."""
    if token.is_space or token.is_punct or not token.text[:1].isalpha():
        return False
    morph = str(token.morph)
    if token.pos_ == "ADP" or "VerbForm=Conv" in morph:
        return False  # «благодаря Вам» is a preposition (or a gerund)
    if ctx.is_quoted(token):
        return False
    if not _has_lemma(token, lemmas, short):
        return False
    if token.pos_ in ("VERB", "AUX") or "VerbForm" in morph:
        if "Mood=Imp" in morph or "Person=2" in morph:
            return False  # «не благодарите»
        if any(c.dep_.startswith("nsubj") and c.lemma_ in _SECOND_PERSON_SUBJECTS for c in token.children):
            return False  # «Вы поблагодарили нас»
    return True


def _has_lemma(token, lemmas: frozenset[str], short: frozenset[str]) -> bool:
    lemma = token.lemma_.lower()
    if lemma in lemmas:
        return True
    if lemma in short and "Variant=Short" in str(token.morph):
        return True
    # The tagger can miss («признательны» tagged as a verb): ask pymorphy3.
    from ..nlp.pipeline import morph_analyzer

    for parse in morph_analyzer().parse(token.text.lower()):
        pos = parse.tag.POS
        if pos in ("GRND", "PREP"):
            continue
        if parse.normal_form in lemmas and pos not in ("ADJF",):
            return True
        if parse.normal_form in short and pos == "ADJS":
            return True
    return False
