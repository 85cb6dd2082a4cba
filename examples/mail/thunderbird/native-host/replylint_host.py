#!/usr/bin/env python3
"""Native messaging host for the replylint Thunderbird add-on.

Thunderbird starts this program when the add-on calls
``messenger.runtime.sendNativeMessage("replylint", request)`` and talks to it
over standard input/output: each message is a 4-byte length (native byte
order) followed by that many bytes of UTF-8 JSON.

Request:  {"body": "<text or HTML of the message being sent>", "isPlainText": true,
           "subject": "..."}
Response: {"ok": true, "fail": true|false, "report": {...replylint JSON...}}
          or {"ok": false, "error": "..."} when replylint could not run.

``fail`` is replylint's verdict (exit code 1: a finding at or above
``fail-on`` of the configuration). The body is wrapped in a one-part e-mail
and linted with ``replylint check - --stdin-type eml --channel email
--format json``, so quoted history and the signature are left out and the
quote serves as the Клиент's message.

Environment: REPLYLINT (the replylint command, default ``replylint``),
REPLYLINT_CONFIG (a config file for ``--config``).
"""

import json
import os
import shlex
import struct
import subprocess
import sys


def read_message(stream):
    head = stream.read(4)
    if len(head) < 4:
        return None
    (length,) = struct.unpack("=I", head)
    return json.loads(stream.read(length).decode("utf-8"))


def write_message(stream, obj) -> None:
    data = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    stream.write(struct.pack("=I", len(data)) + data)
    stream.flush()


def lint(request: dict) -> dict:
    body = request.get("body")
    if not isinstance(body, str):
        return {"ok": False, "error": "в запросе нет строки «body»"}
    kind = "plain" if request.get("isPlainText", True) else "html"
    message = f"Content-Type: text/{kind}; charset=utf-8\n\n{body}".encode("utf-8")
    cmd = shlex.split(os.environ.get("REPLYLINT", "replylint"))
    cmd += ["check", "-", "--stdin-type", "eml", "--channel", "email", "--format", "json"]
    if os.environ.get("REPLYLINT_CONFIG"):
        cmd += ["--config", os.environ["REPLYLINT_CONFIG"]]
    try:
        proc = subprocess.run(cmd, input=message, capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return {"ok": False, "error": f"не удалось запустить replylint: {exc}"}
    if proc.returncode not in (0, 1):
        error = proc.stderr.decode("utf-8", "replace").strip() or f"код выхода {proc.returncode}"
        return {"ok": False, "error": error}
    return {"ok": True, "fail": proc.returncode == 1, "report": json.loads(proc.stdout)}


def main() -> int:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            request = read_message(stdin)
        except (ValueError, UnicodeDecodeError) as exc:
            write_message(stdout, {"ok": False, "error": f"некорректный запрос: {exc}"})
            return 1
        if request is None:
            return 0
        write_message(stdout, lint(request))


if __name__ == "__main__":
    sys.exit(main())
