"""Configuration: discovery, keys, per-file settings, errors, `replylint config`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import replylint
from replylint import config as cfgmod
from replylint.cli import main
from replylint.config import Config, ConfigError, Resolver, load
from replylint.model import Severity

BAD = "Мы ценим каждого клиента. Спасибо!\n"  # client-lowercase (error) at 1:18 only (thanks keep missing-thanks quiet)
DOCS = Path(__file__).resolve().parent.parent / "docs" / "configuration.md"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(args, cwd: Path, input=None):
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, args, input=input)
    finally:
        os.chdir(old)


# --- discovery -------------------------------------------------------------------

def test_nearest_config_wins_and_pyproject_without_section_is_passed_over(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.replylint]\nfail-on = "error"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    write(tmp_path / "sub" / "deep" / ".replylint.toml", 'you-style = "lower"\n')
    draft = write(tmp_path / "sub" / "deep" / "a.txt", BAD)
    other = write(tmp_path / "sub" / "b.txt", BAD)
    r = Resolver()
    assert r.for_path(draft).path == tmp_path / "sub" / "deep" / ".replylint.toml"
    assert r.for_path(draft).you_style == "lower"
    assert r.for_path(other).path == tmp_path / "pyproject.toml"
    assert r.for_path(other).fail_on is Severity.ERROR


def test_dot_replylint_wins_over_pyproject_in_the_same_directory(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.replylint]\nyou-style = "lower"\n')
    write(tmp_path / ".replylint.toml", 'you-style = "consistent"\n')
    assert cfgmod.find(tmp_path / "x.txt") == tmp_path / ".replylint.toml"


def test_no_config_gives_defaults(tmp_path):
    # tmp_path is outside any project with [tool.replylint]
    c = Resolver().for_path(tmp_path / "x.txt")
    assert c.path is None
    assert c.fail_on is Severity.WARNING and c.select is None and c.ignore == frozenset()


def test_explicit_config_applies_to_every_file(tmp_path):
    write(tmp_path / "a" / ".replylint.toml", 'you-style = "lower"\n')
    explicit = write(tmp_path / "team.toml", 'you-style = "consistent"\n')
    assert Resolver(explicit).for_path(tmp_path / "a" / "x.txt").you_style == "consistent"


# --- keys -------------------------------------------------------------------------

FULL = """
[tool.replylint]
select = ["client-lowercase", "refusal"]
ignore = ["refusal"]
fail-on = "info"
include = ["*.txt", "templates/**/*.tpl"]
exclude = ["old", "drafts/tmp-*.txt"]
you-style = "lower"
client-words = ["Клиент", "абонент"]
sms-max-segments = 3
lexicons = ["company-lexicons"]
grammar = true

[tool.replylint.severity]
client-lowercase = "warning"

[tool.replylint.per-file-ignores]
"legacy/**" = ["client-lowercase"]
"*.eml" = ["refusal"]

