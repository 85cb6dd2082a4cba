"""A persistent replylint process for repeated calls, like ``eslint_d``/``dmypy``.

``replylint daemon start`` starts a background process that has loaded the NLP
pipeline and the rules once; ``replylint check`` then hands its whole command
line (with its current directory and standard input) to that process, which
runs the very same ``check`` command and sends back the output and the exit
code. With no daemon running, ``check`` works in-process as always;
``--no-daemon`` (or ``REPLYLINT_NO_DAEMON=1``) never uses one.

There is one daemon per installation (package directory and interpreter), so
checkouts and virtualenvs side by side do not replace each other's daemon.

Safety: the socket lives in a per-user runtime directory
(``$XDG_RUNTIME_DIR/replylint``, else ``/tmp/replylint-<uid>``), which must be
owned by the user and closed to others (0700); the socket itself is 0600, and
the daemon refuses a client whose uid (``SO_PEERCRED``) is not its own, as the
client refuses a daemon of another uid.

Freshness: the daemon and each client compute a *key* from the replylint
version, its code and bundled lexicons (paths, sizes, modification times), the
Python interpreter and the ``REPLYLINT_*`` environment. A daemon whose key
differs is stopped and a new one started — it is never used. Configuration
files are read anew for every request; if a lexicon file the daemon has loaded
changes, it answers "stale", exits, and is restarted the same way. It also
exits after ``--idle-timeout`` seconds without requests (30 minutes).

Protocol: one request per connection; each message is a 4-byte big-endian
length and a UTF-8 JSON object. Requests: ``{"op": "ping"|"status"|"stop"}``
and ``{"op": "check", "key", "argv", "cwd", "stdin" (base64 or null),
"tty": [stdout, stderr]}``. Answers: ``{"ok": true, ...}`` or
``{"ok": false, "error": "mismatch"|"stale"|"refused"|"bad-request", ...}``.
"""

from __future__ import annotations

import io
import json
import os
import socket
import stat
import struct
import sys
import time
from pathlib import Path

IDLE_TIMEOUT = 30 * 60
MAX_MESSAGE = 512 * 1024 * 1024
CONNECT_TIMEOUT = 2.0
START_TIMEOUT = 120.0
_ENV_SKIP = ("REPLYLINT_NO_DAEMON", "REPLYLINT_DAEMON_DIR")


class DaemonError(Exception):
    """A daemon problem with a one-line Russian reason."""


# --- where -----------------------------------------------------------------------

def runtime_dir(create: bool = True) -> Path:
    """The per-user directory of the socket, checked to be private."""
    uid = os.getuid()
    explicit = os.environ.get("REPLYLINT_DAEMON_DIR")
    if explicit:
        path = Path(explicit)
    else:
        xdg = os.environ.get("XDG_RUNTIME_DIR")
        if xdg and _private_dir(Path(xdg), uid):
            path = Path(xdg) / "replylint"
        else:
            path = Path("/tmp") / f"replylint-{uid}"
    if create:
        try:
            path.mkdir(mode=0o700, exist_ok=True)
        except OSError as exc:
            raise DaemonError(f"не удалось создать каталог {path} ({exc.strerror or exc})") from None
    if path.exists() and not _private_dir(path, uid):
        raise DaemonError(f"каталог {path} принадлежит другому пользователю или открыт другим (нужно 0700)")
    return path


def _private_dir(path: Path, uid: int) -> bool:
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and st.st_uid == uid and not st.st_mode & 0o077


def install_id() -> str:
    """One daemon per installation (package directory and interpreter), so
    that several checkouts or virtualenvs of one user do not replace each
    other's daemon."""
    import hashlib

    package = os.path.dirname(os.path.realpath(__file__))
    return hashlib.sha256(f"{package}\0{sys.executable}".encode()).hexdigest()[:12]


def _file(directory: Path, suffix: str) -> Path:
    return directory / f"daemon-{install_id()}.{suffix}"


def socket_path(create: bool = False) -> Path:
    return _file(runtime_dir(create), "sock")


# --- key ---------------------------------------------------------------------------

