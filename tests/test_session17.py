"""Session 17: rarity excuses by class — a share of any size words can give, a
habitual norm, scarcity, a low failure rate, a near-total success rate — and
two analysis repairs (a noun the tagger took for a verb; a span built
backwards by distrust).

Every sentence here is our own; none is taken from a corpus."""

import pytest

from replylint import lint

from .conftest import fires, spans

RULE = "rarity-excuse"


@pytest.mark.parametrize("text, expected", [
    # a share: a count against hundreds or thousands, in digits or in words, before or after
    ("Отравление этим кормом бывает примерно у одной кошки из двадцати тысяч.", "одной кошки из двадцати тысяч"),
    ("Подобные поломки случаются в одном аппарате из нескольких сотен.", "одном аппарате из нескольких сотен"),
    ("За прошлую зиму на 5000 квартир пришлось только 7 аварий.", "на 5000 квартир пришлось только 7"),
    ("Из двухсот проданных кофемашин сломалась только одна.", "Из двухсот проданных кофемашин сломалась только одна"),
    ("На тысячу заселений приходится одна-две жалобы.", "На тысячу заселений приходится одна-две"),
    # a near-total rate of the service
    ("У нас доступность сервиса 99,8%, так что сегодня просто досадный сбой.", "доступность сервиса 99,8%"),
    # the habitual norm
    ("Обычно опоздания у наших мастеров не больше пятнадцати минут.",
     "Обычно опоздания у наших мастеров не больше пятнадцати минут"),
    ("Как правило, рейсы у нас вылетают минута в минуту.", "Как правило, рейсы у нас вылетают минута в минуту"),
    ("Обычно мы сроки не нарушаем.", "Обычно мы сроки не нарушаем"),
    ("Чаще всего наши велосипеды не ломаются годами.", "Чаще всего наши велосипеды не ломаются"),
    # how often, over a season or half a year, with or without a verb
    ("Такие накладки случаются раз в сезон, не чаще.", "раз в сезон"),
    ("Протечки у нас бывают буквально раз в полгода.", "раз в полгода"),
    # scarcity: nearly none, a few, counted on the fingers
    ("Жалоб на курьеров у нас почти нет.", "Жалоб на курьеров у нас почти нет"),
    ("Претензий к качеству ремонта практически нет.", "Претензий к качеству ремонта практически нет"),
    ("Жалоб на шум у нас единицы за год.", "Жалоб на шум у нас единицы"),
    ("Опозданий у нас считанные единицы.", "Опозданий у нас считанные единицы"),
    ("Нареканий на этого мастера за весь год было от силы два.", "от силы два"),
    ("Случаи, как у Вас, у нас можно пересчитать по пальцам.", "пересчитать по пальцам"),
    # a failure rate called low or normal
    ("Аварийность у нас одна из самых низких в городе.", "Аварийность у нас одна из самых низких"),
    ("Процент брака у нас минимальный.", "Процент брака у нас минимальный"),
    ("Три отключения за квартал — вполне нормальный показатель для такой сети.",
     "отключения за квартал — вполне нормальный показатель"),
    # a clean record: «ни одного случая», complaints never confirmed
    ("За десять лет работы у нас не было ни одного случая, чтобы шкаф упал.",
     "За десять лет работы у нас не было ни одного случая"),
    ("За 7 лет ни одна подобная жалоба не подтвердилась.", "За 7 лет ни одна подобная жалоба не подтвердилась"),
    # «такой» makes any noun the problem referred back to; «третий раз» over years
    ("Такие обрывы связи за три года у нас всего третий раз.", "за три года у нас всего третий раз"),
    # most people pleased; «подобное» with a modifier still stands alone
    ("Большинство наших гостей уезжают довольными.", "Большинство наших гостей уезжают довольными"),
    ("Хочу отметить, что подобное с нашими поварами случается нечасто.", "нечасто"),
])
def test_rarity_classes_of_session_17(text, expected):
    assert spans(text, RULE) == [expected]


@pytest.mark.parametrize("text", [
    # admitting a pattern
    "К сожалению, это не первый такой обрыв за месяц, мы уже меняем кабель.",
    "Подобные обрывы случаются у нас слишком часто, и мы это признаём.",
    # a plain habit or procedure, not a norm set against the Клиент's case
    "Обычно доставка занимает два дня, Ваш заказ приедет в четверг.",
    "Как правило, мы перезваниваем в течение часа, сегодня позвоним до 15:00.",
    "Обычно мы не работаем по воскресеньям, но для Вас сделаем исключение.",
    "Обычно курьер звонит за час до приезда.",
    "В большинстве случаев мы меняем товар в день обращения, Вам заменим сегодня.",
    # percentages of money, charge or progress
    "Скидка 99% действует только на второй товар.",
    "Мы вернём 95% стоимости билета до пятницы.",
    "Ваш заказ собран на 95%, отправим завтра.",
    # numbers that are money, stock or a crew, not a share of failures
    "На 5000 рублей можно купить два сертификата.",
    "Из 200 заказанных штук мы отправили 150, остальные приедут в среду.",
    "На 5000 квартир в районе работает одна бригада, она приедет к Вам в 14:00.",
    # a rate that is not of failures, a rate in a description
    "Процент скидки у нас минимальный, но бонусы начисляем.",
    "Этот режим нужен для передачи картинки с минимальным количеством задержек.",
    # most guests doing something, not being pleased; schedules
    "Большинство наших гостей выбирают завтрак в номер, могу добавить его и Вам.",
    "Мы проверяем кондиционеры раз в полгода, следующая проверка в мае.",
    # the Клиент's own history
    "Жалоб на этот корм от Вас раньше не было.",
])
def test_rarity_traps_of_session_17(text):
    assert not fires(text, RULE)


