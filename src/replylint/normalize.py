"""Normalisation: from the original message text to the text the NLP sees.

Every step keeps an exact map back to the original, so a finding found in the
analysed text is reported at its true offset in the file. Steps:

- placeholders of templates — Jinja2/Liquid (``{{ … }}``, ``{% … %}``,
  ``{# … #}``), Mustache/Handlebars (``{{name}}``, ``{{#…}}``, ``{{/…}}``,
  ``{{{…}}}``, ``{{! … }}``, ``{{> …}}``), ``%NAME%`` and ``${name}`` — are
  *masked*: replaced by neutral stand-ins so the sentence still parses, and no
  finding may fall inside them;
- inline suppression comments (``{# replylint: disable=refusal #}``,
  ``{{! replylint: … }}``, and ``<!-- replylint: … -->`` in HTML/Markdown)
  are recorded in original offsets, and the engine drops findings they cover;
- words that mix Cyrillic and Latin look-alike letters («клиeнт», «Аndroid»
  with a Cyrillic «А») are spelled in one script letter by letter (same
  length): Cyrillic unless the word has Latin letters with no Cyrillic twin
  (then Latin: «iPhоne» → «iPhone»). Each such word is recorded for the
  ``mixed-script`` rule. Parts of hyphenated compounds are judged one by one
  («SIM-карта» is not mixed), and a Latin stem with a Russian ending
  («Excelе») is deliberate, not a confusion.

Format readers (e-mail, HTML, Markdown) build on :class:`TextBuilder` too: they
append kept slices of the original and replacements, and the map follows.
Stages compose with :func:`chain`: the HTML reader's visible text can be
normalised again (quotes cut, …) and the composite still maps every analysed
character to its exact offset in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lexicon


@dataclass
class MixedWord:
    """A word with Cyrillic and Latin look-alikes, in analysed-text offsets.

    ``fixed`` is the one-script spelling the analysed text now has; it equals
    ``original`` when the word mixes letters that have no twin in the other
    script on both sides («Жhello»), so no safe fix exists.
    """

    start: int
    end: int
    original: str
    fixed: str

    @property
    def fixable(self) -> bool:
        return self.fixed != self.original


@dataclass(frozen=True)
class Suppression:
    """One ``replylint:`` comment, at an offset of the original text.

    ``action`` is ``disable``/``enable`` (from here on) or ``range`` (only
    ``[start, end)``, for ``disable-next-line`` and ``disable-line``);
    ``rules`` is None for every rule.
    """

    action: str
    start: int
    end: int
    rules: frozenset[str] | None = None

    def covers(self, rule: str) -> bool:
        return self.rules is None or rule in self.rules


@dataclass
class Normalized:
    """Analysed text plus the map back to the original text."""

    original: str
    text: str
    starts: list[int]  # analysed char index -> original offset where it starts
    ends: list[int]  # analysed index e (0..len) -> original offset where char e-1 ends
    masked: list[tuple[int, int]] = field(default_factory=list)  # analysed spans never reported
    mixed: list[MixedWord] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)  # original offsets, in order
    warnings: list[str] = field(default_factory=list)  # shown with the report (Russian, one line each)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map an analysed ``[start, end)`` span to the original text."""
        if end <= start:
            o = self.starts[start] if start < len(self.starts) else len(self.original)
            return o, o
        return self.starts[start], max(self.ends[end], self.starts[start])

    def is_masked(self, start: int, end: int) -> bool:
        return any(start < m_end and m_start < end for m_start, m_end in self.masked)

    def is_identity(self, start: int, end: int) -> bool:
        """True when the analysed span is a verbatim copy of the original span."""
        o_start, o_end = self.to_original(start, end)
        return self.original[o_start:o_end] == self.text[start:end]

    def is_contiguous(self, start: int, end: int) -> bool:
        """True when the analysed span maps character by character onto one
        unbroken original span (no tag, entity or cut inside): only then may
        a fix replace the original span."""
        if end <= start:
            return True
        o_start = self.starts[start]
        if self.ends[end] - o_start != end - start:
            return False
        return all(self.starts[i] == o_start + (i - start) for i in range(start, end))

    def is_suppressed(self, rule: str, offset: int) -> bool:
        """An inline ``replylint:`` comment turns ``rule`` off at this original offset."""
        if not self.suppressions:
            return False
        disabled = False
        for s in self.suppressions:
            if s.action == "range":
                if s.start <= offset < s.end and s.covers(rule):
                    return True
                continue
            if s.start > offset:
                continue
            if s.covers(rule):
                disabled = s.action == "disable"
        return disabled


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
        return Normalized(self.original, text, self.starts, self.ends, _merge_spans(self.masked))


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def chain(first: Normalized, second: Normalized) -> Normalized:
    """Compose two stages: ``second`` normalised ``first.text``.

    The result maps ``second.text`` straight to ``first.original``; a
    character is masked when it is masked in either stage. Suppressions and
    warnings come from ``first`` (the stage that saw the real original) plus
    any ``second`` found.
    """
    if second.original != first.text:
        raise ValueError("chain: the second stage must normalise the first stage's text")
    n = len(first.text)
    first_end = first.ends[n] if n else 0

    def start_of(k: int) -> int:
        return first.starts[k] if k < n else first_end

    starts = [start_of(k) for k in second.starts]
    ends = [first.ends[k] for k in second.ends]
    # mask flags of first.text, with prefix sums for "does [a, b) touch a mask"
    prefix = [0] * (n + 1)
    if first.masked:
        flags = bytearray(n)
        for a, b in first.masked:
            flags[a:b] = b"\x01" * (b - a)
        for i in range(n):
            prefix[i + 1] = prefix[i] + flags[i]
    masked = list(second.masked)
    if first.masked:
        run = None
        for i in range(len(second.text)):
            a, b = second.starts[i], max(second.ends[i + 1], second.starts[i] + 1)
            hit = prefix[min(b, n)] - prefix[min(a, n)] > 0
            if hit and run is None:
                run = i
            elif not hit and run is not None:
                masked.append((run, i))
                run = None
        if run is not None:
            masked.append((run, len(second.text)))
    for i in range(1, len(ends)):
        if ends[i] < starts[i - 1]:
            ends[i] = starts[i - 1]
    return Normalized(
        first.original, second.text, starts, ends, _merge_spans(masked),
        mixed=list(second.mixed),
        suppressions=sorted(
            first.suppressions
            + [Suppression(x.action, start_of(x.start), start_of(x.end), x.rules) for x in second.suppressions],
            key=lambda x: x.start,
        ),
        warnings=first.warnings + second.warnings,
    )


