"""Only the new reply: quoted history and the signature are cut.

Works on lines of text (a plain-text e-mail body, or the visible text of an
HTML e-mail or page, where ``<blockquote>`` lines carry ``> `` stand-ins):

- lines quoted with ``>`` are never linted, wherever they are (top-posting or
  answers written between the quoted lines);
- in e-mail mode also: everything from an attribution line («… пишет:»,
  «… wrote:»), a separator («-----Original Message-----», «-------- Пересылаемое
  сообщение --------») or an Outlook header block («От: … Отправлено: …
  Кому: … Тема: …») to the end; and the signature, from a ``-- `` line (or
  «Отправлено с iPhone») to the quoted history or the end.

Cut lines are simply left out of the analysed text (the map keeps every
offset exact). The quoted message itself — the Клиент's words being answered —
is returned as plain text: it becomes the ``incoming`` context of the reply.

Hard-wrapped plain-text e-mails are re-joined when asked (``unwrap``): a line
break is a soft one when the line ends with a space (``format=flowed``), or
when the next line goes on with a lower-case letter after a line that does not
end a sentence; the NLP would otherwise start a new sentence at every break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from ..normalize import Normalized, TextBuilder

_QUOTE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_SENTENCE_END = re.compile(r"[.!?…:;)»\"]\s*$")
_LOWER_START = re.compile(r"^[ \t]*[a-zа-яё]")


@dataclass
class _Line:
    start: int
    end: int  # end of content (before the line break)
    stop: int  # end including the line break
    depth: int  # quote depth
    body: str  # content without quote markers and surrounding spaces


@lru_cache(maxsize=1)
def _patterns():
    data = lexicon.load("email")

    def many(key):
        return [re.compile(p, re.I) for p in data.get(key, [])]

    return {
        "attribution": many("attribution"),
        "hint": many("attribution_hint"),
        "separators": many("separators"),
        "signature": many("signature"),
        "from": re.compile(data["header_from"], re.I),
        "other": re.compile(data["header_other"], re.I),
    }


def _lines(text: str) -> list[_Line]:
    out = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        raw = m.group()
        content = raw.rstrip("\r\n")
        prefix = _QUOTE_PREFIX.match(content)
        depth = prefix.group().count(">") if prefix else 0
        body = content[prefix.end():] if prefix else content
        out.append(_Line(m.start(), m.start() + len(content), m.end(), depth, body.strip()))
    return out


def _any(patterns, s: str) -> bool:
    return any(p.fullmatch(s) for p in patterns)


def _is_history_start(lines: list[_Line], i: int) -> int:
    """Number of header lines when a quoted history starts at line ``i`` (0: it does not)."""
    p = _patterns()
    body = lines[i].body
    if not body or lines[i].depth:
        return 0
    if _any(p["separators"], body):
        return 1
    if _any(p["attribution"], body):
        return 1
    if p["from"].fullmatch(body):
        # Outlook: От / Отправлено / Кому / Тема on the next lines
        j = i + 1
        while j < len(lines) and lines[j].body and not lines[j].depth and p["other"].fullmatch(lines[j].body):
            j += 1
        if j - i - 1 >= 2:
            return j - i
    if body.endswith(":") and any(h.search(body) for h in p["hint"]) and _quoted_follows(lines, i):
        return 1
    return 0


def _wrapped_attribution(lines: list[_Line], i: int) -> bool:
    """The attribution at line ``i`` began on the line before (clients wrap it)."""
    if i == 0 or not _any(_patterns()["attribution"], lines[i].body):
        return False
    prev = lines[i - 1]
    return (bool(prev.body) and not prev.depth and (prev.body.endswith(("<", ",")) or "@" in prev.body)
            and any(h.search(prev.body) for h in _patterns()["hint"]))


def _quoted_follows(lines: list[_Line], i: int) -> bool:
    j = i + 1
    while j < len(lines) and not lines[j].body and not lines[j].depth:
        j += 1
    return j < len(lines) and lines[j].depth > 0


def _is_attribution_before_quote(lines: list[_Line], i: int) -> bool:
    p = _patterns()
    body = lines[i].body
    if lines[i].depth or not body.endswith(":") or not _quoted_follows(lines, i):
        return False
    return _any(p["attribution"], body) or any(h.search(body) for h in p["hint"])


def _dequote(text: str, lines: list[_Line]) -> str:
    """The quoted lines, one level of ``>`` removed."""
    out = []
    for line in lines:
        raw = text[line.start:line.end]
        out.append(re.sub(r"^[ \t]*>[ \t]?", "", raw, count=1))
    return "\n".join(out)


@dataclass
class Reply:
    norm: Normalized  # over the input text: only the reply is analysed
    incoming: str | None  # the quoted message being answered, as plain text


def extract_reply(text: str, *, email: bool, unwrap: bool = False) -> Reply:
    """Cut quoted lines (and, for e-mail, history and signature) from ``text``."""
    lines = _lines(text)
    p = _patterns()
    end = len(lines)
    history = None
    signature = None
    if email:
        for i, line in enumerate(lines):
            if line.depth:
                continue
            n = _is_history_start(lines, i)
            if n:
                if n == 1 and _wrapped_attribution(lines, i):
                    i, n = i - 1, 2  # «On Mon, 15 Apr 2024 at 12:03, Ivan Petrov <» + «ivan@x.ru> wrote:»
                history = (i, n)
                end = i
                break
            if signature is None and line.body and _any(p["signature"], line.body):
                signature = i
        if signature is not None:
            end = min(end, signature)

    keep = [not line.depth for line in lines[:end]]
    if email:
        for i in range(end):
            if keep[i] and _is_attribution_before_quote(lines, i):
                keep[i] = False

    builder = TextBuilder(text)
    for i in range(end):
        line = lines[i]
        if not keep[i]:
            continue
        builder.keep(line.start, line.end)
        nxt = i + 1
        if unwrap and nxt < end and keep[nxt] and _soft_break(text, line, lines[nxt]):
            if text[line.end - 1:line.end] in (" ", "\t"):
                builder.replace(line.end, line.stop, "", mask=False)
            else:
                builder.replace(line.end, line.stop, " ", mask=False)
        else:
            builder.keep(line.end, line.stop)
    norm = builder.build()
    return Reply(norm, _incoming(text, lines, end, history))


def _soft_break(text: str, line: _Line, nxt: _Line) -> bool:
    content = text[line.start:line.end]
    if not content.strip() or not nxt.body or content.strip() == "--":
        return False
    if content.endswith(" ") and content.strip():
        return True  # format=flowed
    return not _SENTENCE_END.search(content) and bool(_LOWER_START.match(text[nxt.start:nxt.end]))


def _incoming(text: str, lines: list[_Line], end: int, history) -> str | None:
    """The Клиент's message: the quoted lines of the reply part, or the first
    message of the quoted history (its own quotes and signature cut)."""
    quoted = [line for line in lines[:end] if line.depth]
    if quoted:
        body = _dequote(text, quoted)
    elif history is not None:
        i, n = history
        rest = lines[i + n:]
        p = _patterns()
        while rest and not rest[0].depth and (
                not rest[0].body or p["from"].fullmatch(rest[0].body) or p["other"].fullmatch(rest[0].body)):
            rest = rest[1:]  # blank lines and the quoted message's own headers
        if rest and rest[0].depth:
            block = []
            for line in rest:
                if not line.depth and line.body:
                    break
                block.append(line)
            body = _dequote(text, block)
        else:
            body = "\n".join(text[line.start:line.end] for line in rest)
    else:
        return None
    inner = extract_reply(body, email=True, unwrap=True)
    # the quote may itself open with its attribution (Apple Mail quotes it too)
    return inner.norm.text.strip() or inner.incoming or None
