"""vague-promise: a promise with no concrete date or time in the same sentence."""

import pytest

from .conftest import findings, spans

RULE = "vague-promise"


@pytest.mark.parametrize("text,expected", [
    ("Постараемся решить вопрос в кратчайшие сроки.", ["Постараемся", "в кратчайшие сроки"]),
    ("Мастер скоро с Вами свяжется.", ["скоро"]),
    ("Мы обязательно разберёмся и ответим в самое ближайшее время.", ["в самое ближайшее время"]),
    ("Будем стараться исправить ошибку.", ["Будем стараться"]),
    ("По мере возможности пришлём замену.", ["По мере возможности"]),
    ("Вернём деньги, как только сможем.", ["как только сможем"]),
    ("Мастер подъедет попозже.", ["попозже"]),
    ("Ответим Вам в порядке очереди.", ["в порядке очереди"]),
    # the date belongs to another sentence
    ("Заказ пришёл вчера. Деньги за доставку вернём в ближайшее время.", ["в ближайшее время"]),
])
def test_fires(text, expected):
    assert spans(text, RULE) == expected


@pytest.mark.parametrize("text", [
    "Постараемся перезвонить сегодня до 16:30.",  # clock time
    "Деньги вернём в ближайшее время, не позднее пятницы.",  # weekday
    "Заменим товар в течение трёх дней.",  # number + unit
    "Ответим до конца дня.",  # bounded unit
    "Возврат поступит 01.06.",  # numeric date
    "Курьер приедет 8 августа.",  # month
    "Попробуйте зайти в приложение позже.",  # advice to the Клиент
    "Мы стараемся отвечать быстро.",  # a habit, not a promise
    "Скоро Новый год — дарим скидку 10%.",  # no promised action
    "На днях мы обновили приложение.",  # the past
    "Вы спрашиваете, скоро ли приедет курьер?",  # a question
    "Ближайший пункт выдачи находится на Ленина, 5.",  # distance
    "По возможности укажите номер заказа в ответе.",  # a request to the Клиент
])
def test_quiet(text):
    assert spans(text, RULE) == []


def test_message_asks_for_a_date():
    (f,) = findings("Скоро всё решим.", RULE)
    assert f.text == "Скоро"
    assert "дату или время" in f.message
