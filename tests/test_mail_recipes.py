"""The mail-client recipes in examples/mail/, run the way the clients run them.

- neomutt's compose macro pipes the draft to replylint-mutt-check with a
  terminal to ask on, then sources the action file it wrote;
- neomutt's $sendmail is replylint-sendmail: the whole MIME message on stdin,
  the real sendmail and its arguments on the command line, no terminal;
- Thunderbird's add-on talks to the native host: length-prefixed JSON on
  stdin/stdout.
"""

from __future__ import annotations

import json
import os
import pty
import struct
import subprocess
import sys
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAIL = ROOT / "examples" / "mail"
CHECK = MAIL / "neomutt" / "replylint-mutt-check"
SENDMAIL = MAIL / "neomutt" / "replylint-sendmail"
HOST = MAIL / "thunderbird" / "native-host" / "replylint_host.py"

GOOD = "Здравствуйте, Ольга!\n\nСпасибо, что написали нам. Заказ привезём завтра с 10:00 до 14:00.\n"
BAD = "Здравствуйте, Ольга!\n\nМы ценим каждого клиента.\n"
QUOTED_HISTORY = "\nОльга пишет:\n> Вы вообще цените клиентов?\n"


@pytest.fixture
def env(tmp_path):
    """The scripts call replylint through $REPLYLINT: this checkout's CLI."""
    src = str(ROOT / "src")
    pythonpath = os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "REPLYLINT": f"{sys.executable} -m replylint", "PYTHONPATH": pythonpath,
            "REPLYLINT_MUTT_ACTION": str(tmp_path / "action"), "HOME": str(tmp_path)}


# --- neomutt: compose macro -----------------------------------------------------------

def run_with_tty(cmd, stdin: bytes, answer: str, env, cwd):
    """Run like neomutt's <pipe-entry>: the draft on stdin, the user at /dev/tty."""
    master, slave = pty.openpty()  # the parent keeps `slave` open: Linux drops unread output otherwise
    slave_name = os.ttyname(slave)

    def take_terminal():  # after setsid(): the pty becomes the controlling terminal
        fd = os.open(slave_name, os.O_RDWR)
        os.close(fd)

    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env=env, cwd=cwd, start_new_session=True, preexec_fn=take_terminal)
    os.write(master, answer.encode())
    out, _ = proc.communicate(stdin, timeout=300)
    screen = b""
    os.set_blocking(master, False)
    try:
        while chunk := os.read(master, 4096):
            screen += chunk
    except (BlockingIOError, OSError):
        pass
    os.close(master)
    os.close(slave)
    return proc.returncode, out.decode(), screen.decode("utf-8", "replace")


