"""Session 18: a refusal said as a plain negative answer to a request.

The Клиент asks whether something can be done («Можно …?», «Сможете …?»,
«Есть ли у вас …?», «Хочу …»); the draft's answer — the main predicate of the
first sentence after greetings and thanks — is negated, and nothing in the
draft offers a way forward. Any verb can say it, so the class is read off the
dialogue and the parse, not off a word list.

Every sentence here is our own; none is taken from a corpus."""

import pytest

from .conftest import fires, spans

RULE = "refusal"


@pytest.mark.parametrize("incoming, text, expected", [
    ("Сможете доставить в Казань?", "Здравствуйте! В Казань мы не возим.", "не возим"),
    ("Можно оплатить наличными?", "Спасибо за вопрос. Наличные курьеры не берут.", "не берут"),
    ("Хочу заказать торт на 30 человек.", "Такие большие торты кондитерская не делает.", "не делает"),
    ("Можно прийти на экскурсию с собакой?", "Добрый день! Понимаем Вас. С животными в музей не пускаем.",
     "не пускаем"),
    ("Можно привезти диван в воскресенье?", "Грузчики по воскресеньям не работают.", "не работают"),
    ("Есть ли у вас крем для сухой кожи?", "Спасибо, что написали. Такого крема сейчас нет.", "нет"),
    ("Можно перенести стрижку на вечер?", "Нет, на вечер всё расписано.", "Нет"),
    ("Можно поменять рейс на пятницу?", "Увы. Рейс после регистрации уже не поменять.", "не поменять"),
    ("Прошу пересчитать счёт за воду.", "Оснований для перерасчёта не имеется.", "не имеется"),
    # a yes/no question to the company in the 2nd person
    ("Привезёте диван в субботу?", "Нет, в субботу уже не успеем.", "Нет"),
    ("А вы шубы чистите?", "Меховые изделия мы не принимаем. Если что — пишите!", "не принимаем"),
    # the apology heads the answer
    ("Можете перешить куртку, купленную не у вас?", "Простите, но чужие вещи мы не перешиваем.", "не перешиваем"),
    # a service switched off
    ("А можно оплатить бонусами?", "Оплату бонусами временно отключили. Рассчитываем на понимание.", "отключили"),
])
def test_a_negative_answer_to_a_request_refuses(incoming, text, expected):
    assert expected in spans(text, RULE, incoming=incoming)


@pytest.mark.parametrize("incoming, text", [
    # good news said with a negation
    ("Можно оплатить картой?", "Комиссия за оплату картой не взимается."),
    ("Можно отменить бронь?", "Штраф за отмену не берём, бронь отменили."),
    ("Хочу загрузить видео, обязательно ли ставить хэштег?", "Нет, хэштег для этого не обязателен."),
    # a prediction, not a policy
    ("Можете привезти завтра?", "Курьер не опоздает: доставим завтра до 12:00."),
    # the company acts or tells how to get it
    ("Можно я приеду позже?", "Мастер никуда не уйдёт, ждём Вас до 20:00."),
    ("Можно поменять тариф?", "Это не займёт много времени: откройте раздел «Тариф» и выберите новый."),
    # an alternative follows
    ("Сможете доставить в Казань?", "В Казань мы не возим, но отправим заказ транспортной компанией за наш счёт."),
    # the answer is yes
    ("Можно записаться на субботу?", "Да, конечно. Очереди по субботам не бывает, ждём Вас."),
    # a question for information, not a request
    ("Можно узнать, где мой заказ?", "Заказ ещё не передан курьеру."),
    ("Можно отключить уведомления?", "Отключили! Спасибо, что написали."),
    ("Вы работаете в воскресенье?", "Работаем с 10 до 18, ждём Вас!"),
    ("Привезёте сегодня?", "Да, привезём до 20:00."),
    # no request at all
    ("Спасибо, всё понравилось!", "Рады, что Вам понравилось. Мы не забудем Ваш отзыв."),
    (None, "Грузчики по воскресеньям не работают."),
])
def test_a_negation_that_refuses_nothing_stays_quiet(incoming, text):
    assert not fires(text, RULE, incoming=incoming)


def test_the_rewrite_names_what_was_refused_never_who_refused():
    from .conftest import findings

    cake = findings("Такие большие торты кондитерская не делает.", RULE, incoming="Хочу заказать торт на 30 человек.")
    assert "Вместо таких больших тортов можем предложить" in cake[0].suggestion
    movers = findings("Грузчики по воскресеньям не работают.", RULE, incoming="Можно привезти диван в воскресенье?")
    assert "Вместо этого можем предложить" in movers[0].suggestion
    assert "грузчик" not in movers[0].suggestion


