"""missing-apology: a complaint and no apology (seeds 000 §6, 003)."""

import pytest

from .conftest import fires, findings, spans

R = "missing-apology"
COMPLAINT = "Стол приехал со сколом на столешнице!"
REPLY = "Здравствуйте, Ольга!\n\nНовый стол привезём в субботу с 10:00 до 14:00.\n\nСпасибо, что написали."


def test_complaint_in_the_incoming_message_is_reported_at_the_first_sentence_after_the_greeting():
    assert spans(REPLY, R, incoming=COMPLAINT) == ["Новый стол привезём в субботу с 10:00 до 14:00."]
    f = findings(REPLY, R, incoming=COMPLAINT)[0]
    assert "скол" in f.message and f.severity.name == "ERROR"


@pytest.mark.parametrize("incoming", [
    "Курьер так и не приехал, а я ждала весь день!",
    "Мне привезли стулья не того цвета.",
    "Вместо кресла прислали пуфик.",
    "Заказ пришёл без ножек для стола.",
    "Жду возврат денег уже третью неделю!",
    "Пылесос перестал включаться через месяц.",
    "С карты дважды списали деньги!",
    "В чеке неверная сумма.",
    "Мастер обещал приехать в 10, а приехал в 13.",
    "Доставили в 22:00, хотя я заказывала на утро.",
    "Не могу дозвониться до поддержки второй день.",
])
def test_complaints_need_an_apology(incoming):
    assert fires(REPLY, R, incoming=incoming)


@pytest.mark.parametrize("incoming", [
    "Когда привезут стол?",
    "Где мой заказ? Отправили его пять дней назад.",
    "Можно вернуть стол, если не подойдёт по размеру?",
    "Хочу сказать спасибо курьеру — помог занести стол!",
    "Не знаю, какой стол выбрать для кухни.",
    "Заказываю у вас уже третий раз, есть скидки?",
    "Я забыла указать номер квартиры, можно добавить?",
])
def test_questions_requests_and_compliments_need_none(incoming):
    assert not fires(REPLY, R, incoming=incoming)


@pytest.mark.parametrize("apology", [
    "Извините, пожалуйста, за скол.",
    "Простите нас за испорченную покупку.",
    "Приносим извинения за скол.",
    "Прошу прощения за скол.",
    "Нам очень жаль, что так вышло.",
    "Мы виноваты — плохо упаковали стол.",
    "Извиняемся за скол.",
])
def test_any_apology_keeps_it_quiet(apology):
    assert not fires(f"{apology} Новый стол привезём в субботу.", R, incoming=COMPLAINT)


def test_greeting_with_the_name_first_is_skipped_too():
    text = "Ольга, добрый день!\nНовый стол привезём в субботу."
    assert spans(text, R, incoming=COMPLAINT) == ["Новый стол привезём в субботу."]


def test_regret_alone_is_not_an_apology():
    assert fires("К сожалению, стол повреждён. Новый привезём в субботу.", R)


def test_problem_acknowledged_in_the_draft_is_reported_at_the_problem_word():
    assert spans("Отправление задерживается на сортировке, новая дата — 12 марта.", R) == ["задерживается"]
    assert spans("Мы проверили: заказ не доставлен из-за сбоя. Привезём завтра.", R) == ["не доставлен"]
    assert spans("Благодарим за фото. Повреждение упаковки зафиксировали.", R) == ["Повреждение"]


@pytest.mark.parametrize("text", [
    "Отправим заказ без задержек, завтра до 12:00.",
    "Чтобы избежать неудобств, курьер позвонит за час.",
    "Если обнаружите брак, напишите нам — заменим за наш счёт.",
    "Задержка потока — 2 секунды, буфер — 4 секунды.",
    "Клиент спросил: «Почему задержка?»",
])
def test_problem_words_that_acknowledge_nothing(text):
    assert not fires(text, R)


def test_the_clients_apology_does_not_count_for_the_company():
    text = "Не извиняйтесь! Новый стол привезём в субботу."
    assert fires(text, R, incoming=COMPLAINT)


