"""The library API: ``lint(text, ...) -> Report``.

read → normalise → NLP → rules → findings (mapped back to the original text).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from . import lexicon
from . import rules as rules_pkg
from . import second_opinion
from .context import Context
from .rewrite import restore_placeholders
from .model import Finding, Fix, LineIndex, Report, Severity
from .normalize import Normalized, normalize
from .options import Options, channel_name

if TYPE_CHECKING:  # pragma: no cover
    from .config import ConfigLike

# How much one finding lowers the 0–10 score (documented in the README).
SCORE_WEIGHTS = {Severity.ERROR: 3.0, Severity.WARNING: 1.0, Severity.INFO: 0.25}


@dataclass
class Message:
    """One message to lint, as read from a file, a batch record or stdin."""

    text: str
    path: str | None = None
    id: str | int | None = None
    channel: str = "email"
    incoming: str | None = None
    norm: Normalized | None = None  # set by format readers (e-mail, HTML…)
    extra: dict | None = None  # extra keys for the JSON result (e.g. "encoding")
    record: dict | None = None  # the batch record it came from (labels for eval)


def score(findings: Iterable[Finding]) -> float:
    penalty = sum(SCORE_WEIGHTS[f.severity] for f in findings)
    return round(max(0.0, 10.0 - penalty), 1)


def selected_rules(options: Options) -> list[rules_pkg.Rule]:
    """Instances of the rules this run uses."""
    out = []
    for rule_id in rules_pkg.rule_ids():
        cls = rules_pkg.get_rule_class(rule_id)
        if options.select is not None:
            if rule_id not in options.select:
                continue
        elif not cls.default_enabled and not (rule_id == "grammar" and options.grammar):
            continue
        if rule_id in options.ignore:
            continue
        out.append(_instance(cls))
    return out


_instances: dict[tuple, rules_pkg.Rule] = {}


def _instance(cls):
    # Rules may build matchers from lexicons in __init__: a new set of company
    # lexicon directories means new instances.
    key = (cls, lexicon.extra_dirs())
    if key not in _instances:
        _instances[key] = cls()
    return _instances[key]


def _findings(ctx: Context, active: list, options: Options) -> list[Finding]:
    norm = ctx.norm
    index = LineIndex(norm.original)
    out: list[Finding] = []
    seen = set()
    for rule in active:
        configured = options.severity.get(rule.id)
        hits = list(rule.check(ctx) or ())
        if not hits and options.second_opinion and rule.id in second_opinion.RULES:
            hits = [h for h in [second_opinion.check(ctx, rule.id)] if h is not None]
        for hit in hits:
            if hit.end < hit.start or norm.is_masked(hit.start, hit.end):
                continue
            o_start, o_end = norm.to_original(hit.start, hit.end)
            key = (rule.id, o_start, o_end)
            if key in seen or norm.is_suppressed(rule.id, o_start):
                continue
            seen.add(key)
            fix = unsafe_fix = None
            if (hit.fix is not None and norm.original[o_start:o_end] != hit.fix
                    and norm.is_contiguous(hit.start, hit.end)):
                if hit.unsafe:
                    unsafe_fix = Fix(o_start, o_end - o_start, hit.fix)
                else:
                    fix = Fix(o_start, o_end - o_start, hit.fix)
            rewrite = None
            suggestion = hit.suggestion
            if hit.rewrite is not None:
                # template placeholders inside the rewritten stretch are kept
                r_text = restore_placeholders(norm, *hit.rewrite)
                if r_text is not None:
                    r_start, r_end = norm.to_original(hit.rewrite[0], hit.rewrite[1])
                    rewrite = Fix(r_start, r_end - r_start, r_text)
                    if suggestion is not None and suggestion == hit.rewrite[2].strip():
                        suggestion = r_text.strip()
            line, col = index.line_col(o_start)
            end_line, end_col = index.line_col(o_end)
            out.append(
                Finding(
                    rule=rule.id,
                    severity=configured or hit.severity or rule.severity,
                    message=hit.message,
                    offset=o_start,
                    length=o_end - o_start,
                    text=norm.original[o_start:o_end],
                    suggestion=suggestion,
                    fix=fix,
                    rewrite=rewrite,
                    unsafe_fix=unsafe_fix,
                    line=line,
                    column=col,
                    end_line=end_line,
                    end_column=end_col,
                )
            )
    out.sort(key=lambda f: (f.offset, -f.severity, f.rule))
    return out


def lint_messages(messages: Iterable[Message], options: Options | None = None,
                  batch_size: int = 256, jobs: int | None = None) -> Iterator[Report]:
    """Lint many messages, parsing them in batches (``nlp.pipe``); with
    ``jobs`` > 1 a big batch is shared among worker processes (same order)."""
    from . import parallel

    options = options or Options()
    messages = list(messages)
    if parallel.worth_it(len(messages), jobs):
        lexicon.set_extra_dirs(options.lexicon_dirs)
        yield from parallel.lint_parallel(messages, options, jobs, batch_size)
        return
    yield from _lint_serial(messages, options, batch_size)


def _lint_serial(messages: list[Message], options: Options, batch_size: int) -> Iterator[Report]:
    from .nlp import get_nlp

    lexicon.set_extra_dirs(options.lexicon_dirs)
    active = selected_rules(options)
    nlp = get_nlp()
    norms = [m.norm or normalize(m.text) for m in messages]
    docs = nlp.pipe((n.text for n in norms), batch_size=batch_size)
    incoming = _IncomingParser(nlp, [m.incoming for m in messages], batch_size)
    for position, (message, norm, doc) in enumerate(zip(messages, norms, docs)):
        incoming.position = position
        ctx = Context(doc, norm, channel=message.channel, incoming=message.incoming,
                      options=options, nlp=incoming, path=message.path)
        findings = _findings(ctx, active, options)
        report = Report(text=message.text, findings=findings, channel=message.channel,
                        path=message.path, id=message.id, score=score(findings))
        if message.extra:
            report.extra.update(message.extra)
        if norm.warnings:
            report.extra["warnings"] = list(report.extra.get("warnings", [])) + norm.warnings
        yield report


class _IncomingParser:
    """Stands in for the pipeline in :class:`Context` to parse the Клиент's
    messages: the first one a rule asks for is parsed together with the
    following messages' ones (one ``nlp.pipe`` batch), and each distinct text
    once. Nothing is parsed when no rule looks at the incoming message."""

    def __init__(self, nlp, texts: list, batch_size: int) -> None:
        self._nlp = nlp
        self._texts = texts
        self._batch = batch_size
        self._docs: dict = {}
        self.position = 0

    def __call__(self, text: str):
        doc = self._docs.get(text)
        if doc is None:
            ahead = dict.fromkeys(t for t in self._texts[self.position:self.position + self._batch]
                                  if t and t.strip() and t not in self._docs)
            ahead[text] = None
            if len(self._docs) > 4 * self._batch:
                self._docs.clear()
            self._docs.update(zip(ahead, self._nlp.pipe(ahead, batch_size=self._batch)))
            doc = self._docs[text]
        return doc

    def __getattr__(self, name):
        return getattr(self._nlp, name)


def lint(text: str, *, channel: str | None = None, incoming: str | None = None,
         config: "ConfigLike | Options" = None, options: Options | None = None,
         path: str | None = None) -> Report:
    """Lint one draft reply and return its :class:`Report`.

    - ``channel``: ``"email"`` or ``"sms"``; by default the config's
      ``channels`` glob for ``path``, else ``"email"``.
    - ``incoming``: the Клиент's message being answered (context for
      ``missing-apology``).
    - ``config``: a path to a config file (``pyproject.toml`` with
      ``[tool.replylint]`` or a ``.replylint.toml``), a loaded
      :class:`replylint.config.Config` (``replylint.config.load(path)``), or
      ``None`` for the defaults. No config file is searched for implicitly.
    - ``options``: ready :class:`Options` instead of a config (``config`` may
      also be an ``Options``).
    - ``path``: where the draft lives, for the config's ``per-file-ignores``
      and ``channels`` and for ``Report.path``.

    Raises :class:`replylint.config.ConfigError` for a bad config file and
    ``ValueError`` for an unknown channel.
    """
    from .config import resolve

    if isinstance(config, Options):
        options, config = config, None
    if options is None:
        cfg = resolve(config)
        options = cfg.options(path)
        if channel is None:
            channel = cfg.channel_for(path)
    name = channel_name(channel or "email")
    if name is None:
        raise ValueError(f"неизвестный канал «{channel}» (ожидается email, chat или sms)")
    channel = name
    return next(lint_messages([Message(text, path=path, channel=channel, incoming=incoming)], options))
