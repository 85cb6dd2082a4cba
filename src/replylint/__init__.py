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
from typing import TYPE_CHECKING  # noqa: E402

if TYPE_CHECKING:  # pragma: no cover
    from .config import Config, ConfigError
    from .model import Finding, Fix, Report, Severity
    from .options import Options

# Loaded on first use, so that ``import replylint`` (and the console script's
# hand-over to a running daemon) stays cheap.
_LAZY = {"Config": "config", "ConfigError": "config", "Finding": "model", "Fix": "model",
         "Report": "model", "Severity": "model", "Options": "options"}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'replylint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


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
