"""cliche: empty bureaucratic formulas and «данный» = «этот»."""

import pytest

from .conftest import findings, spans

RULE = "cliche"


@pytest.mark.parametrize("text,expected", [
    ("Доводим до Вашего сведения, что офис переехал.", ["Доводим до Вашего сведения"]),
    ("Ставим Вас в известность о переносе доставки.", ["Ставим Вас в известность"]),
    ("Просим отнестись с пониманием.", ["отнестись с пониманием"]),
    ("Рассчитываем на Ваше понимание.", ["Рассчитываем на Ваше понимание"]),
    ("Ваш звонок для нас очень важен.", ["Ваш звонок для нас очень важен"]),  # reordered, inflected
    ("В связи с вышеизложенным заказ отменён.", ["В связи с вышеизложенным"]),
    ("По вышеуказанному адресу доставка невозможна.", ["вышеуказанному"]),
    ("В данный момент все операторы заняты.", ["данный"]),
])
def test_fires(text, expected):
    assert spans(text, RULE) == expected


@pytest.mark.parametrize("text", [
    "Мы сдержим данное Вам слово и привезём заказ завтра.",  # participle with a dative
    "Данное нами обещание мы выполним.",  # participle with an agent
    "Мы обновили Ваши данные в профиле.",  # the noun «данные»
    "Данные карты мы не храним.",  # «данные» + genitive = data
    "Надеемся, подарок Вам понравится.",  # sincere «надеемся»
    "Для нас важно решить Ваш вопрос.",
    "Спасибо за понимание и терпение!",
])
def test_quiet(text):
    assert spans(text, RULE) == []


def test_severity_is_info_and_message_names_formula():
    (f,) = findings("Надеемся на понимание.", RULE)
    assert f.severity.label == "info"
    assert "«надеемся на понимание»" in f.message