@pytest.mark.parametrize("text, expected", [
    ("Возвращать деньги за фильм мы не обязаны.", "не обязаны"),
    ("Наш салон не обязан перешивать платье.", "не обязан"),
    ("Клиника отказывается выдавать копии снимков.", "отказывается"),
    ("Отказ в выдаче кредитной карты. Северный банк", "Отказ"),
])
def test_owing_nothing_and_refusing_outright(text, expected):
    assert expected in spans(text, RULE)


@pytest.mark.parametrize("text", [
    "Вы не обязаны сохранять коробку.",
    "Мы не были обязаны предупреждать, но предупредили.",
    "Вы можете отказаться от услуги в любой момент.",
    "Ваш отказ от подписки оформлен.",
])
def test_a_relief_or_the_clients_choice_is_no_refusal(text):
    assert not fires(text, RULE)


RARITY = "rarity-excuse"


@pytest.mark.parametrize("text, expected", [
    # the habitual norm said as «all goes well»
    ("Обычно туры проходят без накладок.", "Обычно туры проходят без накладок"),
    ("Обычно пациенты довольны нашими пломбами годами.", "Обычно пациенты довольны"),
    ("Это случайность, обычно все посылки доходят целыми.", "обычно все посылки доходят целыми"),
    # a big volume against the Клиент's case
    ("Мы продали сотни таких гитар, и ни одна не треснула.", "сотни таких гитар, и ни одна не треснула"),
    ("Наши мастера делают сотни таких чисток в месяц, и жалоб нет.", "сотни таких чисток в месяц, и жалоб нет"),
    ("Тысячи клиентов пользуются нашим интернетом без перебоев.", "Тысячи клиентов пользуются нашим интернетом без перебоев"),
    # the others are fine
    ("У остальных покупателей с этой партией всё в порядке.", "У остальных покупателей с этой партией всё в порядке"),
    # nearly never, a rating, the few, «in exceptional cases» of an event
    ("Наши гитары почти никогда не возвращают.", "почти никогда не возвращают"),
    ("Наш рейтинг — 4,9 из 5 на основе 3000 отзывов.", "рейтинг — 4,9"),
    ("Перебои бывают лишь у единичных абонентов.", "единичных абонентов"),
    ("Подобное происходит только в исключительных случаях.", "исключительных случаях"),
])
def test_rarity_said_by_volume_norm_others_and_ratings(text, expected):
    assert expected in spans(text, RARITY)


@pytest.mark.parametrize("text", [
    "Обычно доставка занимает два дня.",
    "Обычно мастер приезжает в течение часа.",
    "Мы отправили сотни писем клиентам о переносе, но Ваше, похоже, не дошло.",
    "Тысячи клиентов уже перешли на новый тариф, переведём и Вас без доплаты.",
    "Другие размеры есть в наличии, подберём без проблем.",
    "Остальные вещи из заказа мы доставим завтра без доплаты.",
    "Оставьте оценку от 1 до 5 — это поможет нам.",
    "Ваша оценка 5 — спасибо!",
    "Мы почти никогда не работаем по воскресеньям, но для Вас откроем салон.",
    "Единичные экземпляры этой гитары ещё есть на складе.",
    "В исключительных случаях мы продлеваем гарантию.",
    "В 2024 году мы открыли 150 пунктов выдачи без выходных.",
])
def test_habits_volumes_and_ratings_that_play_nothing_down(text):
    assert not fires(text, RARITY)


@pytest.mark.parametrize("text, expected", [
    # an intensifier hung on «редко» no longer hides the verb and its subject
    ("Претензии к упаковке приходят к нам исключительно редко.", "исключительно редко"),
    # the Клиент's case referred back with «такой / подобный» + any noun
    ("Такой скрип встречается очень редко.", "очень редко"),
    ("Поломки подобного рода у нас возникают крайне редко.", "крайне редко"),
    ("Такие ожидания для нашей клиники редкость.", "редкость"),
    # idioms and predicates of the exceptional
    ("Подобные задержки, к счастью, носят эпизодический характер.", "носят эпизодический характер"),
    ("Двойное бронирование — ситуация для нашего отеля исключительная.", "ситуация для нашего отеля исключительная"),
    ("Опоздания наших водителей наперечёт.", "наперечёт"),
    ("Брак по этой серии составляет меньше десятой процента.", "меньше десятой процента"),
    # verbless first time over a period
    ("За три сезона первый раз у нас такое.", "За три сезона первый раз у нас такое"),
])
def test_rarity_by_parse_not_by_phrase(text, expected):
    assert expected in spans(text, RARITY)


