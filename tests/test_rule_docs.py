"""Every rule documents itself, and its documented examples are true."""

import pytest

from replylint.rules import all_rule_classes

from .conftest import fires, parse_example

RULES = [c for c in all_rule_classes() if c.id != "grammar"]


@pytest.mark.parametrize("cls", RULES, ids=lambda c: c.id)
def test_docstring_has_three_parts(cls):
    doc = cls.doc()
    for part in ("Что делает", "Почему это важно", "Примеры"):
        assert part in doc, f"{cls.id}: no «{part}» section"
    ex = cls.examples()
    assert ex["fires"] and ex["quiet"], f"{cls.id}: examples must show firing and quiet cases"


def _cases():
    for cls in RULES:
        for kind in ("fires", "quiet"):
            for example in cls.examples()[kind]:
                yield pytest.param(cls.id, kind, example, id=f"{cls.id}-{kind}-{example[:30]}")


@pytest.mark.parametrize("rule,kind,example", list(_cases()))
def test_documented_example(rule, kind, example):
    text, kw = parse_example(example)
    assert fires(text, rule, **kw) == (kind == "fires")
