"""The example files of examples/email, examples/templates and examples/markup:
exact positions of findings, nothing reported inside placeholders, quotes or
signatures, and the quoted message as the incoming context."""

from __future__ import annotations

import email
import email.policy
import json
import re
from functools import lru_cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from replylint.cli import main
from replylint.inputs import read_path
from replylint.model import LineIndex
from replylint.rules import rule_ids

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EMAILS = sorted((EXAMPLES / "email").glob("*.eml"))
TEMPLATES = sorted((EXAMPLES / "templates").iterdir())
MARKUP = sorted((EXAMPLES / "markup").iterdir())


@lru_cache(maxsize=None)
def result(path: Path) -> dict:
    """The JSON result of ``check`` for one file (every rule that exists)."""
    r = CliRunner().invoke(main, ["check", "--format", "json", str(path)])
    assert r.exit_code in (0, 1), r.output
    data = json.loads(r.stdout)
    assert len(data["results"]) == 1
    return data["results"][0]


def found(path: Path, rule: str) -> list[tuple[int, int, str]]:
    return [(f["line"], f["column"], f["text"]) for f in result(path)["findings"] if f["rule"] == rule]


def body(path: Path) -> str:
    """The decoded text the positions of a file count in (for .eml: the body part)."""
    if path.suffix != ".eml":
        return path.read_text(encoding="utf-8")
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    return msg.get_body(preferencelist=("plain", "html")).get_content()


# --- exact positions --------------------------------------------------------------------

@pytest.mark.parametrize("name,expected", [
    ("email/complaint-reply-cp1251-qp.eml", [(6, 18, "клиента")]),
    ("email/question-reply-koi8r-base64.eml", [(5, 16, "покупателей")]),
    ("email/html-only.eml", [(6, 29, "клиенту")]),
    ("email/multipart-alternative.eml", []),
    ("templates/delivery-delayed.j2", [(9, 11, "клиентов")]),
    ("templates/order-ready.mustache", [(10, 5, "клиентов")]),
    ("markup/reply.html", [(16, 16, "покупателю"), (22, 25, "клиентах")]),
    ("markup/reply.md", [(16, 34, "клиент"), (22, 24, "клиентах")]),
])
def test_client_lowercase_positions(name, expected):
    assert found(EXAMPLES / name, "client-lowercase") == expected


@pytest.mark.parametrize("path", EMAILS + TEMPLATES + MARKUP, ids=lambda p: p.name)
def test_every_finding_is_the_slice_it_reports(path):
    text = body(path)
    index = LineIndex(text)
    for f in result(path)["findings"]:
        assert text[f["offset"]:f["offset"] + f["length"]] == f["text"]
        assert index.line_col(f["offset"]) == (f["line"], f["column"])
        assert index.line_col(f["offset"] + f["length"]) == (f["end_line"], f["end_column"])


@pytest.mark.parametrize("name,part,encoding", [
    ("complaint-reply-cp1251-qp.eml", "text/plain", "cp1251"),
    ("question-reply-koi8r-base64.eml", "text/plain", "koi8-r"),
    ("html-only.eml", "text/html", "utf-8"),
    ("multipart-alternative.eml", "text/plain", "utf-8"),
])
def test_json_names_part_and_encoding(name, part, encoding):
    r = result(EXAMPLES / "email" / name)
    assert (r["part"], r["encoding"], r["channel"]) == (part, encoding, "email")


@pytest.mark.parametrize("path", EMAILS + TEMPLATES + MARKUP, ids=lambda p: p.name)
def test_missing_thanks_judges_the_reply_not_the_quote(path):
    # only the cp1251 reply thanks nobody; the «спасибо» of its quoted complaint does not count
    expected = [(1, 1, "Здравствуйте, Ольга!")] if path.name == "complaint-reply-cp1251-qp.eml" else []
    assert found(path, "missing-thanks") == expected
    if expected:
        assert "> Жду ответа, спасибо." in body(path)


# --- nothing in placeholders, quotes, signatures -----------------------------------------

_PLACEHOLDER = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def _forbidden(path: Path, text: str) -> list[tuple[int, int]]:
    """Spans of the file no finding may touch, found independently of the readers."""
    spans = [m.span() for m in _PLACEHOLDER.finditer(text)]
    spans += [m.span() for m in re.finditer(r"<[^>]*>|<!--.*?-->", text, re.S)]
    spans += [m.span() for m in re.finditer(r"(?m)^>.*$", text)]  # quoted lines
    spans += [m.span() for m in re.finditer(r"(?s)<blockquote.*?</blockquote>", text)]
    spans += [m.span() for m in re.finditer(r"`[^`]*`|\]\([^)]*\)", text)]  # code, link targets
    for marker in ("\n-- \n", "\r\n-- \r\n", "пишет:", "gmail_quote", "divRplyFwdMsg", "\nОт: "):
        at = text.find(marker)
        if at >= 0:
            spans.append((at, len(text)))  # signature or quoted history to the end
    return spans


@pytest.mark.parametrize("path", EMAILS + TEMPLATES + MARKUP, ids=lambda p: p.name)
def test_no_finding_inside_placeholder_quote_or_signature(path):
    text = body(path)
    spans = _forbidden(path, text)
    assert spans
    for f in result(path)["findings"]:
        a, b = f["offset"], f["offset"] + f["length"]
        assert not any(a < e and s < b for s, e in spans), (f["rule"], f["text"], f["line"])


