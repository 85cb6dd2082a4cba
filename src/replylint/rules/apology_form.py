"""«Извиняюсь» / «извиняемся» вместо «Прошу прощения» / «Приносим извинения».

Что делает
----------
Находит возвратный глагол «извиняться» в 1-м лице настоящего времени —
«извиняюсь», «извиняемся» (в том числе «очень извиняемся», «ещё раз
извиняемся») — и заменяет само слово: «извиняюсь» → «прошу прощения»,
«извиняемся» → «приносим извинения», сохраняя заглавную букву. Другие
формы не трогает: «Извините», «не извиняйтесь» (это сказано Клиенту), «Вы
извинились» (пересказ), цитаты Клиента.

Почему это важно
----------------
Стандарт 003 «Прежде всего — извинения»: извинения приносит тот, кто
общается с Клиентом. «Извиняюсь» буквально значит «извиняю себя» и звучит
небрежно; вежливая форма — «Прошу прощения», «Приносим извинения».

Примеры
-------
Срабатывает:
- Извиняюсь за ожидание, сейчас проверю заказ.
- Мы извиняемся, что не перезвонили вовремя.
Не срабатывает:
- Прошу прощения за ожидание, сейчас проверю заказ.
- Приносим извинения, что не перезвонили вовремя.
- Не извиняйтесь, Вы нас ничем не побеспокоили.
"""

from __future__ import annotations

from .. import lexicon
from ..model import Severity
from . import Rule
from ._clauses import analyzer, has_lemma, morph, negated
from ._clauses import words as _words


class ApologyForm(Rule):
    __doc__ = __doc__
    id = "apology-form"
    severity = Severity.WARNING
    fixable = True
    seed = "003"

    def check(self, ctx):
        lemmas = _words("lemmas", "apology_form")
        fixes = lexicon.load("apology_form").get("fix", {})
        for tok in ctx.doc:
            if not tok.is_alpha or not has_lemma(tok, lemmas):
                continue
            number = _self_apology(tok)
            if number is None or ctx.is_quoted(tok):
                continue
            replacement = fixes.get("plural" if number == "Plur" else "singular", "")
            if tok.text[:1].isupper():
                replacement = replacement[:1].upper() + replacement[1:]
            if tok.text.isupper() and len(tok.text) > 1:
                replacement = replacement.upper()
            yield ctx.hit(
                tok,
                message=f"«{tok.text}» звучит как «извиняю себя»: напишите «{replacement}»",
                fix=replacement,
            )


def _self_apology(tok) -> str | None:
    """'Sing' / 'Plur' for «извиняюсь» / «извиняемся», else None."""
    if negated(tok) or morph(tok, "Mood") == "Imp":
        return None
    for parse in analyzer().parse(tok.text.lower()):
        tag = parse.tag
        if parse.normal_form == "извиняться" and "1per" in tag and "pres" in tag and "indc" in tag:
            return "Plur" if "plur" in tag else "Sing"
    return None
