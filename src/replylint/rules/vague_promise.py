"""Обещание без конкретного срока: «постараемся», «в ближайшее время», «скоро».

Что делает
----------
Находит обещания без срока: «постараемся», «попробуем», «попытаемся» (форма
будущего времени от первого лица), «по возможности», «в ближайшее время»,
«в кратчайшие сроки», «как можно скорее», «при первой возможности», «скоро»,
«на днях», «позже», «как только, так сразу», «со дня на день», «в обозримом
будущем» — в том числе в пассиве и от третьего лица («заказ будет доставлен
в ближайшее время», «мастер скоро приедет») — если в том же предложении нет
конкретной даты или времени. Дата и время распознаются по морфологии: часы
(«14:00»), даты («8 августа», «01.02»), «сегодня», «завтра», дни недели,
число со словом времени («3 дня», «двух недель») и сроки с предлогом
(«через час», «в течение суток», «до конца дня»). Дата считается сроком,
только если говорит, КОГДА («откроем в декабре», «до пятницы»), а не какой
предмет имеется в виду («расписание на декабрь», «заказ от 12 мая»).
Советы Клиенту («попробуйте позже»), рассказы о прошлом («на днях мы
обновили приложение») и цитаты не считаются.

Почему это важно
----------------
Стандарт 000, §4: «Мы всегда держим слово, и даже больше… пообещав Клиенту
перезвонить, мы перезваниваем в назначенное время». Стандарт 002: «Я посмотрю
на это и свяжусь с вами в течение 3 рабочих дней» — это в миллион раз лучше
обещания без срока.

Примеры
-------
Срабатывает:
- Постараемся решить вопрос в кратчайшие сроки.
- Мастер скоро с Вами свяжется.
- Заказ пришёл вчера. Деньги за доставку вернём в ближайшее время.
- Отчёт за март будет готов в ближайшее время.
Не срабатывает:
- Постараемся перезвонить сегодня до 16:30.
- Деньги вернём в ближайшее время, не позднее пятницы.
- Заменим товар в течение трёх дней.
- Попробуйте зайти в приложение позже.
"""

from __future__ import annotations

from .. import lexicon
from .. import rewrite as rw
from ..model import Severity
from . import Rule
from ._ru import clause_window, fold, has_lemma, is_imperative, is_past, matches, parses, person
from ._time import deadline_tokens


class VaguePromise(Rule):
    __doc__ = __doc__
    id = "vague-promise"
    severity = Severity.WARNING
    seed = "000 §4, 002"

    def check(self, ctx):
        effort = lexicon.words("vague_promise", "effort_verbs")
        effort_impf = lexicon.words("vague_promise", "effort_verbs_imperfective")
        needs_verb = set(lexicon.load("vague_promise").get("needs_verb", []))
        for sent in ctx.sentences:
            found = []
            for label, span in matches("vague_promise", "patterns", sent):
                if not self._counts(ctx, span):
                    continue
                if label in needs_verb and not any(
                        t.pos_ in ("VERB", "AUX") and not is_past(t) for t in clause_window(span.root, sent)):
                    continue
                found.append(span)
            for tok in sent:
                if _is_effort_promise(tok, effort, effort_impf) and ctx.company_speaks(tok):
                    start = tok.i
                    if start > sent.start and fold(sent.doc[start - 1].text) in ("будем", "буду"):
                        start -= 1  # «будем стараться»
                    found.append(sent.doc[start:tok.i + 1])
            if not found or deadline_tokens(sent):
                continue
            rewrite = _rewrite(sent, found, effort, effort_impf)
            for span in sorted(found, key=lambda s: s.start):
                yield ctx.hit(span, message=(
                    f"Обещание без срока: «{span.text}». Назовите конкретную дату или время, "
                    "например «сегодня до [время]»."), rewrite=rewrite)

    @staticmethod
    def _counts(ctx, span) -> bool:
        doc = span.doc
        first = span[0]
        if not ctx.company_speaks(first):
            return False
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and fold(after.text) == "ли":
            return False  # «скоро ли приедет заказ?» is a question
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and fold(before.text) in ("не", "ни"):
            return False  # «не позже 18:00»
        window = [t for t in clause_window(span.root) if not (span.start <= t.i < span.end)]
        if any(t.pos_ not in ("ADP", "PUNCT", "ADV") and is_imperative(t) for t in window) \
                and not any(person(t) == "1" and t.pos_ == "VERB" for t in window):
            return False  # «по возможности укажите номер заказа» — a request to the Клиент
        verb = _governing_verb(span.root)
        if verb is not None and verb.i in {t.i for t in clause_window(span.root)}:
            if is_past(verb) and not _future_passive(verb):
                return False  # a report of the past («на днях мы обновили …»)
            if is_imperative(verb) and "Ind" not in verb.morph.get("Mood"):
                return False  # advice to the Клиент («попробуйте позже»)
        return True


_FUTURE_AUX = {"будет", "будут", "будем", "буду", "будете", "будешь"}


def _future_passive(verb) -> bool:
    """«будет доставлен», «будут возвращены» — a passive promise in the future."""
    if any(fold(c.text) in _FUTURE_AUX for c in verb.children if c.dep_.startswith("aux") or c.i < verb.i):
        return True
    doc = verb.doc
    return any(fold(doc[j].text) in _FUTURE_AUX for j in range(max(0, verb.i - 3), verb.i))


def _governing_verb(tok):
    """The finite verb the phrase belongs to (infinitives are passed through:
    «попробуйте зайти позже» → «попробуйте»)."""
    node = tok
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") and "Inf" not in node.morph.get("VerbForm"):
            return node
        if node.head.i == node.i:
            break
        node = node.head
    return None


