"""Template files: Jinja2 (.j2, .jinja, .jinja2), Liquid (.liquid),
Mustache (.mustache), Handlebars (.hbs, .handlebars), .tmpl.

Placeholders are masked in every input (see :mod:`replylint.normalize`);
this reader adds what the file name and content say about the markup under
the template: ``reply.html.j2`` or a template full of ``<p>``/``<br>`` is read
as HTML, ``reply.md.j2`` as Markdown, anything else as plain text.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..inputs import TEMPLATE_SUFFIXES, register_reader
from .pipeline import finish

_HTML_CONTENT = re.compile(r"<(?:html|body|p|div|br|table|span|a|b|strong|em|ul|ol|li|h[1-6])\b[^>]*>", re.I)


def markup_of(path: str | None, text: str) -> str:
    """``html``, ``markdown`` or ``template`` (plain text) for a template file."""
    inner = Path(Path(path or "").stem).suffix.lower()
    if inner in (".html", ".htm"):
        return "html"
    if inner in (".md", ".markdown"):
        return "markdown"
    if inner in (".txt", ".text"):
        return "template"
    if _HTML_CONTENT.search(text):
        return "html"
    return "template"


def read_template(message):
    return finish(message, markup_of(message.path, message.text))


register_reader(*TEMPLATE_SUFFIXES)(read_template)
