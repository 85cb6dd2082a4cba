"""Session 20: missing-apology reads fewer requests as complaints — a
Клиент bringing his own broken thing to be repaired, «брак» as a marriage,
«чужой» said of people, a penalty the Клиент asks to write off, praise said
with an exclamation, the Клиент's own lateness — and still hears the
complaint when the message ties the fault to the company.

Every sentence here is our own; none is taken from a corpus."""

import pytest

from .conftest import fires, spans

RULE = "missing-apology"
REPLY = "Здравствуйте! Спасибо, что написали. Мастер посмотрит вещь в четверг с 10:00 до 12:00."


@pytest.mark.parametrize("incoming", [
    # the Клиент's own thing brought for repair: the fault is the reason for the request
    "Порвалась лямка у рюкзака, сможете пришить?",
    "Часы встали, батарейку меняли недавно. Почините?",
    "Возьмётесь отремонтировать кофемолку? Перестала молоть.",
    # «брак» as a marriage
    "Нужна копия свидетельства о браке, вы делаете переводы?",
    "После регистрации брака сменила фамилию, как обновить карту?",
    # «чужой» said of people
    "Кот боится чужих, можно стричь его дома?",
    "В раздевалке ходят чужие люди, можно шкафчик с замком?",
    # a penalty the Клиент asks to write off, not one charged
    "Прошу списать штраф за просрочку, я была в больнице.",
    # praise with an exclamation
    "Дочка обожает ваши занятия! Есть ли группа по субботам?",
    # the Клиент's own lateness
    "Опоздала на сеанс из-за пробок. Можно перенести?",
])
def test_requests_are_not_complaints(incoming):
    assert not fires(REPLY, RULE, incoming=incoming)


@pytest.mark.parametrize("incoming", [
    # tied to the company: your repair, bought from you, again, after your work, free, what to do
    "Куртка после вашего ремонта снова протекает. Почините?",
    "Купила у вас сапоги, через неделю отклеилась подошва. Почините?",
    "Чайник опять течёт, можете починить?",
    "Молния разошлась через день после замены, прошу перешить бесплатно.",
    "Сломалась стиральная машина, что делать?",
    # still the defect sense of «брак»
    "Прислали кастрюлю с браком, дно неровное.",
    # a wrong thing, not a stranger
    "Курьер привёз чужой заказ.",
    # a penalty charged, an outcry about a repair
    "Начислили штраф, хотя я оплатил вовремя!",
    "Сломали замок при ремонте, почините немедленно, это безобразие!",
])
def test_complaints_still_heard(incoming):
    assert spans(REPLY, RULE, incoming=incoming) == ["Спасибо, что написали."]


@pytest.mark.parametrize("text, expected", [
    # one of our people named with «наш» in a reply that apologises: the company owns the slip
    ("Простите, пожалуйста: наш кассир ошибся и пробил товар дважды. Деньги вернём сегодня.", []),
    ("Извините за путаницу — наш администратор записал Вас не на то время. Ждём Вас в 15:00.", []),
    # without the apology, or with a party outside the company, it still shifts the blame
    ("Наш кассир ошибся и пробил товар дважды.", ["Наш кассир ошибся"]),
    ("Простите, пожалуйста: наш подрядчик ошибся с размерами.", ["наш подрядчик ошибся"]),
])
def test_our_person_named_in_an_apology(text, expected):
    assert spans(text, "blame-shifting") == expected


@pytest.mark.parametrize("text, sentences", [
    # an abbreviation kept with its full stop closes the sentence before a capital
    ("Договор действует с 1 марта 2025 г. Спасибо, что написали!",
     ["Договор действует с 1 марта 2025 г.", "Спасибо, что написали!"]),
    ("Доставка стоит 300 руб. Привезём в среду.", ["Доставка стоит 300 руб.", "Привезём в среду."]),
    ("Есть кисти, краски и т.д. Приходите!", ["Есть кисти, краски и т.д.", "Приходите!"]),
    ("Есть кисти, краски и т. п. Приходите!", ["Есть кисти, краски и т. п.", "Приходите!"]),
    # but not a town, nor before a lowercase word
    ("Офис в г. Казань открыт с 9:00.", ["Офис в г. Казань открыт с 9:00."]),
    ("Тариф действует до 2027 г. включительно.", ["Тариф действует до 2027 г. включительно."]),
])
def test_a_closing_abbreviation_ends_the_sentence(text, sentences):
    from replylint.nlp.pipeline import get_nlp

    nlp = get_nlp()
    assert [s.text.strip() for s in nlp(text).sents] == sentences
    assert [s.text.strip() for s in next(iter(nlp.pipe([text, "Спасибо!"]))).sents] == sentences