@pytest.mark.parametrize("text,expected", [
    # «ошибка» told as something that happened, with any verb of occurring or committing
    ("В накладной обнаружилась ошибка: указан старый адрес. Новую накладную пришлём сегодня.", ["ошибка"]),
    ("При сборке закралась ошибка, недостающий чехол привезём завтра.", ["ошибка"]),
    ("Мы допустили ошибку при сборке, недостающее привезём завтра.", ["ошибку"]),
    # the company's own mistake as a verb
    ("Мы ошиблись при расчёте скидки, разницу вернём на карту.", ["ошиблись"]),
    ("Мы напутали с размерами, замену привезём в четверг.", ["напутали"]),
    # a bad state by derivation: «брак» → «бракованный», damage participles
    ("Бракованную кофемашину заберём при доставке новой.", ["Бракованную"]),
    ("Экран поцарапан при перевозке, новый привезём в пятницу.", ["поцарапан"]),
])
def test_problem_in_the_draft_generalises(text, expected):
    assert spans(text, R) == expected


@pytest.mark.parametrize("text", [
    "Если произошла ошибка, напишите нам.",
    "Ошибки в заказе исключены: мы проверяем каждую коробку.",
    "Мы не ошиблись: заказ собран верно, вот фото.",
    "Без кодека H.264 запись будет повреждена при загрузке.",   # a consequence foretold
    "Простите, мы напутали с размерами. Замену привезём в четверг.",
])
def test_problem_words_in_the_draft_that_need_no_apology(text):
    assert not fires(text, R)


@pytest.mark.parametrize("incoming", [
    "Экран поцарапан, коробка помята.",        # damaged-state participles
    "Ножка у стула отломилась.",                 # a damage verb the tagger loses
    "Мне прислали бракованный чайник?!",         # derived adjective, delivered
    "Верните деньги!",                            # a demand
    "Требую возврата денег.",
    "Мне не понравилось обслуживание в салоне.",  # negated approval
    "Очень плохой сервис.",                       # negative evaluation
    "Разочарована вашим магазином.",
])
def test_complaints_known_by_their_vocabulary(incoming):
    assert fires(REPLY, R, incoming=incoming)


@pytest.mark.parametrize("incoming", [
    "Повреждённые товары вы меняете?",           # a kind of goods asked about
    "Хочу вернуть платье, передумала.",          # a calm request, no fault
    "Прошу вернуть деньги за курс.",
    "Я залил ноутбук водой, можно починить?",     # the Клиент's own doing
    "Мне очень понравилось, спасибо!",
])
def test_requests_and_own_mishaps_are_not_complaints(incoming):
    assert not fires(REPLY, R, incoming=incoming)


@pytest.mark.parametrize("text,incoming", [
    # the tagger takes «простите» after «Спасибо … и» for a noun
    ("Спасибо за сообщение и простите за неудобства. Сервис работал штатно.", "Сервис лежал всё утро!"),
    ("Спасибо за вопрос и простите за беспокойство. Перевод на проверке до 18:00.", "Почему заблокировали перевод?!"),
    # a poor form of apology is still an apology (apology-form says how to word it)
    ("Извиняемся, ошибка на нашей стороне. Деньги вернули сегодня в 11:15.", "Почему списали плату дважды?!"),
])
def test_apology_known_by_its_form_whatever_the_tag(text, incoming):
    assert not fires(text, "missing-apology", incoming=incoming)


def test_telling_the_client_not_to_apologise_is_no_apology():
    assert fires("Не извиняйтесь, всё в порядке. Заказ задержан на складе.", "missing-apology",
                 incoming="Где заказ? Уже неделю жду!")


# --- complaints without the obvious words (constructions, not corpus sentences) --

