"""missing-apology: complaints told by what failed, changed for the worse or was
done against the order, waits that have lasted, charges made twice, and the
draft's own acknowledgement of a complaint or a cancelled booking."""

import pytest

from .conftest import findings, fires

RULE = "missing-apology"
DRAFT = "Здравствуйте! Спасибо за обращение. Мастер приедет завтра в 10:00."


def complained(incoming: str) -> bool:
    return fires(DRAFT, RULE, incoming=incoming)


@pytest.mark.parametrize("incoming", [
    "Дверца шкафа не закрывается до конца.",
    "Кондиционер совсем не охлаждает.",
    "Пароль из СМС не приходит.",
    "Приложение не видит мою карту.",
    "Ваш сайт не принимает мою карту, хотя на других сайтах всё нормально.",
    "Менеджер так и не перезвонил.",
    "Курьеры не забрали возврат.",
    "Почему у меня не списываются баллы?",
])
def test_something_fails_to_work_is_a_complaint(incoming):
    assert complained(incoming)


@pytest.mark.parametrize("incoming", [
    "Платье не подошло по размеру, можно обменять?",
    "Мне не подходит время доставки, можно перенести на вечер?",
    "Эти серьги мне не идут, хочу вернуть.",
    "Это не влияет на гарантию?",
    "Всё привезли вовремя, ничего не сломалось, спасибо!",
    "Доставка мне не требуется, заберу сам.",
    "Полгода не заходил в личный кабинет, как восстановить пароль?",
    "Если посылка не придёт до пятницы, что делать?",
])
def test_preferences_questions_and_praise_are_no_complaint(incoming):
    assert not complained(incoming)


@pytest.mark.parametrize("incoming", [
    "Купленная у вас цепочка потемнела через неделю.",
    "Белая футболка пожелтела после первой стирки.",
    "Столешница разбухла от воды.",
    "Беговая дорожка начала стучать.",
    "Пылесос стал сильно вонять при включении.",
])
def test_a_change_for_the_worse_is_a_complaint(incoming):
    assert complained(incoming)


def test_illness_of_the_client_is_no_complaint():
    assert not complained("Сын болел две недели, пересчитайте оплату за сад.")


@pytest.mark.parametrize("incoming", [
    "Очки сделали не по рецепту.",
    "Шкаф собрали не по схеме, дверцы перекошены.",
])
def test_done_against_the_order_is_a_complaint(incoming):
    assert complained(incoming)


def test_a_lasting_state_is_a_complaint_and_named_as_a_wait():
    found = findings("Спасибо. Телефон будет готов завтра к 12:00.", RULE,
                     incoming="телефон у вас в ремонте уже 3 недели!!")
    assert found and found[0].suggestion == "Извините, пожалуйста, за долгое ожидание."
    assert not complained("Пользуюсь вашими услугами уже пять лет, хочу сменить тариф.")


@pytest.mark.parametrize("incoming", [
    "Почему мне пришёл счёт за хостинг дважды?",
    "Платёж провели повторно.",
])
def test_a_charge_made_twice_is_a_complaint(incoming):
    assert complained(incoming)


@pytest.mark.parametrize("draft, span", [
    ("Претензия принята. Ответ направим до 12 мая.", "Претензия"),
    ("Для рассмотрения жалобы пришлите фото чека.", "жалобы"),
    ("Ваша жалоба зарегистрирована под номером 5521.", "жалоба"),
    ("Запись к врачу на 14 июня отменена. Выберите другую дату.", "отменена"),
    ("Рейс SU-100 перенесён на 18:40.", "перенесён"),
])
def test_the_draft_acknowledges_a_complaint_or_a_cancellation(draft, span):
    assert [f.text for f in findings(draft, RULE, channel="sms")] == [span]


