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