def compute_key() -> str:
    """What a daemon must share with a client to serve it (see the module doc)."""
    import hashlib

    from . import __version__

    h = hashlib.sha256()
    h.update(f"{__version__}\0{sys.executable}\0{sys.version}\0".encode())
    package = os.path.dirname(os.path.realpath(__file__))
    lexicons = os.path.join(package, "lexicons")  # as lexicon.bundled_dir()
    if not os.path.isdir(lexicons):
        lexicons = os.path.join(os.path.dirname(os.path.dirname(package)), "lexicons")
    for root in (package, lexicons):
        h.update(str(root).encode())
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(filenames):
                if name.endswith((".py", ".toml")):
                    st = os.stat(os.path.join(dirpath, name))
                    h.update(f"{dirpath}/{name}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    for name in sorted(os.environ):
        if name.startswith("REPLYLINT_") and name not in _ENV_SKIP:
            h.update(f"{name}={os.environ[name]}\0".encode())
    return f"{__version__}:{h.hexdigest()[:32]}"


# --- framing -----------------------------------------------------------------------

def send_message(sock: socket.socket, obj: dict) -> None:
    data = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    sock.sendall(struct.pack(">I", len(data)) + data)


def recv_message(sock: socket.socket) -> dict:
    head = _recv_exact(sock, 4)
    (size,) = struct.unpack(">I", head)
    if size > MAX_MESSAGE:
        raise DaemonError("слишком большое сообщение")
    obj = json.loads(_recv_exact(sock, size).decode("utf-8"))
    if not isinstance(obj, dict):
        raise DaemonError("некорректное сообщение")
    return obj


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    chunks = []
    while n:
        chunk = sock.recv(min(n, 1 << 20))
        if not chunk:
            raise DaemonError("соединение закрыто")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def peer_uid(sock: socket.socket) -> int:
    """The uid of the process at the other end of a Unix socket (Linux)."""
    if not hasattr(socket, "SO_PEERCRED"):
        raise DaemonError("проверка владельца сокета не поддерживается на этой платформе")
    creds = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", creds)
    return uid


# --- client ------------------------------------------------------------------------

def request(obj: dict, *, timeout: float | None = None, path: Path | None = None) -> dict:
    """Send one request to the running daemon; ``ConnectionError`` if none runs."""
    path = path or socket_path()
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(CONNECT_TIMEOUT)
        try:
            sock.connect(str(path))
        except (FileNotFoundError, ConnectionRefusedError) as exc:
            raise ConnectionError(str(exc)) from None
        if peer_uid(sock) != os.getuid():
            raise DaemonError("демон запущен другим пользователем: не используется")
        sock.settimeout(timeout)
        try:
            send_message(sock, obj)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the daemon may have answered (a refusal) and closed before reading it all
        return recv_message(sock)
    finally:
        sock.close()


def status() -> dict | None:
    """The running daemon's status, or None."""
    try:
        return request({"op": "status"}, timeout=10)
    except (ConnectionError, OSError):
        return None


def stop(wait: float = 10.0) -> bool:
    """Stop the running daemon; True if one was running."""
    try:
        path = socket_path()
    except DaemonError:
        return False
    try:
        request({"op": "stop"}, timeout=10, path=path)
    except (ConnectionError, OSError, DaemonError):
        return False
    deadline = time.monotonic() + wait
    while path.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return True


def start(idle_timeout: float = IDLE_TIMEOUT, wait: bool = True) -> dict:
    """Start a daemon for the current code (restarting one of another key)."""
    import subprocess

    key = compute_key()
    current = status()
    if current and current.get("key") == key:
        return current
    if current:
        stop()
    directory = runtime_dir()
    log_path = _file(directory, "log")
    log = open(log_path, "ab")
    try:
        env = dict(os.environ)
        env.setdefault("OPENBLAS_NUM_THREADS", "1")
        subprocess.Popen(
            [sys.executable, "-m", "replylint.daemon", "serve", "--idle-timeout", str(idle_timeout)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
            cwd="/", env=env, start_new_session=True, close_fds=True,
        )
    finally:
        log.close()
    if not wait:
        return {}
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        current = status()
        if current and current.get("key") == key:
            return current
        time.sleep(0.05)
    raise DaemonError(f"демон не запустился (см. {log_path})")


def try_check(argv: list[str]) -> int | None:
    """Run ``replylint check ARGV`` in the daemon: the exit code, or None to
    run in-process (no daemon, or it cannot be used)."""
    if os.environ.get("REPLYLINT_NO_DAEMON") or "--no-daemon" in argv:
        return None
    try:
        path = socket_path()
    except DaemonError:
        return None
    if not path.exists():
        return None
    stdin_data = None
    if "-" in argv:
        if sys.stdin is None or sys.stdin.isatty():
            return None
        import base64

        stdin_data = base64.b64encode(sys.stdin.buffer.read()).decode("ascii")
    req = {
        "op": "check",
        "key": compute_key(),
        "argv": argv,
        "cwd": os.getcwd(),
        "stdin": stdin_data,
        "tty": [_isatty(sys.stdout), _isatty(sys.stderr)],
    }
    try:
        answer = request(req, path=path)
    except (ConnectionError, OSError, DaemonError, ValueError):
        return _fallback(stdin_data)
    if answer.get("ok"):
        _write(sys.stderr, answer.get("stderr", ""))
        _write(sys.stdout, answer.get("stdout", ""))
        return int(answer.get("code", 0))
    if answer.get("error") in ("mismatch", "stale"):
        # Never use a daemon of other code or configuration: replace it, and
        # do this check in-process while the new one loads.
        stop()
        try:
            start(idle_timeout=answer.get("idle_timeout", IDLE_TIMEOUT), wait=False)
        except (DaemonError, OSError):
            pass
    return _fallback(stdin_data)


def _fallback(stdin_data):
    if stdin_data is not None:  # standard input was consumed: hand it over
        import base64

        data = base64.b64decode(stdin_data)
        sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    return None


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _write(stream, text: str) -> None:
    if text:
        stream.write(text)
        stream.flush()


# --- server ------------------------------------------------------------------------

class _Capture(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


class Server:
    """The daemon: one request at a time, in the order they arrive."""

    def __init__(self, path: Path, *, idle_timeout: float = IDLE_TIMEOUT, uid: int | None = None,
                 key: str | None = None) -> None:
        self.path = path
        self.idle_timeout = idle_timeout
        self.uid = os.getuid() if uid is None else uid
        self.key = key or compute_key()
        self.started = time.time()
        self.requests = 0
        self.sock: socket.socket | None = None
        self._running = False
        self._lexicons: dict[str, tuple[int, int]] = {}

    # lifecycle
    def bind(self) -> None:
        if self.path.exists():
            try:
                request({"op": "ping"}, timeout=2, path=self.path)
            except (ConnectionError, OSError, DaemonError):
                self.path.unlink()  # a stale socket of a dead daemon
            else:
                raise DaemonError("демон уже запущен")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o177)
        try:
            sock.bind(str(self.path))
        finally:
            os.umask(old)
        os.chmod(self.path, 0o600)
        sock.listen(16)
        self.sock = sock

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None
            try:
                self.path.unlink()
            except FileNotFoundError:
                pass

    def serve_forever(self) -> None:
        assert self.sock is not None
        self._running = True
        self.sock.settimeout(self.idle_timeout)
        try:
            while self._running:
                try:
                    conn, _ = self.sock.accept()
                except socket.timeout:
                    break  # idle for too long
                with conn:
                    self.handle(conn)
        finally:
            self.close()

    # one connection
    def handle(self, conn: socket.socket) -> None:
        conn.settimeout(60)
        try:
            uid = peer_uid(conn)
        except (OSError, DaemonError):
            uid = -1
        try:
            if uid != self.uid:
                send_message(conn, {"ok": False, "error": "refused",
                                    "message": "клиент другого пользователя: отказано"})
                return
            try:
                req = recv_message(conn)
            except (DaemonError, ValueError, OSError):
                send_message(conn, {"ok": False, "error": "bad-request"})
                return
            conn.settimeout(None)
            send_message(conn, self.dispatch(req))
        except OSError:
            pass  # the client went away

    def dispatch(self, req: dict) -> dict:
        from . import __version__

        op = req.get("op")
        if op == "ping":
            return {"ok": True}
        if op == "status":
            return {"ok": True, "pid": os.getpid(), "version": __version__, "key": self.key,
                    "started": self.started, "requests": self.requests,
                    "idle_timeout": self.idle_timeout, "socket": str(self.path)}
        if op == "stop":
            self._running = False
            return {"ok": True}
        if op == "check":
            if req.get("key") != self.key:
                return {"ok": False, "error": "mismatch", "key": self.key,
                        "idle_timeout": self.idle_timeout}
            if self._lexicons_changed():
                self._running = False
                return {"ok": False, "error": "stale", "idle_timeout": self.idle_timeout}
            argv = req.get("argv")
            if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv):
                return {"ok": False, "error": "bad-request"}
            self.requests += 1
            return self.run_check(argv, req.get("cwd") or "/", req.get("stdin"), req.get("tty") or [False, False])
        return {"ok": False, "error": "bad-request"}

    def run_check(self, argv: list[str], cwd: str, stdin_b64: str | None, tty) -> dict:
        from . import config
        from .cli import main

        import base64

        config._find_in.cache_clear()  # config files are looked up afresh each time
        out, err = _Capture(bool(tty[0])), _Capture(bool(tty[1]))
        data = base64.b64decode(stdin_b64) if stdin_b64 else b""
        saved = sys.stdin, sys.stdout, sys.stderr
        code = 0
        here = os.getcwd()
        try:
            os.chdir(cwd)
        except OSError as exc:
            return {"ok": True, "code": 2, "stdout": "",
                    "stderr": f"replylint: {cwd}: нет доступа к каталогу ({exc.strerror or exc})\n"}
        sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
        sys.stdout, sys.stderr = out, err
        try:
            main.main(args=argv, prog_name="replylint", standalone_mode=True)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        finally:
            sys.stdin, sys.stdout, sys.stderr = saved
            os.chdir(here)
        self._remember_lexicons()
        return {"ok": True, "code": code, "stdout": out.getvalue(), "stderr": err.getvalue()}

    # lexicon files read so far: a change means cached rule data are stale
    def _lexicon_files(self) -> dict[str, tuple[int, int]]:
        from . import lexicon

        files = {}
        for directory in (lexicon.bundled_dir(), *lexicon._extra_dirs, *self._extra_seen):
            try:
                names = sorted(os.listdir(directory))
            except OSError:
                continue
            for name in names:
                if name.endswith(".toml"):
                    full = os.path.join(directory, name)
                    try:
                        st = os.stat(full)
                    except OSError:
                        continue
                    files[full] = (st.st_size, st.st_mtime_ns)
        return files

    _extra_seen: tuple = ()

    def _remember_lexicons(self) -> None:
        from . import lexicon

        self._extra_seen = tuple(dict.fromkeys((*self._extra_seen, *lexicon._extra_dirs)))
        self._lexicons = self._lexicon_files()

    def _lexicons_changed(self) -> bool:
        return bool(self._lexicons) and self._lexicon_files() != self._lexicons


def _warm_up() -> None:
    """Load everything a check needs, so the first request is fast."""
    from .engine import Message, lint_messages
    from .options import Options

    list(lint_messages([Message("Здравствуйте! Спасибо за обращение, мы всё проверим.",
                                incoming="Где мой заказ?")], Options()))


def serve(idle_timeout: float = IDLE_TIMEOUT) -> int:
    """Body of the background process."""
    import fcntl
    import signal

    directory = runtime_dir()
    lock = open(_file(directory, "lock"), "w")
    deadline = time.monotonic() + 15  # a daemon being replaced may still be exiting
    while True:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except OSError:
            if time.monotonic() > deadline:
                print("replylint daemon: уже запущен", file=sys.stderr)
                return 1
            time.sleep(0.05)
    server = Server(_file(directory, "sock"), idle_timeout=idle_timeout)
    _warm_up()
    try:
        server.bind()
    except DaemonError as exc:
        print(f"replylint daemon: {exc}", file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, lambda *_: (server.close(), os._exit(0)))
    try:
        server.serve_forever()
    finally:
        server.close()
        lock.close()
    return 0


# --- commands (``replylint daemon …``) ---------------------------------------------

def click_commands():
    """The ``replylint daemon start|stop|status`` click group."""
    import click

    @click.group("daemon")
    def commands():
        """Фоновый процесс для быстрых повторных проверок (check использует его сам)."""


    @commands.command("start")
    @click.option("--idle-timeout", type=click.FloatRange(min=1), default=30 * 60, show_default=True,
                  help="Завершиться после стольких секунд без запросов.")
    def daemon_start(idle_timeout):
        """Запустить демон (демон другой версии или настроек перезапускается)."""
        try:
            st = start(idle_timeout=idle_timeout)
        except DaemonError as exc:
            click.echo(f"replylint: демон: {exc}", err=True)
            sys.exit(2)
        click.echo(f"replylint daemon запущен (pid {st['pid']}, сокет {st['socket']})")


    @commands.command("stop")
    def daemon_stop():
        """Остановить демон."""
        click.echo("replylint daemon остановлен" if stop() else "replylint daemon не запущен")


    @commands.command("status")
    def daemon_status():
        """Запущен ли демон; код выхода 0 — запущен и годится для этой версии, 1 — нет."""
        import time

        st = status()
        if not st:
            click.echo("replylint daemon не запущен")
            sys.exit(1)
        fresh = st.get("key") == compute_key()
        click.echo(f"replylint daemon запущен: pid {st['pid']}, версия {st['version']}, "
                   f"работает {time.time() - st['started']:.0f} с, запросов {st['requests']}, "
                   f"сокет {st['socket']}")
        if not fresh:
            click.echo("код или настройки изменились: check перезапустит демон")
        sys.exit(0 if fresh else 1)

    return commands


# --- entry points ------------------------------------------------------------------

def run() -> None:
    """The ``replylint`` console script: ``check`` goes to a running daemon
    when there is one; everything else (and the fallback) is the click CLI."""
    argv = sys.argv[1:]
    if argv[:1] == ["check"]:
        code = try_check(argv)
        if code is not None:
            sys.exit(code)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from .cli import main

    main(prog_name="replylint")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["serve"]:
        timeout = IDLE_TIMEOUT
        if "--idle-timeout" in args:
            timeout = float(args[args.index("--idle-timeout") + 1])
        sys.exit(serve(timeout))
    print("usage: python -m replylint.daemon serve [--idle-timeout SECONDS]", file=sys.stderr)
    sys.exit(2)