@pytest.mark.parametrize("draft, incoming", [
    ("Претензии принимаются по адресу shop@example.ru.", None),
    ("Жалоб на этого мастера не поступало.", None),
    ("Заказ отменён по Вашей просьбе, деньги вернутся за 3 дня.", None),
    ("Доставка перенесена на пятницу, как Вы просили.", None),
    ("Двойное начисление отменено, деньги вернутся завтра.", None),
    ("Запись на пятницу отменена.", "Отмените, пожалуйста, запись на пятницу."),
])
def test_complaints_in_general_and_cancellations_asked_for_stay_quiet(draft, incoming):
    assert not fires(draft, RULE, channel="sms", incoming=incoming)


def test_cancellation_rewrite_names_what_was_moved():
    found = findings("Здравствуйте! Рейс SU-100 перенесён на 18:40. Спасибо, что выбираете нас.", RULE)
    assert found[0].suggestion == "Извините, пожалуйста, за то, что рейс SU-100 перенесён на 18:40."


@pytest.mark.parametrize("incoming", [
    "Третий день сижу без интернета.",
    "Заказ везут вторую неделю, это нормально?",
    "Суп пересолен, мясо пережарено.",
    "Шкаф собрали криво.",
    "Размер на бирке 48, а по факту 44.",
    "Такое ощущение, что вам на клиентов наплевать.",
])
def test_lasting_waits_spoilt_work_and_broken_promises_are_complaints(incoming):
    assert complained(incoming)


@pytest.mark.parametrize("incoming", [
    "На третий день после покупки всё работает отлично, спасибо!",
    "Вторую неделю пользуюсь, всё отлично!",
    "На самом деле у меня вопрос по тарифу.",
    "Это уже второй заказ у вас, хочу добавить к нему ещё товар.",
])
def test_counts_of_days_and_reality_words_alone_are_no_complaint(incoming):
    assert not complained(incoming)


@pytest.mark.parametrize("draft, span", [
    ("К сожалению, Ваш заказ не может быть доставлен в срок. Новая дата — 15 мая.", "срок"),
    ("Мастер заболел, визит переносится на четверг.", "переносится"),
    ("Рейс отменили из-за погоды, мы пересадим Вас на 18:40.", "отменили"),
])
def test_the_draft_admits_a_missed_deadline_or_a_moved_booking(draft, span):
    assert [f.text for f in findings(draft, RULE, channel="sms")] == [span]


@pytest.mark.parametrize("draft", [
    "Если заказ не будет доставлен в срок, мы вернём деньги за доставку.",
    "Мы перенесём доставку на пятницу.",
    "Вы перенесли запись на пятницу, ждём Вас.",
    "Перенести запись можно в личном кабинете.",
    "Не переживайте, доставим вовремя.",
    "Доставка переносится на пятницу по Вашей просьбе.",
])
def test_plans_conditions_and_the_clients_own_changes_stay_quiet(draft):
    assert not fires(draft, RULE, channel="sms")


@pytest.mark.parametrize("incoming", [
    "Перевод висит в обработке со вчерашнего дня.",
    "Жду ответа с понедельника.",
    "Связь постоянно пропадает.",
    "Интернет еле работает по вечерам.",
    "Врач принял на сорок минут позже.",
    "Счёт за свет пришёл в три раза больше обычного.",
    "Сборщик забыл положить хлеб.",
    "Оператор забыла оформить возврат.",
    "Они забыли положить вилки.",
    "Курьер оставил заказ у двери без звонка.",
])
def test_waits_since_a_day_repeated_failures_and_slips_of_others_are_complaints(incoming):
    assert complained(incoming)


@pytest.mark.parametrize("incoming", [
    "Забыла пароль от личного кабинета, помогите.",
    "Какой логин указывать? Забыла почта или номер нужен",  # «почта» parsed as the one who forgot
    "Забыли про нас? Нет, просто хотим узнать статус заявки.",
    "Можно приехать на час позже?",
    "Работаю с вами с 2015 года, хочу новый тариф.",
])
def test_own_slips_and_requests_are_no_complaint(incoming):
    assert not complained(incoming)
