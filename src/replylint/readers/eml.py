"""E-mail messages (.eml files, ``--stdin-type eml``): RFC 822 / MIME.

Parsed with the standard library (``email``, policy ``default``). The body
linted is the ``text/plain`` part when there is one with text in it, else the
``text/html`` part (its visible text). Quoted-printable and base64 are decoded;
the charset comes from ``--encoding`` if given, else from the part's label, and
is detected (UTF-8, cp1251, koi8-r …) when the label is missing, unknown or
does not fit the bytes.

The message's text — what positions (line, column, offset) count in — is the
*decoded body of that part*; the JSON result names it (``"part"``) and the
charset (``"encoding"``). Only the new reply is linted: quoted history and the
signature are cut (:mod:`.quotes`), and the quoted message becomes the
``incoming`` context unless ``--incoming`` gave one.

Damaged input, best effort: a truncated base64 part is decoded as far as it
goes (a cut-off last character is dropped) and a warning says so; a charset
label Python does not know is replaced by detection, with a warning. A file
with no headers, or no text part, is a one-line error.
"""

from __future__ import annotations

import base64
import codecs
import email
import email.policy
import re

from ..inputs import InputError, decode, register_reader

_NOT_A_LABEL = {"unknown-8bit", "x-unknown", "unknown", "8bit", "default", ""}
_CYRILLIC_8BIT = {"cp1251", "koi8-r", "koi8-u", "cp866", "iso8859-5", "mac-cyrillic"}


def _fail(path: str, reason: str):
    raise InputError(path, reason)


def parse(data: bytes, path: str):
    """The parsed message; an :class:`InputError` when it is not one."""
    if not data.strip():
        _fail(path, "пустое письмо")
    try:
        msg = email.message_from_bytes(data, policy=email.policy.default)
        keys = msg.keys()
    except Exception as exc:  # the parser is lenient; anything else is damage
        _fail(path, f"повреждённое письмо ({type(exc).__name__})")
    if not keys:
        _fail(path, "это не письмо .eml: нет заголовков (ожидается «From:», «Subject:», … и пустая строка)")
    return msg


def _text_parts(msg) -> list:
    """Candidate body parts, best first: the body the mail client shows, then
    any other inline text part."""
    parts = []
    for pref in (("plain",), ("html",)):
        try:
            body = msg.get_body(preferencelist=pref)
        except Exception:
            body = None
        if body is not None:
            parts.append(body)
    for part in msg.walk():
        try:
            if part.get_content_maintype() == "text" and not part.is_attachment() and part not in parts:
                parts.append(part)
        except Exception:
            continue
    return [p for p in parts if p.get_content_subtype() in ("plain", "html")] + [
        p for p in parts if p.get_content_subtype() not in ("plain", "html")
    ]


def _payload(part, warnings: list[str]) -> bytes:
    """The part's bytes after the transfer encoding (base64 best effort)."""
    cte = str(part.get("Content-Transfer-Encoding", "7bit")).strip().lower()
    if cte != "base64":
        data = part.get_payload(decode=True)
        return data if isinstance(data, bytes) else b""
    raw = part.get_payload(decode=False)
    if not isinstance(raw, str):
        return b""
    stripped = re.sub(r"\s", "", raw)
    body = re.match(r"[A-Za-z0-9+/]*", stripped).group()
    rest = stripped[len(body):]
    padding = {0: "", 2: "==", 3: "="}.get(len(body) % 4)
    usable = len(body) - len(body) % 4
    data = base64.b64decode(body[:usable])
    tail = body[usable:]
    if len(tail) >= 2:
        data += base64.b64decode(tail + "=" * (4 - len(tail)))
    if padding is None or rest != padding:
        warnings.append("часть base64 обрезана или повреждена: проверен текст, который удалось раскодировать")
    return data


def _codec(label: str | None) -> str | None:
    if not label or label.lower() in _NOT_A_LABEL:
        return None
    try:
        return codecs.lookup(label).name
    except (LookupError, ValueError, TypeError):
        return "?"


def _decode_text(data: bytes, label: str | None, forced: str | None, path: str,
                 warnings: list[str]) -> tuple[str, str]:
    """Text of the part and the encoding used."""
    if forced:
        text, used = decode(data, path, forced)
        return text, codecs.lookup(used).name
    codec = _codec(label)
    if codec == "?":
        text, used = _detect(data, path, warnings)
        warnings.append(f"неизвестная кодировка «{label}» в заголовке части; определена как {used}")
        return text, used
    if codec is None:
        return _detect(data, path, warnings)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":
            _truncated(warnings)  # the last character was cut off with the part
            return data[: exc.start].decode(codec, errors="replace"), codec
        try:
            text, used = _detect(data, path, warnings)
        except InputError:
            # damaged bytes in a labelled part: read it with the label, mark the damage
            warnings.append(f"в тексте части есть байты, которых нет в кодировке «{label}»: они заменены на «�»")
            return data.decode(codec, errors="replace"), codec
        warnings.append(f"текст части не в кодировке «{label}», указанной в заголовке; определена как {used}")
        return text, used
    if codec in _CYRILLIC_8BIT:
        # a mislabelled single-byte part (koi8-r sent as windows-1251) decodes
        # without error but reads as nonsense: trust the detector when it is clearly better
        from ..inputs import _russianness

        try:
            other, used = _detect(data, path, [])
        except InputError:
            return text, codec
        if used != codec and _russianness(other) > _russianness(text) + 0.3:
            warnings.append(f"текст части не в кодировке «{label}», указанной в заголовке; определена как {used}")
            return other, used
    return text, codec


def _truncated(warnings: list[str]) -> None:
    if not any(w.startswith("часть base64") or w.startswith("текст части обрывается") for w in warnings):
        warnings.append("текст части обрывается на середине символа: последний символ пропущен")


def _detect(data: bytes, path: str, warnings: list[str]) -> tuple[str, str]:
    """Charset detection (BOM, UTF-8, Cyrillic single-byte code pages)."""
    try:
        text, used = decode(data, path)
    except InputError:
        # UTF-8 whose last character was cut off with the part
        for cut in (1, 2, 3):
            try:
                text = data[:-cut].decode("utf-8")
            except UnicodeDecodeError:
                continue
            _truncated(warnings)
            return text, "utf-8"
        raise
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, codecs.lookup(used).name


def read_eml(message, data: bytes, encoding: str | None = None):
    """Reader for .eml: sets the message's text (the decoded body part), its
    analysed text, ``incoming`` from the quote, and ``extra`` (part, encoding)."""
    from .pipeline import finish

    path = message.path or "<stdin>"
    msg = parse(data, path)
    parts = _text_parts(msg)
    if not parts:
        ctype = "".join(ch for ch in msg.get_content_type() if ch.isprintable())
        _fail(path, f"в письме нет текстовой части (тип {ctype})")
    chosen = None
    for part in parts:
        warnings: list[str] = []
        payload = _payload(part, warnings)
        try:
            label = part.get_content_charset()
        except Exception:
            label = None
        text, used = _decode_text(payload, label, encoding, path, warnings)
        chosen = (part, text, used, warnings)
        if text.strip():
            break
    part, text, used, warnings = chosen
    subtype = part.get_content_subtype()
    message.text = text
    message.extra = {"encoding": used, "part": part.get_content_type()}
    if warnings:
        message.extra["warnings"] = warnings
    flowed = str(part.get_param("format", "") or "").lower() == "flowed"
    kind = "html" if subtype == "html" else "text"
    return finish(message, kind, email=True, unwrap=kind == "text" or flowed)


register_reader(".eml", raw=True)(read_eml)
