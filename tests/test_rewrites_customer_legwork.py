"""customer-legwork: the company does the legwork — the errand moves to «мы
сами …» in the 1st person plural and the company promises to report back
(standard 000 §2)."""

import pytest

from ._rewrite_helpers import rewritten, roundtrip_ok
from .conftest import findings

RULE = "customer-legwork"


@pytest.mark.parametrize("text,expected", [
    # tracking: the object stays, «где она» agrees with «посылка» (feminine)
    ("Отследите посылку на сайте Почты России.",
     "Мы сами отследим посылку на сайте Почты России и сообщим Вам, где она, [срок]."),
    # … with «заказ» (masculine) and with a plural object
    ("Отследите заказ на сайте СДЭК по трек-номеру.",
     "Мы сами отследим заказ на сайте СДЭК по трек-номеру и сообщим Вам, где он, [срок]."),
    ("Вы можете отследить отправления на сайте СДЭК по трек-номерам.",
     "Мы сами отследим отправления на сайте СДЭК по трек-номерам и сообщим Вам, где они, [срок]."),
    # a looking verb becomes «отследим»; the tracked noun is named in the nominative
    ("Статус посылки смотрите на сайте транспортной компании.",
     "Статус посылки мы сами отследим на сайте транспортной компании и сообщим Вам, где посылка, [срок]."),
])
def test_tracking_is_done_for_the_client(text, expected):
    assert rewritten(text, RULE) == expected


@pytest.mark.parametrize("text,expected", [
    # «свой» → «Ваш» in the accusative masculine; «, пожалуйста,» goes with its commas
    ("Чтобы узнать, почему не проходит платёж, обратитесь, пожалуйста, в свой банк.",
     "Чтобы узнать, почему не проходит платёж, мы сами обратимся в Ваш банк и сообщим Вам результат [срок]."),
    # … in the accusative feminine, after «рекомендуем Вам» + infinitive
    ("Рекомендуем Вам обратиться в свою страховую компанию.",
     "Мы сами обратимся в Вашу страховую компанию и сообщим Вам результат [срок]."),
    # an obligation: «Вам нужно самостоятельно» goes, the infinitive moves to «мы»
    ("Вам нужно самостоятельно связаться с производителем.",
     "Мы сами свяжемся с производителем и сообщим Вам результат [срок]."),
    # an imperfective imperative becomes a single promise: «звоните» → «позвоним»
    ("Если курьер опаздывает, звоните в курьерскую службу.",
     "Если курьер опаздывает, мы сами позвоним в курьерскую службу и сообщим Вам результат [срок]."),
    # the chained requests move too; «напишите нам» stays the Клиент's and goes
    ("Позвоните, пожалуйста, в управляющую компанию, попросите открыть доступ к щитку, а после этого напишите нам.",
     "Мы сами позвоним в управляющую компанию, попросим открыть доступ к щитку и сообщим Вам результат [срок]."),
    # a clause after the errand: the report follows it after a comma
    ("Позвоните, пожалуйста, в отделение почты и узнайте, почему посылку не выдают.",
     "Мы сами позвоним в отделение почты, узнаем, почему посылку не выдают, и сообщим Вам результат [срок]."),
    # what the third party would have said goes: the company tells the Клиент now
    ("Свяжитесь с курьером сами по номеру +7 912 345-67-89 — он подскажет, где находится.",
     "Мы сами свяжемся с курьером по номеру +7 912 345-67-89 и сообщим Вам результат [срок]."),
])
def test_errand_moves_to_the_company(text, expected):
    assert rewritten(text, RULE) == expected


def test_rewrite_is_the_suggestion_and_covers_the_errand():
    text = "Спасибо за письмо. Пожалуйста, свяжитесь с производителем по гарантии: горячая линия — 8 800 100-01-67."
    (f,) = findings(text, RULE)
    assert text[f.rewrite.offset:f.rewrite.offset + f.rewrite.length] == \
        "Пожалуйста, свяжитесь с производителем по гарантии"
    assert f.rewrite.replacement == "Мы сами свяжемся с производителем по гарантии и сообщим Вам результат [срок]"
    assert f.suggestion == f.rewrite.replacement


