"""Session 19: refusal — a no in the second clause of the answer, «Иначе никак»,
«У вас есть …?» without «ли», a thing asked for by its relational adjective;
and what stays quiet: a demand for proof put as «…, иначе не примем», a
disclaimer after naming who did it, promises about the Клиент's data.

Every sentence here is our own; none is taken from a corpus."""

import pytest

from .conftest import fires, spans

RULE = "refusal"


@pytest.mark.parametrize("incoming, text, expected", [
    # the no is the second clause of the answer
    ("Можно забрать машину из ремонта в 23:00?", "Спасибо за вопрос. Сервис открыт до 21:00, ночью машины не выдаём.",
     "не выдаём"),
    ("Можно оставить собаку на передержке на месяц?",
     "Здравствуйте! Передержка работает круглый год, дольше двух недель животных не принимаем.", "не принимаем"),
    # «Иначе никак» shuts every other way
    ("Можно без залога?", "Прокат выдаёт лодки только под залог паспорта. Иначе никак.", "никак"),
    ("Можно заплатить потом?", "Оплата только при бронировании, по-другому никак.", "никак"),
    # «У вас есть …?» is a yes/no request even without «ли»
    ("У вас есть зарядки для старых ноутбуков?", "Добрый день! Спасибо за вопрос. Таких зарядок в продаже нет.", "нет"),
    # the thing asked for by its relational adjective, refused by its noun
    ("Можно поставить газовый котёл вместо электрического?", "Газ в частных домах мы не подключаем.",
     "не подключаем"),
    # verbs of service: installing, storing, disclosing
    ("Можно у вас оставить коляску на время приёма?", "Коляски в клинике не храним.", "не храним"),
    ("Почему мне отказали в рассрочке?", "Причины отказа мы не раскрываем.", "не раскрываем"),
])
def test_refusal_fires(incoming, text, expected):
    assert expected in spans(text, RULE, incoming=incoming)


@pytest.mark.parametrize("incoming, text", [
    # an alternative after «иначе никак»
    ("Можно без залога?", "Иначе никак, но вместо паспорта можно оставить водительские права."),
    # the same demand for proof put the other way (distrust judges it)
    ("Хочу вернуть сломанный миксер.", "Пришлите видео, где видна поломка, иначе возврат не оформим."),
    ("Хочу вернуть сломанный миксер.", "Приложите чек и фото коробки, иначе заявку рассматривать не будем."),
    # the second clause disclaims (blame-shifting judges it) or is good news
    ("Можно вернуть деньги за билет?", "Концерт перенёс организатор, а агентство за его решения ответственности не несёт."),
    ("Можно оплатить картой?", "Конечно, оплата картой проходит мгновенно, комиссию мы не берём."),
    # promises about the Клиент's data and word
    (None, "Ваши данные мы не раскрываем третьим лицам."),
    ("Мне прислали разбитую тарелку!", "Мы не ставим Ваши слова под сомнение: новую тарелку привезём завтра до 14:00."),
    # «У вас есть …?» answered yes
    ("У вас есть зарядки для старых ноутбуков?", "Да, есть, 1 200 рублей, можем отложить до вечера."),
])
def test_refusal_stays_quiet(incoming, text):
    kw = {"incoming": incoming} if incoming else {}
    assert not fires(text, RULE, **kw)
