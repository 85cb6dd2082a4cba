"""Bad input: one line on stderr naming the file and the reason, exit 2, other files still checked."""

from __future__ import annotations

import json

from click.testing import CliRunner

from replylint.cli import main

TEXT = "Мы ценим каждого клиента."


def run(args, input=None):
    return CliRunner().invoke(main, args, input=input)


def test_missing_binary_and_undecodable_files_are_reported_and_others_checked(tmp_path):
    good = tmp_path / "ok.txt"
    good.write_text(TEXT, encoding="utf-8")
    binary = tmp_path / "img.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(bytes(range(0x80, 0x100)) * 3)
    missing = tmp_path / "missing.txt"
    r = run(["check", "--format", "json", "--select", "client-lowercase",
             str(missing), str(binary), str(good), str(garbage)])
    assert r.exit_code == 2
    data = json.loads(r.stdout)
    assert [x["path"] for x in data["results"]] == [str(good)]
    assert len(data["results"][0]["findings"]) == 1
    err_lines = [line for line in r.stderr.splitlines() if line]
    assert len(err_lines) == 3
    assert err_lines[0] == f"replylint: {missing}: файл не найден"
    assert err_lines[1] == f"replylint: {binary}: двоичный файл, а не текст"
    assert err_lines[2].startswith(f"replylint: {garbage}: не удалось определить кодировку")
    assert "Traceback" not in r.output


def test_broken_batch_records_are_reported_one_per_line(tmp_path):
    batch = tmp_path / "b.jsonl"
    batch.write_text('{"id": 1, "text": "Мы ценим клиента."}\n{broken\n{"id": 3}\n', encoding="utf-8")
    r = run(["check", "--format", "json", "--select", "client-lowercase", str(batch)])
    assert r.exit_code == 2
    assert [x["id"] for x in json.loads(r.stdout)["results"]] == [1]
    errs = r.stderr.splitlines()
    assert errs[0].startswith(f"replylint: {batch}:2: некорректный JSON")
    assert errs[1] == f"replylint: {batch}:3: в записи нет строкового поля «text»"


def test_cp1251_koi8r_and_bom_decode(tmp_path):
    long = "Здравствуйте! Мы ценим каждого клиента и всегда рады помочь с заказом и доставкой."
    for name, data in [("cp.txt", long.encode("cp1251")), ("koi.txt", long.encode("koi8_r")),
                       ("bom.txt", b"\xef\xbb\xbf" + long.encode("utf-8")),
                       ("u16.txt", long.encode("utf-16"))]:
        f = tmp_path / name
        f.write_bytes(data)
        r = run(["check", "--format", "json", "--select", "client-lowercase", str(f)])
        finding = json.loads(r.stdout)["results"][0]["findings"][0]
        assert finding["text"] == "клиента", name
        assert long[finding["offset"]:finding["offset"] + finding["length"]] == "клиента", name


def test_unknown_encoding_option(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    r = run(["check", "--encoding", "klingon", str(f)])
    assert r.exit_code == 2
    assert r.stderr.strip() == f"replylint: {f}: неизвестная кодировка «klingon»"


def test_empty_and_whitespace_input_is_fine():
    for text in ["", "   \n\n", "!!!", "12345", "🙂🙂"]:
        r = run(["check", "-", "--format", "json"], input=text)
        assert r.exit_code in (0, 1), (text, r.output)
        json.loads(r.stdout)
