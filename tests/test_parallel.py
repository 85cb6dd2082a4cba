"""``--jobs``: worker processes give the same reports in the same order."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from replylint import parallel
from replylint.cli import main

DRAFTS = [
    "Здравствуйте! Мы ценим каждого клиента.",
    "Спасибо за обращение. Заказ доставим завтра.",
    "К сожалению, вернуть деньги нельзя.",
    "Курьер перепутал адрес, это не наша вина.",
    "Здравствуйте, Алла!\n\nПередайте клиенту, что всё готово.\n\nС уважением,\nслужба поддержки",
]


@pytest.mark.skipif(not parallel.can_fork(), reason="fork is not available")
def test_jobs_give_the_serial_output_in_order(tmp_path, monkeypatch):
    batch = tmp_path / "batch.jsonl"
    records = [{"id": f"r{i}", "text": DRAFTS[i % len(DRAFTS)] + f" Номер {i}."} for i in range(40)]
    batch.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    monkeypatch.setattr(parallel, "MIN_PARALLEL", 8)
    monkeypatch.setattr(parallel, "CHUNK", 8)
    calls = []
    real = parallel.lint_parallel
    monkeypatch.setattr(parallel, "lint_parallel", lambda *a: calls.append(a[2]) or real(*a))

    serial = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", "1", str(batch)])
    assert not calls
    forked = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", "3", str(batch)])
    assert calls == [3]
    assert forked.exit_code == serial.exit_code == 1
    assert forked.stdout == serial.stdout
    assert [r["id"] for r in json.loads(forked.stdout)["results"]] == [f"r{i}" for i in range(40)]


def test_small_inputs_stay_in_process():
    assert not parallel.worth_it(1, 8)
    assert not parallel.worth_it(parallel.MIN_PARALLEL - 1, 8)
    assert not parallel.worth_it(10_000, 1)
    assert parallel.worth_it(10_000, 2) == parallel.can_fork()


def test_default_jobs_is_every_usable_core():
    assert parallel.default_jobs() >= 1
    assert CliRunner().invoke(main, ["check", "--jobs", "0", "x.txt"]).exit_code == 2
