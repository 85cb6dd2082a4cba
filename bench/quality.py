"""Print the README's quality table: per-rule F1 on labelled corpora.

    python bench/quality.py ../shared/corpus/dev.jsonl eval/heldout4.jsonl …

One column per corpus, each cell «F1 (precision / recall)»; a rule with no
positive record and no false positive in a corpus shows «—».
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from replylint.evaluate import evaluate_corpus  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="+")
    args = ap.parse_args()
    results = [evaluate_corpus(path) for path in args.corpora]
    names = [Path(p).stem for p in args.corpora]
    print("| rule | " + " | ".join(f"{n} ({r['messages']})" for n, r in zip(names, results)) + " |")
    print("|---|" + "---|" * len(results))
    for rule in results[0]["rules"]:
        cells = []
        for r in results:
            s = r["rules"][rule]
            if s["tp"] + s["fn"] + s["fp"] == 0:
                cells.append("—")
            else:
                cells.append(f"{s['f1']:.2f} ({s['precision']:.2f} / {s['recall']:.2f})")
        print(f"| `{rule}` | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
