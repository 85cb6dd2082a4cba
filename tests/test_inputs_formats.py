"""Readers: HTML, Markdown, templates, e-mail, encodings, inline suppressions,
damaged input. Positions are always those of the original file."""

from __future__ import annotations

import base64
import json

import pytest
from click.testing import CliRunner

from replylint.cli import main
from replylint.engine import lint_messages
from replylint.inputs import InputError, read_path
from replylint.normalize import TextBuilder, chain, normalize
from replylint.options import Options
from replylint.readers.html import visible_text
from replylint.readers.markdown import markdown_text
from replylint.readers.pipeline import normalize_as
from replylint.readers.quotes import extract_reply

CL = Options(select=frozenset({"client-lowercase"}))


def run(args, input=None):
    r = CliRunner().invoke(main, args, input=input)
    assert "Traceback" not in r.output
    return r


def check_file(tmp_path, name: str, content: str | bytes, *args) -> dict:
    f = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    f.write_bytes(content)
    r = run(["check", "--format", "json", "--select", "client-lowercase", *args, str(f)])
    assert r.exit_code in (0, 1), r.output
    return json.loads(r.stdout)["results"][0]


def spans(result: dict) -> list[tuple[int, int, str]]:
    return [(f["line"], f["column"], f["text"]) for f in result["findings"]]


def analysed(path) -> str:
    (m,) = list(read_path(str(path)))
    return m.norm.text


# --- the offset map ---------------------------------------------------------------------

def _check_map(norm):
    """Every unmasked analysed character that was kept is the original one."""
    for i, ch in enumerate(norm.text):
        if norm.is_masked(i, i + 1) or ch in " \n":
            continue
        o = norm.starts[i]
        if norm.original[o:o + 1] == ch:
            continue
        assert norm.original[o] == "&", (i, ch, norm.original[o:o + 8])  # only entities differ


def test_chain_maps_through_two_stages():
    first = TextBuilder("ab<x>cd")
    first.keep(0, 2)
    first.keep(5, 7)
    n1 = first.build()  # "abcd"
    second = TextBuilder(n1.text)
    second.keep(1, 3)
    second.replace(3, 4, "ZZ")
    n2 = second.build()  # "bcZZ", ZZ masked
    n = chain(n1, n2)
    assert n.text == "bcZZ" and n.masked == [(2, 4)]
    assert n.to_original(0, 2) == (1, 6)  # "b<x>c" in the original
    assert not n.is_contiguous(0, 2)  # a tag inside: no fix may replace it
    assert n.to_original(2, 4) == (6, 7)


# --- HTML -------------------------------------------------------------------------------

def test_html_visible_text_and_map():
    src = ('<html><head><title>клиент</title><style>p{}</style><script>var клиент=1</script></head>'
           '<body><p>Здравствуйте,   <b>Иван</b>!</p>\n<p>Заказ &laquo;Люкс&raquo;&nbsp;готов.<br>Ждём'
           ' Вас.</p><div style="display:none">скрытый <div>текст</div> клиент</div><p>Конец</p></body></html>')
    n = visible_text(src)
    assert n.text == "Здравствуйте, Иван!\nЗаказ «Люкс» готов.\nЖдём Вас.\nКонец"
    _check_map(n)
    i = n.text.index("«")
    assert src[n.starts[i]:n.ends[i + 1]] == "&laquo;"


def test_html_findings_map_to_source_and_skip_markup(tmp_path):
    src = ('<p title="для клиента">Мы ценим каждого <a href="https://x.ru/клиент">клиента</a>.</p>\n'
           '<p>Пишите, <!-- клиент --> мы ответим.</p>\n')
    r = check_file(tmp_path, "a.html", src)
    at = src.index(">клиента<") + 1
    assert spans(r) == [(1, at + 1, "клиента")]
    assert r["findings"][0]["fix"] == {"offset": at, "length": 7, "replacement": "Клиента"}


