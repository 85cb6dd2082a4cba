"""missing-thanks: thanks inserted after the greeting, naming what the
Клиент did (standard 002)."""

import pytest

from replylint import fixes
from replylint.engine import Message
from replylint.options import Options

from .conftest import findings

RULE = "missing-thanks"


def rewritten(text, **kw):
    return fixes.rewrite_message(Message(text, channel=kw.get("channel", "email"), incoming=kw.get("incoming")),
                                 Options())


@pytest.mark.parametrize("incoming,thanks", [
    ("До скольки работает доставка?", "Спасибо за вопрос!"),
    ("Стол приехал со сколом!", "Спасибо, что сообщили!"),
    ("Хочу заказать доставку на выходные.", "Спасибо за обращение!"),
    (None, "Спасибо за обращение!"),
])
def test_thanks_names_what_the_client_did(incoming, thanks):
    text = "Здравствуйте, Алла!\n\nДоставка работает ежедневно с 10:00 до 23:00.\n"
    (f,) = [f for f in findings(text, incoming=incoming) if f.rule == RULE]
    assert (f.rewrite.offset, f.rewrite.length, f.rewrite.replacement) == (19, 0, " " + thanks)
    assert f.suggestion == "Здравствуйте, Алла! " + thanks


def test_whole_draft_gets_thanks_on_the_greeting_line():
    text = "Здравствуйте, Аркадий!\n\nЧистка сплит-системы стоит 3 500 ₽.\n\nСервисный центр «РемБыт»\n"
    assert rewritten(text, incoming="Сколько стоит чистка кондиционера?") == (
        "Здравствуйте, Аркадий! Спасибо за вопрос!\n\nЧистка сплит-системы стоит 3 500 ₽.\n\n"
        "Сервисный центр «РемБыт»\n")


def test_without_a_greeting_thanks_opens_the_reply():
    assert rewritten("Заказ 90211 отправлен сегодня. Он будет у Вас 3 июня.") == \
        "Спасибо за обращение! Заказ 90211 отправлен сегодня. Он будет у Вас 3 июня."


def test_greeting_without_punctuation_keeps_its_line():
    assert rewritten("Здравствуйте, Алла\n\nДоставка работает ежедневно.") == \
        "Здравствуйте, Алла\n\nСпасибо за обращение! Доставка работает ежедневно."


def test_an_opening_apology_comes_first():
    text = "Здравствуйте! Простите, пожалуйста. Новую пиццу привезём за 30 минут."
    assert rewritten(text, incoming="Пицца приехала перевёрнутой!") == (
        "Здравствуйте! Простите, пожалуйста. Спасибо, что сообщили! Новую пиццу привезём за 30 минут.")


def test_placeholder_in_the_greeting_stays_whole():
    text = "Здравствуйте, {{ client_name }}!\nЗаказ готов к выдаче."
    assert rewritten(text) == "Здравствуйте, {{ client_name }}! Спасибо за обращение!\nЗаказ готов к выдаче."
    assert not [f for f in findings(rewritten(text)) if f.rule == RULE]
