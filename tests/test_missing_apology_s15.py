"""missing-apology, session 15: classes of complaints, non-complaints and
apologies (own sentences, none taken from a corpus)."""

import pytest

from .conftest import fires

R = "missing-apology"


# --- an apology followed by «что мы не …»: the «не» is the next clause's ---

@pytest.mark.parametrize("incoming, draft", [
    ("Торт приехал помятым!", "Простите, что мы не уследили за упаковкой. Новый торт привезём в субботу."),
    ("Стол шатается!", "Простите, что мы не проверили крепления перед отправкой. Мастер приедет в среду."),
    ("Курьер опоздал на час!", "Извините, что мы не предупредили об опоздании заранее. Доставку вернём на карту."),
])
def test_apology_before_a_negated_clause_counts(incoming, draft):
    assert not fires(draft, R, incoming=incoming)


def test_do_not_apologise_is_still_no_apology():
    assert fires("Не извиняйтесь, это нормально. Курьер приедет завтра.", R, incoming="Курьер опоздал на час!")


# --- the Клиент's own loss or damage, told without a doer ---

@pytest.mark.parametrize("incoming", [
    "Хочу сдать куртку, но порвала подкладку.",
    "Сломал экран, можно заменить?",
    "Разбила вазу, есть такая же в продаже?",
])
def test_own_loss_is_no_complaint(incoming):
    assert not fires("Замена стоит 5000 рублей, сделаем за день.", R, incoming=incoming)


@pytest.mark.parametrize("incoming", ["Потеряли мою посылку!", "Курьер потерял мою посылку."])
def test_loss_by_others_still_complains(incoming):
    assert fires("Посылку ищем, ответим до 18:00.", R, incoming=incoming)


# --- a negated future in reported words is a decision told, not a failure ---

@pytest.mark.parametrize("incoming", [
    "Мне сказали, что кешбэк не вернут. Это правда?",
    "Менеджер ответил, что доставку не перенесут. Так и есть?",
    "В чате сообщили, что бонусы не начислят. Почему?",
])
def test_reported_refusal_is_no_complaint(incoming):
    assert not fires("Кешбэк за эту покупку не начисляется, условия в договоре.", R, incoming=incoming)


def test_shouted_refusal_still_complains():
    assert fires("Деньги вернём завтра.", R, incoming="Вы мне не вернёте деньги. Вы обещали!")


# --- praise of the manner in an exclamation ---

@pytest.mark.parametrize("incoming", [
    "Повар приготовил всё очень вкусно!",
    "Мастера собрали шкаф быстро и чисто!",
    "Курьер донёс коробки очень бережно!",
])
def test_praised_manner_is_no_complaint(incoming):
    assert not fires("Спасибо, передадим команде.", R, incoming=incoming)


def test_bad_manner_still_complains():
    assert fires("Спасибо, передадим курьеру.", R, incoming="Курьер донёс коробки очень небрежно!")


# --- a promise recalled as broken, not a calm reminder ---

@pytest.mark.parametrize("incoming", [
    "Мне обещали бесплатную настройку роутера при подключении.",
    "Вы обещали прислать каталог к празднику.",
    "Менеджер гарантировал доставку до двери.",
])
def test_calm_reminder_of_a_promise_is_no_complaint(incoming):
    assert not fires("Мастер настроит роутер 5 мая.", R, incoming=incoming)


@pytest.mark.parametrize("incoming", [
    "Ремонт идёт месяц, обещали неделю.",
    "Менеджер обещал перезвонить ещё в понедельник.",
    "Вы обещали доставку в среду, сегодня пятница!",
])
def test_broken_promise_complains(incoming):
    assert fires("Мастер приедет завтра.", R, incoming=incoming)


# --- a booking cancelled by the company, again or to the Клиент ---

@pytest.mark.parametrize("incoming", [
    "Третий раз отменяете мне запись к стоматологу.",
    "Опять отменили тренировку, уже надоело.",
    "Мне отменили бронь в отеле!",
])
def test_cancelled_on_me_complains(incoming):
    assert fires("Новая запись на 12 мая.", R, incoming=incoming)


@pytest.mark.parametrize("incoming", [
    "Я отменила запись, верните предоплату.",
    "Отменила занятие заранее, когда вернут деньги?",
    "Отменили рейс, хочу вернуть страховку.",
    "Почему отменили занятие?",
    "Запись отменили по моей просьбе, когда вернут деньги?",
])
def test_cancellation_quiet(incoming):
    assert not fires("Деньги вернём на карту до 20 мая.", R, incoming=incoming)


# --- not the Клиент's thing delivered ---

@pytest.mark.parametrize("incoming", ["Привезли не мою посылку.", "Мне доставили не наш диван, а чужой."])
def test_not_mine_delivered_complains(incoming):
    assert fires("Правильный заказ привезём завтра.", R, incoming=incoming)


def test_draft_not_your_order_complains():
    assert fires("Вам доставили не Ваш заказ, правильный привезём завтра.", R)


def test_not_mine_without_delivery_is_quiet():
    assert not fires("Тариф сменим по заявлению владельца.", R, incoming="Это не мой телефон, а мужа. Можно сменить тариф?")


