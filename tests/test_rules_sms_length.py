"""sms-length: GSM 03.38 segment counting and the finding it gives."""

import pytest

import replylint
from replylint.options import Options
from replylint.rules.sms_length import segment

from .conftest import findings, fires

RULE = "sms-length"

UCS2_70 = "Заказ 614082 доставим завтра с 14:00 до 18:00. Курьер позвонит за час."
UCS2_71 = "Заказ 7743 привезём завтра с 9:00 до 13:00. Курьер позвонит за полчаса."
GSM_160 = ("Dobryi den, Ivan! Vash zakaz 61408 dostavim zavtra s 14:00 do 18:00. Kurier pozvonit za chas "
           "do vizita. Esli nuzhno drugoe vremia, otvet'te na eto SMS. Spasibo!")


def _sms(text, max_segments=1):
    report = replylint.lint(text, channel="sms",
                            options=Options(select=frozenset([RULE]), sms_max_segments=max_segments))
    return [(f.text, f.offset, f.message) for f in report.findings]


def test_boundary_texts_have_the_lengths_the_tests_assume():
    assert (len(UCS2_70), len(UCS2_71), len(GSM_160)) == (70, 71, 160)


def test_exactly_70_ucs2_is_one_segment():
    assert segment(UCS2_70).segments == 1
    assert not fires(UCS2_70, RULE, channel="sms")


def test_71_ucs2_is_two_segments_and_the_71st_char_is_flagged():
    assert (segment(UCS2_71).encoding, segment(UCS2_71).units, segment(UCS2_71).segments) == ("UCS-2", 71, 2)
    assert _sms(UCS2_71) == [(".", 70, "SMS займёт 2 сегмента (71 символ UCS-2; лимит — 1 сегмент по 70)")]


def test_exactly_160_gsm7_is_one_segment():
    assert (segment(GSM_160).encoding, segment(GSM_160).units, segment(GSM_160).segments) == ("GSM-7", 160, 1)
    assert not fires(GSM_160, RULE, channel="sms")


def test_161_gsm7_is_two_segments():
    text = GSM_160 + "!"
    assert _sms(text) == [("!", 160, "SMS займёт 2 сегмента (161 символ GSM-7; лимит — 1 сегмент по 160)")]


def test_extension_character_counts_twice():
    text = "Vash zakaz 48213 oplachen: 45,90€. Kurier privezet ego zavtra s 10:00 do 14:00 i pozvonit za chas. " \
           "Voprosy? Pishite v chat ili zvonite 8 800 555-10-20. Spasibo!"
    assert len(text) == 160
    seg = segment(text)
    assert (seg.encoding, seg.units, seg.segments) == ("GSM-7", 161, 2)
    assert _sms(text) == [("!", 159, "SMS займёт 2 сегмента (161 символ GSM-7, «€» — за два; лимит — 1 сегмент по 160)")]


@pytest.mark.parametrize("ch", list("€[]{}~^|\\"))
def test_each_extension_character_is_two_septets(ch):
    assert segment("a" * 158 + ch).units == 160
    assert segment("a" * 158 + ch).segments == 1
    assert segment("a" * 159 + ch).segments == 2


def test_a_non_gsm_character_makes_latin_text_ucs2():
    text = "Vash zakaz gotov ✓ " + "x" * 60  # 79 chars, one outside GSM-7
    seg = segment(text)
    assert (seg.encoding, seg.units, seg.segments) == ("UCS-2", 79, 2)
    assert _sms(text)[0][2] == "SMS займёт 2 сегмента (79 символов UCS-2, из-за символа «✓»; лимит — 1 сегмент по 70)"


def test_emoji_counts_two_utf16_units():
    assert segment("Я" * 68 + "🙂").units == 70
    assert segment("Я" * 68 + "🙂").segments == 1
    assert segment("Я" * 69 + "🙂").segments == 2


def test_split_segments_hold_67_and_153():
    assert segment("Я" * 134).segments == 2
    assert segment("Я" * 135).segments == 3
    assert segment("x" * 306).segments == 2
    assert segment("x" * 307).segments == 3


def test_escape_pair_never_straddles_two_parts():
    # 152 septets, then «€» (2): it cannot be split, so it opens the second part
    seg = segment("x" * 152 + "€" + "x" * 10)
    assert seg.breaks == (152,)


def test_configurable_limit():
    text = "Я" * 134
    assert not _sms(text, max_segments=2)
    text = "Я" * 135
    # the first char of the third part is flagged: 2 × 67 = 134 fit
    assert _sms(text, max_segments=2) == [("Я", 134, "SMS займёт 3 сегмента (135 символов UCS-2; лимит — 2 сегмента по 67)")]


def test_span_runs_from_the_first_char_past_the_limit_to_the_end():
    text = "Здравствуйте! Заказ 3307 готов. Заберите его до 25 мая, будем ждать Вас в пункте на Мира, 10."
    assert [f.text for f in findings(text, RULE, channel="sms")] == [text[70:]]


def test_surrounding_whitespace_is_not_counted():
    assert not fires("\n" + UCS2_70 + "\n", RULE, channel="sms")
    assert [f.offset for f in findings("\n" + UCS2_71 + "\n", RULE, channel="sms")] == [71]


def test_not_for_email():
    assert not fires(UCS2_71 * 3, RULE)


def test_lookalike_letters_are_counted_as_written():
    # one Cyrillic «о» makes this Latin text UCS-2, and the rule sees it as sent
    text = "Vash zakaz gotov, zabirajte v lyuboe vremya s 10:00 do 20:00 v punkte vydachi na Mira, 10. Spasibо!"
    assert segment(text).encoding == "UCS-2"
    assert fires(text, RULE, channel="sms")
    assert not fires(text.replace("Spasibо", "Spasibo"), RULE, channel="sms")


def test_placeholder_is_counted_as_its_stand_in_and_never_in_the_span():
    text = "Здравствуйте! Заказ готов, заберите его в пункте выдачи до пятницы, {{ client_name }}"
    # 68 chars + the stand-in «Иван» = 72 > 70; the overflow is inside the
    # placeholder, so the last word before it is flagged
    assert [(f.text, f.offset) for f in findings(text, RULE, channel="sms")] == [("пятницы", 59)]
    assert "72 символа UCS-2" in findings(text, RULE, channel="sms")[0].message
