"""LanguageTool for the ``grammar`` rule: backends, the /v2/check client, offsets.

Backends, in this order (docs/grammar.md):

1. the server the user configured (``languagetool-url`` / ``--languagetool-url``):
   a self-hosted LanguageTool, or the public API when the user names it;
2. a local LanguageTool managed by language-tool-python (``pip install
   'replylint[grammar]'``, Java ≥ 17), started once per process and reused
   for every message;
3. none: one warning on stderr, and the other rules run as usual.

Every backend is spoken to over LanguageTool's HTTP API (``POST /v2/check``)
by :class:`Client` below, with the standard library only: the timeout, the
errors and the offsets are handled in one place whatever the backend.
LanguageTool counts offsets in UTF-16 code units (Java ``String`` indices):
a character outside the BMP, such as most emoji, counts as two; they are
converted to code points here. Nothing in this module is imported unless the
``grammar`` rule runs, and language-tool-python only when backend 2 is tried.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from .options import LanguageToolSettings

DOCS = "docs/grammar.md"
MIN_JAVA = 17
MAX_FAILURES = 3  # failed requests in a row before grammar is switched off for the run


# --- URLs ---------------------------------------------------------------------

def check_url(url: str) -> str:
    """Validate a server address the user gave; returns it stripped.

    Raises ``ValueError`` with a Russian reason.
    """
    url = (url or "").strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("ожидается адрес http:// или https://, например http://localhost:8081")
    try:
        parts.port
    except ValueError:
        raise ValueError("некорректный порт") from None
    return url


def endpoint(url: str) -> str:
    """The ``…/v2/check`` address of a server given as ``http://host:port``,
    ``…/v2`` or ``…/v2/check`` (the public API: ``https://api.languagetool.org``)."""
    parts = urllib.parse.urlsplit(check_url(url))
    path = parts.path.rstrip("/")
    if path.endswith("/v2/check"):
        pass
    elif path.endswith("/v2"):
        path += "/check"
    else:
        path += "/v2/check"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def is_loopback(url: str) -> bool:
    host = urllib.parse.urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# --- offsets --------------------------------------------------------------------

class OffsetMap:
    """UTF-16 code-unit offsets (LanguageTool's) → code-point offsets (Python's)."""

    def __init__(self, text: str) -> None:
        self.size = len(text)
        self.units = len(text.encode("utf-16-le")) // 2
        if self.units == self.size:  # no astral characters: the same numbers
            self._start = self._end = None
            return
        start: list[int] = []
        end: list[int] = []
        for i, ch in enumerate(text):
            start.append(i)
            end.append(i)
            if ord(ch) > 0xFFFF:  # a surrogate pair: a span ending inside it takes the whole character
                start.append(i)
                end.append(i + 1)
        start.append(self.size)
        end.append(self.size)
        self._start, self._end = start, end

    def span(self, offset: int, length: int) -> tuple[int, int] | None:
        """Code-point ``(start, end)`` of a UTF-16 ``(offset, length)``, or None if outside the text."""
        stop = offset + length
        if offset < 0 or length < 0 or stop > self.units:
            return None
        if self._start is None:
            return offset, stop
        return self._start[offset], self._end[stop]


# --- matches --------------------------------------------------------------------

@dataclass(frozen=True)
class LTMatch:
    """One LanguageTool match, in code-point offsets of the text sent."""

    start: int
    end: int
    message: str
    rule_id: str
    category_id: str
    issue_type: str
    replacements: tuple[str, ...] = ()

    @property
    def is_spelling(self) -> bool:
        return self.issue_type == "misspelling" or self.category_id == "TYPOS"


class LanguageToolError(Exception):
    """A request that brought no usable answer; ``str()`` is Russian.

    ``kind``: ``connect`` (server unreachable), ``timeout``, ``http`` (an
    error status), ``response`` (not LanguageTool's JSON).
    """

    def __init__(self, kind: str, text: str) -> None:
        super().__init__(text)
        self.kind = kind


_SUGGESTION_TAG = re.compile(r"<suggestion>(.*?)</suggestion>", re.S)


def parse_response(payload: bytes | str, text: str) -> list[LTMatch]:
    """Matches of a /v2/check JSON answer for ``text``.

    Raises :class:`LanguageToolError` (``response``) when the answer is not
    JSON or not shaped like LanguageTool's; a match whose offsets fall outside
    the text is left out.
    """
    def bad(why: str) -> LanguageToolError:
        return LanguageToolError("response", f"LanguageTool вернул некорректный ответ ({why})")

    try:
        data = json.loads(payload)
    except (ValueError, UnicodeDecodeError) as exc:
        raise bad(f"не JSON: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("matches"), list):
        raise bad("нет списка matches")
    offsets = OffsetMap(text)
    out = []
    for m in data["matches"]:
        if not isinstance(m, dict):
            raise bad("элемент matches не объект")
        offset, length = m.get("offset"), m.get("length")
        if not (isinstance(offset, int) and isinstance(length, int)) or isinstance(offset, bool):
            raise bad("у совпадения нет целых offset и length")
        rule = m.get("rule") if isinstance(m.get("rule"), dict) else {}
        category = rule.get("category") if isinstance(rule.get("category"), dict) else {}
        reps = m.get("replacements") or []
        if not isinstance(reps, list):
            raise bad("replacements не список")
        values = tuple(r["value"] for r in reps if isinstance(r, dict) and isinstance(r.get("value"), str))
        span = offsets.span(offset, length)
        if span is None:
            continue
        message = m.get("message") if isinstance(m.get("message"), str) else ""
        message = _SUGGESTION_TAG.sub(lambda g: f"«{g.group(1)}»", message).strip()
        out.append(LTMatch(
            start=span[0],
            end=span[1],
            message=message or str(m.get("shortMessage") or rule.get("description") or ""),
            rule_id=str(rule.get("id") or "?"),
            category_id=str(category.get("id") or "?"),
            issue_type=str(rule.get("issueType") or "uncategorized").lower(),
            replacements=values,
        ))
    return out


# --- the HTTP client ----------------------------------------------------------------

def request_params(text: str, settings: LanguageToolSettings) -> list[tuple[str, str]]:
    """The form fields of a /v2/check request."""
    params = [("language", settings.language), ("text", text)]
    if settings.mother_tongue:
        params.append(("motherTongue", settings.mother_tongue))
    for name, values in (("enabledRules", settings.enabled_rules),
                         ("disabledRules", settings.disabled_rules),
                         ("enabledCategories", settings.enabled_categories),
                         ("disabledCategories", settings.disabled_categories)):
        if values:
            params.append((name, ",".join(values)))
    if settings.enabled_only:
        params.append(("enabledOnly", "true"))
    if settings.level == "picky":
        params.append(("level", "picky"))
    return params


@dataclass
class Client:
    """Talks to one LanguageTool server's ``/v2/check``."""

    url: str  # the full …/v2/check address
    label: str = ""  # how warnings name the backend
    failures: int = 0  # failed requests in a row
    disabled: bool = False  # given up on for the rest of the run
    _cache: OrderedDict = field(default_factory=OrderedDict, repr=False)

    def __post_init__(self) -> None:
        handlers = [urllib.request.ProxyHandler({})] if is_loopback(self.url) else []
        self._opener = urllib.request.build_opener(*handlers)
        self.label = self.label or self.url

    def check(self, text: str, settings: LanguageToolSettings) -> list[LTMatch]:
        params = request_params(text, settings)
        key = tuple(params)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        matches = parse_response(self._post(params, settings.timeout), text)
        self._cache[key] = matches
        if len(self._cache) > 256:
            self._cache.popitem(last=False)
        return matches

    def _post(self, params, timeout: float) -> bytes:
        from . import __version__

        body = urllib.parse.urlencode(params).encode("utf-8")
        req = urllib.request.Request(self.url, data=body, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
            "Accept": "application/json",
            "User-Agent": f"replylint/{__version__}",
        })
        try:
            with self._opener.open(req, timeout=timeout) as resp:
                return resp.read()
        except urllib.error.HTTPError as exc:
            try:
                detail = exc.read().decode("utf-8", "replace")
            except Exception:  # pragma: no cover - a broken error body
                detail = ""
            detail = " ".join(detail.split())[:200] or exc.reason
            raise LanguageToolError("http", f"LanguageTool ответил ошибкой HTTP {exc.code}: {detail}") from None
        except (TimeoutError, urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(exc, TimeoutError) or isinstance(reason, TimeoutError):
                raise LanguageToolError(
                    "timeout",
                    f"LanguageTool не ответил за {timeout:g} с (увеличьте languagetool-timeout "
                    f"или проверьте нагрузку на сервер)",
                ) from None
            raise LanguageToolError("connect", f"LanguageTool по адресу {self.label} недоступен ({reason})") from None
        except Exception as exc:  # http.client errors: a dropped connection, a bad status line
            raise LanguageToolError("connect", f"LanguageTool по адресу {self.label} недоступен "
                                               f"({type(exc).__name__}: {exc})") from None


# --- warnings -----------------------------------------------------------------------

_warned: set[str] = set()


def warn(text: str) -> None:
    """One line on stderr, once per process for the same text."""
    if text in _warned:
        return
    _warned.add(text)
    sys.stderr.write(f"replylint: предупреждение: {text}\n")
    sys.stderr.flush()


# --- backends ----------------------------------------------------------------------

_clients: dict[str, Client | None] = {}
_local_tool = None  # the language_tool_python.LanguageTool keeping the local server alive


def reset() -> None:
    """Forget backends and warnings (tests; a long-lived process after a config change)."""
    global _local_tool
    _clients.clear()
    _warned.clear()
    if _local_tool is not None:
        try:
            _local_tool.close()
        except Exception:  # pragma: no cover
            pass
    _local_tool = None


def client_for(settings: LanguageToolSettings) -> Client | None:
    """The backend for these settings, set up once per process; None: no backend
    (the warning saying why has been printed)."""
    key = endpoint(settings.url) if settings.url else "<local>"
    if key not in _clients:
        if settings.url:
            _clients[key] = Client(key, label=settings.url)
        else:
            _clients[key] = _start_local(settings)
    client = _clients[key]
    return None if client is None or client.disabled else client


@dataclass(frozen=True)
class LocalInstall:
    path: Path  # the LanguageTool directory (with languagetool-server.jar)
    version: str | None  # "6.6", "20240101", or None when the name says nothing


_VERSION = re.compile(r"LanguageTool-(\d+\.\d+|\d{8})$")


def _has_jar(directory: Path) -> bool:
    return any((directory / name).is_file() for name in ("languagetool-server.jar", "languagetool.jar"))


def _version_of(directory: Path) -> str | None:
    m = _VERSION.match(directory.name)
    return m.group(1) if m else None


def local_install() -> LocalInstall | None:
    """An unpacked LanguageTool language-tool-python can run, without downloading:
    ``LTP_JAR_DIR_PATH``, else the newest ``LanguageTool-*`` in ``LTP_PATH``
    (default ``~/.cache/language_tool_python``)."""
    jar_dir = os.environ.get("LTP_JAR_DIR_PATH")
    if jar_dir:
        d = Path(jar_dir).expanduser()
        return LocalInstall(d, _version_of(d)) if d.is_dir() and _has_jar(d) else None
    base = Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python").expanduser()
    if not base.is_dir():
        return None
    found = [d for d in base.glob("LanguageTool-*") if d.is_dir() and _has_jar(d)]
    if not found:
        return None

    def order(d: Path):
        v = _version_of(d)
        return (1, int(v)) if v and "." not in v else (0, tuple(int(x) for x in v.split("."))) if v else (-1, ())

    best = max(found, key=order)
    return LocalInstall(best, _version_of(best))


def java_version() -> int | None:
    """The major version of ``java`` on PATH, or None when there is none."""
    java = shutil.which("java")
    if not java:
        return None
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not m:
        return None
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major


_NO_BACKEND = ("проверка грамматики (grammar) пропущена: {why}. Укажите свой сервер LanguageTool "
               "(languagetool-url в конфигурации или --languagetool-url, например http://localhost:8081) "
               "или {local} (подробно: {docs})")
_INSTALL = f"установите локальный: pip install 'replylint[grammar]' и Java {MIN_JAVA}+"
_UNPACK = "распакуйте LanguageTool и укажите его каталог в LTP_JAR_DIR_PATH"


def _no_backend(why: str, local: str = _INSTALL) -> None:
    warn(_NO_BACKEND.format(why=why, local=local, docs=DOCS))


def _start_local(settings: LanguageToolSettings) -> Client | None:
    """Backend 2: start LanguageTool through language-tool-python (once per process)."""
    global _local_tool
    try:
        import language_tool_python
    except ImportError:
        _no_backend("сервер LanguageTool не задан, а language-tool-python не установлен")
        return None
    java = java_version()
    if java is None:
        _no_backend("сервер LanguageTool не задан, а для локального нужна Java, она не найдена")
        return None
    if java < MIN_JAVA:
        _no_backend(f"сервер LanguageTool не задан, а для локального нужна Java {MIN_JAVA}+, найдена Java {java}")
        return None
    install = local_install()
    kwargs: dict = {}
    env_patch: dict[str, str] = {}
    if install is not None and install.version:
        kwargs["language_tool_download_version"] = install.version
        if os.environ.get("LTP_JAR_DIR_PATH") and not os.environ.get("LTP_PATH"):
            # language-tool-python 3 looks for LanguageTool-<version> in LTP_PATH
            env_patch["LTP_PATH"] = str(install.path.parent)
    elif install is None:
        warn("LanguageTool не найден локально: language-tool-python скачает его один раз "
             "(около 250 МБ; нужен интернет). Чтобы не скачивать, задайте languagetool-url "
             f"или LTP_PATH/LTP_JAR_DIR_PATH (см. {DOCS})")
    saved = {k: os.environ.get(k) for k in env_patch}
    os.environ.update(env_patch)
    try:
        tool = language_tool_python.LanguageTool(settings.language, **kwargs)
    except Exception as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
        _no_backend(f"не удалось запустить локальный LanguageTool ({first})", _UNPACK)
        return None
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    _local_tool = tool
    base = getattr(tool, "url", None) or getattr(tool, "_url", None)
    if not isinstance(base, str):
        _no_backend("language-tool-python не сообщил адрес запущенного сервера")
        return None
    return Client(urllib.parse.urljoin(base if base.endswith("/") else base + "/", "check"),
                  label="локальный LanguageTool")


def check(text: str, settings: LanguageToolSettings, where: str | None = None) -> list[LTMatch]:
    """The matches for ``text``, or [] when there is no backend or the request
    failed (a warning names the message and the reason; the run goes on)."""
    if not text.strip():
        return []
    client = client_for(settings)
    if client is None:
        return []
    try:
        matches = client.check(text, settings)
    except LanguageToolError as exc:
        client.failures += 1
        if exc.kind == "connect":
            client.disabled = True
            warn(f"{exc}: проверка грамматики (grammar) пропущена до конца запуска. Запустите сервер "
                 f"или исправьте languagetool-url (подробно: {DOCS})")
            return []
        prefix = f"{where}: " if where else ""
        warn(f"{prefix}{exc}; грамматика не проверена")
        if client.failures >= MAX_FAILURES:
            client.disabled = True
            warn(f"{MAX_FAILURES} запроса к LanguageTool подряд не удались: проверка грамматики (grammar) "
                 f"выключена до конца запуска (подробно: {DOCS})")
        return []
    client.failures = 0
    return matches