def test_no_fix_for_a_word_split_by_a_tag(tmp_path):
    r = check_file(tmp_path, "a.html", "<p>Мы ценим каждого <b>клиент</b>а.</p>")
    (f,) = r["findings"]
    assert (f["line"], f["column"], f["text"]) == (1, 24, "клиент</b>а")
    assert f["fix"] is None  # replacing the span would break the markup


def test_html_blockquote_is_the_incoming_message():
    n, incoming = normalize_as("<blockquote>Курьер не приехал, клиент ждал!</blockquote><p>Извините нас.</p>", "html")
    assert n.text.strip() == "Извините нас."
    assert incoming == "Курьер не приехал, клиент ждал!"


# --- Markdown ---------------------------------------------------------------------------

MD = """# Ответ клиенту

Здравствуйте! Промокод `клиент2024` действует на [странице для клиента](https://x.ru/клиент),
а бонусы **начислены**.

- пункт для клиента
- ![клиент](img.png) второй пункт

```
клиент в коде
```
Конец  \\
[ref]: https://x.ru/клиент
"""


def test_markdown_visible_text():
    n = markdown_text(MD)
    assert n.text == ("Ответ клиенту\n\nЗдравствуйте! Промокод 12345 действует на странице для клиента, "
                      "а бонусы начислены.\n\nпункт для клиента\n второй пункт\n\nКонец  \n")
    _check_map(n)


def test_markdown_findings(tmp_path):
    r = check_file(tmp_path, "a.md", MD)
    assert spans(r) == [(1, 9, "клиенту"), (3, 64, "клиента"), (6, 13, "клиента")]
    assert MD.splitlines()[2][63:70] == "клиента"


def test_markdown_soft_break_keeps_the_sentence_whole():
    n = markdown_text("Мы отправим заказ\nзавтра.\nСпасибо!  \nИван")
    assert n.text == "Мы отправим заказ завтра. Спасибо!  \nИван"


# --- templates --------------------------------------------------------------------------

@pytest.mark.parametrize("template", [
    "Здравствуйте, {{ client_name }}! Заказ {{ order.id }} готов для клиента.",
    "Здравствуйте, {{ name | default: 'клиент' }}! Заказ {{ order_id }} готов для клиента.",
    "Здравствуйте, {{name}}! {{#items}}{{title}} {{/items}}Заказ готов для клиента.",
    "Здравствуйте, {{{client}}}! {{! клиент }}{{> клиент}}Заказ готов для клиента.",
    "Здравствуйте, {{~client~}}! {{!-- клиент }} --}}Заказ готов для клиента.",
    "Здравствуйте, %CLIENT_NAME%! {% if клиент %}Заказ{% endif %} готов для клиента.",
    "Здравствуйте, ${client.name}! {# клиент #}Заказ готов для клиента.",
    "Здравствуйте! {% comment %}клиент{% endcomment %}Заказ готов для клиента.",
])
@pytest.mark.parametrize("suffix", [".j2", ".liquid", ".mustache", ".hbs", ".txt"])
def test_placeholders_never_produce_findings(tmp_path, template, suffix):
    r = check_file(tmp_path, "t" + suffix, template)
    # only the real word, at its real place in the file
    assert spans(r) == [(1, template.index("клиента.") + 1, "клиента")]


def test_stand_ins_keep_sentences_parseable():
    n = normalize("Заказ № {{ order_id }} приедет {{ delivery_date }} в {{ slot }} по адресу {{ address }}.")
    assert n.text == "Заказ № 12345 приедет 01.01.2030 в 12:00 по адресу Москва."
    assert [n.text[a:b] for a, b in n.masked] == ["12345", "01.01.2030", "12:00", "Москва"]