# --- placeholders ---------------------------------------------------------

_PLACEHOLDER = re.compile(
    r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}"  # liquid comment block
    r"|\{\{!--.*?--\}\}"  # handlebars comment (may contain "}}")
    r"|\{\{\{.*?\}\}\}"  # mustache triple
    r"|\{\{.*?\}\}"  # jinja / liquid / mustache variables and sections
    r"|\{%.*?%\}"  # jinja / liquid tags
    r"|\{#.*?#\}"  # jinja comments
    r"|\$\{[^\W\d][\w.]*\}"  # ${name}, ${имя}
    r"|%[A-Za-zА-Яа-яЁё_][A-Za-zА-Яа-яЁё0-9_]*%",  # %NAME%, %ИМЯ%
    re.S,
)

# Mustache/Handlebars tags that print nothing where they stand: sections,
# inverted sections, closers, comments, partials, else.
_SILENT = re.compile(r"^\{\{[~\s]*(?:[#/^!>]|else\b)")


def _stand_in(placeholder: str) -> str:
    """A neutral word that keeps the sentence parseable."""
    if placeholder.startswith(("{%", "{#")) or _SILENT.match(placeholder):
        return " "
    name = re.sub(r"[^a-zA-Zа-яА-Я_]", " ", placeholder).lower()
    data = lexicon.load("placeholders")
    for kind, stand_in in data.get("stand_ins", {}).items():
        if any(key in name for key in data.get("keys", {}).get(kind, [])):
            return stand_in
    return data.get("default", "Иван")


