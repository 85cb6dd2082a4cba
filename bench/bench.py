"""replylint speed benchmark: one table, side by side with textlint + prh.

    python bench/bench.py                      # the full run (a few minutes)
    python bench/bench.py --sizes 2000 --linear 500,5000 --runs 5
    python bench/bench.py --no-textlint        # replylint only
    python bench/bench.py --profile 2000       # pyinstrument profile of an in-process batch

What it measures (wall time; medians of ``--runs`` runs where a row says so):
- cold ``replylint check draft.txt`` (a fresh process, no daemon), ``replylint --help``;
- a repeated ``replylint check draft.txt`` while ``replylint daemon`` runs;
- batch throughput (drafts/s, the whole command: start-up included) and peak
  memory (all processes of the run: sum of PSS, sampled, and the largest RSS)
  on directories of N dev-like drafts (``bench/drafts.py``: generated from
  ../shared/corpus/dev.jsonl, nothing big is shipped), one ``.txt`` per draft;
- the time for 1,000 and for 10,000 drafts (linear cost: the ratio);
- the same for textlint + textlint-rule-prh, installed with npm into a
  temporary folder, with a prh dictionary generated from every word in
  ``lexicons/`` in all its inflected forms (pymorphy3) — skipped with a note
  when npm is not available.

replylint runs from this checkout (``src/`` first on ``PYTHONPATH``), with a
private daemon directory, so a daemon you use is not touched.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from drafts import distinct_sentence_share, make_drafts  # noqa: E402


# --- running and measuring ----------------------------------------------------------

def _children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                out += [int(c) for c in fh.read().split()]
    except OSError:
        pass
    return out


def _tree(pid: int) -> list[int]:
    todo, seen = [pid], []
    while todo:
        p = todo.pop()
        seen.append(p)
        todo += _children(p)
    return seen


def _mem_kib(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in KiB, 0 if gone."""
    pss = rss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss = int(line.split()[1])
    except OSError:
        pass
    return pss, rss


class Run:
    def __init__(self, wall: float, code: int, peak_pss_mib: float, peak_rss_mib: float, out: str, err: str):
        self.wall, self.code, self.peak_pss, self.peak_rss, self.out, self.err = (
            wall, code, peak_pss_mib, peak_rss_mib, out, err)


TIMEOUT = 900.0