def test_template_with_html_is_read_as_html(tmp_path):
    src = '<p title="клиент">Здравствуйте, {{ name }}!</p>\n<p>Мы ценим <b>клиентов</b>.</p>\n'
    for name in ("reply.html.j2", "reply.hbs"):
        r = check_file(tmp_path, name, src)
        assert spans(r) == [(2, 16, "клиентов")], name
    assert analysed(tmp_path / "reply.hbs") == "Здравствуйте, Иван!\nМы ценим клиентов."


# --- inline suppressions ----------------------------------------------------------------

def test_jinja_disable_enable_and_next_line(tmp_path):
    src = ("Мы ценим клиента.\n"  # 1: reported
           "{# replylint: disable=client-lowercase #}\n"
           "Для клиента всё бесплатно.\n"  # 3: off
           "{# replylint: enable=client-lowercase #}\n"
           "Пишите, клиент всегда прав.\n"  # 5: reported
           "{# replylint: disable-next-line=client-lowercase #}\n"
           "Для клиента скидка.\n"  # 7: off
           "Для клиента подарок.\n")  # 8: reported
    r = check_file(tmp_path, "t.j2", src)
    assert [line for line, _, _ in spans(r)] == [1, 5, 8]


def test_disable_all_and_enable_one(tmp_path):
    src = "{# replylint: disable #}\nДля клиента.\n{# replylint: enable=client-lowercase #}\nДля клиента.\n"
    assert [line for line, _, _ in spans(check_file(tmp_path, "t.j2", src))] == [4]


def test_html_comment_suppression_in_markdown_and_html(tmp_path):
    md = "<!-- replylint: disable-next-line=client-lowercase -->\nДля клиента.\nДля клиента.\n"
    assert [line for line, _, _ in spans(check_file(tmp_path, "a.md", md))] == [3]
    html = "<p>Для клиента.</p><!-- replylint: disable-line=client-lowercase -->\n<p>Для клиента.</p>\n"
    assert [line for line, _, _ in spans(check_file(tmp_path, "a.html", html))] == [2]


def test_plain_text_has_no_html_comments(tmp_path):
    # in .txt «<!-- -->» is not a comment syntax, so it suppresses nothing
    src = "<!-- replylint: disable=client-lowercase -->\nДля клиента.\n"
    assert [line for line, _, _ in spans(check_file(tmp_path, "a.txt", src))] == [2]


def test_bad_directive_is_a_warning(tmp_path):
    r = check_file(tmp_path, "t.j2", "{# replylint: disable=no-such-rule #}\n{# replylint: shush #}\nДля клиента.\n")
    assert r["warnings"] == [
        "строка 1: неизвестное правило «no-such-rule» в директиве replylint",
        "строка 2: непонятная директива «replylint: shush» пропущена",
    ]
    assert len(r["findings"]) == 1


# --- encodings --------------------------------------------------------------------------

SHORT = "Мы ценим клиента."


@pytest.mark.parametrize("data,encoding", [
    (SHORT.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + SHORT.encode("utf-8"), "utf-8-sig"),
    (SHORT.encode("utf-16"), "utf-16"),
    (b"\xfe\xff" + SHORT.encode("utf-16-be"), "utf-16"),
    (SHORT.encode("cp1251"), "cp1251"),
    (SHORT.encode("koi8-r"), "koi8-r"),
])
def test_short_texts_in_every_encoding(tmp_path, data, encoding):
    r = check_file(tmp_path, "a.txt", data)
    assert r["encoding"] == encoding
    assert spans(r) == [(1, 10, "клиента")]


def test_encoding_option_and_mixed_line_endings(tmp_path):
    data = "Здравствуйте!\r\nМы ценим\rкаждого клиента.\nСпасибо.".encode("koi8-r")
    r = check_file(tmp_path, "a.txt", data, "--encoding", "koi8-r")
    assert r["encoding"] == "koi8-r"
    assert spans(r) == [(3, 9, "клиента")]


# --- e-mail -----------------------------------------------------------------------------

