"""Configuration: ``[tool.replylint]`` in ``pyproject.toml`` or ``.replylint.toml``.

A file's configuration is the nearest config file found by walking up from
the file's directory (``.replylint.toml`` wins over ``pyproject.toml`` in the
same directory; a ``pyproject.toml`` without ``[tool.replylint]`` is passed
over). ``--config FILE`` (or ``lint(config=...)``) names one file for all
inputs instead. Globs in a config file are relative to its directory.

Every key is documented in docs/configuration.md; ``replylint config PATH``
prints the resolved configuration. Nothing here imports the NLP stack.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Union

from .model import Severity
from .options import LT_ISSUE_TYPES, LT_LEVELS, YOU_STYLES, LanguageToolSettings, Options, channel_name

CONFIG_NAMES = (".replylint.toml", "pyproject.toml")

# key -> short Russian description (shown by ``replylint config`` and checked
# against docs/configuration.md by the tests).
KEYS: dict[str, str] = {
    "select": "только эти правила",
    "ignore": "пропустить эти правила",
    "severity": "серьёзность правил: {правило = \"error\" | \"warning\" | \"info\"}",
    "fail-on": "с какой серьёзности код выхода 1",
    "include": "какие файлы брать при обходе каталогов (глобы)",
    "exclude": "какие файлы и каталоги пропускать (глобы)",
    "per-file-ignores": "{глоб = [правила]}: правила, выключенные для файлов",
    "channels": "{глоб = \"email\" | \"sms\"}: канал для файлов",
    "you-style": "написание «Вы»: \"capital\" | \"lower\" | \"consistent\"",
    "client-words": "леммы слов, которые пишутся с большой буквы («Клиент»)",
    "sms-max-segments": "сколько SMS-сегментов допустимо",
    "lexicons": "каталоги с дополнительными словарями компании",
    "grammar": "включить проверку LanguageTool (правило grammar)",
    "second-opinion": "второе мнение модели для blame-shifting, distrust, customer-legwork, rarity-excuse, missing-apology (true/false)",
    "languagetool-url": "адрес своего сервера LanguageTool (например, \"http://localhost:8081\")",
    "languagetool-timeout": "сколько секунд ждать ответа LanguageTool на одно сообщение",
    "languagetool-level": "строгость LanguageTool: \"default\" | \"picky\"",
    "languagetool-mother-tongue": "родной язык автора для LanguageTool (например, \"uk\")",
    "languagetool-enabled-rules": "включить эти правила LanguageTool (id)",
    "languagetool-disabled-rules": "выключить эти правила LanguageTool (id)",
    "languagetool-enabled-categories": "включить эти категории LanguageTool (id)",
    "languagetool-disabled-categories": "выключить эти категории LanguageTool (id)",
    "languagetool-enabled-only": "только правила и категории из languagetool-enabled-*",
    "grammar-severity": "{тип ошибки LanguageTool = \"error\" | \"warning\" | \"info\"}",
}


class ConfigError(ValueError):
    """A bad configuration; ``str()`` is one Russian line naming the file and key."""


def _default_include() -> tuple[str, ...]:
    from .inputs import KNOWN_EXTENSIONS

    return tuple(f"*{ext}" for ext in sorted(KNOWN_EXTENSIONS))


@dataclass(frozen=True)
class Config:
    """A resolved configuration (defaults where the file says nothing)."""

    path: Path | None = None  # the file it came from; None: built-in defaults
    root: Path = field(default_factory=Path.cwd)  # globs are relative to this
    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    include: tuple[str, ...] | None = None  # None: every known extension
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    channels: tuple[tuple[str, str], ...] = ()
    you_style: str = "capital"
    client_words: tuple[str, ...] | None = None
    sms_max_segments: int = 1
    lexicons: tuple[Path, ...] = ()
    grammar: bool = False
    second_opinion: bool = True
    languagetool: LanguageToolSettings = field(default_factory=LanguageToolSettings)

    # --- per file ---------------------------------------------------------
    def options(self, path: str | os.PathLike | None = None) -> Options:
        """The engine options for one file (per-file ignores applied)."""
        ignore = set(self.ignore)
        if path is not None:
            for pattern, rules in self.per_file_ignores:
                if self.matches(pattern, path):
                    ignore |= rules
        return Options(
            select=self.select,
            ignore=frozenset(ignore),
            severity=dict(self.severity),
            you_style=self.you_style,
            client_words=self.client_words,
            sms_max_segments=self.sms_max_segments,
            grammar=self.grammar,
            second_opinion=self.second_opinion,
            languagetool=self.languagetool,
            lexicon_dirs=tuple(str(d) for d in self.lexicons),
        )

    def channel_for(self, path: str | os.PathLike | None) -> str | None:
        """The channel the first matching ``channels`` glob gives the file, or None."""
        if path is None:
            return None
        for pattern, channel in self.channels:
            if self.matches(pattern, path):
                return channel
        return None

    def is_excluded(self, path: str | os.PathLike) -> bool:
        return any(self.matches(p, path) for p in self.exclude)

    def is_included(self, path: str | os.PathLike) -> bool:
        patterns = self.include if self.include is not None else _default_include()
        return any(self.matches(p, path, parents=False) for p in patterns)

    def matches(self, pattern: str, path: str | os.PathLike, *, parents: bool = True) -> bool:
        """Does ``pattern`` match the file (or, with ``parents``, a directory above it)?

        A pattern without ``/`` is matched against single names (so ``*.eml``
        and ``drafts`` work at any depth); one with ``/`` against the path
        relative to the config file's directory.
        """
        parts = _relative(path, self.root).split("/")
        regex = _glob_regex(pattern)
        if "/" not in pattern.strip().strip("/"):
            names = parts if parents else parts[-1:]
            return any(regex.fullmatch(name) for name in names)
        heads = range(len(parts), 0, -1) if parents else (len(parts),)
        return any(regex.fullmatch("/".join(parts[:i])) for i in heads)

    # --- presentation ------------------------------------------------------
    def to_dict(self) -> dict:
        """The resolved configuration as TOML-able data (kebab-case keys)."""
        return {
            "select": sorted(self.select) if self.select is not None else None,
            "ignore": sorted(self.ignore),
            "severity": {k: v.label for k, v in sorted(self.severity.items())},
            "fail-on": self.fail_on.label,
            "include": list(self.include if self.include is not None else _default_include()),
            "exclude": list(self.exclude),
            "per-file-ignores": {p: sorted(r) for p, r in self.per_file_ignores},
            "channels": dict(self.channels),
            "you-style": self.you_style,
            "client-words": list(self.client_words) if self.client_words is not None else None,
            "sms-max-segments": self.sms_max_segments,
            "lexicons": [str(d) for d in self.lexicons],
            "grammar": self.grammar,
            "second-opinion": self.second_opinion,
            **_languagetool_dict(self.languagetool),
        }

    def with_cli(self, *, select: Iterable[str] | None = None, ignore: Iterable[str] = (),
                 fail_on: str | None = None, grammar: bool | None = None,
                 languagetool_url: str | None = None) -> "Config":
        """Command-line flags over the file: ``--select`` replaces ``select``,
        ``--ignore`` adds to ``ignore``, ``--fail-on`` replaces ``fail-on``,
        ``--grammar``/``--no-grammar`` and ``--languagetool-url`` replace
        ``grammar`` and ``languagetool-url``."""
        out = self
        if grammar is not None:
            out = replace(out, grammar=grammar)
        if languagetool_url is not None:
            out = replace(out, languagetool=replace(out.languagetool, url=languagetool_url))
        if select is not None:
            out = replace(out, select=frozenset(select))
        ignore = frozenset(ignore)
        if ignore:
            out = replace(out, ignore=out.ignore | ignore)
        if fail_on is not None:
            out = replace(out, fail_on=Severity.parse(fail_on))
        return out


ConfigLike = Union[Config, str, os.PathLike, None]


# --- globs ---------------------------------------------------------------------

@lru_cache(maxsize=512)
def _glob_regex(pattern: str) -> re.Pattern:
    """``**`` any number of directories, ``*`` and ``?`` within one name, ``[…]`` a class."""
    pat = pattern.strip()
    if pat.startswith("./"):
        pat = pat[2:]
    pat = pat.strip("/")
    out, i, n = [], 0, len(pat)
    while i < n:
        c = pat[i]
        if c == "*":
            if pat.startswith("**", i):
                i += 2
                if i < n and pat[i] == "/":
                    out.append("(?:.*/)?")
                    i += 1
                else:
                    out.append(".*")
                continue
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = pat.find("]", i + 2)
            if j == -1:
                out.append(re.escape(c))
            else:
                body = pat[i + 1:j]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body.replace(chr(92), chr(92) * 2)}]")
                i = j
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out))


@lru_cache(maxsize=8192)  # asked once per pattern for every file of a walk
def _relative(path: str | os.PathLike, root: Path) -> str:
    p = Path(os.path.abspath(path))
    try:
        rel = p.relative_to(root)
    except ValueError:
        rel = Path(os.path.relpath(p, root)) if p.anchor == root.anchor else p
    return rel.as_posix().lstrip("/")


# --- loading -------------------------------------------------------------------

def _section(path: Path) -> tuple[dict | None, str]:
    """The replylint table of a config file and how to name it in errors."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: файл конфигурации не найден") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: это каталог, а не файл конфигурации") from None
    except OSError as exc:
        raise ConfigError(f"{path}: не удалось прочитать ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: некорректный TOML ({exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: файл не в UTF-8") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        section = tool.get("replylint") if isinstance(tool, dict) else None
        return section, "[tool.replylint]"
    if isinstance(data.get("tool"), dict) and "replylint" in data["tool"] and len(data) == 1:
        return data["tool"]["replylint"], "[tool.replylint]"
    return data, ""


