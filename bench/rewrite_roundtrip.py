"""Measure how well `replylint rewrite` resolves what `check` finds.

For every record of a labelled corpus on which replylint finds something:
rewrite the draft, check the result again, and count the record as resolved
when none of the rules that fired on the original fire on the rewrite
(placeholders in [brackets] are allowed) and no new error-level finding
appears. Prints the share of resolved records and the ones that were not.

    python bench/rewrite_roundtrip.py ../shared/corpus/dev.jsonl
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from replylint.engine import Message, lint_messages  # noqa: E402
from replylint.fixes import rewrite_message  # noqa: E402
from replylint.inputs import InputError, read_path  # noqa: E402
from replylint.model import Severity  # noqa: E402
from replylint.options import Options  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--verbose", "-v", action="store_true", help="print every unresolved record")
    args = ap.parse_args()
    options = Options()
    items = list(read_path(args.corpus))
    errors = [m for m in items if isinstance(m, InputError)]
    for err in errors:
        print(f"rewrite_roundtrip: {err}", file=sys.stderr)
    if errors:
        return 2
    messages = items
    before = list(lint_messages(messages, options))
    with_findings = [(m, r) for m, r in zip(messages, before) if r.findings]
    rewritten = [Message(rewrite_message(m, options), path=m.path, id=m.id, channel=m.channel,
                         incoming=m.incoming) for m, _ in with_findings]
    after = list(lint_messages(rewritten, options))
    resolved = 0
    for (m, r0), new, r1 in zip(with_findings, rewritten, after):
        old_rules = r0.rules_fired()
        still = old_rules & r1.rules_fired()
        new_errors = {f.rule for f in r1.findings if f.severity == Severity.ERROR} - old_rules
        if not still and not new_errors:
            resolved += 1
        elif args.verbose:
            print(f"--- {m.id}: still {sorted(still)}, new errors {sorted(new_errors)}")
            print(f"    before: {m.text!r}")
            print(f"    after:  {new.text!r}")
    total = len(with_findings)
    share = resolved / total if total else 1.0
    print(f"records with findings: {total}; resolved by rewrite: {resolved} ({share:.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
