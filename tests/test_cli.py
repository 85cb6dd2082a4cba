"""The command-line contract of ../shared/spec/cli.md, through click's CliRunner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from replylint.cli import main

BAD = "Здравствуйте! Мы ценим каждого клиента.\n"
GOOD = "Здравствуйте! Мы ценим каждого Клиента. Спасибо, что выбрали нас.\n"


def run(args, input=None):
    return CliRunner().invoke(main, args, input=input)


def test_exit_code_1_on_findings_and_0_when_clean(tmp_path):
    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_text(BAD, encoding="utf-8")
    good.write_text(GOOD, encoding="utf-8")
    assert run(["check", "--select", "client-lowercase", str(bad)]).exit_code == 1
    assert run(["check", "--select", "client-lowercase", str(good)]).exit_code == 0


def test_exit_zero_flag(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD, encoding="utf-8")
    assert run(["check", "--exit-zero", "--select", "client-lowercase", str(bad)]).exit_code == 0


def test_fail_on_threshold(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD, encoding="utf-8")  # client-lowercase is an error
    assert run(["check", "--select", "client-lowercase", "--fail-on", "error", str(bad)]).exit_code == 1
    r = run(["check", "--select", "client-lowercase", "--fail-on", "error", str(tmp_path / "none.txt")])
    assert r.exit_code == 2


def test_text_output_format(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD, encoding="utf-8")
    r = run(["check", "--select", "client-lowercase", str(bad)])
    first = r.output.splitlines()[0]
    assert first == f"{bad}:1:32 error client-lowercase «клиента» пишется с большой буквы: «Клиента»"
    assert "оценка 7/10" in r.output
    assert "\x1b[" not in r.output  # no colour when not a terminal


def test_json_contract_slices_and_positions(tmp_path):
    text = "Добрый день!\r\nМы ценим клиентов.\nИ каждого клиента тоже.\n"
    f = tmp_path / "crlf.txt"
    f.write_bytes(text.encode("utf-8"))
    r = run(["check", "--format", "json", "--select", "client-lowercase", str(f)])
    data = json.loads(r.output)
    assert data["version"] == 1
    (result,) = data["results"]
    assert result["path"] == str(f) and result["id"] is None and result["channel"] == "email"
    assert [x["text"] for x in result["findings"]] == ["клиентов", "клиента"]
    for finding in result["findings"]:
        assert text[finding["offset"]:finding["offset"] + finding["length"]] == finding["text"]
        lines = text.replace("\r\n", "\n").split("\n")
        assert lines[finding["line"] - 1][finding["column"] - 1:].startswith(finding["text"])
        assert finding["fix"] == {"offset": finding["offset"], "length": finding["length"],
                                  "replacement": finding["text"].capitalize()}
    assert [(x["line"], x["column"]) for x in result["findings"]] == [(2, 10), (3, 11)]
    assert data["summary"] == {"messages": 1, "findings": 2, "by_rule": {"client-lowercase": 2}}


def test_stdin_and_batch_jsonl(tmp_path):
    r = run(["check", "-", "--format", "json", "--select", "client-lowercase"], input=BAD)
    assert json.loads(r.output)["results"][0]["path"] == "<stdin>"
    batch = tmp_path / "b.jsonl"
    batch.write_text(
        json.dumps({"id": "a", "text": BAD}, ensure_ascii=False) + "\n\n"
        + json.dumps({"text": GOOD, "channel": "sms"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    data = json.loads(run(["check", str(batch), "--format", "json", "--select", "client-lowercase"]).output)
    assert [(x["id"], x["channel"], len(x["findings"])) for x in data["results"]] == [("a", "email", 1), (2, "sms", 0)]


def test_batch_csv(tmp_path):
    batch = tmp_path / "b.csv"
    batch.write_text('id,text,channel\nx1,"Мы ценим клиента, правда.",email\nx2,Всё хорошо.,sms\n', encoding="utf-8")
    data = json.loads(run(["check", str(batch), "--format", "json", "--select", "client-lowercase"]).output)
    assert [(x["id"], len(x["findings"])) for x in data["results"]] == [("x1", 1), ("x2", 0)]


def test_directory_is_walked(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "two.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "skip.bin").write_bytes(b"\x00\x01")
    data = json.loads(run(["check", str(tmp_path), "--format", "json", "--select", "client-lowercase"]).output)
    assert sorted(r["path"].rsplit("/", 1)[-1] for r in data["results"]) == ["one.txt", "two.md"]


def test_sms_channel_by_file_name(tmp_path):
    f = tmp_path / "note.sms.txt"
    f.write_text(GOOD, encoding="utf-8")
    data = json.loads(run(["check", str(f), "--format", "json", "--select", "client-lowercase"]).output)
    assert data["results"][0]["channel"] == "sms"


@pytest.mark.parametrize("args", [["check", "--select", "no-such-rule", "-"], ["rule", "no-such-rule"],
                                   ["check", "--format", "xml", "-"]])
def test_usage_errors_exit_2(args):
    r = run(args, input="")
    assert r.exit_code == 2
    assert "Traceback" not in r.output


def test_rules_and_rule_commands():
    r = run(["rules"])
    assert r.exit_code == 0 and "client-lowercase" in r.output
    r = run(["rule", "client-lowercase"])
    assert r.exit_code == 0
    assert "Что делает" in r.output and "Почему это важно" in r.output and "Срабатывает" in r.output


def test_readme_rule_table_is_current():
    from pathlib import Path

    from replylint.cli import rules_markdown
    from replylint.rules import all_rule_classes

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert rules_markdown(all_rule_classes()) in readme, "regenerate: replylint rules --format markdown"
    assert len(all_rule_classes()) == 15
