"""Клиента отправляют делать работу компании: «обратитесь в банк», «отследите посылку».

Что делает
----------
Находит просьбы и указания Клиенту (повелительное наклонение —
«обратитесь», «позвоните», «загляните»; «Вам нужно / необходимо / следует /
придётся…», «имеет смысл…», «Вы должны…», «рекомендуем…», «можно / Вы можете…» с
инфинитивом; будущее время — «адрес найдёте на его сайте») сделать то, что
компания может сделать сама: связаться с третьей стороной (почтой,
курьером, службой доставки, производителем, банком, сервисным центром,
справочной, партнёром, подрядчиком, любой организацией — «РЖД», «МФЦ»,
чужой поддержкой — «в поддержку Google», «в его поддержку»; организацией,
названной по роду с уточнением, какой именно — «на билетную платформу»,
«в ресурсоснабжающую организацию», «в фирму, где Вы заказывали кухню», если
подпись не называет так саму компанию; с персоналом чужого места —
«администратору на месте», «у администратора площадки», «председателя ТСЖ»;
с кем-то, помеченным как чужой, — «частного электрика», «в независимую
мастерскую»; набрать номер третьей стороны — «Номер курьера:
… — наберите его»; местоимение вместо названной раньше третьей стороны —
«подайте ей заявку», «ей и нужно писать»), сходить или заглянуть туда,
узнать или посмотреть что-то на чужом сайте, самому отследить посылку,
получить заключение мастерской, оформить или получить у третьей стороны
услугу, разрешение или файл («гарантию оформляйте у производителя»,
«скачайте прошивку с сайта производителя»), что-то сделать «самостоятельно»
или «сами».
Просьбы написать самой компании («напишите нам», «ответьте на это письмо»),
уточнить нужные компании сведения («уточните номер заказа»), отрицание
(«Вам не нужно никуда звонить») и рассказ о том, что делает компания
(«мы сами следим за посылкой»), не считаются. Описание возможностей
(«Вы можете самостоятельно добавить субтитры» в ответ на вопрос, как это
сделать) тоже не считается; но «можно / Вы можете … самостоятельно / сами»,
«выполняется самостоятельно» считаются, если так Клиенту возвращают то, что
он хотел от компании: о чём просил («Пришлите выписку»), чего хочет («Хочу
отменить подписку»), что ему нужно («Мне нужен акт сверки») или чего не
хватает в его жалобе («Не пришёл чек»).

Смотрит, кому поручено действие. Клиент — исполнитель и без повелительного
наклонения: «Рекомендуется обратиться в банк», «Узнать это лучше у
производителя», «Уточнить время Вы можете у авиакомпании», «Вам будет удобнее
написать в страховую», «Единственный способ — обратиться в банк», «Вам
остаётся только позвонить в службу доставки», «Вы вправе обратиться к
производителю», «Пусть Ваш муж заедет в
сервис», условие помощи компании («Мастер приедет только после того, как Вы
пришлёте акт от управляющей компании»), «свяжитесь с ним напрямую» (кто бы
он ни был — не компания), поддержка чужого портала или приложения («в
техподдержку портала»), вызвать мастера чужого сервиса; третья сторона
названа тем, кто решает вопрос, и Клиенту дают её контакты («Гарантийным
ремонтом занимается производитель — телефон есть в паспорте изделия»);
третья сторона, у которой Клиенту помогут («Подробнее Вам расскажут в
сервисном центре производителя», «там Вам всё объяснят»). В ответе на жалобу находит и такие поручения:
отвезти или принести вещь («Принесите кольцо в салон»), если
компания сразу не обещает замену или ремонт; починить, отрегулировать,
отчистить самому («Разводы можно убрать тряпкой», «Это делается
самостоятельно»); поискать пропавший заказ самому («Поищите посылку в
соседних постаматах»); заново оформить заказ или купить билет («Попробуйте заново
оформить покупку», «Отмените заказ и оформите новый»); сделать самому то, о чём Клиент просил компанию
(«Поменяйте мне тариф» → «Сменить его можно в личном кабинете»). Не
считаются: то же самое как выбор рядом с тем, что делает компания («…или
наш мастер приедет завтра»), бумага, которой компания проверяет слова Клиента
(«Нам нужно убедиться…: заполните заявление», «выписка из банка» — это
недоверие), ответ на вопрос «как сделать».

Находит и указки без глагола («Вопросы по срокам — в Ваш банк», «по всем
вопросам — к нему», «Вам — к производителю»), если компания дальше сама не решает вопрос; поручение
Клиенту («получение документа — на Вашей стороне»); «Вам предстоит…»,
«Ваша задача — …»; описание процесса у третьей стороны («заявление
подаётся на его сайте»); документы, которые Клиент должен скачать, заполнить
или получить у третьей стороны («справку из банка»), найти там, где её
положила третья сторона («Инструкция лежит на сайте производителя, найти её
можно по модели»); жалобу, которую Клиент должен подать сам; обязанность
прийти лично. Расходы «за свой счёт» — это недоверие, а не поручение.

Почему это важно
----------------
Стандарт 000, §2 «Язык решений»: «Мы делаем за Клиента всё, что можем сделать
сами (сами заполняем заявление на возврат, сами проверяем местонахождение
отправленного заказа)». Неправильно: «Сообщить Клиенту код отправления и
сказать, что можно отследить отправление на сайте почты».

Примеры
-------
Срабатывает:
- Найдите любую мастерскую рядом с домом и сдайте туда часы.
- Уточните, пожалуйста, у курьерской службы, когда приедет машина.
- Вам следует самостоятельно написать производителю.
- Проверяйте статус посылки на сайте pochta.ru по трек-номеру.
- Расписание электричек узнайте в справочной вокзала.
- Номер курьера: +7 912 345-67-89 — наберите его.
- Претензию лучше предъявить администратору на месте.
- Вопросы по начислениям — к Вашему оператору связи.
- Приложите, пожалуйста, справку из банка о списании.
- Рекомендуется обратиться в банк, выпустивший карту.
- Ремонт начнём только после того, как Вы созвонитесь с управляющей компанией.
- Привезите пылесос в наш магазин, мастер его осмотрит. || incoming=Пылесос перестал включаться через месяц!
- Перекос легко устранить, ослабив винты на петлях. || incoming=Дверца шкафа перекосилась и не закрывается!
- Вам придётся повторно купить билет на нужный сеанс.
- Переключите тариф в личном кабинете. || incoming=Поменяйте мне тариф, этот слишком дорогой.
- Выписку Вы можете получить сами в интернет-банке. || incoming=Пришлите мне выписку по счёту за май.
- Уточнить статус возврата Вы можете у банка, выпустившего карту.
- С этим Вам к производителю, его адрес на упаковке.
- Спросите у менеджера автосалона, когда придёт машина.
- За перерасчётом обратитесь в ресурсоснабжающую организацию.
- Поищите отправление в соседнем постамате. || incoming=Посылки в пункте выдачи нет, хотя пишут, что доставлено!
Не срабатывает:
- Мы уже связались с курьерской службой: машина будет у Вас в 15:00.
- Уточните, пожалуйста, удобное время доставки.
- Если будут вопросы, напишите нам в чат.
- Загляните в личный кабинет: чек уже там.
- Наш администратор уже связался с отелем и переселит Вас.
- Вопросы по оплате — в нашу поддержку.
- Привезите пылесос в магазин: заменим его в тот же день. || incoming=Пылесос перестал включаться!
- Дверцу можно отрегулировать самостоятельно, или наш мастер приедет завтра. || incoming=Дверца перекосилась!
- Сменить тариф можно в личном кабинете. || incoming=Подскажите, как сменить тариф?
- Вы можете самостоятельно добавить субтитры к видео. || incoming=Как добавить субтитры?
- Нам нужно убедиться, что посылку Вы не получали: заполните заявление.
- Позвоните в нашу компанию по номеру горячей линии, мы всё решим.
- Мы поищем Ваш заказ на складе и напишем сегодня до 18:00. || incoming=Посылки в пункте выдачи нет!
"""

from __future__ import annotations

import re

from .. import lexicon
from .. import rewrite as rw
from ..model import Severity
from . import Rule
from ._clauses import in_condition
from ._ru import words, clause_window, fold, has_lemma, is_imperative, is_negated, is_past, lemmas, parses, person

_URL = re.compile(r"^(https?://)?[\w-]+(\.[\w-]+)*\.[a-zа-я]{2,}(/\S*)?$", re.I)
_THIRD_PERSON = {"им", "ним", "них", "ними", "него", "нему", "ней", "нее", "неё", "ему", "ей", "ею", "нею"}


def _w(key: str) -> frozenset[str]:
    return words("customer_legwork", key)


class CustomerLegwork(Rule):
    __doc__ = __doc__
    id = "customer-legwork"
    severity = Severity.WARNING
    seed = "000 §2"

    def check(self, ctx):
        ctx.doc.user_data[_COMPLAINT] = lambda: _complaint_of(ctx)
        ctx.doc.user_data[_ASKED] = lambda: _asked_of(ctx)
        ctx.doc.user_data[_WANTED] = lambda: _wanted_of(ctx)
        prev_sent = None
        kinds: set[tuple[str, int]] = set()
        for sent in ctx.sentences:
            done: set[int] = set()
            for tok in sent:
                if tok.i in done or tok.is_space or tok.is_punct:
                    continue
                found = _legwork(tok, sent, prev_sent)
                if found is None or not ctx.company_speaks(tok) or _purpose(tok):
                    continue
                span, what = found
                if any(i in done for i in range(span.start, span.end)) or (what, sent.start) in kinds \
                        or (done and what in ("оформление документов", "оформление жалобы")):
                    continue  # the same third party, reached from a second verb; one paper chain
                done.update(range(span.start, span.end))
                if what == "оформление документов":
                    kinds.add((what, sent.start))
                yield ctx.hit(span, message=(
                    f"Клиента отправляют делать работу компании ({what}): «{span.text}». "
                    "Сделайте это сами и сообщите Клиенту результат."), rewrite=_rewrite(sent, span, what))
            for span, what in ([] if done else [*_verbless(sent, prev_sent), *_handled_elsewhere(sent),
                                                 *_helped_there(sent, prev_sent)][:1]):
                # one errand per sentence
                if any(i in done for i in range(span.start, span.end)) or not ctx.company_speaks(span[0]):
                    continue
                done.update(range(span.start, span.end))
                yield ctx.hit(span, message=(
                    f"Клиента отправляют делать работу компании ({what}): «{span.text}». "
                    "Сделайте это сами и сообщите Клиенту результат."))
            prev_sent = sent


def _purpose(tok) -> bool:
    """«Чтобы выяснить, где деньги, вам нужно обратиться в банк»: the purpose
    of an errand is not one; the errand is the verb it serves."""
    return "Inf" in tok.morph.get("VerbForm") and any(
        c.dep_ == "mark" and fold(c.text) == "чтобы" for c in tok.children) and tok.head.i != tok.i


_COMPLAINT = ("customer_legwork", "complaint")


def _complaint_of(ctx) -> bool:
    """The reply answers a complaint: the Клиент's message is one, or the
    draft itself acknowledges a problem (as missing-apology reads them)."""
    from .missing_apology import _draft_problem, _incoming_complaint

    if _incoming_complaint(ctx.incoming_doc) is not None or _draft_problem(ctx) is not None:
        return True
    # a problem told plainly: «окно не закрывается», «остались разводы»
    for tok in ctx.incoming_doc or ():
        if tok.pos_ in ("NOUN", "PROPN") and has_lemma(tok, _w("defect_nouns")) and not is_negated(tok):
            return True
        if tok.pos_ in ("VERB", "AUX") and is_negated(tok) and "Fin" in tok.morph.get("VerbForm") \
                and person(tok) != "2" and not any(t.text == "?" for t in tok.sent):
            return True
    return False


_ASKED = ("customer_legwork", "asked")


