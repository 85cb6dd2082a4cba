"""vague-promise: a concrete deadline — «постараемся» goes, the infinitive
moves to the 1st person plural, the vague time becomes «сегодня до [время]»
or «до [дата]» (standards 000 §4, 002)."""

import pytest

from ._rewrite_helpers import rewritten, roundtrip_ok
from .conftest import findings

RULE = "vague-promise"


@pytest.mark.parametrize("text,expected", [
    # a call back fits in the day
    ("Постараемся перезвонить в ближайшее время.", "Перезвоним сегодня до [время]."),
    ("Постараемся связаться с Вами как можно скорее.", "Свяжемся с Вами сегодня до [время]."),
    # a refund gets a date; the effort verb in the middle of the sentence
    ("Возврат оформлен, деньги постараемся перечислить как можно быстрее.",
     "Возврат оформлен, деньги перечислим до [дата]."),
    # «будем стараться» and «в течение нескольких дней» with its preposition
    ("Мы будем стараться решить вопрос в течение нескольких дней.", "Мы решим вопрос до [дата]."),
    # no vague time: the deadline ends the promise
    ("Мы попробуем вернуть деньги.", "Мы вернём деньги до [дата]."),
    # «скоро» in place; the verb of contact decides the kind of deadline
    ("Мастер скоро с Вами свяжется.", "Мастер сегодня до [время] с Вами свяжется."),
    ("Деньги скоро поступят на Вашу карту.", "Деньги до [дата] поступят на Вашу карту."),
    # a hedge goes; the next word starts the sentence
    ("По возможности вернём деньги в ближайшее время.", "Вернём деньги до [дата]."),
])
def test_deadline_instead_of_effort(text, expected):
    assert rewritten(text, RULE) == expected


def test_findings_of_one_sentence_share_one_rewrite():
    text = "Постараемся найти посылку как можно скорее."
    fs = findings(text, RULE)
    assert [f.text for f in fs] == ["Постараемся", "как можно скорее"]
    assert {(f.rewrite.offset, f.rewrite.length, f.rewrite.replacement) for f in fs} == {
        (0, len(text) - 1, "Найдём посылку до [дата]")}


def test_rewrite_resolves_the_rule():
    text = ("Здравствуйте!\n\nСпасибо за обращение. Деньги постараемся перечислить в ближайшее время.\n\n"
            "Команда магазина")
    ok, new = roundtrip_ok(text, RULE)
    assert ok, new
    assert "Деньги перечислим до [дата]." in new


@pytest.mark.parametrize("text,expected", [
    # a vague clause of its own goes with its comma; the next clause's verb decides
    ("Как только сможем, свяжемся с Вами.", "Сегодня до [время] свяжемся с Вами."),
    ("Когда появится возможность, вернём деньги.", "До [дата] вернём деньги."),
    ("Вернём деньги, как только сможем.", "Вернём деньги до [дата]."),
    # effort with no verb to keep
    ("Постараемся, чтобы такого больше не было.", "Сделаем всё, чтобы такого больше не было."),
    # the placeholder inside the rewritten stretch is kept
    ("Постараемся доставить {{ product_title }} в ближайшее время.", "Доставим {{ product_title }} до [дата]."),
])
def test_clauses_and_placeholders(text, expected):
    assert rewritten(text, RULE) == expected