def load(path: str | os.PathLike) -> Config:
    """Read one config file (``pyproject.toml``: its ``[tool.replylint]``)."""
    path = Path(os.path.abspath(path))
    section, where = _section(path)
    if section is None:
        if path.name == "pyproject.toml":
            raise ConfigError(f"{path}: нет раздела [tool.replylint]")
        section = {}
    return parse(section, path=path, where=where)


def parse(data: Mapping, *, path: Path | None = None, where: str = "") -> Config:
    """Validate a config table (already loaded) into a :class:`Config`."""
    from .rules import RULE_MODULES

    shown = str(path) if path else "<config>"
    root = path.parent if path else Path.cwd()
    prefix = f"{where} " if where else ""

    def err(key: str, text: str) -> ConfigError:
        return ConfigError(f"{shown}: {prefix}{key}: {text}")

    if not isinstance(data, Mapping):
        raise ConfigError(f"{shown}: {where or 'конфигурация'} должен быть таблицей")
    for key in data:
        if key not in KEYS:
            hint = _suggest(key)
            raise err(key, f"неизвестный ключ{hint}; допустимые: {', '.join(KEYS)}")

    def str_list(key: str) -> list[str] | None:
        if key not in data:
            return None
        value = data[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise err(key, "ожидается список строк")
        return value

    def rule_ids(key: str, values: list[str]) -> frozenset[str]:
        for v in values:
            if v not in RULE_MODULES:
                raise err(key, f"неизвестное правило «{v}» (список: replylint rules)")
        return frozenset(values)

    def table(key: str) -> Mapping:
        value = data.get(key, {})
        if not isinstance(value, Mapping):
            raise err(key, "ожидается таблица")
        return value

    kw: dict = {"path": path, "root": root}
    select = str_list("select")
    if select is not None:
        kw["select"] = rule_ids("select", select)
    ignore = str_list("ignore")
    if ignore is not None:
        kw["ignore"] = rule_ids("ignore", ignore)
    severity = {}
    for rule, level in table("severity").items():
        rule_ids("severity", [rule])
        try:
            severity[rule] = Severity.parse(level if isinstance(level, str) else "?")
        except ValueError:
            raise err(f"severity.{rule}", f"«{level}»: ожидается error, warning или info") from None
    kw["severity"] = severity
    if "fail-on" in data:
        value = data["fail-on"]
        try:
            kw["fail_on"] = Severity.parse(value if isinstance(value, str) else "?")
        except ValueError:
            raise err("fail-on", f"«{value}»: ожидается error, warning или info") from None
    include = str_list("include")
    if include is not None:
        kw["include"] = tuple(include)
    exclude = str_list("exclude")
    if exclude is not None:
        kw["exclude"] = tuple(exclude)
    pfi = []
    for pattern, rules in table("per-file-ignores").items():
        if isinstance(rules, str):
            rules = [rules]
        if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
            raise err(f"per-file-ignores.\"{pattern}\"", "ожидается список правил")
        pfi.append((pattern, rule_ids(f"per-file-ignores.\"{pattern}\"", rules)))
    kw["per_file_ignores"] = tuple(pfi)
    channels = []
    for pattern, channel in table("channels").items():
        name = channel_name(channel) if isinstance(channel, str) else None
        if name is None:
            raise err(f"channels.\"{pattern}\"", f"«{channel}»: ожидается email, chat или sms")
        channels.append((pattern, name))
    kw["channels"] = tuple(channels)
    if "you-style" in data:
        if data["you-style"] not in YOU_STYLES:
            raise err("you-style", f"«{data['you-style']}»: ожидается {', '.join(YOU_STYLES)}")
        kw["you_style"] = data["you-style"]
    words = str_list("client-words")
    if words is not None:
        if not words:
            raise err("client-words", "список не может быть пустым")
        kw["client_words"] = tuple(w.strip().lower() for w in words)
    if "sms-max-segments" in data:
        value = data["sms-max-segments"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise err("sms-max-segments", f"«{value}»: ожидается целое число не меньше 1")
        kw["sms_max_segments"] = value
    dirs = str_list("lexicons")
    if dirs is not None:
        resolved = []
        for d in dirs:
            p = (root / os.path.expanduser(d)).resolve()
            if not p.is_dir():
                raise err("lexicons", f"каталог «{d}» не найден")
            resolved.append(p)
        kw["lexicons"] = tuple(resolved)
    if "grammar" in data:
        if not isinstance(data["grammar"], bool):
            raise err("grammar", "ожидается true или false")
        kw["grammar"] = data["grammar"]
    if "second-opinion" in data:
        if not isinstance(data["second-opinion"], bool):
            raise err("second-opinion", "ожидается true или false")
        kw["second_opinion"] = data["second-opinion"]
    kw["languagetool"] = _parse_languagetool(data, err, str_list)
    return Config(**kw)


def _languagetool_dict(lt: LanguageToolSettings) -> dict:
    return {
        "languagetool-url": lt.url,
        "languagetool-timeout": lt.timeout,
        "languagetool-level": lt.level,
        "languagetool-mother-tongue": lt.mother_tongue,
        "languagetool-enabled-rules": list(lt.enabled_rules),
        "languagetool-disabled-rules": list(lt.disabled_rules),
        "languagetool-enabled-categories": list(lt.enabled_categories),
        "languagetool-disabled-categories": list(lt.disabled_categories),
        "languagetool-enabled-only": lt.enabled_only,
        "grammar-severity": {k: v.label for k, v in lt.severity},
    }


def _parse_languagetool(data: Mapping, err, str_list) -> LanguageToolSettings:
    """The ``languagetool-*`` and ``grammar-severity`` keys."""
    from .languagetool import check_url

    kw: dict = {}
    if "languagetool-url" in data:
        value = data["languagetool-url"]
        try:
            kw["url"] = check_url(value if isinstance(value, str) else "")
        except ValueError as exc:
            raise err("languagetool-url", f"«{value}»: {exc}") from None
    if "languagetool-timeout" in data:
        value = data["languagetool-timeout"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 3600:
            raise err("languagetool-timeout", f"«{value}»: ожидается число секунд больше 0")
        kw["timeout"] = float(value)
    if "languagetool-level" in data:
        if data["languagetool-level"] not in LT_LEVELS:
            raise err("languagetool-level", f"«{data['languagetool-level']}»: ожидается {' или '.join(LT_LEVELS)}")
        kw["level"] = data["languagetool-level"]
    if "languagetool-mother-tongue" in data:
        value = data["languagetool-mother-tongue"]
        if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", value):
            raise err("languagetool-mother-tongue", f"«{value}»: ожидается код языка, например \"uk\" или \"de-DE\"")
        kw["mother_tongue"] = value
    for key, attr in (("languagetool-enabled-rules", "enabled_rules"),
                      ("languagetool-disabled-rules", "disabled_rules"),
                      ("languagetool-enabled-categories", "enabled_categories"),
                      ("languagetool-disabled-categories", "disabled_categories")):
        values = str_list(key)
        if values is not None:
            bad = [v for v in values if not re.fullmatch(r"[A-Za-z0-9_]+", v.strip())]
            if bad:
                raise err(key, f"«{bad[0]}»: идентификатор LanguageTool состоит из латинских букв, цифр и «_»")
            kw[attr] = tuple(v.strip() for v in values)
    if "languagetool-enabled-only" in data:
        if not isinstance(data["languagetool-enabled-only"], bool):
            raise err("languagetool-enabled-only", "ожидается true или false")
        kw["enabled_only"] = data["languagetool-enabled-only"]
        if kw["enabled_only"] and not (kw.get("enabled_rules") or kw.get("enabled_categories")):
            raise err("languagetool-enabled-only",
                      "нужен непустой languagetool-enabled-rules или languagetool-enabled-categories")
    table = data.get("grammar-severity", {})
    if not isinstance(table, Mapping):
        raise err("grammar-severity", "ожидается таблица")
    levels = []
    for issue, level in table.items():
        if issue not in LT_ISSUE_TYPES:
            raise err("grammar-severity", f"неизвестный тип ошибки LanguageTool «{issue}» "
                                          f"(например: misspelling, grammar, style, typographical, default)")
        try:
            levels.append((issue, Severity.parse(level if isinstance(level, str) else "?")))
        except ValueError:
            raise err(f"grammar-severity.{issue}", f"«{level}»: ожидается error, warning или info") from None
    kw["severity"] = tuple(levels)
    return LanguageToolSettings(**kw)


def _suggest(key: str) -> str:
    import difflib

    close = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1)
    return f" «{key}»" + (f" (может быть, «{close[0]}»?)" if close else "")


# --- discovery -----------------------------------------------------------------

def find(start: str | os.PathLike) -> Path | None:
    """The nearest config file at or above ``start`` (a file or a directory)."""
    start = Path(os.path.abspath(start))
    directory = start if start.is_dir() else start.parent
    return _find_in(directory)


@lru_cache(maxsize=1024)
def _find_in(directory: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = directory / name
        if candidate.is_file():
            if name == "pyproject.toml" and not _has_section(candidate):
                continue
            return candidate
    if directory.parent == directory:
        return None
    return _find_in(directory.parent)


def _has_section(pyproject: Path) -> bool:
    try:
        section, _ = _section(pyproject)
    except ConfigError:
        return False  # a broken pyproject.toml that may not even be ours
    return section is not None


def resolve(config: ConfigLike = None) -> Config:
    """A :class:`Config` from what a library caller passed."""
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    if isinstance(config, (str, os.PathLike)):
        return load(config)
    raise TypeError(f"config: ожидается путь или replylint.config.Config, а не {type(config).__name__}")


class Resolver:
    """Finds and caches the configuration of each input file for one run."""

    def __init__(self, explicit: str | os.PathLike | None = None, *,
                 select: Iterable[str] | None = None, ignore: Iterable[str] = (),
                 fail_on: str | None = None, grammar: bool | None = None,
                 languagetool_url: str | None = None) -> None:
        self._explicit = load(explicit) if explicit else None
        self._cli = {"select": select, "ignore": tuple(ignore), "fail_on": fail_on,
                     "grammar": grammar, "languagetool_url": languagetool_url}
        self._by_file: dict[Path | None, Config] = {}
        self._by_path: dict = {}

    def for_path(self, path: str | os.PathLike | None) -> Config:
        """The configuration of one input (``None`` or ``-``: the current directory)."""
        if path not in (None, "-"):
            cfg = self._by_path.get(path)
            if cfg is None:
                cfg = self._by_path[path] = self._for_path(path)
            return cfg
        return self._for_path(path)

    def _for_path(self, path: str | os.PathLike | None) -> Config:
        if self._explicit is not None:
            base_path, base = None, self._explicit
        else:
            start = os.getcwd() if path in (None, "-") else path
            base_path = find(start)
            base = None
        if base_path not in self._by_file:
            if base is None:
                base = load(base_path) if base_path else Config()
            self._by_file[base_path] = base.with_cli(**self._cli)
        return self._by_file[base_path]

    def expand(self, paths: Iterable[str]) -> Iterator[str]:
        """Input paths with directories walked (include/exclude of each file's config).

        A file named explicitly is linted unless its config excludes it.
        """
        for p in paths:
            if p != "-" and os.path.isdir(p):
                yield from self._walk(p)
            elif p == "-" or not os.path.exists(p) or not self.for_path(p).is_excluded(p):
                yield p

    def _walk(self, top: str) -> Iterator[str]:
        found = []
        for root, dirs, files in os.walk(top):
            keep = []
            for d in sorted(dirs):
                full = os.path.join(root, d)
                if d.startswith(".") or self.for_path(root).is_excluded(full):
                    continue
                keep.append(d)
            dirs[:] = keep
            for name in files:
                if name.startswith("."):
                    continue
                full = os.path.normpath(os.path.join(root, name))
                cfg = self.for_path(full)
                if cfg.is_included(full) and not cfg.is_excluded(full):
                    found.append(full)
        yield from sorted(found)

    def lint(self, messages, jobs: int | None = None) -> list:
        """Lint messages, each with the options of its own file's configuration
        (``jobs``: worker processes for big batches, see ``engine.lint_messages``)."""
        from .engine import lint_messages

        groups: dict[tuple, list[int]] = {}
        opts: dict[tuple, Options] = {}
        messages = list(messages)
        for i, m in enumerate(messages):
            cfg = self.for_path(_real_path(m.path))
            o = cfg.options(_real_path(m.path))
            key = (id(cfg), o.ignore)
            opts[key] = o
            groups.setdefault(key, []).append(i)
        reports: list = [None] * len(messages)
        for key, idx in groups.items():
            for i, report in zip(idx, lint_messages([messages[i] for i in idx], opts[key], jobs=jobs)):
                reports[i] = report
        return reports

    def options_for(self, path: str | None) -> Options:
        """The lint options of one input (its own configuration plus the CLI's)."""
        real = _real_path(path)
        return self.for_path(real).options(real)

    def channel_for(self, path: str) -> str | None:
        real = _real_path(path)
        return self.for_path(real).channel_for(real) if real else None

    def failing(self, reports) -> bool:
        """Some report has a finding at or above its own configuration's ``fail-on``."""
        for r in reports:
            threshold = self.for_path(_real_path(r.path)).fail_on
            if any(f.severity >= threshold for f in r.findings):
                return True
        return False


def _real_path(path: str | None) -> str | None:
    if path in (None, "-", "<stdin>"):
        return None
    return path


# --- printing ------------------------------------------------------------------

def dump(config: Config, path: str | os.PathLike | None = None) -> str:
    """``replylint config`` output: the resolved configuration as TOML."""
    lines = [f"# файл конфигурации: {config.path or 'не найден, значения по умолчанию'}"]
    if path is not None:
        lines.append(f"# для: {path}")
        if os.path.isfile(path):
            opts = config.options(path)
            channel = config.channel_for(path)
            lines.append(f"#   проверяется: {'нет (exclude)' if config.is_excluded(path) else 'да'}")
            lines.append(f"#   канал: {channel or 'по содержимому (auto)'}")
            lines.append(f"#   выключенные правила: {', '.join(sorted(opts.ignore)) or 'нет'}")
    lines.append("")
    lines.append("[tool.replylint]")
    tables = []
    for key, value in config.to_dict().items():
        if isinstance(value, dict):
            tables.append((key, value))
        elif value is None:
            lines.append(f"# {key}: не задано ({'все правила' if key == 'select' else 'по умолчанию'})")
        else:
            lines.append(f"{key} = {_toml(value)}")
    for key, value in tables:
        lines.append("")
        lines.append(f"[tool.replylint.{key}]")
        for k, v in value.items():
            lines.append(f"{_toml_key(k)} = {_toml(v)}")
    return "\n".join(lines)


def _toml(value) -> str:
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    raise TypeError(value)


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml(key)
