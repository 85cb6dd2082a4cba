"""blame-shifting, session 15: construction classes added after heldout10.

Every sentence here is our own (not from eval/ or the dev corpus). The
constructions are tested alone (the second-opinion model off), so that a
quiet case stays quiet by the constructions' own judgement.
"""

import pytest

import replylint
from replylint.options import Options

R = "blame-shifting"
_OPTS = Options(select=frozenset({R}), second_opinion=False)
COMPLAINT = "Заказ так и не пришёл, я очень недовольна!"


def _spans(text: str, incoming: str | None = COMPLAINT) -> list[str]:
    report = replylint.lint(text, incoming=incoming, options=_OPTS)
    return [f.text for f in report.findings if f.rule == R]


# (a) a third party as the doer of the failure, its subject found across a
# relative clause, «так и не», a verb misread as a converb, a deed done too late
@pytest.mark.parametrize("text", [
    "Поставщик, у которого мы закупаем ткань, так и не отгрузил рулоны.",
    "Склад, откуда идут заказы, не передал посылку в доставку, поэтому она задержалась.",
    "Типография так и не напечатала каталоги, поэтому выставка перенесена.",
    "Мебель задерживается, потому что фабрика-поставщик, куда мы передали чертежи, не успела их обработать.",
    "Концерт перенесли, потому что площадка, которую мы арендуем, сообщила о ремонте только вчера.",
    "Экскурсию отменили, так как музей предупредил нас лишь накануне.",
    "Поставка сорвалась: дистрибьютор прислал документы в последний момент.",
    "Счёт вырос, потому что управляющая организация передала нам неверные показания.",
])
def test_a_party_named_as_the_doer_of_the_failure(text):
    assert _spans(text)


# (b) «именно он виноват»: the pronoun stands for a party named before
@pytest.mark.parametrize("text", [
    "Посылку вёз курьер. Именно он и виноват в путанице.",
    "Заказ собирала кладовщица. Именно она виновата, что в коробке не тот размер.",
    "Водитель не закрепил груз — именно он виноват в поломке.",
])
def test_a_pronoun_standing_for_a_party_is_blamed(text):
    assert _spans(text)


# (c) the Клиент's own act as the cause: late, a counterfactual, data entered wrong
@pytest.mark.parametrize("text", [
    "Вы подали заявление позже срока, поэтому возврат невозможен.",
    "Так как Вы приехали позднее, номер был отдан другому гостю.",
    "Если бы Вы не опоздали, урок бы состоялся.",
    "Этого бы не случилось, если бы Вы проверили адрес при оформлении.",
    "Если бы договор был прочитан внимательно, вопросов бы не возникло.",
    "Пароль был набран неверно, поэтому вход заблокирован.",
    "Судя по журналу, номер карты был введён с ошибкой.",
])
def test_the_clients_own_act_as_the_cause(text):
    assert _spans(text)


# (d) the company disowns whoever did the work, or itself beside a party
@pytest.mark.parametrize("text", [
    "Этот курьер не наш, претензии к службе доставки.",
    "Автобус вызывайте сами: перевозчик не наш.",
    "Краска так ложится на любом принтере, типография не виновата, да и мы тоже.",
    "Ни курьер, ни мы не виноваты в задержке.",
])
def test_the_company_disowns(text):
    assert _spans(text)


@pytest.mark.parametrize("text", [
    "Сбой произошёл без участия наших сотрудников.",
    "Ошибка возникла без ведома наших менеджеров.",
])
def test_no_part_of_our_people(text):
    assert _spans(text)


# quiet near-misses of each class
@pytest.mark.parametrize("text", [
    # (a) the company's own failure, what befell somebody, news
    "Мы так и не получили ответа от банка.",
    "Курьерская служба так и не смогла до Вас дозвониться.",
    "Наш отдел, который занимается возвратами, так и не оформил заявку.",
    "Мастер, к которому Вы записаны, завтра не работает.",
    "Мы узнали об этом только утром, поэтому не успели предупредить.",
    "Курьер приедет только вечером.",
    "Посылка пришла только в среду, потому что мы отправили её поздно.",
    "Данный магазин заблокировал модератор по жалобе на фото товара.",
    "Наша компания пересчитала сумму.",
    # (b) a circumstance, not a culprit; the company blames itself
    "Снегопад задержал машину — именно он виноват в опоздании.",
    "Извините, мы не проверили заказ — именно мы виноваты.",
    # (c) news, our own deed, thanks, a guess with advice, an unnamed packer
    "Вы написали нам позже, и мы сразу ответили.",
    "Курьер приехал позже, потому что попал в пробку.",
    "Если бы мы проверили адрес, этого бы не случилось. Простите нас.",
    "Если бы Вы не помогли, мы бы не нашли посылку.",
    "Если бы посылка была упакована лучше, она бы не разбилась.",
    "Мы бы успели, если бы знали заранее.",
    "Возможно, пароль был введён неверно — попробуйте ещё раз.",
    "Адрес в накладной был указан неверно — это наша ошибка, простите.",
    # (d) «наш» only qualifies; a party cleared while the company owns the slip
    "Это не наш заказ, проверьте номер.",
    "Этот номер не наш.",
    "Продавец не виноват, это наша ошибка.",
    "Курьер тут ни при чём: это мы неправильно записали номер подъезда.",
    "Водитель ни при чём — мы перепутали адреса при сборке.",
    "Мы вернём деньги без участия наших юристов.",
    # nobody in particular
    "Странно: ни один покупатель раньше на эту модель не жаловался.",
])
def test_quiet_near_misses(text):
    assert _spans(text) == []