def run(cmd: list[str], *, env=None, cwd=None, memory: bool = False, stdin=None,
        timeout: float | None = None) -> Run:
    """Run a command; wall time and (if ``memory``) peak memory of its process
    tree. Past ``timeout`` seconds the tree is stopped and ``code`` is None."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=out, stderr=err,
                                stdin=subprocess.DEVNULL if stdin is None else stdin,
                                start_new_session=True)
        peak_pss = peak_rss = 0
        stopped = False
        while memory or timeout:
            if proc.poll() is not None:
                break
            if memory:
                pss = rss = 0
                for p in _tree(proc.pid):
                    a, b = _mem_kib(p)
                    pss += a
                    rss = max(rss, b)
                peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
            if timeout and time.perf_counter() - start > timeout:
                os.killpg(proc.pid, 9)
                stopped = True
                break
            time.sleep(0.02)
        code = proc.wait()
        if stopped:
            code = None
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        return Run(wall, code, peak_pss / 1024, peak_rss / 1024,
                   out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


def median_wall(cmd, runs: int, **kw) -> float:
    run(cmd, **kw)  # warm the page cache
    return statistics.median(run(cmd, **kw).wall for _ in range(runs))


# --- replylint ----------------------------------------------------------------------

class Replylint:
    name = "replylint"

    def __init__(self, workdir: Path, jobs: int | None) -> None:
        self.env = dict(os.environ)
        self.env["PYTHONPATH"] = str(ROOT / "src") + (os.pathsep + self.env["PYTHONPATH"]
                                                     if self.env.get("PYTHONPATH") else "")
        rundir = workdir / "daemon"
        rundir.mkdir(mode=0o700, exist_ok=True)
        self.env["REPLYLINT_DAEMON_DIR"] = str(rundir)
        self.env.pop("REPLYLINT_NO_DAEMON", None)
        # as after `pip install`: the checkout's bytecode compiled once, not
        # recompiled by every run (PYTHONDONTWRITEBYTECODE would do that)
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")],
                       env=self.env, check=False, stdout=subprocess.DEVNULL)
        self.cmd = [sys.executable, "-m", "replylint"]
        self.jobs = ["--jobs", str(jobs)] if jobs else []

    def check(self, *args) -> list[str]:
        return [*self.cmd, "check", *args]

    def cold(self, draft: Path, runs: int) -> float:
        return median_wall(self.check("--no-daemon", str(draft)), runs, env=self.env)

    def help(self, runs: int) -> float:
        return median_wall([*self.cmd, "--help"], runs, env=self.env)

    def repeated(self, draft: Path, runs: int) -> tuple[float, float]:
        """(daemon start time, median repeated check with the daemon running)."""
        started = run([*self.cmd, "daemon", "start"], env=self.env)
        if started.code != 0:
            raise RuntimeError(f"replylint daemon start failed: {started.err.strip()}")
        try:
            return started.wall, median_wall(self.check(str(draft)), runs, env=self.env)
        finally:
            run([*self.cmd, "daemon", "stop"], env=self.env)

    def batch(self, directory: Path) -> Run:
        r = run(self.check("--no-daemon", "--format", "json", *self.jobs, str(directory)),
                env=self.env, memory=True, timeout=TIMEOUT)
        if r.code not in (0, 1, None):
            raise RuntimeError(f"replylint failed ({r.code}): {r.err.strip()[:500]}")
        return r

    def version(self) -> str:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True).stdout.strip()
        v = run([*self.cmd, "--version"], env=self.env).out.strip()
        return f"{v} ({commit})" if commit else v


# --- textlint + prh -----------------------------------------------------------------

def lexicon_words() -> list[str]:
    """Every Cyrillic word or phrase (2+ letters) in lexicons/*.toml."""
    found: dict[str, None] = {}

    def walk(x):
        if isinstance(x, str):
            v = x.strip()
            if re.fullmatch(r"[а-яёА-ЯЁ][а-яёА-ЯЁ\- ]*[а-яёА-ЯЁ]", v) and len(v.split()) <= 5:
                found[v.lower()] = None
        elif isinstance(x, list):
            for v in x:
                walk(v)
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)

    for path in sorted((ROOT / "lexicons").glob("*.toml")):
        with path.open("rb") as fh:
            walk(tomllib.load(fh))
    return list(found)


def prh_yaml(words: list[str]) -> tuple[str, int]:
    """A prh dictionary: one rule per lexicon entry, matching all its forms
    (lower case and capitalised) as whole words. Returns (yaml, forms)."""
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    lines = ["version: 1", "rules:"]
    n_forms = 0
    for entry in words:
        forms = {entry}
        if " " not in entry:
            parses = [p for p in morph.parse(entry) if p.is_known]
            if parses:
                forms |= {f.word for f in parses[0].lexeme}
        variants = sorted({v for f in forms for v in (f, f[:1].upper() + f[1:])}, key=len, reverse=True)
        n_forms += len(variants)
        alternation = "|".join(re.escape(v).replace("\\ ", " ").replace("\\-", "-") for v in variants)
        pattern = f"/(?<![а-яёА-ЯЁ])(?:{alternation})(?![а-яёА-ЯЁ])/"
        lines.append(f"  - expected: {json.dumps('«' + entry + '»', ensure_ascii=False)}")
        lines.append(f"    pattern: {json.dumps(pattern, ensure_ascii=False)}")
    return "\n".join(lines) + "\n", n_forms


class Textlint:
    name = "textlint + prh"

    def __init__(self, workdir: Path) -> None:
        self.dir = workdir / "textlint"
        self.dir.mkdir()
        self.env = dict(os.environ)

    def install(self) -> str:
        (self.dir / "package.json").write_text('{"name": "bench", "private": true}\n')
        r = run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                 "textlint", "textlint-rule-prh"], cwd=self.dir)
        if r.code != 0:
            raise RuntimeError(f"npm install failed: {r.err.strip()[:300]}")
        words = lexicon_words()
        yaml, n_forms = prh_yaml(words)
        (self.dir / "prh.yml").write_text(yaml, encoding="utf-8")
        (self.dir / ".textlintrc.json").write_text(json.dumps({"rules": {"prh": {"rulePaths": ["./prh.yml"]}}}))
        versions = []
        for pkg in ("textlint", "textlint-rule-prh"):
            meta = json.loads((self.dir / "node_modules" / pkg / "package.json").read_text())
            versions.append(f"{pkg} {meta['version']}")
        return f"{', '.join(versions)}; prh dictionary: {len(words)} lexicon entries, {n_forms} word forms"

    def cmd(self, *args) -> list[str]:
        return [str(self.dir / "node_modules" / ".bin" / "textlint"),
                "--config", str(self.dir / ".textlintrc.json"), *args]

    def cold(self, draft: Path, runs: int) -> float:
        return median_wall(self.cmd(str(draft)), runs, cwd=self.dir)

    def help(self, runs: int) -> float:
        return median_wall(self.cmd("--help"), runs, cwd=self.dir)

    def batch(self, directory: Path) -> Run:
        r = run(self.cmd("--format", "json", str(directory)), cwd=self.dir, memory=True, timeout=TIMEOUT)
        if r.code not in (0, 1, None):
            raise RuntimeError(f"textlint failed ({r.code}): {r.err.strip()[:500]}")
        return r


# --- the table ----------------------------------------------------------------------

def write_drafts(directory: Path, drafts) -> None:
    directory.mkdir()
    width = len(str(len(drafts)))
    for d in drafts:
        (directory / f"{d['id']:0{width}d}.txt").write_text(d["text"] + "\n", encoding="utf-8")


def fmt_s(x: float | None) -> str:
    return "—" if x is None else (f"{x:.3f} s" if x < 1 else f"{x:.2f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="2000,10000", help="batch sizes for throughput and memory")
    ap.add_argument("--linear", default="1000,10000", help="two sizes for the linear-cost ratio")
    ap.add_argument("--runs", type=int, default=7, help="runs per median")
    ap.add_argument("--jobs", type=int, default=None, help="replylint --jobs (default: all cores)")
    ap.add_argument("--no-textlint", action="store_true", help="replylint only")
    ap.add_argument("--keep", metavar="DIR", help="keep the drafts and installs in DIR")
    ap.add_argument("--timeout", type=float, default=900.0, help="stop a batch run after this many seconds")
    ap.add_argument("--profile", type=int, metavar="N", help="profile N drafts in-process and exit")
    ap.add_argument("--rules", type=int, metavar="N", help="CPU time per rule on N drafts and exit")
    args = ap.parse_args()

    if args.profile:
        return profile(args.profile)
    if args.rules:
        return rule_times(args.rules)

    global TIMEOUT
    TIMEOUT = args.timeout
    sizes = [int(s) for s in args.sizes.split(",") if s]
    linear = [int(s) for s in args.linear.split(",") if s]
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="replylint-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        return _bench(work, sizes, linear, args)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _bench(work: Path, sizes, linear, args) -> int:
    every = sorted(set(sizes) | set(linear))
    biggest = make_drafts(max(every))
    dirs = {}
    for n in every:
        dirs[n] = work / f"drafts-{n}"
        if not dirs[n].exists():
            write_drafts(dirs[n], biggest[:n])
    draft = work / "draft.txt"
    draft.write_text(biggest[0]["text"] + "\n", encoding="utf-8")

    tools = [Replylint(work, args.jobs)]
    notes = [f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
             f"load average at start {os.getloadavg()[0]:.2f}",
             f"replylint: {tools[0].version()}, --jobs {args.jobs or 'default (all cores)'}",
             f"drafts: dev-like, {sum(len(d['text']) for d in biggest) / len(biggest):.0f} characters on average, "
             f"{distinct_sentence_share(biggest) * 100:.0f}% distinct sentences in {len(biggest)}"]
    if not args.no_textlint:
        if shutil.which("npm") and shutil.which("node"):
            tl = Textlint(work)
            try:
                notes.append(tl.install())
                tools.append(tl)
            except RuntimeError as exc:
                notes.append(f"textlint column skipped: {exc}")
        else:
            notes.append("textlint column skipped: npm/node not available")

    rows: list[tuple[str, list[str]]] = []
    results: dict[str, dict] = {t.name: {} for t in tools}
    for t in tools:
        r = results[t.name]
        print(f"… {t.name}: cold start", file=sys.stderr)
        r["cold"] = t.cold(draft, args.runs)
        r["help"] = t.help(args.runs)
        print(f"    cold {r['cold']:.3f} s, --help {r['help']:.3f} s", file=sys.stderr)
        if isinstance(t, Replylint):
            print(f"… {t.name}: daemon", file=sys.stderr)
            r["daemon_start"], r["repeated"] = t.repeated(draft, max(args.runs, 10))
            print(f"    daemon start {r['daemon_start']:.2f} s, repeated {r['repeated']:.3f} s", file=sys.stderr)
        for n in every:
            print(f"… {t.name}: {n} drafts", file=sys.stderr)
            r[n] = t.batch(dirs[n])
            print(f"    {r[n].wall:.2f} s{' (stopped)' if r[n].code is None else ''}, "
                  f"{n / r[n].wall:.0f} drafts/s, PSS {r[n].peak_pss:.0f} MiB, RSS {r[n].peak_rss:.0f} MiB",
                  file=sys.stderr)

    def cells(fn):
        return [fn(results[t.name]) for t in tools]

    rows.append(("cold `check draft.txt`, median wall", cells(lambda r: fmt_s(r["cold"]))))
    rows.append(("`--help`, median wall", cells(lambda r: fmt_s(r["help"]))))
    rows.append(("repeated `check draft.txt`, daemon running, median wall",
                 cells(lambda r: fmt_s(r.get("repeated")))))
    for n in sizes:
        rows.append((f"throughput, {n:,} drafts (whole command)",
                     cells(lambda r, n=n: f"{n / r[n].wall:,.0f} drafts/s" if r[n].code is not None
                           else f"< {n / r[n].wall:,.0f} drafts/s (stopped after {r[n].wall:.0f} s)")))
        rows.append((f"peak memory, {n:,} drafts (PSS of all processes / largest RSS)",
                     cells(lambda r, n=n: f"{r[n].peak_pss:,.0f} / {r[n].peak_rss:,.0f} MiB")))
    if len(linear) == 2:
        a, b = linear
        rows.append((f"time for {a:,} / {b:,} drafts",
                     cells(lambda r: f"{fmt_s(r[a].wall)} / {fmt_s(r[b].wall)}"
                           + (" (stopped)" if r[b].code is None else ""))))
        rows.append((f"cost ratio {b // a}× drafts (linear: ≤ {b // a * 1.1:g})",
                     cells(lambda r: f"{r[b].wall / r[a].wall:.2f}×" if r[b].code is not None
                           else f"> {r[b].wall / r[a].wall:.2f}× (stopped)")))
    if len(tools) == 2:
        n = max(sizes)
        other = results[tools[1].name][n]
        ratio = (n / results["replylint"][n].wall) / (n / other.wall)
        notes.append(f"replylint / textlint throughput on {n:,} drafts: {'≥ ' if other.code is None else ''}"
                     f"{ratio:.2f}×" + (" (textlint stopped at the time limit)" if other.code is None else ""))

    header = ["measure", *[t.name for t in tools]]
    table = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    table += ["| " + " | ".join([name, *vals]) + " |" for name, vals in rows]
    print("\n".join(table))
    print()
    for note in notes:
        print(f"- {note}")
    print(f"- peak RSS of the benchmark's own children (getrusage): "
          f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:,.0f} MiB")
    return 0


def profile(n: int) -> int:
    """Where an in-process batch spends its time (pyinstrument)."""
    sys.path.insert(0, str(ROOT / "src"))
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("pip install pyinstrument", file=sys.stderr)
        return 2
    from replylint.engine import Message, lint_messages
    from replylint.options import Options

    drafts = make_drafts(n)
    messages = [Message(d["text"], id=d["id"], channel=d["channel"], incoming=d["incoming"]) for d in drafts]
    profiler = Profiler(interval=0.001)
    profiler.start()
    reports = list(lint_messages(messages, Options()))
    profiler.stop()
    print(profiler.output_text(unicode=True, color=False, show_all=False))
    print(f"{len(reports)} reports, {sum(len(r.findings) for r in reports)} findings")
    return 0


def rule_times(n: int) -> int:
    """CPU time per draft: each rule's ``check``, and the rest of the pipeline."""
    import collections

    sys.path.insert(0, str(ROOT / "src"))
    from replylint.engine import Message, lint_messages, selected_rules
    from replylint.options import Options

    drafts = make_drafts(n)
    messages = [Message(d["text"], id=d["id"], channel=d["channel"], incoming=d["incoming"]) for d in drafts]
    list(lint_messages(messages[:20], Options()))  # load everything first
    spent: collections.Counter = collections.Counter()
    for rule in selected_rules(Options()):
        original = type(rule).check

        def timed(self, ctx, _original=original, _id=rule.id):
            start = time.process_time()
            hits = list(_original(self, ctx) or ())
            spent[_id] += time.process_time() - start
            return hits

        type(rule).check = timed
    start = time.process_time()
    list(lint_messages(messages, Options()))
    total = time.process_time() - start
    rules = sum(spent.values())
    print(f"| part | ms per draft (CPU, {n} drafts, one process) |\n|---|---|")
    print(f"| everything | {total / n * 1000:.2f} |")
    print(f"| NLP, normalising, findings (all but rules) | {(total - rules) / n * 1000:.2f} |")
    print(f"| all rules | {rules / n * 1000:.2f} |")
    for rule_id, seconds in spent.most_common():
        print(f"| `{rule_id}` | {seconds / n * 1000:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
