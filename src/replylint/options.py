"""Settings a lint run takes (from CLI flags, config files or library callers)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Severity

YOU_STYLES = ("capital", "lower", "consistent")


@dataclass
class Options:
    select: frozenset[str] | None = None  # None: every rule enabled by default
    ignore: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)  # per-rule overrides
    you_style: str = "capital"  # capital | lower | consistent
    client_words: tuple[str, ...] | None = None  # None: lexicons/client_lowercase.toml
    sms_max_segments: int = 1
    grammar: bool = False
    lexicon_dirs: tuple[str, ...] = ()  # company lexicon directories (config ``lexicons``)

    def __post_init__(self) -> None:
        if self.you_style not in YOU_STYLES:
            raise ValueError(
                f"неизвестный стиль «Вы»: «{self.you_style}» (ожидается {', '.join(YOU_STYLES)})"
            )
        if self.sms_max_segments < 1:
            raise ValueError("лимит SMS-сегментов должен быть не меньше 1")