@pytest.mark.parametrize("text", [
    "Такие модели встречаются редко, поэтому везём их под заказ.",
    "Комиссия составляет менее половины процента.",
    "Товаров на складе наперечёт, успейте заказать.",
    "За год первый раз заказываете у нас — спасибо!",
    "Это случай особый, и мы его рассмотрим.",
])
def test_rare_goods_small_fees_and_first_orders_stay_quiet(text):
    assert not fires(text, RARITY)


BLAME = "blame-shifting"


@pytest.mark.parametrize("incoming, text, expected", [
    # «т. к.» no longer ends a sentence, so the cause clause stays whole
    (None, "Простите: концерт отменён, т. к. организатор не прислал артистов.", "организатор не прислал"),
    # a service of another trade is a third party
    (None, "Причиной сбоя стала ошибка таможенной службы.", "ошибка таможенной службы"),
    # a deed of fault on the Клиент's side
    (None, "Таким образом, просрочка оплаты допущена с Вашей стороны.", "допущена с Вашей стороны"),
    (None, "С Вашей стороны был нарушен срок подачи заявления.", "С Вашей стороны был нарушен"),
    # a counterfactual without «если»
    ("Кольцо потерялось при чистке!", "Сняли бы кольцо перед чисткой — ничего бы не пропало.", "Сняли бы"),
    # a cause attributed by «связан с / вызван»
    ("Шампунь вызвал зуд!", "Зуд, скорее всего, связан с особенностями Вашей кожи головы.", "связан с особенностями Вашей кожи"),
    (None, "Отключение вызвано действиями подрядчика.", "вызвано действиями подрядчика"),
    # the Клиент's omission as a reproach
    ("Почему нет пропуска?", "Пропуск выдаём после оплаты, а Вы её так и не внесли.", "Вы её так и не внесли"),
])
def test_blame_session18_classes(incoming, text, expected):
    assert any(expected in s for s in spans(text, BLAME, incoming=incoming))


@pytest.mark.parametrize("incoming, text", [
    (None, "Это ошибка нашей клиентской службы, простите."),
    (None, "С Вашей стороны ничего не нарушено."),
    ("Спасибо за помощь!", "Помогли бы нам раньше, мы бы не справились так быстро."),
    ("Где заказ?", "Хотели бы Вы получить заказ завтра?"),
    (None, "Звонок связан с Вашей заявкой на ремонт."),
    ("Где заказ?", "Вы так и не получили заказ?"),
    (None, "Жаль, что Вы так и не смогли прийти, ждём в другой раз."),
    # a fault the company apologises for
    ("Мне поставили доставку на пятницу!", "Просим извинить нас за путаницу с датой доставки."),
])
def test_blame_session18_quiet(incoming, text):
    assert not fires(text, BLAME, incoming=incoming)


def test_an_abbreviation_full_stop_ends_no_sentence():
    from replylint.nlp.pipeline import get_nlp

    doc = get_nlp()("Заказ отменён, т. к. склад закрыт. Заберите его на ул. Ленина, д. 5. Спасибо!")
    assert [s.text.strip() for s in doc.sents] == [
        "Заказ отменён, т. к. склад закрыт.", "Заберите его на ул. Ленина, д. 5.", "Спасибо!"]


@pytest.mark.parametrize("text", [
    "Заказ застрял на таможне, будет в пятницу.",
    "Выдача ключей сдвинулась, курьер приедет в 15:00.",
    "Сбой оплаты вызван ошибкой банка-эквайера, уже исправляем.",
])
def test_a_problem_the_draft_admits_needs_an_apology(text):
    assert fires(text, "missing-apology", channel="sms")


@pytest.mark.parametrize("incoming, text", [
    ("Где заказ?", "Заказ сдвинулся на завтра по Вашей просьбе."),
    (None, "Если заказ застрял, напишите нам."),
])
def test_what_was_asked_for_or_only_supposed_needs_none(incoming, text):
    assert not fires(text, "missing-apology", incoming=incoming)


def test_an_appointment_is_no_proof():
    assert not fires("Примерка без предварительной записи салоном не проводится.", "distrust")
    assert fires("Без записи с камер претензию не примем.", "distrust")


