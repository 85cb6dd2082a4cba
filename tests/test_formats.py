"""`--format sarif` (valid SARIF 2.1.0), `--format github`, `--output`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from replylint.cli import main
from replylint.formats.github import command, escape_data, escape_property
from replylint.inputs import InputError
from replylint.model import Finding, Fix, Report, Severity

SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"
BAD = "Добрый день!\nМы ценим каждого клиента.\n"  # client-lowercase at 2:18–2:25, offset 30


def run(args, cwd: Path, input=None):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, args, input=input)
    finally:
        os.chdir(old)


def validate(doc: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the [test] extra")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def _report(text, findings, path="t.txt", id=None):
    return Report(text=text, findings=findings, path=path, id=id, score=7.0)


def _finding(**kw):
    base = dict(rule="client-lowercase", severity=Severity.ERROR, message="m", offset=30, length=7,
                text="клиента", line=2, column=18, end_line=2, end_column=25)
    base.update(kw)
    return Finding(**base)


# --- SARIF ------------------------------------------------------------------------------

def test_shipped_schema_is_the_official_one():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]
    assert len(schema["definitions"]) == 52


def test_sarif_from_cli_validates_and_carries_region_fix_and_rules(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "ответ 1.txt").write_text(BAD, encoding="utf-8")
    result = run(["check", "--format", "sarif", "drafts"], tmp_path)
    assert result.exit_code == 1
    doc = json.loads(result.output)
    validate(doc)
    run_ = doc["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert "client-lowercase" in ids
    rule = rules[ids.index("client-lowercase")]
    assert rule["defaultConfiguration"]["level"] == "error"
    assert rule["shortDescription"]["text"].startswith("Слово «Клиент»")
    assert "Почему это важно" in rule["help"]["text"]
    assert rule["properties"]["fixable"] is True
    [res] = [r for r in run_["results"] if r["ruleId"] == "client-lowercase"]
    assert res["ruleIndex"] == ids.index("client-lowercase")
    assert res["level"] == "error"
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "drafts/%D0%BE%D1%82%D0%B2%D0%B5%D1%82%201.txt",
                                       "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 2, "startColumn": 18, "endLine": 2, "endColumn": 25,
                             "charOffset": 30, "charLength": 7, "snippet": {"text": "клиента"}}
    [fix] = res["fixes"]
    [change] = fix["artifactChanges"]
    [rep] = change["replacements"]
    assert rep["deletedRegion"]["charOffset"] == 30 and rep["deletedRegion"]["charLength"] == 7
    assert rep["insertedContent"]["text"] == "Клиента"
    assert run_["columnKind"] == "unicodeCodePoints"
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    assert run_["invocations"][0]["executionSuccessful"] is True


def test_sarif_clean_input_and_input_errors_validate(tmp_path):
    (tmp_path / "ok.txt").write_text("Спасибо за обращение!\n", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    result = run(["check", "--format", "sarif", "ok.txt", "bin.txt"], tmp_path)
    assert result.exit_code == 2
    doc = json.loads(result.output[result.output.index("{"):])
    validate(doc)
    inv = doc["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    [note] = inv["toolExecutionNotifications"]
    assert note["message"]["text"] == "двоичный файл, а не текст"


def test_sarif_stdin_and_batch_records_validate():
    from replylint.formats.sarif import as_dict

    stdin = _report(BAD, [_finding(fix=Fix(30, 7, "Клиента"))], path="<stdin>")
    record = _report("Мы ценим каждого клиента.", [_finding(offset=17, line=1, column=18, end_line=1,
                                                             end_column=25, fix=Fix(17, 7, "Клиента"))],
                     path="batch.jsonl", id="r-7")
    doc = as_dict([stdin, record], [InputError("batch.jsonl:3", "некорректный JSON")])
    validate(doc)
    res_stdin, res_record = doc["runs"][0]["results"]
    assert "uri" not in res_stdin["locations"][0]["physicalLocation"]["artifactLocation"]
    assert res_stdin["locations"][0]["physicalLocation"]["region"]["startLine"] == 2
    assert "region" not in res_record["locations"][0]["physicalLocation"]
    assert res_record["locations"][0]["logicalLocations"][0]["name"] == "r-7"
    assert "fixes" not in res_record  # offsets are inside the record, not the file


def test_sarif_fingerprints_distinguish_repeated_findings():
    from replylint.formats.sarif import as_dict

    text = "клиента и клиента"
    r = _report(text, [_finding(offset=0, line=1, column=1, end_line=1, end_column=8),
                       _finding(offset=10, line=1, column=11, end_line=1, end_column=18)])
    fps = [x["partialFingerprints"]["replylint/v1"] for x in as_dict([r])["runs"][0]["results"]]
    assert len(set(fps)) == 2


def test_output_file(tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    result = run(["check", "--format", "sarif", "--output", "out/report.sarif", "a.txt"], tmp_path)
    assert result.exit_code == 2  # the directory does not exist
    assert "out/report.sarif: не удалось записать отчёт" in result.output
    result = run(["check", "--format", "sarif", "-o", "report.sarif", "a.txt"], tmp_path)
    assert result.exit_code == 1
    assert result.output == ""
    validate(json.loads((tmp_path / "report.sarif").read_text(encoding="utf-8")))


# --- GitHub -----------------------------------------------------------------------------

def test_escaping_follows_the_actions_toolkit():
    assert escape_data("100% \r\n:,") == "100%25 %0D%0A:,"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert command("warning", "x", file="a,b.txt", line=3) == "::warning file=a%2Cb.txt,line=3::x"
    assert command("notice", "x") == "::notice::x"


def test_github_output_line_by_line(tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    result = run(["check", "--format", "github", "--select", "client-lowercase", "a.txt"], tmp_path)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "::error file=a.txt,line=2,col=18,endLine=2,endColumn=25,title=replylint client-lowercase"
        "::«клиента» пишется с большой буквы: «Клиента»",
    ]


def test_github_render_severities_suggestions_records_errors(tmp_path):
    from replylint.formats.github import render

    (tmp_path / "exists.txt").write_text("x", encoding="utf-8")
    reports = [
        _report(BAD, [_finding(severity=Severity.WARNING, rule="vague-promise", message="Срок: когда?",
                               suggestion="Ответим до 12:00, 5 мая")], path="dir/a b.txt"),
        _report(BAD, [_finding(severity=Severity.INFO, rule="cliche", message="50% клише")],
                path="batch.jsonl", id=3),
        _report(BAD, [_finding()], path="<stdin>"),
    ]
    errors = [InputError(str(tmp_path / "exists.txt"), "не декодируется"),
              InputError("batch.jsonl:4", "некорректный JSON")]
    lines = render(reports, errors).splitlines()
    assert lines == [
        "::warning file=dir/a b.txt,line=2,col=18,endLine=2,endColumn=25,title=replylint vague-promise"
        "::Срок: когда?%0A→ Ответим до 12:00, 5 мая",
        "::notice file=batch.jsonl,title=replylint cliche [3]::50%25 клише",
        "::error line=2,col=18,endLine=2,endColumn=25,title=replylint client-lowercase::m",
        f"::error file={tmp_path.as_posix()}/exists.txt,title=replylint%3A ошибка ввода::не декодируется",
        "::error title=replylint%3A ошибка ввода::batch.jsonl:4: некорректный JSON",
    ]


def test_eml_findings_carry_no_file_region(tmp_path):
    """Positions of an e-mail are in its decoded body, not in the file: SARIF and
    GitHub must not point at (or fix) a line of the raw .eml."""
    import json as _json
    from pathlib import Path as _Path

    from click.testing import CliRunner as _Runner

    from replylint.cli import main as _main

    eml = _Path(__file__).resolve().parents[1] / "examples" / "email" / "complaint-reply-cp1251-qp.eml"
    sarif = _json.loads(_Runner().invoke(_main, ["check", "--format", "sarif", str(eml)]).output)
    results = sarif["runs"][0]["results"]
    assert results
    for r in results:
        assert "region" not in r["locations"][0]["physicalLocation"]
        assert r["locations"][0]["logicalLocations"][0]["name"] == "text/plain"
        assert "fixes" not in r
    gh = _Runner().invoke(_main, ["check", "--format", "github", str(eml)]).output.splitlines()
    assert gh and all(",line=" not in line for line in gh)
