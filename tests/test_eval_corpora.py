"""The in-sample evaluation corpora (eval/) do not regress.

These sets were written by people who never saw the rules (eval/README.md);
their errors have since been read and covered by construction classes, so
they guard against a change that breaks a class. heldout8 to heldout10 also
train the second-opinion models; their floors are lower where the models'
own thresholds leave room (eval/README.md). The last blind estimate is a set
outside eval/ and is never asserted on.
"""

from pathlib import Path

import pytest

from replylint.evaluate import evaluate_corpus

EVAL = Path(__file__).resolve().parents[1] / "eval"

# (set, lowest F1 any rule may have, lowest precision any rule may have)
FLOORS = [
    ("heldout.jsonl", 0.95, 0.95),
    ("heldout2.jsonl", 0.9, 0.9),
    ("heldout3.jsonl", 0.85, 0.9),
    ("heldout4.jsonl", 0.9, 0.9),
    ("heldout5.jsonl", 0.85, 0.9),
    ("heldout6.jsonl", 0.95, 0.95),
    ("heldout7.jsonl", 0.85, 0.95),
    ("heldout8.jsonl", 0.85, 0.85),
    ("heldout9.jsonl", 0.85, 0.85),
    ("heldout10.jsonl", 0.95, 0.95),
    ("heldout11.jsonl", 0.85, 0.9),  # opened in session 16; its misses not yet covered by class
    ("heldout13.jsonl", 0.8, 0.75),  # opened in session 17 (blind in 16); a floor, not a level
    ("heldout15.jsonl", 0.85, 0.85),  # opened in session 18 (blind at its start and after its first changes)
    ("heldout16.jsonl", 0.8, 0.85),  # opened in session 19 (blind in 18); refusal and missing-apology ≈ 0.85
    ("heldout17.jsonl", 0.7, 0.7),  # opened in session 20 (blind in 19); blame 0.73, distrust 0.80 when opened
]


@pytest.mark.parametrize("name,f1_floor,precision_floor", FLOORS)
def test_every_rule_keeps_its_level(name, f1_floor, precision_floor):
    result = evaluate_corpus(str(EVAL / name))
    low = {rule: (s["precision"], s["f1"]) for rule, s in result["rules"].items()
           if s["f1"] < f1_floor or s["precision"] < precision_floor}
    assert not low, f"{name}: (precision, F1) below ({precision_floor}, {f1_floor}): {low}"
