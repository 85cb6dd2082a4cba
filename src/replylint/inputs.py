"""Reading messages: files, directories, standard input, batch files.

Everything that can go wrong with an input becomes an :class:`InputError`
with a one-line Russian reason; the CLI reports it and goes on with the
other inputs.
"""

from __future__ import annotations

import codecs
import csv
import importlib
import io
import json
import os
from pathlib import Path
from typing import Iterator

from .engine import Message
from .options import channel_name

TEXT_EXTENSIONS = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".eml",
                   ".j2", ".jinja", ".jinja2", ".liquid", ".mustache", ".hbs", ".handlebars", ".tmpl"}
STDIN_SUFFIXES = {"jsonl": ".jsonl", "csv": ".csv", "eml": ".eml", "html": ".html", "md": ".md",
                  "markdown": ".md", "j2": ".j2", "jinja": ".j2", "mustache": ".mustache"}
BATCH_EXTENSIONS = {".jsonl", ".csv"}
KNOWN_EXTENSIONS = TEXT_EXTENSIONS | BATCH_EXTENSIONS
MAX_BYTES = 20 * 1024 * 1024


class InputError(Exception):
    """A file (or record) that cannot be linted; ``str()`` is the one-line reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


# --- decoding ----------------------------------------------------------------

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode bytes to text: (text, encoding used).

    An explicit ``encoding`` wins. Otherwise a BOM, then strict UTF-8, then
    charset-normalizer among the Cyrillic single-byte encodings.
    """
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(path, f"неизвестная кодировка «{encoding}»") from None
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise InputError(path, f"не декодируется как {encoding} (байт {exc.start})") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                raise InputError(path, f"повреждённый текст в кодировке {name}") from None
            if name != "utf-8-sig" and not _plausible(text):
                raise InputError(path, "двоичный файл, а не текст")  # random bytes after «\xff\xfe»
            return text, name
    if b"\x00" in data:
        raise InputError(path, "двоичный файл, а не текст")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect_single_byte(data, path)


def _plausible(text: str) -> bool:
    """Text decoded after a UTF-16/32 byte-order mark reads as a draft: at
    least 80% of its characters are whitespace, digits, punctuation, symbols
    or Cyrillic, Latin or Greek letters (random bytes decode to CJK and
    unassigned code points)."""
    import unicodedata

    if not text:
        return True
    good = 0
    for ch in text:
        cat = unicodedata.category(ch)
        if ch.isspace() or cat[0] in "PNSZ":
            good += 1
        elif cat[0] in "LM":
            name = unicodedata.name(ch, "")
            good += name.startswith(("CYRILLIC", "LATIN", "GREEK", "COMBINING"))
    return good >= 0.8 * len(text)


_PREFERRED = ("cp1251", "koi8_r")


def _detect_single_byte(data: bytes, path: str) -> tuple[str, str]:
    """charset-normalizer says which Cyrillic code pages give readable text;
    among those, short texts are settled by how Russian the letters look."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data, cp_isolation=["cp1251", "koi8_r", "cp866", "mac_cyrillic", "iso8859_5"])
    found = [m.encoding for m in matches]
    if not found:
        raise InputError(path, "не удалось определить кодировку текста")
    candidates = [e for e in _PREFERRED if e in found] + [e for e in found if e not in _PREFERRED]
    scored = []
    for rank, enc in enumerate(candidates):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((-_russianness(text), rank, enc, text))
    if not scored:
        raise InputError(path, "не удалось определить кодировку текста")
    _, _, enc, text = min(scored)
    return text, enc


def _russianness(text: str) -> float:
    """How much a decoding looks like running Russian text: lower-case Russian
    letters count for it, other non-ASCII characters (pseudo-graphics, stray
    symbols of a wrong code page) count twice against it."""
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return 0.0
    lower = sum(1 for c in non_ascii if "а" <= c <= "я" or c == "ё")
    other = sum(1 for c in non_ascii if not ("а" <= c.lower() <= "я" or c in "ёЁ"))
    return (lower - 2 * other) / len(non_ascii)


# --- files -------------------------------------------------------------------

def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        if not path.exists():
            raise InputError(shown, "файл не найден")
        if path.is_dir():
            raise InputError(shown, "это каталог")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(shown, f"файл слишком большой ({size} байт)")
        return path.read_bytes()
    except PermissionError:
        raise InputError(shown, "нет прав на чтение") from None
    except OSError as exc:
        raise InputError(shown, f"не удалось прочитать файл ({exc.strerror or exc})") from None


def walk(paths: list[str]) -> Iterator[str]:
    """Expand directories into the files of known types inside them (sorted)."""
    for p in paths:
        if p != "-" and os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if Path(name).suffix.lower() in KNOWN_EXTENSIONS and not name.startswith("."):
                        found.append(os.path.join(root, name))
            yield from sorted(found)
        else:
            yield p


def _channel(value, default: str, where: str) -> str:
    if value in (None, ""):
        return default
    name = channel_name(value)
    if name is None:
        raise InputError(where, f"неизвестный канал «{value}» (ожидается email, chat или sms)")
    return name


def read_path(path: str, *, channel: str = "auto", incoming: str | None = None,
              encoding: str | None = None, stdin: io.BufferedIOBase | None = None,
              stdin_type: str = "text") -> Iterator[Message | InputError]:
    """The messages of one input path (``-`` is standard input)."""
    if path == "-":
        shown = "<stdin>"
        stream = stdin if stdin is not None else _stdin_bytes()
        data = stream.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        suffix = STDIN_SUFFIXES.get(stdin_type, ".txt")
    else:
        shown = path
        try:
            data = _read_bytes(Path(path), shown)
        except InputError as exc:
            yield exc
            return
        suffix = Path(path).suffix.lower()
    _load_readers(suffix)
    reader, raw = _FORMAT_READERS.get(suffix, (None, False))
    if raw:
        text, used = "", None  # the reader decodes (e-mail: per MIME part)
    else:
        try:
            text, used = decode(data, shown, encoding)
        except InputError as exc:
            yield exc
            return
    default_channel = channel if channel != "auto" else _channel_by_name(shown)
    if suffix in BATCH_EXTENSIONS:
        yield from _batch(text, shown, suffix, channel, default_channel, incoming)
        return
    try:
        if raw:
            message = Message("", path=shown, channel=default_channel, incoming=incoming, extra={})
            yield reader(message, data, encoding)
        else:
            yield message_from_text(text, shown, suffix=suffix, channel=default_channel,
                                    incoming=incoming, encoding=used)
    except InputError as exc:
        yield exc


def message_from_text(text: str, path: str, *, suffix: str | None = None, channel: str = "email",
                      incoming: str | None = None, encoding: str = "utf-8") -> Message:
    """A decoded file's text as a :class:`Message`, through its format reader."""
    if suffix is None:
        suffix = Path(path).suffix.lower()
    _load_readers(suffix)
    message = Message(text, path=path, channel=channel, incoming=incoming,
                      extra={"encoding": _codec_name(encoding)})
    reader, raw = _FORMAT_READERS.get(suffix, (None, False))
    if reader is None:
        return message
    if raw:  # e.g. a whole .eml file's text: the reader wants bytes
        return reader(message, text.encode("utf-8"), "utf-8")
    return reader(message)


