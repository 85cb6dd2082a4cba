"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other viewers.

One run; the driver lists every rule with its documentation (from the rule
classes); each finding is a result with its region (lines, code-point
columns, ``charOffset``/``charLength`` like the JSON output) and, when the
finding has a safe fix, a SARIF ``fix`` replacing that region. Paths are
relative to the current directory (``uriBaseId`` ``%SRCROOT%``) when they
lie under it. Findings inside a batch record (.jsonl/.csv) have no region in
the file: the record id is a logical location. Input errors become
``toolExecutionNotifications``.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..model import LineIndex

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"


def _rule_descriptor(cls) -> dict:
    doc = cls.doc()
    what = _section(doc, "Что делает") or cls.summary()
    return {
        "id": cls.id,
        "name": "".join(part.capitalize() for part in cls.id.split("-")),
        "shortDescription": {"text": cls.summary()},
        "fullDescription": {"text": what},
        "help": {"text": doc, "markdown": _markdown(doc)},
        "defaultConfiguration": {"level": LEVELS[cls.severity.label],
                                 "enabled": bool(getattr(cls, "default_enabled", True))},
        "properties": {
            "tags": ["replylint", "style", "russian"],
            "fixable": bool(cls.fixable),
            **({"seed": cls.seed} if getattr(cls, "seed", "") else {}),
        },
    }


def _section(doc: str, title: str) -> str:
    """The text under a «Title\\n-----» heading of a rule docstring."""
    lines = doc.splitlines()
    for i, line in enumerate(lines):
        if line.strip() == title and i + 1 < len(lines) and set(lines[i + 1].strip()) == {"-"}:
            body = []
            for nxt in lines[i + 2:]:
                if body and nxt.strip() and set(nxt.strip()) == {"-"}:
                    body.pop()  # that was the next heading
                    break
                body.append(nxt)
            return " ".join(" ".join(body).split())
    return ""


def _markdown(doc: str) -> str:
    out = []
    lines = doc.splitlines()
    for i, line in enumerate(lines):
        if line.strip() and set(line.strip()) == {"-"} and i > 0 and out:
            out[-1] = f"### {out[-1]}"
            continue
        out.append(line.replace("``", "`"))
    return "\n".join(out)


def _location(path: str | None, cwd: Path) -> dict:
    if path in (None, "-", "<stdin>"):
        return {"description": {"text": "стандартный ввод"}}
    p = Path(os.path.abspath(path))
    try:
        rel = p.relative_to(cwd)
    except ValueError:
        return {"uri": p.as_uri()}
    return {"uri": quote(rel.as_posix()), "uriBaseId": SRCROOT}


def _region(index: LineIndex, text: str, offset: int, length: int, snippet: bool = True) -> dict:
    line, col = index.line_col(offset)
    end_line, end_col = index.line_col(offset + length)
    region = {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
              "charOffset": offset, "charLength": length}
    if snippet:
        region["snippet"] = {"text": text[offset:offset + length]}
    return region


def as_dict(reports, errors=()) -> dict:
    from ..rules import all_rule_classes

    cwd = Path(os.getcwd())
    classes = all_rule_classes()
    rule_index = {cls.id: i for i, cls in enumerate(classes)}
    results = []
    for report in reports:
        artifact = _location(report.path, cwd)
        index = LineIndex(report.text)
        in_record = not report.positions_in_file
        seen: dict[str, int] = {}
        for f in report.findings:
            message = f.message + (f"\n→ {f.suggestion}" if f.suggestion else "")
            physical: dict = {"artifactLocation": artifact}
            if not in_record:
                physical["region"] = _region(index, report.text, f.offset, f.length)
            location: dict = {"physicalLocation": physical}
            if in_record:
                name = str(report.id) if report.id is not None else str(report.extra.get("part", "body"))
                location["logicalLocations"] = [{"name": name, "kind": "element",
                                                 "fullyQualifiedName": f"{report.path}[{name}]"}]
            result = {
                "ruleId": f.rule,
                "level": LEVELS[f.severity.label],
                "message": {"text": message},
                "locations": [location],
                "partialFingerprints": {"replylint/v1": _fingerprint(report, f, seen)},
                "properties": {"score": report.score, "channel": report.channel,
                               "text": f.text, "suggestion": f.suggestion,
                               **({"recordId": report.id} if in_record else {})},
            }
            if f.rule in rule_index:
                result["ruleIndex"] = rule_index[f.rule]
            if f.fix is not None and not in_record:
                result["fixes"] = [{
                    "description": {"text": f"Заменить «{f.text}» на «{f.fix.replacement}»"},
                    "artifactChanges": [{
                        "artifactLocation": artifact,
                        "replacements": [{
                            "deletedRegion": _region(index, report.text, f.fix.offset, f.fix.length,
                                                     snippet=False),
                            "insertedContent": {"text": f.fix.replacement},
                        }],
                    }],
                }]
            results.append(result)
    notifications = [{
        "level": "error",
        "message": {"text": err.reason},
        "locations": [{"physicalLocation": {"artifactLocation": _location(
            err.path if os.path.exists(err.path) else None, cwd)}}],
        "properties": {"input": err.path},
    } for err in errors]
    run = {
        "tool": {"driver": {
            "name": "replylint",
            "version": __version__,
            "semanticVersion": __version__,
            "language": "ru-RU",
            "rules": [_rule_descriptor(cls) for cls in classes],
        }},
        "invocations": [{"executionSuccessful": not errors,
                         "toolExecutionNotifications": notifications}],
        "originalUriBaseIds": {SRCROOT: {"uri": cwd.as_uri().rstrip("/") + "/"}},
        "language": "ru-RU",
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _fingerprint(report, finding, seen: dict) -> str:
    """Stable across line shifts: rule, file, flagged text and its occurrence number."""
    key = f"{finding.rule}\0{report.path}\0{report.id}\0{finding.text}"
    seen[key] = seen.get(key, 0) + 1
    return hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()[:32]


def render(reports, errors=(), *, color: bool = False) -> str:
    return json.dumps(as_dict(reports, errors), ensure_ascii=False, indent=2)
