"""The pre-commit hook, run by pre-commit itself on examples/template-repo.

`pre-commit try-repo` builds the hook's virtualenv from this repository
(`pip install .`, dependencies from the package index) and runs the hook the
way a template repository's commit would. Slow (a fresh install per
try-repo), so all of it happens in one module.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_REPO = ROOT / "examples" / "template-repo"
BAD = "Здравствуйте!\n\nМы ценим каждого клиента.\n"  # client-lowercase: an error
SNAPSHOT = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "src", "lexicons")

try:
    import pre_commit  # noqa: F401
except ImportError:  # pragma: no cover
    pytestmark = pytest.mark.skip(reason="pre-commit не установлен: pip install -e '.[test]'")


def _git(*args, cwd: Path) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.ru",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.ru"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


def _pre_commit(*args, cwd: Path, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=1800)


@pytest.fixture(scope="module")
def repos(tmp_path_factory):
    """(this project committed in a scratch git repo at a fixed sha, the template repo)."""
    base = tmp_path_factory.mktemp("precommit")
    project = base / "replylint"
    project.mkdir()
    for name in SNAPSHOT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, project / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(src, project / name)
    _git("init", "-q", cwd=project)
    _git("add", "-A", cwd=project)
    _git("commit", "-qm", "snapshot", cwd=project)
    sha = _git("rev-parse", "HEAD", cwd=project)
    templates = base / "templates"
    shutil.copytree(TEMPLATE_REPO, templates)
    (templates / "templates" / "email" / "bad.txt").write_text(BAD, encoding="utf-8")
    _git("init", "-q", cwd=templates)
    _git("add", "-A", cwd=templates)
    return project, sha, templates, base / "home"


def test_manifest_and_example_config_are_valid(repos):
    project, _, templates, home = repos
    r = _pre_commit("validate-manifest", str(project / ".pre-commit-hooks.yaml"), cwd=project, home=home)
    assert r.returncode == 0, r.stdout + r.stderr
    r = _pre_commit("validate-config", ".pre-commit-config.yaml", cwd=templates, home=home)
    assert r.returncode == 0, r.stdout + r.stderr


def test_try_repo_fails_on_bad_template_and_passes_on_good(repos):
    project, sha, templates, home = repos
    good = _pre_commit("try-repo", str(project), "replylint", "--ref", sha,
                       "--files", "templates/email/catalogue.txt", "templates/email/late-delivery.j2",
                       cwd=templates, home=home)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout

    bad = _pre_commit("try-repo", str(project), "replylint", "--ref", sha, "--all-files",
                      cwd=templates, home=home)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert "templates/email/bad.txt:3:18 error client-lowercase" in bad.stdout
    # the other templates were checked in the same run and are clean
    assert "templates/email/catalogue.txt: оценка 10/10" in bad.stdout
    assert "templates/sms/order-ready.txt: оценка 10/10" in bad.stdout
    assert "README.md: оценка" not in bad.stdout  # excluded by the repo's .replylint.toml


def test_hook_file_patterns():
    """The hook's `files` regex takes texts, e-mails and templates, not batch data."""
    import re

    import yaml

    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "replylint" and hook["language"] == "python"
    assert hook["types"] == ["text"]
    pattern = re.compile(hook["files"])
    for name in ("a.txt", "b.eml", "c.j2", "d.jinja2", "e.html", "f.md", "g.mustache", "h.hbs",
                 "i.liquid", "j.tmpl"):
        assert pattern.search(name), name
    for name in ("data.csv", "batch.jsonl", "script.py", "a.txt.bak"):
        assert not pattern.search(name), name
