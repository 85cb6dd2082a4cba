"""``--jobs N``: lint a big batch in worker processes, in input order.

The parent loads the NLP pipeline and the rules first, then forks the
workers, so they start warm and share the loaded models copy-on-write; the
messages reach them through the fork as well (only index ranges are sent).
Chunks come back in order (``imap``), so the output is the same as a serial
run. Small inputs stay in-process: a process costs more than a few drafts.
Where ``fork`` is not available the work stays in-process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from typing import Iterator

# Below this many messages a batch is linted in-process.
MIN_PARALLEL = 200
CHUNK = 128  # messages per task

_state: tuple | None = None  # (messages, options, batch_size), inherited by the workers


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def worth_it(n_messages: int, jobs: int | None) -> bool:
    return bool(jobs and jobs > 1 and n_messages >= MIN_PARALLEL and can_fork())


def _work(span: tuple[int, int]) -> list:
    from .engine import _lint_serial

    messages, options, batch_size = _state
    return list(_lint_serial(messages[span[0]:span[1]], options, batch_size))


def lint_parallel(messages: list, options, jobs: int, batch_size: int) -> Iterator:
    """Reports for ``messages`` from ``jobs`` worker processes, in order."""
    global _state
    from .engine import selected_rules
    from .nlp import get_nlp
    from .nlp.lemmas import analyzer
    from .nlp.slovnet_fast import get_models

    # Warm up in the parent, so that every worker inherits it.
    get_nlp()
    get_models()
    analyzer()
    selected_rules(options)

    n = len(messages)
    jobs = min(jobs, max(1, n // CHUNK))
    size = max(16, min(CHUNK, -(-n // (jobs * 4))))
    spans = [(start, min(n, start + size)) for start in range(0, n, size)]
    _state = (messages, options, batch_size)
    ctx = multiprocessing.get_context("fork")
    try:
        with ctx.Pool(jobs) as pool:
            for reports in pool.imap(_work, spans, chunksize=1):
                yield from reports
    finally:
        _state = None