def test_without_a_complaint_the_trouble_only_classes_stay_quiet():
    assert _spans("Если бы Вы не опоздали, урок бы состоялся.", incoming=None) == []
    assert _spans("Пароль был набран неверно.", incoming=None) == []
    # «так и не» states a failure outright, in any reply
    assert _spans("Поставщик так и не отгрузил детали.", incoming=None)


def test_new_classes_rewrite_the_whole_sentence():
    report = replylint.lint("Перевозчик не наш, обращайтесь к нему.", incoming=COMPLAINT, options=_OPTS)
    hit = next(f for f in report.findings if f.rule == R)
    assert hit.rewrite is not None


# A guess that somebody unnamed damaged the thing (indefinite-personal past
# of a damaging verb under «видимо», «скорее всего», «судя по всему»)
DAMAGED = "Мне привезли сломанный стул, это безобразие!"


@pytest.mark.parametrize("text,kind", [
    ("Видимо, ножки стула перетянули при сборке, отсюда и трещина.", "Клиента"),
    ("Стул, по всей видимости, повредили уже после доставки, когда собирали.", "Клиента"),
    ("Куртку, судя по всему, стирали при неподходящей температуре.", "Клиента"),
    ("Коробку, скорее всего, помяли уже в пункте выдачи, склад отгрузил её целой.", "третью сторону"),
])
def test_a_guess_that_somebody_unnamed_damaged_it(text, kind):
    report = replylint.lint(text, incoming=DAMAGED, options=_OPTS)
    found = [f for f in report.findings if f.rule == R]
    assert found and kind in found[0].message


@pytest.mark.parametrize("text,incoming", [
    ("Простите нас: коробку, видимо, помяли наши грузчики при погрузке. Заменим завтра.", DAMAGED),
    ("Скорее всего, коробку мы помяли сами при погрузке, простите. Заменим завтра.", DAMAGED),
    ("Коробку, скорее всего, помяли на нашем складе при погрузке. Заменим завтра.", DAMAGED),
    ("Вероятно, коробку не помяли, а она пришла такой с фабрики. Заменим завтра.", DAMAGED),
    ("Мы проверим, не помяли ли коробку при погрузке. Заменим завтра.", DAMAGED),
    ("Куртку, видимо, лучше стирать при 30 градусах.", "Как ухаживать за курткой?"),
    ("Коробку помяли при погрузке, простите нас, это наша ошибка. Заменим завтра.", DAMAGED),
])
def test_owned_negated_asked_or_unhedged_damage_stays_quiet(text, incoming):
    assert _spans(text, incoming) == []


# The doer of a past deed contrasted with our own people («а не наш монтажник»)
@pytest.mark.parametrize("text", [
    "Шланг подключал сторонний мастер, а не наш монтажник, отсюда и протечка.",
    "Коробку вскрывал курьер службы доставки, а не наши сотрудники.",
    "Замок менял сторонний слесарь, не наш.",
])
def test_the_doer_contrasted_with_our_people(text):
    assert _spans(text, "Всё сломалось!")


@pytest.mark.parametrize("text,incoming", [
    ("Монтаж выполняет партнёрская бригада, а не наши сотрудники.", "Кто будет монтировать?"),
    ("Шланг подключал наш монтажник, простите, это наша ошибка. Заменим завтра.", "Всё сломалось!"),
    ("Это не наш мастер подключал шланг? Уточните, пожалуйста.", "Всё сломалось!"),
    ("Мастер приехал вовремя, но не наш склад отгрузил деталь.", "Всё сломалось!"),
    ("Заказ собирал наш мастер, а не сторонний подрядчик, поэтому гарантия действует.", "Всё сломалось!"),
])
def test_our_people_named_as_doers_or_no_deed_stay_quiet(text, incoming):
    assert _spans(text, incoming) == []
