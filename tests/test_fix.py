"""`check --fix` / `--diff`: safe edits only, atomic, encoding- and newline-preserving, idempotent."""

from __future__ import annotations

import os
import stat

import pytest
from click.testing import CliRunner

from replylint import fixes
from replylint.cli import main
from replylint.model import Fix

TEXT = "Добрый день!\r\nМы ценим каждого клиента.\r\nНаши клиенты: наша гордость.\r\n"
FIXED = "Добрый день!\r\nМы ценим каждого Клиента.\r\nНаши Клиенты: наша гордость.\r\n"


def run(args):
    return CliRunner().invoke(main, args)


@pytest.mark.parametrize("encoding,prefix", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1251", b""),
                                             ("koi8_r", b""), ("utf-16-le", b"\xff\xfe")])
def test_fix_keeps_encoding_bom_and_crlf(tmp_path, encoding, prefix):
    f = tmp_path / "reply.txt"
    f.write_bytes(prefix + TEXT.encode(encoding))
    r = run(["check", "--fix", "--select", "client-lowercase", str(f)])
    assert r.exit_code == 0, r.output
    assert f.read_bytes() == prefix + FIXED.encode(encoding)


def test_only_fixed_spans_change(tmp_path):
    f = tmp_path / "reply.txt"
    original = TEXT.encode("utf-8")
    f.write_bytes(original)
    run(["check", "--fix", "--select", "client-lowercase", str(f)])
    new = f.read_bytes()
    diff = [i for i, (a, b) in enumerate(zip(original, new)) if a != b]
    assert len(original) == len(new)
    # «к» (d0 ba) → «К» (d0 9a): one byte per fixed word, nothing else
    assert [new[i - 1:i + 1].decode() for i in diff] == ["К", "К"]


def test_fix_is_idempotent_and_keeps_permissions(tmp_path):
    f = tmp_path / "reply.txt"
    f.write_text(TEXT, encoding="utf-8", newline="")
    os.chmod(f, 0o640)
    run(["check", "--fix", "--select", "client-lowercase", str(f)])
    once = f.read_bytes()
    r = run(["check", "--fix", "--select", "client-lowercase", str(f)])
    assert f.read_bytes() == once
    assert "Исправлено" not in r.output
    assert stat.S_IMODE(f.stat().st_mode) == 0o640


def test_diff_prints_and_does_not_write(tmp_path):
    f = tmp_path / "reply.txt"
    f.write_text(TEXT, encoding="utf-8", newline="")
    r = run(["check", "--diff", "--select", "client-lowercase", str(f)])
    assert r.exit_code == 1
    raw = r.stdout_bytes.decode("utf-8")  # .output normalises line endings; the diff keeps CRLF
    assert "-Мы ценим каждого клиента.\r\n" in raw and "+Мы ценим каждого Клиента.\r\n" in raw
    assert f.read_bytes().decode("utf-8") == TEXT


def test_crash_mid_write_leaves_old_file_whole(tmp_path, monkeypatch):
    f = tmp_path / "reply.txt"
    f.write_text(TEXT, encoding="utf-8", newline="")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(fixes.os, "replace", boom)
    with pytest.raises(OSError):
        fixes.write_atomic(str(f), FIXED.encode())
    assert f.read_bytes().decode("utf-8") == TEXT
    assert os.listdir(tmp_path) == ["reply.txt"]  # no temporary file left behind


def test_batch_and_stdin_are_never_rewritten(tmp_path):
    batch = tmp_path / "b.jsonl"
    batch.write_text('{"text": "Мы ценим клиента."}\n', encoding="utf-8")
    before = batch.read_bytes()
    run(["check", "--fix", "--select", "client-lowercase", str(batch)])
    assert batch.read_bytes() == before


def test_apply_edits_skips_overlaps_and_keeps_order():
    text = "абв где"
    edits = [Fix(4, 3, "ГДЕ"), Fix(0, 3, "АБВ"), Fix(1, 1, "x")]
    assert fixes.apply_edits(text, edits) == ("АБВ ГДЕ", 2)


def test_apply_edits_keeps_two_insertions_at_one_point_in_priority_order():
    text = "Заказ готов."
    edits = [Fix(0, 0, "Извините! "), Fix(0, 0, "Спасибо! "), Fix(0, 0, "Спасибо! ")]
    assert fixes.apply_edits(text, edits) == ("Извините! Спасибо! Заказ готов.", 2)
