"""Rule word lists and patterns, loaded from TOML files in ``lexicons/``.

Rules are data (as in Vale): a rule module names its lexicon and reads word
lists, lemma sets and spaCy ``Matcher`` patterns from it. A company can add
its own directories of lexicons; a file there with the same name extends the
bundled one (lists are concatenated, tables merged).
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

_extra_dirs: tuple[Path, ...] = ()


def bundled_dir() -> Path:
    """The ``lexicons/`` directory: inside the wheel, or at the repo root in a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "lexicons"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "lexicons"


def set_extra_dirs(dirs) -> None:
    """Register company lexicon directories (searched after the bundled one)."""
    global _extra_dirs
    new = tuple(Path(d) for d in dirs)
    if new != _extra_dirs:
        _extra_dirs = new
        load.cache_clear()


def extra_dirs() -> tuple[Path, ...]:
    """The company lexicon directories in force."""
    return _extra_dirs


def _merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        if key in out and isinstance(out[key], list) and isinstance(value, list):
            out[key] = out[key] + value
        elif key in out and isinstance(out[key], dict) and isinstance(value, dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


class LexiconError(ValueError):
    pass


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """Load ``lexicons/<name>.toml`` merged with the same file in extra dirs."""
    data: dict = {}
    for directory in (bundled_dir(), *_extra_dirs):
        path = directory / f"{name}.toml"
        if path.is_file():
            try:
                with path.open("rb") as fh:
                    data = _merge(data, tomllib.load(fh))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise LexiconError(f"{path}: не удалось прочитать словарь ({exc})") from None
    return data


def words(name: str, key: str) -> frozenset[str]:
    """A lower-cased word/lemma set from a lexicon."""
    return frozenset(w.lower() for w in load(name).get(key, []))
