"""Where one clause ends and the next begins, for the helpers every rule uses.

Two misreadings of the parser used to hide a refusal:
- a plural predicate conjoined to a singular one («Ваше письмо ценно для
  нас, но вынуждены отклонить …») inherited the singular subject, so the
  refusal looked like a third party's;
- a clause opened by «поэтому» after «Вы не указали, что …» was read as
  part of the Клиент's reported words.
"""

from __future__ import annotations

import pytest

import replylint
from replylint.nlp.pipeline import get_nlp
from replylint.rules._clauses import subject


def _refusals(draft: str, incoming: str) -> list[str]:
    report = replylint.lint(draft, incoming=incoming)
    return [f.text for f in report.findings if f.rule == "refusal"]


@pytest.mark.parametrize("incoming,draft", [
    ("Хочу перенести визит.", "Ваша просьба нам понятна, однако вынуждены отказать в переносе визита."),
    ("Хочу обменять куртку.", "Ваше письмо очень ценно для нас, но вынуждены отклонить просьбу об обмене."),
])
def test_plural_predicate_after_a_singular_one_keeps_its_own_subject(incoming, draft):
    assert _refusals(draft, incoming)


def test_conjoined_predicates_that_agree_still_share_the_subject():
    doc = get_nlp()("Курьер приехал позже и оставил посылку у соседей.")
    left = next(t for t in doc if t.text == "оставил")
    assert subject(left) is not None and subject(left).text == "Курьер"


def test_a_consequence_we_draw_is_not_the_clients_reported_words():
    draft = "В заявке Вы не указали, что нужна доставка за город, поэтому привезти заказ туда мы не сможем."
    assert _refusals(draft, "Привезите заказ на дачу.")


def test_the_clients_reported_words_stay_reported():
    draft = "Вы написали, что мы не сможем привезти заказ на дачу, — это не так, привезём в субботу."
    assert not _refusals(draft, "Почему отказ?")
