"""``replylint eval``: per-rule precision, recall and F1 on a labelled corpus.

Labels are per message (../shared/corpus/README.md): a rule either fires
somewhere in the text or it does not.
"""

from __future__ import annotations

from .engine import lint_messages
from .inputs import InputError, read_path
from .options import Options
from .rules import rule_ids


def evaluate_corpus(path: str, rules: list[str] | None = None) -> dict:
    messages = []
    for item in read_path(path):
        if isinstance(item, InputError):
            raise item
        messages.append(item)
    labels = {m.id: set((m.record or {}).get("labels") or []) for m in messages}
    wanted = rules or [r for r in rule_ids() if r != "grammar"]
    options = Options(select=frozenset(wanted))
    per_rule = {r: {"tp": 0, "fp": 0, "fn": 0, "fp_ids": [], "fn_ids": []} for r in wanted}
    for report in lint_messages(messages, options):
        fired = report.rules_fired()
        gold = labels.get(report.id, set())
        for r in wanted:
            if r in fired and r in gold:
                per_rule[r]["tp"] += 1
            elif r in fired:
                per_rule[r]["fp"] += 1
                per_rule[r]["fp_ids"].append(report.id)
            elif r in gold:
                per_rule[r]["fn"] += 1
                per_rule[r]["fn_ids"].append(report.id)
    for r, s in per_rule.items():
        p = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else (1.0 if not s["fn"] else 0.0)
        rec = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else 1.0
        s["precision"], s["recall"] = round(p, 3), round(rec, 3)
        s["f1"] = round(2 * p * rec / (p + rec), 3) if p + rec else 0.0
    return {"corpus": path, "messages": len(messages), "rules": per_rule}


def format_table(result: dict, show_errors: bool = False) -> str:
    lines = [f"{'правило':<18} {'TP':>4} {'FP':>4} {'FN':>4} {'точн.':>6} {'полн.':>6} {'F1':>6}"]
    for r, s in result["rules"].items():
        lines.append(f"{r:<18} {s['tp']:>4} {s['fp']:>4} {s['fn']:>4} "
                     f"{s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f}")
        if show_errors and (s["fp_ids"] or s["fn_ids"]):
            if s["fp_ids"]:
                lines.append(f"    ложные: {', '.join(map(str, s['fp_ids']))}")
            if s["fn_ids"]:
                lines.append(f"    пропуски: {', '.join(map(str, s['fn_ids']))}")
    lines.append(f"Сообщений: {result['messages']}")
    return "\n".join(lines)