def eml(body: bytes | str, ctype="text/plain; charset=utf-8", cte="8bit", extra="") -> bytes:
    head = (f"From: Shop <support@shop.ru>\r\nTo: client@mail.ru\r\nSubject: Re: order\r\n"
            f"MIME-Version: 1.0\r\nContent-Type: {ctype}\r\nContent-Transfer-Encoding: {cte}\r\n{extra}\r\n")
    return head.encode("ascii") + (body.encode("utf-8") if isinstance(body, str) else body)


def test_eml_on_stdin():
    data = eml("Здравствуйте!\r\nМы ценим клиента.\r\n\r\n-- \r\nСлужба заботы о клиентах\r\n")
    r = run(["check", "-", "--stdin-type", "eml", "--format", "json", "--select", "client-lowercase"], input=data)
    res = json.loads(r.stdout)["results"][0]
    assert (res["path"], res["part"], res["encoding"]) == ("<stdin>", "text/plain", "utf-8")
    assert spans(res) == [(2, 10, "клиента")]


def test_eml_text_output_names_body_positions(tmp_path):
    f = tmp_path / "r.eml"
    f.write_bytes(eml("Здравствуйте!\nМы ценим клиента.\n"))
    r = run(["check", "--select", "client-lowercase", str(f)])
    assert r.stdout.splitlines()[0].startswith(f"{f}:2:10 error client-lowercase")


def test_eml_quoting_styles():
    cases = {
        "gmail": "Спасибо!\n\nпн, 15 апр. 2024 г. в 12:03, Иван <ivan@mail.ru>:\n> Где заказ?\n",
        "original": "Спасибо!\n\n-----Original Message-----\nFrom: Иван\nГде заказ?\n",
        "forward": "Спасибо!\n\n-------- Пересылаемое сообщение --------\nГде заказ?\n",
        "outlook": "Спасибо!\n\nОт: Иван <ivan@mail.ru>\nОтправлено: 15 апреля 2024 г. 12:03\nКому: shop\n"
                   "Тема: заказ\n\nГде заказ?\n",
        "thunderbird": "Спасибо!\n\n15.04.2024 12:03, Иван Петров пишет:\n>Где заказ?\n>> старое\n",
        "english": "Спасибо!\n\nOn Mon, Apr 15, 2024 at 12:03 PM Ivan wrote:\n> Где заказ?\n",
    }
    for name, text in cases.items():
        reply = extract_reply(text, email=True)
        assert reply.norm.text.strip() == "Спасибо!", name
        assert reply.incoming.startswith("Где заказ?"), name
        assert "старое" not in reply.incoming, name


def test_eml_interleaved_reply_and_phone_signature():
    text = ("> Где заказ?\nЗаказ у курьера.\n> А когда привезут?\nЗавтра до 14:00.\n\n"
            "Отправлено с iPhone\n")
    reply = extract_reply(text, email=True)
    assert reply.norm.text == "Заказ у курьера.\nЗавтра до 14:00.\n\n"
    assert reply.incoming == "Где заказ?\nА когда привезут?"


def test_quote_markers_inside_a_sentence_are_text():
    text = "Отправлено со склада вчера, курьер привезёт завтра.\nОт: склада до Вас два дня.\n"
    assert extract_reply(text, email=True).norm.text == text


def test_format_flowed_is_rejoined(tmp_path):
    body = "Мы отправим заказ \r\nзавтра, каждого \r\nклиента ждёт подарок.\r\n"
    f = tmp_path / "f.eml"
    f.write_bytes(eml(body, ctype="text/plain; charset=utf-8; format=flowed"))
    assert analysed(f) == "Мы отправим заказ завтра, каждого клиента ждёт подарок.\r\n"
    r = check_file(tmp_path, "g.eml", eml(body, ctype="text/plain; charset=utf-8; format=flowed"))
    assert spans(r) == [(3, 1, "клиента")]


