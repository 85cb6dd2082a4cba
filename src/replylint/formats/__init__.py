"""Output formats. Each module renders a list of reports (and input errors)."""

FORMATS = ("text", "json")


def render(fmt: str, reports, errors, *, color: bool = False) -> str:
    if fmt == "json":
        from .json import render as r
    else:
        from .text import render as r
    return r(reports, errors, color=color)