def test_a_noun_the_tagger_calls_a_verb_becomes_a_noun():
    from replylint.nlp.pipeline import get_nlp

    doc = get_nlp()("Опозданий у нас считанные единицы.")
    assert (doc[0].pos_, doc[0].lemma_) == ("NOUN", "опоздание")
    assert doc[0].morph.get("Case") == ["Gen"]


def test_distrust_ability_verb_after_the_infinitive_neither_crashes_nor_loses_the_span():
    text = "Без видео подтвердить брак мы, к сожалению, не сможем."
    found = [f for f in lint(text).findings if f.rule == "distrust"]
    assert [f.text for f in found] == ["подтвердить брак мы, к сожалению, не сможем"]


# --- verbs the tagger took for adjectives, and blame read through them ----------

@pytest.mark.parametrize("text, lemma, mood", [
    ("Заполните анкету на сайте.", "заполнить", "Imp"),      # no subject: the imperative
    ("Курьерская служба опять всё напутала.", "напутать", "Ind"),
])
def test_a_verb_the_tagger_calls_an_adjective_becomes_a_verb(text, lemma, mood):
    from replylint.nlp.pipeline import get_nlp

    tok = next(t for t in get_nlp()(text) if t.lemma_ == lemma)
    assert tok.pos_ == "VERB" and tok.morph.get("Mood") == [mood]


@pytest.mark.parametrize("text, expected", [
    # a third party's failure to deliver, now that «довёз» is read as a verb
    ("Плитку нам не довёз поставщик, поэтому ремонт встал.", "не довёз поставщик"),
    # the Клиент's thing or doing as the cause of what went wrong
    ("Стол шатается из-за Вашего неровного пола.", "из-за Вашего неровного пола"),
    ("Доставка задержалась из-за Вашего отсутствия дома.", "из-за Вашего отсутствия"),
    ("Курс заморожен из-за Вашей неуплаты.", "из-за Вашей неуплаты"),
])
def test_blame_of_session_17(text, expected):
    assert spans(text, "blame-shifting") == [expected]


@pytest.mark.parametrize("text", [
    # our own deed, whatever the subject of the next clause
    "Заморозим курс, как только Вы пришлёте справку.",
    # the Клиент's request or our answer to it as the cause
    "Из-за Вашего переезда мы перенесли доставку на пятницу.",
    "Приносим извинения за задержку из-за Вашего обращения в банк.",
    # an account doubted, not a deed named (that is distrust's business)
    "Возможно, девочка что-то перепутала.",
])
def test_blame_traps_of_session_17(text):
    assert not fires(text, "blame-shifting")


def test_a_booking_moved_at_the_clients_request_needs_no_apology():
    incoming = "Хочу поменять дату доставки дивана."
    text = "Спасибо, что предупредили. Перенесли доставку дивана на субботу, водитель позвонит за час."
    assert not fires(text, "missing-apology", incoming=incoming)


# --- refusal without «не»: absence in the nominative, a verbless «никак» --------

@pytest.mark.parametrize("incoming, text, expected", [
    ("Можно оплатить частями?", "Увы, оплата частями у нас отсутствует.", "отсутствует"),
    ("А можно сегодня к вечеру?", "Сегодня никак, всё занято.", "никак"),
    ("Можно с собакой?", "Не, с собаками к нам никак.", "никак"),
])
def test_refusal_without_a_negated_verb(incoming, text, expected):
    assert spans(text, "refusal", incoming=incoming) == [expected]


@pytest.mark.parametrize("incoming, text", [
    ("Есть ли у меня долг за прошлый месяц?", "Задолженность у Вас отсутствует, всё оплачено."),
    ("Спасибо, всё получил!", "Рады помочь! Никак иначе и быть не могло."),
])
def test_absence_and_никак_that_refuse_nothing(incoming, text):
    assert not fires(text, "refusal", incoming=incoming)


def test_the_second_opinion_reads_no_sign_off_line():
    from replylint.options import Options

    text = ("Здравствуйте, Ирина!\n\nСпасибо, что написали нам. Каталога без цен у нас пока нет, но мы можем "
            "прислать Вам подборку моделей с фотографиями сегодня до 18:00.\n\nС уважением,\nслужба поддержки «Домосфера»")
    assert lint(text, options=Options(second_opinion=True)).findings == []
