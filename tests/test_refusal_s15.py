"""refusal, session 15: construction classes added for new writers' phrasings.

Every sentence here is our own; none is taken from a corpus."""

import pytest

from .conftest import fires, spans

R = "refusal"


# «<Infinitive> … не выйдет» with the infinitive parsed as the root or an advcl
@pytest.mark.parametrize("text", [
    "Забронировать столик на субботу уже не выйдет.",
    "Поменять дату вылета бесплатно, увы, не выйдет.",
    "Перевести баллы на другую карту, к сожалению, не выйдет.",
    "Оплатить заказ бонусами не выйдет, к сожалению.",
])
def test_impersonal_ne_vyidet_with_infinitive(text):
    assert spans(text, R) == ["не выйдет"]


@pytest.mark.parametrize("text", [
    "Выйти на связь он не выйдет.",
    "Обновить приложение стоит, но новая версия не выйдет до осени.",
    "Посмотрите, не выйдет ли новая версия завтра.",
])
def test_ne_vyidet_with_a_subject_or_question_is_quiet(text):
    assert not fires(text, R)


# «это не X, а вариант Y» describes; it offers nothing
@pytest.mark.parametrize("text", [
    "Обивку мы не перетягиваем: это не дефект, а вариант исполнения модели.",
    "Кнопку мы не переделываем — это не поломка, а штатный вариант сборки.",
    "Стёкла мы не заменяем: это не подделка, а аналог от завода.",
])
def test_offer_word_inside_a_correction_is_no_alternative(text):
    assert fires(text, R)


@pytest.mark.parametrize("text", [
    "Цвет обивки мы не меняем, а вариант с серой тканью можем привезти под заказ.",
    "Этот цвет мы не меняем, а аналог в чёрном можем привезти.",
])
def test_a_real_alternative_after_a_still_mitigates(text):
    assert not fires(text, R)


# verbs of making, arranging and doing a service
@pytest.mark.parametrize("text,expected", [
    ("Свадебные торты мы не печём.", ["не печём"]),
    ("Детей младше семи лет мы не обучаем.", ["не обучаем"]),
    ("Счета на физических лиц мы не выписываем.", ["не выписываем"]),
    ("Такси до аэропорта мы не оплачиваем.", ["не оплачиваем"]),
    ("Выездные банкеты мы не организуем.", ["не организуем"]),
    ("Мебель под заказ мы не изготавливаем.", ["не изготавливаем"]),
    ("Перекрашивать кузов мы не будем.", ["Перекрашивать кузов мы не будем"]),
])
def test_service_verbs_of_many_trades(text, expected):
    assert spans(text, R, incoming="А можно сделать это у вас?") == expected


@pytest.mark.parametrize("text", [
    "Мы не записываем Ваши звонки, не волнуйтесь.",
    "Пароли мы никогда не записываем и не храним.",
    "Мы не создаём лишних хлопот клиентам.",
])
def test_promises_are_not_refusals(text):
    assert not fires(text, R)


def test_removing_a_burden_refused_still_fires():
    assert fires("Блокировку мы не снимем.", R, incoming="Снимите блокировку!")


# the company or its staff in the 3rd person
@pytest.mark.parametrize("text", [
    "Справки для бассейна наша клиника не выдаёт.",
    "Студия не шьёт костюмы на заказ.",
    "Данное агентство не бронирует билеты на поезд.",
    "Стоматолог по воскресеньям не принимает.",
    "Замерщики за город не выезжают.",
])
def test_company_or_staff_subject(text):
    assert fires(text, R)


@pytest.mark.parametrize("text", [
    "Клиника, куда Вас направили, не выдаёт справки.",
    "Другая клиника не выдаёт такие справки.",
    "Данная ячейка временно не работает.",
    "Курьер не привезёт заказ сегодня, он приедет завтра утром.",
    "Ваш мастер не выезжает на вызовы, обратитесь в его сервис.",
    "Кардиолог по субботам не принимает, но можем записать Вас на пятницу.",
])
def test_third_parties_outages_and_mitigated_are_quiet(text):
    assert not fires(text, R)


def test_denial_of_a_deed_the_client_accuses_us_of():
    assert not fires("Сервис не удаляет файлы без действия владельца.", R,
                     incoming="Ваш сервис удалил мои файлы!")


# «не бывает» + the genitive of a benefit
@pytest.mark.parametrize("text", [
    "Рассрочки на технику у нас не бывает.",
    "Подарков к заказам у нас, увы, не бывает.",
    "Нет, бесплатной доставки в этот район не бывает.",
])
def test_never_happens_with_a_benefit(text):
    assert spans(text, R) == ["не бывает"]


@pytest.mark.parametrize("text", [
    "Ошибок в расчётах у нас не бывает, но мы всё перепроверим.",
    "Очередей по утрам не бывает, приходите к девяти.",
    "Курьер не бывает у нас по выходным.",
])
def test_never_happens_quiet(text):
    assert not fires(text, R)


# «Без шансов» / «без вариантов» as a clause of its own
@pytest.mark.parametrize("text", [
    "Без шансов, подписка уже использована.",
    "Увы, тут без вариантов.",
    "Без вариантов — билеты уже выкуплены.",
])
def test_no_chance(text):
    assert fires(text, R)


@pytest.mark.parametrize("text", [
    "Привезём завтра к обеду, без вариантов!",
    "Оформим доставку без вариантов оплаты наличными.",
    "Гостю доступен только просмотр без возможности вносить изменения.",
])
def test_no_chance_as_a_modifier_is_quiet(text):
    assert not fires(text, R)


# a colloquial «Не, …» is «Нет, …», not a double negation
def test_colloquial_ne_opening():
    assert spans("не, так не получится", R, incoming="а можно без доплаты?") == ["не получится"]


# a bare genitive before «нет» hung elsewhere by the parser
@pytest.mark.parametrize("text,incoming", [
    ("Столиков у окна свободных нет и до пятницы не ожидается.", "Хочу забронировать столик у окна."),
    ("Сообщаем, что оснований для возврата нет: товар был в употреблении.", "Требую возврат денег."),
])
def test_genitive_before_net(text, incoming):
    assert fires(text, R, incoming=incoming)


# proof and trust, not a service: distrust judges them
@pytest.mark.parametrize("text", [
    "Без записи с камеры подтвердить, что товар был целым, нельзя.",
    "Пришлите фото чека — без него оформить возврат у нас не получится.",
    "Поверить Вам на слово мы не можем, нужен акт.",
    "Такие заявления на веру мы не принимаем.",
])
def test_proof_and_trust_are_left_to_distrust(text):
    assert not fires(text, R)


def test_a_where_of_an_earlier_clause_does_not_silence():
    text = "Чтобы узнать, где мастер, позвоните ему, — мы такие сведения не даём."
    assert fires(text, R)
