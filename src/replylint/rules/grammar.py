"""Орфография и грамматика по LanguageTool.

Что делает
----------
Отдаёт текст письма LanguageTool (русский язык) и показывает его замечания:
опечатки, ошибки согласования, пунктуацию, повторы слов, типографику. В
сообщении — текст LanguageTool, id его правила и категория; варианты
исправления — в подсказке. Серьёзность — по типу ошибки: орфография,
грамматика и повторы — warning, стиль, типографика и прочее — info
(настраивается ключом ``grammar-severity``). Опечатка с единственным
вариантом исправления исправляется только по ``check --fix --unsafe-fixes``:
словарь может не знать название товара или фамилию. Замечания внутри
плейсхолдеров шаблона и внутри цитат (слова Клиента) отбрасываются.

Включается флагом ``--grammar`` или ключом ``grammar = true``. Текст
проверяет только тот LanguageTool, который выбрали вы: свой сервер
(``languagetool-url``) или локальный, запущенный через language-tool-python
(``pip install 'replylint[grammar]'``, Java 17+). Публичный сервис
languagetool.org используется, только если его адрес указан явно. Нет ни
того, ни другого — одно предупреждение, остальные правила работают. Подробно:
docs/grammar.md.

Почему это важно
----------------
Стандарт 000, §1: «Мы понимаем, что письмо Клиенту — это не просто набор
символов. Это письмо, которое получит живой человек и поймёт, как заботливо
и уважительно к нему относятся». Ошибка в слове («завтро», «в течении
недели») выглядит небрежностью и роняет доверие к ответу так же, как грубость.

Примеры
-------
Срабатывает:
- Мы доставим заказ завтро.
- Ответим в течении недели.
Не срабатывает:
- Мы доставим заказ завтра.
- Вы написали: «заказ придёт завтро», — мы проверили, он придёт сегодня.
"""

from __future__ import annotations

from ..model import Severity
from . import Rule

_QUOTE_MARKS = frozenset("«»„“”\"'‘’")


class Grammar(Rule):
    __doc__ = __doc__
    id = "grammar"
    severity = Severity.WARNING  # per match: from LanguageTool's issue type
    fixable = False  # no safe fix: spelling corrections only under --fix --unsafe-fixes
    default_enabled = False
    seed = "000 §1"

    def check(self, ctx):
        from .. import languagetool

        settings = ctx.options.languagetool
        for m in languagetool.check(ctx.text, settings, where=ctx.path):
            if ctx.norm.is_masked(m.start, m.end) or _in_quotes(ctx, m.start, m.end):
                continue
            message = f"{m.message} (LanguageTool: {m.rule_id}, {m.category_id})"
            reps = [r for r in m.replacements if r != ctx.text[m.start:m.end]]
            suggestion = ", ".join(f"«{r}»" if r else "(удалить)" for r in reps[:5]) or None
            fix = None
            if m.is_spelling and len(m.replacements) == 1 and reps and m.end > m.start \
                    and ctx.norm.is_identity(m.start, m.end):
                fix = reps[0]
            yield ctx.hit(m.start, m.end, message, suggestion=suggestion, fix=fix, unsafe=True,
                          severity=settings.severity_for(m.issue_type))


def _in_quotes(ctx, start: int, end: int) -> bool:
    """The span touches a word inside quotation marks (the Клиент's own words)."""
    end = max(end, start + 1)  # a zero-length match: the token it stands in
    for token in ctx.doc:
        if token.idx >= end:
            break
        if token.idx + len(token.text) > start and ctx.is_quoted(token) and token.text not in _QUOTE_MARKS:
            return True
    return False
