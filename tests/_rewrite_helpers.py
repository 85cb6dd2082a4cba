"""Helpers for the rewrite tests: rewrite a draft with one rule's rewrites."""

from __future__ import annotations

from replylint import fixes
from replylint.engine import Message, lint_messages
from replylint.model import Severity
from replylint.options import Options


def rewritten(text: str, rule: str, *, incoming: str | None = None, channel: str = "email") -> str:
    """The draft after ``replylint rewrite --select rule``."""
    message = Message(text, channel=channel, incoming=incoming)
    return fixes.rewrite_message(message, Options(select=frozenset({rule})))


def roundtrip_ok(text: str, rule: str, *, incoming: str | None = None) -> tuple[bool, str]:
    """Rewrite with every rule, check again: the rule is gone and no new
    error-level finding appeared."""
    options = Options()
    before = next(lint_messages([Message(text, channel="email", incoming=incoming)], options))
    new = fixes.rewrite_message(Message(text, channel="email", incoming=incoming), options)
    after = next(lint_messages([Message(new, channel="email", incoming=incoming)], options))
    old_rules = before.rules_fired()
    new_errors = {f.rule for f in after.findings if f.severity == Severity.ERROR} - old_rules
    return rule not in after.rules_fired() and not new_errors, new