def test_signature_and_quote_words_are_not_reported():
    # the cp1251 mail has «клиентах» in the signature and «клиент» in the quoted complaint
    text = body(EXAMPLES / "email/complaint-reply-cp1251-qp.eml")
    assert "служба заботы о клиентах" in text and "> Я ваш постоянный клиент" in text
    assert [t for _, _, t in found(EXAMPLES / "email/complaint-reply-cp1251-qp.eml", "client-lowercase")] == ["клиента"]


@pytest.mark.parametrize("name,rule,expected", [
    ("email/complaint-reply-cp1251-qp.eml", "missing-apology",
     [(3, 1, "Ваш заказ № 48213 передан курьеру повторно и будет у Вас завтра, 16 апреля,\r\nс 10:00 до 14:00.")]),
    ("email/html-only.eml", "missing-apology",
     [(4, 71, "трещиной")]),  # the draft itself names the problem: reported at the word
    ("email/multipart-alternative.eml", "customer-legwork", [(7, 1, "Отследите")]),
    ("templates/delivery-delayed.j2", "blame-shifting", [(5, 28, "курьер не успел")]),
    ("templates/delivery-delayed.j2", "vague-promise", [(8, 4, "постараемся"), (8, 31, "как можно скорее")]),
    ("markup/reply.html", "missing-apology", [(13, 28, "поломке")]),
])
def test_positions_of_other_rules(name, rule, expected):
    if rule not in rule_ids():
        pytest.skip(f"{rule} has not landed")
    assert found(EXAMPLES / name, rule) == expected


def test_jinja_directive_hides_the_refusal(tmp_path):
    src = (EXAMPLES / "templates/delivery-delayed.j2").read_text(encoding="utf-8")
    assert found(EXAMPLES / "templates/delivery-delayed.j2", "refusal") == []
    without = tmp_path / "delivery-delayed.j2"
    without.write_text(src.replace("{# replylint: disable-next-line=refusal #}\n", ""), encoding="utf-8")
    assert found(without, "refusal") == [(10, 52, "нельзя")]


def test_suppression_comments_in_examples():
    # reply.html: the paragraph between disable/enable mentions «клиенту» (not reported)
    html_text = (EXAMPLES / "markup/reply.html").read_text(encoding="utf-8")
    assert "отправлено клиенту" in html_text
    assert all(t != "клиенту" for _, _, t in found(EXAMPLES / "markup/reply.html", "client-lowercase"))
    # reply.md: disable-next-line hides «клиентов» on line 19
    assert all(line != 19 for line, _, _ in found(EXAMPLES / "markup/reply.md", "client-lowercase"))
    assert "клиентов" in (EXAMPLES / "markup/reply.md").read_text(encoding="utf-8").splitlines()[18]


# --- the quoted message is the incoming context ------------------------------------------

def _message(path: Path):
    (m,) = list(read_path(str(path)))
    return m


@pytest.mark.parametrize("name,start", [
    ("email/complaint-reply-cp1251-qp.eml", "Добрый вечер!\nЗаказ № 48213 должны были привезти"),
    ("email/question-reply-koi8r-base64.eml", "Добрый день! Подскажите, можно ли оплатить"),
    ("email/html-only.eml", "Здравствуйте! Вчера получил кофемашину, корпус треснул"),
    ("email/multipart-alternative.eml", "Здравствуйте. Заказывала пальто 46 размера"),
    ("markup/reply.html", "Пылесос перестал включаться"),
    ("markup/reply.md", "Здравствуйте! Промокод из рассылки не работает"),
])
def test_quoted_message_becomes_incoming(name, start):
    m = _message(EXAMPLES / name)
    assert m.incoming.startswith(start)
    assert ">" not in m.incoming and "пишет:" not in m.incoming
    assert not any(line.strip() == "--" for line in m.incoming.splitlines())


def test_reply_text_excludes_quote_and_signature():
    m = _message(EXAMPLES / "email/complaint-reply-cp1251-qp.eml")
    assert "\r\n" in m.text  # positions count in the body as decoded, CRLF and all
    analysed = m.norm.text.replace("\r\n", "\n")
    assert analysed.rstrip().endswith("С уважением,\nАнна Смирнова")
    assert "пишет" not in analysed and "8 800" not in analysed
    # a sentence hard-wrapped in the mail is one line again for the NLP
    assert "будет у Вас завтра, 16 апреля, с 10:00 до 14:00." in m.norm.text


def test_explicit_incoming_wins_over_the_quote(tmp_path):
    m, = list(read_path(str(EXAMPLES / "email/complaint-reply-cp1251-qp.eml"), incoming="Спасибо!"))
    assert m.incoming == "Спасибо!"


def test_missing_apology_uses_the_quoted_message(tmp_path):
    complaint = EXAMPLES / "email/complaint-reply-cp1251-qp.eml"
    # the reply to the quoted complaint (the courier never came) has no apology
    assert [line for line, _, _ in found(complaint, "missing-apology")] == [3]
    # the reply to a quoted question needs none
    assert found(EXAMPLES / "email/question-reply-koi8r-base64.eml", "missing-apology") == []
    # the same reply without its quote: nothing tells it answers a complaint
    data = complaint.read_bytes()
    cut = tmp_path / "no-quote.eml"
    cut.write_bytes(data[:data.index(b"15.04.2024 19:42")])
    assert found(cut, "missing-apology") == []