[tool.replylint.channels]
"sms/**" = "sms"
"*.sms.txt" = "sms"
"""


def test_every_key_is_read(tmp_path):
    (tmp_path / "company-lexicons").mkdir()
    c = load(write(tmp_path / "pyproject.toml", FULL))
    assert c.select == {"client-lowercase", "refusal"}
    assert c.ignore == {"refusal"}
    assert c.fail_on is Severity.INFO
    assert c.include == ("*.txt", "templates/**/*.tpl")
    assert c.exclude == ("old", "drafts/tmp-*.txt")
    assert c.you_style == "lower"
    assert c.client_words == ("клиент", "абонент")
    assert c.sms_max_segments == 3
    assert c.lexicons == ((tmp_path / "company-lexicons").resolve(),)
    assert c.grammar is True
    assert c.severity == {"client-lowercase": Severity.WARNING}
    o = c.options(tmp_path / "legacy" / "x" / "a.txt")
    assert o.ignore == {"refusal", "client-lowercase"}
    assert o.you_style == "lower" and o.sms_max_segments == 3 and o.grammar is True
    assert o.client_words == ("клиент", "абонент")
    assert o.lexicon_dirs == (str((tmp_path / "company-lexicons").resolve()),)
    assert c.options(tmp_path / "a.txt").ignore == {"refusal"}
    assert c.channel_for(tmp_path / "sms" / "x" / "a.txt") == "sms"
    assert c.channel_for(tmp_path / "a.sms.txt") == "sms"
    assert c.channel_for(tmp_path / "a.txt") is None


def test_globs(tmp_path):
    c = Config(root=tmp_path, exclude=("old", "drafts/tmp-*.txt", "**/cache/*.md", "[ab]?.txt"),
               include=("*.txt", "templates/**/*.tpl"))
    assert c.is_excluded(tmp_path / "old" / "x.txt")  # a directory name at any depth
    assert c.is_excluded(tmp_path / "x" / "old" / "y.txt")
    assert c.is_excluded(tmp_path / "drafts" / "tmp-1.txt")
    assert not c.is_excluded(tmp_path / "drafts" / "sub" / "tmp-1.txt")  # * stays in one directory
    assert c.is_excluded(tmp_path / "a" / "b" / "cache" / "z.md")
    assert c.is_excluded(tmp_path / "b1.txt") and not c.is_excluded(tmp_path / "c1.txt")
    assert not c.is_excluded(tmp_path / "older" / "x.txt")
    assert c.is_included(tmp_path / "templates" / "a" / "b.tpl")
    assert c.is_included(tmp_path / "templates" / "b.tpl")
    assert not c.is_included(tmp_path / "other" / "b.tpl")
    assert not c.is_included(tmp_path / "notes.txt.d" / "x.md")  # include looks at the file only


def test_defaults_round_trip_through_dump(tmp_path):
    import tomllib

    c = load(write(tmp_path / "pyproject.toml", FULL.replace('lexicons = ["company-lexicons"]\n', "")))
    text = cfgmod.dump(c)
    again = tomllib.loads(text)["tool"]["replylint"]
    assert cfgmod.parse(again, path=tmp_path / "x.toml").to_dict() == c.to_dict()


# --- errors -----------------------------------------------------------------------

@pytest.mark.parametrize("body,needle", [
    ('colour = "red"\n', "colour: неизвестный ключ «colour»"),
    ('fail_on = "error"\n', "может быть, «fail-on»"),
    ('select = ["refusal", "nope"]\n', "select: неизвестное правило «nope»"),
    ('ignore = "nope"\n', "ignore: неизвестное правило «nope»"),
    ('[severity]\nnope = "error"\n', "severity: неизвестное правило «nope»"),
    ('[severity]\nrefusal = "fatal"\n', "severity.refusal: «fatal»"),
    ('[per-file-ignores]\n"*.txt" = ["nope"]\n', 'per-file-ignores."*.txt": неизвестное правило «nope»'),
    ('[channels]\n"*.txt" = "fax"\n', 'channels."*.txt": «fax»'),
    ('you-style = "small"\n', "you-style: «small»"),
    ('sms-max-segments = 0\n', "sms-max-segments: «0»"),
    ('fail-on = "fatal"\n', "fail-on: «fatal»"),
    ('lexicons = ["missing"]\n', "lexicons: каталог «missing» не найден"),
    ('grammar = "yes"\n', "grammar: ожидается true или false"),
    ('select = [1]\n', "select: ожидается список строк"),
    ('select = [\n', "некорректный TOML"),
])
def test_errors_name_the_file_and_key(tmp_path, body, needle):
    path = write(tmp_path / ".replylint.toml", body)
    with pytest.raises(ConfigError) as exc:
        load(path)
    message = str(exc.value)
    assert message.startswith(f"{path}: ")
    assert needle in message
    assert "\n" not in message


def test_pyproject_errors_name_the_section(tmp_path):
    path = write(tmp_path / "pyproject.toml", '[tool.replylint]\nselect = ["nope"]\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml: \[tool.replylint\] select: неизвестное правило «nope»"):
        load(path)


def test_cli_config_error_is_one_line_exit_2(tmp_path):
    write(tmp_path / ".replylint.toml", 'colour = "red"\n')
    write(tmp_path / "a.txt", BAD)
    result = run(["check", "a.txt"], tmp_path)
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert re.fullmatch(r"replylint: .*\.replylint\.toml: colour: неизвестный ключ «colour».*",
                        result.output.strip())


def test_cli_missing_explicit_config(tmp_path):
    write(tmp_path / "a.txt", BAD)
    result = run(["check", "--config", "nope.toml", "a.txt"], tmp_path)
    assert result.exit_code == 2
    assert "nope.toml: файл конфигурации не найден" in result.output


# --- the CLI with a config --------------------------------------------------------

def _json(result):
    return json.loads(result.output)


def test_per_file_ignores_and_severity_override_in_check(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.replylint]\n[tool.replylint.severity]\n'
          'client-lowercase = "info"\n[tool.replylint.per-file-ignores]\n"legacy/*" = ["client-lowercase"]\n')
    write(tmp_path / "a.txt", BAD)
    write(tmp_path / "legacy" / "b.txt", BAD)
    result = run(["check", "--format", "json", "."], tmp_path)
    data = _json(result)
    by_path = {r["path"]: r["findings"] for r in data["results"]}
    assert [f["rule"] for f in by_path["a.txt"]] == ["client-lowercase"]
    assert by_path["a.txt"][0]["severity"] == "info"
    assert by_path["legacy/b.txt"] == []
    assert result.exit_code == 0  # info is below the default fail-on (warning)


def test_fail_on_from_config_and_cli_override(tmp_path):
    write(tmp_path / ".replylint.toml", 'fail-on = "info"\n[severity]\nclient-lowercase = "info"\n')
    write(tmp_path / "a.txt", BAD)
    assert run(["check", "a.txt"], tmp_path).exit_code == 1
    assert run(["check", "--fail-on", "error", "a.txt"], tmp_path).exit_code == 0


def test_cli_select_replaces_and_ignore_adds(tmp_path):
    write(tmp_path / ".replylint.toml", 'ignore = ["client-lowercase"]\n')
    write(tmp_path / "a.txt", BAD)
    assert _json(run(["check", "--format", "json", "a.txt"], tmp_path))["summary"]["findings"] == 0
    # --ignore adds to the config's ignore list (client-lowercase stays off)
    data = _json(run(["check", "--format", "json", "--ignore", "refusal", "a.txt"], tmp_path))
    assert data["summary"]["findings"] == 0


def test_include_exclude_when_walking(tmp_path):
    write(tmp_path / ".replylint.toml", 'include = ["*.tpl"]\nexclude = ["old"]\n')
    write(tmp_path / "a.tpl", BAD)
    write(tmp_path / "b.txt", BAD)  # not in include
    write(tmp_path / "old" / "c.tpl", BAD)
    data = _json(run(["check", "--format", "json", "."], tmp_path))
    assert [r["path"] for r in data["results"]] == ["a.tpl"]
    # a file named on the command line is linted unless excluded
    data = _json(run(["check", "--format", "json", "b.txt", "old/c.tpl"], tmp_path))
    assert [r["path"] for r in data["results"]] == ["b.txt"]


def test_channels_by_glob(tmp_path):
    write(tmp_path / ".replylint.toml", '[channels]\n"sms/**" = "sms"\n')
    write(tmp_path / "sms" / "a.txt", "Ваш заказ готов.\n")
    write(tmp_path / "b.txt", "Ваш заказ готов.\n")
    data = _json(run(["check", "--format", "json", "."], tmp_path))
    assert {r["path"]: r["channel"] for r in data["results"]} == {"b.txt": "email", "sms/a.txt": "sms"}
    data = _json(run(["check", "--format", "json", "--channel", "email", "sms/a.txt"], tmp_path))
    assert data["results"][0]["channel"] == "email"  # the flag wins


def test_client_words_reach_the_rules(tmp_path):
    write(tmp_path / ".replylint.toml", 'client-words = ["абонент"]\n')
    write(tmp_path / "a.txt", "Мы ценим каждого абонента и клиента.\n")
    data = _json(run(["check", "--format", "json", "--select", "client-lowercase", "a.txt"], tmp_path))
    assert [f["text"] for f in data["results"][0]["findings"]] == ["абонента"]


def test_extra_lexicon_dir_extends_bundled_lexicon(tmp_path):
    write(tmp_path / "lex" / "client_lowercase.toml", 'lemmas = ["абонент"]\n')
    write(tmp_path / ".replylint.toml", 'lexicons = ["lex"]\n')
    write(tmp_path / "a.txt", "Мы ценим каждого абонента и клиента.\n")
    data = _json(run(["check", "--format", "json", "--select", "client-lowercase", "a.txt"], tmp_path))
    assert [f["text"] for f in data["results"][0]["findings"]] == ["абонента", "клиента"]
    # and a run without the config is back to the bundled lexicon only
    assert [f.text for f in replylint.lint("Мы ценим каждого абонента и клиента.").findings
            if f.rule == "client-lowercase"] == ["клиента"]


def test_config_command_shows_resolved_configuration(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.replylint]\nfail-on = "error"\n'
          '[tool.replylint.per-file-ignores]\n"legacy/*" = ["refusal"]\n')
    write(tmp_path / "legacy" / "a.txt", BAD)
    result = run(["config", "legacy/a.txt"], tmp_path)
    assert result.exit_code == 0
    out = result.output
    assert f"# файл конфигурации: {tmp_path / 'pyproject.toml'}" in out
    assert "#   выключенные правила: refusal" in out
    assert 'fail-on = "error"' in out
    assert run(["config", "nope.txt"], tmp_path).exit_code == 2


def test_config_command_without_config(tmp_path):
    result = run(["config"], tmp_path)
    assert result.exit_code == 0
    assert "значения по умолчанию" in result.output
    assert 'fail-on = "warning"' in result.output


# --- the library API -----------------------------------------------------------------

def test_api_config_as_path_or_object(tmp_path):
    path = write(tmp_path / ".replylint.toml", '[severity]\nclient-lowercase = "info"\n'
                 '[per-file-ignores]\n"legacy/*" = ["client-lowercase"]\n')
    for config in (path, str(path), load(path)):
        report = replylint.lint(BAD, config=config)
        assert [(f.rule, f.severity) for f in report.findings] == [("client-lowercase", Severity.INFO)]
    assert replylint.lint(BAD, config=path, path=str(tmp_path / "legacy" / "a.txt")).findings == []


def test_api_channel_from_config(tmp_path):
    path = write(tmp_path / ".replylint.toml", '[channels]\n"*.sms" = "sms"\n')
    assert replylint.lint("Ваш заказ готов.", config=path, path="x.sms").channel == "sms"
    assert replylint.lint("Ваш заказ готов.", config=path, path="x.txt").channel == "email"


def test_api_bad_config_raises_config_error(tmp_path):
    path = write(tmp_path / ".replylint.toml", 'colour = 1\n')
    with pytest.raises(replylint.ConfigError, match="colour"):
        replylint.lint(BAD, config=path)
    with pytest.raises(TypeError):
        replylint.lint(BAD, config=42)


# --- documentation -------------------------------------------------------------------

def test_every_key_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    for key in cfgmod.KEYS:
        assert f"`{key}`" in text, f"docs/configuration.md does not document «{key}»"


def test_chat_is_linted_as_email_everywhere(tmp_path):
    """A chat reply is e-mail for the rules (missing-thanks applies, no SMS count),
    whether named on the command line, in a record or in the config."""
    write(tmp_path / ".replylint.toml", '[channels]\n"chat/**" = "chat"\n')
    write(tmp_path / "chat" / "a.txt", "Ваш заказ готов.\n")
    write(tmp_path / "b.jsonl", json.dumps({"id": "r1", "channel": "Chat", "text": "Ваш заказ готов."}) + "\n")
    data = _json(run(["check", "--format", "json", "chat/a.txt", "b.jsonl"], tmp_path))
    assert [r["channel"] for r in data["results"]] == ["email", "email"]
    assert all("missing-thanks" in {f["rule"] for f in r["findings"]} for r in data["results"])
    data = _json(run(["check", "--format", "json", "--channel", "chat", "b.jsonl"], tmp_path))
    assert data["results"][0]["channel"] == "email"
    assert replylint.lint("Ваш заказ готов.", channel="chat").channel == "email"


def test_unknown_record_channel_is_a_one_line_error(tmp_path):
    write(tmp_path / "b.jsonl", json.dumps({"id": "r1", "channel": "fax", "text": "Ваш заказ готов."}) + "\n")
    result = run(["check", "b.jsonl"], tmp_path)
    assert result.exit_code == 2
    assert "неизвестный канал «fax» (ожидается email, chat или sms)" in result.output
