"""refusal: a flat «no» without an alternative (spec/rules.md, seed 000 §3)."""

import pytest

from .conftest import fires, findings, spans

R = "refusal"


@pytest.mark.parametrize("text,expected", [
    ("Перенести запись на воскресенье не получится.", ["не получится"]),
    ("К сожалению, мы не принимаем оплату наличными.", ["не принимаем"]),
    ("Бесплатная доставка на этот товар не предусмотрена.", ["не предусмотрена"]),
    ("Продлить акцию для Вас невозможно.", ["невозможно"]),
    ("Подарочной упаковки у нас нет.", ["нет"]),
    ("Такой опции нет.", ["опции нет"]),
    ("Мы не имеем возможности выехать к Вам в воскресенье.", ["не имеем возможности"]),
    ("Увы, выслать образцы тканей мы не сможем.", ["не сможем"]),
    ("Менять дату поставки мы не будем.", ["Менять дату поставки мы не будем"]),
    ("Установка кондиционеров зимой не производится.", ["не производится"]),
    ("Товары из раздела «Уценка» обмену не подлежат.", ["не подлежат"]),
    ("Ремонт чужой техники не входит в наши обязанности.", ["не входит"]),
    ("Вынуждены отказать в компенсации.", ["отказать"]),
    ("Ваша заявка на компенсацию отклонена.", ["отклонена"]),
    ("Покупатель не может вернуть распечатанную книгу.", ["не может"]),
    ("Обменять товар без упаковки мы не вправе.", ["не вправе"]),
    ("Гарантия на механические повреждения не распространяется.", ["не распространяется"]),
    ("Продажа алкоголя по предзаказу запрещена.", ["запрещена"]),
    ("Здравствуйте!\nК сожалению, нет.\nС уважением, «Дом»", ["нет"]),
    # a rare short adjective the tagger takes for a noun
    ("Увы, выгрузка отчётов за прошлые годы невыполнима.", ["невыполнима"]),
])
def test_fires_on_the_refusing_predicate(text, expected):
    assert spans(text, R) == expected


@pytest.mark.parametrize("text", [
    # an alternative in the same sentence or in the next one
    "Перенести запись на воскресенье не получится, но мы можем записать Вас на понедельник.",
    "Наличными оплатить нельзя. Зато можно оплатить картой курьеру.",
    "Этого цвета нет в наличии, предлагаем такой же диван в графитовом.",
    "Выслать образцы мы не сможем. Вместо этого пришлём подробные фото тканей.",
    "Название поменять можно. Сам файл заменить нельзя.",
    "Сегодня привезти не сможем. Но привезём завтра в 9:00.",
    "Нет. В приложении этой функции пока нет. Рекомендуем веб-версию: там она есть.",
    "Нет. Если нужен чек, можно скачать его в личном кабинете.",
    # questions, conditions, double negation, reassurance, good news
    "Можно ли перенести запись на воскресенье?",
    "Нет ли у Вас чека?",
    "Если мастер не сможет приехать, мы сразу предупредим Вас.",
    "Не можем не отметить Вашу внимательность!",
    "Не беспокойтесь, ничего оплачивать не нужно.",
    "Нет проблем, привезём завтра!",
    "Нет, платить за доставку не нужно.",
    "Комиссии за перевод нет.",
    "Возвращать бракованный товар не нужно.",
    # past failures and third parties are not a refusal
    "Мы не смогли дозвониться до Вас вчера в 18:00.",
    "Курьер не смог найти подъезд.",
    "Банк отклонил платёж, попробуйте другую карту.",
    # the Клиент's words
    "Вы написали, что мы не принимаем карты, — принимаем, конечно.",
    "Вы спросили: «Почему нельзя вернуть товар?»",
])
def test_quiet(text):
    assert not fires(text, R)


def test_no_without_alternative_keeps_firing_when_only_a_reason_follows():
    text = "Доставить в субботу мы не можем: по выходным курьеры не работают."
    assert spans(text, R) == ["не можем"]


def test_existence_of_what_the_client_asked_for():
    # «нет» + genitive fires when it is what the Клиент asked for …
    assert spans("Сейчас пледов нет.", R, incoming="Можно заказать плед в подарок?") == ["пледов нет"]
    # … and not when the Клиент did not ask for it
    assert not fires("Сейчас пледов нет.", R, incoming="Когда придёт заказ?")


def test_explanation_in_the_draft_is_not_a_refusal():
    text = "Материалы с нарушениями не допускаются к публикации."
    assert spans(text, R) == ["не допускаются"]
    explained = "Модерация — это проверка роликов перед публикацией. " + text
    assert not fires(explained, R)


