"""The stages every reader goes through, composed with :func:`normalize.chain`.

1. template placeholders masked, ``replylint:`` comments found (in the real original);
2. markup (HTML or Markdown) → visible text;
3. quotes cut (``>`` lines everywhere; history and signature in e-mail), the
   quoted message kept as the ``incoming`` context;
4. Latin look-alike letters fixed.
"""

from __future__ import annotations

from ..normalize import Normalized, chain, fix_lookalikes, mask_placeholders
from .quotes import extract_reply

COMMENTS = {
    "text": ("jinja", "mustache"),
    "template": ("jinja", "mustache"),
    "html": ("jinja", "mustache", "html"),
    "markdown": ("jinja", "mustache", "html"),
}


def normalize_as(text: str, kind: str, *, email: bool = False, unwrap: bool = False
                 ) -> tuple[Normalized, str | None]:
    """Analysed text of ``text`` read as ``kind`` (text, template, html,
    markdown), and the quoted message it answers (or None)."""
    norm = mask_placeholders(text, comments=COMMENTS[kind])
    if kind == "html":
        from .html import visible_text

        norm = chain(norm, visible_text(norm.text))
    elif kind == "markdown":
        from .markdown import markdown_text

        norm = chain(norm, markdown_text(norm.text))
    incoming = None
    if email or kind in ("html", "markdown"):
        reply = extract_reply(norm.text, email=email, unwrap=unwrap)
        norm = chain(norm, reply.norm)
        incoming = reply.incoming
    return fix_lookalikes(norm), incoming


def finish(message, kind: str, *, email: bool = False, unwrap: bool = False):
    """Set ``message.norm`` (and ``incoming`` when the text quotes it and none was given)."""
    message.norm, quoted = normalize_as(message.text, kind, email=email, unwrap=unwrap)
    if quoted and not message.incoming:
        message.incoming = quoted
    return message
