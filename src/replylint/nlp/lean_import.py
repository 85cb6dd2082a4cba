"""Import spaCy without its command-line package.

``import spacy`` runs ``from .cli.info import info``, which imports the whole
``spacy.cli`` package (typer, weasel, requests, …): a third of spaCy's import
time, for nothing a linter uses. When nothing has imported ``spacy`` yet, a
stand-in ``spacy.cli`` package is registered first, holding only
``spacy.cli.info.info``, which spaCy's public ``spacy.info`` resolves lazily to
the real function. Set ``REPLYLINT_FULL_SPACY=1`` to import spaCy as usual.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import types


def import_spacy() -> None:
    if "spacy" in sys.modules or os.environ.get("REPLYLINT_FULL_SPACY"):
        return
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package with no submodules of its own
    info_mod = types.ModuleType("spacy.cli.info")

    def info(*args, **kwargs):  # pragma: no cover - only if someone calls spacy.info()
        _restore()
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    info_mod.info = info
    cli.info = info_mod
    sys.modules["spacy.cli"] = cli
    sys.modules["spacy.cli.info"] = info_mod
    try:
        import spacy  # noqa: F401
    finally:
        _restore()


def _restore() -> None:
    """Forget the stand-ins: a later ``import spacy.cli`` loads the real package."""
    for name in ("spacy.cli.info", "spacy.cli"):
        mod = sys.modules.get(name)
        if mod is not None and getattr(mod, "__file__", None) is None:
            del sys.modules[name]
