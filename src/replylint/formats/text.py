"""``--format text``: for people. ``path:line:col severity rule message``."""

from __future__ import annotations

import click

_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


def location(report) -> str:
    path = report.path or "<stdin>"
    if report.id is not None:
        path = f"{path}[{report.id}]"
    return path


def render(reports, errors=(), *, color: bool = False) -> str:
    lines = []
    total = 0
    for report in reports:
        where = location(report)
        for f in report.findings:
            total += 1
            sev = f.severity.label
            sev_s = click.style(sev, fg=_COLORS[sev], bold=True) if color else sev
            rule = click.style(f.rule, bold=True) if color else f.rule
            lines.append(f"{where}:{f.line}:{f.column} {sev_s} {rule} {f.message}")
            if f.suggestion:
                lines.append(f"    → {f.suggestion}")
            elif f.fix is not None:
                lines.append(f"    → исправление: «{f.fix.replacement}»")
        for warning in report.extra.get("warnings", ()):
            lines.append(f"{where}: предупреждение: {warning}")
        lines.append(f"{where}: оценка {report.score:g}/10")
    n = len(reports)
    summary = f"Проверено сообщений: {n}, замечаний: {total}."
    if errors:
        summary += f" Не удалось прочитать: {len(errors)}."
    lines.append(summary)
    return "\n".join(lines)
