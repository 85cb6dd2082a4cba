"""Would a second-opinion model help a rule? Measure it before building it.

    pip install -e '.[train]'
    python eval/combined.py rarity-excuse refusal          # any rule ids
    python eval/combined.py distrust --recent h16a,h16b,h17a,h17b

For each rule it trains, leaving one writer out at a time, a model over the
features ``second_opinion`` gives that rule (``visible`` sentences plus
``context_features``), scores each left-out draft as the deployed model would
(guarded sentences left out, the same gates), and prints the F1 of the rule's
own constructions alone and of "constructions, plus the model where they are
silent" per threshold — on all hand-labelled writers, on the most recent ones
(whose misses the constructions were least tuned to) and on the older ones —
with how often the model's additions are right and how many there are.

Session 20 built the rarity-excuse and missing-apology models on what this
showed (eval/README.md): a model is worth having where the combined F1 on the
recent writers rises across a range of thresholds. A rule id not yet in
``second_opinion.RULES`` is scored with the generic gates; missing-apology's
model has its own (see ``second_opinion._unapologetic``) and is measured
here with the generic ones.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

import train as T  # noqa: E402
from replylint import second_opinion as SO  # noqa: E402
from replylint.context import Context  # noqa: E402
from replylint.engine import Message, lint_messages  # noqa: E402
from replylint.nlp import get_nlp  # noqa: E402
from replylint.normalize import normalize  # noqa: E402
from replylint.options import Options, channel_name  # noqa: E402

GRID = [round(0.2 + 0.05 * k, 2) for k in range(16)]
RECENT = "h15a,h15b,h16a,h16b,h17a,h17b"


def main(argv=None) -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from replylint.rules.blame_shifting import _answers_trouble

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rules", nargs="+")
    ap.add_argument("--recent", default=RECENT, help=f"writers counted as recent (default {RECENT})")
    args = ap.parse_args(argv)
    recent = set(args.recent.split(","))

    paths = [ROOT.parent / "shared" / "corpus" / "dev.jsonl", *sorted((ROOT / "eval").glob("heldout*.jsonl"))]
    records = T.load_records(paths) + T.rule_labelled(ROOT.parent / "shared" / "corpus" / "real-rutube.jsonl")
    groups = np.array([T.writer(r["id"]) for r in records])
    labelled = np.array([not r.get("_rule_labelled") for r in records])

    options = Options(second_opinion=False, select=frozenset(args.rules))
    messages = [Message(r["text"], channel=channel_name(r.get("channel", "email")) or "email",
                        incoming=r.get("incoming")) for r in records]
    cons = {rule: np.zeros(len(records), bool) for rule in args.rules}
    for k, report in enumerate(lint_messages(messages, options)):
        for f in report.findings:
            if f.rule in cons:
                cons[f.rule][k] = True

    nlp = get_nlp()
    train_f = {r: [] for r in args.rules}
    score_f = {r: [] for r in args.rules}
    gate = {r: [] for r in args.rules}
    norms = [normalize(r["text"]) for r in records]
    for rec, norm, doc in zip(records, norms, nlp.pipe((n.text for n in norms), batch_size=64)):
        ctx = Context(doc, norm, channel=channel_name(rec.get("channel", "email")) or "email",
                      incoming=rec.get("incoming"), options=Options(), nlp=nlp)
        for rule in args.rules:
            seen = SO.visible(ctx, rule)
            context = SO.context_features(ctx, rule)
            train_f[rule].append(dict.fromkeys(set().union(context, *(f for _, f in seen)), 1))
            kept = [(s, f) for s, f in seen if not SO._guarded(rule, s)]
            gate[rule].append(bool(kept) and SO._enough_text(ctx) and not SO._answered(ctx, rule) and not (
                rule in SO.TROUBLE_RULES and not _answers_trouble(ctx)))
            score_f[rule].append(dict.fromkeys(set().union(context, *(f for _, f in kept)), 1))

    for rule in args.rules:
        y = np.array([rule in r["labels"] for r in records])
        oof = np.zeros(len(records))
        for g in sorted(set(groups)):
            test = groups == g
            vec = DictVectorizer()
            X = vec.fit_transform([f for f, t in zip(train_f[rule], test) if not t])
            model = LogisticRegression(C=T.C, max_iter=5000, class_weight="balanced").fit(X, y[~test])
            oof[test] = model.predict_proba(vec.transform([f for f, t in zip(score_f[rule], test) if t]))[:, 1]
        g_ok = np.array(gate[rule])
        print(f"== {rule}: F1 combined / precision of the additions (how many), by threshold")
        for name, mask in (("all", labelled), ("recent", np.isin(groups, list(recent))),
                           ("older", labelled & ~np.isin(groups, list(recent)))):
            base, yy = cons[rule][mask], y[mask]
            row = [f"constructions {_f1(base, yy):.2f}"]
            for t in GRID:
                pred = base | (g_ok[mask] & (oof[mask] >= t))
                added = pred & ~base
                right = (added & yy).sum() / max(added.sum(), 1)
                row.append(f"{t:.2f}: {_f1(pred, yy):.2f} / {right:.2f} ({added.sum()})")
            print(f"  {name:7}", " · ".join(row))
    return 0


def _f1(pred, y) -> float:
    tp, fp, fn = (pred & y).sum(), (pred & ~y).sum(), (~pred & y).sum()
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


if __name__ == "__main__":
    raise SystemExit(main())