@pytest.mark.parametrize("incoming, text, expected", [
    # a sender's name before a colon is a header, not the subject
    (None, "Аптека Здоровье: лекарство выдать не можем — рецепт просрочен.", "не можем"),
    # a «что»-clause the parser hung on a noun as a participle
    (None, "Доводим до Вашего сведения, что в компенсации Вам отказано.", "отказано"),
    # two subjects hung on one verb: the company is one of them
    (None, "Консультации по настройке техники магазин не оказывает.", "не оказывает"),
    # «мы не будем + infinitive» after sympathy, in the answer to a request
    ("Можно перенести стрижку на час позже?",
     "Понимаем, что планы меняются, но поскольку запись уже составлена, переносить время мы не будем.",
     "переносить время мы не будем"),
])
def test_refusal_by_repaired_parse(incoming, text, expected):
    assert expected in spans(text, RULE, incoming=incoming)


@pytest.mark.parametrize("incoming, text", [
    (None, "Магазин Уют: заказ готов, ждём Вас до 20:00."),
    (None, "Сообщаем, что заявка одобрена."),
    ("Можно оплатить картой?", "Да. Мы не будем брать комиссию."),
    ("Хочу отменить подписку", "Понимаем. Списывать деньги мы больше не будем, подписка отменена."),
])
def test_repaired_parse_refuses_nothing_here(incoming, text):
    assert not fires(text, RULE, incoming=incoming)


def test_bytes_after_a_utf16_mark_that_read_as_no_draft_are_refused(tmp_path):
    from click.testing import CliRunner

    from replylint.cli import main

    junk = bytearray(b"\xff\xfe")
    for k in range(200):  # valid UTF-16 code units, all CJK ideographs
        junk += (0x4E00 + (k * 97) % 0x5000).to_bytes(2, "little")
    (tmp_path / "junk.txt").write_bytes(bytes(junk))
    (tmp_path / "draft.txt").write_bytes("Здравствуйте! Мы не можем вернуть деньги.".encode("utf-16"))
    runner = CliRunner()
    bad = runner.invoke(main, ["check", str(tmp_path / "junk.txt")])
    assert bad.exit_code == 2 and "двоичный файл" in bad.output and "Traceback" not in bad.output
    good = runner.invoke(main, ["check", str(tmp_path / "draft.txt")])
    assert good.exit_code == 1 and "refusal" in good.output


@pytest.mark.parametrize("incoming, text, expected", [
    ("Прошу пересчитать плату за вывоз мусора.", "Перерасчёт делать не будем, контейнер вывозили по графику.",
     "делать не будем"),
    ("Можно забронировать корт на субботу?", "Суббота вся расписана.", "расписана"),
])
def test_refused_by_aux_negation_or_a_full_schedule(incoming, text, expected):
    assert expected in spans(text, RULE, incoming=incoming)


@pytest.mark.parametrize("incoming, text", [
    ("Можно забронировать корт на субботу?", "Суббота вся расписана, ближайшее окно — воскресенье, 12:00."),
    ("Можно записаться на съёмку на выходные?", "Все фотографы на выходные заняты, ближайшая дата — 18 июля, 11:00."),
    ("Можно забронировать столик?", "Забронировали на 19:00, ждём Вас!"),
    (None, "Не можем не поблагодарить Вас!"),
])
def test_another_slot_named_after_the_no_mitigates_it(incoming, text):
    assert not fires(text, RULE, incoming=incoming)


@pytest.mark.parametrize("incoming, text, expected", [
    ("Отопления нет третий день!", "Котельная не наша, вопросы к теплосетям.", "вопросы к теплосетям"),
    ("Такси опоздало на полчаса!", "Водитель попал в пробку, тут уж ничего не поделаешь.", "ничего не поделаешь"),
    ("Курьер опоздал!", "Пробки, что поделать.", "что поделать"),
])
def test_blame_redirected_or_shrugged_off(incoming, text, expected):
    assert expected in spans(text, BLAME, incoming=incoming)


@pytest.mark.parametrize("incoming, text", [
    ("Могу ли я загружать чужие видео?", "Подробнее о требованиях к загружаемым роликам можно почитать в соглашении."),
    (None, "Что поделать, если заказ не пришёл? Напишите нам — разберёмся."),
    ("Заказ не пришёл!", "Простите, сейчас разберёмся — ничего делать не нужно."),
])
def test_requirements_and_questions_are_no_shrug(incoming, text):
    assert not fires(text, BLAME, incoming=incoming)