def _is_effort_promise(tok, effort, effort_impf) -> bool:
    """«постараемся», «попробую» (1st person future), «будем стараться»."""
    if not has_lemma(tok, effort | effort_impf):
        return False
    for p in parses(tok):
        if fold(p.normal_form) in effort and {"1per", "futr"} <= p.tag.grammemes:
            return "Imp" not in tok.morph.get("Mood") or "1" in tok.morph.get("Person")
    if has_lemma(tok, effort_impf) and "Inf" in tok.morph.get("VerbForm"):
        return any(fold(c.text) in ("будем", "буду") for c in tok.children) or (
            tok.i > 0 and fold(tok.doc[tok.i - 1].text) in ("будем", "буду"))
    return False


# --- the rewrite: a concrete deadline ------------------------------------------

def _rewrite(sent, found, effort, effort_impf):
    """One edit for the whole sentence, shared by its findings: the effort
    verbs dropped and the infinitive after them in the 1st person plural
    («постараемся перечислить» → «перечислим»), vague times replaced by a
    deadline («в ближайшее время» → «до [дата]»), hedges («по возможности»)
    dropped; with no vague time the deadline ends the promise's clause.
    ``(where, text)`` for ``ctx.hit``, or None."""
    doc = sent.doc
    conf = rw.templates("vague-promise")
    dropped_labels = set(conf.get("dropped", []))
    labels = {span.start: label for label, span in matches("vague_promise", "patterns", sent)}
    ops: dict[int, str] = {}
    verbs = []
    timed = False
    clause_end = None
    for span in sorted(found, key=lambda s: s.start):
        last = span[-1]
        if _is_effort_promise(last, effort, effort_impf):
            inf = _infinitive_after(last, sent)
            for t in span:
                ops[t.i] = ""
            if inf is not None:
                ops[inf.i] = rw.to_we(inf)
                verbs.append(inf)
                clause_end = clause_end or _clause_end(inf, sent)
            else:
                ops[last.i] = "{effort_alone}"
                clause_end = clause_end or last
            continue
        verb = _governing_verb(span.root)
        if verb is not None:
            verbs.append(verb)
        verbs += [t for t in clause_window(span.root, sent) if t.pos_ in ("VERB", "AUX")]
        if labels.get(span.start) in dropped_labels:
            for t in span:
                ops[t.i] = ""
            nxt = doc[span.end] if span.end < sent.end else None
            if nxt is not None and nxt.text == ",":
                ops[nxt.i] = ""
            clause_end = clause_end or _clause_end(verb or span.root, sent)
            continue
        first = span.start
        if first - 1 >= sent.start and doc[first - 1].pos_ == "ADP" and (
                doc[first - 1].head.i in range(span.start, span.end) or span[0].pos_ in ("NOUN", "ADJ")):
            first -= 1  # «в течение нескольких дней»: the preposition goes with it
        for j in range(first, span.end):
            ops[j] = ""
        ops[first] = "{deadline}"
        timed = True
        window = [t for t in clause_window(span.root, sent) if not t.is_punct]
        if all(span.start <= t.i < span.end for t in window):
            # a clause of its own («Как только сможем, свяжемся»): its comma
            # goes, and the promise is the verb of the next clause
            if span.end < sent.end and doc[span.end].text == ",":
                ops[span.end] = ""
            elif first - 1 >= sent.start and doc[first - 1].text == ",":
                ops[first - 1] = ""  # «Вернём деньги, как только сможем.»
            verbs[:0] = [t for t in sent if t.pos_ in ("VERB", "AUX") and not span.start <= t.i < span.end]
    deadline = _deadline(verbs, conf)
    if not timed and clause_end is not None:
        if "{effort_alone}" not in ops.values():
            ops[clause_end.i] = ops.get(clause_end.i, clause_end.text) + " {deadline}"
    if not ops:
        return None
    first, last = min(ops), max(ops)
    start_of_sentence = rw.starts_sentence(doc[first])
    if start_of_sentence and ops.get(first) == "":
        # the dropped first words: the next word starts the sentence now
        j = first
        while j < sent.end and ops.get(j) == "":
            j += 1
        last = max(last, min(j, sent.end - 1))
    text = rw.rebuild(doc, first, last, ops)
    alone = rw.templates("vague-promise").get("effort_alone", "{deadline}")
    text = text.replace("{effort_alone}", alone).replace("{deadline}", deadline)
    text = rw.capitalise_first(text) if start_of_sentence else text
    if first > sent.start and not doc[first - 1].whitespace_ and doc[first].is_punct and text[:1].isalnum():
        text = " " + text  # «деньги, как только сможем» → «деньги до [дата]»
    return (doc[first].idx, doc[last].idx + len(doc[last].text)), text


def _infinitive_after(tok, sent):
    """The infinitive an effort verb governs: «постараемся (как можно скорее)
    перечислить»."""
    doc = sent.doc
    for j in range(tok.i + 1, min(sent.end, tok.i + 5)):
        t = doc[j]
        if t.is_punct and t.text != "-":
            return None
        if t.pos_ in ("VERB", "AUX", "NOUN", "ADJ", "X") and any(p.tag.POS == "INFN" for p in parses(t)):
            return t
    return None


def _clause_end(tok, sent):
    """The last word of the comma-bounded stretch of ``tok``."""
    window = [t for t in clause_window(tok, sent) if not t.is_punct]
    return window[-1] if window else tok


def _deadline(verbs, conf) -> str:
    today_verbs = frozenset(fold(v) for v in conf.get("today_verbs", []))
    for verb in verbs:
        if has_lemma(verb, today_verbs):
            return conf.get("today", "сегодня до [время]")
    return conf.get("date", "до [дата]")