@pytest.mark.parametrize("incoming", [
    # a reproach put as a question
    "Почему у вас вечером такой медленный интернет? Плачу за 300 мегабит",
    "Почему так долго грузится личный кабинет?",
    "За что с меня списали 300 рублей?",
    "Почему опять задержка с доставкой?",
    # a symptom of a defect appeared
    "Купил телевизор, через неделю на экране появилась полоса",
    "У холодильника появился странный гул.",
    "После стирки на куртке образовались разводы.",
    # what is owed was not handed over
    "Курьер не отдал сдачу 500 рублей",
    "Мне так и не выплатили компенсацию.",
    "Продавец не дал чек.",
    # charged although the Клиент cancelled
    "Подписка списалась, хотя я отменял её в прошлом месяце",
    "Деньги сняли, а я отключал автоплатёж.",
    "Пришёл счёт, хотя я отказалась от услуги ещё в мае.",
    # punished, and innocent
    "За что меня забанили?? Я ничего не нарушал!",
    "Меня оштрафовали ни за что.",
    "Я эту подписку не подключал.",
    # delivered to the wrong place
    "Доставили не в тот подъезд, курьер ушёл",
    "Курьер привёз заказ не на тот адрес.",
    "Посылку отправили не туда.",
    # no keyword at all: again and again, how long still, sarcasm
    "Третий раз пишу по одному и тому же вопросу.",
    "Сколько можно ждать ответа?",
    "Спасибо за «быструю» доставку, всего две недели.",
    "Ну и «вежливый» у вас курьер.",
])
def test_complaints_in_other_words(incoming):
    assert fires(REPLY, R, incoming=incoming)


@pytest.mark.parametrize("incoming", [
    # a problem asked about in advance
    "Будут ли задержки с доставкой в майские праздники?",
    "Бывают ли у вас задержки с доставкой зимой?",
    "Могут ли быть задержки с зачислением в выходные?",
    "Если я нарушу правила, меня заблокируют?",
    "Могут ли забанить за репост?",
    # a plain question about a kind of thing
    "Какой тариф самый быстрый?",
    "Почему тариф называется «Быстрый»?",
    "Выбрала тариф «Быстрый», когда привезут?",
    # something appeared that is no defect
    "У меня появился вопрос по тарифу.",
    "На экране появилась надпись «Готово», что дальше?",
    # handing over asked about, not missed
    "Не отдавайте заказ соседям, пожалуйста.",
    "Если курьер не передаст заказ до 18:00, я заберу сам.",
    "Можно я не буду отдавать коробку курьеру?",
    # a cancellation without a charge set against it
    "Я отменял подписку, как теперь вернуть доступ к фильмам?",
    "Если я отключу автоплатёж, деньги не спишутся?",
    "Я ещё не заказывал, хочу уточнить цену.",
    "Как забанить спамера в чате?",
    # the right place asked about; an idiom
    "Подскажите, в тот ли подъезд заходить курьеру?",
    "Если я укажу не тот адрес, можно будет исправить?",
    "Не в том дело, просто хочу уточнить время.",
    # again, but happy; «сколько можно» of a rule
    "Второй раз заказываю у вас, всё отлично!",
    "Сколько можно хранить посылку в пункте выдачи?",
    # a worry about what has not happened
    "Боюсь, что при смене тарифа пропадут мои контакты.",
    "Опасаюсь, что посылка потеряется в праздники.",
])
def test_no_complaint_in_other_words(incoming):
    assert not fires(REPLY, R, incoming=incoming)


@pytest.mark.parametrize("text,expected", [
    ("Курьер приехал позже обещанного, деньги за доставку вернём.", ["позже"]),
    ("Доставку привезли позднее согласованного срока, но всё целое.", ["позднее"]),
    ("Мы не уложились в обещанный срок, заказ приедет завтра.", ["не уложились"]),
    ("Вам привезли не тот диван, завтра заменим.", ["не тот диван"]),
    ("Мы доставили заказ не по тому адресу, курьер уже едет к Вам.", ["не по тому адресу"]),
])
def test_draft_admits_the_problem_in_other_words(text, expected):
    assert spans(text, R) == expected


@pytest.mark.parametrize("text", [
    "Привезём заказ не позже 18:00.",
    "Если курьер приедет позже назначенного, доставка бесплатно.",
    "Если пришёл не тот размер, обменяем бесплатно.",
    "Не в том дело: заказ приедет завтра.",
    "Простите, что курьер приехал позже обещанного, деньги за доставку вернём.",
])
def test_draft_in_other_words_quiet(text):
    assert spans(text, R) == []


