"""client-lowercase: «Клиент» and its synonyms in every form, capitalised."""

import pytest

import replylint
from replylint.options import Options

from .conftest import findings, fires, spans

RULE = "client-lowercase"

FORMS = {
    "клиент": "клиент клиента клиенту клиентом клиенте клиенты клиентов клиентам клиентами клиентах",
    "клиентка": "клиентка клиентки клиентке клиентку клиенткой клиенток клиенткам клиентками клиентках",
    "покупатель": "покупатель покупателя покупателю покупателем покупателе покупатели покупателей "
                  "покупателям покупателями покупателях",
    "покупательница": "покупательница покупательницы покупательнице покупательницу покупательницей "
                      "покупательниц покупательницам покупательницами покупательницах",
}


def _fixes(text, **kw):
    return [(f.text, f.offset, f.fix.replacement if f.fix else None) for f in findings(text, RULE, **kw)]


@pytest.mark.parametrize("lemma", list(FORMS))
def test_every_inflection_fires_with_exact_span_and_fix(lemma):
    words = FORMS[lemma].split()
    for word in words:
        text = f"Мы благодарим: {word}."
        assert _fixes(text) == [(word, 15, word[0].upper() + word[1:])], word


@pytest.mark.parametrize("text,word", [
    ("Мы ценим каждого клиента.", "клиента"),
    ("Ошибку исправили — у нас правило: клиент получает правильный товар.", "клиент"),
    ("Вы наша постоянная клиентка, доставка бесплатная.", "клиентка"),
    ("Как постоянной покупательнице дарим Вам сертификат.", "покупательнице"),
    ("По закону доставку оплачивает покупатель.", "покупатель"),
    ("Подарок клиенту: промокод LETO10.", "клиенту"),
    ("Для клиентов/партнёров скидка.", "клиентов"),
])
def test_fires_in_context(text, word):
    assert _fixes(text) == [(word, text.index(word), word[0].upper() + word[1:])]


@pytest.mark.parametrize("text", [
    "Мы ценим каждого Клиента.",
    "Мы ценим каждого КЛИЕНТА.",  # all caps count as capitalised
    # derived words
    "Клиентский сервис работает круглосуточно.",
    "Менеджер клиентского отдела позвонит сегодня.",
    "Мы стараемся быть клиентоориентированным банком.",
    "Это клиент-серверный протокол.",
    "Покупательский спрос вырос, покупательская способность тоже.",
    # Latin, identifiers, placeholders
    "Передайте client_id в поддержку.",
    "Поле клиент_id заполнится само, как и ID_клиента.",
    "Подпишитесь на #клиент и @клиент.",
    "Здравствуйте, {{ client_name }}! Ваш заказ готов.",
    "Шаблон: {{ клиент }}, ${клиент}, %КЛИЕНТ%.",
    # URLs and e-mail addresses
    "Пишите на клиент@магазин.рф.",
    "Вход: https://shop.ru/клиентам/вход",
    "Раздел магазин.рф/клиент открыт круглосуточно.",
    "Сайт клиент.рф работает.",
    # the Клиент's own words in quotes
    "Вы написали: «клиент всегда прав». Согласны!",
    'Вы назвали себя "покупатель со стажем" — это приятно.',
])
def test_quiet(text):
    assert not fires(text, RULE)


def test_sentence_end_dot_is_not_an_identifier():
    assert spans("Мы ценим клиентов. Спасибо!", RULE) == ["клиентов"]
    assert spans("Мы ценим клиентов.Спасибо!", RULE) == ["клиентов"]  # a missing space is not a domain


def test_lookalike_letter_is_fixed_and_capitalised():
    text = "Спасибо, клиeнт!"  # Latin «e»
    assert _fixes(text) == [("клиeнт", 9, "Клиент")]


def test_severity_is_error():
    (f,) = findings("Мы ценим клиента.", RULE)
    assert f.severity.label == "error"


def _with_words(text, words):
    report = replylint.lint(text, options=Options(select=frozenset([RULE]), client_words=words))
    return [(f.text, f.offset, f.fix.replacement) for f in report.findings]


def test_configurable_word_list_replaces_the_default():
    text = "Каждый абонент и каждый клиент важен."
    assert _with_words(text, ("абонент",)) == [("абонент", 7, "Абонент")]
    assert _with_words(text, ("Абонент", "клиент")) == [("абонент", 7, "Абонент"), ("клиент", 24, "Клиент")]


def test_configured_word_matches_every_form():
    text = "Звоним абонентам и пишем абонентами довольным."
    assert _with_words(text, ("абонент",)) == [("абонентам", 7, "Абонентам"), ("абонентами", 25, "Абонентами")]
