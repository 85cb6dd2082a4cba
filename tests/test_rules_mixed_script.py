"""mixed-script: words mixing Cyrillic and Latin letters, and the normaliser behind it."""

import pytest

from replylint.normalize import normalize

from .conftest import findings, fires, spans

RULE = "mixed-script"


def _fixes(text, rule=RULE, **kw):
    return [(f.text, f.offset, f.length, f.fix.replacement if f.fix else None) for f in findings(text, rule, **kw)]


@pytest.mark.parametrize("text,word,offset,fixed", [
    ("Спасибо за зaказ!", "зaказ", 11, "заказ"),  # Latin a
    ("Tрек-номер пришлём сегодня.", "Tрек-номер", 0, "Трек-номер"),  # Latin T in a compound part
    ("Kурьер будет у Вас в 14:30.", "Kурьер", 0, "Курьер"),
    ("Bаш заказ передан в доставку.", "Bаш", 0, "Ваш"),
    ("Нам жаль, чтo книги пострадали.", "чтo", 10, "что"),
    ("Новая ëлка уже в пути.", "ëлка", 6, "ёлка"),  # Latin ë for ё
])
def test_latin_lookalikes_in_a_russian_word(text, word, offset, fixed):
    assert _fixes(text) == [(word, offset, len(word), fixed)]


@pytest.mark.parametrize("text,word,fixed", [
    ("iPhоne 15 есть на складе.", "iPhоne", "iPhone"),  # Cyrillic о in a Latin brand
    ("Приложение для Аndroid уже доступно.", "Аndroid", "Android"),  # Cyrillic А
    ("Подробнее в FAQ: Embеd.", "Embеd", "Embed"),
])
def test_cyrillic_lookalikes_in_a_latin_word_are_fixed_to_latin(text, word, fixed):
    assert _fixes(text) == [(word, text.index(word), len(word), fixed)]


def test_no_safe_fix_is_reported_without_fix():
    assert _fixes("Привет, Жhello!") == [("Жhello", 8, 6, None)]


@pytest.mark.parametrize("text", [
    "Новую SIM-карту привезёт курьер.",
    "Оплатить можно по QR-коду через СБП.",
    "Маршрут виден по GPS-треку.",
    "Скорость до 150 Мбит/с по Wi-Fi.",
    "Платье в размере M вернётся на склад.",
    "Таблицу пришлём в Excelе, созвонимся по Zoomу.",  # Latin stem + Russian ending
    "Vash zakaz dostavim zavtra. Spasibo!",
    "Здравствуйте, {{ client_name }}! Заказ готов.",
    "Пишите на info@shop.ru или https://shop.ru/help.",
])
def test_quiet(text):
    assert not fires(text, RULE)


def test_every_mixed_word_reported_once():
    assert spans("Спaсибо за зaказ, клиeнт!", RULE) == ["Спaсибо", "зaказ", "клиeнт"]


def test_fixed_word_is_checked_by_client_lowercase_too():
    text = "Бесплатная доставка для клиeнтов с заказом от 3 000 ₽."
    assert _fixes(text) == [("клиeнтов", 24, 8, "клиентов")]
    assert _fixes(text, "client-lowercase") == [("клиeнтов", 24, 8, "Клиентов")]


def test_fixed_thanks_counts_for_missing_thanks():
    assert fires("Здравствуйте, Вика! Платье вернётся на склад 10 июня.", "missing-thanks")
    assert not fires("Здравствуйте, Вика! Спaсибо за вопрос. Платье вернётся 10 июня.", "missing-thanks")


def test_fixed_possessive_is_checked_by_vy_lowercase():
    assert _fixes("Промокод действует для вaшего заказа.", "vy-lowercase") == [("вaшего", 23, 6, "Вашего")]


def test_mixed_word_in_quotes_still_fires():
    assert spans("Вы написали: «зaказ не пришёл».", RULE) == ["зaказ"]


# --- the normaliser ---------------------------------------------------------

def test_normaliser_keeps_length_and_records_word():
    norm = normalize("Ваш зaказ готов")
    assert norm.text == "Ваш заказ готов"
    assert [(m.start, m.end, m.original, m.fixed) for m in norm.mixed] == [(4, 9, "зaказ", "заказ")]
    assert norm.to_original(4, 9) == (4, 9)


def test_normaliser_does_not_glue_words_across_a_placeholder():
    # before: the stand-in «Иван» joined both words into one masked word, so neither was fixed
    norm = normalize("клиeнт{{x}}клиeнт")
    assert [(m.original, m.fixed) for m in norm.mixed] == [("клиeнт", "клиент"), ("клиeнт", "клиент")]
    assert norm.to_original(norm.mixed[1].start, norm.mixed[1].end) == (11, 17)


def test_normaliser_leaves_placeholders_alone():
    norm = normalize("{{ zakaz_id }} и Tрек")
    assert [m.original for m in norm.mixed] == ["Tрек"]
    assert norm.text.endswith("Трек")


def test_offsets_after_a_placeholder():
    text = "Здравствуйте, {{ client_name }}! Ваш зaказ готов."
    assert _fixes(text) == [("зaказ", text.index("зaказ"), 5, "заказ")]