def _asked_of(ctx) -> frozenset[str]:
    """The groups of acts the Клиент asked the company to do: imperatives
    («Поменяйте мне тариф») and infinitives after «прошу», «можете»
    («прошу отключить подписку»), not requests for help or information."""
    doc = ctx.incoming_doc
    got: set[str] = set()
    if doc is None:
        return frozenset()
    groups = {g: _w(g) for g in lexicon.load("customer_legwork").get("asked_groups", [])}
    for tok in doc:
        if tok.pos_ in ("PUNCT", "SPACE") or is_negated(tok) or has_lemma(tok, _w("not_asked")):
            continue
        head = tok.head
        asked = (not _is_infinitive(tok) and is_imperative(tok)
                 and tok.pos_ in ("VERB", "NOUN", "ADJ", "X", "INTJ", "ADV", "PROPN")) or (
            _is_infinitive(tok) and not is_negated(head) and not is_past(head) and (
                (has_lemma(head, _w("request_first")) and person(head) == "1")
                or (has_lemma(head, _w("request_second")) and person(head) == "2")))
        if asked:
            got.update(g for g, lems in groups.items() if set(lemmas(tok)) & lems)
    for tok in doc:
        # «подписку, которую я не подключала»: undo what the Клиент did not do
        if tok.pos_ in ("VERB", "AUX") and is_negated(tok) and any(p.tag.tense == "past" for p in parses(tok)[:2]) \
                and has_lemma(tok, _w("denied_acts")) \
                and any(fold(c.text) == "я" for c in tok.children if c.dep_.startswith("nsubj")):
            got.update(lexicon.load("customer_legwork").get("undo_groups", []))
    return frozenset(got)


def _asked(doc) -> frozenset[str]:
    got = doc.user_data.get(_ASKED)
    if callable(got):
        got = got()
        doc.user_data[_ASKED] = got
    return got or frozenset()


def _handed_back(verb, mode, trigger, sent):
    """«Поменяйте мне тариф» → «Сменить его можно в личном кабинете»: the act
    the Клиент asked the company for is handed back to him — unless the
    company says it has done or will do it («Мы уже сменили тариф»)."""
    if mode not in ("imp", "oblig", "advice", "poss", "fut"):
        return None
    asked = _asked(sent.doc)
    if not asked:
        return None
    mine = {g for g in asked if set(lemmas(verb)) & _w(g)}
    if not mine:
        return None
    for t in sent.doc:
        if t.pos_ in ("VERB", "AUX") and person(t) == "1" and not is_negated(t) and any(set(lemmas(t)) & _w(g) for g in mine):
            return None  # the company does it itself
    objs = [c for c in verb.children if c.dep_ == "obj"]
    return max([verb, *objs, *([trigger] if 0 < trigger.i - verb.i <= 3 else [])],
               key=lambda x: x.i), "то, о чём просил Клиент"


_WANTED = ("customer_legwork", "wanted")


def _wanted_of(ctx) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """What the Клиент wants the company to do or give, as ``(groups, nouns)``:
    the acts and the things of his requests («Пришлите справку», «прошу
    отключить услугу»), wishes («Хочу отменить подписку») and needs («Мне
    нужен акт сверки»), and what his complaint says is missing or broken
    («не пришёл чек») — not what he merely asks about («Как сменить пароль?»)."""
    doc = ctx.incoming_doc
    if doc is None:
        return frozenset(), frozenset(), frozenset()
    groups_of = {g: _w(g) for g in lexicon.load("customer_legwork").get("asked_groups", [])}
    groups: set[str] = set()
    nouns: set[str] = set()
    asked: set[str] = set()  # the things of outright requests: «Пришлите справку», «прошу выслать акт»

    def things(tok, into=nouns):
        for c in tok.children:
            if c.dep_ in ("obj", "nsubj", "nsubj:pass", "iobj") and _nounish(c):
                into.update(lemmas(c))
                into.update(lem for g in c.children if g.dep_ == "nmod" and _nounish(g) for lem in lemmas(g))

    for tok in doc:
        if tok.pos_ in ("PUNCT", "SPACE") or is_negated(tok):
            continue
        head = tok.head
        if has_lemma(tok, _w("need_words")) and tok.pos_ in ("ADJ", "ADV", "VERB", "AUX", "NOUN"):
            things(tok)  # «Мне нужен акт сверки», «нужна справка»
        if has_lemma(tok, _w("not_asked")):
            continue
        outright = (not _is_infinitive(tok) and is_imperative(tok)
                    and tok.pos_ in ("VERB", "NOUN", "ADJ", "X", "INTJ", "ADV", "PROPN")) or (
            _is_infinitive(tok) and head.i != tok.i and not is_negated(head) and not is_past(head) and (
                (has_lemma(head, _w("request_first")) and person(head) == "1")
                or (has_lemma(head, _w("request_second")) and person(head) == "2")))
        if outright:
            things(tok, asked)
        wanted = (not _is_infinitive(tok) and is_imperative(tok)
                  and tok.pos_ in ("VERB", "NOUN", "ADJ", "X", "INTJ", "ADV", "PROPN")) or (
            _is_infinitive(tok) and head.i != tok.i and not is_negated(head) and not is_past(head) and (
                (has_lemma(head, _w("request_first") | _w("wish_first")) and person(head) == "1")
                or (has_lemma(head, _w("request_second")) and person(head) == "2")
                or (has_lemma(head, _w("need_words"))
                    and any(fold(c.text) in ("мне", "нам") for c in [*head.children, *tok.children]))))
        if wanted:
            groups.update(g for g, lems in groups_of.items() if set(lemmas(tok)) & lems)
            things(tok)
    if _complaint(ctx.doc):
        for tok in doc:
            # «не пришёл чек», «не работает роутер»: the thing missing or broken
            if tok.pos_ in ("VERB", "AUX") and is_negated(tok):
                things(tok)
    nouns -= _w("not_wanted")
    asked -= _w("not_wanted")
    return frozenset(groups), frozenset(nouns), frozenset(asked)


def _wanted(doc) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    got = doc.user_data.get(_WANTED)
    if callable(got):
        got = got()
        doc.user_data[_WANTED] = got
    return got or (frozenset(), frozenset(), frozenset())


def _nounish(t) -> bool:
    """A noun, also one the tagger took for an adjective («Бланк заявления»)."""
    if t.pos_ in ("NOUN", "PROPN"):
        return True
    ps = parses(t)
    return t.pos_ in ("ADJ", "VERB", "X") and bool(ps) and ps[0].tag.POS == "NOUN"


def _self_service(verb, mode, trigger, window, sent):
    """«Справку Вы можете сформировать сами в приложении», «Смена тарифа
    выполняется самостоятельно», «Отменить подписку можно самостоятельно»:
    the act or the thing the Клиент wanted from the company (requested,
    wished, needed, missing in his complaint) is described as self-service —
    unless the company says it does that itself."""
    if mode not in ("poss", "fut", "selfpass", "pass"):
        return None
    selfw = next((w for w in window if abs(w.i - verb.i) <= 6 and (
        _self_word(w) or _self_means(w) or fold(w.text) == "самостоятельно")), None)
    groups, nouns, asked = _wanted(sent.doc)
    if selfw is None:
        # «Пришлите справку» → «Справку можно скачать в приложении»: the thing
        # asked for outright, handed back even without «сами»
        if mode not in ("poss", "fut") or not asked or not has_lemma(verb, _w("self_fetch_verbs")):
            return None
        groups, nouns = frozenset(), asked
        if any(t.pos_ in ("VERB", "AUX") and not is_negated(t) and _we_act(t) for t in sent.doc):
            return None  # «— мы его туда уже загрузили»: the company has acted
    if not groups and not nouns:
        return None
    vlem = set(lemmas(verb))
    if mode in ("selfpass", "pass"):
        vlem |= {lem[:-2] for lem in vlem if lem.endswith("ся")}
    objs = [c for c in verb.children if c.dep_ in ("obj", "nsubj", "nsubj:pass") and _nounish(c)]
    objs += [g for c in objs for g in c.children if g.dep_ == "nmod" and _nounish(g)]
    objs += [w for w in window if -5 <= w.i - verb.i < 0 and _nounish(w) and w.dep_ in ("obj", "nsubj", "nsubj:pass")]
    # the act named by the verb or by its object or subject: «оформить возврат»,
    # «Смена тарифа выполняется …», «Заявление на возврат заполняется …»
    acts = vlem | {lem for c in objs for lem in lemmas(c)}
    mine = {g for g in groups if acts & _w(g)}
    hit = {lem for o in objs for lem in lemmas(o)} & nouns
    # «Это можно сделать самостоятельно», «Сделать это Вы сможете сами»: the
    # pronoun stands for what the Клиент asked for
    back = any(c.dep_ in ("obj", "nsubj", "nsubj:pass") and fold(c.text) in ("это", "его", "ее", "их")
               for c in verb.children) and bool(vlem & _w("do_verbs"))
    if not mine and not hit and not back:
        return None
    doc = sent.doc
    for t in doc:
        # «Справку мы уже сформировали сами»: the company does it itself
        if t.pos_ in ("VERB", "AUX") and not is_negated(t) and _we_act(t) and (
                any(set(lemmas(t)) & _w(g) for g in groups)
                or any(set(lemmas(c)) & hit for c in t.children if c.dep_ in ("obj", "nsubj:pass"))
                or has_lemma(t, _w("do_verbs") | _w("write_verbs"))):
            return None
    return selfw if selfw is not None else verb, "самообслуживание вместо того, что просил Клиент"


def _complaint(doc) -> bool:
    got = doc.user_data.get(_COMPLAINT)
    if callable(got):
        got = bool(got())
        doc.user_data[_COMPLAINT] = got
    return bool(got)


_SEGMENT_STOPS = {",", ";", ":", ".", "!", "?", "…", "(", ")"}
_DASHES = {"—", "–", "-"}


def _segment(sent, i):
    """``(start, end)`` of the stretch around index ``i`` between commas,
    colons, dashes and the sentence bounds — allowing one dash on the left
    («Вопросы по срокам — в Ваш банк»)."""
    doc = sent.doc
    start = i
    dashes = 0
    while start - 1 >= sent.start:
        t = doc[start - 1]
        if t.text in _SEGMENT_STOPS and not fold(t.text) == "пожалуйста":
            break
        if t.text in _DASHES:
            dashes += 1
            if dashes > 1:
                break
        start -= 1
    end = i
    while end + 1 < sent.end and doc[end + 1].text not in _SEGMENT_STOPS | _DASHES:
        end += 1
    return start, end


def _has_predicate(toks) -> bool:
    """A finite verb or an infinitive: the stretch is not a bare pointer."""
    for t in toks:
        if t.pos_ in ("VERB", "AUX") and "Part" not in t.morph.get("VerbForm") \
                and "Conv" not in t.morph.get("VerbForm"):
            return True
    return False