@pytest.mark.parametrize("text", [
    "Здравствуйте, Ольга!\n\nСпасибо за письмо. Отследите посылку на сайте Почты России.\n\nС уважением,\nМагазин",
    "Здравствуйте!\n\nСпасибо за вопрос. Чтобы выяснить, где деньги, вам нужно самостоятельно обратиться "
    "в банк, выпустивший карту.\n\nМагазин",
])
def test_rewrite_resolves_the_rule(text):
    ok, new = roundtrip_ok(text, RULE)
    assert ok, new
    assert "[срок]" in new


def test_template_placeholders_stay_intact():
    text = "Обратитесь в банк {{ bank_name }} по номеру {{ phone }}."
    (f,) = findings(text, RULE)
    assert f.rewrite.replacement == \
        "Мы сами обратимся в банк {{ bank_name }} по номеру {{ phone }} и сообщим Вам результат [срок]"
    assert f.suggestion == f.rewrite.replacement
    assert rewritten(text, RULE) == f.rewrite.replacement + "."


@pytest.mark.parametrize("text,expected", [
    # two errands: one «и», before the report
    ("Вам следует позвонить в курьерскую службу и уточнить время доставки.",
     "Мы сами позвоним в курьерскую службу, уточним время доставки и сообщим Вам результат [срок]."),
    # a verb of tracking keeps its government: «следите за» → «проследим за»
    ("Следите за движением посылки на сайте перевозчика.",
     "Мы сами проследим за движением посылки на сайте перевозчика и сообщим Вам, где посылка, [срок]."),
])
def test_several_errands_and_government(text, expected):
    assert rewritten(text, RULE) == expected


@pytest.mark.parametrize("text,expected", [
    # a verb that governs a preposition keeps it; nothing to track: the plain result
    ("Узнайте о статусе рейса в справочной аэропорта.",
     "Мы сами узнаем о статусе рейса в справочной аэропорта и сообщим Вам результат [срок]."),
])
def test_looking_up_without_a_parcel(text, expected):
    assert rewritten(text, RULE) == expected


@pytest.mark.parametrize("text,expected", [
    # «будет», «бы» between the modal and the infinitive go with it
    ("Дальше вам нужно будет связаться с поставщиком напрямую.",
     "Дальше мы сами свяжемся с поставщиком напрямую и сообщим Вам результат [срок]."),
    ("Вам бы лучше позвонить в банк.", "Мы сами позвоним в банк и сообщим Вам результат [срок]."),
])
def test_modal_auxiliaries_go(text, expected):
    assert rewritten(text, RULE) == expected


@pytest.mark.parametrize("text,expected", [
    # «его» stays the number; a second request joins the list of our actions
    ("Вот номер службы доставки: 8 800 555-35-35. Наберите его и назовите трек-номер.",
     "Вот номер службы доставки: 8 800 555-35-35. Мы сами наберём его, назовём трек-номер "
     "и сообщим Вам результат [срок]."),
    # «Имеет смысл» goes whole with the modal
    ("Имеет смысл обратиться в налоговую.", "Мы сами обратимся в налоговую и сообщим Вам результат [срок]."),
    ("Претензию лучше предъявить администратору на месте.",
     "Претензию мы сами предъявим администратору на месте и сообщим Вам результат [срок]."),
    ("Покупки проходят через Google Play, поэтому за возвратом обратитесь, пожалуйста, в поддержку Google.",
     "Покупки проходят через Google Play, поэтому за возвратом мы сами обратимся в поддержку Google "
     "и сообщим Вам результат [срок]."),
    ("Чтобы вернуть средства, напишите партнёру по адресу support@mediafun.ru.",
     "Чтобы вернуть средства, мы сами напишем партнёру по адресу support@mediafun.ru "
     "и сообщим Вам результат [срок]."),
])
def test_errands_in_other_words_rewritten(text, expected):
    assert rewritten(text, RULE) == expected
