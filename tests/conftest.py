"""Shared helpers: lint a text once per (text, options) and look at findings."""

from __future__ import annotations

from functools import lru_cache

import pytest

import replylint
from replylint.options import Options


@lru_cache(maxsize=4096)
def _lint(text: str, channel: str, incoming: str | None, you_style: str):
    return replylint.lint(text, channel=channel, incoming=incoming, options=Options(you_style=you_style))


def findings(text: str, rule: str | None = None, *, channel: str = "email", incoming: str | None = None,
             you_style: str = "capital"):
    report = _lint(text, channel, incoming, you_style)
    return [f for f in report.findings if rule is None or f.rule == rule]


def fires(text: str, rule: str, **kw) -> bool:
    return bool(findings(text, rule, **kw))


def spans(text: str, rule: str, **kw) -> list[str]:
    """The exact texts a rule flags, in order."""
    return [f.text for f in findings(text, rule, **kw)]


def parse_example(example: str) -> tuple[str, dict]:
    """«text || incoming=… || channel=sms» → (text, kwargs)."""
    text, *ctx = [p.strip() for p in example.split("||")]
    kw = {}
    for item in ctx:
        key, _, value = item.partition("=")
        kw[key.strip().replace("-", "_")] = value.strip()
    return text, kw


@pytest.fixture
def lint():
    return _lint
