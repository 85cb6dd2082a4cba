"""Обещание без конкретного срока: «постараемся», «в ближайшее время», «скоро».

Что делает
----------
Находит обещания без срока: «постараемся», «попробуем», «попытаемся» (форма
будущего времени от первого лица), «по возможности», «в ближайшее время»,
«в кратчайшие сроки», «как можно скорее», «при первой возможности», «скоро»,
«на днях», «позже», «как только, так сразу», «со дня на день», «в обозримом
будущем» — в том числе в пассиве и от третьего лица («заказ будет доставлен
в ближайшее время», «мастер скоро приедет») — если в том же предложении нет
конкретной даты или времени. Так же считаются обещания усилий вместо
результата («сделаем всё возможное», «приложим все усилия»), сроки,
привязанные к тому, когда у компании появятся силы или время («как только
освободится мастер», «когда дойдут руки», «если будет возможность», «по мере
поступления»), сроки, привязанные к внешнему событию без даты («ремонт
сделаем, как только придут детали», «как только придёт ответ, сообщим» — если
во всём ответе нет ни даты, ни времени и событие не шаг самого Клиента: «как
только Вы пришлёте фото»), «ожидайте звонка в ближайшие дни», и сроки без
названия («в установленный срок», «в сроки, предусмотренные договором»). Дата и время распознаются по морфологии: часы
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
- Сделаем всё возможное, чтобы курьер приехал быстрее.
- Вернём разницу, как только освободится бухгалтер.
- Ответ будет направлен Вам в установленный срок.
- Ремонт закончим, как только придут запчасти.
Не срабатывает:
- Постараемся перезвонить сегодня до 16:30.
- Деньги вернём в ближайшее время, не позднее пятницы.
- Заменим товар в течение трёх дней.
- Попробуйте зайти в приложение позже.
- Посылка будет в отделении 14 марта; как только она придёт, пришлём СМС.
- Заказ будет готов на день позже, 14 ноября.
"""

from __future__ import annotations

from .. import lexicon
from .. import rewrite as rw
from ..model import Severity
from . import Rule
from ._ru import (clause_window, fold, has_lemma, is_imperative, is_negated, is_number, is_past, matches, parses,
                  person)
from ._time import concrete_time_tokens, deadline_tokens


class VaguePromise(Rule):
    __doc__ = __doc__
    id = "vague-promise"
    severity = Severity.WARNING
    seed = "000 §4, 002"

    def check(self, ctx):
        conf = lexicon.load("vague_promise")
        effort = lexicon.words("vague_promise", "effort_verbs")
        effort_impf = lexicon.words("vague_promise", "effort_verbs_imperfective")
        needs_verb = set(conf.get("needs_verb", []))
        needs_promise = set(conf.get("needs_promise", []))
        we_first = set(conf.get("we_verb_first", []))
        undated = None
        for sent in ctx.sentences:
            found = []
            for label, span in matches("vague_promise", "patterns", sent):
                if not self._counts(ctx, span):
                    continue
                if label in needs_verb and not any(
                        _verbish(t) and not is_past(t) for t in clause_window(span.root, sent)):
                    continue
                if label in needs_promise and not any(_promise_verb(t, span) for t in sent):
                    continue
                if label in we_first and not _we_first(span, effort | effort_impf):
                    continue
                if label == "soon" and _compared(span):
                    continue
                if label in needs_promise and span[-1].right_edge.i >= span.end:
                    # «по мере поступления на склад»: the whole phrase
                    end = span[-1].right_edge.i + 1
                    if all(not sent.doc[j].is_punct for j in range(span.end, end)):
                        span = sent.doc[span.start:end]
                found.append(span)
            for span in _capacity_clauses(sent):
                if ctx.company_speaks(span[0]) and not _overlaps(span, found):
                    found.append(span)
            if undated is None:  # any date or time in the draft anchors the event («будет 14 марта»)
                undated = not any(concrete_time_tokens(list(s)) for s in ctx.sentences)
            if undated:
                for span in _outside_events(sent):
                    if ctx.company_speaks(span[0]) and not _overlaps(span, found):
                        found.append(span)
            for tok in sent:
                if _is_effort_promise(tok, effort, effort_impf) and ctx.company_speaks(tok):
                    start = tok.i
                    if start > sent.start and fold(sent.doc[start - 1].text) in ("будем", "буду"):
                        start -= 1  # «будем стараться»
                    span = sent.doc[start:tok.i + 1]
                    if not _overlaps(span, found):
                        found.append(span)
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
        if any(t.pos_ not in ("ADP", "PUNCT", "ADV") and _you_imperative(t) and not _wait(t) for t in window) \
                and not any(_we_verb(t) for t in window):
            return False  # «по возможности укажите номер заказа» — a request to the Клиент
        verb = _governing_verb(span.root)
        if verb is not None and verb.i in {t.i for t in clause_window(span.root)}:
            if is_past(verb) and not _future_passive(verb):
                return False  # a report of the past («на днях мы обновили …»)
            if _you_imperative(verb) and "Ind" not in verb.morph.get("Mood") and not _wait(verb):
                return False  # advice to the Клиент («попробуйте позже»); «ожидайте звонка скоро» promises
        return True


