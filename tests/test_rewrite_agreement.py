"""Agreement helpers of rewrite.py used by the solution rewrites."""

import pytest

from replylint import rewrite as rw
from replylint.nlp import get_nlp


def token(text, word):
    doc = get_nlp()(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text,word,noun,new,expected", [
    ("В данном случае замена бесплатна.", "данном", "случае", "этот", "этом"),
    ("Подключим данную услугу завтра.", "данную", "услугу", "этот", "эту"),
    ("Мы проверили данных клиентов.", "данных", "клиентов", "этот", "этих"),
    ("Обратитесь в свою страховую компанию.", "свою", "компанию", "ваш", "вашу"),
    ("Данное решение окончательное.", "Данное", "решение", "этот", "Это"),
])
def test_agree_with(text, word, noun, new, expected):
    assert rw.agree_with(new, token(text, word), token(text, noun)) == expected


def test_agree_with_standing_alone():
    assert rw.agree_with("этот", token("Мы учли вышеизложенное.", "вышеизложенное")) == "это"


@pytest.mark.parametrize("lemma,verb,expected", [
    ("сообщать", "Доводим", "Сообщаем"), ("сообщить", "доведём", "сообщим"),
    ("сообщить", "довести", "сообщить"), ("сообщать", "информировал", "сообщал"),
])
def test_verb_like(lemma, verb, expected):
    assert rw.verb_like(lemma, token(f"Мы {verb} это.", verb)) == expected


@pytest.mark.parametrize("noun,case,expected", [
    ("заказ", "ablt", "Вашим заказом"), ("посылка", "ablt", "Вашей посылкой"),
    ("отправление", "datv", "Вашему отправлению"), ("курьер", "accs", "Вашего курьера"),
])
def test_your(noun, case, expected):
    assert rw.your(noun, case) == expected


def test_phrase_in_case_and_rebuild():
    doc = get_nlp()("Нужна чёткая фотография коробки.")
    head = next(t for t in doc if t.text == "фотография")
    assert rw.phrase_in_case(doc[1:4], head, "accs") == "чёткую фотографию коробки"
    assert rw.rebuild(doc, 0, 4, {0: "Пришлите", 1: "", 2: "фото"}) == "Пришлите фото коробки."
