"""Output formats. Each module renders a list of reports (and input errors)."""

FORMATS = ("text", "json", "sarif", "github")


def render(fmt: str, reports, errors, *, color: bool = False) -> str:
    if fmt == "json":
        from .json import render as r
    elif fmt == "sarif":
        from .sarif import render as r
    elif fmt == "github":
        from .github import render as r
    else:
        from .text import render as r
    return r(reports, errors, color=color)
