"""missing-apology: an opening apology that names the problem, inserted
after the greeting (standards 003 and 000 §6)."""

import pytest

from replylint import fixes
from replylint.engine import Message
from replylint.options import Options

from .conftest import findings

RULE = "missing-apology"


def rewritten(text, **kw):
    return fixes.rewrite_message(Message(text, channel=kw.get("channel", "email"), incoming=kw.get("incoming")),
                                 Options())


def apology(text, **kw):
    (f,) = findings(text, RULE, **kw)
    assert f.rewrite is not None and f.rewrite.length == 0
    return f.rewrite.replacement


@pytest.mark.parametrize("text,expected", [
    # a problem noun with its agreeing adjective in the accusative (feminine)
    ("Здравствуйте! Долгая задержка доставки связана с погодой. Привезём завтра до 14:00.",
     "Извините, пожалуйста, за долгую задержку доставки. "),
    ("Здравствуйте! Повреждение упаковки зафиксировали, замену отправим завтра.",
     "Извините, пожалуйста, за повреждение упаковки. "),
    # an adjective of a bad state names the thing
    ("Здравствуйте! Сломанный чайник заберём при доставке нового.",
     "Извините, пожалуйста, за сломанный чайник. "),
    # a verb of a problem: the action noun with whose it is in the genitive
    ("Отправление задерживается на сортировке, ожидаемая дата — 12 марта.",
     "Извините, пожалуйста, за задержку отправления. "),
    # a transitive verb: its past passive participle agreeing with the object (feminine accusative)
    ("Здравствуйте! Вазу повредили при перевозке. Новую отправим 3 июня.",
     "Извините, пожалуйста, за повреждённую вазу. "),
])
def test_problem_named_in_the_draft(text, expected):
    assert apology(text) == expected


@pytest.mark.parametrize("incoming,expected", [
    # the Клиент's plural adjective phrase
    ("Мне прислали разбитые тарелки!", "Извините, пожалуйста, за разбитые тарелки. "),
    # participles of the Клиент's verb: plural and feminine
    ("Курьер помял коробки!", "Извините, пожалуйста, за помятые коробки. "),
    ("Курьер разбил вазу!", "Извините, пожалуйста, за разбитую вазу. "),
    # his own words turned to him: «мне» → «Вам», «моей» → «Вашей» (feminine genitive)
    ("Мне привезли диван не того цвета!", "Извините, пожалуйста, за то, что Вам привезли диван не того цвета. "),
    ("С моей карты дважды списали деньги!",
     "Извините, пожалуйста, за то, что с Вашей карты дважды списали деньги. "),
    # the Клиент's «вы» is the company: «от вас» → «от нас»
    ("Мне на почту от вас так и не пришло письмо!",
     "Извините, пожалуйста, за то, что Вам на почту от нас так и не пришло письмо. "),
    # a short participle as the predicate becomes a full one agreeing with its subject
    ("Заказала торт к 18:00, привезли в 19:40. Праздник испорчен.",
     "Извините, пожалуйста, за испорченный праздник. "),
    # the Клиент's anger is not repeated
    ("Это обман!", "Извините, пожалуйста, что так вышло. "),
])
def test_problem_named_from_the_clients_message(incoming, expected):
    assert apology("Здравствуйте! Спасибо, что написали. Всё исправим завтра.", incoming=incoming) == expected


def test_inserted_after_the_greeting():
    text = "Здравствуйте, Ольга!\n\nСпасибо, что написали. Мы перенесли доставку на завтра.\n"
    out = rewritten(text, incoming="Курьер так и не приехал, а я отпросилась с работы!")
    assert out == ("Здравствуйте, Ольга!\n\nИзвините, пожалуйста, за то, что курьер так и не приехал. "
                   "Спасибо, что написали. Мы перенесли доставку на завтра.\n")
    assert not [f for f in findings(out, incoming="Курьер так и не приехал!") if f.rule == RULE]


def test_sms_apology_is_short():
    text = "Заказ не доставлен. Привезём завтра с 10:00 до 14:00."
    assert rewritten(text, channel="sms") == "Извините за задержку. Заказ не доставлен. Привезём завтра с 10:00 до 14:00."


def test_apology_and_thanks_both_go_in_when_there_is_no_greeting():
    text = "Заказ 3310 задерживается. Привезём 14 мая до 18:00."
    assert rewritten(text, incoming="Где мой заказ? Жду уже неделю!") == (
        "Спасибо, что сообщили! Извините, пожалуйста, за задержку заказа 3310. Заказ 3310 задерживается. "
        "Привезём 14 мая до 18:00.")


def test_preposition_hung_on_the_modifier_is_not_repeated():
    import replylint

    # the parser attaches «за» to «сломанный», not to «чайник»
    report = replylint.lint("Мы не можем вернуть деньги сегодня, вернём завтра до 12:00. Спасибо!",
                            incoming="Верните деньги за сломанный чайник!")
    apology = [f for f in report.findings if f.rule == "missing-apology"]
    assert apology and apology[0].rewrite.replacement == "Извините, пожалуйста, за сломанный чайник. "


@pytest.mark.parametrize("incoming,expected", [
    # «за что» of the reproach is not repeated
    ("За что меня забанили?? Я ничего не нарушал!", "Извините, пожалуйста, за то, что Вас забанили. "),
    ("За что с меня списали 300 рублей?", "Извините, пожалуйста, за то, что с Вас списали 300 рублей. "),
    # a symptom: the clause in which it appeared
    ("Купил телевизор, через неделю на экране появилась полоса",
     "Извините, пожалуйста, за то, что через неделю на экране появилась полоса. "),
    ("Курьер не отдал сдачу 500 рублей", "Извините, пожалуйста, за то, что курьер не отдал сдачу 500 рублей. "),
    # what the Клиент did himself, his repetition and sarcasm are not named
    ("Деньги сняли, а я отключал автоплатёж.", "Извините, пожалуйста, что так вышло. "),
    ("Третий раз пишу по одному и тому же вопросу.", "Извините, пожалуйста, что так вышло. "),
    ("Ну и «вежливый» у вас курьер.", "Извините, пожалуйста, что так вышло. "),
])
def test_complaints_in_other_words_named(incoming, expected):
    assert apology("Здравствуйте! Спасибо, что написали. Всё исправим завтра.", incoming=incoming) == expected


@pytest.mark.parametrize("text,expected", [
    ("Здравствуйте! Курьер приехал позже обещанного, деньги за доставку вернём.",
     "Извините, пожалуйста, за задержку. "),
    ("Здравствуйте! Вам привезли не тот диван, завтра заменим.", "Извините, пожалуйста, за ошибку. "),
])
def test_draft_in_other_words_named(text, expected):
    assert apology(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Здравствуйте! По нашей вине заказ ушёл на другой адрес.", "Извините, пожалуйста, за ошибку. "),
    ("Здравствуйте! В Вашем заказе не хватало одной позиции, довезём её сегодня.",
     "Извините, пожалуйста, за то, что в Вашем заказе не хватало одной позиции. "),
    ("Здравствуйте! Мастер не смог приехать в назначенное время, перенесли визит на завтра.",
     "Извините, пожалуйста, за то, что мастер не смог приехать в назначенное время. "),
    ("Здравствуйте! Вам выставили неправильный счёт, пересчитаем сегодня.",
     "Извините, пожалуйста, за неправильный счёт. "),
])
def test_draft_admits_more_named(text, expected):
    assert apology(text) == expected