def test_neomutt_check_clean_draft_sends(env, tmp_path):
    proc = subprocess.run([sys.executable, str(CHECK)], input=(GOOD + QUOTED_HISTORY).encode(),
                          capture_output=True, env=env, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "замечаний нет" in proc.stdout.decode()
    assert (tmp_path / "action").read_text(encoding="utf-8") == "setenv REPLYLINT_SKIP 1\npush <send-message>\n"


@pytest.mark.parametrize("answer,action", [
    ("n\n", 'echo "replylint: отправка отменена — поправьте письмо и отправьте снова"\n'),
    ("y\n", "setenv REPLYLINT_SKIP 1\npush <send-message>\n"),
])
def test_neomutt_check_bad_draft_asks(env, tmp_path, answer, action):
    code, out, screen = run_with_tty([sys.executable, str(CHECK)], BAD.encode(), answer, env, tmp_path)
    assert code == 0, out
    assert "replylint нашёл в письме:" in out
    assert "[error] «клиента»: «клиента» пишется с большой буквы: «Клиента»" in out
    assert "Отправить всё равно? [y/N]" in screen
    assert (tmp_path / "action").read_text(encoding="utf-8") == action


def test_neomutt_check_without_terminal_does_not_send(env, tmp_path):
    proc = subprocess.run([sys.executable, str(CHECK)], input=BAD.encode(), capture_output=True,
                          env=env, cwd=tmp_path, timeout=300, start_new_session=True)
    assert "нет терминала" in proc.stdout.decode()
    assert (tmp_path / "action").read_text(encoding="utf-8").startswith("echo ")


# --- neomutt: $sendmail wrapper ---------------------------------------------------------

def mime(body: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "support@example.ru"
    msg["To"] = "olga@example.ru"
    msg["Subject"] = "Re: Заказ"
    msg.set_content(body)  # UTF-8, base64/quoted-printable: the wrapper must decode it
    return msg.as_bytes(policy=SMTP)


@pytest.fixture
def fake_sendmail(tmp_path):
    script = tmp_path / "sendmail"
    script.write_text(
        f"#!{sys.executable}\n"
        "import json, sys\n"
        f"open({str(tmp_path / 'sent.eml')!r}, 'wb').write(sys.stdin.buffer.read())\n"
        f"open({str(tmp_path / 'args.json')!r}, 'w').write(json.dumps(sys.argv[1:]))\n",
        encoding="utf-8")
    script.chmod(0o755)
    return script


def sendmail(message: bytes, env, cwd, sendmail_path):
    return subprocess.run([sys.executable, str(SENDMAIL), str(sendmail_path), "-oem", "-oi", "olga@example.ru"],
                          input=message, capture_output=True, env=env, cwd=cwd, timeout=300,
                          start_new_session=True)  # neomutt runs $sendmail in a new session


def test_sendmail_wrapper_passes_clean_message_unchanged(env, tmp_path, fake_sendmail):
    message = mime(GOOD + QUOTED_HISTORY)  # the Клиент's lowercase «клиентов» is only quoted
    proc = sendmail(message, env, tmp_path, fake_sendmail)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "sent.eml").read_bytes() == message
    assert json.loads((tmp_path / "args.json").read_text()) == ["-oem", "-oi", "olga@example.ru"]


def test_sendmail_wrapper_refuses_message_with_findings(env, tmp_path, fake_sendmail):
    proc = sendmail(mime(BAD), env, tmp_path, fake_sendmail)
    assert proc.returncode == 65
    assert not (tmp_path / "sent.eml").exists()
    out = proc.stdout.decode()
    assert "письмо не отправлено" in out
    assert "«клиента» пишется с большой буквы" in out
    assert ":setenv REPLYLINT_SKIP 1" in out


def test_sendmail_wrapper_skip_and_broken_linter_still_send(env, tmp_path, fake_sendmail):
    message = mime(BAD)
    proc = sendmail(message, {**env, "REPLYLINT_SKIP": "1"}, tmp_path, fake_sendmail)
    assert proc.returncode == 0
    assert (tmp_path / "sent.eml").read_bytes() == message
    (tmp_path / "sent.eml").unlink()
    proc = sendmail(message, {**env, "REPLYLINT": str(tmp_path / "no-such-replylint")}, tmp_path, fake_sendmail)
    assert proc.returncode == 0
    assert (tmp_path / "sent.eml").read_bytes() == message
    assert "без проверки" in proc.stdout.decode()


def test_sendmail_wrapper_honours_the_config(env, tmp_path, fake_sendmail):
    (tmp_path / ".replylint.toml").write_text('ignore = ["client-lowercase"]\n', encoding="utf-8")
    proc = sendmail(mime(BAD), env, tmp_path, fake_sendmail)
    assert proc.returncode == 0, proc.stdout
    assert (tmp_path / "sent.eml").exists()


# --- Thunderbird: native messaging host --------------------------------------------------

def frame(obj) -> bytes:
    data = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    return struct.pack("=I", len(data)) + data


def unframe(data: bytes) -> list:
    out = []
    while data:
        (n,) = struct.unpack("=I", data[:4])
        out.append(json.loads(data[4:4 + n].decode("utf-8")))
        data = data[4 + n:]
    return out


def test_thunderbird_native_host(env, tmp_path):
    requests = [
        {"body": BAD + "\n-- \nСлужба поддержки\n", "isPlainText": True, "subject": "Re: Заказ"},
        {"body": "<p>Здравствуйте, Ольга!</p><p>Спасибо, что написали нам. Заказ привезём завтра"
                 " с 10:00 до 14:00.</p><blockquote>Вы цените клиентов?</blockquote>",
         "isPlainText": False},
        {"subject": "no body"},
    ]
    proc = subprocess.run([sys.executable, str(HOST)], input=b"".join(frame(r) for r in requests),
                          capture_output=True, env=env, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr
    bad, html, invalid = unframe(proc.stdout)
    assert bad["ok"] is True and bad["fail"] is True
    errors = [(f["rule"], f["text"]) for f in bad["report"]["results"][0]["findings"] if f["severity"] == "error"]
    assert errors == [("client-lowercase", "клиента")]
    assert html["ok"] is True and html["fail"] is False
    assert html["report"]["results"][0]["findings"] == []
    assert invalid == {"ok": False, "error": "в запросе нет строки «body»"}


def test_thunderbird_native_host_reports_broken_linter(env, tmp_path):
    proc = subprocess.run([sys.executable, str(HOST)], input=frame({"body": GOOD}), capture_output=True,
                          env={**env, "REPLYLINT": str(tmp_path / "missing")}, timeout=60)
    [answer] = unframe(proc.stdout)
    assert answer["ok"] is False and "не удалось запустить replylint" in answer["error"]


def test_thunderbird_addon_and_host_manifest_agree(tmp_path):
    addon = json.loads((MAIL / "thunderbird" / "addon" / "manifest.json").read_text(encoding="utf-8"))
    assert {"compose", "nativeMessaging"} <= set(addon["permissions"])
    background = (MAIL / "thunderbird" / "addon" / "background.js").read_text(encoding="utf-8")
    assert "compose.onBeforeSend" in background and 'sendNativeMessage("replylint"' in background
    proc = subprocess.run(["sh", str(MAIL / "thunderbird" / "native-host" / "install.sh"), str(tmp_path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    host = json.loads((tmp_path / "replylint.json").read_text(encoding="utf-8"))
    assert host["name"] == "replylint" and host["type"] == "stdio"
    assert host["path"] == str(HOST) and os.access(host["path"], os.X_OK)
    assert host["allowed_extensions"] == [addon["browser_specific_settings"]["gecko"]["id"]]


def test_thunderbird_host_installed_with_a_replylint_command(env, tmp_path):
    """Thunderbird started from the desktop: the command given at install time is used."""
    target = tmp_path / "hosts"
    fake = tmp_path / "my-replylint"
    fake.write_text(f"#!/bin/sh\nexec {sys.executable} -m replylint \"$@\"\n", encoding="utf-8")
    fake.chmod(0o755)
    proc = subprocess.run(["sh", str(MAIL / "thunderbird" / "native-host" / "install.sh"), str(target)],
                          capture_output=True, text=True, timeout=60, env={**env, "REPLYLINT": str(fake)})
    assert proc.returncode == 0, proc.stderr
    host = json.loads((target / "replylint.json").read_text(encoding="utf-8"))
    assert host["path"] == str(target / "replylint-host")
    clean_env = {k: v for k, v in env.items() if k != "REPLYLINT"}
    out = subprocess.run([host["path"]], input=frame({"body": BAD}), capture_output=True, env=clean_env,
                         timeout=300)
    [answer] = unframe(out.stdout)
    assert answer["ok"] is True and answer["fail"] is True, answer
