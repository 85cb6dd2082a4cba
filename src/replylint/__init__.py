"""replylint — a linter for draft Russian customer-service replies.

    >>> import replylint
    >>> report = replylint.lint("К сожалению, мы не можем вернуть деньги.")
    >>> [f.rule for f in report.findings]
    ['refusal', ...]

The heavy NLP stack loads on the first ``lint`` call, not at import.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .model import Finding, Fix, Report, Severity  # noqa: E402
from .options import Options  # noqa: E402


def lint(text: str, **kwargs) -> Report:
    """Lint one draft; see :func:`replylint.engine.lint`."""
    from .engine import lint as _lint

    return _lint(text, **kwargs)


__all__ = ["lint", "Report", "Finding", "Fix", "Severity", "Options", "__version__"]