@pytest.mark.parametrize("incoming", [
    "Почему нельзя сдать обратно сапоги?",
    "Что такое модерация?",
    "Зачем вы удалили мой ролик?",
])
def test_the_clients_question_never_silences_a_refusal_in_the_draft(incoming):
    # rules are judged on the draft; the Клиент's «почему …?» explains nothing
    assert spans("Сапоги из этой коллекции обмену не подлежат.", R, incoming=incoming) == ["не подлежат"]
    assert spans("Материалы с нарушениями не допускаются к публикации.", R, incoming=incoming) == ["не допускаются"]


@pytest.mark.parametrize("text,expected", [
    # refusal verbs: indefinite-personal 3rd plural («отклонили»), short participle
    ("Заявку на перерасчёт отклонили.", ["отклонили"]),
    ("В компенсации за простой Вам отказали.", ["отказали"]),
    # exclusion as a passive state or reflexive passive, and on its own
    ("Перенос даты заезда исключён.", ["исключён"]),
    ("Обмен подарочных сертификатов исключается.", ["исключается"]),
    ("Исключено.", ["Исключено"]),
    # inability phrases with the company or nobody as the subject
    ("Выехать к Вам сегодня мы не в состоянии.", ["не в состоянии"]),
    ("Изменить маршрут экскурсии не в наших силах.", ["не в наших силах"]),
    ("Мы не уполномочены менять условия договора.", ["не уполномочены"]),
    ("Вернуть деньги наличными не выйдет.", ["не выйдет"]),
    ("Это неосуществимо.", ["неосуществимо"]),
    # a negated modal with a passive complement: the company is the implied doer
    ("Заявка на возврат не может быть принята.", ["не может"]),
    ("Ваше обращение не может рассматриваться повторно.", ["не может"]),
    # indefinite-personal 3rd plural of a service verb, non-past
    ("Такие заказы у нас не принимают.", ["не принимают"]),
    ("Скидку на уценённые товары не дают.", ["не дают"]),
    # 1st person of a policy verb
    ("Мы не допускаем оплату чужой картой.", ["не допускаем"]),
])
def test_refusal_generalises_over_forms(text, expected):
    assert spans(text, R) == expected


@pytest.mark.parametrize("text", [
    "Повторение такой ошибки исключено.",          # excluding a bad thing reassures
    "Ошибки при оплате исключены.",
    "Мы исключили Вас из рассылки, как Вы просили.",  # active past: an action done
    "Вам не отказали — заявка ещё на проверке.",     # negated refusal verb
    "Раньше такие заявки не принимали.",             # past habit
    "Курьер был не в состоянии подняться на девятый этаж.",  # a third party, past
    "Банк отклонил платёж, оплатите, пожалуйста, другой картой.",
    "Такие посылки на почте не принимают.",          # a third party's rule
    "Книга не выйдет в срок.",                       # «выйти» with a subject is no refusal
    "Курьеры по выходным не работают.",              # a subject named: a fact about couriers
    "Заявку на перерасчёт отклонили, но мы можем пересчитать вручную.",  # alternative
])
def test_refusal_near_misses_stay_quiet(text):
    assert not fires(text, R)


def test_one_finding_per_sentence_and_every_refusing_sentence():
    text = "Нет, так нельзя. Отменить заказ мы не можем."
    assert spans(text, R) == ["нельзя", "не можем"]
    assert all(f.severity.name == "ERROR" for f in findings(text, R))


# --- refusals beyond «не можем»: classes, each in several wordings -----------------

@pytest.mark.parametrize("text,expected", [
    # inability in other words
    ("Восстановить удалённые фото мы, к сожалению, не сумеем.", ["не сумеем"]),
    ("Отследить такую посылку нам не под силу.", ["не под силу"]),
    ("Здесь мы бессильны.", ["бессильны"]),
    ("Вернуть отправленный перевод уже никак.", ["никак"]),
    # the benefit asked for «will not be»
    ("Перерасчёта за прошлый месяц не будет.", ["не будет"]),
    ("Так что бонусов за этот заказ не будет.", ["не будет"]),
    ("Сертификат продлён не будет.", ["продлён не будет"]),
    ("Аренда перенесена не будет.", ["перенесена не будет"]),
    ("Ограничение снято не будет.", ["снято не будет"]),
    # a decision kept in force
    ("Штраф за просрочку остаётся в силе.", ["остаётся"]),
    ("Решение комиссии остаётся без изменений.", ["остаётся"]),
    ("Блокировка аккаунта сохраняется.", ["сохраняется"]),
    # not our business, not for you
    ("Выезд на дачные участки не входит в перечень наших услуг.", ["не входит"]),
    ("Доставка мебели на этаж в наши планы пока не входит.", ["не входит"]),
    ("Мы не занимаемся установкой сторонних программ.", ["не занимаемся"]),
    ("Эта акция недоступна для корпоративных клиентов.", ["недоступна"]),
    ("Рассрочка Вам недоступна.", ["недоступна"]),
])
def test_refusal_classes(text, expected):
    assert spans(text, R) == expected


