"""customer-legwork: the Клиент is sent to do the company's work."""

import pytest

from .conftest import findings, spans

RULE = "customer-legwork"


@pytest.mark.parametrize("text,expected", [
    # imperative + third party (bank, service centre, courier service)
    ("Для возврата денег обратитесь в банк, выпустивший карту.", ["обратитесь в банк"]),
    ("Мастер не приедет, поэтому отвезите кофемашину в сервисный центр сами.",
     ["отвезите кофемашину в сервисный центр сами"]),
    ("Позвоните, пожалуйста, в отделение почты и узнайте, почему посылку не выдают.",
     ["Позвоните, пожалуйста, в отделение почты"]),
    ("Запросите у банка выписку и пришлите её нам.", ["Запросите у банка"]),
    # obligation / advice with an infinitive
    ("Вам необходимо связаться с транспортной компанией.", ["необходимо связаться с транспортной компанией"]),
    ("Вы должны обратиться к продавцу маркетплейса.", ["должны обратиться к продавцу маркетплейса"]),
    ("Рекомендуем Вам связаться с курьером.", ["Рекомендуем Вам связаться с курьером"]),
    # self-service
    ("Пожалуйста, самостоятельно заполните заявление на сайте.", ["самостоятельно заполните"]),
    # tracking on someone else's site
    ("Следите за посылкой на сайте pochta.ru.", ["Следите за посылкой на сайте"]),
    ("Узнать статус доставки можно на сайте СДЭК по номеру накладной.",
     ["Узнать статус доставки можно на сайте СДЭК"]),
    # «им» refers to the courier service named in the previous sentence
    ("Курьерская служба перегружена. Звоните им по номеру 8 800 200-00-00.", ["Звоните им"]),
    ("Если курьер опоздал, позвоните ему по номеру из СМС.", ["позвоните ему"]),
    ("Предъявите претензию перевозчику.", ["Предъявите претензию перевозчику"]),
    ("Вам лучше самому позвонить в банк.", ["лучше самому позвонить"]),
])
def test_fires(text, expected):
    assert spans(text, RULE) == expected


@pytest.mark.parametrize("text", [
    "Мы сами свяжемся с курьерской службой и перезвоним Вам.",  # the company does it
    "Уточните, пожалуйста, удобное время доставки.",  # information the company needs
    "Напишите нам на почту help@shop.ru.",  # to the company, and e-mail is not the post
    "Нам нужно связаться с курьером, чтобы уточнить время.",  # the company's own task
    "Вам не придётся никуда ехать: мастер приедет сам.",  # negated
    "Передайте курьеру старый аппарат.",  # not legwork
    "Отправьте товар почтой — пересылку оплатим мы.",  # a channel, not a contact
    "Вы можете самостоятельно добавить субтитры в редакторе.",  # a feature, not a duty
    "Обратитесь в нашу службу поддержки.",  # the company's own service
    "Проверять комплектность нужно было при курьере.",  # a reproach about the past
    "Скачайте приложение в магазине приложений.",  # no document to fetch
    "Обратитесь к курьеру при получении — он поможет поднять шкаф.",  # he is there anyway
    "Сама посылка должна быть упакована в коробку.",  # not the Клиент's duty
])
def test_quiet(text):
    assert spans(text, RULE) == []


def test_one_finding_per_errand():
    """Two verbs sharing one third party give one finding."""
    text = "Позвоните, пожалуйста, в отделение почты и узнайте, почему посылку не выдают."
    assert len(findings(text, RULE)) == 1


def test_message_names_the_phrase():
    (f,) = findings("Обратитесь в службу доставки.", RULE)
    assert "«Обратитесь в службу доставки»" in f.message
    assert f.severity.label == "warning"


def test_quoted_words_of_the_client_are_not_flagged():
    assert spans("Вы пишете: «обратитесь в банк» — так Вам ответили в магазине?", RULE) == []