@pytest.mark.parametrize("incoming", [
    # a duty unmet
    "Заказ должен был прийти вчера, а его всё нет.",
    "Курьер должен был позвонить за час до приезда.",
    "Мастер должен был приехать в 10:00.",
    # a foreign body found
    "В салате попалась косточка.",
    "Нашла в супе волос.",
    "В хлебе оказалась проволока.",
    # malfunction in the present
    "Наушники шипят и отключаются.",
    "Приложение вылетает при запуске.",
    "Почему телефон так сильно греется?",
    # done without asking, again
    "Вы снова перенесли доставку без предупреждения.",
    "Моё видео опубликовали без спроса.",
    "Курьер снова опоздал.",
    # paid, and yet; unpleasant; left unfinished
    "Заплатила за экспресс-доставку, а везли пять дней.",
    "Неприятно удивлена качеством обслуживания.",
    "Мастер ушёл, не доделав работу.",
])
def test_more_complaints_in_other_words(incoming):
    assert fires(REPLY, R, incoming=incoming)


@pytest.mark.parametrize("incoming", [
    "Курьер должен был позвонить вам за час — он позвонил?",
    "Я должна была забрать заказ вчера, но не успела.",
    "Заказ должен быть у меня завтра?",
    "Нашла в заказе промокод, как его применить?",
    "Косточки в вишне есть?",
    "Если попадётся косточка, вернёте деньги?",
    "Как отключается автоплатёж?",
    "Я отключаюсь от Wi-Fi на ночь, это влияет на обновления?",
    "Снова здравствуйте! Хочу уточнить время доставки.",
    "Снова заказала у вас торт на день рождения.",
    "Можно заказать без предупреждения о доставке?",
    "Я перенесла запись без предупреждения, это нормально?",
])
def test_more_no_complaint_in_other_words(incoming):
    assert not fires(REPLY, R, incoming=incoming)


@pytest.mark.parametrize("incoming", [
    "Почему справка до сих пор не готова?",
    "Прошло уже три недели, а денег нет.",
    "Где мой заказ? Обещали вчера.",
    "В счёте за май двойное начисление!",
    "Мне навязали платную подписку.",
])
def test_complaints_of_waiting_broken_promises_and_charges(incoming):
    draft = "Здравствуйте! Спасибо за обращение. Всё проверили, ответ пришлём сегодня до 18:00."
    assert fires(draft, "missing-apology", incoming=incoming)


@pytest.mark.parametrize("incoming", [
    "Подскажите, когда будет готова справка?",
    "До сих пор не было проблем с заказами, всё отлично!",
    "Как избежать двойного списания при оплате?",
    "Обещали скидку на второй заказ — как её получить?",
])
def test_questions_and_praise_are_no_complaints(incoming):
    draft = "Здравствуйте! Спасибо за обращение. Всё проверили, ответ пришлём сегодня до 18:00."
    assert not fires(draft, "missing-apology", incoming=incoming)


@pytest.mark.parametrize("text", [
    "Ваш рейс задержан до 18:30. Регистрация у стойки 12.",
    "Из-за ошибки склада заказ отправлен позже. Доставим 18.06.",
    "Оплата не прошла. Повторите попытку через час.",
])
def test_problems_stated_in_an_sms(text):
    assert fires(text, "missing-apology", channel="sms")


@pytest.mark.parametrize("text,expected", [
    ("Курьер действительно приехал не в то время, мы с ним поговорили.", ["не в то время"]),
    ("В Вашем заказе не хватало одной позиции, довезём её сегодня.", ["не хватало"]),
    ("По нашей вине заказ ушёл на другой адрес.", ["По нашей вине"]),
    ("Оператор неверно оформил Вашу заявку, мы её исправили.", ["неверно"]),
    ("Вам выставили неправильный счёт, пересчитаем сегодня.", ["неправильный"]),
    ("Сотрудник повёл себя некорректно, мы провели с ним беседу.", ["некорректно"]),
    ("Курьер забыл положить соус, привезём его через час.", ["забыл"]),
    ("Деньги списались дважды из-за сбоя банка, вторую сумму вернём.", ["дважды"]),
    ("Мастер не смог приехать в назначенное время, перенесли визит на завтра.", ["не смог приехать"]),
])
def test_draft_admits_more_in_other_words(text, expected):
    assert spans(text, R) == expected