def _verbless(sent, prev_sent):
    """Pointers without a verb: «Вопросы по срокам — в Ваш банк», «по всем
    вопросам — к нему», «Это к производителю» (the Клиент is sent to a third
    party), and a task put on the Клиент's side: «запись на экзамен и
    получение документа — на Вашей стороне»."""
    doc = sent.doc
    if any(t.text == "?" for t in sent):
        return
    earlier = [t for t in sent] + (list(prev_sent) if prev_sent is not None else [])
    for p in sent:
        low = fold(p.text)
        if low in ("к", "ко", "в", "во"):
            target = next((t for t in doc[p.i + 1:min(sent.end, p.i + 4)] if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
            if target is None:
                continue
            if low.startswith("в") and "Acc" not in target.morph.get("Case"):
                continue  # «в банке» is where, not whither
            if target.pos_ == "PRON":
                if not low.startswith("к") or fold(target.text) not in _THIRD_PERSON:
                    continue
                if not any(((_third_party(t) and not _own(t)) or _named_other(t)) and t.i < p.i for t in earlier):
                    continue
            elif not _third_party(target) or _own(target) or _to_us_anywhere([target] + list(target.children)):
                continue
            start, end = _segment(sent, p.i)
            # «если деньги не пришли — это вопрос к Вашему банку»: the clause
            # before the dash is a condition, the pointer starts after it
            dash = next((t.i for t in reversed(doc[start:p.i]) if t.text in _DASHES), None)
            if dash is not None and any(_redirect_head(t) for t in doc[dash + 1:p.i]):
                start = dash + 1
            seg = doc[start:end + 1]
            if _has_predicate(seg):
                continue
            before = [t for t in doc[start:p.i] if not t.is_punct]
            head = next((t for t in before if _redirect_head(t)), None)
            you = None
            if head is None and target.pos_ != "PRON":
                # «По гарантии Вам в сервисный центр производителя», «Вам — к производителю»
                you = next((t for t in before if fold(t.text) in ("вам", "тебе") and t.pos_ == "PRON"
                             and all(x.text in _DASHES or x.pos_ == "ADV" for x in doc[t.i + 1:p.i])), None)
                if you is None or any(has_lemma(x, _w("pickup_places")) for x in doc[target.i:_phrase_end(target) + 1]):
                    continue
                head = you
            if head is None:
                continue
            if _resolved_after(sent):
                continue  # «так что все претензии — к нему. Препарат будет у Вас в четверг»: blame, not an errand
            lo = head.i if you is not None else next(
                (t.i for t in before if t.i >= head.i - 2 and (t.i == head.i or t.pos_ in ("DET", "ADP", "ADJ"))), head.i)
            yield doc[lo:_phrase_end(target) + 1], "переадресация"
        elif has_lemma(p, {"сторона"}) and p.i >= 2 and fold(doc[p.i - 2].text) == "на" \
                and has_lemma(doc[p.i - 1], {"ваш", "свой"}):
            start, end = _segment(sent, p.i)
            seg = doc[start:end + 1]
            before = [t for t in doc[start:p.i - 2] if t.pos_ in ("NOUN", "PROPN")]
            tasks = [t for t in before if _action_noun(t)]
            if not tasks or any(has_lemma(t, _w("not_tasks")) for t in before):
                continue
            if any(t.pos_ in ("VERB", "AUX") and not has_lemma(t, {"оставаться", "остаться", "лежать", "быть"})
                   for t in seg):
                continue
            yield doc[tasks[0].i:p.i + 1], "поручение Клиенту"


def _handled_elsewhere(sent):
    """«Такие вопросы решает сервисный центр производителя, адрес указан в
    гарантийном талоне», «Гарантийным ремонтом занимается производитель —
    телефон есть в паспорте изделия»: a third party is named as the one who
    handles the matter and its contacts are handed over — the Клиент is sent
    there, unless the company says what it does itself."""
    doc = sent.doc
    if any(t.text == "?" for t in sent):
        return
    nxt = doc[sent.end:sent.end + 1]
    scope = list(sent) + (list(nxt[0].sent) if len(nxt) else [])
    if not any(has_lemma(t, _w("contact_nouns")) and t.pos_ in ("NOUN", "PROPN", "ADJ") for t in scope):
        return
    if any(t.pos_ in ("VERB", "AUX") and person(t) == "1" and not is_negated(t) for t in scope):
        return  # «…, мы уже передали им Ваш холодильник»
    if _resolved_after(sent):
        return  # «…занимается аэропорт. Ваш чемодан найден и будет доставлен завтра»: an explanation
    for v in sent:
        if v.pos_ not in ("VERB", "AUX") or is_negated(v) or is_past(v) or not has_lemma(v, _w("handler_verbs")):
            continue
        if person(v) not in ("3", None) or in_condition(v):
            continue
        for c in v.children:
            if c.dep_.startswith("nsubj") and (_third_party(c) or _named_other(c)) and not _own(c):
                lo, hi = min(c.i, v.i), max(_phrase_end(c), v.i)
                yield doc[lo:hi + 1], "переадресация"
                return


def _helped_there(sent, prev_sent):
    """«Подробнее Вам расскажут в сервисном центре производителя», «У
    перевозчика Вам подскажут дату», «Телефон производителя — …, там Вам всё
    объяснят»: an impersonal «they will help / explain to you» placed at a
    third party's — the Клиент is sent there, unless the company has already
    arranged it («Мы связались с сервисным центром: там Вам …»)."""
    doc = sent.doc
    if any(t.text == "?" for t in sent):
        return
    for v in sent:
        if v.pos_ not in ("VERB", "AUX") or is_negated(v) or not has_lemma(v, _w("helper_verbs")) or in_condition(v):
            continue
        if not any(p.tag.POS == "VERB" and {"3per", "plur", "futr"} <= p.tag.grammemes for p in parses(v)[:2]):
            continue
        if any(c.dep_.startswith("nsubj") and fold(c.text) not in ("вам", "тебе") for c in v.children):
            continue  # «Курьер Вам позвонит»
        if not any(fold(t.text) in ("вам", "тебе") for t in doc[max(sent.start, v.i - 3):min(sent.end, v.i + 3)]):
            continue
        if any(t.pos_ in ("VERB", "AUX") and not is_negated(t) and _we_act(t) for t in [*sent, *(prev_sent or [])]):
            return  # «Мы связались с сервисным центром: там Вам заменят экран»
        place = None
        seen = {w.i for w in clause_window(v, sent)}
        for w in [*clause_window(v, sent), *(t for t in doc[sent.start:v.i] if t.i not in seen)]:
            if (_third_party(w) or _their_place(w)) and _located(w) and not _own(w) and not _beside(w) \
                    and not _email(w, set(lemmas(w.head))):
                place = w
                break
        if place is None and any(fold(t.text) == "там" for t in doc[max(sent.start, v.i - 3):v.i]):
            place = next((t for t in doc[sent.start:v.i] if (_third_party(t) or _named_other(t)) and not _own(t)), None)
        if place is None or any(has_lemma(x, _w("pickup_places")) for x in doc[place.i:_phrase_end(place) + 1]):
            continue
        lo, hi = min(place.left_edge.i, v.i), max(_phrase_end(place), v.i)
        if hi - lo > 8:
            lo, hi = v.i, v.i
        yield doc[lo:hi + 1], "переадресация"
        return


def _we_act(t) -> bool:
    """A verb of the company: 1st person, or «мы» / «я» its subject (the past
    has no person: «Мы связались»)."""
    if person(t) == "1" or any(c.dep_.startswith("nsubj") and fold(c.text) in ("мы", "я") for c in t.children):
        return True
    # «Выписку отправили Вам на почту»: a plural past with no subject
    return is_past(t) and "Plur" in t.morph.get("Number") and "Fin" in t.morph.get("VerbForm") \
        and not any(c.dep_.startswith("nsubj") for c in t.children)


def _redirect_head(t) -> bool:
    return (has_lemma(t, _w("redirect_nouns")) and t.pos_ in ("NOUN", "PROPN")) \
        or (fold(t.text) in ("это", "этим", "этом") and t.pos_ == "PRON")


def _resolved_after(sent) -> bool:
    """A later sentence says what will happen to the Клиент's matter («Сейчас
    она уже едет к Вам и будет завтра»): the pointer before it is a figure of
    blame, not the Клиент's errand."""
    doc = sent.doc
    for t in doc[sent.end:]:
        if t.pos_ not in ("VERB", "AUX") or is_negated(t) or person(t) == "2":
            continue
        if is_past(t) and "Plur" in t.morph.get("Number") and not any(c.dep_.startswith("nsubj") for c in t.children) \
                and "Fin" in t.morph.get("VerbForm"):
            return True  # «Новый визит назначили на завтра»: the company has already acted
        if "Short" in t.morph.get("Variant") and "Pass" in t.morph.get("Voice") \
                and any(fold(c.text) == "уже" for c in t.children):
            return True  # «Трансфер уже оплачен»: done, whatever the pointer before it said
        if "Fut" in t.morph.get("Tense") or any(
                p.tag.POS == "VERB" and "futr" in p.tag.grammemes and "indc" in p.tag.grammemes for p in parses(t)[:1]):
            clause = [x for x in doc[t.sent.start:t.i]]
            if not any(fold(x.text) in ("если", "когда", "чтобы") for x in clause):
                return True
    return False


def _action_noun(t) -> bool:
    """«запись», «получение», «оформление»: a noun naming an action."""
    if has_lemma(t, _w("task_nouns")):
        return True
    return any(fold(p.normal_form).endswith(("ние", "тие")) and p.tag.POS == "NOUN" for p in parses(t)[:1])


def _legwork(verb, sent, prev_sent):
    """``(span, description)`` if ``verb`` sends the Клиент on legwork."""
    mode, trigger = _mode(verb, sent)
    if mode is None and _self_passive(verb, sent):
        mode, trigger = "selfpass", verb  # «Это делается самостоятельно»
    if mode is None:
        return None
    if is_negated(verb) or (trigger.i != verb.i and (is_negated(trigger) or _past(trigger))):
        return None
    doc = sent.doc
    window = clause_window(verb, sent)
    if trigger.i != verb.i and all(w.i != trigger.i for w in window):
        # «Узнать, почему …, лучше у производителя»: what the modal reaches counts
        seen = {w.i for w in window}
        window = sorted(window + [w for w in clause_window(trigger, sent) if w.i not in seen], key=lambda w: w.i)
    start = min(verb.i, trigger.i)
    if start > sent.start and has_lemma(doc[start], {"смысл"}) and has_lemma(doc[start - 1], {"иметь"}):
        start -= 1  # «Имеет смысл обратиться …»

    def span_to(target):
        end = max(verb.i, _phrase_end(target))
        lo = start if verb.i - start <= 4 else verb.i
        lo = min(lo, target.i)
        if end - lo > 9:
            return doc[lo:verb.i + 1]
        return doc[lo:end + 1]

    if not is_negated(verb) and not _offered(verb, sent) and not _company_alternative(verb, sent):
        found = _haul(verb, mode, window, sent) or _self_repair(verb, mode, trigger, window, sent) \
            or _search_lost(verb, mode, window, sent) \
            or _redo(verb, mode, trigger, window, sent) or _handed_back(verb, mode, trigger, sent) \
            or _self_service(verb, mode, trigger, window, sent)
        if found is not None:
            target, what = found
            return span_to(target), what
    if mode == "selfpass":
        return None
    if _to_us(verb):
        return None  # «напишите нам», «свяжитесь с нами по почте»
    if _offered(verb, sent):
        return None  # «Если удобнее, заберите заказ сами»: an option the Клиент may take
    # «самостоятельно», «сами»: only for imperatives and obligations
    if mode in ("imp", "oblig", "advice"):
        for w in window:
            if (_self_word(w) or _self_word_misattached(w, verb)) and abs(w.i - verb.i) <= 6:
                return span_to(w), "самостоятельно"
    vlem = set(lemmas(verb))
    if mode == "pass":
        vlem |= {lem[:-2] for lem in vlem if lem.endswith(("ся", "сь"))}
    # what the verb reaches: words after it, or just before it («у курьера уточните»)
    after_verb = [w for w in window if w.i > verb.i or verb.i - 3 <= w.i < verb.i]
    if mode in ("imp", "oblig", "advice"):
        found = _paperwork(verb, vlem, sent, window) or _their_papers(verb, vlem, window) \
            or _examination(verb, vlem, window) or _visit_in_person(verb, vlem, mode, window, sent)
        if found is not None:
            target, what = found
            return span_to(target), what
    if mode == "cond":
        found = _their_papers(verb, vlem, window)
        if found is not None:
            target, what = found
            return span_to(target), what
    # tracking a parcel on someone else's site
    if vlem & _w("look_verbs"):
        tracking = bool(vlem & _w("track_verbs")) or any(has_lemma(w, _w("track_objects")) for w in after_verb)
        if tracking:
            place = next((w for w in after_verb if w.i > verb.i and (
                has_lemma(w, _w("track_places")) or _URL.match(w.text) or _third_party(w))), None)
            if place is not None and not _own(place):
                return span_to(place), "отслеживание"
    placed = _placed_there(verb, vlem, mode, window, sent)
    if placed is not None:
        return placed, "третья сторона"
    contact = bool(vlem & _w("legwork_verbs")) or (mode == "pass" and bool(vlem & _w("passive_verbs"))) or (
        bool(vlem & _w("callout_verbs")) and any(has_lemma(w, _w("callout_objects")) for w in window)) or (
        bool(vlem & _w("file_verbs")) and any(
        has_lemma(w, _w("file_objects")) and w.pos_ in ("NOUN", "PROPN") for w in window))
    if not contact and not vlem & _w("place_verbs"):
        return None
    if (not contact or vlem & _w("visit_verbs")) and _pickup(sent):
        return None  # «загляните в отделение почты и заберите посылку» — ordinary delivery
    earlier = [t for t in sent if t.i < verb.i] + (list(prev_sent) if prev_sent is not None else [])
    # a third party (for verbs of going and looking: as the place to go or look)
    for w in after_verb:
        if w.i > verb.i and w.pos_ in ("NOUN", "PROPN") and _located(w) and not _third_party(w) \
                and any(has_lemma(c, _w("own_markers")) for c in w.children):
            break  # «Уточнить наличие Вы можете у наших консультантов в магазине»: ours, and the place is theirs
        if (_third_party(w) or _party_role(w, verb) or (contact and (_staff_there(w, sent, earlier) or _foreign_name(w)
                                                                      or _their_support(w) or _other_called(w, verb)
                                                                      or _reached_directly(w, verb, window))))\
                and not _own(w) and not _instrument(w) and not _beside(w) \
                and not _email(w, vlem) and not _on_delivery(window):
            if not contact and not _located(w) and not _sought(w, verb, vlem):
                continue  # «проверьте почту» — the mailbox, not the post office
            if mode != "pass" and vlem & _w("fetch_verbs") and not vlem & _w("place_verbs") \
                    and not vlem & (_w("legwork_verbs") - _w("fetch_verbs")) \
                    and not any(has_lemma(x, _w("documents") | _w("info_nouns") | _w("fetched_matters"))
                                for x in window):
                continue
            return span_to(w), "третья сторона"
        pronouns = _THIRD_PERSON | (_THEIR_NUMBER if vlem & _w("dial_verbs") else frozenset()) | {"туда"}
        close = (0 < _gap(verb, w) <= 3) or (w.head.i in (verb.i, trigger.i) and 0 < _gap(verb, w) <= 6) \
            or (0 < verb.i - w.i <= 4 and w.i > 0 and fold(doc[w.i - 1].text) in (
                "к", "у", "с", "со")) \
            or _addressee_before(w, verb, trigger, vlem)  # «Претензию к ним Вы можете направить …», «ей и пишите»
        if contact and fold(w.text).rstrip(".") in pronouns and close \
                and not (vlem & _w("fetch_verbs") and not vlem & (_w("legwork_verbs") - _w("fetch_verbs"))):
            # «звоните им напрямую» — «им» = the courier service named before;
            # «наберите его» — «его» = the courier's number
            if any((_third_party(t) and not _own(t)) or _named_other(t) for t in earlier) \
                    or (w.pos_ == "PRON" and any(has_lemma(t, _w("bypass_words")) for t in window)):
                # «свяжитесь с ним напрямую»: whoever he is, not the company
                return span_to(w), "третья сторона"
    return None


_THEIR_NUMBER = frozenset({"его", "ее", "их"})


def _placed_there(verb, vlem, mode, window, sent):
    """«Инструкция лежит на сайте производителя, найти её можно по модели»,
    «Акт есть у управляющей компании — запросите его»: a thing placed at a
    third party's earlier in the sentence, then the Клиент is told to find,
    fetch or ask for it (the pronoun points back to it)."""
    if mode not in ("imp", "oblig", "advice", "poss", "fut") or not window:
        return None
    if not vlem & (_w("find_verbs") | _w("fetch_verbs") | _w("look_verbs") | {"запросить", "запрашивать"}):
        return None
    pron = next((c for c in verb.children if c.dep_ in ("obj", "nsubj:pass") and fold(c.text) in _THEIR_NUMBER), None)
    if pron is None:
        return None
    doc = sent.doc
    for w in doc[sent.start:window[0].i]:
        if (_third_party(w) or _their_place(w)) and _located(w) and not _own(w) and not _beside(w) \
                and not _email(w, set(lemmas(w.head))):
            _, trigger = _mode(verb, sent)
            lo = min(verb.i, trigger.i if trigger is not None else verb.i)
            hi = max(verb.i, pron.i, trigger.i if trigger is not None else verb.i)
            return doc[lo:hi + 1]
    return None


def _gap(verb, w) -> int:
    """How far ``w`` stands after ``verb`` in words: punctuation, «пожалуйста»,
    «можно» and the like do not count («уточните, пожалуйста, у него»)."""
    if w.i <= verb.i:
        return 0
    doc = verb.doc
    return 1 + sum(1 for t in doc[verb.i + 1:w.i]
                   if not (t.is_punct or t.is_space or fold(t.text) in ("пожалуйста", "можно", "лучше", "сами",
                                                                      "самостоятельно", "напрямую", "лично")))


def _doc_noun(w) -> bool:
    return w.pos_ in ("NOUN", "PROPN") and has_lemma(w, _w("documents"))


def _paperwork(verb, vlem, sent, window):
    """«Скачайте бланк, заполните и …», «акт … найдите, скачайте, подпишите»:
    the Клиент fetches and fills in a document the company could send filled
    in (standard 000 §2: «сами заполняем заявление на возврат»); a complaint
    or claim to be written by the Клиент («напишите жалобу в приложении»)."""
    if _to_us(verb):
        return None
    if vlem & _w("paper_verbs") and not any(has_lemma(w, {"вместе", "совместно"}) for w in window):
        doc = sent.doc

        def paper(w):
            return _nounish(w) and has_lemma(w, _w("paper_objects"))
        papers = [w for w in window if paper(w)] or [
            w for w in doc[sent.start:verb.i] if paper(w) and w.dep_ in ("nsubj", "nsubj:pass", "obj", "ROOT")]
        if papers and not _to_verify(sent):
            return verb, "оформление документов"
    if vlem & _w("file_verbs") and not any(has_lemma(w, {"вместе", "совместно"}) for w in window):
        for w in window:
            if w.pos_ in ("NOUN", "PROPN") and has_lemma(w, _w("self_filed")) and w.head.i == verb.i \
                    and not _to_us_anywhere(window):
                return w, "оформление жалобы"
    return None


def _to_verify(sent) -> bool:
    """«Нам нужно убедиться, что …: заполните заявление»: the paper is the
    Клиент's testimony the company wants to check — distrust, not legwork."""
    doc = sent.doc
    for t in doc[max(0, sent.start - 40):sent.end]:
        if has_lemma(t, _w("proof_purpose")) and t.pos_ in ("VERB", "AUX") and t.sent.start >= sent.start - 40:
            if any(fold(doc[j].text) in ("нам", "мы", "мне", "я") for j in range(max(0, t.i - 4), t.i)):
                return True
    return False


def _to_us_anywhere(window) -> bool:
    return any(fold(t.text) in ("нам", "нами", "нас") and t.pos_ == "PRON" for t in window) \
        or any(has_lemma(t, _w("own_markers")) for t in window)


def _examination(verb, vlem, window):
    """«Проведите независимую экспертизу», «закажите оценку у эксперта»: the
    Клиент commissions an examination himself."""
    if not vlem & _w("commission_verbs"):
        return None
    for w in window:
        if w.i > verb.i and w.pos_ in ("NOUN", "PROPN") and has_lemma(w, _w("examinations")) and not _own(w):
            return w, "документы третьей стороны"
    return None


def _their_papers(verb, vlem, window):
    """«Пришлите акт осмотра от управляющей компании», «приложите справку из
    банка»: a document the Клиент has to fetch from a third party for the
    company, which could request it itself."""
    if not vlem & _w("provide_verbs"):
        return None
    doc = verb.doc
    sent = verb.sent
    papers = list(window) + [w for w in doc[verb.i + 1:sent.end] if w.head.i == verb.i and w not in window]
    for w in papers:
        if not _doc_noun(w) or has_lemma(w, _w("own_records")):
            continue  # «выписка из банка»: the Клиент's own record, evidence (distrust)
        for j in range(w.i + 1, min(len(doc), w.i + 6)):
            t = doc[j]
            if t.is_punct:
                break
            if fold(t.text) in ("от", "из", "у") and j + 1 < len(doc):
                for x in doc[j + 1:min(len(doc), j + 4)]:
                    if (_third_party(x) or _staff(x)) and not _own(x):
                        return x, "документы третьей стороны"
    return None


def _staff(x) -> bool:
    return x.pos_ in ("NOUN", "PROPN") and has_lemma(x, _w("staff_roles"))


def _visit_in_person(verb, vlem, mode, window, sent):
    """«Вам придётся прийти в любой наш салон с паспортом», «подойдите в
    отделение лично»: an obligation to come in person — even to the company's
    own office — for what could be done at a distance; not the pick-up of an
    order («заберите посылку в пункте выдачи»)."""
    if not vlem & _w("visit_verbs") or _pickup(sent):
        return None
    personally = any(has_lemma(w, _w("in_person_words")) for w in window)
    if mode != "oblig" and not personally:
        return None
    for w in window:
        if w.i > verb.i and w.pos_ in ("NOUN", "PROPN") and has_lemma(w, _w("offices")) and _located(w):
            return w, "визит лично"
    return None


def _their_support(tok) -> bool:
    """«в техподдержку портала», «в поддержку приложения банка»: the support
    desk of somebody else's site, portal or app (the company's own is «наша
    поддержка» or «нам»)."""
    if tok.pos_ not in ("NOUN", "PROPN") or not has_lemma(tok, _w("support_heads")) or _own(tok):
        return False
    own = _own_names(tok.doc)
    for c in tok.children:
        if c.dep_ == "nmod" and "Gen" in c.morph.get("Case") and has_lemma(c, _w("foreign_places")) \
                and not _own(c) and not any(fold(lem) in own for lem in lemmas(c)) \
                and not any(fold(g.text) in own for g in c.children):
            return True
    return False


def _has_lemma_near(verb, window, key, before: int = 6, after: int = 6):
    return next((w for w in window if -before <= w.i - verb.i <= after and w.i != verb.i and has_lemma(w, _w(key))),
                None)


def _self_passive(verb, sent) -> bool:
    """«Это делается самостоятельно», «петли регулируются самостоятельно»: a
    reflexive passive in the present with «самостоятельно» or «своими силами»
    that gives the job to the Клиент."""
    if verb.pos_ not in ("VERB", "AUX") or "Pres" not in verb.morph.get("Tense") or person(verb) not in ("3", None):
        return False
    if not fold(verb.text).endswith(("ся", "сь")) or is_negated(verb):
        return False
    base = {lem[:-2] for lem in lemmas(verb) if lem.endswith("ся")}
    if not base & (_w("do_verbs") | _w("repair_verbs")):
        return False
    return any(_self_word(w) or fold(w.text) == "самостоятельно" or _self_means(w)
               or _tool(w)
               for w in clause_window(verb, sent) if abs(w.i - verb.i) <= 4)


def _self_means(w) -> bool:
    """«своими силами», «своими руками»."""
    return w.pos_ == "NOUN" and has_lemma(w, _w("self_means")) and "Ins" in w.morph.get("Case") \
        and any(has_lemma(c, {"свой"}) for c in w.children)


def _haul(verb, mode, window, sent):
    """«Принесите кольцо в салон», «Вам нужно отвезти пылесос в пункт выдачи»:
    in a reply to a complaint, the Клиент is told to carry the item to an
    office or shop — a courier of the company could collect it."""
    if mode not in ("imp", "oblig", "advice", "poss", "fut", "cond") or not has_lemma(verb, _w("carry_verbs")):
        return None
    if _pickup(sent) or not _complaint(sent.doc) or _remedy_promised(verb, sent) or _at_own_cost(window):
        return None
    doc = sent.doc
    if any(has_lemma(w, _w("not_hauled")) and w.pos_ in ("NOUN", "PROPN") and w.i > verb.i - 3 for w in window):
        return None  # papers and evidence are distrust's or paperwork's
    for w in window:
        if w.i <= verb.i or w.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        prep = next((c for c in w.children if c.dep_ == "case"), None) or (doc[w.i - 1] if w.i > 0 else None)
        if prep is None or fold(prep.text) not in ("в", "во", "на", "к", "ко"):
            continue
        if w.pos_ == "PRON":
            if fold(w.text) in ("нам", "нас"):
                return w, "доставка товара"
            continue
        if has_lemma(w, _w("haul_places")) or _third_party(w):
            return w, "доставка товара"
    return None


def _search_lost(verb, mode, window, sent):
    """«Поищите посылку в соседних постаматах», «спросите у соседей, не у них
    ли заказ»: in a reply to a complaint, the Клиент is told to search for the
    goods himself in physical places — the company finds its own parcels."""
    if mode not in ("imp", "oblig", "advice", "poss", "fut") or not has_lemma(verb, _w("search_verbs")):
        return None
    if not _complaint(sent.doc):
        return None
    goods = next((w for w in window if w.pos_ in ("NOUN", "PROPN") and has_lemma(w, _w("pickup_objects"))
                  and w.head.i == verb.i and w.dep_ in ("obj", "obl")), None)
    if goods is None:
        return None
    for w in window:
        if w.i > verb.i and w.pos_ in ("NOUN", "PROPN") and has_lemma(w, _w("search_places")) and _located(w) \
                and not _own(w):
            return w, "поиск заказа"
    return None


def _at_own_cost(window) -> bool:
    """«за свой счёт доставить чайник»: the cost pushed on the Клиент is the
    point (distrust by the catalogue), not the errand."""
    return any(fold(a.text) == "за" and has_lemma(b, {"свой", "ваш"}) and has_lemma(c, {"счет"})
               for a, b, c in zip(window, window[1:], window[2:]))


def _remedy_promised(verb, sent) -> bool:
    """«…: заменим её в день обращения»: after the errand the company promises
    the remedy itself (a 1st-person verb of replacing, returning, repairing)."""
    doc = sent.doc
    for t in doc[verb.i + 1:min(len(doc), sent.end + 12)]:
        if t.sent.start != sent.start and t.sent.start != sent.end:
            break
        if t.pos_ in ("VERB", "AUX") and person(t) == "1" and not is_negated(t) and has_lemma(t, _w("remedy_verbs")):
            return True
    return False


def _self_repair(verb, mode, trigger, window, sent):
    """«Разводы можно убрать влажной тряпкой», «Это делается самостоятельно,
    шестигранником», «Подтяните винты ключом»: in a reply to a complaint,
    the Клиент is told to repair, adjust or clean what the company should —
    said with «самостоятельно», a tool, or the defect as what is fixed."""
    if mode not in ("imp", "oblig", "advice", "poss", "fut", "selfpass"):
        return None
    lems = set(lemmas(verb))
    if mode == "selfpass":
        lems |= {lem[:-2] for lem in lems if lem.endswith("ся")}
        if not lems & (_w("repair_verbs") | _w("do_verbs")):
            return None
    elif not lems & _w("repair_verbs"):
        return None
    if not _complaint(sent.doc):
        return None
    selfw = next((w for w in window if abs(w.i - verb.i) <= 6 and (
        _self_word(w) or _self_means(w) or (mode == "selfpass" and fold(w.text) == "самостоятельно"))), None)
    tool = next((w for w in window if abs(w.i - verb.i) <= 6 and _tool(w)), None)
    defect = next((w for w in window if -4 <= w.i - verb.i <= 4 and w.pos_ in ("NOUN", "PROPN")
                   and has_lemma(w, _w("defect_nouns")) and (w.head.i in (verb.i, trigger.i) or w.dep_ in ("obj", "nsubj:pass"))),
                  None)
    guide = next((w for w in sent if not w.is_punct and has_lemma(w, _w("repair_guides"))), None)
    if selfw is None and tool is None and defect is None and guide is None:
        return None

    near = [x for x in (selfw, tool, defect) if x is not None] or [
        c for c in verb.children if c.dep_ == "obj" and c.i > verb.i] or [verb]
    target = max(near, key=lambda x: -abs(x.i - verb.i))
    return target, "ремонт своими силами"


def _tool(w) -> bool:
    """«шестигранником», «влажной тряпкой»: a tool in the instrumental (by
    pymorphy3 too: the tagger calls some of them objects)."""
    return w.pos_ in ("NOUN", "PROPN") and has_lemma(w, _w("repair_tools")) and (
        "Ins" in w.morph.get("Case") or any(p.tag.case == "ablt" for p in parses(w)[:2]))


def _redo(verb, mode, trigger, window, sent):
    """«Попробуйте заново оформить покупку», «Закажите товар ещё раз»,
    «Вам придётся повторно купить билет»: the Клиент is told to run the
    company's own process of buying, ordering or booking again."""
    if mode not in ("imp", "oblig", "advice", "poss", "fut"):
        return None
    lems = set(lemmas(verb))
    rebuy = bool(lems & _w("rebuy_verbs"))
    if not rebuy and not lems & _w("reorder_verbs"):
        return None
    if mode == "poss" and not has_lemma(trigger, {"попробовать", "пробовать", "попытаться"}) and not _complaint(sent.doc):
        return None
    doc = sent.doc
    near = [w for w in window if -4 <= w.i - verb.i <= 7 and w.i != verb.i]
    obj = next((w for w in near if w.pos_ in ("NOUN", "PROPN") and has_lemma(w, _w("order_nouns"))
                and w.dep_ in ("obj", "nsubj", "nsubj:pass", "obl") and not any(c.dep_ == "case" for c in w.children)), None)
    if obj is None or obj.head.i != verb.i:
        ellipsis = _ellipsis_new(verb, sent)
        if ellipsis is not None:
            return ellipsis, "повторное оформление"  # «отмените подписку … и оформите новую»
    if not rebuy and obj is None:
        return None
    again = verb if lems & _w("redo_verbs") else None
    for w in near:
        if has_lemma(w, _w("repeat_words")) and not (has_lemma(w, {"новый"}) and (obj is None or w.head.i != obj.i)):
            again = w
        if fold(w.text) == "раз" and w.i > 0 and fold(doc[w.i - 1].text) == "еще":
            again = w
    if again is None:
        return None
    return max((x for x in (obj, again) if x is not None), key=lambda x: x.i), "повторное оформление"


def _ellipsis_new(verb, sent):
    """«Отмените заказ и оформите новый», «…подписку… и оформите новую»: «новый»
    right after the verb with its noun left out, an order noun of the same
    gender and number earlier in the sentence — the Клиент redoes the order."""
    doc = sent.doc
    new = next((t for t in doc[verb.i + 1:min(sent.end, verb.i + 3)] if has_lemma(t, {"новый"}) and t.pos_ == "ADJ"),
               None)
    if new is None or (new.head.i > new.i and new.head.pos_ in ("NOUN", "PROPN")):
        return None
    if new.i + 1 < sent.end and doc[new.i + 1].pos_ in ("NOUN", "PROPN", "ADJ"):
        return None  # «оформите новую карту»: the noun is there
    for t in doc[sent.start:verb.i]:
        if t.pos_ in ("NOUN", "PROPN") and has_lemma(t, _w("order_nouns")) \
                and set(t.morph.get("Gender")) == set(new.morph.get("Gender")) \
                and set(t.morph.get("Number")) == set(new.morph.get("Number")):
            return new
    return None


def _company_alternative(verb, sent) -> bool:
    """«Можете подтянуть винты сами или мастер приедет завтра», «…, либо
    мы заберём его курьером»: the company offers to do it as well."""
    doc = sent.doc
    ors = [t for t in sent if has_lemma(t, _w("alternative_words"))]
    if not ors:
        return False
    for t in doc[ors[0].i + 1:sent.end]:
        if t.pos_ not in ("VERB", "AUX") or t.i == verb.i or is_negated(t):
            continue
        if person(t) == "1":
            return True
        subj = [c for c in t.children if c.dep_.startswith("nsubj")]
        if person(t) == "3" and any("Anim" in c.morph.get("Animacy") or has_lemma(c, _w("staff_roles")) for c in subj):
            return True
    return False


def _other_called(w, verb) -> bool:
    """«вызовите частного электрика», «обратитесь в стороннюю мастерскую»:
    what the verb reaches is marked as somebody else («частный»,
    «сторонний», «независимый»)."""
    return w.head.i == verb.i and _named_other(w) and not _own(w)


def _addressee_before(w, verb, trigger, vlem) -> bool:
    """«ей и нужно писать заявку», «им и звоните»: a dative pronoun before a
    verb of writing, calling or filing is its addressee."""
    if not vlem & (_w("write_verbs") | _w("dial_verbs") | _w("file_verbs")) or w.pos_ != "PRON":
        return False
    return 0 < verb.i - w.i <= 4 and "Dat" in w.morph.get("Case") and w.head.i in (verb.i, trigger.i) \
        and not any(c.dep_ == "case" for c in w.children)


def _named_other(tok) -> bool:
    """Somebody else named in other words: «их техподдержка», «подрядная
    организация», «сторонний сервис»."""
    if fold(tok.text) == "их" and has_lemma(tok.head, _w("support_heads")):
        return True
    return tok.pos_ == "NOUN" and any(has_lemma(c, _w("other_modifiers")) for c in tok.children)


def _offered(verb, sent) -> bool:
    """The errand is an option at the Клиент's wish: «Если удобнее, …»,
    «Если захотите, можете …», «При желании …»."""
    doc = sent.doc
    before = [t for t in doc[sent.start:verb.i] if not t.is_space]
    for k, t in enumerate(before):
        low = fold(t.text)
        if low == "если":
            wish = next((x for x in before[k + 1:k + 4] if has_lemma(x, _w("wish_words"))), None)
            if wish is not None:
                # «Если хотите вернуть деньги, обратитесь в банк»: a goal, not an option
                nxt = next((x for x in before if x.i > wish.i and not x.is_punct), None)
                if nxt is None or not _is_infinitive(nxt):
                    return True
        if low in ("при", "по") and k + 1 < len(before) and has_lemma(before[k + 1], {"желание"}):
            return True
    return False


def _reached_directly(w, verb, window) -> bool:
    """«Звоните напрямую в сервис», «обратитесь непосредственно в офис»: the
    place or person reached «directly» is not the company."""
    if w.pos_ not in ("NOUN", "PROPN") or w.head.i != verb.i or not any(has_lemma(t, _w("direct_words")) for t in window):
        return False
    if w.text[:1].isupper():
        return False  # a name is judged by _org_name: «со Студией» is a product's
    return any(c.dep_ == "case" for c in w.children) or "Dat" in w.morph.get("Case")


def _staff_there(w, sent, earlier) -> bool:
    """«предъявить администратору на месте», «Отель продал номер … — обратитесь
    к администратору»: the staff of a place that is not the company's — on
    the spot, or of a third party named before."""
    if w.pos_ not in ("NOUN", "PROPN") or not has_lemma(w, _w("staff_roles")):
        return False
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    on_site = any(fold(a.text) == "на" and has_lemma(b, _w("on_site")) for a, b in zip(toks, toks[1:]))
    return on_site or any(_third_party(t) and not _own(t) for t in earlier if t.i != w.i)


def _foreign_name(w) -> bool:
    """«в поддержку Google», «обратитесь в Apple»: a name in Latin letters
    for an organisation the Клиент is sent to — after a support desk or as
    the place itself — unless it is the company's own (the signature, its
    web or e-mail domain)."""
    text = w.text
    if not re.fullmatch(r"[A-Z][A-Za-z0-9&.\-]*", text) or len(text) < 2:
        return False
    if fold(text) in _signature_names(w.doc) or fold(text) in _own_domains(w.doc):
        return False
    doc = w.doc
    prev = doc[w.i - 1] if w.i > 0 else None
    if prev is not None and has_lemma(prev, _w("support_heads")):
        return True
    # «обратитесь в Apple»: only a verb of addressing an organisation and a
    # name, not an acronym («узнать в FAQ») or a messenger («напишите в Telegram»)
    verb = w.head if w.head.i != w.i else None
    return prev is not None and fold(prev.text) in ("в", "во", "к", "ко") and not text.isupper() \
        and verb is not None and has_lemma(verb, _w("address_verbs"))


def _own_domains(doc) -> frozenset[str]:
    """Names in the draft's web and e-mail addresses («help@rutube.ru» →
    «rutube»): a company that gives its own address names itself so."""
    key = ("customer_legwork", "own_domains")
    got = doc.user_data.get(key)
    if got is None:
        got = frozenset(fold(m) for m in re.findall(r"(?:@|//|www\.|\b)([A-Za-z0-9-]+)\.(?:ru|com|рф|net|org|su|io|app)\b",
                                                     doc.text))
        doc.user_data[key] = got
    return got


def _party_role(w, verb) -> bool:
    """«свяжитесь с получателем»: the other party of the Клиент's transaction,
    only as what the verb itself reaches («указать получателем …» is not)."""
    return has_lemma(w, _w("party_roles")) and w.pos_ in ("NOUN", "PROPN") and w.head.i == verb.i


def _sought(w, verb, vlem) -> bool:
    """«найдите ближайший сервисный центр»: a third party as the object of
    finding is a place the Клиент is sent to."""
    return bool(vlem & _w("find_verbs")) and w.dep_ == "obj" and w.head.i == verb.i


def _pickup(sent) -> bool:
    """The sentence is about picking up the order («заберите посылку»)."""
    objects = _w("pickup_objects")
    doc = sent.doc
    for t in sent:
        # «приходите за заказом»
        if fold(t.text) == "за" and t.i + 1 < sent.end and any(
                has_lemma(x, objects) and "Ins" in x.morph.get("Case") for x in doc[t.i + 1:min(sent.end, t.i + 3)]):
            return True
    for t in sent:
        if has_lemma(t, _w("fetch_verbs")) and t.pos_ in ("VERB", "NOUN", "ADJ", "X", "PRON"):
            doc = sent.doc
            near = [doc[j] for j in range(t.i + 1, min(sent.end, t.i + 4))]
            if any(has_lemma(x, objects) for x in near):
                return True
    return False


def _phrase_end(tok) -> int:
    """Last index of the noun phrase ``tok`` heads, to the right
    («в службу доставки», «сервисный центр производителя»)."""
    doc = tok.doc
    end = tok.i
    members = {tok.i}
    j = tok.i + 1
    while j < len(doc) and j - tok.i <= 4:
        t = doc[j]
        if t.head.i in members and t.pos_ in ("NOUN", "PROPN", "ADJ") and t.dep_ in ("nmod", "amod", "flat", "flat:name", "appos") \
                and ("Gen" in t.morph.get("Case") or t.pos_ == "PROPN" or t.dep_.startswith("flat")):
            members.add(j)
            end = j
            j += 1
            continue
        break
    return end


def _mode(verb, sent):
    """How the action is put to the Клиент: ``imp`` (imperative), ``oblig``
    («Вам нужно …»), ``advice`` («рекомендуем …»), ``poss`` («можно …»)."""
    if (verb.pos_ in ("VERB", "NOUN", "ADJ", "X", "PROPN", "PRON")
            or (verb.pos_ == "INTJ" and not has_lemma(verb, {"здравствовать", "пожалуйста"}))) \
            and not _is_infinitive(verb) and is_imperative(verb):
        return "imp", verb
    if _precondition(verb, sent):
        return "cond", verb
    if _future_you(verb, sent):
        return "fut", verb
    if _jussive(verb):
        return "imp", verb
    if _passive_process(verb):
        return "pass", verb
    if not _is_infinitive(verb):
        return None, None
    doc = sent.doc
    candidates = [verb.head] + [doc[j] for j in range(max(sent.start, verb.i - 4), verb.i)] + [
        c for c in verb.children if 0 < c.i - verb.i <= 8 or (
            0 < c.i - verb.i <= 14 and has_lemma(c, _w("obligation_words")))]  # «Уточнить время Вы можете у …»
    for m in candidates:
        if m.i == verb.i:
            continue
        if fold(m.text) in _w("advice_comparatives") and m.pos_ in ("ADV", "ADJ") and not _for_us(m, sent) \
                and not is_negated(m):
            return "advice", m  # «Вам будет удобнее всего написать …», «проще узнать у …»
        if has_lemma(m, _w("way_nouns")) and m.pos_ in ("NOUN", "PROPN") and m.i < verb.i and not _for_us(m, sent) \
                and any(doc[j].text in _DASHES or doc[j].text == ":" for j in range(m.i + 1, verb.i)):
            return "advice", m  # «Единственный способ — обратиться в банк», «Выход один: написать …»
        if has_lemma(m, _w("obligation_words")) and m.pos_ in ("ADJ", "ADV", "VERB", "AUX", "NOUN", "X"):
            if _for_us(m, sent) or _other_subject(m):
                return None, None
            return "oblig", m
        if has_lemma(m, _w("advice_words")) and m.pos_ == "VERB":
            return "advice", m
        if has_lemma(m, _w("impersonal_advice")) and not is_negated(m) and m.i != verb.i:
            return "advice", m  # «Рекомендуется обратиться в банк»
        if has_lemma(m, _w("possibility_words")) and m.pos_ in ("ADV", "VERB", "AUX", "ADJ"):
            if m.i < verb.i and _is_infinitive(m) and m.head.i != m.i:
                outer, by = _mode(m, sent)  # «Можно попробовать связаться …», «Вы можете попробовать …»
                if outer is not None:
                    return outer, by
            if fold(m.text) == "вправе" and not any(fold(c.text) in ("вы", "ты") for c in m.children):
                return None, None  # «Компания вправе расторгнуть договор»: not the Клиент's right
            if fold(m.text) in ("можно", "возможно", "вправе") or person(m) == "2" or is_imperative(m):
                return "poss", m  # «Попробуйте …» the tagger may call an adverb
            return None, None
        if has_lemma(m, _w("easy_words")) and m.pos_ in ("ADV", "ADJ") and m.i < verb.i and not _for_us(m, sent):
            return "poss", m  # «Перекос легко устранить …»
    return None, None


def _future_you(verb, sent) -> bool:
    """«адрес найдёте на сайте перевозчика», «номер дела Вы узнаете в полиции»:
    a 2nd-person future that tells the Клиент where to go — not in a question
    or a condition («Если Вы позвоните в банк, …»)."""
    if verb.pos_ not in ("VERB", "NOUN", "ADJ", "X", "PROPN", "PRON"):
        return False
    if has_lemma(verb, _w("possibility_words") | _w("obligation_words")):
        return False  # «Вы можете …» is a possibility, «Вы должны …» an obligation
    if not any(p.tag.POS == "VERB" and {"2per", "plur", "futr"} <= p.tag.grammemes and "impr" not in p.tag.grammemes
               for p in parses(verb)):
        return False
    if any(t.text == "?" for t in sent) or any(fold(t.text) == "ли" for t in sent):
        return False
    doc = sent.doc
    before = [doc[j] for j in range(sent.start, verb.i)]
    return not any(fold(t.text) in ("если", "когда", "пока", "чтобы", "коли") for t in before)


def _jussive(verb) -> bool:
    """«Пусть Клиент сам позвонит в банк», «пусть Ваш муж заедет в сервис»:
    a third-person command whose subject is the Клиент or one of his."""
    if verb.pos_ not in ("VERB", "AUX") or person(verb) != "3" or is_past(verb):
        return False
    doc = verb.doc
    sent = verb.sent
    if not any(has_lemma(doc[j], _w("jussive_particles")) for j in range(max(sent.start, verb.i - 5), verb.i)):
        return False
    for c in verb.children:
        if c.dep_.startswith("nsubj"):
            return has_lemma(c, _w("client_nouns")) or any(has_lemma(d, {"ваш", "свой"}) for d in c.children)
    return False


def _precondition(verb, sent) -> bool:
    """«Мастер приедет только после того, как Вы пришлёте акт …», «вернём
    деньги, как только Вы получите заключение …»: the Клиент's errand set as
    the condition of the company's help."""
    if verb.pos_ not in ("VERB", "AUX", "NOUN", "ADJ", "X"):
        return False
    if not any(p.tag.POS == "VERB" and {"2per", "plur"} <= p.tag.grammemes and "impr" not in p.tag.grammemes
               and ("futr" in p.tag.grammemes or "pres" in p.tag.grammemes) for p in parses(verb)):
        return False
    if any(t.text == "?" for t in sent):
        return False
    doc = sent.doc
    before = [t for t in doc[max(sent.start, verb.i - 8):verb.i] if not t.is_punct]
    low = [fold(t.text) for t in before]
    for k, w in enumerate(low):
        if w == "как" and k >= 1 and (low[k - 1] == "того" and k >= 2 and low[k - 2] == "после"
                                      or low[k - 1] in ("только", "лишь")):
            return True  # «после того, как», «только после того как», «как только»
        if w == "как" and k + 1 < len(low) and low[k + 1] == "только":
            return True
        if w in ("когда", "если", "после") and k >= 1 and low[k - 1] in _w("precondition_words"):
            return True  # «только когда», «лишь если», «только после»
    return False


def _passive_process(verb) -> bool:
    """«заявление подаётся на сайте перевозчика», «вопрос решается через банк»:
    a reflexive passive in the present that tells how the Клиент's matter is
    handled — by the Клиент, somewhere else."""
    if verb.pos_ not in ("VERB", "AUX") or "Pres" not in verb.morph.get("Tense") or "3" not in verb.morph.get("Person"):
        return False
    if not fold(verb.text).endswith(("ся", "сь")) or is_negated(verb):
        return False
    legwork = _w("legwork_verbs") | _w("file_verbs") | _w("passive_verbs")
    lems = lemmas(verb)
    if any(lem in legwork for lem in lems):
        return False  # «обращается», «связывается»: a verb that is reflexive itself
    if not any(lem.endswith("ся") and lem[:-2] in legwork for lem in lems):
        return False
    subj = [c for c in verb.children if c.dep_.startswith("nsubj") and "Dat" not in c.morph.get("Case")]
    # the subject nearest the verb («Перенос оформляется через чат-бот …, ссылка в смс»)
    subj = sorted(subj, key=lambda c: abs(c.i - verb.i))[:1]
    return all(c.pos_ in ("NOUN", "PROPN") and "Anim" not in c.morph.get("Animacy")
               and (has_lemma(c, _w("matter_nouns")) or _action_noun(c)) for c in subj) and bool(subj)


def _self_word(w) -> bool:
    """«самостоятельно», «сами», «самим», «самой» — not «сама посылка»,
    «самый», «самостоятельная работа»."""
    if not has_lemma(w, _w("self_words")):
        return False
    doc = w.doc
    if has_lemma(w, {"самый"}) and w.i + 1 < len(doc) and doc[w.i + 1].pos_ in ("ADJ", "ADV"):
        return False  # «в самое ближайшее время»
    if fold(w.text).startswith("самостоятельн") and w.pos_ == "ADJ":
        return w.head.pos_ == "NOUN" and has_lemma(w.head, {"порядок"})  # «в самостоятельном порядке»
    if w.dep_ in ("det", "amod") and w.head.pos_ in ("NOUN", "PROPN"):
        # «сама посылка» — but «замерьте скорость сами»: a plural «сами» that
        # cannot agree with a singular noun belongs to «Вы»
        # («сделайте замеры сами»: after an object, not a subject — «деньги вернутся сами»)
        return fold(w.text) in ("сами", "самим") and ("Sing" in w.head.morph.get("Number") or (
            "Nom" in w.morph.get("Case") and "Nom" not in w.head.morph.get("Case")) or (
            w.i > w.head.i and not w.head.dep_.startswith("nsubj") and "Anim" not in w.head.morph.get("Animacy")
            and not any(t.pos_ in ("VERB", "AUX") and "Ind" in t.morph.get("Mood")
                        for t in doc[w.head.i:min(len(doc), w.i + 3)])))
    if w.head.pos_ in ("VERB", "AUX") and "Ind" in w.head.morph.get("Mood") and person(w.head) == "3":
        return False  # «деньги вернутся сами»: the thing by itself
    return True


def _self_word_misattached(w, verb) -> bool:
    """«подайте ей заявку самостоятельно через портал»: the tagger hangs
    «самостоятельно» on a farther 3rd-person verb; the imperative it follows
    with no verb between is what it goes with."""
    if fold(w.text) != "самостоятельно" or w.head.i == verb.i or not (0 < w.i - verb.i <= 5):
        return False
    doc = w.doc
    return not any(t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 1:w.i]) \
        and abs(w.head.i - w.i) > w.i - verb.i


def _is_infinitive(tok) -> bool:
    """By pymorphy3 (the tagger calls «придётся» an infinitive and misses some)."""
    return tok.pos_ in ("VERB", "NOUN", "ADJ", "X", "PROPN") and any(p.tag.POS == "INFN" for p in parses(tok))


def _for_us(modal, sent) -> bool:
    """«Нам нужно связаться с курьером», «мы должны …» — the company's own task."""
    doc = sent.doc
    for j in range(max(sent.start, modal.i - 3), min(sent.end, modal.i + 3)):
        if fold(doc[j].text) in ("нам", "мне", "мы", "я") or (
                has_lemma(doc[j], {"наш", "мой"}) and doc[j].pos_ in ("DET", "PRON", "ADJ")):
            return True  # «Нам нужно …», «Наша задача — …»
    return person(modal) == "1"


def _other_subject(modal) -> bool:
    """«трансляция должна иметь пометку» — the duty is not the Клиент's."""
    # «Доверенность Вам предстоит распечатать»: with «Вам» the duty is the
    # Клиент's, whatever the tagger calls the fronted object
    you = not has_lemma(modal, {"должный"}) and any(
        fold(c.text) in ("вам", "тебе") and c.dep_ in ("iobj", "obl", "nsubj") for c in modal.children)
    for c in modal.children:
        if you and c.pos_ in ("NOUN", "PROPN"):
            continue
        # «трансляция должна иметь пометку», «курьеру нужно …»; not a topic the
        # tagger calls a subject of an impersonal word («Ответ лучше узнать у …»)
        if c.dep_.startswith("nsubj") and c.pos_ in ("NOUN", "PROPN") and c.morph.get("Case") in ([], ["Nom"]) and (
                has_lemma(modal, {"должный"}) or "Anim" in c.morph.get("Animacy") or modal.pos_ in ("VERB", "AUX")):
            return True  # not a fronted accusative object («Такой кабель придётся докупить»)
        if c.dep_.startswith("nsubj") and c.pos_ == "PRON" and fold(c.text) not in ("вы",):
            return True
    if has_lemma(modal, {"должный"}) and "Sing" in modal.morph.get("Number"):
        return True  # «должна», «должен»: not the polite «Вы должны»
    return False


def _past(modal) -> bool:
    """«проверять нужно было при курьере» — a reproach about the past, not a task."""
    doc = modal.doc
    near = [doc[j] for j in range(max(0, modal.i - 2), min(len(doc), modal.i + 3))]
    return any(fold(t.text) in ("было", "была", "были", "был") for t in near) or is_past(modal)


def _third_party(tok) -> bool:
    if tok.pos_ not in ("NOUN", "PROPN", "X", "ADJ") and not _noun_by_morph(tok):
        return False
    if has_lemma(tok, _w("third_parties")) and tok.pos_ != "ADJ":
        return True
    if _compound_party(tok):
        return True
    if _office_adjective(tok) or _org_name(tok) or _their_place(tok):
        return True
    if _org_described(tok) or _role_of_other(tok):
        return True
    if has_lemma(tok, _w("third_party_heads")) and tok.pos_ in ("NOUN", "PROPN"):
        mods = _w("third_party_modifiers") | _w("third_parties") | _w("brand_service_modifiers")
        if any(has_lemma(c, mods) for c in tok.children):
            return True
        # «отдел по вопросам миграции»: the modifier one step further down
        if any(has_lemma(g, mods) and g.pos_ in ("NOUN", "PROPN") for c in tok.children if c.dep_ == "nmod"
               and has_lemma(c, {"вопрос", "дело", "работа"}) for g in c.children if g.dep_ == "nmod"):
            return True
        doc = tok.doc
        near = [doc[j] for j in range(max(0, tok.i - 2), min(len(doc), tok.i + 3)) if j != tok.i]
        return any(has_lemma(t, mods) and t.pos_ in ("ADJ", "NOUN", "PROPN", "VERB") for t in near)
    return False


def _org_described(tok) -> bool:
    """«на билетную платформу», «газораспределительная организация», «в
    компанию, где Вы покупали»: an organisation named by its kind with a word
    that says which one is somebody else — not «наша компания», not the kind
    the signature names the company by («Агентство «X»»), not «мы — …»."""
    if tok.pos_ not in ("NOUN", "PROPN") or not has_lemma(tok, _w("org_nouns")) or _own(tok) or _own_kind(tok):
        return False
    doc = tok.doc
    if any(fold(doc[j].text) in ("мы", "нас", "нам") for j in range(max(tok.sent.start, tok.i - 4), tok.i)):
        return False  # «Мы — небольшая компания»
    for c in tok.children:
        if c.dep_ in ("amod", "det", "acl", "acl:relcl") and c.pos_ != "PUNCT" \
                and not has_lemma(c, _w("own_markers") | {"ваш", "свой", "твой"}):
            return True  # not «Ваша организация»: the Клиент's own, in a reply to a business
        if c.dep_ == "nmod" and c.pos_ in ("NOUN", "PROPN") and c.i > tok.i and (
                "Gen" in c.morph.get("Case") or any(fold(g.text) == "по" for g in c.children if g.dep_ == "case")):
            return True  # «площадка концерта», «организация по обслуживанию газа»
    return False


def _own_kind(tok) -> bool:
    """The signature names the company by this kind: «Агентство «Антракт»»."""
    return any(fold(lem) in _signature_names(tok.doc) for lem in lemmas(tok))


def _role_of_other(tok) -> bool:
    """«у администратора площадки», «разрешение председателя ТСЖ»: a role in
    an organisation (administrator, manager, chairman …) of somebody else —
    a third party, a venue or platform, an abbreviated body — in the genitive."""
    if tok.pos_ not in ("NOUN", "PROPN") or not has_lemma(tok, _w("org_roles")) or _own(tok):
        return False
    for c in tok.children:
        if c.dep_ != "nmod" or c.i < tok.i or "Gen" not in c.morph.get("Case") or _own(c) or _own_kind(c):
            continue
        if _third_party(c) or has_lemma(c, _w("venue_nouns")) or _abbreviated_body(c):
            return True
    return False


def _abbreviated_body(tok) -> bool:
    """«ТСЖ», «ГСК»: an abbreviation in capitals that is not a document's or
    an identifier's («ИНН») and not the company's own name."""
    text = tok.text
    return text.isupper() and text.isalpha() and 2 <= len(text) <= 8 and bool(re.search("[А-ЯЁ]", text)) \
        and not has_lemma(tok, _w("not_organisations")) and fold(text) not in _own_names(tok.doc) \
        and fold(text) not in ("вы", "вас", "вам", "ваш", "мы", "нам", "нас")


def _compound_party(tok) -> bool:
    """«банком-отправителем», «компания-поставщик», «банка-партнёра»: a
    hyphenated noun one of whose parts names a third party; «авиаперевозчик»:
    a short prefix on one."""
    text = fold(tok.text)
    if tok.pos_ not in ("NOUN", "PROPN", "X") or not text.replace("-", "").isalpha():
        return False
    parties = _w("third_parties")
    if "-" not in text:
        # «авиаперевозчик», «грузоперевозчик»: a short prefix on a third party
        for p in _morph_parse(text)[:2]:
            form = fold(p.normal_form)
            if p.tag.POS == "NOUN" and any(form.endswith(x) and 2 <= len(form) - len(x) <= 6
                                           for x in parties if len(x) >= 6 and "-" not in x):
                return True
        return False
    for part in text.split("-"):
        if len(part) < 3 or not part.isalpha():
            continue
        if any(fold(p.normal_form) in parties and p.tag.POS == "NOUN" for p in _morph_parse(part)[:3]):
            return True
    return False


def _morph_parse(word: str):
    from ..nlp.pipeline import morph_analyzer

    return morph_analyzer().parse(word)


def _noun_by_morph(tok) -> bool:
    """The tagger took a rare noun for a verb («написать субподрядчику»)."""
    ps = parses(tok)
    return tok.pos_ == "VERB" and bool(ps) and ps[0].tag.POS == "NOUN" and not any(p.tag.POS in ("VERB", "INFN") for p in ps)


def _office_adjective(tok) -> bool:
    """«в справочной», «позвоните в налоговую»: an adjective standing for an office."""
    if not has_lemma(tok, _w("office_adjectives")):
        return False
    if tok.pos_ == "NOUN":
        return True
    return tok.pos_ == "ADJ" and not (tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i) \
        and not (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ in ("NOUN", "PROPN", "ADJ"))


_PERSON_OR_PLACE = {"Name", "Surn", "Patr", "Geox"}


def _org_name(tok) -> bool:
    """The name of an organisation: pymorphy3's organisation tag («Ростелеком»),
    an abbreviation in capitals («РЖД», «МФЦ»), or a proper noun in the middle
    of a sentence that is neither a common noun nor the name of a person or
    a place («Вайлдберриз», «Тинькофф»).
    The company's own name (in the signature, «команда X») does not count."""
    text = tok.text
    if not text[:1].isupper() or not re.search("[а-яё]", text, re.I):
        return False
    if fold(text) in _own_names(tok.doc):
        return False
    ps = parses(tok)
    if text.isupper() and 2 <= len(text) <= 8 and text.isalpha():
        if fold(text) in ("вы", "вас", "вам", "вами", "ваш", "ты", "мы", "нам", "нас") \
                or has_lemma(tok, _w("not_organisations")):
            return False
        if any("Orgn" in p.tag.grammemes for p in ps[:3]):
            return True
        # other abbreviations («МФЦ», «ГИБДД») name an organisation only as a
        # place or an addressee: «в МФЦ», «на сайте ГИБДД», «с ПФР» — not
        # «уточните ИНН»
        if not (any({"Abbr"} <= p.tag.grammemes for p in ps) or not _morph_known(text)):
            return False
        return _located(tok) or (tok.i > 0 and fold(tok.doc[tok.i - 1].text) in ("с", "со"))
    if any("Orgn" in p.tag.grammemes for p in ps[:2]):
        return True
    if tok.pos_ != "PROPN" or tok.i == tok.sent.start or _in_quotes(tok):
        return False
    prev = tok.doc[tok.i - 1]
    if prev.is_punct and prev.text in (".", "!", "?", "…", "\n"):
        return False
    if any(_PERSON_OR_PLACE & set(p.tag.grammemes) for p in ps[:3]):
        return False
    # a common noun written with a capital is a product's or a section's
    # name («в Студии», «раздел Настройки»), not an organisation
    return not (_morph_known(text) and any(p.tag.POS == "NOUN" for p in ps[:2]))


def _morph_known(text: str) -> bool:
    from ..nlp.pipeline import morph_analyzer

    return morph_analyzer().word_is_known(fold(text))


def _in_quotes(tok) -> bool:
    doc = tok.doc
    return tok.i > 0 and doc[tok.i - 1].text in ("«", '"', "“", "„")


def _their_place(tok) -> bool:
    """«на его сайте», «в их приложении», «в его поддержку»: a place or a
    support desk that belongs to someone else."""
    if not has_lemma(tok, _w("place_nouns") | _w("support_heads")) or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    doc = tok.doc
    owners = [c for c in tok.children if c.i < tok.i] + [doc[j] for j in range(max(0, tok.i - 2), tok.i)]
    return any(fold(o.text) in ("его", "ее", "их") for o in owners)


def _signature_names(doc) -> frozenset[str]:
    """Words of the signature line (a short last line: «Сервис «ТехноДом»»)."""
    lines = [ln for ln in doc.text.strip().splitlines() if ln.strip()]
    if len(lines) > 1:
        last = lines[-1]
        if len(last.split()) <= 6 and not last.rstrip().endswith((".", "!", "?", ":")):
            return frozenset(fold(w) for w in re.findall(r"[\w-]+", last))
    return frozenset()


def _own_names(doc) -> frozenset[str]:
    """Words naming the company itself: the signature line (a short last
    line: «Сервис «ТехноДом»») and what follows «команда», «поддержка»."""
    key = ("customer_legwork", "own_names")
    got = doc.user_data.get(key)
    if got is not None:
        return got
    names: set[str] = set(_signature_names(doc))
    for tok in doc:
        if has_lemma(tok, {"команда", "поддержка", "администрация", "сервис"}) and tok.i + 1 < len(doc):
            nxt = doc[tok.i + 1]
            if any(has_lemma(doc[j], _w("brand_service_modifiers") | _w("third_party_modifiers") | _w("other_modifiers"))
                   for j in range(max(0, tok.i - 2), tok.i)):
                continue  # «в авторизованный сервис Shimano»: the brand's, not ours
            if nxt.text[:1].isupper():
                names.add(fold(nxt.text))
    got = frozenset(names)
    doc.user_data[key] = got
    return got


def _located(tok) -> bool:
    """The word names a place to go or look: after «в», «на», «у», «к», «через»
    («в справочной РЖД», «на сайте перевозчика»), or owns such a place."""
    doc = tok.doc
    j = tok.i - 1
    steps = 0
    while j >= 0 and steps < 6:
        t = doc[j]
        if t.pos_ == "ADP" or fold(t.text) in ("в", "во", "на", "у", "к", "ко", "через"):
            return fold(t.text) in ("в", "во", "на", "у", "к", "ко", "через")
        if t.pos_ in ("ADJ", "DET", "NOUN", "PROPN", "NUM") or t.text in ("«", "»", '"') or t.is_space:
            j -= 1
            steps += 1
            continue
        return False
    return False


def _own(tok) -> bool:
    """«наш курьер», «в нашу курьерскую службу», «в отделении нашего банка»."""
    own = _w("own_markers")
    nodes = [tok, tok.head] if tok.pos_ == "ADJ" else [tok]
    nodes += [c for c in tok.children if c.dep_ == "nmod" and "Gen" in c.morph.get("Case")]
    for n in nodes:
        if any(has_lemma(c, own) for c in n.children):
            return True
    doc = tok.doc
    if any(has_lemma(doc[j], own) for j in range(max(0, tok.i - 2), tok.i)):
        return True
    # «в отделении ТехноДома»: the company's own name
    return any(fold(c.text) in _own_names(doc) for c in tok.children if c.dep_ in ("nmod", "flat", "appos"))


def _on_delivery(window) -> bool:
    """«при получении»: talking to the courier who is there anyway."""
    for w, nxt in zip(window, window[1:]):
        if fold(w.text) == "при" and has_lemma(nxt, _w("on_delivery")):
            return True
    return False


def _beside(tok) -> bool:
    """«при курьере», «без курьера»: a circumstance, not someone to contact."""
    doc = tok.doc
    preps = [c for c in tok.children if c.dep_ == "case"]
    if tok.i > 0 and doc[tok.i - 1].pos_ == "ADP":
        preps.append(doc[tok.i - 1])
    return any(fold(p.text) in ("при", "без", "кроме", "вместо", "по") for p in preps)


def _email(tok, verb_lemmas) -> bool:
    """«напишите на почту», «почта help@…», «электронная почта» — e-mail."""
    if not has_lemma(tok, {"почта"}):
        return False
    if verb_lemmas & _w("write_verbs"):
        return True
    doc = tok.doc
    near = [doc[j] for j in range(max(0, tok.i - 2), min(len(doc), tok.i + 4))]
    return any("@" in t.text or has_lemma(t, {"электронный", "нежелательный", "e-mail", "email"}) for t in near)


def _to_us(verb) -> bool:
    """The action is addressed to the company: «напишите нам», «свяжитесь с нами»."""
    doc = verb.doc
    for t in list(verb.children) + [doc[j] for j in range(verb.i + 1, min(len(doc), verb.i + 4))]:
        if fold(t.text) in ("нам", "нами", "нас") and t.pos_ == "PRON":
            return True
    return False


def _instrument(tok) -> bool:
    """«отправьте почтой» names a channel, not someone to contact."""
    return "Ins" in tok.morph.get("Case") and not any(c.dep_ == "case" for c in tok.children) \
        and not (tok.i > 0 and fold(tok.doc[tok.i - 1].text) in ("с", "со"))


# --- the rewrite: the company does it -------------------------------------------

_STOPS = {":", ";", "—", "–", ".", "!", "?", "…"}
_NO_REWRITE = {"документы третьей стороны", "визит лично", "оформление документов", "переадресация", "поручение Клиенту",
               "доставка товара", "ремонт своими силами", "повторное оформление", "то, о чём просил Клиент",
               "самообслуживание вместо того, что просил Клиент"}
_SUBORDINATORS = {"чтобы", "если", "когда", "пока", "хотя", "так", "поэтому", "потому"}


def _rewrite(sent, span, what):
    """The errand moved to the company's voice: «Обратитесь, пожалуйста, в
    свой банк» → «Мы сами обратимся в Ваш банк и сообщим Вам результат
    [срок]». ``(where, text)`` for ``ctx.hit``, or None."""
    conf = rw.templates("customer-legwork")
    doc = sent.doc
    found = next(((t, *_mode(t, sent)) for t in span if not t.is_punct and _mode(t, sent)[0] is not None), None)
    if found is None:
        return None
    verb, mode, trigger = found
    if mode in ("pass", "cond") or what in _NO_REWRITE or _jussive(verb):
        return None  # a process described, papers or a visit: «мы сами» would not say what to do
    dropped = frozenset(fold(w) for w in conf.get("dropped", []))
    send = frozenset(fold(w) for w in conf.get("send_verbs", []))
    perfective = {fold(k): v for k, v in conf.get("perfective", {}).items()}
    track_for = frozenset(fold(w) for w in conf.get("track_verb_for", []))
    thing = _tracked(sent, verb, conf) if what == "отслеживание" else None
    tracking = thing is not None

    # where the errand starts: the modal, «Вам», «Пожалуйста,», «самостоятельно»
    start = min(verb.i, trigger.i)
    while start - 1 >= sent.start and (fold(doc[start - 1].text) in dropped
                                       or (doc[start - 1].text == "," and start - 2 >= sent.start
                                           and fold(doc[start - 2].text) == "пожалуйста"
                                           and rw.starts_sentence(doc[start - 2]))):
        start -= 1
    if start - 1 >= sent.start and has_lemma(doc[start], {"смысл"}) and has_lemma(doc[start - 1], {"иметь"}):
        start -= 1  # «Имеет смысл обратиться …» goes whole
    # «Ваша задача — позвонить …»: the possessive and the dash go with the noun
    pre_drop: set[int] = set()
    if trigger.i < verb.i and has_lemma(trigger, {"задача", "обязанность"}):
        for c in trigger.children:
            if c.dep_ == "det" and c.i < trigger.i:
                start = min(start, c.i)
                pre_drop.add(c.i)
        pre_drop.update(j for j in range(trigger.i + 1, verb.i) if doc[j].text in ("—", "–", "-"))
    # an errand chained to earlier requests («Скачайте бланк, заполните его …»)
    start = _chain_start(sent, start, send)
    # where it ends: a colon or dash, the sentence end, or a new clause
    starters = frozenset(fold(w) for w in conf.get("clause_starters", []))
    end = verb.i
    j = verb.i + 1
    while j < sent.end:
        t = doc[j]
        if t.text in _STOPS:
            break
        if t.text == "," and j + 1 < sent.end and fold(doc[j + 1].text) in starters:
            break
        if not t.is_space:
            end = j
        j += 1
    while end > verb.i and doc[end].is_punct and doc[end].text not in "»)":
        end -= 1
    # «…, они подскажут, где курьер»: what the third party would have said goes too
    helpers = frozenset(fold(w) for w in conf.get("helper_pronouns", []))
    rest = [t for t in doc[end + 1:sent.end] if not t.is_space]
    if len(rest) > 1 and rest[0].text in (",", "—", "–") and fold(rest[1].text) in helpers:
        tail = [t for t in rest if not (t.is_punct and t.text not in "»)")]
        helper_end = tail[-1].i if tail else end
    else:
        helper_end = None

    ops: dict[int, str] = {j: "" for j in pre_drop}
    k = start
    while k <= end:
        t = doc[k]
        low = fold(t.text)
        if k in pre_drop:
            pass
        elif (k == trigger.i and trigger.i != verb.i) or (k + 1 == trigger.i and has_lemma(t, {"иметь"})
                                                      and has_lemma(trigger, {"смысл"})) \
                or (k == trigger.i + 1 and k != verb.i and fold(t.text) in ("всего", "всех")):  # «удобнее всего»
            ops[k] = ""
        elif mode != "imp" and min(trigger.i, verb.i) < k < max(trigger.i, verb.i) \
                and (t.pos_ == "AUX" or fold(t.text) in ("бы", "будет", "было")):
            ops[k] = ""  # «нужно будет связаться» → «свяжемся»
        elif low in dropped and t.pos_ != "NOUN":
            ops[k] = ""
            if low == "пожалуйста":
                _drop_commas(doc, k, start, end, ops)
        elif k == verb.i or _imperative_here(t):
            if k != verb.i and (_to_us(t) or set(lemmas(t)) & send):
                cut = _clause_start(doc, k, start)
                stop = _clause_stop(doc, k, end)
                for m in range(cut, stop + 1):
                    ops[m] = ""
                k = stop + 1
                continue
            lemma = next((lem for lem in lemmas(t) if lem in perfective), None)
            if k != verb.i and k - 1 > start and fold(doc[k - 1].text) == "и" and ops.get(k - 1) is None:
                ops[k - 1] = ","  # «позвоним …, уточним … и сообщим»: one «и», before the last
            if tracking and k == verb.i and set(lemmas(t)) & track_for:
                ops[k] = rw.to_we(conf.get("track_verb", "отследить"))
            else:
                ops[k] = rw.to_we(perfective[lemma] if lemma else t.text)
        elif has_lemma(t, {"свой"}) and t.pos_ in ("DET", "ADJ", "PRON"):
            ops[k] = rw.agree_with("Ваш", t, t.head if t.head.i > t.i else None)
        elif mode != "imp" and k > verb.i and _is_infinitive(t) and fold(doc[k - 1].text) in ("и", ","):
            if fold(doc[k - 1].text) == "и":
                ops[k - 1] = ","
            ops[k] = rw.to_we(perfective.get(fold(t.lemma_), t.text))
        k += 1
    action = rw.rebuild(doc, start, end, ops)
    if not action:
        return None
    variant = "tracked" if tracking else "done"
    if _ends_in_clause(doc, start, end, ops):
        variant += "_after_clause"
    text = rw.render("customer-legwork", variant, action=action, thing=thing)
    if helper_end is not None:
        end = helper_end
    if text is None:
        return None
    if not rw.starts_sentence(doc[start]):
        text = rw.lower_first(text)
    return (doc[start].idx, doc[end].idx + len(doc[end].text)), text


def _ends_in_clause(doc, start, end, ops) -> bool:
    """The kept words end in a clause after a comma («узнаем, почему …»,
    «в банк, выпустивший карту»), not in a list of our actions («позвоним
    …, попросим …»): the report after it needs a comma."""
    commas = [k for k in range(start, end + 1) if doc[k].text == "," and ops.get(k) != ""]
    if not commas:
        return False
    moved = [k for k, v in ops.items() if v and k > commas[-1] and k <= end and doc[k].text != v]
    return not moved


def _imperative_here(tok) -> bool:
    # the tagger calls some imperatives adverbs («и назовите трек-номер»)
    return tok.pos_ in ("VERB", "NOUN", "ADJ", "X", "PROPN", "ADV") and not _is_infinitive(tok) and is_imperative(tok)


def _chain_start(sent, start, send):
    """The first of the requests joined to the errand by commas or «и»
    («Скачайте бланк с сайта, заполните его самостоятельно»)."""
    doc = sent.doc
    best = start
    for j in range(start - 1, sent.start - 1, -1):
        t = doc[j]
        if t.text in _STOPS or fold(t.text) in _SUBORDINATORS:
            break
        if _imperative_here(t) and not _to_us(t) and not set(lemmas(t)) & send:
            best = j
    return best


def _drop_commas(doc, k, start, end, ops):
    """«, пожалуйста,» goes with its commas."""
    after = k + 1 if k + 1 <= end and doc[k + 1].text == "," else None
    before = k - 1 if k - 1 >= start and doc[k - 1].text == "," else None
    if after is not None:
        ops[after] = ""
    if before is not None and (after is not None or k + 1 > end):
        ops[before] = ""


def _clause_start(doc, k, start) -> int:
    """The first token of the clause of ``k``, with the comma and «и / а»
    that joined it."""
    j = k
    while j - 1 >= start and doc[j - 1].text not in (",",) and fold(doc[j - 1].text) not in ("и", "а", "но"):
        j -= 1
    while j - 1 >= start and (doc[j - 1].text == "," or fold(doc[j - 1].text) in ("и", "а", "но")):
        j -= 1
    return j


def _clause_stop(doc, k, end) -> int:
    j = k
    while j + 1 <= end and doc[j + 1].text != ",":
        j += 1
    return j


def _tracked(sent, verb, conf) -> str | None:
    """«она» for the object of the verb («отследите посылку», «отслеживайте
    её»), else the tracked noun named in the sentence, else None."""
    things = frozenset(fold(w) for w in conf.get("things", []))
    pronouns = conf.get("pronouns", {})
    doc = sent.doc
    nxt = doc[verb.i + 1] if verb.i + 1 < sent.end else None
    if nxt is not None and (set(lemmas(nxt)) & things or fold(nxt.text) in ("ее", "его", "их")):
        g = rw.token_grammemes(nxt)
        if nxt.pos_ == "PRON" or fold(nxt.text) in ("ее", "его", "их"):
            key = "plur" if fold(nxt.text) == "их" else ("femn" if fold(nxt.text) == "ее" else "masc")
        else:
            key = "plur" if g.get("number") == "plur" else g.get("gender", "femn")
        return pronouns.get(key, "она")
    for t in sent:
        if t.pos_ in ("NOUN", "PROPN") and set(lemmas(t)) & things:
            lemma = next(lem for lem in lemmas(t) if lem in things)
            return rw.inflect_word(lemma, {"nomn", "sing"}, "NOUN")
    return None
