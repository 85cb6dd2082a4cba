"""missing-thanks: an e-mail or chat reply that never thanks the Клиент."""

import pytest

from .conftest import findings, fires

RULE = "missing-thanks"


@pytest.mark.parametrize("text", [
    "Здравствуйте! Доставка работает ежедневно с 10:00 до 23:00.",
    "Заказ 90211 отправлен сегодня, он будет у Вас 3 июня. Хорошего дня!",
    # the preposition «благодаря» is not thanks
    "Здравствуйте, Нина! Благодаря новому складу заказ приедет завтра.",
    # a full adjective is not thanks
    "Здравствуйте! У нас много благодарных Клиентов.",
    # the Клиент is told not to thank, or is the one who thanked
    "Здравствуйте! Не благодарите, это наша работа.",
    "Здравствуйте! Вы поблагодарили курьера, мы передали ему Ваши слова.",
    # a quoted word is the Клиент's, not the company's thanks
    "Здравствуйте! Ответьте «спасибо», если всё получили.",
])
def test_fires(text):
    assert fires(text, RULE)


@pytest.mark.parametrize("text", [
    "Здравствуйте! Спасибо за вопрос.",
    "Здравствуйте! СПАСИБО за заказ.",
    "Благодарим за заказ! Курьер приедет завтра.",
    "Благодарю за сообщение — Вы помогли нам найти сбой.",
    "Мы признательны за интерес к новому пункту.",
    "Мы Вам очень признательны!",
    "Будем благодарны за отзыв о курьере.",
    "Хотим поблагодарить Вас за терпение.",
    "Выражаем Вам благодарность за выбор нашего магазина.",
    "Заказ отправлен.\n\nС благодарностью,\nМария",
    "Заказ отправлен сегодня.\n\nP.S. Спасибо, что выбрали нас!",
    "Здравствуйте, Вика! Спaсибо за вопрос.",  # a Latin «a»: judged after the fix
])
def test_quiet_when_thanked(text):
    assert not fires(text, RULE)


def test_not_for_sms():
    assert not fires("Заказ 2209 ждёт Вас в пункте выдачи до 30 мая.", RULE, channel="sms")


def test_empty_text_is_quiet():
    assert not fires("   \n", RULE)


def test_span_is_the_greeting_and_suggestion_adds_thanks_after_it():
    text = "Здравствуйте, Аркадий!\n\nЧистка стоит 3 500 ₽.\n\nСервисный центр «РемБыт»"
    (f,) = findings(text, RULE)
    assert (f.text, f.offset, f.length) == ("Здравствуйте, Аркадий!", 0, 22)
    assert f.suggestion == "Здравствуйте, Аркадий! Спасибо за обращение!"
    assert f.fix is None
    assert f.severity.label == "info"


def test_span_is_the_first_sentence_when_there_is_no_greeting():
    text = "Заказ 90211 отправлен сегодня. Он будет у Вас 3 июня."
    (f,) = findings(text, RULE)
    assert f.text == "Заказ 90211 отправлен сегодня."
    assert f.suggestion == "Спасибо за обращение! Заказ 90211 отправлен сегодня."


def test_span_skips_leading_blank_lines():
    text = "\n\nДобрый день!\nДоставка бесплатная."
    (f,) = findings(text, RULE)
    assert (f.text, f.offset) == ("Добрый день!", 2)


def test_greeting_is_found_even_when_the_tagger_slips():
    (f,) = findings("Уважаемые покупатели!\nПункт выдачи закрыт 1 мая.", RULE)
    assert f.text == "Уважаемые покупатели!"
    assert f.suggestion == "Уважаемые покупатели! Спасибо за обращение!"


def test_span_stops_before_a_placeholder_and_suggestion_keeps_it():
    text = "Здравствуйте, {{ client_name }}!\nЗаказ готов."
    (f,) = findings(text, RULE)
    assert (f.text, f.offset) == ("Здравствуйте", 0)
    assert f.suggestion == "Здравствуйте, {{ client_name }}! Спасибо за обращение!"


def test_sentence_that_is_only_a_placeholder_is_skipped():
    text = "{{ greeting }}\nЗаказ готов к выдаче."
    (f,) = findings(text, RULE)
    assert (f.text, f.offset) == ("Заказ готов к выдаче.", 15)
