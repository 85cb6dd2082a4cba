"""Settings a lint run takes (from CLI flags, config files or library callers)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Severity

YOU_STYLES = ("capital", "lower", "consistent")
CHANNELS = ("email", "sms")
# Other names of a channel: a chat reply is linted as e-mail (every rule that
# applies to e-mail applies to a chat reply, `missing-thanks` included).
CHANNEL_ALIASES = {"chat": "email", "e-mail": "email", "mail": "email"}


def channel_name(value) -> str | None:
    """The channel a name stands for («chat» → «email»), None if unknown."""
    name = str(value).strip().lower()
    name = CHANNEL_ALIASES.get(name, name)
    return name if name in CHANNELS else None
LT_LEVELS = ("default", "picky")

# LanguageTool issue types (ITS 2.0 localization-quality issue types, as the
# /v2/check API reports them in ``rule.issueType``), plus ``default`` for the
# types not listed in ``grammar-severity``.
LT_ISSUE_TYPES = (
    "misspelling", "grammar", "style", "typographical", "duplication", "whitespace",
    "inconsistency", "register", "uncategorized", "terminology",
    "mistranslation", "omission", "untranslated", "addition", "legal",
    "locale-specific-content", "locale-violation", "characters", "formatting",
    "inconsistent-entities", "numbers", "markup", "pattern-problem",
    "internationalization", "length", "non-conformance", "other", "default",
)
LT_DEFAULT_SEVERITY: dict[str, Severity] = {
    "misspelling": Severity.WARNING,
    "grammar": Severity.WARNING,
    "duplication": Severity.WARNING,
    "default": Severity.INFO,  # style, typographical, whitespace, uncategorized …
}


@dataclass(frozen=True)
class LanguageToolSettings:
    """How the ``grammar`` rule talks to LanguageTool (config ``languagetool-*``)."""

    url: str | None = None  # a LanguageTool server; None: a local one, if installed
    language: str = "ru-RU"
    mother_tongue: str | None = None
    level: str = "default"  # default | picky
    timeout: float = 15.0  # seconds per request
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    enabled_only: bool = False
    severity: tuple[tuple[str, Severity], ...] = ()  # issue type -> severity (overrides)

    def severity_for(self, issue_type: str | None) -> Severity:
        table = {**LT_DEFAULT_SEVERITY, **dict(self.severity)}
        return table.get((issue_type or "").lower(), table["default"])


@dataclass
class Options:
    select: frozenset[str] | None = None  # None: every rule enabled by default
    ignore: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)  # per-rule overrides
    you_style: str = "capital"  # capital | lower | consistent
    client_words: tuple[str, ...] | None = None  # None: lexicons/client_lowercase.toml
    sms_max_segments: int = 1
    grammar: bool = False
    second_opinion: bool = True  # the models of replylint.second_opinion
    languagetool: LanguageToolSettings = field(default_factory=LanguageToolSettings)
    lexicon_dirs: tuple[str, ...] = ()  # company lexicon directories (config ``lexicons``)

    def __post_init__(self) -> None:
        if self.you_style not in YOU_STYLES:
            raise ValueError(
                f"неизвестный стиль «Вы»: «{self.you_style}» (ожидается {', '.join(YOU_STYLES)})"
            )
        if self.sms_max_segments < 1:
            raise ValueError("лимит SMS-сегментов должен быть не меньше 1")
