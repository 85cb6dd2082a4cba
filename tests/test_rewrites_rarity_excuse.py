"""rarity-excuse: ownership instead of statistics — the clause that plays the
problem down is replaced by regret about this Клиент's case (standard 003)."""

import pytest

from ._rewrite_helpers import rewritten, roundtrip_ok
from .conftest import findings

RULE = "rarity-excuse"


@pytest.mark.parametrize("text,incoming,expected", [
    # what the problem is about, from the Клиент's message: «Вашей посылкой» (feminine)
    ("Такое случается крайне редко.", "Посылка пришла разбитой!",
     "Нам очень жаль, что так вышло именно с Вашей посылкой."),
    # from the statistic itself: «98% наших заказов» (plural genitive) → «Вашим заказом»
    ("98% наших заказов доставляются вовремя, так что Вам просто не повезло.", None,
     "Нам очень жаль, что так вышло именно с Вашим заказом."),
    # «одна из тысячи доставок» → «Вашей доставкой»
    ("Такое случается один раз на тысячу доставок.", None,
     "Нам очень жаль, что так вышло именно с Вашей доставкой."),
    # nothing to name: «именно с Вами»
    ("Для нашего банка это исключительный случай.", None, "Нам очень жаль, что так вышло именно с Вами."),
])
def test_statistics_become_ownership(text, incoming, expected):
    assert rewritten(text, RULE, incoming=incoming) == expected


def test_the_clause_with_the_solution_stays():
    text = "Жалоб на эту модель почти не поступает, но Ваш смартфон мы заменим: новый привезём 2 октября."
    assert rewritten(text, RULE) == ("Нам очень жаль, что так вышло именно с Вами, но Ваш смартфон мы заменим: "
                                     "новый привезём 2 октября.")


def test_regret_already_said_is_not_repeated():
    text = "Нам очень жаль. Это единичный случай. Новый чайник привезём 3 марта."
    assert rewritten(text, RULE) == ("Нам очень жаль. Так вышло именно с Вами, и это наша ответственность. "
                                     "Новый чайник привезём 3 марта.")


def test_rewrite_resolves_the_rule():
    text = ("Здравствуйте, Злата!\n\nИзвините нас, пожалуйста. Подобное у нас случается очень редко. "
            "Недостающие товары привезём завтра с 12:00 до 16:00.\n\nСпасибо, что написали,\nМагазин")
    assert findings(text, RULE)
    ok, new = roundtrip_ok(text, RULE, incoming="В заказе не хватает двух товаров.")
    assert ok, new
    assert "Нам очень жаль, что так вышло именно с Вашим заказом." in new


def test_the_company_s_own_clause_stays():
    assert rewritten("Такое случается редко, мы уже разбираемся.", RULE) == \
        "Нам очень жаль, что так вышло именно с Вами, мы уже разбираемся."