def test_mislabelled_and_unlabelled_charsets(tmp_path):
    text = "Здравствуйте! Мы ценим каждого клиента.\n"
    r = check_file(tmp_path, "a.eml", eml(text.encode("cp1251"), ctype="text/plain; charset=koi8-r"))
    assert r["encoding"] == "cp1251" and spans(r) == [(1, 32, "клиента")]
    assert "не в кодировке «koi8-r»" in r["warnings"][0]
    r = check_file(tmp_path, "b.eml", eml(text.encode("koi8-r"), ctype="text/plain"))
    assert r["encoding"] == "koi8-r" and spans(r) == [(1, 32, "клиента")]
    r = check_file(tmp_path, "c.eml", eml(text.encode("cp1251"), ctype="text/plain; charset=utf-8"))
    assert r["encoding"] == "cp1251" and spans(r) == [(1, 32, "клиента")]


def test_unknown_charset_label_is_detected_with_a_warning(tmp_path):
    data = eml(base64.b64encode("Мы ценим клиента.".encode("cp1251")), ctype="text/plain; charset=x-klingon",
               cte="base64")
    f = tmp_path / "u.eml"
    f.write_bytes(data)
    r = run(["check", "--select", "client-lowercase", str(f)])
    assert r.exit_code == 1
    assert f"{f}: предупреждение: неизвестная кодировка «x-klingon» в заголовке части; определена как cp1251" \
        in r.stdout.splitlines()
    assert r.stdout.splitlines()[0].startswith(f"{f}:1:10 error client-lowercase")


def test_truncated_base64_is_linted_as_far_as_it_goes(tmp_path):
    text = "Здравствуйте! Мы ценим каждого клиента и всегда рады помочь."
    encoded = base64.b64encode(text.encode("utf-8")).decode()
    for cut in range(5, 13):
        r = check_file(tmp_path, f"t{cut}.eml", eml(encoded[:-cut], cte="base64"))
        assert spans(r) == [(1, 32, "клиента")], cut
        if (len(encoded) - cut) % 4:
            assert r["warnings"] == [
                "часть base64 обрезана или повреждена: проверен текст, который удалось раскодировать"], cut
    r = check_file(tmp_path, "whole.eml", eml(encoded, cte="base64"))
    assert "warnings" not in r


def test_html_only_and_multipart_choice(tmp_path):
    html = "<p>Мы ценим <b>клиента</b>.</p>"
    r = check_file(tmp_path, "h.eml", eml(html, ctype="text/html; charset=utf-8"))
    assert (r["part"], spans(r)) == ("text/html", [(1, 16, "клиента")])
    alt = ("--B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nДля клиента.\r\n"
           "--B\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Для <i>клиента</i>.</p>\r\n--B--\r\n")
    r = check_file(tmp_path, "m.eml", eml(alt, ctype='multipart/alternative; boundary="B"'))
    assert (r["part"], spans(r)) == ("text/plain", [(1, 5, "клиента")])
    # an empty text/plain part: the HTML one is linted
    alt = alt.replace("Для клиента.", "")
    r = check_file(tmp_path, "n.eml", eml(alt, ctype='multipart/alternative; boundary="B"'))
    assert (r["part"], spans(r)) == ("text/html", [(1, 11, "клиента")])
    # a missing closing boundary is tolerated
    r = check_file(tmp_path, "o.eml", eml(alt.replace("--B--\r\n", ""), ctype='multipart/alternative; boundary="B"'))
    assert r["part"] == "text/html"


