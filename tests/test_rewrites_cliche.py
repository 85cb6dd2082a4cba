"""cliche: plain words — «данный» → «этот» in the same case, number and
gender, «доводим до сведения» → «сообщаем», empty formulas removed
(standard 000 §3)."""

import pytest

from ._rewrite_helpers import rewritten, roundtrip_ok
from .conftest import findings

RULE = "cliche"


@pytest.mark.parametrize("text,expected", [
    ("В данном случае замена делается бесплатно.", "В этом случае замена делается бесплатно."),   # loct masc
    ("Подключим данную услугу завтра.", "Подключим эту услугу завтра."),                           # accs femn
    ("Данная ситуация нас огорчает.", "Эта ситуация нас огорчает."),                                # nomn femn
    ("Мы проверили данных клиентов.", "Мы проверили этих клиентов."),                              # accs plur anim
    ("По данному заказу гарантия два года.", "По этому заказу гарантия два года."),                 # datv masc
    # a numeral between: the word keeps its own case and number
    ("По данным трём заказам гарантия год.", "По этим трём заказам гарантия год."),
    # set phrases say it with one word
    ("На данный момент такой возможности нет.", "Сейчас такой возможности нет."),
    ("Такой возможности в данный момент нет.", "Такой возможности сейчас нет."),
    # a bookish word becomes «этот» in its form
    ("Товар получит вышеуказанный получатель.", "Товар получит этот получатель."),
])
def test_this_instead_of_dannyi(text, expected):
    assert rewritten(text, RULE) == expected


@pytest.mark.parametrize("text,expected", [
    ("Доводим до Вашего сведения, что офис закрыт.", "Сообщаем, что офис закрыт."),
    # the addressee: genitive plural → dative plural
    ("Доводим до сведения наших клиентов, что офис закрыт.", "Сообщаем нашим клиентам, что офис закрыт."),
    # «Вас» → «Вам»; an infinitive stays one
    ("Ставим Вас в известность, что офис закрыт.", "Сообщаем Вам, что офис закрыт."),
    ("Хотим довести до Вашего сведения, что офис закрыт.", "Хотим сообщить, что офис закрыт."),
    ("Информируем Вас о том, что офис закрыт.", "Сообщаем Вам, что офис закрыт."),
    ("В связи с вышеизложенным переносим визит мастера.", "Поэтому переносим визит мастера."),
])
def test_plain_words_instead_of_formulas(text, expected):
    assert rewritten(text, RULE) == expected


@pytest.mark.parametrize("text,expected", [
    ("Надеемся на понимание и благодарим за терпение.", "Благодарим за терпение."),
    ("Ваше обращение очень важно для нас, поэтому отвечаем подробно.", "Отвечаем подробно."),
    ("Мы благодарим за ожидание и рассчитываем на понимание.", "Мы благодарим за ожидание."),
    # a sentence of nothing else goes whole, with its space or its line
    ("Заказ привезём завтра. Надеемся на Ваше понимание.", "Заказ привезём завтра."),
    # nothing left to say without the formula: the sentence goes
    ("Заказ привезём завтра. Просим отнестись с пониманием.", "Заказ привезём завтра."),
    ("Заказ привезём завтра.\nНадеемся на Ваше понимание.\nС уважением, магазин",
     "Заказ привезём завтра.\nС уважением, магазин"),
])
def test_empty_formulas_go(text, expected):
    assert rewritten(text, RULE) == expected


def test_removal_suggests_the_sentence_without_it():
    (f,) = findings("Надеемся на понимание и благодарим за терпение.", RULE)
    assert f.rewrite.replacement == "Благодарим"
    assert f.suggestion == "Благодарим за терпение."


def test_rewrite_resolves_the_rule():
    text = ("Здравствуйте!\n\nСпасибо за вопрос. Доводим до сведения клиентов, что 1 и 2 января пункт выдачи "
            "закрыт.\n\nМагазин")
    ok, new = roundtrip_ok(text, RULE)
    assert ok, new
    # client-lowercase fixes the moved word on the way
    assert "Сообщаем Клиентам, что 1 и 2 января пункт выдачи закрыт." in new


@pytest.mark.parametrize("text,expected", [
    ("Мы знаем о данной проблеме.", "Мы знаем об этой проблеме."),
    ("Ставим Вас в известность о том, что цены изменились.", "Сообщаем Вам, что цены изменились."),
])
def test_prepositions_fit_the_new_words(text, expected):
    assert rewritten(text, RULE) == expected
