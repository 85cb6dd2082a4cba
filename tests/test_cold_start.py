"""Cold start: help, the rule list and rule docs never load the NLP stack."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parent.parent / "src")

SCRIPT = r"""
import sys
from click.testing import CliRunner
from replylint.cli import main

for args in (["--help"], ["rules"], ["rule", "client-lowercase"], ["check", "--help"],
             ["daemon", "--help"], ["daemon", "status"]):
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 1), (args, result.output)
heavy = [m for m in ("spacy", "natasha", "slovnet", "navec", "pymorphy3", "thinc", "numpy") if m in sys.modules]
print(",".join(heavy) or "none")
"""


def test_help_and_rules_do_not_import_spacy(tmp_path):
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""),
               REPLYLINT_DAEMON_DIR=str(tmp_path / "run"))
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "none"


def test_importing_the_package_is_light():
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    code = "import sys, replylint; print(sorted(m for m in sys.modules if m.startswith('replylint')))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert proc.stdout.strip() == "['replylint']"
