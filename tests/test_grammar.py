"""The `grammar` rule and its LanguageTool adapter.

The adapter is tested against a fake LanguageTool: an ``http.server`` on
127.0.0.1 started here that answers ``POST /v2/check`` with the hand-written
fixtures of ``tests/data/languagetool/`` (see the README there: they follow
the API documentation, no real LanguageTool was available). One integration
test runs against a real LanguageTool when ``LANGUAGETOOL_URL`` is set or a
local install exists, and is skipped with the reason otherwise.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import threading
import types
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

import replylint
from replylint import languagetool as lt
from replylint.cli import main
from replylint.config import ConfigError, parse
from replylint.model import Fix, Severity
from replylint.normalize import normalize
from replylint.options import LanguageToolSettings, Options

FIXTURES = Path(__file__).resolve().parent / "data" / "languagetool"


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


EMPTY = {"software": {"name": "LanguageTool", "version": "6.6", "apiVersion": 1},
         "language": {"name": "Russian", "code": "ru-RU"}, "matches": []}


class FakeLanguageTool:
    """A LanguageTool stand-in on 127.0.0.1: answers by the text it receives."""

    def __init__(self) -> None:
        self.answers: dict[str, tuple[int, bytes, str]] = {}
        self.hang: set[str] = set()
        self.responders: list = []  # text -> response dict or None, tried when no exact answer
        self.requests: list[dict[str, str]] = []
        self.release = threading.Event()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
                params = {k: v[0] for k, v in urllib.parse.parse_qs(body, keep_blank_values=True).items()}
                fake.requests.append({"_path": self.path, **params})
                text = params.get("text", "")
                if self.path != "/v2/check":
                    status, payload, ctype = 404, b"Not found", "text/plain"
                elif text in fake.hang:
                    fake.release.wait(30)
                    return
                else:
                    status, payload, ctype = fake.answers.get(
                        text, (200, json.dumps(EMPTY).encode(), "application/json"))
                    for responder in fake.responders if text not in fake.answers else ():
                        answer = responder(text)
                        if answer is not None:
                            payload = json.dumps(answer, ensure_ascii=False).encode("utf-8")
                            break
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except OSError:
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def answer(self, name: str) -> dict:
        """Serve the fixture ``name``; returns it."""
        fx = fixture(name)
        self.answers[fx["request_text"]] = (200, json.dumps(fx["response"], ensure_ascii=False).encode("utf-8"),
                                            "application/json")
        return fx

    def texts(self) -> list[str]:
        return [r.get("text") for r in self.requests]

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(autouse=True)
def _fresh_backends():
    lt.reset()
    yield
    lt.reset()


@pytest.fixture
def server():
    fake = FakeLanguageTool()
    yield fake
    fake.stop()


def grammar_findings(text: str, server_url: str, **settings) -> list:
    opts = Options(select=frozenset({"grammar"}), languagetool=LanguageToolSettings(url=server_url, **settings))
    return replylint.lint(text, options=opts).findings


def run(args, input=None):
    return CliRunner().invoke(main, args, input=input)


# --- matches → findings -----------------------------------------------------------

def test_spelling_match_becomes_a_finding_with_rule_id_category_and_unsafe_fix(server):
    fx = server.answer("spelling")
    [f] = grammar_findings(fx["original"], server.url)
    assert (f.rule, f.text, f.offset, f.length) == ("grammar", "завтро", 18, 6)
    assert f.severity is Severity.WARNING
    assert "MORFOLOGIK_RULE_RU_RU" in f.message and "TYPOS" in f.message
    assert f.message.startswith("Найдена орфографическая ошибка.")
    assert f.suggestion == "«завтра»"
    assert f.fix is None  # never a safe fix
    assert f.unsafe_fix == Fix(18, 6, "завтра")
    [req] = server.requests
    assert req["_path"] == "/v2/check" and req["language"] == "ru-RU" and req["text"] == fx["request_text"]
    assert "level" not in req and "motherTongue" not in req


def test_offsets_count_utf16_units_around_emoji(server):
    fx = server.answer("emoji")
    found = grammar_findings(fx["original"], server.url)
    assert [(f.text, f.offset, f.length) for f in found] == [("завтро", 40, 6), ("в течении", 68, 9)]
    assert [f.column for f in found] == [41, 69]
    # <suggestion> markup in LanguageTool's message is shown as a quotation
    assert "«в течение»" in found[1].message and "<suggestion>" not in found[1].message
    assert found[1].unsafe_fix is None  # a grammar match is never a fix, even with one replacement
    assert found[1].suggestion == "«в течение»"


def test_matches_on_placeholders_are_dropped_and_others_map_to_the_template(server):
    fx = server.answer("placeholders")
    assert normalize(fx["original"]).text == fx["request_text"], "placeholder stand-ins changed: update the fixture"
    found = grammar_findings(fx["original"], server.url)
    assert server.texts() == [fx["request_text"]]  # LanguageTool sees the analysed text
    assert [(f.text, f.offset) for f in found] == [("завтро", fx["original"].index("завтро"))]
    assert found[0].unsafe_fix == Fix(fx["original"].index("завтро"), 6, "завтра")


def _spelling_anywhere(text: str):
    """The hand-written spelling match of spelling.json, moved to wherever
    «завтро» is in the text received (offset in UTF-16 units, as LanguageTool)."""
    if "завтро" not in text:
        return None
    response = fixture("spelling")["response"]
    match = response["matches"][0]
    match["offset"] = len(text[:text.index("завтро")].encode("utf-16-le")) // 2
    return response


def test_offsets_map_back_through_html_markup_and_fix_in_place(server, tmp_path):
    server.responders.append(_spelling_anywhere)
    html = "<html><body><p>Здравствуйте! 🙂</p>\n<p>Мы доставим заказ <b>завтро</b> &mdash; ждите.</p></body></html>\n"
    page = tmp_path / "reply.html"
    page.write_text(html, encoding="utf-8")
    base = ["check", "--select", "grammar", "--languagetool-url", server.url]
    r = run(base + ["--format", "json", str(page)])
    [f] = json.loads(r.stdout)["results"][0]["findings"]
    assert "<" not in server.texts()[0]  # LanguageTool sees the text, not the markup
    assert (f["text"], f["offset"], f["line"]) == ("завтро", html.index("завтро"), 2)
    assert f["unsafe_fix"] == {"offset": html.index("завтро"), "length": 6, "replacement": "завтра"}
    run(base + ["--fix", "--unsafe-fixes", str(page)])
    assert page.read_text(encoding="utf-8") == html.replace("завтро", "завтра")


def test_matches_in_quoted_words_of_the_client_are_dropped(server):
    fx = server.answer("quoted")
    found = grammar_findings(fx["original"], server.url)
    assert [(f.text, f.offset) for f in found] == [("завтро", 62)]
    assert found[0].suggestion == "«завтра», «завтрак»"
    assert found[0].unsafe_fix is None  # two candidates: not even an unsafe fix


def test_severity_follows_issue_type_and_is_configurable(server):
    fx = server.answer("issue_types")
    found = grammar_findings(fx["original"], server.url)
    assert [(f.text, f.severity.label) for f in found] == [
        ("в течении", "warning"), ("-", "info"), ("спасибо за терпение", "info"), ("и и", "warning")]
    custom = grammar_findings(fx["original"], server.url,
                              severity=(("style", Severity.ERROR), ("default", Severity.WARNING)))
    assert [f.severity.label for f in custom] == ["warning", "warning", "error", "warning"]
    # a per-rule severity in the config wins over the mapping
    opts = Options(select=frozenset({"grammar"}), severity={"grammar": Severity.ERROR},
                   languagetool=LanguageToolSettings(url=server.url))
    assert {f.severity for f in replylint.lint(fx["original"], options=opts).findings} == {Severity.ERROR}


def test_languagetool_settings_are_sent(server):
    grammar_findings("Текст письма.", server.url, level="picky", mother_tongue="uk",
                     enabled_rules=("A_RULE",), disabled_rules=("WHITESPACE_RULE", "DASH_RULE"),
                     enabled_categories=("GRAMMAR",), disabled_categories=("STYLE",), enabled_only=True)
    [req] = server.requests
    assert req["level"] == "picky" and req["motherTongue"] == "uk" and req["enabledOnly"] == "true"
    assert req["enabledRules"] == "A_RULE" and req["disabledRules"] == "WHITESPACE_RULE,DASH_RULE"
    assert req["enabledCategories"] == "GRAMMAR" and req["disabledCategories"] == "STYLE"


def test_url_forms(server):
    for url in (server.url, server.url + "/", server.url + "/v2", server.url + "/v2/check"):
        lt.reset()
        server.answer("spelling")
        assert [f.text for f in grammar_findings("Мы доставим заказ завтро.", url)] == ["завтро"]
    assert lt.endpoint("https://api.languagetool.org") == "https://api.languagetool.org/v2/check"
    for bad in ("localhost:8081", "ftp://host", "http://", ""):
        with pytest.raises(ValueError):
            lt.check_url(bad)


def test_offset_map_rounds_a_span_ending_inside_a_surrogate_pair():
    m = lt.OffsetMap("a🙂b")  # units: a=0, 🙂=1..2, b=3
    assert m.span(0, 1) == (0, 1)
    assert m.span(1, 2) == (1, 2)
    assert m.span(1, 1) == (1, 2)  # half an emoji: the whole emoji
    assert m.span(3, 1) == (2, 3)
    assert m.span(3, 2) is None  # past the end


# --- the CLI: flags, fixes, warnings ------------------------------------------------

def test_unsafe_spelling_fix_is_applied_only_with_unsafe_fixes(server, tmp_path):
    fx = server.answer("spelling")
    draft = tmp_path / "reply.txt"
    draft.write_text(fx["original"], encoding="utf-8")
    base = ["check", "--select", "grammar", "--languagetool-url", server.url]
    r = run(base + ["--fix", str(draft)])
    assert draft.read_text(encoding="utf-8") == fx["original"]
    assert r.exit_code == 1  # the finding is still reported
    r = run(base + ["--diff", "--unsafe-fixes", str(draft)])
    assert "+Мы доставим заказ завтра." in r.stdout
    assert draft.read_text(encoding="utf-8") == fx["original"]
    r = run(base + ["--fix", "--unsafe-fixes", str(draft)])
    assert draft.read_text(encoding="utf-8") == "Мы доставим заказ завтра."
    assert r.exit_code == 0, r.output


def test_json_output_carries_the_unsafe_fix(server, tmp_path):
    fx = server.answer("spelling")
    draft = tmp_path / "reply.txt"
    draft.write_text(fx["original"], encoding="utf-8")
    r = run(["check", "--grammar", "--select", "grammar", "--languagetool-url", server.url,
             "--format", "json", str(draft)])
    [f] = json.loads(r.stdout)["results"][0]["findings"]
    assert f["fix"] is None
    assert f["unsafe_fix"] == {"offset": 18, "length": 6, "replacement": "завтра"}


def test_grammar_flag_and_config_key_enable_the_rule(server, tmp_path):
    fx = server.answer("spelling")
    draft = tmp_path / "reply.txt"
    draft.write_text(fx["original"], encoding="utf-8")
    off = run(["check", "--format", "json", "--languagetool-url", server.url, str(draft)])
    assert "grammar" not in json.loads(off.stdout)["summary"]["by_rule"]
    assert server.requests == []  # off by default: nothing sent
    on = run(["check", "--format", "json", "--grammar", "--languagetool-url", server.url, str(draft)])
    assert json.loads(on.stdout)["summary"]["by_rule"].get("grammar") == 1
    cfg = tmp_path / "team.toml"
    cfg.write_text(f'grammar = true\nlanguagetool-url = "{server.url}"\n', encoding="utf-8")
    by_config = run(["check", "--format", "json", "--config", str(cfg), str(draft)])
    assert json.loads(by_config.stdout)["summary"]["by_rule"].get("grammar") == 1
    disabled = run(["check", "--format", "json", "--config", str(cfg), "--no-grammar", str(draft)])
    assert "grammar" not in json.loads(disabled.stdout)["summary"]["by_rule"]


def test_bad_languagetool_url_on_the_command_line_is_a_usage_error(tmp_path):
    draft = tmp_path / "reply.txt"
    draft.write_text("Текст.", encoding="utf-8")
    r = run(["check", "--grammar", "--languagetool-url", "localhost:8081", str(draft)])
    assert r.exit_code == 2
    assert "--languagetool-url" in r.output and "Traceback" not in r.output


def _two_drafts(tmp_path) -> list[str]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Мы ценим каждого клиента. Спасибо!\n", encoding="utf-8")  # client-lowercase: error
    b.write_text("Спасибо за письмо.\n", encoding="utf-8")
    return [str(a), str(b)]


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "предупреждение" in line]


def test_timeout_gives_a_clear_warning_and_the_other_rules_run(server, tmp_path):
    paths = _two_drafts(tmp_path)
    server.hang.add("Мы ценим каждого клиента. Спасибо!\n")
    (tmp_path / ".replylint.toml").write_text(
        f'grammar = true\nlanguagetool-url = "{server.url}"\nlanguagetool-timeout = 2\n', encoding="utf-8")
    r = run(["check", "--format", "json", *paths])
    [w] = _warnings(r.stderr)
    assert paths[0] in w and "не ответил за 2 с" in w and "languagetool-timeout" in w
    assert json.loads(r.stdout)["summary"]["by_rule"] == {"client-lowercase": 1}
    assert r.exit_code == 1  # as without grammar
    assert len(server.requests) == 2  # the second draft was still checked


@pytest.mark.parametrize("status,body,expect", [
    (500, b"Error: Internal Error: java.lang.RuntimeException", "HTTP 500: Error: Internal Error"),
    (413, b"Error: Your text exceeds the limit of 20000 characters", "HTTP 413"),
    (200, b"<html><body>proxy login</body></html>", "некорректный ответ (не JSON"),
    (200, b'{"software": {"name": "LanguageTool"}}', "некорректный ответ (нет списка matches)"),
    (200, b'{"matches": [{"offset": "7", "length": 2}]}', "некорректный ответ"),
])
def test_http_errors_and_malformed_answers_are_warnings(server, tmp_path, status, body, expect):
    paths = _two_drafts(tmp_path)
    server.answers["Спасибо за письмо.\n"] = (status, body, "text/html")
    without = run(["check", *paths])
    r = run(["check", "--grammar", "--languagetool-url", server.url, *paths])
    [w] = _warnings(r.stderr)
    assert paths[1] in w and expect in w and "грамматика не проверена" in w
    assert r.exit_code == without.exit_code == 1
    assert "Traceback" not in r.output


def test_three_failures_in_a_row_switch_grammar_off_for_the_run(server, tmp_path):
    for i in range(5):
        (tmp_path / f"d{i}.txt").write_text(f"Письмо номер {i}.\n", encoding="utf-8")
        server.answers[f"Письмо номер {i}.\n"] = (503, b"Error: Server overloaded", "text/plain")
    r = run(["check", "--grammar", "--languagetool-url", server.url, str(tmp_path)])
    assert len(server.requests) == 3
    warnings = _warnings(r.stderr)
    assert len(warnings) == 4 and "выключена до конца запуска" in warnings[-1]


def test_unreachable_server_warns_once(tmp_path):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    paths = _two_drafts(tmp_path)
    r = run(["check", "--grammar", "--languagetool-url", f"http://127.0.0.1:{port}", *paths])
    [w] = _warnings(r.stderr)
    assert f"http://127.0.0.1:{port}" in w and "недоступен" in w and "languagetool-url" in w
    assert r.exit_code == 1 and "client-lowercase" in r.stdout


# --- backends ---------------------------------------------------------------------

def test_no_backend_one_warning_naming_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "language_tool_python", None)  # not installed
    paths = _two_drafts(tmp_path)
    without = run(["check", *paths])
    r = run(["check", "--grammar", *paths])
    [w] = _warnings(r.stderr)
    assert "pip install 'replylint[grammar]'" in w and "languagetool-url" in w and "Java 17" in w
    assert "docs/grammar.md" in w
    assert r.exit_code == without.exit_code == 1
    assert r.stdout == without.stdout


class _FakeLTP:
    """A stand-in for the language_tool_python module: its LanguageTool
    "starts" a server that is really the fake one above."""

    def __init__(self, url: str) -> None:
        self.created: list[tuple] = []
        outer = self

        class LanguageTool:
            def __init__(self, language=None, **kwargs):
                outer.created.append((language, kwargs, os.environ.get("LTP_PATH")))
                self.url = url + "/v2/"

            def close(self):
                pass

        self.module = types.SimpleNamespace(LanguageTool=LanguageTool)


def test_local_backend_is_started_once_per_process(server, tmp_path, monkeypatch):
    fake = _FakeLTP(server.url)
    monkeypatch.setitem(sys.modules, "language_tool_python", fake.module)
    monkeypatch.setattr(lt, "java_version", lambda: 17)
    monkeypatch.setattr(lt, "local_install", lambda: lt.LocalInstall(tmp_path / "LanguageTool-6.6", "6.6"))
    for i in range(3):
        (tmp_path / f"d{i}.txt").write_text(f"Письмо номер {i}.\n", encoding="utf-8")
    r = run(["check", "--grammar", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert fake.created == [("ru-RU", {"language_tool_download_version": "6.6"}, os.environ.get("LTP_PATH"))]
    assert len(server.requests) == 3
    assert _warnings(r.stderr) == []


def test_ltp_jar_dir_path_is_handed_to_language_tool_python(server, tmp_path, monkeypatch):
    jar_dir = tmp_path / "opt" / "LanguageTool-6.5"
    jar_dir.mkdir(parents=True)
    (jar_dir / "languagetool-server.jar").write_bytes(b"")
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(jar_dir))
    monkeypatch.delenv("LTP_PATH", raising=False)
    assert lt.local_install() == lt.LocalInstall(jar_dir, "6.5")
    fake = _FakeLTP(server.url)
    monkeypatch.setitem(sys.modules, "language_tool_python", fake.module)
    monkeypatch.setattr(lt, "java_version", lambda: 21)
    assert lt.check("Текст.", LanguageToolSettings()) == []
    assert fake.created == [("ru-RU", {"language_tool_download_version": "6.5"}, str(jar_dir.parent))]
    assert "LTP_PATH" not in os.environ  # restored


def test_local_install_is_found_in_ltp_path(tmp_path, monkeypatch):
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    assert lt.local_install() is None
    for v in ("6.4", "6.10"):
        (tmp_path / f"LanguageTool-{v}").mkdir()
        (tmp_path / f"LanguageTool-{v}" / "languagetool-server.jar").write_bytes(b"")
    (tmp_path / "LanguageTool-7.0").mkdir()  # no jar: not an install
    assert lt.local_install() == lt.LocalInstall(tmp_path / "LanguageTool-6.10", "6.10")


def test_configured_url_wins_over_a_local_install(server, monkeypatch):
    fake = _FakeLTP("http://127.0.0.1:9")
    monkeypatch.setitem(sys.modules, "language_tool_python", fake.module)
    monkeypatch.setattr(lt, "java_version", lambda: 17)
    server.answer("spelling")
    assert [f.text for f in grammar_findings("Мы доставим заказ завтро.", server.url)] == ["завтро"]
    assert fake.created == []


def test_old_java_is_named_in_the_warning(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "language_tool_python", _FakeLTP("http://127.0.0.1:9").module)
    monkeypatch.setattr(lt, "java_version", lambda: 11)
    assert lt.check("Текст.", LanguageToolSettings()) == []
    assert lt.check("Ещё текст.", LanguageToolSettings()) == []
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "Java 17+, найдена Java 11" in err[0]


def test_a_failing_local_start_is_one_warning(monkeypatch, capsys):
    def broken(language=None, **kw):
        raise OSError("Could not find at URL https://example.invalid/LanguageTool-6.8.zip")

    monkeypatch.setitem(sys.modules, "language_tool_python", types.SimpleNamespace(LanguageTool=broken))
    monkeypatch.setattr(lt, "java_version", lambda: 17)
    monkeypatch.setattr(lt, "local_install", lambda: None)
    assert lt.check("Текст.", LanguageToolSettings()) == []
    assert lt.check("Ещё текст.", LanguageToolSettings()) == []
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2  # the download notice, then why it failed
    assert "скачает" in err[0] and "не удалось запустить локальный LanguageTool (Could not find" in err[1]


# --- privacy ------------------------------------------------------------------------

@pytest.mark.parametrize("args", [[], ["--grammar"]])
def test_a_default_run_opens_no_network_connection(tmp_path, monkeypatch, args):
    attempts = []

    def refuse(*a, **kw):
        attempts.append(a)
        raise OSError("network is forbidden in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setitem(sys.modules, "language_tool_python", None)  # --grammar: no backend on this machine
    paths = _two_drafts(tmp_path)
    r = run(["check", "--format", "json", *args, *paths])
    assert r.exit_code == 1, r.output
    assert json.loads(r.stdout)["summary"]["by_rule"]["client-lowercase"] == 1
    assert attempts == []


# --- configuration ------------------------------------------------------------------

def test_config_keys_are_parsed():
    cfg = parse({
        "grammar": True,
        "languagetool-url": "http://localhost:8081",
        "languagetool-timeout": 30,
        "languagetool-level": "picky",
        "languagetool-mother-tongue": "uk",
        "languagetool-enabled-rules": ["A_RULE"],
        "languagetool-disabled-rules": ["WHITESPACE_RULE"],
        "languagetool-enabled-categories": ["GRAMMAR"],
        "languagetool-disabled-categories": ["STYLE", "TYPOGRAPHY"],
        "languagetool-enabled-only": True,
        "grammar-severity": {"style": "warning", "misspelling": "error"},
    })
    s = cfg.options().languagetool
    assert s.url == "http://localhost:8081" and s.timeout == 30.0 and s.level == "picky"
    assert s.mother_tongue == "uk" and s.enabled_only
    assert s.disabled_categories == ("STYLE", "TYPOGRAPHY")
    assert s.severity_for("misspelling") is Severity.ERROR and s.severity_for("style") is Severity.WARNING
    assert s.severity_for("typographical") is Severity.INFO and s.severity_for("grammar") is Severity.WARNING
    assert cfg.to_dict()["grammar-severity"] == {"style": "warning", "misspelling": "error"}


@pytest.mark.parametrize("data,error", [
    ({"languagetool-url": "localhost:8081"}, "languagetool-url: «localhost:8081»: ожидается адрес http://"),
    ({"languagetool-timeout": 0}, "languagetool-timeout: «0»: ожидается число секунд больше 0"),
    ({"languagetool-timeout": "10"}, "languagetool-timeout"),
    ({"languagetool-level": "strict"}, "languagetool-level: «strict»: ожидается default или picky"),
    ({"languagetool-mother-tongue": "русский"}, "languagetool-mother-tongue"),
    ({"languagetool-disabled-rules": ["WHITESPACE RULE"]}, "languagetool-disabled-rules: «WHITESPACE RULE»"),
    ({"languagetool-enabled-only": True}, "languagetool-enabled-only: нужен непустой"),
    ({"grammar-severity": {"typo": "info"}}, "неизвестный тип ошибки LanguageTool «typo»"),
    ({"grammar-severity": {"style": "loud"}}, "grammar-severity.style: «loud»"),
    ({"languagetool_url": "http://x"}, "может быть, «languagetool-url»"),
])
def test_bad_config_values_are_one_line_errors(data, error):
    with pytest.raises(ConfigError) as exc:
        parse(data)
    assert error in str(exc.value) and "\n" not in str(exc.value)


def test_config_command_shows_the_languagetool_keys(tmp_path):
    (tmp_path / ".replylint.toml").write_text('languagetool-url = "http://localhost:8081"\n'
                                              'languagetool-level = "picky"\n', encoding="utf-8")
    r = run(["config", str(tmp_path)])
    assert 'languagetool-url = "http://localhost:8081"' in r.stdout
    assert 'languagetool-level = "picky"' in r.stdout
    assert "languagetool-timeout = 15.0" in r.stdout


# --- a real LanguageTool, when there is one --------------------------------------------

def _real_languagetool() -> tuple[str | None, str]:
    url = os.environ.get("LANGUAGETOOL_URL")
    if url:
        return url, ""
    install = lt.local_install()
    if install is None:
        return None, ("no real LanguageTool: set LANGUAGETOOL_URL (e.g. http://localhost:8081) or install one "
                      "(LTP_PATH / LTP_JAR_DIR_PATH, see docs/grammar.md)")
    try:
        import language_tool_python  # noqa: F401
    except ImportError:
        return None, f"LanguageTool found in {install.path}, but language-tool-python is not installed"
    java = lt.java_version()
    if java is None or java < lt.MIN_JAVA:
        return None, f"LanguageTool found in {install.path}, but Java {lt.MIN_JAVA}+ is missing (found: {java})"
    return "", ""


def test_against_a_real_languagetool():
    url, reason = _real_languagetool()
    if url is None:
        pytest.skip(reason)
    opts = Options(select=frozenset({"grammar"}), languagetool=LanguageToolSettings(url=url or None, timeout=120))
    text = "Здравствуйте! 🙂 Мы доставим Ваш заказ завтро."
    found = replylint.lint(text, options=opts).findings
    typo = [f for f in found if f.text == "завтро"]
    assert typo, [(f.text, f.message) for f in found]
    assert "завтра" in (typo[0].suggestion or "")
    assert typo[0].offset == text.index("завтро")
