"""HTML → visible text, with the exact map back to the HTML source.

Tags, attributes, comments, ``<head>``, ``<script>``, ``<style>`` and elements
hidden with ``display:none`` are not text. Block elements (``<p>``, ``<div>``,
``<br>``, ``<li>`` …) end a line, runs of white space collapse to one space as
a browser shows them, character references (``&laquo;``, ``&#171;``) become
their characters. Lines inside ``<blockquote>`` are prefixed with masked
``> `` stand-ins, so the quote stage (:mod:`.quotes`) treats them exactly
like the ``>`` lines of a plain-text e-mail.
"""

from __future__ import annotations

import html
import re

from ..inputs import register_reader
from ..normalize import Normalized, TextBuilder

_TOKEN = re.compile(
    r"(?P<comment><!--.*?(?:-->|\Z))"
    r"|(?P<decl><![^>]*>|<\?[^>]*>)"
    r"|(?P<raw><(?P<rawname>script|style|head|title|template|noscript|xml)\b"
    r"(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?(?:</(?P=rawname)\s*>|\Z))"
    r"|(?P<tag></?(?P<name>[a-zA-Z][\w:-]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?)"
    r"|(?P<space>[ \t\r\n\f]+)",
    re.S | re.I,
)

BLOCK = frozenset(
    """address article aside blockquote body br center dd details dir div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hr html li main menu nav ol p pre section summary
    table tbody td tfoot th thead tr ul""".split()
)
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_SIGNATURE = re.compile(r"""(?:class|id|data-smartmail)\s*=\s*["']?[^"'>]*signature""", re.I)
_HIDDEN_STYLE = re.compile(r"""style\s*=\s*(?:"[^"]*|'[^']*)(?:display\s*:\s*none|visibility\s*:\s*hidden)""", re.I)
_QUOTED_VALUE = re.compile(r"""=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""")


def _is_hidden(attrs: str) -> bool:
    """``style="display:none"`` or the boolean ``hidden`` attribute."""
    if _HIDDEN_STYLE.search(attrs):
        return True
    names = _QUOTED_VALUE.sub(" ", attrs).split()
    return any(n.lower().rstrip("/") == "hidden" for n in names)


class _Renderer:
    """Emits visible text into a :class:`TextBuilder`, browser-style."""

    def __init__(self, source: str) -> None:
        self.b = TextBuilder(source)
        self.source = source
        self.quote = 0  # <blockquote> depth
        self.pre = 0  # inside <pre>
        self.at_line_start = True
        self.pending_break: tuple[int, int] | None = None  # source span of what ended the line
        self.pending_space: tuple[int, int] | None = None
        self.emitted = False

    def _flush(self) -> None:
        if self.pending_break is not None:
            if self.emitted and not self.at_line_start:
                self.b.replace(*self.pending_break, "\n", mask=False)
            self.at_line_start = True
        elif self.pending_space is not None and not self.at_line_start:
            self.b.replace(*self.pending_space, " ", mask=False)
        self.pending_break = self.pending_space = None

    def text(self, start: int, end: int, replacement: str | None = None) -> None:
        """Visible characters: ``source[start:end]``, or ``replacement`` for them."""
        self._flush()
        if self.at_line_start and self.quote:
            self.b.replace(start, start, "> " * self.quote)
        if replacement is None:
            self.b.keep(start, end)
        else:
            self.b.replace(start, end, replacement, mask=False)
        self.at_line_start = False
        self.emitted = True

    def space(self, start: int, end: int) -> None:
        if self.pre:
            chunk = self.source[start:end]
            if "\n" in chunk or "\r" in chunk:
                self.line_break(start, end)
            else:
                self.text(start, end)
        elif self.pending_break is None and self.pending_space is None:
            self.pending_space = (start, end)

    def line_break(self, start: int, end: int) -> None:
        if self.pending_break is None:
            self.pending_break = (start, end)
        self.pending_space = None

    def marker_line(self, pos: int, content: str) -> None:
        """A masked line of its own (e.g. a ``-- `` signature delimiter) at ``pos``."""
        self.line_break(pos, pos)
        self._flush()
        if not self.at_line_start:
            self.b.replace(pos, pos, "\n", mask=False)
        self.b.replace(pos, pos, content + "\n")
        self.at_line_start = True
        self.emitted = True

    def build(self) -> Normalized:
        return self.b.build()


def visible_text(source: str) -> Normalized:
    """The text a reader sees in an HTML document, mapped to ``source``."""
    r = _Renderer(source)
    hidden: list = []  # [element name, depth] while a hidden element is skipped
    pos = 0
    for m in _TOKEN.finditer(source):
        if m.start() > pos and not hidden:
            r.text(pos, m.start())
        pos = m.end()
        if m.group("comment") or m.group("decl") or m.group("raw"):
            continue
        if m.group("tag"):
            name = m.group("name").lower()
            closing = m.group("tag").startswith("</")
            attrs = m.group("attrs") or ""
            void = name in VOID or attrs.rstrip().endswith("/")
            if hidden:
                if name == hidden[0] and not void:
                    hidden[1] += -1 if closing else 1
                    if hidden[1] == 0:
                        hidden = []
                continue
            if not closing and not void and _is_hidden(attrs):
                hidden = [name, 1]
                continue
            if name == "blockquote":
                r.line_break(m.start(), m.end())
                r.quote = max(0, r.quote + (-1 if closing else 1))
            elif name == "pre":
                r.line_break(m.start(), m.end())
                r.pre = max(0, r.pre + (-1 if closing else 1))
            elif not closing and _SIGNATURE.search(attrs):
                r.marker_line(m.start(), "-- ")
            elif name in BLOCK:
                r.line_break(m.start(), m.end())
            continue
        if hidden:
            continue
        if m.group("entity"):
            char = html.unescape(m.group())
            if char == m.group():
                r.text(m.start(), m.end())
            elif char.isspace():
                r.space(m.start(), m.end())
            else:
                r.text(m.start(), m.end(), char)
        elif m.group("space"):
            r.space(m.start(), m.end())
    if pos < len(source) and not hidden:
        r.text(pos, len(source))
    return r.build()


def read_html(message):
    """Reader for .html/.htm files (see :mod:`.pipeline`)."""
    from .pipeline import finish

    return finish(message, "html")


register_reader(".html", ".htm", ".xhtml")(read_html)
