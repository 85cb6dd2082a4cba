"""What a rule sees: the parsed ``Doc`` plus everything about the message.

Rules never re-tokenise or re-parse: the draft (and the incoming message,
when given) are parsed once by the shared pipeline and handed over here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from . import lexicon
from .normalize import Normalized
from .model import Severity
from .options import Options

_OPEN_QUOTES = {"«": "»", "„": "“", "“": "”", '"': '"'}


@dataclass
class Hit:
    """A rule's raw finding, in analysed-text offsets."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    fix: str | None = None  # safe replacement for exactly [start, end)
    rewrite: tuple[int, int, str] | None = None  # (start, end, text): a rewrite a person applies
    unsafe: bool = False  # ``fix`` is only likely right: applied under --fix --unsafe-fixes
    severity: Severity | None = None  # this hit's own severity (else the rule's)


def _offsets(obj) -> tuple[int, int]:
    if hasattr(obj, "idx") and not hasattr(obj, "start_char"):
        return obj.idx, obj.idx + len(obj.text)
    return obj.start_char, obj.end_char


class Context:
    def __init__(self, doc, norm: Normalized, *, channel: str, incoming: str | None,
                 options: Options, nlp, path: str | None = None) -> None:
        self.doc = doc
        self.path = path  # where the message comes from (for warnings), if known
        self.norm = norm
        self.text = norm.text
        self.channel = channel
        self.incoming = incoming
        self.options = options
        self._nlp = nlp

    # --- structure ------------------------------------------------------
    @cached_property
    def sentences(self) -> list:
        """Sentences that contain at least one non-space token."""
        return [s for s in self.doc.sents if any(not t.is_space for t in s)]

    def sentence_index(self, token) -> int:
        for k, sent in enumerate(self.sentences):
            if sent.start <= token.i < sent.end:
                return k
        return -1

    @cached_property
    def incoming_doc(self):
        """The Клиент's message parsed by the same pipeline (or None)."""
        if not self.incoming or not self.incoming.strip():
            return None
        return self._nlp(self.incoming)

    def parse(self, text: str):
        """Any text parsed by the same pipeline (a rule checks its own rewrite)."""
        return self._nlp(text)

    # --- who is speaking --------------------------------------------------
    @cached_property
    def _quoted(self) -> list[bool]:
        """Per token: inside quotation marks."""
        flags = [False] * len(self.doc)
        stack: list[str] = []
        for t in self.doc:
            ch = t.text
            if stack and ch == stack[-1]:
                flags[t.i] = True
                stack.pop()
                continue
            if ch in _OPEN_QUOTES and (ch != '"' or not stack):
                stack.append(_OPEN_QUOTES[ch])
                flags[t.i] = True
                continue
            flags[t.i] = bool(stack)
        return flags

    def is_quoted(self, token) -> bool:
        """The token is inside quotation marks (the Клиент's own words, a name)."""
        return self._quoted[token.i]

    @cached_property
    def _consequence_words(self) -> frozenset[str]:
        return lexicon.words("common", "consequence_words")

    @cached_property
    def _speech_verbs(self) -> frozenset[str]:
        return lexicon.words("common", "speech_verbs")

    def is_reported(self, token) -> bool:
        """The token is in a clause reporting what the Клиент said or wrote
        («Вы написали, что заказ не пришёл»)."""
        node = token
        for _ in range(12):
            head = node.head
            if head.i == node.i:
                return False
            if node.dep_ in ("conj", "ccomp", "parataxis") and any(c.lemma_ in self._consequence_words and c.i < node.i
                                           for c in node.children):
                return False  # «Вы не отметили, что …, поэтому мы не можем …»: our conclusion
            if node.dep_ in ("ccomp", "parataxis", "obj", "advcl", "csubj") and head.lemma_ in self._speech_verbs:
                if "Mood=Imp" in str(head.morph) and any(c.lower_ == "ли" for c in node.children):
                    return False  # «Уточните, соответствует ли …»: the company's own yes/no question
                subj = [c for c in head.children if c.dep_.startswith("nsubj")]
                if subj:
                    return subj[0].lemma_ in ("вы", "ты", "клиент", "покупатель")
                return "Person=2" in str(head.morph) or ("Number=Plur" in str(head.morph) and "Tense=Past" in str(head.morph))
            node = head
        return False

    def company_speaks(self, token) -> bool:
        return not self.is_quoted(token) and not self.is_reported(token)

    # --- building findings ------------------------------------------------
    def hit(self, start, end=None, message: str = "", *, suggestion=None, fix=None, rewrite=None,
            unsafe: bool = False, severity: Severity | None = None) -> Hit:
        """A finding over a token, a span, or explicit analysed offsets.

        ``rewrite`` is ``(where, text)``: ``where`` a token, a span or a
        ``(start, end)`` pair of analysed offsets that ``text`` replaces (an
        empty range inserts). Without an explicit ``suggestion`` the rewrite
        text is the suggestion shown to the user. ``unsafe``: ``fix`` is only
        likely right (``check --fix`` applies it with ``--unsafe-fixes`` only).
        ``severity`` overrides the rule's own for this hit.
        """
        if not isinstance(start, int):
            start, end = _offsets(start)
        rw = None
        if rewrite is not None:
            where, text = rewrite
            w_start, w_end = where if isinstance(where, tuple) else _offsets(where)
            rw = (w_start, w_end, text)
            if suggestion is None:
                suggestion = text.strip()
        return Hit(start, end, message, suggestion, fix, rw, unsafe, severity)

    @staticmethod
    def sentence_text(sent) -> str:
        return sent.text.strip()
