"""replylint — a linter for draft Russian customer-service replies.

    >>> import replylint
    >>> report = replylint.lint("К сожалению, мы не можем вернуть деньги.")
    >>> [f.rule for f in report.findings]
    ['refusal', ...]

The heavy NLP stack loads on the first ``lint`` call, not at import.
"""

from __future__ import annotations

__version__ = "0.1.0"

import os  # noqa: E402

from .config import Config, ConfigError  # noqa: E402
from .model import Finding, Fix, Report, Severity  # noqa: E402
from .options import Options  # noqa: E402


def lint(text: str, *, channel: str | None = None, incoming: str | None = None,
         config: "str | os.PathLike | Config | Options | None" = None,
         options: Options | None = None, path: str | None = None) -> Report:
    """Lint one draft reply; the same engine as ``replylint check``.

    ``config`` is a path to ``pyproject.toml``/``.replylint.toml`` or a
    :class:`replylint.config.Config`; see :func:`replylint.engine.lint`.
    """
    from .engine import lint as _lint

    return _lint(text, channel=channel, incoming=incoming, config=config, options=options, path=path)


__all__ = ["lint", "Report", "Finding", "Fix", "Severity", "Options", "Config", "ConfigError",
           "__version__"]
