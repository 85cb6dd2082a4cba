"""``--format json``: the machine-readable contract of ../shared/spec/cli.md."""

from __future__ import annotations

import json
from collections import Counter


def as_dict(reports, errors=()) -> dict:
    by_rule = Counter(f.rule for r in reports for f in r.findings)
    out = {
        "version": 1,
        "results": [r.to_dict() for r in reports],
        "summary": {
            "messages": len(reports),
            "findings": sum(len(r.findings) for r in reports),
            "by_rule": dict(sorted(by_rule.items())),
        },
    }
    if errors:
        out["errors"] = [{"path": e.path, "message": e.reason} for e in errors]
    return out


def render(reports, errors=(), *, color: bool = False) -> str:
    return json.dumps(as_dict(reports, errors), ensure_ascii=False, indent=2)