# --- inline suppressions -----------------------------------------------------

_DIRECTIVE = r"replylint\s*:\s*(?P<body>[^\n]*?)\s*"
_COMMENT_SYNTAX = {
    "jinja": re.compile(r"\{#-?\s*" + _DIRECTIVE + r"-?#\}"),
    "mustache": re.compile(r"\{\{!(?:--)?\s*" + _DIRECTIVE + r"(?:--)?\}\}"),
    "html": re.compile(r"<!--\s*" + _DIRECTIVE + r"-->"),
}
_BODY = re.compile(
    r"^(?P<action>disable-next-line|disable-line|disable|enable)"
    r"(?:\s*[=:]?\s*(?P<rules>[\w-]+(?:\s*,\s*[\w-]+)*))?$"
)


def find_suppressions(original: str, syntaxes=("jinja", "mustache")) -> tuple[list[Suppression], list[str]]:
    """The ``replylint:`` comments of ``original`` in the given comment
    syntaxes, and a warning for each one that cannot be understood."""
    from .model import LineIndex
    from .rules import RULE_MODULES

    found: list[tuple[int, int, str]] = []
    for name in syntaxes:
        if name == "html" and "<!--" not in original:
            continue
        if name != "html" and "{" not in original:
            continue
        found += [(m.start(), m.end(), m.group("body")) for m in _COMMENT_SYNTAX[name].finditer(original)]
    if not found:
        return [], []
    index = LineIndex(original)
    out: list[Suppression] = []
    warnings: list[str] = []
    for start, end, body in sorted(found):
        line, _ = index.line_col(start)
        m = _BODY.match(body)
        if not m:
            warnings.append(f"строка {line}: непонятная директива «replylint: {body}» пропущена")
            continue
        rules = None
        if m.group("rules"):
            ids = [r.strip() for r in m.group("rules").split(",")]
            unknown = [r for r in ids if r not in RULE_MODULES]
            if unknown:
                warnings.append(f"строка {line}: неизвестное правило «{unknown[0]}» в директиве replylint")
            rules = frozenset(ids)
        action = m.group("action")
        if action in ("disable", "enable"):
            out.append(Suppression(action, start, start, rules))
            continue
        this_start, this_end = _line_bounds(original, index, line)
        if action == "disable-line":
            out.append(Suppression("range", this_start, this_end, rules))
            continue
        end_line, _ = index.line_col(max(start, end - 1))
        next_start, next_end = _line_bounds(original, index, end_line + 1)
        out.append(Suppression("range", next_start, next_end, rules))
    return out, warnings


def _line_bounds(text: str, index, line: int) -> tuple[int, int]:
    """Original offsets of a 1-based line, line break included."""
    starts = index._starts
    if line > len(starts):
        return len(text), len(text)
    start = starts[line - 1]
    end = starts[line] if line < len(starts) else len(text)
    return start, end


def mask_placeholders(original: str, *, comments=("jinja", "mustache")) -> Normalized:
    """First stage for any text: template placeholders masked, inline
    suppression comments (in the given syntaxes) recorded."""
    builder = TextBuilder(original)
    pos = 0
    if "{" in original or "%" in original or "$" in original:
        for m in _PLACEHOLDER.finditer(original):
            builder.keep(pos, m.start())
            builder.replace(m.start(), m.end(), _stand_in(m.group()))
            pos = m.end()
    builder.keep(pos, len(original))
    norm = builder.build()
    norm.suppressions, norm.warnings = find_suppressions(original, comments)
    return norm


# --- mixed script ----------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)*")
_HYPHEN = re.compile(r"([-\u2010\u2011])")
_CYR = re.compile(r"[\u0400-\u052f]")
_LAT = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _is_cyr(ch: str) -> bool:
    return "\u0400" <= ch <= "\u052f"


def _is_lat(ch: str) -> bool:
    return ("a" <= ch.lower() <= "z") or ("\u00c0" <= ch <= "\u024f" and ch not in "\u00d7\u00f7")