@pytest.mark.parametrize("text", [
    "Штраф начислен не будет, не переживайте.",  # a burden that will not come is good news
    "Комиссия за перевод взята не будет.",
    "Никаких доплат не будет.",
    "Проблем с доставкой не будет.",
    "Разницы в цене не будет.",  # an absence nobody asked for
    "Если вы отключите автоплатёж, списаний не будет.",
    "Сервис временно недоступен, мы уже восстанавливаем его.",  # an outage, not a refusal
    "Это никак не связано с Вашим тарифом.",
    "Настройки не сохраняются после обновления?",
    "Штраф будет отменён в течение дня.",
    "Решение остаётся за Вами.",
    "Эта акция недоступна для корпоративных клиентов, но для них действует своя скидка 10%.",
    "Перерасчёта не будет, зато мы начислим 500 бонусов на Ваш счёт.",
    "Помочь тут мы бессильны, однако можем подсказать мастерскую рядом с Вами.",
    "У нас нет оснований ему не верить, поэтому пришлём запись разговора.",
])
def test_refusal_classes_quiet(text):
    assert not fires(text, R)


def test_not_included_in_the_price_is_information():
    assert not fires("Доставка не входит в стоимость нашего тура.", R)


def test_vryad_li_is_doubt_not_a_question():
    text = "Вряд ли при возврате произошла ошибка: стоимость доставки не возвращается."
    assert spans(text, R) == ["не возвращается"]


@pytest.mark.parametrize("text,expected", [
    ("Нет, при досрочном снятии проценты не сохраняются.", ["не сохраняются"]),
    ("Нет, баллы за отменённые заказы не начисляются.", ["не начисляются"]),
])
def test_a_no_answer_with_a_service_withheld(text, expected):
    assert spans(text, R) == expected


def test_withheld_service_asked_about_is_quiet():
    assert not fires("Баллы за отменённые заказы не начисляются?", R)


@pytest.mark.parametrize("text,expected", [
    # a way in kept shut
    ("Вход в бассейн с детьми до трёх лет закрыт.", ["закрыт"]),
    ("Запись к ортодонту на декабрь уже закрыта.", ["закрыта"]),
    # the company's own rules refuse
    ("Внутренний регламент запрещает выдавать наличные по доверенности.", ["запрещает"]),
    ("Условия тарифа не позволяют перенести неиспользованные гигабайты.", ["не позволяют"]),
    # the company's own means cannot
    ("Наша печь такие объёмы не потянет.", ["не потянет"]),
    ("Программа лояльности не поддерживает перевод баллов другому человеку.", ["не поддерживает"]),
    ("Наша касса не поддерживает оплату валютой.", ["не поддерживает"]),
])
def test_refusals_by_rule_access_and_means(text, expected):
    assert spans(text, R) == (expected or [])


@pytest.mark.parametrize("text", [
    "Магазин был закрыт на инвентаризацию, сегодня работаем как обычно.",  # past, a fact
    "Ваш браузер не поддерживает видеозвонки, откройте ссылку в Chrome.",   # the Клиент's means
    "Правила не запрещают проходить с колясками, приходите!",               # nothing forbidden
    "Закон не позволяет нам отказать Вам в возврате.",                      # good news, double negation
])
def test_rules_access_and_means_quiet(text):
    assert not fires(text, R)


def test_absence_of_the_kind_of_thing_asked_for():
    asked = "Можно записаться на пробный урок бесплатно?"
    assert spans("Бесплатных пробных занятий нет.", R, incoming=asked) == ["занятий нет"]
    assert not fires("Бесплатных пробных занятий нет.", R, incoming="Когда начнётся курс?")


def test_absence_of_the_action_asked_for_named_by_its_noun():
    asked = "Хочу заморозить карту на время отпуска."
    assert spans("Заморозка для дебетовых карт отсутствует.", R, incoming=asked) == ["отсутствует"]


def test_an_offer_asked_as_a_choice_is_an_alternative():
    text = "Курьерскую доставку в Ваш посёлок мы не осуществляем. Можем отправить Почтой или придержать заказ в пункте выдачи — как Вам удобнее?"
    assert not fires(text, R)


def test_rewrite_names_what_was_refused_not_the_rule_or_the_means():
    f = findings("Программа лояльности не поддерживает перевод баллов другому человеку.", R)[0]
    assert f.suggestion == "Вместо перевода баллов можем предложить [альтернатива]."


def test_excluding_a_loss_is_reassurance():
    assert not fires("Потеря данных при переносе исключена: копия хранится на двух серверах.", R)


