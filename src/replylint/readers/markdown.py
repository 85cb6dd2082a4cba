"""Markdown → the text a reader sees, mapped to the source.

Not text: code (fenced blocks are left out; inline ``code`` becomes a masked
stand-in), link targets and reference definitions, images, HTML tags and
comments, heading/list/table markers, emphasis markers, backslashes of
escapes. Lines of one paragraph are joined (a soft line break is a space, as
Markdown renders it), so a sentence wrapped over lines stays one sentence;
a hard break (two trailing spaces or ``\\``) stays a line break. Block quotes
(``>``) are kept as they are: the quote stage cuts them and hands them over as
the message being answered. Indented code blocks are read as text.
"""

from __future__ import annotations

import html
import re

from .. import lexicon
from ..inputs import register_reader
from ..normalize import Normalized, TextBuilder, chain

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HR = re.compile(r"^ {0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*$")
_REFDEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
_QUOTE = re.compile(r"^ {0,3}>")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_HEADING_TAIL = re.compile(r"[ \t]+#+[ \t]*$")
_LIST = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
_INDENT = re.compile(r"^[ \t]+")

_INLINE = re.compile(
    r"(?P<code>(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`))"
    r"|(?P<image>!\[[^\]\n]*\]\([^)\n]*\))"
    r"|(?P<link>\[(?P<label>[^\]\n]*)\](?P<target>\([^)\n]*\)|\[[^\]\n]*\]))"
    r"|(?P<autolink><(?:https?://|mailto:|www\.)[^>\s]+>|<[\w.+-]+@[\w-]+(?:\.[\w-]+)+>)"
    r"|(?P<br><br\s*/?>)"
    r"|(?P<tag></?[a-zA-Z][\w:-]*(?:[^>\"']|\"[^\"]*\"|'[^']*')*>)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<emph>\*{1,3}|_{1,3}|~~)",
    re.S,
)


def strip_comments(source: str) -> Normalized:
    """HTML comments out: a comment alone on its lines takes the lines with it."""
    b = TextBuilder(source)
    pos = 0
    for m in _COMMENT.finditer(source):
        start, end = m.start(), m.end()
        line_start = max(source.rfind("\n", 0, start), source.rfind("\r", 0, start)) + 1
        rest = re.match(r"[ \t]*(?:\r\n|\r|\n|$)", source[end:])
        if not source[line_start:start].strip() and rest and line_start >= pos:
            start, end = line_start, end + rest.end()
        b.keep(pos, start)
        pos = end
    b.keep(pos, len(source))
    return b.build()


def _block_start(line: str) -> bool:
    return bool(_FENCE.match(line) or _HR.match(line) or _QUOTE.match(line) or _HEADING.match(line)
                or _LIST.match(line) or _REFDEF.match(line) or _TABLE_RULE.match(line)
                or line.lstrip().startswith("|"))


class _Writer:
    def __init__(self, source: str) -> None:
        self.s = source
        self.b = TextBuilder(source)
        self.code = lexicon.load("placeholders").get("code_span", "12345")

    def inline(self, start: int, end: int) -> None:
        """Visible text of ``source[start:end]`` (one line, no block markers)."""
        s = self.s
        pos = start
        for m in _INLINE.finditer(s, start, end):
            self.b.keep(pos, m.start())
            pos = m.end()
            if m.group("code"):
                self.b.replace(m.start(), m.end(), self.code)
            elif m.group("image") or m.group("tag"):
                pass
            elif m.group("link"):
                label_start = m.start("label")
                self.inline(label_start, m.end("label"))
            elif m.group("autolink"):
                self.b.replace(m.start(), m.end(), "https://example.ru")
            elif m.group("br"):
                self.b.replace(m.start(), m.end(), "\n", mask=False)
            elif m.group("entity"):
                char = html.unescape(m.group())
                self.b.replace(m.start(), m.end(), " " if char.isspace() else char, mask=False)
            elif m.group("escape"):
                self.b.keep(m.start() + 1, m.end())
            elif m.group("emph"):
                if not self._is_delimiter(m.start(), m.end(), start, end):
                    self.b.keep(m.start(), m.end())
        self.b.keep(pos, end)

    def _is_delimiter(self, a: int, b: int, lo: int, hi: int) -> bool:
        s = self.s
        before = s[a - 1] if a > lo else " "
        after = s[b] if b < hi else " "
        if before.isspace() and after.isspace():
            return False  # «5 * 3», a lone star
        if s[a] == "_" and before.isalnum() and after.isalnum():
            return False  # snake_case
        return True


def markdown_text(source: str) -> Normalized:
    first = strip_comments(source)
    return chain(first, _blocks(first.text))


def _blocks(source: str) -> Normalized:
    w = _Writer(source)
    lines = [(m.start(), m.end()) for m in _LINE.finditer(source) if m.start() != m.end()]
    fence = None
    for k, (start, stop) in enumerate(lines):
        raw = source[start:stop]
        content = raw.rstrip("\r\n")
        end = start + len(content)
        if fence is not None:
            if content.strip().startswith(fence):
                fence = None
            continue
        f = _FENCE.match(content)
        if f:
            fence = f.group(1)[0] * 3
            continue
        if not content.strip():
            w.b.keep(start, stop)
            continue
        if _HR.match(content) or _REFDEF.match(content) or _TABLE_RULE.match(content):
            continue
        if _QUOTE.match(content):
            w.b.keep(start, stop)
            continue
        body = start
        m = _HEADING.match(content) or _LIST.match(content) or _INDENT.match(content)
        if m:
            body = start + m.end()
        text_end = end
        if content.endswith("\\"):
            text_end = end - 1  # a hard line break, not text
        if _HEADING.match(content):
            tail = _HEADING_TAIL.search(content)
            if tail:
                text_end = start + tail.start()
        if content.lstrip().startswith("|"):
            _table_row(w, body, end)
        else:
            w.inline(body, text_end)
        _line_break(w, source, lines, k, start, end, stop, text_end)
    return w.b.build()


def _table_row(w: _Writer, start: int, end: int) -> None:
    """Cells of a table row, each on a line of its own."""
    s = w.s
    pipes = [start + m.start() for m in re.finditer(r"(?<!\\)\|", s[start:end])]
    bounds = [(start, None)] + [(p + 1, p) for p in pipes]
    emitted = False
    for i, (seg_start, pipe) in enumerate(bounds):
        seg_end = pipes[i] if i < len(pipes) else end
        cell = s[seg_start:seg_end]
        if not cell.strip():
            continue
        lead = len(cell) - len(cell.lstrip())
        if emitted and pipe is not None:
            w.b.replace(pipe, pipe + 1, "\n", mask=False)
        w.inline(seg_start + lead, seg_start + len(cell.rstrip()))
        emitted = True


def _line_break(w: _Writer, source: str, lines, k: int, start: int, end: int, stop: int,
                text_end: int) -> None:
    """Soft break inside a paragraph → space; otherwise the line break stays."""
    content = source[start:end]
    if stop == end:
        return
    nxt = source[lines[k + 1][0]:lines[k + 1][1]].rstrip("\r\n") if k + 1 < len(lines) else ""
    paragraph = not (_HEADING.match(content) or content.lstrip().startswith("|"))
    soft = paragraph and nxt.strip() and not _block_start(nxt)
    hard = content.endswith("  ") or content.endswith("\\")
    if soft and not hard:
        w.b.replace(end, stop, " ", mask=False)
    else:
        w.b.keep(end, stop)


def read_markdown(message):
    from .pipeline import finish

    return finish(message, "markdown")


register_reader(".md", ".markdown")(read_markdown)
