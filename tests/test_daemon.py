"""The daemon: protocol, identical results, fallback, permissions, freshness.

Servers run in a thread of the test process on a socket in a temporary
directory (``REPLYLINT_DAEMON_DIR``); one test starts a real background daemon
through the CLI. Nothing here measures speed.
"""

from __future__ import annotations

import io
import json
import os
import socket
import stat
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from replylint import daemon
from replylint.cli import main

SRC = str(Path(__file__).resolve().parent.parent / "src")
BAD = "Здравствуйте! Мы ценим каждого клиента.\n"


@pytest.fixture
def rundir(tmp_path, monkeypatch):
    d = tmp_path / "run"
    d.mkdir(mode=0o700)
    monkeypatch.setenv("REPLYLINT_DAEMON_DIR", str(d))
    return d


class ThreadServer:
    def __init__(self, rundir: Path, **kw) -> None:
        self.server = daemon.Server(daemon.socket_path(), **kw)
        self.server.bind()
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        if self.thread.is_alive():
            try:
                daemon.request({"op": "stop"}, timeout=10, path=self.server.path)
            except (ConnectionError, OSError):
                pass
        self.thread.join(10)


@pytest.fixture
def server(rundir):
    srv = ThreadServer(rundir)
    yield srv
    srv.stop()


def _check_request(argv, cwd, stdin=None, key=None):
    import base64

    return {"op": "check", "key": key or daemon.compute_key(), "argv": argv, "cwd": str(cwd),
            "stdin": base64.b64encode(stdin).decode() if stdin is not None else None,
            "tty": [False, False]}


# --- protocol ---------------------------------------------------------------------

