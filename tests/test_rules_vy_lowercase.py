"""vy-lowercase: «Вы»/«Ваш» to one Клиент, in the configured style."""

import pytest

from .conftest import findings, fires, spans

RULE = "vy-lowercase"


def _fixes(text, **kw):
    return [(f.text, f.offset, f.fix.replacement if f.fix else None) for f in findings(text, RULE, **kw)]


# --- capital (default) --------------------------------------------------------

def test_every_form_fires_with_a_capitalising_fix():
    text = "вы, вас, вам, вами, ваш, ваша, ваше, ваши, вашего, вашей, вашему, вашим, вашими, ваших, вашу, вашем"
    expected, pos = [], 0
    for w in text.split(", "):
        expected.append((w, pos, w[0].upper() + w[1:]))
        pos += len(w) + 2
    assert _fixes(text) == expected


def test_exact_span_and_fix_in_a_sentence():
    assert _fixes("Курьер позвонит вам за час до приезда.") == [("вам", 16, "Вам")]
    assert _fixes("Мастер свяжется с вами сегодня в 15:00.") == [("вами", 18, "Вами")]


def test_only_lowercase_forms_fire():
    text = "Доставить заказ вам в субботу не можем: в Ваш район курьеры не ездят."
    assert spans(text, RULE) == ["вам"]


@pytest.mark.parametrize("text", [
    "Курьер позвонит Вам за час до приезда.",
    "ВАШ ЗАКАЗ ГОТОВ К ВЫДАЧЕ.",  # all caps count as capitalised
    "Выезд мастера бесплатный, вывоз упаковки тоже.",
    "Увы, синий цвет закончился.",
    "Курьер везёт соевый соус и васаби.",
    "Здравствуйте, Анна Васильевна! Выписку выслали на почту.",
    "Вы написали: «вы обещали привезти заказ вчера».",  # the Клиент's words
    "Уважаемые клиенты! Для вас скидка 10% до пятницы.",  # a group
    "Уважаемые покупатели! Спасибо, что вы с нами.",  # «Уважаемые» mis-tagged as a name
    "Здравствуйте, коллеги! Спасибо вам за участие.",
    "Дорогие друзья, ждём вас на открытии.",
    "Спасибо вам всем за участие в опросе.",
    "Вы все получите подарок.",
    "Благодарим вас обоих за отзыв.",
    "Каждый из вас получит промокод.",
    "Для всех вас подарок.",
])
def test_quiet_in_capital_style(text):
    assert not fires(text, RULE)


def test_plural_marker_only_covers_its_own_sentence():
    text = "Каждый из вас получит промокод. А вам, Анна, пришлём ещё и сертификат."
    assert spans(text, RULE) == ["вам"]


def test_singular_vsyo_is_not_a_plural_marker():
    assert spans("Спасибо, вы всё сделали правильно.", RULE) == ["вы"]


def test_sms_is_checked_too():
    assert _fixes("Курьер приедет к вам завтра с 10:00 до 14:00.", channel="sms") == [("вам", 17, "Вам")]


def test_autofix_keeps_the_rest_of_the_word():
    assert _fixes("Чек пришлём на вашу почту.") == [("вашу", 15, "Вашу")]


# --- lower ------------------------------------------------------------------

def test_lower_style_fires_on_mid_sentence_capitals():
    text = "Спасибо! Вы получите чек на почту, курьер позвонит Вам за час."
    assert _fixes(text, you_style="lower") == [("Вам", 51, "вам")]


def test_lower_style_all_caps_word_counts_as_capitalised():
    assert _fixes("Передайте ВАШ номер заказа курьеру.", you_style="lower") == [("ВАШ", 10, "ваш")]


@pytest.mark.parametrize("text", [
    "Вы получите чек на почту, курьер позвонит вам.",
    "Ваш заказ готов.\nВам позвонит курьер.",
    "— Вы можете забрать заказ завтра.",
    "1. Вы оформляете возврат в приложении.",
    "ВАШ ЗАКАЗ ГОТОВ К ВЫДАЧЕ.",  # an all-caps heading shows no style
    "Вы написали: «Вы обещали привезти заказ вчера».",
])
def test_lower_style_quiet(text):
    assert not fires(text, RULE, you_style="lower")


# --- consistent ---------------------------------------------------------------

def test_consistent_fires_on_the_minority_lowercase():
    text = "Ваш заказ готов. Курьер позвонит Вам в 12:00, а чек пришлёт вам на почту и в Ваш кабинет."
    assert _fixes(text, you_style="consistent") == [("вам", 60, "Вам")]


def test_consistent_fires_on_the_minority_capital():
    text = "Мы пришлём вам чек, курьер позвонит вам, а в Вашем кабинете будет вся история заказов, и вы сможете её скачать."
    assert _fixes(text, you_style="consistent") == [("Вашем", 45, "вашем")]


def test_consistent_tie_goes_to_capital():
    text = "Курьер позвонит Вам, а чек пришлёт вам."
    assert _fixes(text, you_style="consistent") == [("вам", 35, "Вам")]


@pytest.mark.parametrize("text", [
    "Курьер позвонит вам, а чек пришлёт вам.",
    "Курьер позвонит Вам, а чек пришлёт Вам.",
    "Вы получите чек, курьер позвонит вам.",  # a sentence-initial capital shows no style
])
def test_consistent_quiet(text):
    assert not fires(text, RULE, you_style="consistent")