@pytest.mark.parametrize("text", [
    "Это не наша вина, а перевозчика.",
    "Вины курьера в этом нет, заказ привезли вовремя.",
    "Вы неверно указали адрес, поэтому курьер не нашёл дом.",  # the Клиент's own (blame, not admission)
    "Если адрес указан неверно, курьер позвонит.",
    "Неправильный пароль можно сбросить в настройках.",
    "Ошибки в автоматических субтитрах связаны с неправильным произношением.",
    "Курьер не забыл ничего: соус лежит в пакете.",
    "Мы напомним курьеру, чтобы он не забыл соус.",
    "Деньги не спишутся дважды: система это блокирует.",
    "Нажмите кнопку оплаты повторно, если страница зависла.",
    "Если мастер не сможет приехать, мы предупредим заранее.",
    "Вы не смогли прийти на встречу, поэтому мы перенесли её.",
])
def test_draft_admits_more_quiet(text):
    assert spans(text, R) == []


@pytest.mark.parametrize("incoming,complaint", [
    ("Не дадите скидку на второй заказ?", False),  # a polite request
    ("Не подскажете, когда откроется пункт выдачи?", False),
    ("Вы не вернёте мне деньги?!", True),  # shouted, a demand
    ("Почему вы не ответили на моё письмо?", True),
    ("Почему на сайте две цены у одного товара?", False),
    ("За что начисляются бонусы?", False),
    ("Курьер должен позвонить заранее?", False),
    ("Появилась новая функция в приложении, как ей пользоваться?", False),
    ("Вы снова открылись после ремонта?", False),
])
def test_polite_and_plain_questions(incoming, complaint):
    assert fires(REPLY, R, incoming=incoming) is complaint


def test_the_clients_mistake_is_not_apologised_for():
    # blame-shifting takes it; an apology «за Вашу ошибку» would be absurd
    assert not fires("Это Ваша ошибка: адрес указан неверно.", "missing-apology")
    assert fires("Это наша ошибка, заменим завтра.", "missing-apology")


DRAFT = "Заменим товар в пятницу."


@pytest.mark.parametrize("incoming", [
    # negated verbs of receiving and working, either aspect
    "Посылку я так и не получал!",
    "Приложение у меня не запускается.",
    "Скидочный купон не действует, хотя срок не истёк.",
    # a past verb the tagger takes for a short adjective
    "Свитер после стирки облез.",
    # measured against what was promised
    "Интернет в два раза медленнее заявленного!",
    "Ремонт идёт дольше, чем обещали.",
])
def test_complaints_in_more_words(incoming):
    assert fires(DRAFT, "missing-apology", incoming=incoming)


@pytest.mark.parametrize("incoming", [
    # the Клиент's own slip: a request to fix it
    "Я по ошибке купила билет не на тот сеанс, можно обменять?",
    "Случайно выбрал не тот цвет, можно поменять?",
    # a comparison asked about in advance
    "Будет ли цена выше указанной на сайте?",
])
def test_own_slips_and_questions_are_no_complaints(incoming):
    assert not fires(DRAFT, "missing-apology", incoming=incoming)


def test_apology_after_the_clients_reported_words_counts():
    text = "Вы пишете, что мастер не приехал, — извините, пожалуйста. Новый визит завтра в 10:00."
    assert not fires(text, "missing-apology", incoming="Мастер не приехал!")


# --- the Клиент's own absence; a delay stated by how much; a breakdown (own sentences) ---

@pytest.mark.parametrize("incoming", [
    "Я не смогла прийти на занятие, верните деньги.",
    "Мы не успели на сеанс из-за пробок, можно перенести билеты?",
])
def test_own_absence_is_no_complaint(incoming):
    assert not fires("Билеты можно перенести на любой сеанс этой недели.", R, incoming=incoming)


@pytest.mark.parametrize("text,expected", [
    ("Ваш заказ будет готов на два дня позже, новый срок — 14 ноября.", ["позже"]),
    ("Сегодня утром вышла из строя печь, торт испечём к пятнице.", ["вышла"]),
])
def test_draft_delay_and_breakdown(text, expected):
    assert spans(text, R) == expected


@pytest.mark.parametrize("text", [
    "Деньги за мастер-класс, на который участник не пришёл, не возвращаются.",  # the Клиент's own absence
    "В праздники доставка работает на час позже обычного.",  # a schedule
    "Если оборудование выйдет из строя, мастер приедет бесплатно.",  # a condition
])
def test_draft_delay_and_breakdown_quiet(text):
    assert not fires(text, R)
