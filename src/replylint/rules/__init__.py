"""The rule registry.

One rule, one small module (as in ruff). A module defines a :class:`Rule`
subclass whose docstring has three parts — what it does, why it matters,
examples — which ``replylint rule ID`` prints. Modules import nothing heavy at
import time, so listing rules does not load the NLP stack.
"""

from __future__ import annotations

import importlib
import inspect
import re
from functools import lru_cache
from typing import ClassVar, Iterable

from ..model import Severity

# Catalogue order (../shared/spec/rules.md): id -> module name.
RULE_MODULES: dict[str, str] = {
    "refusal": "refusal",
    "blame-shifting": "blame_shifting",
    "missing-apology": "missing_apology",
    "apology-form": "apology_form",
    "client-lowercase": "client_lowercase",
    "customer-legwork": "customer_legwork",
    "distrust": "distrust",
    "vague-promise": "vague_promise",
    "rarity-excuse": "rarity_excuse",
    "cliche": "cliche",
    "missing-thanks": "missing_thanks",
    "vy-lowercase": "vy_lowercase",
    "mixed-script": "mixed_script",
    "sms-length": "sms_length",
    "grammar": "grammar",
}


_EXAMPLE_HEADS = {"срабатывает": "fires", "не срабатывает": "quiet", "fires": "fires", "quiet": "quiet"}


class Rule:
    """Base class. Subclasses set the class attributes and implement ``check``."""

    id: ClassVar[str]
    severity: ClassVar[Severity]
    fixable: ClassVar[bool] = False
    default_enabled: ClassVar[bool] = True
    seed: ClassVar[str] = ""

    def check(self, ctx) -> Iterable:  # -> Iterable[context.Hit]
        raise NotImplementedError

    # --- documentation ----------------------------------------------------
    @classmethod
    def doc(cls) -> str:
        text = inspect.cleandoc(cls.__doc__ or "")
        from .. import second_opinion

        if cls.id in second_opinion.RULES:  # the model's paragraph, written once
            para = second_opinion.rule_doc(cls.id)
            head = "Почему это важно\n"
            text = text.replace(head, para + "\n\n" + head, 1) if head in text else text + "\n\n" + para
        return text

    @classmethod
    def summary(cls) -> str:
        return cls.doc().splitlines()[0] if cls.__doc__ else ""

    @classmethod
    def examples(cls) -> dict[str, list[str]]:
        """The ``- `` items under «Срабатывает:» and «Не срабатывает:» in the docstring.

        An item may end with `` || incoming=…`` or `` || channel=sms`` to give
        the context it needs. The test suite runs every example.
        """
        out: dict[str, list[str]] = {"fires": [], "quiet": []}
        key = None
        for line in cls.doc().splitlines():
            stripped = line.strip()
            head = _EXAMPLE_HEADS.get(stripped.rstrip(":").lower())
            if not stripped:
                key = None  # a blank line ends a list
            elif head and stripped.endswith(":"):
                key = head
            elif key and stripped.startswith("- "):
                out[key].append(stripped[2:].strip())
            elif key and out[key]:
                out[key][-1] += " " + stripped  # continuation line
        return out


def rule_ids() -> list[str]:
    return [rid for rid in RULE_MODULES if _module_exists(rid)]


def _module_exists(rule_id: str) -> bool:
    try:
        importlib.import_module(f"{__name__}.{RULE_MODULES[rule_id]}")
        return True
    except ModuleNotFoundError:
        return False


@lru_cache(maxsize=None)
def get_rule_class(rule_id: str) -> type[Rule]:
    if rule_id not in RULE_MODULES:
        raise KeyError(rule_id)
    module = importlib.import_module(f"{__name__}.{RULE_MODULES[rule_id]}")
    for obj in vars(module).values():
        if isinstance(obj, type) and issubclass(obj, Rule) and obj is not Rule and getattr(obj, "id", None) == rule_id:
            return obj
    raise KeyError(rule_id)


def all_rule_classes() -> list[type[Rule]]:
    return [get_rule_class(rid) for rid in rule_ids()]
