"""missing-apology: whole classes of complaints and non-complaints (own sentences)."""

import pytest

from .conftest import findings, fires, spans

R = "missing-apology"
DRAFT = "Мастер приедет в четверг в 10:00."
COMPLAINT = "Стол приехал со сколом на столешнице!"


# --- the apology said through «примите / приносим … извинения», wherever the parse hangs it ---

@pytest.mark.parametrize("apology", [
    "Спасибо, что написали, и примите наши извинения.",
    "Благодарим, что сообщили, и приносим свои извинения.",
    "Примите мои искренние извинения за скол.",
    "Спасибо, что рассказали, примите, пожалуйста, наши извинения.",
    "Просим у Вас прощения за скол.",
])
def test_apology_nouns_with_their_verb_count(apology):
    assert not fires(f"{apology} Новый стол привезём в субботу.", R, incoming=COMPLAINT)


# --- regret alone is no apology (rules.md lists the forms; «сожалеем» is not one) ---

@pytest.mark.parametrize("text", [
    "Сожалеем, что стол пришёл со сколом. Новый привезём в субботу.",
    "Мы искренне сожалеем о случившемся. Новый стол привезём в субботу.",
    "Очень сожалеем. Новый стол привезём в субботу.",
])
def test_regret_is_not_an_apology(text):
    assert fires(text, R, incoming=COMPLAINT)


def test_regret_with_an_apology_is_quiet():
    assert not fires("Сожалеем и приносим извинения. Новый стол привезём в субботу.", R, incoming=COMPLAINT)


# --- a problem named only as a case that may happen («в случае поломки», «при повреждении») ---

@pytest.mark.parametrize("text", [
    "В случае поломки обращайтесь в наш сервисный центр на Лесной, 5.",
    "При повреждении упаковки курьер оформит акт на месте.",
    "На случай задержки рейса мы оформили для Вас страховку.",
    "Гарантия действует и в случае поломки двигателя.",
    "При обнаружении брака товар заменят в течение трёх дней.",
    "В случае задержки доставки мы вернём стоимость доставки.",
])
def test_a_problem_as_a_hypothetical_case_is_quiet(text):
    assert not fires(text, R)


@pytest.mark.parametrize("text,expected", [
    ("В случае с Вашим заказом произошла задержка на складе.", ["задержка"]),
    ("При сортировке произошла поломка, заказ приедет в пятницу.", ["поломка"]),
    ("Задержка возникла при перегрузке контейнера.", ["Задержка"]),
])
def test_a_problem_that_happened_still_counts(text, expected):
    assert spans(text, R) == expected


# --- the premise of a request is no complaint: «ещё не отправлен», a planned outage asked to move ---

@pytest.mark.parametrize("incoming", [
    "Можно перенести плановое отключение света на выходные?",
    "Хочу добавить в заказ подушку, он ведь ещё не отправлен.",
    "Прошу отменить запись, приём ещё не начался.",
    "Подскажите, можно изменить размер? Заказ ещё не собран.",
    "Хочу отложить плановую замену счётчика на месяц.",
    "Можно ли поменять адрес? Посылка пока не передана курьеру.",
    "Заказ ещё не пришёл, подскажите номер для отслеживания?",
])
def test_the_premise_of_a_request_is_no_complaint(incoming):
    assert not fires(DRAFT, R, incoming=incoming)


@pytest.mark.parametrize("incoming", [
    "Заказ всё ещё не отправлен, хочу отменить!",
    "Хочу вернуть деньги: заказ так и не отправлен.",
    "Можно компенсацию за отключение света без предупреждения?",
])
def test_a_request_after_a_real_failure_is_a_complaint(incoming):
    assert fires(DRAFT, R, incoming=incoming)


# --- the Клиент's own slip told in the message ---

@pytest.mark.parametrize("incoming", [
    "Списали за продление тарифа, я забыла отключить автоплатёж. Можно вернуть?",
    "Я ошибся в адресе, и посылку отправили в другой город. Можно переадресовать?",
    "По своей невнимательности оплатил заказ дважды, верните одну оплату, пожалуйста.",
    "Забыл продлить подписку, и аккаунт заблокировали. Как восстановить?",
    "Сама виновата, не проверила дату, и билет сгорел. Можно что-то сделать?",
])
def test_the_clients_own_slip_is_no_complaint(incoming):
    assert not fires(DRAFT, R, incoming=incoming)


