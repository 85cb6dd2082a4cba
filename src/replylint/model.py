"""Plain data objects passed between the pipeline stages.

Nothing here imports spaCy: the CLI can list rules and print help without
loading the NLP stack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    """Ordered so that ``max()`` gives the worst finding."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str | "Severity") -> "Severity":
        if isinstance(value, Severity):
            return value
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"неизвестная серьёзность «{value}» (ожидается error, warning или info)") from None

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Fix:
    """A safe edit in the original message text (code-point offsets)."""

    offset: int
    length: int
    replacement: str

    def to_dict(self) -> dict:
        return {"offset": self.offset, "length": self.length, "replacement": self.replacement}


@dataclass
class Finding:
    """One rule violation, located in the *original* text of a message."""

    rule: str
    severity: Severity
    message: str
    offset: int
    length: int
    text: str = ""
    suggestion: str | None = None
    fix: Fix | None = None
    rewrite: Fix | None = None  # a meaning-changing edit: applied by `rewrite`, never by --fix
    unsafe_fix: Fix | None = None  # a likely edit a person should check: --fix --unsafe-fixes
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity.label,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "length": self.length,
            "text": self.text,
            "suggestion": self.suggestion,
            "fix": self.fix.to_dict() if self.fix else None,
            "rewrite": self.rewrite.to_dict() if self.rewrite else None,
            "unsafe_fix": self.unsafe_fix.to_dict() if self.unsafe_fix else None,
        }


@dataclass
class Report:
    """The result of linting one message."""

    text: str
    findings: list[Finding] = field(default_factory=list)
    channel: str = "email"
    path: str | None = None
    id: str | int | None = None
    score: float = 10.0
    extra: dict = field(default_factory=dict)

    @property
    def positions_in_file(self) -> bool:
        """Whether offsets/lines point into the file itself: not for a batch
        record, nor for the decoded MIME part of an e-mail."""
        return self.id is None and "part" not in self.extra

    @property
    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    def rules_fired(self) -> set[str]:
        return {f.rule for f in self.findings}

    def to_dict(self) -> dict:
        d = {
            "path": self.path,
            "id": self.id,
            "channel": self.channel,
            "score": self.score,
            "findings": [f.to_dict() for f in self.findings],
        }
        d.update(self.extra)
        return d


class LineIndex:
    """Maps code-point offsets to 1-based (line, column).

    A line ends after ``\\n``, after ``\\r\\n`` and after a lone ``\\r``; line
    endings are not translated, so offsets stay those of the original text.
    """

    def __init__(self, text: str) -> None:
        import re

        self._starts = [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", text))]

    def line_col(self, offset: int) -> tuple[int, int]:
        from bisect import bisect_right

        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1