@pytest.mark.parametrize("data,reason", [
    ("Здравствуйте, это не письмо, а просто текст.\nМы ценим клиента.\n".encode("utf-8"),
     "это не письмо .eml: нет заголовков (ожидается «From:», «Subject:», … и пустая строка)"),
    (b"", "пустое письмо"),
    (eml("JVBERi0xLjQK", ctype="application/pdf", cte="base64"), "в письме нет текстовой части (тип application/pdf)"),
    (eml(bytes(range(0x80, 0x100)) * 3, ctype="text/plain; charset=x-klingon"), "не удалось определить кодировку"),
])
def test_damaged_mail_is_a_one_line_error(tmp_path, data, reason):
    bad = tmp_path / "bad.eml"
    bad.write_bytes(data)
    good = tmp_path / "good.eml"
    good.write_bytes(eml("Мы ценим клиента."))
    r = run(["check", "--format", "json", "--select", "client-lowercase", str(bad), str(good)])
    assert r.exit_code == 2
    assert [x["path"] for x in json.loads(r.stdout)["results"]] == [str(good)]
    (line,) = r.stderr.splitlines()
    assert line.startswith(f"replylint: {bad}: {reason}")


def test_reader_errors_are_input_errors():
    items = list(read_path("-", stdin=_Bytes(b"not a mail"), stdin_type="eml"))
    assert len(items) == 1 and isinstance(items[0], InputError)


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self) -> bytes:
        return self.data


def test_library_lint_of_messages_from_readers(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("Для **клиента**.\n", encoding="utf-8")
    (report,) = lint_messages(read_path(str(f)), CL)
    (finding,) = report.findings
    assert (finding.line, finding.column, finding.text) == (1, 7, "клиента")


def test_hidden_elements_and_class_names():
    src = ('<div class="preheader hidden-mobile">Для клиента видно.</div>'
           '<span hidden>скрыто</span><p class="x hidden y">тоже видно</p>'
           "<div style='color:red; display: none'>скрыто</div>")
    assert visible_text(src).text == "Для клиента видно.\nтоже видно"


def test_mustache_comment_suppression(tmp_path):
    src = "{{! replylint: disable-next-line=client-lowercase }}\nДля клиента.\nДля клиента.\n"
    assert [line for line, _, _ in spans(check_file(tmp_path, "a.mustache", src))] == [3]


def test_incoming_file_can_be_the_clients_email(tmp_path):
    from replylint.cli import _read_incoming

    f = tmp_path / "client.eml"
    f.write_bytes(eml("<p>Курьер опоздал на три часа!</p><blockquote>старое письмо</blockquote>",
                      ctype="text/html; charset=utf-8"))
    assert _read_incoming(str(f)) == "Курьер опоздал на три часа!"


@pytest.mark.parametrize("text", [
    "Спасибо!\n\nOn Mon, Apr 15, 2024 at 12:03 PM Ivan Petrov <\nivan@mail.ru> wrote:\n> Где заказ?\n",
    "Спасибо!\n\nСреда, 17 апреля 2024, 10:15 +03:00 от Иван Петров <ivan@mail.ru>:\n> Где заказ?\n",
    "Спасибо!\n\n> 17 апр. 2024 г., в 10:15, Иван <ivan@mail.ru> написал(а):\n> \n> Где заказ?\n",
])
def test_more_attribution_styles(text):
    reply = extract_reply(text, email=True)
    assert (reply.norm.text, reply.incoming) == ("Спасибо!\n\n", "Где заказ?")


def test_a_time_before_an_attribution_stays_in_the_reply():
    reply = extract_reply("Привезём с 10:00 до 14:00\nИван пишет:\n> Где заказ?\n", email=True)
    assert reply.norm.text == "Привезём с 10:00 до 14:00\n"


def test_each_suffix_loads_exactly_its_own_reader():
    """Only the reader a file needs is imported; the suffix table agrees
    with what the reader modules register."""
    import importlib

    from replylint import inputs

    registered = {}
    for module in set(inputs._BUILTIN_READERS.values()):
        mod = importlib.import_module(f"replylint.readers.{module}")
        for suffix, (func, _raw) in inputs._FORMAT_READERS.items():
            if func.__module__ == mod.__name__:
                registered[suffix] = module
    assert registered == inputs._BUILTIN_READERS