def test_ping_status_and_check_match_in_process_output(server, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(BAD, encoding="utf-8")
    assert daemon.request({"op": "ping"}) == {"ok": True}
    st = daemon.status()
    assert st["pid"] == os.getpid() and st["key"] == daemon.compute_key() and st["requests"] == 0

    for argv in (["check", "draft.txt"], ["check", "--format", "json", "draft.txt"],
                 ["check", "--select", "client-lowercase", "--fail-on", "error", "missing.txt", "draft.txt"]):
        answer = daemon.request(_check_request(argv, tmp_path))
        here = os.getcwd()
        os.chdir(tmp_path)
        try:
            expected = CliRunner().invoke(main, argv)
        finally:
            os.chdir(here)
        assert answer["ok"] is True
        assert answer["code"] == expected.exit_code
        assert answer["stdout"] == expected.stdout
        assert answer["stderr"] == expected.stderr
    assert daemon.status()["requests"] == 3
    assert os.getcwd() == here  # the server went back where it was


def test_standard_input_is_passed_through(server, tmp_path):
    answer = daemon.request(_check_request(["check", "--format", "json", "-"], tmp_path,
                                           stdin=BAD.encode("utf-8")))
    assert answer["code"] == 1
    result = json.loads(answer["stdout"])["results"][0]
    assert result["path"] == "<stdin>"
    assert [f["text"] for f in result["findings"] if f["rule"] == "client-lowercase"] == ["клиента"]


def test_malformed_and_unknown_requests_get_an_error(server):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(str(server.server.path))
    sock.sendall(struct.pack(">I", 5) + b"nope!")
    assert daemon.recv_message(sock) == {"ok": False, "error": "bad-request"}
    sock.close()
    assert daemon.request({"op": "dance"})["error"] == "bad-request"
    assert daemon.request(_check_request("check x", "/"))["error"] == "bad-request"


def test_socket_and_directory_are_private(server, rundir):
    assert stat.S_IMODE(os.stat(server.server.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(rundir).st_mode) == 0o700


def test_stop_removes_the_socket(rundir):
    srv = ThreadServer(rundir)
    assert daemon.stop() is True
    srv.thread.join(10)
    assert not srv.thread.is_alive()
    assert not daemon.socket_path().exists()
    assert daemon.stop() is False
    assert daemon.status() is None


def test_idle_timeout_ends_the_daemon(rundir):
    srv = ThreadServer(rundir, idle_timeout=0.3)
    srv.thread.join(10)
    assert not srv.thread.is_alive()
    assert not daemon.socket_path().exists()


# --- the console script: daemon or fallback --------------------------------------

def test_try_check_uses_the_daemon(server, tmp_path, monkeypatch, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text(BAD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert daemon.try_check(["check", "draft.txt"]) == 1
    out = capsys.readouterr().out
    assert "draft.txt:1:" in out and "client-lowercase" in out
    assert daemon.status()["requests"] == 1
    # opted out: not sent
    assert daemon.try_check(["check", "--no-daemon", "draft.txt"]) is None
    monkeypatch.setenv("REPLYLINT_NO_DAEMON", "1")
    assert daemon.try_check(["check", "draft.txt"]) is None
    assert daemon.status()["requests"] == 1


def test_fallback_when_no_daemon_runs(rundir, tmp_path):
    assert daemon.try_check(["check", "x.txt"]) is None
    draft = tmp_path / "draft.txt"
    draft.write_text(BAD, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-m", "replylint", "check", "--select", "client-lowercase",
                           str(draft)], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 1
    assert "client-lowercase «клиента»" in proc.stdout


def test_stdin_is_kept_for_the_fallback(rundir, monkeypatch):
    fake = type("S", (), {})()
    fake.buffer = io.BytesIO(BAD.encode("utf-8"))
    fake.isatty = lambda: False
    monkeypatch.setattr(sys, "stdin", fake)
    # a socket file with nobody behind it
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(daemon.socket_path()))
    sock.close()
    assert daemon.try_check(["check", "-"]) is None
    assert sys.stdin.buffer.read() == BAD.encode("utf-8")


# --- permissions ----------------------------------------------------------------

def test_client_of_another_uid_is_refused(rundir, tmp_path, monkeypatch):
    srv = ThreadServer(rundir, uid=os.getuid() + 12345)  # the daemon "belongs" to someone else
    try:
        answer = daemon.request(_check_request(["check", "x.txt"], tmp_path))
        assert answer == {"ok": False, "error": "refused", "message": "клиент другого пользователя: отказано"}
        assert srv.server.requests == 0
        monkeypatch.chdir(tmp_path)
        assert daemon.try_check(["check", "x.txt"]) is None  # and check works in-process
    finally:
        srv.server._running = False
        srv.server.uid = os.getuid()
        srv.stop()


def test_runtime_directory_open_to_others_is_refused(tmp_path, monkeypatch):
    d = tmp_path / "open"
    d.mkdir()
    os.chmod(d, 0o755)
    monkeypatch.setenv("REPLYLINT_DAEMON_DIR", str(d))
    with pytest.raises(daemon.DaemonError):
        daemon.runtime_dir()
    assert daemon.try_check(["check", "x.txt"]) is None
    r = CliRunner().invoke(main, ["daemon", "start"])
    assert r.exit_code == 2 and "0700" in r.output


@pytest.mark.skipif(os.getuid() != 0, reason="needs root to act as another user")
def test_other_user_cannot_even_connect(server):
    pid = os.fork()
    if pid == 0:  # child: become nobody and try
        code = 1
        try:
            os.setgid(65534)
            os.setuid(65534)
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                s.connect(str(server.server.path))
            except PermissionError:
                code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


# --- freshness --------------------------------------------------------------------

def test_daemon_of_other_version_is_restarted_not_used(rundir, tmp_path, monkeypatch):
    srv = ThreadServer(rundir, key="0.0.1:someoneelse")
    started = []
    monkeypatch.setattr(daemon, "start", lambda **kw: started.append(kw) or {})
    try:
        answer = daemon.request(_check_request(["check", "x.txt"], tmp_path))
        assert answer["ok"] is False and answer["error"] == "mismatch"
        monkeypatch.chdir(tmp_path)
        assert daemon.try_check(["check", "x.txt"]) is None  # done in-process instead
        srv.thread.join(10)
        assert not srv.thread.is_alive()  # the old daemon was stopped…
        assert started and started[0]["wait"] is False  # …and a new one started
        assert srv.server.requests == 0
    finally:
        srv.stop()


def test_key_follows_code_and_environment(monkeypatch):
    key = daemon.compute_key()
    assert key == daemon.compute_key()
    monkeypatch.setenv("REPLYLINT_SOMETHING", "1")
    assert daemon.compute_key() != key
    monkeypatch.delenv("REPLYLINT_SOMETHING")
    monkeypatch.setattr("replylint.__version__", "9.9.9")
    assert daemon.compute_key().startswith("9.9.9:")


def test_changed_lexicon_makes_the_daemon_stale(server, tmp_path):
    lex = tmp_path / "lex"
    lex.mkdir()
    (lex / "extra.toml").write_text('words = ["а"]\n', encoding="utf-8")
    srv = server.server
    srv._extra_seen = (str(lex),)
    srv._remember_lexicons()
    assert daemon.request(_check_request(["check", "--help"], tmp_path))["ok"] is True
    (lex / "extra.toml").write_text('words = ["а", "б"]\n', encoding="utf-8")
    answer = daemon.request(_check_request(["check", "--help"], tmp_path))
    assert answer == {"ok": False, "error": "stale", "idle_timeout": srv.idle_timeout}
    server.thread.join(10)
    assert not server.thread.is_alive()


# --- the real thing -----------------------------------------------------------------

def test_daemon_start_status_check_stop_end_to_end(rundir, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(BAD, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""),
               REPLYLINT_DAEMON_DIR=str(rundir))

    def rl(*args, **kw):
        return subprocess.run([sys.executable, "-m", "replylint", *args], capture_output=True, text=True,
                              env=env, cwd=tmp_path, timeout=300, **kw)

    assert rl("daemon", "status").returncode == 1
    started = rl("daemon", "start")
    assert started.returncode == 0, started.stderr
    try:
        assert rl("daemon", "status").returncode == 0
        via_daemon = rl("check", "draft.txt")
        in_process = rl("check", "--no-daemon", "draft.txt")
        assert (via_daemon.returncode, via_daemon.stdout) == (in_process.returncode, in_process.stdout)
        assert via_daemon.returncode == 1
        piped = rl("check", "--format", "json", "-", input=BAD)
        assert json.loads(piped.stdout)["results"][0]["path"] == "<stdin>"
        assert daemon.status()["requests"] == 2
    finally:
        stopped = rl("daemon", "stop")
    assert "остановлен" in stopped.stdout
    deadline = time.monotonic() + 10
    while daemon.socket_path().exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not daemon.socket_path().exists()
