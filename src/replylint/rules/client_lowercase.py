"""Слово «Клиент» (в любой форме) написано со строчной буквы.

Что делает
----------
Находит «клиент», «клиента», «клиентам», «клиентка», «покупатель» … в любом
падеже и числе (по лемме, так что считается каждая словоформа), если слово
начинается со строчной буквы, и исправляет на заглавную. Производные слова
(«клиентский», «клиент-серверный»), латинское «client», идентификаторы
(``client_id``), плейсхолдеры, адреса сайтов и почты и цитаты самого Клиента
не трогает. Список слов настраивается (``client-words``).

Почему это важно
----------------
Стандарт 000, §8: «Клиент» всегда пишется с заглавной буквы — так компания
показывает уважение к человеку, которому служит.

Примеры
-------
Срабатывает:
- Мы ценим каждого клиента.
- Напишите нам, и мы найдём покупателям из Омска пункт выдачи.
Не срабатывает:
- Мы ценим каждого Клиента.
- Клиентский сервис работает круглосуточно.
- Передайте client_id в поддержку.
"""

from __future__ import annotations

from .. import lexicon
from ..model import Severity
from . import Rule


class ClientLowercase(Rule):
    __doc__ = __doc__
    id = "client-lowercase"
    severity = Severity.ERROR
    fixable = True
    seed = "000 §8"

    def check(self, ctx):
        words = ctx.options.client_words
        lemmas = frozenset(w.lower() for w in words) if words else lexicon.words("client_lowercase", "lemmas")
        for token in ctx.doc:
            text = token.text
            if not text[:1].islower() or not text.isalpha():
                continue  # capitalised, or an identifier / URL / hyphenated compound
            if token.lemma_ not in lemmas and not _is_form_of(text, lemmas):
                continue
            if ctx.is_quoted(token):
                continue
            fixed = text[0].upper() + text[1:]
            yield ctx.hit(token, message=f"«{text}» пишется с большой буквы: «{fixed}»", fix=fixed)


def _is_form_of(word: str, lemmas: frozenset[str]) -> bool:
    """The spaCy lemma can miss when the tagger guessed the POS wrong:
    ask pymorphy3 directly whether any noun reading has a listed lemma."""
    from ..nlp.pipeline import morph_analyzer

    return any(p.normal_form in lemmas and p.tag.POS == "NOUN" for p in morph_analyzer().parse(word.lower()))
