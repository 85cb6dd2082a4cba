"""Train the second-opinion models (src/replylint/second_opinion.py).

    pip install -e '.[train]'
    python eval/train.py                      # dev.jsonl + eval/heldout*.jsonl
    python eval/train.py --leave-out h9a --leave-out h9b   # keep writers blind

For each rule in ``second_opinion.RULES`` it fits a logistic regression
(scikit-learn, L2, balanced classes) on the features of every labelled draft,
and writes ``lexicons/models/<rule>.json``. The threshold is chosen on
out-of-fold predictions, leaving one writer out at a time (a writer is the id
prefix: ``dev``, ``heldout``, ``h2`` … ``h8b``): the lowest threshold from 0.3
up where those predictions are right at least as often as the rule's
precision target (``[precision]`` in ``lexicons/second_opinion.toml``). The out-of-fold figures are stored beside the weights.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from replylint import second_opinion  # noqa: E402
from replylint.context import Context  # noqa: E402
from replylint.nlp import get_nlp  # noqa: E402
from replylint.normalize import normalize  # noqa: E402
from replylint.options import Options, channel_name  # noqa: E402

C = 2.0  # inverse regularisation strength (chosen by leave-one-writer-out average precision)
PRUNE = 0.02  # smaller weights are left out of the file (same blind figures, half the load time)
GRID = [round(0.3 + 0.025 * k, 3) for k in range(28)]


def writer(record_id: str) -> str:
    return re.sub(r"-\d+$", "", record_id)


def load_records(paths: list[Path]) -> list[dict]:
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    rec["_corpus"] = path.stem
                    out.append(rec)
    return out


def rule_labelled(path: Path) -> list[dict]:
    """Every second draft of ``path``, labelled with what the rules' own
    constructions find (the second opinion off); the writer is the file."""
    from replylint.engine import Message, lint_messages

    drafts = load_records([path])[::2]
    options = Options(second_opinion=False, select=frozenset(second_opinion.RULES))
    messages = [Message(r["text"], channel=channel_name(r.get("channel", "email")) or "email",
                        incoming=r.get("incoming")) for r in drafts]
    for k, (rec, report) in enumerate(zip(drafts, lint_messages(messages, options))):
        rec["id"] = f"{path.stem}-{2 * k + 1:04d}"
        rec["labels"] = sorted({f.rule for f in report.findings})
        rec["_rule_labelled"] = True
    return drafts


def record_features(records: list[dict]) -> dict[str, list[dict[str, int]]]:
    """Per rule, the features its model reads in each draft."""
    nlp = get_nlp()
    options = Options()
    norms = [normalize(r["text"]) for r in records]
    out: dict[str, list[dict[str, int]]] = {rule: [] for rule in second_opinion.RULES}
    for rec, norm, doc in zip(records, norms, nlp.pipe((n.text for n in norms), batch_size=64)):
        ctx = Context(doc, norm, channel=channel_name(rec.get("channel", "email")) or "email",
                      incoming=rec.get("incoming"), options=options, nlp=nlp)
        for rule in second_opinion.RULES:
            feats = set().union(second_opinion.context_features(ctx, rule),
                                *(f for _, f in second_opinion.visible(ctx, rule)))
            out[rule].append(dict.fromkeys(sorted(feats), 1))
    return out


def precision_recall(y, scores, t):
    pred = scores >= t
    tp = int((pred & y).sum())
    fp = int((pred & ~y).sum())
    fn = int((~pred & y).sum())
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv=None) -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", type=Path,
                    help="labelled corpora (default: ../shared/corpus/dev.jsonl and eval/heldout*.jsonl)")
    ap.add_argument("--leave-out", action="append", default=[], metavar="WRITER",
                    help="leave this writer's records (id prefix, e.g. h9a) out of training")
    ap.add_argument("--rule-labelled", action="append", default=[], type=Path, metavar="JSONL",
                    help="unlabelled drafts (every second one, from the first) labelled by the rules' own "
                         "constructions, so that the model also learns what ordinary answers look like")
    ap.add_argument("--out", type=Path, default=ROOT / "lexicons" / "models")
    args = ap.parse_args(argv)

    paths = args.corpora or [ROOT.parent / "shared" / "corpus" / "dev.jsonl",
                             *sorted((ROOT / "eval").glob("heldout*.jsonl"))]
    records = [r for r in load_records(paths) if writer(r["id"]) not in args.leave_out]
    for path in args.rule_labelled:
        records += rule_labelled(path)
    groups = np.array([writer(r["id"]) for r in records])
    labelled = np.array([not r.get("_rule_labelled") for r in records])
    print(f"{len(records)} drafts, writers: {', '.join(sorted(set(groups)))}", file=sys.stderr)
    features = record_features(records)
    args.out.mkdir(parents=True, exist_ok=True)

    for rule in second_opinion.RULES:
        feats = features[rule]
        y = np.array([rule in r["labels"] for r in records])
        if y.all() or not y.any():
            print(f"{rule}: skipped, the drafts do not have both labels", file=sys.stderr)
            continue
        oof = np.zeros(len(records))
        for g in sorted(set(groups)):
            test = groups == g
            if len(set(y[~test])) < 2:  # the other writers have one label only
                oof[test] = float(y[~test].mean())
                continue
            vec = DictVectorizer()
            X = vec.fit_transform([f for f, t in zip(feats, test) if not t])
            model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(X, y[~test])
            oof[test] = model.predict_proba(vec.transform([f for f, t in zip(feats, test) if t]))[:, 1]
        # the threshold is measured on the hand-labelled writers only
        target = second_opinion.precision_target(rule)
        yl, ol = y[labelled], oof[labelled]
        threshold = next((t for t in GRID if precision_recall(yl, ol, t)[0] >= target), GRID[-1])
        p, r, f1 = precision_recall(yl, ol, threshold)

        vec = DictVectorizer()
        X = vec.fit_transform(feats)
        model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(X, y)
        weights = {name: round(float(w), 4) for name, w in zip(vec.feature_names_, model.coef_[0])
                   if abs(w) >= PRUNE}
        data = {
            "rule": rule,
            "kind": "logistic regression over replylint.second_opinion.sentence_features",
            "trained": datetime.date.today().isoformat(),
            "trained_on": {p.stem: sum(1 for r in records if r["_corpus"] == p.stem)
                           for p in [*paths, *args.rule_labelled]},
            "left_out": args.leave_out,
            "positives": int(y.sum()),
            "C": C,
            "precision_target": target,
            "threshold": threshold,
            "leave_one_writer_out": {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3)},
            "bias": round(float(model.intercept_[0]), 4),
            "weights": dict(sorted(weights.items())),
        }
        path = args.out / f"{rule}.json"
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        tmp.replace(path)
        print(f"{rule}: threshold {threshold}, leave-one-writer-out P {p:.2f} R {r:.2f} F1 {f1:.2f}, "
              f"{len(weights)} weights -> {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