@pytest.mark.parametrize("incoming", [
    "Я забыла пароль, а ваш оператор мне нахамил.",
    "Я ничего не забывал, автоплатёж списался сам!",
    "Курьер забыл положить соус.",
    "Поезд опоздал на два часа, и я пропустила пересадку.",  # a consequence, no slip
])
def test_a_slip_of_others_or_rudeness_is_a_complaint(incoming):
    assert fires(DRAFT, R, incoming=incoming)


# --- taste in a return of choice ---

@pytest.mark.parametrize("incoming", [
    "Можно сдать кроссовки? Не понравились по ощущениям.",
    "Верну куртку: цвет не понравился, бирки на месте.",
    "Хочу обменять шарф, расцветка не понравилась.",
    "Можно вернуть аудиокнигу? Не понравилось исполнение.",
])
def test_taste_in_a_return_of_choice_is_no_complaint(incoming):
    assert not fires(DRAFT, R, incoming=incoming)


@pytest.mark.parametrize("incoming", [
    "Не понравилось, как со мной разговаривал менеджер.",
    "Обслуживание в салоне совсем не понравилось.",
    "Верните деньги, тренинг не понравился.",  # a demand, not a calm return
])
def test_dislike_of_the_service_is_a_complaint(incoming):
    assert fires(DRAFT, R, incoming=incoming)


# --- a calm why-question about a decision of the company asks for the reason ---

@pytest.mark.parametrize("incoming", [
    "Почему мне отказали в рассрочке?",
    "Почему мою карту заблокировали?",
    "Зачем с меня удержали комиссию за снятие наличных?",
    "Отчего мне ограничили доступ к личному кабинету?",
    "Почему мой профиль заблокирован?",
])
def test_a_why_question_about_a_decision_is_no_complaint(incoming):
    assert not fires(DRAFT, R, incoming=incoming)


@pytest.mark.parametrize("incoming", [
    "Почему мне отказали в рассрочке?! Я всегда платил вовремя.",
    "Почему заблокировали карту?? Я ничего не нарушал.",
    "Почему посылка до сих пор не пришла?",
    "Почему посылка вернулась отправителю?? Я её ждала.",
    "Почему мне отказали в рассрочке? Я же всегда платил вовремя!",  # protested in the next sentence
    "Почему списали деньги за услугу, которую я не заказывал?",  # the Клиент denies ordering it
])
def test_a_why_question_with_a_grievance_is_a_complaint(incoming):
    assert fires(DRAFT, R, incoming=incoming)


# --- complaints in more shapes ---

@pytest.mark.parametrize("incoming", [
    # the Клиент denies a payment or an operation; fraud
    "Я не совершал этот перевод!",
    "Эту оплату я не проводила.",
    "Я не снимал деньги в банкомате вчера.",
    "С моей карты какие-то мошенники оплатили покупки.",
    "Это мошенничество, верните деньги.",
    # spoilt food and flowers
    "Суп привезли совсем остывший.",
    "Курьер привёз холодную пиццу.",
    "Хлеб в наборе оказался чёрствым.",
    "Розы завяли на следующий день.",
    "Тюльпаны засохли к утру.",
    # a delay by a long time after the fact
    "Суп привезли спустя два часа после заказа.",
    "Мастер перезвонил только через три дня.",
    # a count short of what was ordered
    "Заказывала 10 роз, а в букете 7.",
    "Оплатил пять билетов, пришло четыре.",
    "Купил два чехла, в посылке один.",
    # somebody else's mistake
    "Оператор по ошибке закрыл мою заявку.",
    "Посылку по ошибке отдали другому человеку.",
    "Деньги ошибочно списали с другой карты.",
    # somebody else cannot do his job
    "Курьер не может найти мой подъезд.",
    "Мастер никак не может разобраться с котлом.",
    # a state lasting an hour, a week
    "Курьер кружит по району уже час.",
    "Лифт стоит уже неделю.",
    # what came instead of what was promised
    "Напор воды два литра в минуту вместо десяти!",
    "В номере одна кровать вместо двух.",
    "Заплатил 3000 вместо 2000 по акции.",
    # a parcel sent back
    "Мою посылку отправили обратно отправителю.",
    "Заказ уехал назад к продавцу, хотя я была дома.",
    # a past verb the tagger took for an infinitive
    "У меня кофеварка через неделю потекла, что делать?",
    # rude manner, a refusal by staff, a dragged-out job, half an hour on the line
    "Администратор говорил со мной свысока.",
    "Ответили грубо и положили трубку.",
    "Кассир отказался принять купон без объяснения причин.",
    "Замену окна затянули на два месяца.",
    "Уже полчаса жду ответа оператора.",
    # two things that should agree do not
    "В приложении одна сумма, а в квитанции другая.",
    "Счёт за газ в три раза больше, чем в прошлом месяце.",
])
def test_more_complaints(incoming):
    assert fires(DRAFT, R, incoming=incoming)