def fixable(path: str) -> bool:
    """Whether autofixes can be written back: the linted text is the file's
    whole text (not a batch record or a MIME part of an e-mail)."""
    return path != "-" and Path(path).suffix.lower() not in BATCH_EXTENSIONS | {".eml"}


def _channel_by_name(path: str) -> str:
    """``--channel auto``: a file named ``*.sms.txt`` (or in an ``sms/`` folder) is an SMS."""
    p = Path(path)
    if ".sms." in p.name.lower() or any(part.lower() == "sms" for part in p.parts[:-1]):
        return "sms"
    return "email"


def _codec_name(name: str) -> str:
    """The standard spelling of an encoding name (``koi8_r`` → ``koi8-r``)."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _stdin_bytes():
    import sys

    return sys.stdin.buffer


def _batch(text: str, shown: str, suffix: str, channel: str, default_channel: str,
           incoming: str | None) -> Iterator[Message | InputError]:
    if text.startswith("\ufeff"):
        text = text[1:]
    if suffix == ".jsonl":
        records = _jsonl_records(text, shown)
    else:
        records = _csv_records(text, shown)
    n = 0
    for number, record in records:
        n += 1
        where = f"{shown}:{number}"
        if isinstance(record, InputError):
            yield record
            continue
        if not isinstance(record, dict):
            yield InputError(where, "запись должна быть объектом JSON")
            continue
        body = record.get("text")
        if not isinstance(body, str):
            yield InputError(where, "в записи нет строкового поля «text»")
            continue
        rid = record.get("id")
        if rid in (None, ""):
            rid = number
        try:
            ch = default_channel if channel != "auto" else _channel(record.get("channel"), "email", where)
        except InputError as exc:
            yield exc
            continue
        inc = record.get("incoming")
        yield Message(body, path=shown, id=rid, channel=ch,
                      incoming=inc if isinstance(inc, str) and inc else incoming, record=record)


def _jsonl_records(text: str, shown: str):
    number = 0
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        number += 1
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, InputError(f"{shown}:{line_no}", f"некорректный JSON ({exc.msg})")


def _csv_records(text: str, shown: str):
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        if not reader.fieldnames or "text" not in reader.fieldnames:
            yield 0, InputError(shown, "в CSV нет столбца «text» в заголовке")
            return
        for number, row in enumerate(reader, 1):
            yield number, row
    except csv.Error as exc:
        yield 0, InputError(shown, f"некорректный CSV ({exc})")


# Format readers (e-mail, HTML, Markdown, templates; see replylint/readers/)
# register here by suffix: each takes a Message with the decoded file text and
# returns it with ``norm`` (and possibly ``incoming``, ``extra``) set. A *raw*
# reader decodes by itself: it is called as ``reader(message, data, encoding)``
# with the file's bytes and the ``--encoding`` given (or None).
_FORMAT_READERS: dict = {}
_readers_loaded = False


def register_reader(*suffixes: str, raw: bool = False):
    def deco(func):
        for s in suffixes:
            _FORMAT_READERS[s] = (func, raw)
        return func
    return deco


TEMPLATE_SUFFIXES = (".j2", ".jinja", ".jinja2", ".liquid", ".mustache", ".hbs", ".handlebars", ".tmpl")

# The built-in reader module of each suffix: only the reader a file needs is
# imported (a plain .txt draft pays for none of them).
_BUILTIN_READERS = {
    ".eml": "eml",
    **dict.fromkeys((".html", ".htm", ".xhtml"), "html"),
    **dict.fromkeys((".md", ".markdown"), "markdown"),
    **dict.fromkeys(TEMPLATE_SUFFIXES, "templates"),
}


def _load_readers(suffix: str | None = None) -> None:
    """Import the reader of ``suffix`` (all of them when it is None); the
    modules register themselves."""
    global _readers_loaded
    if _readers_loaded:
        return
    module = _BUILTIN_READERS.get(suffix) if suffix is not None else None
    if module is not None:
        importlib.import_module(f"{__package__}.readers.{module}")
    elif suffix is None:
        _readers_loaded = True
        from . import readers  # noqa: F401
