"""Слово «Клиент» (в любой форме) написано со строчной буквы.

Что делает
----------
Находит «клиент», «клиента», «клиентам», «клиентка», «покупатель» … в любом
падеже и числе (по лемме, так что считается каждая словоформа), если слово
начинается со строчной буквы, и исправляет на заглавную («клиентам» →
«Клиентам»). Слово целиком из заглавных («КЛИЕНТОВ») считается написанным
правильно. Производные слова («клиентский», «клиентоориентированный») и
составные через дефис («клиент-серверный»), латинское «client»,
идентификаторы и теги (``client_id``, «клиент_id», «#клиент»), плейсхолдеры
(``{{ client_name }}``), адреса сайтов и почты («клиент@магазин.рф»,
«магазин.рф/клиент») и цитаты самого Клиента в кавычках не трогает. Слово с
латинскими буквами-двойниками («клиeнт») проверяется уже исправленным.
Список слов настраивается (``client-words``) и заменяет встроенный.

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
- Пишите на клиент@магазин.рф.
- Вы написали: «клиент всегда прав».
"""

from __future__ import annotations

import re

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
            if ctx.is_quoted(token) or _glued_to_identifier(ctx.text, token.idx, token.idx + len(text)):
                continue
            fixed = text[0].upper() + text[1:]
            yield ctx.hit(token, message=f"«{text}» пишется с большой буквы: «{fixed}»", fix=fixed)


# A word glued to one of these is part of an identifier or a tag:
# «#клиент», «клиент_id», «ID_клиента», «ключ=клиент».
_ID_BEFORE = frozenset("#@_=\\")
_ID_AFTER = frozenset("_=\\@")
# A chunk (between spaces) that is a URL, an e-mail address or a path.
_LINK = re.compile(r"://|@|^(?:www|WWW)\.|^/|\w\.[a-zа-яё]{2,}")


def _glued_to_identifier(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if (before and before in _ID_BEFORE) or (after and after in _ID_AFTER):
        return True
    chunk_start, chunk_end = start, end
    while chunk_start > 0 and not text[chunk_start - 1].isspace():
        chunk_start -= 1
    while chunk_end < len(text) and not text[chunk_end].isspace():
        chunk_end += 1
    chunk = text[chunk_start:chunk_end].strip("«»\"'()[]<>,;:!?")
    # «клиентов/партнёров» is «or»; «магазин.рф/клиент», «/клиент/» are paths
    return bool(_LINK.search(chunk))


def _is_form_of(word: str, lemmas: frozenset[str]) -> bool:
    """The spaCy lemma can miss when the tagger guessed the POS wrong:
    ask pymorphy3 directly whether any noun reading has a listed lemma."""
    from ..nlp.pipeline import morph_analyzer

    return any(p.normal_form in lemmas and p.tag.POS == "NOUN" for p in morph_analyzer().parse(word.lower()))
