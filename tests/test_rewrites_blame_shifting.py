"""blame-shifting: ownership instead of blame (standard 000 §6) — the party
named as the culprit becomes «мы», a denial becomes «это наша
ответственность»."""

import pytest

from replylint import fixes
from replylint.engine import Message
from replylint.options import Options

from .conftest import findings

RULE = "blame-shifting"


def rewritten(text, **kw):
    return fixes.rewrite_message(Message(text, channel=kw.get("channel", "email"), incoming=kw.get("incoming")),
                                 Options())


@pytest.mark.parametrize("text,suggestion", [
    # the party's verb moves to «мы»: feminine singular past → plural
    ("Спасибо за письмо! Посылку потеряла транспортная компания.",
     "Посылку мы потеряли."),
    ("Спасибо за письмо! Курьерская служба не успела доставить заказ, привезём его завтра до 12:00.",
     "Мы не успели доставить заказ, привезём его завтра до 12:00."),
    # the tagger takes «помял» for a future form; the past plural is still right
    ("Спасибо за письмо! Курьер помял коробки при погрузке.",
     "Мы помяли коробки при погрузке."),
    # present tense: «отвечает производитель» → «мы отвечаем»
    ("Спасибо за письмо! За брак отвечает производитель.",
     "За брак мы отвечаем."),
    # the party's genitive becomes «наш» agreeing with the fault noun (case, gender)
    ("Спасибо за письмо! Доставка сорвалась по вине перевозчика.",
     "Доставка сорвалась по нашей вине."),
    ("Спасибо за письмо! Это ошибка поставщика, новую партию ждём 5 марта.",
     "Это наша ошибка, новую партию ждём 5 марта."),
    ("Спасибо за письмо! Это сбой платёжной системы, а не наш.",
     "Это наш сбой."),
    ("Спасибо за письмо! Платёж не прошёл по Вашей вине.",
     "Платёж не прошёл по нашей вине."),
    # after a preposition: «нас» in the case of the party
    ("Спасибо за письмо! Заказ задержался из-за транспортной компании.",
     "Заказ задержался из-за нас."),
])
def test_the_company_takes_the_blame(text, suggestion):
    (f,) = findings(text, RULE)
    assert f.suggestion == suggestion
    assert rewritten(text).endswith(suggestion)


def test_pronoun_of_the_party_follows():
    # (the apology keeps missing-apology quiet: «бракованные детали» is a problem named in the draft)
    text = "Спасибо за письмо! Простите за неудобства. Виноват производитель: он прислал бракованные детали."
    assert rewritten(text) == ("Спасибо за письмо! Простите за неудобства. "
                               "Это наша ответственность: мы прислали бракованные детали.")


def test_passive_agent_is_left_out_and_ownership_added():
    text = "Спасибо за письмо! Посылка была повреждена почтой при пересылке."
    (f,) = findings(text, RULE)
    assert f.suggestion == "Посылка была повреждена при пересылке — это наша ответственность."


@pytest.mark.parametrize("text,suggestion", [
    ("Спасибо за письмо! За качество товара мы ответственности не несём.",
     "За качество товара отвечаем мы, и уже [действие]."),
    # plural subject of «не зависят» in the accusative after «за»
    ("Спасибо за письмо! Сроки ремонта от нас не зависят.",
     "За сроки ремонта отвечаем мы, и уже [действие]."),
    ("Спасибо за письмо! Мы здесь ни при чём.",
     "Это наша ответственность: мы уже [действие]."),
])
def test_denial_becomes_ownership(text, suggestion):
    (f,) = findings(text, RULE)
    assert f.suggestion == suggestion


def test_denial_after_a_comma_is_joined_by_but():
    text = "Спасибо за письмо! Посылку держат на таможне, от нас это никак не зависело."
    assert rewritten(text) == ("Спасибо за письмо! Посылку держат на таможне, но это наша ответственность: "
                               "мы уже [действие].")


@pytest.mark.parametrize("text,suggestion", [
    # the wrong modifier is left out of what the company should have checked
    ("Спасибо за письмо! Вы сами выбрали неправильный размер.",
     "Мы не сверили с Вами размер заранее — это наша ответственность."),
    ("Спасибо за письмо! Вы не указали номер подъезда, поэтому курьер опоздал.",
     "Мы не сверили с Вами номер подъезда заранее — это наша ответственность, поэтому курьер опоздал."),
    # a reproach becomes what the company should have done, the action named by a noun
    ("Спасибо за письмо! Вам следовало проверить комплектность при получении.",
     "Мы должны были заранее напомнить о проверке комплектности при получении — это наша ответственность."),
])
def test_blame_on_the_client_becomes_ownership(text, suggestion):
    (f,) = findings(text, RULE)
    assert f.suggestion == suggestion