@dataclass(frozen=True)
class _Tables:
    to_cyr: dict[str, str]  # Latin look-alike -> Cyrillic twin
    to_lat: dict[str, str]  # Cyrillic look-alike -> Latin twin
    endings: frozenset[str]  # Russian endings put on a Latin stem («Excelе», «Zoomом»)


def _tables() -> _Tables:
    data = lexicon.load("mixed_script")
    to_cyr = dict(data.get("latin_to_cyrillic", {}))
    to_lat: dict[str, str] = {}
    for lat, cyr in to_cyr.items():
        to_lat.setdefault(cyr, lat)
    return _Tables(to_cyr, to_lat, frozenset(e.lower() for e in data.get("russian_endings", [])))


def _fix_part(part: str, tables: _Tables) -> str | None:
    """The one-script spelling of a hyphen-free word part.

    ``None``: the part is in one script (or is a Latin stem with a Russian
    ending, which is deliberate). The part itself: it mixes letters that have
    no twin in the other script on both sides, so no safe fix exists.
    """
    cyr = [ch for ch in part if _is_cyr(ch)]
    lat = [ch for ch in part if _is_lat(ch)]
    if not cyr or not lat:
        return None
    strong_lat = any(ch not in tables.to_cyr for ch in lat)
    strong_cyr = any(ch not in tables.to_lat for ch in cyr)
    # «Excelе», «iPhoneом»: a Latin stem, then a Cyrillic case ending.
    k = next(i for i, ch in enumerate(part) if _is_cyr(ch))
    if strong_lat and k > 0 and not any(_is_lat(ch) for ch in part[k:]):
        if part[k:].lower() in tables.endings or strong_cyr:
            return None
    if strong_lat and strong_cyr:
        return part
    if strong_lat:
        target = "lat"
    elif strong_cyr:
        target = "cyr"
    else:  # every letter has a twin: the majority wins, Cyrillic on a tie
        target = "lat" if len(lat) > len(cyr) else "cyr"
    table = tables.to_lat if target == "lat" else tables.to_cyr
    return "".join(table.get(ch, ch) for ch in part)


def _fix_mixed(word: str, tables: _Tables) -> str | None:
    """One-script spelling of a mixed word (the word itself when no safe fix
    exists), or None when it is not mixed. Each part of a hyphenated compound
    is judged on its own: «SIM-карта» is not mixed, «Tрек-номер» is."""
    parts = _HYPHEN.split(word)
    mixed = False
    out = []
    for part in parts:
        fixed = _fix_part(part, tables)
        if fixed is None:
            out.append(part)
        else:
            mixed = True
            out.append(fixed)
    return "".join(out) if mixed else None


def normalize(original: str, *, templates: bool = True) -> Normalized:
    """Plain-text normalisation (placeholders, suppressions, look-alike letters)."""
    if templates:
        norm = mask_placeholders(original)
    else:
        builder = TextBuilder(original)
        builder.keep(0, len(original))
        norm = builder.build()
    return fix_lookalikes(norm)


def fix_lookalikes(norm: Normalized) -> Normalized:
    """Spell every word that mixes Cyrillic and Latin letters in one script
    (same length, so the offset map is unchanged) and record it in
    ``norm.mixed``. Masked placeholders are never touched, and a word is never
    glued across one."""
    if not _LAT.search(norm.text) or not _CYR.search(norm.text):
        return norm
    tables = _tables()
    chars = list(norm.text)
    bounds = [0]
    for m_start, m_end in sorted(norm.masked):
        bounds += [m_start, m_end]
    bounds.append(len(norm.text))
    for seg_start, seg_end in zip(bounds[::2], bounds[1::2]):
        for m in _WORD.finditer(norm.text, seg_start, max(seg_start, seg_end)):
            fixed = _fix_mixed(m.group(), tables)
            if fixed is None or len(fixed) != len(m.group()):
                continue
            chars[m.start() : m.end()] = fixed
            norm.mixed.append(MixedWord(m.start(), m.end(), m.group(), fixed))
    norm.text = "".join(chars)
    return norm
