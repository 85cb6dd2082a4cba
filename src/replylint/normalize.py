"""Normalisation: from the original message text to the text the NLP sees.

Every step keeps an exact map back to the original, so a finding found in the
analysed text is reported at its true offset in the file. Steps:

- placeholders of templates (``{{ … }}``, ``{% … %}``, ``%NAME%``, ``${name}``)
  are *masked*: replaced by neutral stand-ins so the sentence still parses,
  and no finding may fall inside them;
- words that mix Cyrillic and Latin look-alike letters («клиeнт») are
  de-confused letter by letter (same length), and each such word is recorded
  for the ``mixed-script`` rule.

Format readers (e-mail, HTML, Markdown) build on :class:`TextBuilder` too: they
append kept slices of the original and replacements, and the map follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lexicon


@dataclass
class MixedWord:
    """A word with Cyrillic and Latin look-alikes, in analysed-text offsets."""

    start: int
    end: int
    original: str
    fixed: str


@dataclass
class Normalized:
    """Analysed text plus the map back to the original text."""

    original: str
    text: str
    starts: list[int]  # analysed char index -> original offset where it starts
    ends: list[int]  # analysed index e (0..len) -> original offset where char e-1 ends
    masked: list[tuple[int, int]] = field(default_factory=list)  # analysed spans never reported
    mixed: list[MixedWord] = field(default_factory=list)
    ignored_lines: set[int] = field(default_factory=set)  # reserved for suppressions

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map an analysed ``[start, end)`` span to the original text."""
        if end <= start:
            o = self.starts[start] if start < len(self.starts) else len(self.original)
            return o, o
        return self.starts[start], self.ends[end]

    def is_masked(self, start: int, end: int) -> bool:
        return any(start < m_end and m_start < end for m_start, m_end in self.masked)

    def is_identity(self, start: int, end: int) -> bool:
        """True when the analysed span is a verbatim copy of the original span."""
        o_start, o_end = self.to_original(start, end)
        return self.original[o_start:o_end] == self.text[start:end]


class TextBuilder:
    """Accumulates analysed text with its map to the original."""

    def __init__(self, original: str) -> None:
        self.original = original
        self._parts: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = [0]
        self.masked: list[tuple[int, int]] = []
        self._len = 0

    def keep(self, o_start: int, o_end: int) -> None:
        """Copy ``original[o_start:o_end]`` unchanged."""
        if o_end <= o_start:
            return
        self._parts.append(self.original[o_start:o_end])
        self.starts.extend(range(o_start, o_end))
        self.ends.extend(range(o_start + 1, o_end + 1))
        self._len += o_end - o_start

    def replace(self, o_start: int, o_end: int, stand_in: str, *, mask: bool = True) -> None:
        """Put ``stand_in`` where ``original[o_start:o_end]`` was."""
        if stand_in:
            if mask:
                self.masked.append((self._len, self._len + len(stand_in)))
            self._parts.append(stand_in)
            self.starts.extend([o_start] * len(stand_in))
            self.ends.extend([o_end] * len(stand_in))
            self._len += len(stand_in)

    def build(self) -> Normalized:
        text = "".join(self._parts)
        if not self.ends or len(self.ends) != len(text) + 1:
            self.ends = self.ends[: len(text) + 1]
        return Normalized(self.original, text, self.starts, self.ends, list(self.masked))


# --- placeholders ---------------------------------------------------------

_PLACEHOLDER = re.compile(
    r"\{\{\{.*?\}\}\}"  # mustache triple
    r"|\{\{.*?\}\}"  # jinja / liquid / mustache variables and sections
    r"|\{%.*?%\}"  # jinja / liquid tags
    r"|\{#.*?#\}"  # jinja comments
    r"|\$\{[A-Za-z_][\w.]*\}"  # ${name}
    r"|%[A-Z][A-Z0-9_]*%",  # %NAME%
    re.S,
)


def _stand_in(placeholder: str) -> str:
    """A neutral word that keeps the sentence parseable."""
    if placeholder.startswith(("{%", "{#", "{{#", "{{/", "{{^", "{{!", "{{else")):
        return " "
    name = re.sub(r"[^a-zA-Zа-яА-Я_]", " ", placeholder).lower()
    data = lexicon.load("placeholders")
    for kind, stand_in in data.get("stand_ins", {}).items():
        if any(key in name for key in data.get("keys", {}).get(kind, [])):
            return stand_in
    return data.get("default", "Иван")


# --- mixed script ----------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*")
_CYR = re.compile(r"[а-яёА-ЯЁ]")
_LAT = re.compile(r"[a-zA-Z]")


def _fix_mixed(word: str, table: dict[str, str]) -> str | None:
    """Cyrillic spelling of a mixed word, or None when it is not mixed."""
    parts = re.split(r"([-‐])", word)
    changed = False
    out = []
    for part in parts:
        if _CYR.search(part) and _LAT.search(part):
            fixed = "".join(table.get(ch, ch) for ch in part)
            changed = changed or fixed != part
            out.append(fixed)
        else:
            out.append(part)
    return "".join(out) if changed else None


def normalize(original: str, *, templates: bool = True) -> Normalized:
    """Plain-text normalisation (placeholders, look-alike letters)."""
    builder = TextBuilder(original)
    pos = 0
    if templates and ("{" in original or "%" in original):
        for m in _PLACEHOLDER.finditer(original):
            builder.keep(pos, m.start())
            builder.replace(m.start(), m.end(), _stand_in(m.group()))
            pos = m.end()
    builder.keep(pos, len(original))
    norm = builder.build()
    return fix_lookalikes(norm)


def fix_lookalikes(norm: Normalized) -> Normalized:
    """Replace Latin look-alikes inside mixed words (same length, map unchanged)."""
    if not _LAT.search(norm.text) or not _CYR.search(norm.text):
        return norm
    table = lexicon.load("mixed_script").get("latin_to_cyrillic", {})
    chars = list(norm.text)
    for m in _WORD.finditer(norm.text):
        if norm.is_masked(m.start(), m.end()):
            continue
        fixed = _fix_mixed(m.group(), table)
        if fixed is not None and len(fixed) == len(m.group()):
            chars[m.start() : m.end()] = fixed
            norm.mixed.append(MixedWord(m.start(), m.end(), m.group(), fixed))
    norm.text = "".join(chars)
    return norm
