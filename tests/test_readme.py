"""The README stays true to the code: the configuration table and the links inside it.

(The rule table is checked against ``replylint rules --format markdown`` in test_cli.py.)
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from replylint import config as cfgmod
from replylint.config import Config, ConfigError, parse

README = Path(__file__).resolve().parents[1] / "README.md"


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else len(text)]


def _cells(line: str) -> list[str]:
    """The cells of a Markdown table row (``\\|`` inside a cell is not a separator)."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]


def config_table() -> dict[str, list[str]]:
    """README «Configuration» table: key -> the other cells of its row."""
    section = _section(README.read_text(encoding="utf-8"), "Configuration")
    lines = section.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("| key |"))
    assert _cells(lines[head]) == ["key", "type", "default", "meaning"]
    rows: dict[str, list[str]] = {}
    for line in lines[head + 2:]:
        if not line.startswith("|"):
            break
        key, *rest = _cells(line)
        m = re.fullmatch(r"`([a-z-]+)`", key)
        assert m, f"README config table: the first cell must be one `key`, not {key!r}"
        assert m.group(1) not in rows, f"README config table lists «{m.group(1)}» twice"
        rows[m.group(1)] = rest
    return rows


def accepted_keys() -> set[str]:
    """The keys the config loader accepts (its own whitelist), checked to be what it parses."""
    keys = set(cfgmod.KEYS)
    # the whitelist and the resolved configuration name the same keys ...
    assert keys == set(Config().to_dict())
    # ... and the loader really rejects a key outside it
    try:
        parse({"no-such-key": 1})
    except ConfigError as exc:
        assert "no-such-key" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("the config loader accepted an unknown key")
    return keys


def test_readme_config_table_documents_every_key():
    rows = config_table()
    keys = accepted_keys()
    missing = sorted(keys - set(rows))
    unknown = sorted(set(rows) - keys)
    assert not missing, f"README «Configuration» table lacks: {', '.join(missing)}"
    assert not unknown, f"README «Configuration» table lists keys the loader rejects: {', '.join(unknown)}"
    for key, (kind, default, meaning) in rows.items():
        assert kind and default and meaning, f"README config table: «{key}» has an empty cell"


def test_readme_config_defaults_are_the_loaders():
    """A default written as one TOML literal (`"warning"`, `15`, `[]`) is what the loader resolves to."""
    defaults = Config().to_dict()
    checked = 0
    for key, (_kind, default, _meaning) in config_table().items():
        m = re.fullmatch(r"`([^`]+)`", default)
        if not m:
            continue  # prose: «every known extension», «unset» …
        value = tomllib.loads(f"v = {m.group(1)}")["v"]
        assert value == defaults[key], f"README says {key} defaults to {value!r}, the loader: {defaults[key]!r}"
        checked += 1
    assert checked >= 15


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def test_readme_internal_links_resolve():
    text = README.read_text(encoding="utf-8")
    anchors = {_slug(h) for h in re.findall(r"^#+ (.+)$", text, flags=re.M)}
    for target in re.findall(r"\]\(#([^)]+)\)", text):
        assert target in anchors, f"README links to #{target}, which no heading defines"
    root = README.parent
    for target in re.findall(r"\]\((?!https?:|#)([^)#]+)(?:#[^)]*)?\)", text):
        assert (root / target).exists(), f"README links to {target}, which does not exist"
