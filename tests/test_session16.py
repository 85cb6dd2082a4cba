"""Session 16: refusal heard in any negated verb that answers a request, and
the rules that leaned on the tagger's old mis-tags (see nlp/morph_check.py).

Every sentence here is our own; none is taken from a corpus."""

import pytest

from .conftest import fires, spans


# The answer «no» to a request, said by a negated present verb whose own
# words name what was asked for — whatever the verb.
@pytest.mark.parametrize("incoming, text, expected", [
    ("Можно записаться на стрижку в понедельник?", "По понедельникам стрижки не проводятся.", "не проводятся"),
    ("Можно оплатить аренду лодки бонусами?", "Бонусы на аренду лодок не распространяются.", "не распространяются"),
    ("Можете заламинировать диплом?", "Дипломы мы не ламинируем.", "не ламинируем"),
    ("Можно сдать пустые бутылки в ваш магазин?", "Пустые бутылки в магазине не берём.", "не берём"),
    ("Хочу абонемент на бассейн со скидкой для студентов.", "Студенческая скидка на бассейн не действует.",
     "не действует"),
])
def test_negated_verb_answering_a_request(incoming, text, expected):
    assert spans(text, "refusal", incoming=incoming) == [expected]


@pytest.mark.parametrize("incoming, text", [
    # an alternative in the same sentence, from our own staff
    ("Можете повесить полку?", "Монтаж в стоимость полки не входит, но наш сборщик повесит её за 500 ₽ завтра."),
    # good news: what was asked stays as it is, or costs nothing
    ("Можно поменять размер кроссовок?", "Да, размер поменяем. Доставка при этом не изменится."),
    ("Можно оплатить доставку картой?", "Да, конечно. Комиссия за оплату картой не взимается."),
    # a person failing, not the company refusing
    ("Можно получить заказ в субботу?", "В субботу курьер не работает, но можно забрать заказ в пункте выдачи."),
    # no request: a plain statement
    ("Спасибо, всё получил!", "Рады помочь! Скидка на следующий заказ не сгорает до конца года."),
    # the Клиент's own things
    ("Можно сменить тариф?", "Конечно. Ваш номер и баланс при смене тарифа не меняются."),
])
def test_negated_verb_that_is_no_refusal_stays_quiet(incoming, text):
    assert not fires(text, "refusal", incoming=incoming)


# missing-apology: «будет» as a predicate of its own is no foretold failure
def test_problem_announced_with_a_later_arrival_still_needs_an_apology():
    assert spans("Мастер задержался на объекте, будет у Вас через час.", "missing-apology") == ["задержался"]


def test_foretold_failure_is_no_problem_yet():
    assert not fires("Если не продлить подписку, доступ будет ограничен.", "missing-apology")


# missing-apology: a clause joined to the cancelling is our next step, not the Клиент's request
def test_cancelled_booking_with_a_next_step_needs_an_apology():
    assert spans("Ваша запись к массажисту отменена из-за болезни мастера, новое время согласуем завтра.",
                 "missing-apology") == ["отменена"]


def test_cancelled_at_the_clients_request_is_quiet():
    assert not fires("Ваша запись отменена по Вашей просьбе.", "missing-apology")


# customer-legwork: the pointer is followed by what is already done
def test_pointer_followed_by_something_already_done_is_quiet():
    text = "Мы своё сделали, вопрос к авиакомпании. Трансфер уже оплачен, водитель ждёт Вас у выхода."
    assert not fires(text, "customer-legwork", incoming="Меня никто не встретил!")


# distrust: the records foretell a plan, they contradict nothing
def test_records_about_a_future_delivery_are_quiet():
    assert not fires("По данным службы доставки, посылка будет вручена Вам в среду.", "distrust",
                     incoming="Когда привезут посылку?")


def test_records_set_against_the_account_keep_sudya_in_the_span():
    assert spans("Судя по журналу визитов, мастер приходил к Вам дважды.", "distrust",
                 incoming="Мастер так и не пришёл, хотя обещали.") == ["Судя по журналу"]


# blame-shifting: «отвечает за сутки» replies within a day, it owns nothing
def test_replies_within_a_day_is_no_blame():
    text = "Напишите в сервис производителя — обычно он отвечает за сутки."
    assert not fires(text, "blame-shifting", incoming="Утюг течёт после недели работы.")


def test_answering_for_a_fault_is_still_blame():
    assert fires("За брак отвечает производитель.", "blame-shifting", incoming="Утюг течёт после недели работы.")


# company_speaks: a yes/no question under the company's own imperative is the company's words
def test_clause_under_our_imperative_is_our_words():
    assert spans("Пожалуйста, уточните, подходит ли данное зарядное устройство к Вашей модели.", "cliche") \
        == ["данное"]
