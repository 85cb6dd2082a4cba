"""customer-legwork, session 15: construction classes widened on text by other writers.

Own sentences for each class (constructions alone: the second-opinion model is off, so a
quiet sentence is quiet by the constructions); the fired spans are exact."""

from functools import lru_cache

import pytest

import replylint
from replylint.options import Options

RULE = "customer-legwork"
LOST = "Посылки в пункте выдачи нет, хотя пишут, что доставлено!"
LEAK = "Из-под раковины капает вода!"


@lru_cache(maxsize=512)
def _spans(text: str, incoming: str | None) -> tuple[str, ...]:
    report = replylint.lint(text, incoming=incoming, options=Options(second_opinion=False))
    return tuple(f.text for f in report.findings if f.rule == RULE)


def spans(text: str, incoming: str | None = None) -> list[str]:
    return list(_spans(text, incoming))


# --- an organisation named by its kind, with a word saying which one ---------------

@pytest.mark.parametrize("text,expected", [
    ("Вам нужно обратиться на туристическую платформу, через которую Вы бронировали тур.",
     ["нужно обратиться на туристическую платформу"]),
    ("За перерасчётом обратитесь в ресурсоснабжающую организацию.", ["обратитесь в ресурсоснабжающую организацию"]),
    ("Позвоните в фирму, где Вы заказывали кухню.", ["Позвоните в фирму"]),
    ("Вам следует написать в обслуживающую компанию, она отвечает за лифты.",
     ["следует написать в обслуживающую компанию"]),
    ("Стоимость пропуска узнавайте у эксплуатирующей организации.", ["узнавайте у эксплуатирующей организации"]),
])
def test_organisation_by_kind(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "Позвоните в нашу компанию по номеру горячей линии, мы всё решим.",
    "Мы — молодая компания, напишите нам, если что-то пойдёт не так.",
    "Для выплаты укажите получателем Вашу организацию.",  # the Клиент's own, in a business reply
    "Если будут вопросы, напишите в отдел заботы о клиентах.",  # a unit, the company's own
    # the signature names the company by the same kind
    "Спасибо, что выбрали нас!\nОбратитесь на платформу, где Вы покупали билет, через чат.\nПлатформа «Партер»",
])
def test_organisation_by_kind_quiet(text):
    assert spans(text) == []


# --- a role in somebody else's organisation -----------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Спросите у менеджера автосалона, когда придёт машина.", ["Спросите у менеджера автосалона"]),
    ("Договоритесь с председателем ГСК о времени замера.", ["Договоритесь с председателем ГСК"]),
    ("Уточните, пожалуйста, у кассира театра, действует ли льгота.", ["Уточните, пожалуйста, у кассира театра"]),
    ("Позвоните администратору стадиона, он подскажет вход.", ["Позвоните администратору стадиона"]),
])
def test_role_of_other(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "Администратор клиники перезвонит Вам сегодня до 18:00.",  # no errand
    "Уточните у менеджера номер заказа и напишите нам.",  # a role of nobody named
    "Наш администратор площадки встретит Вас у входа.",
])
def test_role_of_other_quiet(text):
    assert spans(text) == []


# --- getting a service, a permit or a file at a third party -------------------------

@pytest.mark.parametrize("text,expected", [
    ("Компенсацию получайте в страховой компании.", ["получайте в страховой компании"]),
    ("Возврат оформите у продавца на маркетплейсе.", ["оформите у продавца"]),
    ("Скачайте драйвер на сайте производителя принтера.", ["Скачайте драйвер на сайте производителя принтера"]),
    ("Сначала получите согласование управляющей компании, потом назначим монтаж.",
     ["получите согласование управляющей компании"]),
])
def test_fetched_at_third_party(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text,incoming", [
    ("Заказ получите в пункте выдачи на Ленина, 5.", None),
    ("Гарантию оформим мы сами, Вам ничего делать не нужно.", None),
    ("Возврат оформите в личном кабинете, деньги придут за три дня.", "Как вернуть товар?"),
])
def test_fetched_quiet(text, incoming):
    assert spans(text, incoming) == []


# --- searching for goods the company lost -------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Поищите отправление в соседнем постамате.", ["Поищите отправление в соседнем постамате"]),
    ("Курьер мог ошибиться: поищите посылку у соседей по этажу.", ["поищите посылку у соседей"]),
    ("Вам стоит поискать заказ в подъезде, курьер мог оставить его там.", ["стоит поискать заказ в подъезде"]),
])
def test_search_lost(text, expected):
    assert spans(text, LOST) == expected


@pytest.mark.parametrize("text,incoming", [
    ("Мы поищем Ваш заказ на складе и напишем сегодня до 18:00.", LOST),
    ("Найдите заказ в разделе «Мои покупки» и нажмите «Отследить».", "Как найти заказ?"),
    ("Поищите посылку в соседнем постамате.", None),  # not a complaint: no errand about a loss
])
def test_search_lost_quiet(text, incoming):
    assert spans(text, incoming) == []


# --- somebody else marked so: «частный», «независимый» ------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Пригласите частного сантехника, он всё посмотрит.", ["Пригласите частного сантехника"]),
    ("Обратитесь в независимую мастерскую рядом с домом.", ["Обратитесь в независимую мастерскую"]),
])
def test_other_marked(text, expected):
    assert spans(text, LEAK) == expected


def test_other_marked_quiet():
    assert spans("Наш мастер приедет завтра в 10:00, вызывать частного сантехника не нужно.", LEAK) == []


# --- a pronoun for a third party named before ---------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Полис оформлял страховщик, ему и пишите претензию.", ["пишите претензию"]),
    ("Подключением занимается сетевая организация, им и звоните.", ["им и звоните"]),
    ("Счётчики ставит водоканал, направьте ему заявление самостоятельно через сайт.",
     ["направьте ему заявление самостоятельно"]),
    ("Приложение разработал партнёр, напишите в его поддержку.", ["напишите в его поддержку"]),
])
def test_pronoun_for_third_party(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "Курьер приедет завтра, ему ничего не нужно звонить.",
    "Менеджер свяжется с Вами, ему можно ничего не писать.",
    "Напишите в нашу поддержку, и мы поможем.",
])
def test_pronoun_quiet(text):
    assert spans(text) == []


# --- an obligation word far after the infinitive -------------------------------------

def test_obligation_after_long_infinitive():
    assert spans("Договориться с управляющей компанией о доступе в подвал Вам придётся самостоятельно.") == \
        ["Договориться с управляющей компанией"]


# --- the order redone, its noun left out: «отмените заказ и оформите новый» ----------

@pytest.mark.parametrize("text,expected", [
    ("Отмените заказ и оформите новый с правильным адресом.", ["оформите новый"]),
    ("Бронь сгорела, забронируйте новую на сайте.", ["забронируйте новую"]),
    ("Чтобы поменять дату, удалите текущую запись и оформите новую через приложение.", ["оформите новую"]),
])
def test_order_redone_elliptic(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "Старый заказ мы отменили и оформили новый, он приедет завтра.",  # the company did it
    "Карта заблокирована, закажите новую карту в приложении.",  # not an order; the noun is there
    "Если захотите, оформите новую подписку со скидкой.",  # an option
])
def test_order_redone_elliptic_quiet(text):
    assert spans(text) == []
