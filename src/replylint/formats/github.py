"""``--format github``: GitHub Actions workflow commands, one line per finding.

``::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=T::message`` —
GitHub shows each as an annotation on the file. Property values escape
``%``, CR, LF, ``:`` and ``,``; the message escapes ``%``, CR and LF (the
rules of the Actions toolkit). Findings inside a batch record (.jsonl/.csv)
carry no line (the positions are inside the record's text): the record id is
in the title.
"""

from __future__ import annotations

import os

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props) -> str:
    parts = [f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None]
    head = f"::{kind} {','.join(parts)}" if parts else f"::{kind}"
    return f"{head}::{escape_data(message)}"


def _path(report) -> str | None:
    if report.path in (None, "-", "<stdin>"):
        return None
    return report.path.replace("\\", "/")


def render(reports, errors=(), *, color: bool = False) -> str:
    lines = []
    for report in reports:
        path = _path(report)
        in_record = not report.positions_in_file
        for f in report.findings:
            message = f.message
            if f.suggestion:
                message += f"\n→ {f.suggestion}"
            where = report.id if report.id is not None else report.extra.get("part")
            title = f"replylint {f.rule}" + (f" [{where}]" if in_record else "")
            if in_record:
                props = {"file": path, "title": title}
            else:
                props = {"file": path, "line": f.line, "col": f.column, "endLine": f.end_line,
                         "endColumn": f.end_column, "title": title}
            lines.append(command(_COMMAND[f.severity.label], message, **props))
    for err in errors:
        if os.path.isfile(err.path):
            lines.append(command("error", err.reason, file=err.path.replace("\\", "/"),
                                 title="replylint: ошибка ввода"))
        else:
            lines.append(command("error", str(err), title="replylint: ошибка ввода"))
    return "\n".join(lines)
