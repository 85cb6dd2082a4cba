"""apology-form: «извиняюсь/извиняемся» → «прошу прощения/приносим извинения» (seed 003)."""

import pytest

from .conftest import findings

R = "apology-form"


@pytest.mark.parametrize("text,word,replacement", [
    ("Извиняюсь за ожидание, сейчас проверю заказ.", "Извиняюсь", "Прошу прощения"),
    ("Мы извиняемся, что не перезвонили вовремя.", "извиняемся", "приносим извинения"),
    ("Ещё раз извиняемся и просим прощения за путаницу.", "извиняемся", "приносим извинения"),
    ("Извиняемся, курьер задержится на 20 минут.", "Извиняемся", "Приносим извинения"),
    ("ИЗВИНЯЕМСЯ ЗА ЗАДЕРЖКУ!", "ИЗВИНЯЕМСЯ", "ПРИНОСИМ ИЗВИНЕНИЯ"),
    ("Очень извиняюсь, что так вышло.", "извиняюсь", "прошу прощения"),
])
def test_fixes_exactly_the_word_keeping_the_capital(text, word, replacement):
    (f,) = findings(text, R)
    assert f.text == word
    assert f.fix is not None and f.fix.replacement == replacement
    assert f.fix.offset == text.index(word) and f.fix.length == len(word)
    assert f.severity.name == "WARNING"


def test_look_alike_letter_is_judged_after_the_fix():
    # «Извиняeмся» with a Latin «e»
    (f,) = findings("Извиняeмся за путаницу.", R)
    assert f.text == "Извиняeмся" and f.fix.replacement == "Приносим извинения"


def test_applying_the_fix_gives_the_right_form():
    text = "Здравствуйте! Извиняюсь, не сразу ответил."
    (f,) = findings(text, R)
    fixed = text[:f.fix.offset] + f.fix.replacement + text[f.fix.offset + f.fix.length:]
    assert fixed == "Здравствуйте! Прошу прощения, не сразу ответил."


@pytest.mark.parametrize("text", [
    "Прошу прощения за ожидание.",
    "Извините за задержку.",
    "Не извиняйтесь, всё в порядке.",
    "Вы извинились за резкость, хотя просить прощения должны мы.",
    "Курьер извинился перед Вами?",
    "Мы хотим извиниться за задержку.",
    "Вы написали: «Извиняюсь за беспокойство», — что Вы, пишите в любое время!",
])
def test_quiet(text):
    assert not findings(text, R)
