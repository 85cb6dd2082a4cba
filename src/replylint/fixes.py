"""Applying edits: safe autofixes (``check --fix``) and rewrites (``rewrite``).

Files are rewritten atomically (a temporary file in the same directory, then
``os.replace``), keeping their encoding, BOM, line endings and permissions;
only the edited spans change.
"""

from __future__ import annotations

import codecs
import difflib
import os
import tempfile
from pathlib import Path

from .model import Fix


def _overlap(a: Fix, b: Fix) -> bool:
    a_end, b_end = a.offset + a.length, b.offset + b.length
    if a.length == 0 and b.length == 0:
        # two insertions at one point both go in (in priority order), unless
        # they insert the same text
        return a.offset == b.offset and a.replacement == b.replacement
    if a.length == 0:
        return b.offset < a.offset < b_end
    if b.length == 0:
        return a.offset < b.offset < a_end
    return a.offset < b_end and b.offset < a_end


def apply_edits(text: str, edits: list[Fix]) -> tuple[str, int]:
    """Apply edits; ``edits`` come in priority order, and an edit that overlaps
    one already chosen is left out. Returns the new text and the count applied."""
    chosen: list[Fix] = []
    for e in edits:
        if not any(_overlap(e, c) for c in chosen):
            chosen.append(e)
    chosen.sort(key=lambda e: (e.offset, e.length))
    out, pos = [], 0
    for e in chosen:
        out.append(text[pos:e.offset])
        out.append(e.replacement)
        pos = e.offset + e.length
    out.append(text[pos:])
    return "".join(out), len(chosen)


class FixError(Exception):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


def _codec_for(data: bytes, encoding: str) -> tuple[str, bytes]:
    """The codec to re-encode with, and the BOM to put back in front."""
    name = codecs.lookup(encoding).name
    if name in ("utf-8-sig",):
        return "utf-8", codecs.BOM_UTF8
    if name == "utf-16":
        if data.startswith(codecs.BOM_UTF16_BE):
            return "utf-16-be", codecs.BOM_UTF16_BE
        return "utf-16-le", codecs.BOM_UTF16_LE
    if name == "utf-32":
        if data.startswith(codecs.BOM_UTF32_BE):
            return "utf-32-be", codecs.BOM_UTF32_BE
        return "utf-32-le", codecs.BOM_UTF32_LE
    return name, b""


def encode_like(original: bytes, text: str, encoding: str, path: str) -> bytes:
    codec, bom = _codec_for(original, encoding)
    body = original[len(bom):]
    old_text = body.decode(codec)
    if old_text.encode(codec) != body:
        raise FixError(path, f"файл не перекодируется без потерь в {encoding}; исправления не записаны")
    try:
        return bom + text.encode(codec)
    except UnicodeEncodeError:
        raise FixError(path, f"исправление нельзя записать в кодировке {encoding}") from None


def write_atomic(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permissions."""
    target = Path(path)
    mode = target.stat().st_mode
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".replylint", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode & 0o7777)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def unified_diff(path: str, old: str, new: str) -> str:
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True),
            fromfile=f"a/{path.lstrip('/')}", tofile=f"b/{path.lstrip('/')}",
        )
    )


MAX_PASSES = 5  # a fix can reveal another (mixed-script, then client-lowercase)


def fix_file(path: str, options, *, channel: str = "auto", incoming: str | None = None,
             encoding: str | None = None, write: bool = True,
             unsafe: bool = False) -> tuple[str, str, int]:
    """Apply the safe autofixes to one file until none is left.

    With ``unsafe`` the unsafe fixes too (``Finding.unsafe_fix``: a spelling
    correction LanguageTool is sure of, which a person should still read);
    when a safe and an unsafe fix overlap, the safe one wins.
    Returns (old text, new text, number of edits). With ``write`` the file is
    replaced atomically when anything changed.
    """
    from .engine import lint_messages
    from .inputs import InputError, _channel_by_name, decode, message_from_text

    try:
        original = Path(path).read_bytes()
    except OSError as exc:
        raise FixError(path, f"не удалось прочитать файл ({exc.strerror or exc})") from None
    try:
        old, used = decode(original, path, encoding)
    except InputError as exc:
        raise FixError(path, exc.reason) from None
    ch = channel if channel != "auto" else _channel_by_name(path)
    text, total = old, 0
    for _ in range(MAX_PASSES):
        message = message_from_text(text, path, channel=ch, incoming=incoming, encoding=used)
        report = next(lint_messages([message], options))
        edits = sorted((f.fix for f in report.findings if f.fix is not None), key=lambda e: e.offset)
        if unsafe:
            edits += sorted((f.unsafe_fix for f in report.findings if f.unsafe_fix is not None),
                            key=lambda e: e.offset)
        if not edits:
            break
        text, applied = apply_edits(text, edits)
        total += applied
    if write and text != old:
        write_atomic(path, encode_like(original, text, used, path))
    return old, text, total


def rewrite_message(message, options) -> str:
    """The draft with every rewrite applied (then the safe fixes, until stable)."""
    from .engine import lint_messages
    from .inputs import BATCH_EXTENSIONS, message_from_text

    # Re-lint the edited text the way its file type is read; an e-mail body or
    # a batch record is plain text by now.
    suffix = Path(message.path).suffix.lower() if message.path else ".txt"
    if suffix in BATCH_EXTENSIONS | {".eml"}:
        suffix = ".txt"

    report = next(lint_messages([message], options))
    # At one offset the longer rewrite goes first: a sentence rewritten whole
    # takes in the smaller edits inside it.
    rewrites = sorted((f.rewrite for f in report.findings if f.rewrite is not None),
                      key=lambda e: (e.offset, -e.length))
    fixes_ = sorted((f.fix for f in report.findings if f.fix is not None), key=lambda e: e.offset)
    text, _ = apply_edits(message.text, rewrites + fixes_)
    for _ in range(MAX_PASSES):
        again = message_from_text(text, message.path or "<stdin>", suffix=suffix,
                                  channel=message.channel, incoming=message.incoming)
        report = next(lint_messages([again], options))
        edits = sorted((f.fix for f in report.findings if f.fix is not None), key=lambda e: e.offset)
        if not edits:
            break
        text, _ = apply_edits(text, edits)
    return text