# --- a penalty charged ---

@pytest.mark.parametrize("incoming", [
    "Мне выставили штраф за просрочку, а я платил вовремя!",
    "Почему мне начислили неустойку?!",
    "Удержали штраф из зарплаты, я ничего не нарушала!",
])
def test_penalty_charged_complains(incoming):
    assert fires("Штраф снимем до конца недели.", R, incoming=incoming)


@pytest.mark.parametrize("incoming", [
    "Будет ли начислен штраф, если я оплачу позже?",
    "Почему начислены пени?",
    "Пришёл штраф ГИБДД на арендованную машину.",
])
def test_penalty_quiet(incoming):
    assert not fires("Пени начисляются с 11-го числа, условия в договоре.", R, incoming=incoming)


# --- a malfunction stated before a trailing «что происходит?» ---

@pytest.mark.parametrize("incoming", [
    "Свет в коридоре моргает по вечерам, что происходит?",
    "Лампа в подъезде мерцает уже неделю, в чём дело?",
    "Экран гаснет сам по себе, что происходит?",
])
def test_malfunction_before_a_question_complains(incoming):
    assert fires("Электрик придёт в среду.", R, incoming=incoming)


@pytest.mark.parametrize("incoming", ["Лампа мигает — это нормально?", "Как сделать, чтобы экран не гас?"])
def test_malfunction_questions_quiet(incoming):
    assert not fires("Так работает режим ожидания.", R, incoming=incoming)


# --- coming back without one's things ---

@pytest.mark.parametrize("incoming", [
    "Дочь пришла из бассейна без шапки и очков.",
    "Ребёнок вернулся из школы без рюкзака!",
    "Муж приехал с базы отдыха без чемодана.",
])
def test_came_back_without_things_complains(incoming):
    assert fires("Вещи ищем в раздевалке.", R, incoming=incoming)


@pytest.mark.parametrize("incoming", [
    "Я вернулся из отпуска без загара, ха-ха. Когда скидки?",
    "Сын вернулся из лагеря без проблем, спасибо.",
    "Посылка пришла без повреждений, спасибо!",
])
def test_without_quiet(incoming):
    assert not fires("Спасибо за отзыв! Скидки с 1 июня.", R, incoming=incoming)


# --- in the draft: the Клиент's claim the company asks to confirm ---

@pytest.mark.parametrize("draft", [
    "Подтвердите, что заказ действительно не доставлен, и пришлите фото двери.",
    "Опишите, пожалуйста, какие детали повреждены.",
    "Уточните, пожалуйста, что именно сломалось.",
])
def test_asked_to_confirm_is_no_admission(draft):
    assert not fires(draft, R)


def test_admitted_problem_still_fires():
    assert fires("Заказ не доставлен, курьер приедет завтра.", R)


# --- in the draft: a complaint as the basis of somebody's action ---

@pytest.mark.parametrize("draft", [
    "Объявление снял модератор по жалобе другого пользователя.",
    "Отзыв скрыт по претензии правообладателя.",
])
def test_complaint_as_a_basis_is_quiet(draft):
    assert not fires(draft, R)


# --- in the draft: the Клиент's complaint accepted in the future ---

@pytest.mark.parametrize("draft", [
    "Претензию рассмотрим после проверки товара.",
    "Жалобу примем только в письменном виде.",
    "Вашу рекламацию передадим поставщику.",
])
def test_complaint_handled_in_future_fires(draft):
    assert fires(draft, R)


def test_complaints_in_general_are_quiet():
    assert not fires("Претензии принимаются по почте.", R)


# --- in the draft: a utility restored admits an outage; a planned stop does not ---

@pytest.mark.parametrize("draft", [
    "Подачу воды восстановим сегодня к 18:00.",
    "Связь в Вашем районе восстановили утром.",
    "Электроснабжение возобновим после замены кабеля.",
])
def test_restored_utility_fires(draft):
    assert fires(draft, R)


@pytest.mark.parametrize("draft", [
    "Подачу воды восстановим после плановых работ, к 18:00.",
    "Восстановить пароль можно в приложении.",
    "Отопление в доме отключено для плановой промывки до 1 июня.",
])
def test_restore_quiet(draft):
    assert not fires(draft, R)


# --- a calm report of a missing utility answered with a planned stop ---

@pytest.mark.parametrize("incoming, draft", [
    ("Подскажите, почему в квартире нет воды с утра.", "Подача воды приостановлена для плановой замены труб до 16:00."),
    ("Объясните, почему у нас нет света с обеда.", "Ведутся плановые работы на подстанции, свет дадут к 18:00."),
])
def test_planned_stop_explained_is_quiet(incoming, draft):
    assert not fires(draft, R, incoming=incoming)


def test_shouted_outage_still_needs_an_apology():
    assert fires("Горячую воду отключили на плановую профилактику до 14 июля.", R,
                 incoming="Второй день нет горячей воды!")


def test_restored_utility_rewrite_does_not_name_the_fix():
    from .conftest import findings
    found = findings("Здравствуйте!\n\nИнтернет в Вашем доме восстановим к 18:00.", R)
    assert found and "восстановлен" not in (found[0].suggestion or "")