def _we_verb(tok) -> bool:
    """The company's own verb, 1st person and not past: «решим», «запишем»,
    «делаем» — also where the tagger reads it as an imperative or an adverb
    (pymorphy3 holds the 1st-person reading of the word form)."""
    if tok.pos_ in ("PUNCT", "NUM", "PRON", "ADP", "CCONJ", "SCONJ", "PART", "DET"):
        return False
    return any(p.tag.POS == "VERB" and ("1per" in p.tag or "incl" in p.tag) and "past" not in p.tag
               for p in parses(tok)[:3])


def _you_imperative(tok) -> bool:
    """An imperative addressed to the Клиент (not «запишем» = «let us»)."""
    return is_imperative(tok) and not _we_verb(tok)


def _verbish(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") or _we_verb(tok)


def _promise_verb(tok, span) -> bool:
    """A verb of a promise outside ``span``: the company's own, a future
    passive («будет отправлен»), or a 3rd-person future («мастер приедет») —
    not past, not an infinitive, not addressed to the Клиент."""
    if span.start <= tok.i < span.end:
        return False
    if _we_verb(tok):
        return True
    if tok.pos_ not in ("VERB", "AUX") or "Inf" in tok.morph.get("VerbForm"):
        return False
    if is_past(tok) and not _future_passive(tok):
        return False
    return not _you_imperative(tok) and person(tok) != "2"


def _we_first(span, effort) -> bool:
    """«сделаем всё возможное», «будет сделано всё возможное», «постараемся
    сделать всё возможное» — the company promises the effort itself."""
    verb = span[0]
    if fold(verb.text) in _FUTURE_AUX:
        return True
    if _we_verb(verb):
        return True
    if "Inf" in verb.morph.get("VerbForm") or any(p.tag.POS == "INFN" for p in parses(verb)[:1]):
        doc = verb.doc
        return any(fold(doc[j].text) in _FUTURE_AUX or _we_verb(doc[j]) and has_lemma(doc[j], effort)
                   for j in range(max(verb.sent.start, verb.i - 3), verb.i))
    return False


def _compared(span) -> bool:
    """«на день позже», «позже обычного», «позже, чем …» compare two times:
    no vague term is promised."""
    if not any(fold(t.text) in ("позже", "позднее", "попозже") for t in span):
        return False
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and (fold(nxt.text) == "чем" or (
            "Gen" in nxt.morph.get("Case") and nxt.pos_ in ("NOUN", "ADJ", "PRON", "DET", "NUM"))):
        return True
    units = lexicon.words("time", "units")
    before = [doc[j] for j in range(max(span.sent.start, span.start - 4), span.start)]
    return any(fold(t.text) == "на" for t in before) and any(
        has_lemma(t, units) or is_number(t) for t in before)


def _overlaps(span, found) -> bool:
    return any(span.start < f.end and f.start < span.end for f in found)


def _capacity_clauses(sent):
    """«как только у бухгалтерии дойдут руки», «когда освободится мастер»,
    «если у нас будет возможность»: a clause whose event is the company's own
    capacity freeing up, in a sentence that promises something. The span runs
    from the marker to the last word of the event."""
    conf = lexicon.load("vague_promise")
    markers = frozenset(fold(w) for w in conf.get("event_markers", []))
    verbs = frozenset(fold(w) for w in conf.get("capacity_verbs", []))
    subject_verbs = frozenset(fold(w) for w in conf.get("capacity_subject_verbs", []))
    nouns = frozenset(fold(w) for w in conf.get("capacity_nouns", []))
    doc = sent.doc
    for tok in sent:
        word = fold(tok.text)
        if word not in markers:
            continue
        if word in ("как", "лишь") and not (tok.i + 1 < sent.end and fold(doc[tok.i + 1].text) == "только"):
            # bare «как» only right before the event verb («как освободимся»)
            if word == "лишь" or not (tok.i + 1 < sent.end and has_lemma(doc[tok.i + 1], verbs | subject_verbs)):
                continue
        if tok.i > sent.start and fold(doc[tok.i - 1].text) in ("так", "тогда", "то"):
            continue  # «так как» is «because»
        window = [t for t in clause_window(tok, sent) if t.i > tok.i]
        if any(has_lemma(t, {"вы", "ты"}) for t in window):
            continue  # the Клиент's capacity: a condition on the Клиент
        pred = None
        for t in window:
            if is_negated(t) or not _verbish(t):
                continue
            if is_past(t) or person(t) == "2":
                continue
            if has_lemma(t, verbs):
                pred, last = t, t
                break
            if has_lemma(t, subject_verbs):
                noun = next((n for n in window if has_lemma(n, nouns) and n.pos_ in ("NOUN", "ADJ")), None)
                if noun is not None:
                    if noun.pos_ == "ADJ" and noun.head.i > noun.i and noun.head in window:
                        noun = noun.head  # «свободный мастер»
                    pred, last = t, max(t, noun, key=lambda x: x.i)
                    break
        if pred is None:
            continue
        for c in pred.children:
            if c.dep_.startswith("nsubj") and c.i > last.i and c in window:
                last = c  # «когда освободится мастер»
        span = doc[tok.i:last.i + 1]
        if not any(_promise_verb(t, span) for t in sent if t.i not in {w.i for w in window}):
            continue
        yield span


def _wait(tok) -> bool:
    """«Ожидайте звонка», «ждите курьера»: an imperative of waiting."""
    return has_lemma(tok, lexicon.words("vague_promise", "wait_verbs"))


def _outside_events(sent):
    """«Ремонт сделаем, как только придут диски», «Как только придёт ответ, мы
    сообщим», «Вернём вещи, как только они высохнут»: a promise bound to an
    outside event with no date. The span runs from the marker to the event's
    verb (or its subject after it). Skipped: the Клиент's own step (a 2nd-person
    word or a payment or paper in the event clause), negated or past events,
    and sentences without a promise of the company outside the clause."""
    conf = lexicon.load("vague_promise")
    markers = [tuple(fold(w) for w in m.split()) for m in conf.get("outside_event_markers", [])]
    client_side = frozenset(fold(w) for w in conf.get("client_side_nouns", []))
    doc = sent.doc
    toks = [t for t in sent if not t.is_space and t.text != ","]
    for k, tok in enumerate(toks):
        marker = next((m for m in markers if tuple(fold(t.text) for t in toks[k:k + len(m)]) == m), None)
        if marker is None or (k > 0 and fold(toks[k - 1].text) in ("так", "тогда", "то")):
            continue
        after = toks[k + len(marker) - 1]
        window = [t for t in clause_window(after, sent) if t.i > after.i]
        if not window:
            continue
        if any(has_lemma(t, {"вы", "ты", "ваш", "твой"}) or has_lemma(t, client_side) for t in window):
            continue  # the Клиент's own step is a condition on the Клиент
        # the event's verb, also where the tagger took it for an adjective («высохнут», «пришлёт»)
        event = next((t for t in window if (t.pos_ in ("VERB", "AUX") and "Inf" not in t.morph.get("VerbForm"))
                      or any(p.tag.POS == "VERB" for p in parses(t)[:1])), None)
        if event is None or is_negated(event) or is_past(event) or person(event) == "2":
            continue
        last = event
        if event.dep_ in ("cop", "aux") and event.head in window and event.head.i > event.i:
            last = event.head  # «как только заказ будет готов»
        for c in event.children:
            if c.dep_.startswith("nsubj") and c.i > last.i and c in window:
                last = c  # «как только придут диски»
        span = doc[tok.i:last.i + 1]
        skip = {w.i for w in window}
        if not any(_promise_verb(t, span) and _to_client(t, sent) for t in sent if t.i not in skip):
            continue
        yield span


_YOU_WORDS = {"вы", "ваш", "ты", "твой"}


def _to_client(verb, sent) -> bool:
    """A promise made to the Клиент: the company's own verb («сделаем»,
    «сообщим»), a verb with no subject («привезут»), or one whose clause names
    the Клиент («курьер позвонит Вам») — not a general announcement («вся
    информация будет опубликована на сайте»)."""
    if verb.dep_.startswith(("aux", "cop")) and verb.head.i != verb.i:
        verb = verb.head  # «будут опубликованы»: the participle is the predicate
    if _we_verb(verb):
        return True
    number = verb.morph.get("Number")
    # «Диван привезут»: a singular «subject» of a plural verb is its object (OVS)
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj") and (
        not number or not c.morph.get("Number") or c.morph.get("Number") == number)]
    if not subjects and "Plur" in number and not _future_passive(verb) and verb.pos_ == "VERB" \
            and "Part" not in verb.morph.get("VerbForm"):
        return True
    return any(has_lemma(t, _YOU_WORDS) for t in clause_window(verb, sent))


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
        if _verbish(node) and "Inf" not in node.morph.get("VerbForm"):
            return node  # «назначим», read as an adverb, is a verb too
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
    we_first = set(lexicon.load("vague_promise").get("we_verb_first", []))
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
        if labels.get(span.start) in we_first:
            # «сделаем всё возможное»: the effort stays, the deadline follows it
            verbs.append(span[0])
            clause_end = clause_end or _clause_end(span[0], sent)
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