@pytest.mark.parametrize("incoming", [
    "Я ещё не совершал покупок у вас, есть скидка для новых?",
    "Как защититься от мошенников?",
    "Можно ли заказать холодный чай к обеду?",
    "Тюльпаны простоят неделю, если их не ставить на солнце?",
    "Привезли через 30 минут, всё горячее, спасибо!",
    "Курьер приедет через час?",
    "Заказала 3 пачки корма, пришли все 3, спасибо.",
    "Я по ошибке оплатил не ту услугу, верните, пожалуйста.",
    "Не могу найти, где поменять пароль.",
    "Пользуюсь вашим интернетом уже год, всё устраивает.",
    "Можно вместо курьера самовывоз?",
    "Хочу вместо синего взять зелёный.",
    "Поставьте, пожалуйста, вместо вторника среду.",
    "Я выбрал самовывоз вместо доставки, где забрать?",
    "Я отправил посылку обратно отправителю, когда придут деньги?",
    "Можно вернуть заказ обратно на склад?",
    "Одна коробка пришла, а другая будет завтра?",
    "Можно один размер поменять на другой?",
    "Я отказалась от доставки, верните деньги.",
    "Операторы разговаривали вежливо, спасибо.",
    "Почему банк отказался проводить платёж?",
    "Подскажите, в случае поломки замена бесплатная?",
])
def test_near_misses_stay_quiet(incoming):
    assert not fires(DRAFT, R, incoming=incoming)


# --- the draft announces a suspension of the Клиент's service ---

@pytest.mark.parametrize("text,expected", [
    ("Сообщаем, что доставка по Вашему адресу приостановлена из-за ремонта дороги.", ["приостановлена"]),
    ("Обслуживание Вашего договора прекращено в связи с реорганизацией.", ["прекращено"]),
    ("Подача горячей воды в Вашем доме прервана из-за аварии на сетях.", ["прервана"]),
])
def test_the_draft_announces_a_suspension(text, expected):
    assert spans(text, R) == expected


@pytest.mark.parametrize("text", [
    "Подписка приостановлена по Вашей просьбе до 1 июня.",
    "Регистрация новых участников приостановлена до конца месяца.",
    "Доставка 1 января будет приостановлена, заказы примем со 2-го.",
])
def test_suspensions_asked_for_or_general_are_quiet(text):
    assert not fires(text, R)


@pytest.mark.parametrize("incoming,apology", [
    ("Борщ привезли спустя полтора часа.", "Извините, пожалуйста, за долгое ожидание. "),
    ("Водитель никак не может найти мой склад.", "Извините, пожалуйста, за то, что водитель никак не может найти Ваш склад. "),
])
def test_rewrite_names_the_new_complaints(incoming, apology):
    found = findings("Здравствуйте!\n\nМастер приедет в четверг.", R, incoming=incoming)
    assert found[0].rewrite.replacement == apology


# --- a later time the Клиент asks for; a thing that does not fit ---

@pytest.mark.parametrize("incoming", [
    "Можно сдвинуть доставку на два часа позже?",
    "Прошу перенести приём на день позже.",
    "Хотим заехать на сутки позже, это возможно?",
    "Мне не подходит время доставки.",
    "Этот цвет мне не подходит.",
    "Размер не подошёл, хочу обменять.",
    "Платье не подходит по размеру, можно обменять?",
])
def test_wished_times_and_taste_are_no_complaint(incoming):
    assert not fires(DRAFT, R, incoming=incoming)


@pytest.mark.parametrize("incoming", [
    "Курьер приехал на два часа позже.",
    "Сеанс начался на полчаса позже, нас не предупредили.",
    "Ключ активации не подходит.",
    "Пароль из письма не подходит.",
    "Зарядка из комплекта не подходит к телефону.",
])
def test_late_by_and_things_that_do_not_fit_are_complaints(incoming):
    assert fires(DRAFT, R, incoming=incoming)
