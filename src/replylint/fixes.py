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


def apply_edits(text: str, edits: list[Fix]) -> tuple[str, int]:
    """Apply non-overlapping edits (the first of overlapping ones wins).

    Returns the new text and the number of edits applied.
    """
    chosen: list[Fix] = []
    end = -1
    for e in sorted(edits, key=lambda e: (e.offset, e.length)):
        if e.offset < end or (e.length == 0 and e.offset == end and chosen and chosen[-1].length == 0):
            continue
        chosen.append(e)
        end = e.offset + e.length
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
             encoding: str | None = None, write: bool = True) -> tuple[str, str, int]:
    """Apply the safe autofixes to one file until none is left.

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
        edits = [f.fix for f in report.findings if f.fix is not None]
        if not edits:
            break
        text, applied = apply_edits(text, edits)
        total += applied
    if write and text != old:
        write_atomic(path, encode_like(original, text, used, path))
    return old, text, total