@pytest.mark.parametrize("text,incoming,expected", [
    # unavailable: the thing asked for, or «не доступен» written apart
    ("Рассрочка для этого товара недоступна.", "Можно купить этот телевизор в рассрочку?", ["недоступна"]),
    ("Бесплатная отмена по этому тарифу Вам не доступна.", None, ["не доступна"]),
    # closed for an action
    ("Этот курс закрыт для записи.", None, ["закрыт"]),
    # a rule that needs a deposit is a refusal; doing without a document asked for, too
    ("Без предоплаты такие заказы не принимаются.", None, ["не принимаются"]),
    ("Без паспорта посылку не выдадут ни в одном отделении.", "Можно получить посылку без паспорта?", ["не выдадут"]),
])
def test_refusal_classes_more(text, incoming, expected):
    assert spans(text, R, incoming=incoming) == expected


@pytest.mark.parametrize("text,incoming", [
    # a demand for proof is distrust's business, not a flat no
    ("Без фотографий повреждений претензии не рассматриваются.", "Мне привезли разбитую вазу!"),
    # judging, not refusing
    ("Оснований сомневаться в показаниях счётчика у нас нет.", "Мне насчитали лишнее за воду!"),
    # exclusion of a bad event
    ("Подмена товара при доставке исключена.", None),
    # the next sentence: a dated plan of the company
    ("Сейчас продлить пробный период не получится. Мы сами напомним Вам о скидке 1 декабря и пришлём промокод.", None),
    # after «но»: what the Клиент gets
    ("Места у прохода не бронируются, но кресло у окна уже закреплено за Вами.", None),
    # possible by a predicative «возможно»
    ("Закрытые вебинары не доступны в общем каталоге. Посмотреть их возможно по ссылке из письма.", "Где найти вебинар?"),
    # a how-to in the inclusive «we»
    ("Открываем настройки. Выбираем вкладку «Звук». Громкость не меняем. Нажимаем «Сохранить».", None),
])
def test_refusal_classes_more_quiet(text, incoming):
    assert not fires(text, R, incoming=incoming)


def test_advice_for_next_time_is_no_alternative():
    text = "Восстановить удалённые письма мы не в силах. Рекомендуем в дальнейшем включить резервное копирование."
    assert spans(text, R) == ["не в силах"]
    assert not fires("Восстановить удалённые письма мы не в силах. Рекомендуем обратиться к нашему инженеру — он посмотрит архив.", R)


# --- not our line, rules in OVS order, and what is not a refusal (own sentences) ---

@pytest.mark.parametrize("text,incoming,expected", [
    # a negated 1st-person present verb whose object is what the Клиент asked for
    ("Пироги мы не печём.", "Можно заказать у вас пироги на юбилей?", ["не печём"]),
    ("Кофемашины мы не ремонтируем.", "Можете починить мне кофемашину?", ["не ремонтируем"]),
    # the company's line of work
    ("Ремонт телефонов — не наш профиль.", None, ["профиль"]),
    ("Это не наша специализация.", None, ["специализация"]),
    # the rule found though the parser took it for an object; «без вариантов» offers nothing
    ("Возврат билетов закон запрещает, тут без вариантов.", None, ["запрещает"]),
    ("Перевозку животных правила компании запрещают.", None, ["запрещают"]),
    # «не меняются» of goods the Клиент would exchange still refuses
    ("Товары со скидкой не меняются.", None, ["не меняются"]),
    ("Мы не можем ответить на этот вопрос.", None, ["не можем"]),
])
def test_refusal_line_of_work(text, incoming, expected):
    assert spans(text, R, incoming=incoming) == expected


@pytest.mark.parametrize("text,incoming", [
    # disclaiming control is blame-shifting's business
    ("Повлиять на сроки банка мы, к сожалению, не можем.", None),
    ("Мы никак не можем контролировать работу почты.", None),
    # conditional on proof: distrust's business
    ("Пришлите чек и фото этикетки — без этого обмен не оформляем.", None),
    ("Мы не можем принять заявку без подписанного акта.", None),
    ("Скидка предоставляется только при наличии студенческого билета; копии не принимаются.", None),
    # an indirect question about a third party's decision
    ("Уточните у оператора, почему перевод отклонён.", None),
    # the Клиент's own things stay as they are
    ("С марта цена вырастет, но Ваш тариф и скидка не меняются.", None),
    ("Ваш пароль и настройки профиля при переезде не меняются.", None),
    # an alternative after the refusal
    ("Мы не чиним технику других брендов, но можем продать новую со скидкой.", "Можете починить мне кофемашину?"),
])
def test_refusal_line_of_work_quiet(text, incoming):
    assert not fires(text, R, incoming=incoming)
