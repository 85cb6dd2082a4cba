"""SMS не укладывается в допустимое число сегментов.

Что делает
----------
Только для канала ``sms``. Считает сегменты по GSM 03.38: если все символы
текста есть в базовой таблице GSM-7 или в её расширении, SMS уходит в GSM-7 —
160 символов в одном сегменте, 153 в каждом при разбиении, а символы
расширения (``€ [ ] { } ~ ^ | \\``) считаются за два. Любой другой символ
(кириллица, «ё», эмодзи) переводит всё сообщение в UCS-2 — 70 символов в
одном сегменте и 67 при разбиении; эмодзи занимает два символа. Правило
срабатывает, когда сегментов больше лимита (``sms-max-segments``, по
умолчанию 1), и называет число сегментов и символов.

Подсвечивается хвост, который не помещается: от первого символа за лимитом до
конца текста (плейсхолдер шаблона в подсветку не входит). Пробелы и переводы
строк в начале и в конце файла не считаются, плейсхолдеры считаются по
типичному значению («Иван», «12345»). Автоисправления нет: сократить текст
может только человек.

Почему это важно
----------------
Стандарты не задают длину SMS — правило следует из канала: каждый лишний
сегмент оплачивается отдельно, а на части телефонов длинное SMS приходит
кусками или с перепутанным порядком. Стандарт 000, §1: «письмо Клиенту - это
не просто набор символов. Это письмо, которое получит живой человек и поймет,
как заботливо и уважительно к нему относятся» — SMS, разорванное на части,
заботливым не выглядит.

Примеры
-------
Срабатывает:
- Заказ 7743 привезём завтра с 9:00 до 13:00. Курьер позвонит за полчаса. || channel=sms
- Ваш заказ принят! Готовим роллы, курьер привезёт всё к 20:15. Приятного аппетита! || channel=sms
Не срабатывает:
- Заказ 614082 доставим завтра с 14:00 до 18:00. Курьер позвонит за час. || channel=sms
- Vash zakaz 48213 dostavim zavtra s 10:00 do 14:00. Kurier pozvonit za chas. Spasibo! || channel=sms
- Заказ 7743 привезём завтра с 9:00 до 13:00. Курьер позвонит за полчаса.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import lexicon
from ..model import Severity
from . import Rule


@dataclass(frozen=True)
class Segmentation:
    encoding: str  # "GSM-7" or "UCS-2"
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int
    per_single: int  # capacity of a one-segment message
    per_segment: int  # capacity of each part of a split message
    breaks: tuple[int, ...]  # char index where each part after the first starts
    first_alien: str | None  # for UCS-2: the first character outside GSM-7


def _tables():
    data = lexicon.load("sms_length")
    seg = data.get("segment", {})
    return (frozenset(data.get("basic", "")), frozenset(data.get("extension", "")),
            seg.get("gsm7_single", 160), seg.get("gsm7_multi", 153),
            seg.get("ucs2_single", 70), seg.get("ucs2_multi", 67))


def segment(text: str) -> Segmentation:
    """How ``text`` is split into SMS segments (GSM 03.38 / UCS-2).

    >>> segment("Привет").segments, segment("x" * 161).segments
    (1, 2)
    """
    basic, ext, g_single, g_multi, u_single, u_multi = _tables()
    alien = next((ch for ch in text if ch not in basic and ch not in ext), None)
    if alien is None:
        encoding, single, multi = "GSM-7", g_single, g_multi
        sizes = [2 if ch in ext else 1 for ch in text]
    else:
        encoding, single, multi = "UCS-2", u_single, u_multi
        sizes = [2 if ord(ch) > 0xFFFF else 1 for ch in text]
    units = sum(sizes)
    breaks: list[int] = []
    if units > single:
        used = 0
        for i, size in enumerate(sizes):
            # an escape pair or a surrogate pair never straddles two parts
            if used + size > multi:
                breaks.append(i)
                used = 0
            used += size
    return Segmentation(encoding, units, len(breaks) + 1, single, multi, tuple(breaks), alien)


def _plural(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def _overflow_start(seg: Segmentation, text: str, limit: int) -> int:
    """Index of the first character that no longer fits in ``limit`` segments."""
    if limit > 1:
        return seg.breaks[limit - 1]
    basic, ext, *_ = _tables()
    used = 0
    for i, ch in enumerate(text):
        if seg.encoding == "GSM-7":
            used += 2 if ch in ext else 1
        else:
            used += 2 if ord(ch) > 0xFFFF else 1
        if used > seg.per_single:
            return i
    return len(text)  # not reached when the text overflows


def sent_text(ctx) -> str:
    """The analysed text with look-alike words spelled as written again: what
    the SMS gateway gets (placeholders stay as their typical stand-ins)."""
    if not ctx.norm.mixed:
        return ctx.text
    chars = list(ctx.text)
    for word in ctx.norm.mixed:
        chars[word.start : word.end] = word.original
    return "".join(chars)


class SmsLength(Rule):
    __doc__ = __doc__
    id = "sms-length"
    severity = Severity.WARNING
    fixable = False
    seed = "channel"

    def check(self, ctx):
        if ctx.channel != "sms":
            return
        full = sent_text(ctx)
        body = full.strip()
        if not body:
            return
        offset = len(full) - len(full.lstrip())
        limit = ctx.options.sms_max_segments
        seg = segment(body)
        if seg.segments <= limit:
            return
        start = offset + _overflow_start(seg, body, limit)
        end = offset + len(body)
        span = _unmasked(ctx, start, end) or _last_word(ctx)
        if span is None:
            return
        n = seg.segments
        extra = ""
        if seg.encoding == "GSM-7":
            _, ext, *_ = _tables()
            doubled = sorted({ch for ch in body if ch in ext}, key=body.index)
            if doubled:
                extra = ", " + ", ".join(f"«{ch}»" for ch in doubled) + " — за два"
        elif seg.first_alien and not any("\u0400" <= ch <= "\u052f" for ch in body):
            extra = f", из-за символа «{seg.first_alien}»"
        per = seg.per_single if limit == 1 else seg.per_segment
        message = (
            f"SMS займёт {n} {_plural(n, 'сегмент', 'сегмента', 'сегментов')} "
            f"({seg.units} {_plural(seg.units, 'символ', 'символа', 'символов')} {seg.encoding}{extra}; "
            f"лимит — {limit} {_plural(limit, 'сегмент', 'сегмента', 'сегментов')} по {per})"
        )
        capacity = seg.per_single if limit == 1 else seg.per_segment * limit
        cut = seg.units - capacity
        suggestion = (f"Сократите текст на {cut} {_plural(cut, 'символ', 'символа', 'символов')}, "
                      f"чтобы SMS уложилось в {limit} {_plural(limit, 'сегмент', 'сегмента', 'сегментов')}")
        yield ctx.hit(span[0], span[1], message, suggestion=suggestion)


def _unmasked(ctx, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` moved off template placeholders (a finding may not
    touch them): it starts after a placeholder it starts in, and stops before
    the next one. None when only placeholders overflow."""
    for m_start, m_end in sorted(ctx.norm.masked):
        if m_start <= start < m_end:
            start = m_end
    while start < end and ctx.text[start].isspace():
        start += 1
    for m_start, _ in sorted(ctx.norm.masked):
        if start < m_start < end:
            end = m_start
    end = len(ctx.text[:end].rstrip()) if end > start else end
    return (start, end) if end > start else None


def _last_word(ctx) -> tuple[int, int] | None:
    """Fallback span when only a placeholder overflows: the last word outside
    placeholders."""
    for token in reversed(ctx.doc):
        start, end = token.idx, token.idx + len(token.text)
        if any(ch.isalnum() for ch in token.text) and not ctx.norm.is_masked(start, end):
            return start, end
    return None