def test_every_blame_in_the_sentence_is_rewritten_and_the_rule_is_quiet():
    text = ("Здравствуйте, Кирилл!\n\nПриносим извинения за перебои со связью. Авария произошла у магистрального "
            "провайдера, так что с нашей стороны вины нет. Бригада восстановит канал сегодня до 21:00.\n"
            "Спасибо за терпение!\n")
    out = rewritten(text)
    assert out == ("Здравствуйте, Кирилл!\n\nПриносим извинения за перебои со связью. Авария произошла у нас, "
                   "так что это наша ответственность: мы уже [действие]. Бригада восстановит канал сегодня "
                   "до 21:00.\nСпасибо за терпение!\n")
    assert not [f for f in findings(out) if f.rule == RULE or f.severity.label == "error"]


@pytest.mark.parametrize("text,suggestion", [
    # the party's side becomes ours, also when a pronoun stands for the fault
    ("Спасибо за письмо! Простите за задержку. Проблема на стороне банка, мы ждём ответа.",
     "Проблема на нашей стороне, мы ждём ответа."),
    ("Спасибо за письмо! Простите за сбой. Он произошёл на стороне Zoom.",
     "Он произошёл на нашей стороне."),
    # a mistake or a decision of a party becomes ours
    ("Спасибо за письмо! Простите! Чемодан улетел другим рейсом по ошибке наземной службы аэропорта.",
     "Чемодан улетел другим рейсом по нашей ошибке."),
    ("Спасибо за письмо! Простите за задержку. Возврат задержался из-за решения банка.",
     "Возврат задержался из-за нас."),
    # a pronoun for the party: «они сами отвечают» → «мы отвечаем»
    ("Спасибо за письмо! Простите за грубость водителя. Он работает в партнёрском таксопарке, "
     "они сами отвечают за своих сотрудников.",
     "Он работает в партнёрском таксопарке, мы отвечаем за своих сотрудников."),
    # the Клиент's mistake: «с опечаткой» is left out of what we should have checked
    ("Спасибо за письмо! Простите. Вы указали индекс с опечаткой, поэтому посылка ушла в другой город.",
     "Мы не сверили с Вами индекс заранее — это наша ответственность, поэтому посылка ушла в другой город."),
    ("Спасибо за письмо! Простите. Это Ваша ошибка.", "Это наша ошибка."),
    # statements that cannot be turned word by word become ownership
    ("Спасибо за письмо! Простите! На складе перепутали этикетки.",
     "Это наша ответственность: мы уже [действие]."),
    ("Спасибо за письмо! Простите. Повлиять на решение банка мы не можем.",
     "Это наша ответственность: мы уже [действие]."),
    ("Спасибо за письмо! Простите. Деньги списал контент-партнёр, а не мы.",
     "Это наша ответственность: мы уже [действие]."),
])
def test_new_classes_are_rewritten_to_ownership(text, suggestion):
    (f,) = findings(text, RULE)
    assert f.suggestion == suggestion
    out = rewritten(text)
    assert out.endswith(suggestion)
    assert not [f for f in findings(out) if f.rule == RULE]


@pytest.mark.parametrize("text,suggestion", [
    ("Спасибо за письмо! Простите. Курьер неправильно указал адрес в накладной.",
     "Мы неправильно указали адрес в накладной."),
    ("Спасибо за письмо! Простите. Поставщик подвёл нас со сроками.",
     "Мы подвели Вас со сроками."),
    ("Спасибо за письмо! Простите. Водитель не дождался Вас и уехал.",
     "Мы не дождались Вас и уехали."),
    ("Спасибо за письмо! Простите. Задержка возникла по причине сбоя у банка-партнёра.",
     "Задержка возникла по причине нашего сбоя."),
])
def test_the_party_becomes_we_with_everything_that_agrees(text, suggestion):
    (f,) = findings(text, RULE)
    assert f.suggestion == suggestion
    assert rewritten(text).endswith(suggestion)


def test_only_the_doer_becomes_we():
    text = "Спасибо за письмо! Простите. Ваши документы у нотариуса, он не передал их нам вовремя."
    (f,) = findings(text, RULE)
    assert f.suggestion == "Ваши документы у нотариуса, мы не передали их Вам вовремя."
