"""Недоверие к Клиенту: сомнения в его словах, требование доказательств.

Что делает
----------
Находит места, где Клиенту не верят: требование доказательств
(«Докажите…», «Предоставьте доказательства», «видео как доказательство»,
«фото для подтверждения брака», «подтвердите письменно, что…»,
«предъявите заключение экспертизы», «приложите справку о том, что…»,
«рассмотрим только после экспертизы»), сомнение («Мы сомневаемся, что…»,
«у нас есть сомнения», «нам трудно поверить», «не похоже, что это заводской
брак», «якобы»), отказ верить словам Клиента («Ваши слова не
подтверждаются», «это не соответствует действительности», «по нашим
данным, Вы получили заказ…»), проверку самого Клиента
(«проверим Ваши слова», «чтобы мы убедились, что … действительно…»), а также
расходы, переложенные на Клиента «по закону» или на случай, «если выяснится»
его вина («по закону диагностику оплачивает владелец», «верните товар за свой
счёт», «если окажется, что брака нет, расходы лягут на Вас»).
То же другими словами: нужда в подтверждении («потребуется подтверждение
того, что…»), отказ без него («без подтверждения брака вернуть деньги не
сможем», «иначе мы не сможем подтвердить, что…»), доказательство по тому,
что оно должно доказать («фото, подтверждающее брак», «видео, где видно, что
наушник действительно не работает»), условие на честность Клиента («Если
уверены, что его нет, …», «Если Вы действительно не получали…»), слова
Клиента против факта («По Вашим словам…, однако в системе…»), его же
приёмка как довод против жалобы («акт Вы подписали без замечаний»),
поручительство за своих («Наши курьеры не ошибаются»), «Этого не может
быть», «Трудно представить, что…», проверка «на достоверность», вопрос «Вы
точно проверили…?»; расходы «по правилам магазина» — как «по закону».
Ещё: Клиент будто бы ошибся («Возможно, Вы что-то не так поняли», «Вы что-то
путаете», «Вероятно, Вы не заметили письмо»), виноват «кто-то из Ваших
родственников», доказательство как условие («Без видео претензии не
принимаются», «только при наличии показаний свидетелей», «Если не согласны,
предоставьте фотографии», «Деньги вернём, если пришлёте фото», «Для
рассмотрения жалобы пришлите видео», «Подобные обвинения требуют
подтверждения»), свои данные и проверки против слов Клиента («Странно, у нас
в системе…», «По данным службы доставки, посылка вручена Вам», «Посылку
взвешивали при отправке, всё было на месте»), непогрешимость своих
(«Система не ошибается»), намёк на мошенничество или неправильное
использование («признаки мошенничества», «Похоже, товар использовался не по
назначению»). И в общем виде: решение по жалобе, поставленное в зависимость
от доказательств («без этого возврат не оформляем», «иначе компенсация не
начисляется», «мастер приедет только после того, как Вы пришлёте акт»,
«фото и копии не принимаются»); свои записи и свои снимки против слов
Клиента («По нашим записям, пробирку Вы не сдавали», «У нас есть
фотоотчёт: на нём все блюда на столах», «Если у Вас есть другие сведения,
пришлите их»); жалоба, отвергнутая общим утверждением («подделка
исключена», «Линзы сами по себе не трескаются», «Скорее всего, дело не в
нашей еде», «Подделками мы не торгуем»); вопросы о правдивости Клиента («Чем Вы можете подтвердить,
что…?», «Откуда нам знать, что…?», «Странно, что Вы заметили это только
сейчас»); цена доказательства на Клиенте («Диагностику оплачиваете Вы»,
«оплатить экспертизу придётся Вам»). Отрицание («не сомневаемся»,
«доказывать ничего не нужно»), сомнения самого Клиента («если остались
сомнения») и просьба о фото для собственного разбирательства компании не
считаются.
Свои данные против слов Клиента в любой рамке («мы прослушали запись»,
«проверка показала», «курьер говорит, что…», «в системе отмечено», «судя
по журналу»), если дальше проблема отрицается («никаких нарушений не
выявили»), утверждается обратное тому, что Клиент отрицает («курьер
говорит, что сдачу отдал» в ответ на «курьер не отдал сдачу»), поправляется
его цифра («а не неделю») или хвалится своя работа («вёл себя корректно»);
Клиент назван тем, кто сделал то, что он отрицает («подписка подключена с
Вашего номера»); «хотя Вы утверждаете…». Возмещение только по бумагам
Клиента в любой форме («перерасчёт возможен лишь при наличии акта»,
«рассмотрим претензию после получения чека»), проверка, не виноват ли
Клиент («вернём после того, как сервис установит, что поломка не вызвана
падением»), и сама вина его пользования («пятна образовались в процессе
носки»). Свои данные, подтверждающие слова Клиента, и своё исправление
(«связались с банком и открыли доступ») не считаются.
Ещё (сессия 15): «Сомнительно, конечно, что…», «Не похоже, чтобы…»; «принять
на веру мы не можем» в любом порядке слов; «оснований сомневаться в словах
водителя у нас нет» и «своим грузчикам мы доверяем»; «сверим Ваши слова с
записью»; проверка, что вещь «действительно куплена у нас»; «Мы не уверены,
что крышку повредили при ремонте»; «Журнал не подтверждает Ваших слов»;
«скорее всего, телефон роняли», даже если «мы» есть в другой части фразы;
«пятно появилось, пока пальто было у Вас»; «деньги вернём только по чеку»,
«пропуски уважительные только при наличии справки»; доказательство прежнего
состояния («фото пола до переезда», «видно, что сломана уже при вскрытии»);
«чтобы рассмотреть претензию, нужен акт»; «иначе непонятно, когда появились
царапины»; «подтвердите, что посылка действительно не пришла»; расходы «по
Гражданскому кодексу»; «Если считаете, что долга нет, докажите». Не
считаются: своя гипотеза или свой шаг («пока не уверены, что заказ потерялся
— ищем», «не уверены, что успеем»), доверие Клиенту («верим Вам на слово и не
будем просить подтверждений»), поручение задачи («курьерам доверяем
доставку»), заявление как бланк («после получения заявления сделаем
перерасчёт»), «по данному заказу», вопрос о желании («Вы уверены, что хотите
отменить?»).

Почему это важно
----------------
Стандарт 000, §5 «Мы верим своим Клиентам»: «Многие компании относятся к
Клиентам с недоверием, воспринимают жалобы Клиентов как обман, требуют
доказательства их претензий. Мы же верим своим Клиентам». Неправильно:
«требовать вернуть товар, за доставку платит Клиент (так как это
предусмотрено законом)».

Примеры
-------
Срабатывает:
- Сначала докажите, что заказ пришёл неполным.
- Честно говоря, мы сомневаемся, что курьер вёл себя грубо.
- Согласно закону, пересылку товара оплачивает покупатель.
- Для обмена предъявите заключение независимой лаборатории.
- Нам потребуется подтверждение того, что флакон куплен у нас.
- Если уверены, что его нет, пришлите фото коробки.
- Возможно, Вы что-то не так поняли.
- Без видео распаковки претензии не рассматриваются.
- Деньги вернём, если пришлёте фото чека.
- Пришлите фото чека — без этого возврат не оформим.
- По нашим записям, оплату Вы не вносили.
- Линзы сами по себе не трескаются.
- Чем Вы можете подтвердить, что коробка была целой?
- Мы прослушали запись звонка и никаких нарушений со стороны оператора не выявили. || incoming=Оператор мне нахамил!
- Перерасчёт производится только при наличии справки из управляющей компании.
- Скорее всего, пятна образовались в процессе носки.
- Сомнительно, конечно, что мастер с таким опытом перепутал провода.
- Своим грузчикам мы доверяем, поэтому компенсацию не выплатим.
- Мы не уверены, что диван повредили при сборке.
- Скорее всего, кофемашину роняли: мы принимали её исправной.
- Получается, пятно появилось, когда пальто уже было у Вас.
- Деньги за сломанный зонт вернём только по чеку.
- Пришлите фото балкона до монтажа остекления.
Не срабатывает:
- Мы не сомневаемся в Ваших словах и уже отправили замену.
- Пришлите, пожалуйста, фото упаковки — так мы поймём, где её усилить.
- Если остались сомнения, привезём обе модели на выбор.
- Экспертизу проведём сами и за свой счёт.
- Если Вы уверены, что хотите удалить аккаунт, нажмите «Удалить».
- Расходы на такси компенсируем при наличии чека.
- Если Вы забыли пароль, нажмите «Восстановить».
- Пришлите фото, без этого нам сложнее понять, где ошибка.
- По нашим данным, Вы ещё не получили посылку — мы её ищем.
- Мы прослушали запись: оператор действительно был груб, простите. || incoming=Оператор мне нагрубил.
- Если дефект появился в процессе эксплуатации, отремонтируем его по гарантии.
- Мы верим Вам на слово и не будем просить никаких подтверждений.
- Мы не уверены, что успеем привезти диван к пятнице.
- Пришлите фото до пятницы, и мы оформим замену.
"""

from __future__ import annotations

from .. import lexicon
from .. import rewrite as rw
from ..model import Severity
from . import Rule
from ._ru import words, clause_window, fold, has_lemma, is_imperative, is_negated, is_negated_up, is_number, is_past, lemmas, parses, person

_MESSAGE = {
    "proof": "Требование доказательств: «{}». Клиенту верят на слово — попросите фото только для своего "
             "разбирательства и сразу скажите, что сделаете.",
    "doubt": "Сомнение в словах Клиента: «{}». Исходите из того, что Клиент прав, и решайте проблему.",
    "check": "Проверка самого Клиента: «{}». Проверяйте свою работу, а не слова Клиента.",
    "law": "Расходы переложены на Клиента: «{}». Возьмите доставку и возврат на себя.",
}


def _w(key: str) -> frozenset[str]:
    return words("distrust", key)


class Distrust(Rule):
    __doc__ = __doc__
    id = "distrust"
    severity = Severity.WARNING
    seed = "000 §5"

    def check(self, ctx):
        complaint = _complaint(ctx)
        inc = _incoming(ctx)
        for sent in ctx.sentences:
            # one finding per sentence (its rewrite replaces the whole
            # sentence); pushed costs first, since the rewrite takes them on
            found = [(kind, span) for kind, span in _findings(sent, complaint) if _speaks(ctx, span[0])]
            if not found:
                found = [(kind, span) for kind, span in _account_contradicted(sent, inc) if _speaks(ctx, span[0])]
            if not found:
                continue
            kind, span = next((f for f in found if f[0] == "law"), found[0])
            yield ctx.hit(span, message=_MESSAGE[kind].format(span.text), rewrite=_rewrite(sent, kind))


def _speaks(ctx, tok) -> bool:
    """The company speaks at ``tok``. An imperative addressed to the Клиент
    is never his reported words, even when the parser hangs it on a verb of
    speech in a condition («Если считаете, что долга нет, докажите это»)."""
    if ctx.company_speaks(tok):
        return True
    return not ctx.is_quoted(tok) and tok.pos_ != "NOUN" and is_imperative(tok) and not any(
        fold(t.text) in ("что", "чтобы") for t in tok.doc[max(tok.sent.start, tok.i - 2):tok.i])


def _findings(sent, complaint=False):
    """What the literal word lists find; else the first finding of the
    constructions that say the same in other words (one per sentence)."""
    found = list(_literal(sent, complaint))
    if not found:
        found = next(([f] for gen in _CONSTRUCTIONS for f in gen(sent)), [])
    yield from found


def _literal(sent, complaint=False):
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    proof, waivers = _w("proof_words"), _w("waivers")
    doubt_v, doubt_n, raisers = _w("doubt_verbs"), _w("doubt_nouns"), _w("doubt_raisers")
    belief, hard = _w("belief_verbs"), _w("belief_hard")
    unlikely_always, unlikely_claim, problems = _w("unlikely_always"), _w("unlikely_claim"), _w("claim_problems")
    check_v, claim_n, reality = _w("check_verbs"), _w("claim_nouns"), _w("reality_words")
    confirm_v, confirm_modes = _w("confirm_verbs"), _w("confirm_modes")
    confirm_n, topics = _w("confirm_nouns"), _w("proof_topics")
    sure = _w("sure_words")
    confirmed = _w("confirmed_verbs")

    for tok in toks:
        lem = set(lemmas(tok))
        one = doc[tok.i:tok.i + 1]
        if lem & proof:
            if "Part" in tok.morph.get("VerbForm") or tok.pos_ == "ADJ" or any(
                    p.tag.POS in ("PRTF", "PRTS") for p in parses(tok)[:1]):
                continue  # «жалоба признана обоснованной», «доказанный факт»
            if not _waived(tok, waivers) and person(tok) != "1":
                yield "proof", one
        elif lem & doubt_v and tok.pos_ in ("VERB", "X", "NOUN", "ADJ"):
            grounds = [k for k, t in enumerate(toks) if tok.i - 3 <= t.i < tok.i and has_lemma(t, _w("belief_grounds"))]
            if grounds and _no_grounds(toks, grounds[0]):
                continue  # «нет причин сомневаться в …»: `_disbelief` decides whose word is trusted
            if not is_negated(tok) and not _addressed_to_client(tok) and not _negated_governor(tok):
                yield "doubt", one
        elif lem & doubt_n and tok.pos_ == "NOUN":
            if not _waived(tok, waivers) and _ours(tok, raisers):
                yield "doubt", one
        elif lem & belief and tok.pos_ in ("VERB", "X"):
            if _addressed_to_client(tok) or _no_ground_not_to(tok, sent):
                continue
            window = clause_window(tok, sent)
            if is_negated_up(tok) or any(has_lemma(w, hard) for w in window if abs(w.i - tok.i) <= 3):
                yield "doubt", _extend_left(one, window, hard | {"не"})
        elif lem & sure and _you_sure(tok, sent):
            yield "doubt", _you_sure(tok, sent)
        elif lem & unlikely_always:
            if not is_negated(tok):
                yield "doubt", one
        elif lem & unlikely_claim and tok.pos_ in ("ADV", "ADJ", "PART"):
            span = _unlikely(tok, sent, problems)
            if span is not None:
                yield "doubt", span
        elif lem & check_v and tok.pos_ in ("VERB", "X", "NOUN", "ADJ"):
            if _near_negation(tok):
                continue
            span = _checks_client(tok, sent, claim_n, reality)
            if span is not None:
                yield "check", span
        elif lem & confirm_v and tok.pos_ in ("VERB", "X", "NOUN", "ADJ"):
            span = _confirm_demand(tok, sent, confirm_modes)
            if span is not None and not _waived(tok, waivers):
                yield "proof", span
        elif lem & confirmed and _conditional(tok, sent) and any(
                has_lemma(c, topics) for c in list(tok.children) + [doc[j] for j in range(max(sent.start, tok.i - 3), tok.i)]):
            yield "proof", _conditional(tok, sent)
        elif lem & confirm_n and tok.pos_ == "NOUN":
            topic = _topic(tok, topics)
            if topic is not None and not _waived(tok, waivers):
                yield "proof", doc[tok.i:topic.i + 1]
    yield from _not_on_faith(sent)
    yield from _evidence_demands(sent)
    yield from _claim_denied(sent)
    yield from _records_set_against(sent, complaint)
    yield from _law_costs(sent)


# --- evidence, denial, records ------------------------------------------------

def _demanding(verb) -> bool:
    """An imperative, a 2nd-person form or an obligation put to the Клиент
    («предъявите», «Вам нужно приложить», «Вы должны предоставить»)."""
    if _our_subject(verb) or is_negated(verb):
        return False
    if is_imperative(verb) and verb.pos_ != "ADJ":
        return True  # pymorphy3 knows «предоставьте» even when the tagger says 1st person
    if person(verb) == "1":
        return False
    if person(verb) == "2" and "Past" not in verb.morph.get("Tense"):
        return True
    return _obliged(verb)


def _is_evidence(tok) -> bool:
    """The noun names evidence: «заключение (эксперта)», «акт экспертизы»,
    «справка о том, что …», «документ, подтверждающий брак»."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    doc = tok.doc
    after = [doc[j] for j in range(tok.i + 1, min(len(doc), tok.i + 4))]
    if has_lemma(tok, _w("evidence_strong")):
        nxt = next((t for t in after if t.pos_ in ("NOUN", "PROPN")), None)
        return not (nxt is not None and nxt.i == tok.i + 1 and has_lemma(nxt, _w("not_evidence_of")))
    if not has_lemma(tok, _w("evidence_weak")):
        return False
    near = [doc[j] for j in range(max(0, tok.i - 2), min(len(doc), tok.i + 4))]
    if any(has_lemma(t, _w("expert_words")) for t in near if t.i != tok.i):
        return True
    # «справка о том, что …», «акт, подтверждающий брак»: about the Клиент's claim
    clause = [doc[j] for j in range(tok.i + 1, min(tok.sent.end, tok.i + 12))]
    about = any(fold(t.text) == "том" for t in clause[:3]) or any(
        has_lemma(t, _w("confirm_verbs") | _w("proof_words")) for t in clause[:3])
    topics = _w("proof_topics") | {"вина", "неисправность", "причина"}
    if about and any(has_lemma(t, topics) for t in clause):
        return True
    # «выписку о поступлении средств», «справку об отсутствии оплаты»: a paper
    # about the very deed the Клиент disputes
    return len(clause) > 1 and fold(clause[0].text) in ("о", "об") and has_lemma(clause[1], _w("deed_nouns") | {"отсутствие"})


def _not_on_faith(sent):
    """«Мы не можем принять Ваши слова на веру», «принять претензию на слово
    мы не можем»."""
    doc = sent.doc
    for tok in sent:
        if fold(tok.text) in ("веру", "слово") and tok.i > sent.start and fold(doc[tok.i - 1].text) == "на":
            verb = next((v for v in [tok.head] + [doc[j] for j in range(max(sent.start, tok.i - 6), min(sent.end, tok.i + 6))]
                         if has_lemma(v, {"принять", "принимать", "брать", "взять", "верить", "поверить"})), None)
            if verb is not None and (is_negated_up(verb) or _refused_nearby(verb, tok, sent)) and not _addressed_to_client(verb):
                start = next((j for j in range(max(sent.start, verb.i - 3), verb.i) if fold(doc[j].text) == "не"), verb.i)
                # the verb may come first («не можем принять на слово») or last
                # («на слово такое мы не принимаем»): the span covers both
                yield "doubt", doc[min(start, tok.i - 1):max(tok.i, verb.i) + 1]
                return


def _refused_nearby(verb, tok, sent) -> bool:
    """«принять Вашу версию на веру мы не можем»: the parser may hang the
    infinitive off anything; a negated «мочь / стать / готовый» or «нельзя»
    in the same clause, just before the verb or after «на веру», refuses it."""
    doc = sent.doc
    if "Inf" not in verb.morph.get("VerbForm"):
        return False  # «Мы верим Вам на слово и не будем просить …»: the belief itself is stated
    lo, hi = max(sent.start, min(verb.i, tok.i) - 4), min(sent.end, max(verb.i, tok.i) + 8)
    for j in range(lo, hi):
        x = doc[j]
        if x.text in (".", ";", ":", "—", "!", "?") or (fold(x.text) in ("и", "а") and j > max(verb.i, tok.i)):
            if j > max(verb.i, tok.i):
                break
            continue
        if fold(x.text) == "нельзя":
            return True
        if fold(x.text) == "не" and j + 1 < sent.end and has_lemma(doc[j + 1], {"мочь", "смочь", "стать", "готовый", "быть", "собираться"}):
            return True
    return False


def _evidence_demands(sent):
    """«Предъявите заключение экспертизы», «Приложите акт, подтверждающий
    брак», «рассмотрим только после экспертизы»."""
    doc = sent.doc
    demand = _w("demand_verbs")
    for tok in sent:
        if not _is_evidence(tok) or has_lemma(tok, _w("proof_words")):
            continue
        # «без заключения эксперта вернуть деньги не сможем»
        before = [doc[j] for j in range(max(sent.start, tok.i - 3), tok.i)]
        bez = next((t for t in before if fold(t.text) == "без"), None)
        if bez is not None:
            if any(fold(t.text) in ("не", "нельзя", "невозможно") for t in clause_window(tok, sent) if t.i > tok.i):
                yield "proof", doc[bez.i:tok.i + 1]
            continue
        if _waived(tok, _w("waivers")):
            continue
        # the verb that asks for it: its head, or a demand verb just before
        verbs = [tok.head] + [doc[j] for j in range(max(sent.start, tok.i - 5), tok.i)]
        verb = next((v for v in verbs if v.i != tok.i and has_lemma(v, demand) and _demanding(v)), None)
        if verb is not None:
            yield "proof", doc[min(verb.i, tok.i):max(verb.i, tok.i) + 1]
            continue
        # «только после экспертизы», «лишь при наличии заключения»
        for j in range(tok.i - 1, max(sent.start, tok.i - 5) - 1, -1):
            if fold(doc[j].text) in _w("condition_preps") and j - 1 >= sent.start \
                    and fold(doc[j - 1].text) in _w("only_words") | {"при"}:
                start = j - 1
                if fold(doc[start].text) == "при" and start - 1 >= sent.start and fold(doc[start - 1].text) in _w("only_words"):
                    start -= 1
                if fold(doc[start].text) in _w("only_words"):
                    yield "proof", doc[start:tok.i + 1]
                break


def _claim_denied(sent):
    """«Ваши слова не подтверждаются», «изложенные Вами факты не подтвердились»,
    «не нашли подтверждения», «это не соответствует действительности»."""
    doc = sent.doc
    accounts = _w("claim_accounts") | _w("proof_topics")
    for tok in sent:
        lem = set(lemmas(tok))
        denied = None
        if lem & _w("confirm_passive") and is_negated(tok):
            denied = tok
        elif has_lemma(tok, _w("confirm_verbs")) and tok.pos_ == "VERB" and is_negated(tok) and person(tok) != "2" \
                and not is_imperative(tok):
            # «Анализ логов не подтверждает Ваших слов»: evidence denies the Клиент's account
            acc = next((x for x in _after(tok, 3) if has_lemma(x, _w("claim_accounts")) and x.pos_ == "NOUN"
                        and any(fold(y.text).startswith(("ваш", "тво")) for y in x.doc[max(tok.i + 1, x.i - 2):x.i])), None)
            if acc is not None:
                yield "doubt", _with_neg(tok, doc[tok.i:acc.i + 1])
                return
            continue
        elif has_lemma(tok, {"найти", "находить"}) and is_negated(tok) and any(
                has_lemma(doc[j], {"подтверждение"}) for j in range(tok.i + 1, min(sent.end, tok.i + 3))):
            denied = tok
        elif has_lemma(tok, {"соответствовать"}) and is_negated(tok) and any(
                has_lemma(doc[j], _w("reality_nouns")) for j in range(tok.i + 1, min(sent.end, tok.i + 3))):
            if is_past(tok) and not _clients(sent, tok):
                continue  # «информация на сайте не соответствовала действительности» — our own mistake
            if _clients(sent, tok) or _subject_is(tok, {"это", "все"} | _w("claim_accounts") - {"информация", "сведения"}):
                yield "doubt", _with_neg(tok, doc[tok.i:tok.i + 2])
            continue
        if denied is None:
            continue
        subj = [t for t in sent if t.i < tok.i and t.pos_ in ("NOUN", "PRON", "PROPN")]
        if any(has_lemma(t, accounts) for t in subj) or (denied.i != tok.i) or _clients(sent, tok):
            if any(has_lemma(t, accounts) for t in subj) or _clients(sent, tok):
                end = tok.i + 1
                if has_lemma(tok, {"найти", "находить"}):
                    end = next(j for j in range(tok.i + 1, sent.end) if has_lemma(doc[j], {"подтверждение"})) + 1
                yield "doubt", _with_neg(tok, doc[tok.i:end])


def _not_sure(sent):
    """«Мы не уверены, что крышку повредили при ремонте», «Без чека мы не
    можем быть уверены, что кольцо куплено у нас»: the company's certainty
    about the Клиент's account denied — not «не уверены, что успеем к
    пятнице» (its own step to come), «Вы не уверены, что …» (the Клиент's)."""
    doc = sent.doc
    toks = _toks(sent)
    if any(t.text == "?" for t in toks):
        return
    for k, t in enumerate(toks):
        if not has_lemma(t, _w("certainty_words")) \
                or t.pos_ not in ("ADJ", "VERB", "X"):
            continue
        before = toks[max(0, k - 4):k]
        neg = next((x for x in before if fold(x.text) == "не"), None)
        if neg is None or not any(fold(x.text) in ("мы", "я", "нам") or (x.pos_ in ("VERB", "AUX") and person(x) == "1")
                                  for x in toks[max(0, k - 5):k]):
            continue
        if any(fold(x.text) in ("если", "вы", "ты", "пока", "еще", "ещё") for x in toks[max(0, k - 5):k]):
            continue  # «Мы пока не уверены, что …» is a search still going on
        if not (k + 2 < len(toks) and toks[k + 1].text == "," and fold(toks[k + 2].text) == "что"):
            continue
        clause = []
        for x in toks[k + 3:]:
            if x.text in (",", ".", ";", ":", "—", "–", "!", "?"):
                break
            clause.append(x)
        verbs = [x for x in clause if x.pos_ in ("VERB", "AUX")]
        if not verbs or any(person(x) == "1" or "Fut" in x.morph.get("Tense") for x in verbs):
            continue  # «не уверены, что успеем»
        if any(has_lemma(x, _w("perceive_verbs")) for x in verbs):
            continue  # «…, что правильно поняли Ваш вопрос»: our own understanding
        if any(fold(x.text) in _US for x in clause if fold(x.text) not in ("нас",)):
            continue
        if not any(_past(x) or "Part" in x.morph.get("VerbForm") for x in verbs) and not any(
                has_lemma(x, _w("claim_problems") | _w("provenance_words")) for x in clause):
            continue
        yield "doubt", doc[neg.i:t.i + 1]
        return


def _with_neg(tok, span):
    doc = tok.doc
    start = span.start
    if start > 0 and fold(doc[start - 1].text) == "не":
        start -= 1
    return doc[start:span.end]


_YOURS = {"вы", "вами", "ваш", "ваша", "ваше", "ваши", "вашего", "вашей", "вашим", "ваших", "вашу", "вашими", "вашему"}


def _clients(sent, tok) -> bool:
    """The subject is the Клиент's own account: «Ваши слова», «изложенные Вами
    факты», «информация, которую Вы сообщили»."""
    subjects = [c for c in tok.children if c.dep_.startswith("nsubj")]
    if subjects:
        return any(fold(t.text) in _YOURS for c in subjects for t in c.subtree)
    return any(fold(t.text) in _YOURS for t in clause_window(tok, sent) if t.i < tok.i)


def _subject_is(tok, wanted) -> bool:
    for c in tok.children:
        if c.dep_.startswith("nsubj") and (has_lemma(c, wanted) or fold(c.text) in wanted):
            return True
    return False


# --- pieces -------------------------------------------------------------------

def _waived(tok, waivers) -> bool:
    """«Доказывать ничего не нужно», «без доказательств», «Чек не нужен»."""
    if is_negated_up(tok):
        return True
    window = clause_window(tok)
    for w in window:
        t = fold(w.text)
        if t == "без" and w.i < tok.i:
            noun = next((x for x in w.doc[w.i + 1:tok.i + 1] if x.pos_ in ("NOUN", "PROPN")), None)
            if noun is not None and noun.i != tok.i and not has_lemma(
                    noun, {"необходимость", "нужда", "требование", "обязанность"}):
                continue  # «без видео доказать … невозможно»: «без» governs the evidence, not the proving
        if t in ("без", "никаких", "ничего", "никакие", "никакого") and w.i < tok.i + 3:
            return True
        if t == "не" and w.i + 1 < len(w.doc) and has_lemma(w.doc[w.i + 1], {"нужно", "нужный", "надо", "требоваться",
                                                                             "потребоваться", "обязательно", "понадобиться"}):
            return True
    return False


def _addressed_to_client(tok) -> bool:
    """«Вы сомневаетесь», «не сомневайтесь», «поверьте» — about the Клиент."""
    if "Imp" in tok.morph.get("Mood") or person(tok) == "2":
        return True
    if any(fold(c.text) in ("вы", "ты") and c.dep_.startswith("nsubj") for c in tok.children):
        return True
    return False


def _ours(tok, raisers) -> bool:
    """«у нас есть сомнения», «нас смущает…», «вызывает сомнения»."""
    window = clause_window(tok)
    if any(fold(w.text) in ("нас", "мы", "нам") for w in window):
        return True
    if any(fold(w.text) in ("вас", "вы", "вам", "если", "ли", "тебя") for w in window):
        return False  # the Клиент's doubts: «если остались сомнения»
    doc = tok.doc
    after = [doc[j] for j in range(tok.i + 1, min(len(doc), tok.i + 5))]
    if any(fold(t.text) == "что" for t in after):
        return True  # «Есть сомнения, что товар был повреждён»
    head = tok.head
    return has_lemma(head, raisers) and not any(fold(w.text) in ("вас", "вы", "вам", "тебя") for w in window)


def _extend_left(span, window, words):
    doc = span.doc
    start = span.start
    for w in window:
        if w.i < start and (has_lemma(w, words) or fold(w.text) in words) and span.start - w.i <= 3:
            start = w.i
            break
    return doc[start:span.end]


def _unlikely(tok, sent, problems):
    """«не похоже, что это заводской брак», «вряд ли Вы…»."""
    doc = sent.doc
    text = fold(tok.text)
    if text == "вряд":
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is None or fold(nxt.text) != "ли":
            return None
        span = doc[tok.i:tok.i + 2]
    elif text in ("похоже", "похож", "похожа"):
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if prev is None or fold(prev.text) != "не":
            return None
        span = doc[tok.i - 1:tok.i + 1]
    else:
        if is_negated(tok) or tok.dep_ == "amod" or (
                has_lemma(tok, {"похожий"}) and "Short" not in tok.morph.get("Variant")):
            return None  # «похожая модель», «сомнительный сайт» describe a thing
        span = doc[tok.i:tok.i + 1]
    rest = [t for t in sent if t.i > tok.i]
    if any(has_lemma(t, _w("admission_words") - {"но", "однако", "ошибка"} | {"наш"}) for t in rest) or any(
            has_lemma(t, _w("wish_words")) for t in rest[:8]):
        return None  # «Не похоже, что дело в Вашем роутере: сбой был на нашей линии, простите»
    conj = _conjunction_after(rest)
    if text not in ("вряд", "похоже", "похож", "похожа") and conj in ("что", "чтобы"):
        return span  # «Сомнительно, что файлы пропали у нас», «Сомнительно, конечно, чтобы …»
    if text in ("похоже", "похож", "похожа") and conj == "чтобы":
        return span  # «Не похоже, чтобы ячейка была пустой»: the subjunctive doubts the fact
    if any(has_lemma(t, problems) for t in rest) or any(
            fold(t.text) in ("вы", "вас", "вам", "ваш", "ваша", "ваше", "ваши") for t in rest):
        return span
    return None


def _conjunction_after(rest):
    """«что» / «чтобы» opening the clause right after a predicative, past a
    comma and parentheticals («Сомнительно, конечно, что …»)."""
    k = 0
    if k < len(rest) and rest[k].text == ",":
        k += 1
    for _ in range(2):
        if k < len(rest) and fold(rest[k].text) in _w("parenthetical_words"):
            k += 1
            while k < len(rest) and fold(rest[k].text) in _w("parenthetical_words"):
                k += 1
            if k < len(rest) and rest[k].text == ",":
                k += 1
    if k < len(rest) and fold(rest[k].text) in ("что", "чтобы"):
        return fold(rest[k].text)
    return None


def _conditional(tok, sent):
    """«если брак подтвердится»: the span from «если» to the verb."""
    doc = sent.doc
    for j in range(tok.i - 1, max(sent.start, tok.i - 6) - 1, -1):
        if fold(doc[j].text) in ("если", "случае"):
            start = j - 2 if fold(doc[j].text) == "случае" and j - 2 >= sent.start else j
            return doc[start:tok.i + 1]
    return None


def _you_sure(tok, sent):
    """«Вы уверены, что заказ не пришёл?» — a question that doubts the Клиент."""
    doc = sent.doc
    if not any(t.text == "?" for t in sent) or is_negated(tok):
        return None
    before = [doc[j] for j in range(max(sent.start, tok.i - 3), tok.i)]
    after = [doc[j] for j in range(tok.i + 1, min(sent.end, tok.i + 3))]
    you = next((t for t in before + after if fold(t.text) == "вы"), None)
    if you is None or not any(fold(t.text) in ("что", "ли", "в") for t in after):
        return None
    if any(has_lemma(t, _w("wish_words")) for t in doc[tok.i + 1:min(sent.end, tok.i + 6)]):
        return None  # «Вы уверены, что хотите отменить заказ?» asks about a wish
    return doc[min(you.i, tok.i):max(you.i, tok.i) + 1]


def _near_negation(tok) -> bool:
    """«не чтобы проверить Вас» — «не» a few words before, across «чтобы»."""
    if is_negated(tok):
        return True
    doc = tok.doc
    for j in range(max(0, tok.i - 3), tok.i):
        if fold(doc[j].text) == "не" and all(fold(doc[k].text) in ("чтобы", "для", "того", "же", ",")
                                            for k in range(j + 1, tok.i)):
            return True
    return False


def _checks_client(tok, sent, claim_nouns, reality):
    """«проверить Вас», «проверим Ваши слова», «убедиться, что … действительно …»."""
    doc = sent.doc
    if person(tok) == "2" or "Imp" in tok.morph.get("Mood") or is_imperative(tok) and tok.pos_ != "VERB":
        return None  # the Клиент is asked to check something
    window = clause_window(tok, sent)
    for w in window:
        if w.i <= tok.i:
            continue
        if fold(w.text) in ("вас", "тебя") and w.i - tok.i <= 2:
            return doc[tok.i:w.i + 1]
        if has_lemma(w, claim_nouns) and w.pos_ == "NOUN":
            if any(has_lemma(c, {"ваш", "твой"}) for c in w.children) or fold(doc[w.i - 1].text).startswith("ваш"):
                return doc[tok.i:w.i + 1]
    # «убедиться, что морса действительно не было»: the clause after it
    after = [t for t in sent if t.i > tok.i]
    # «проверим, действительно ли курьер опоздал»
    if any(fold(t.text) in reality for t in after[:3]) and any(fold(t.text) == "ли" for t in after[:4]) \
            and (person(tok) == "1" or _our_subject(tok)):
        return doc[tok.i:tok.i + 1]
    has_that = any(fold(t.text) == "что" for t in after[:3])
    if has_that and any(fold(t.text) in reality for t in after):
        # …and the clause is about the reported problem: «что морса действительно не было»
        about_problem = any(fold(t.text) in ("не", "нет") or has_lemma(t, _w("claim_problems")) for t in after)
        # «…, что чайник действительно куплен у нас / из нашей партии»: where the thing came from
        to_come = any(fold(doc[j].text) == "чтобы" for j in range(max(sent.start, tok.i - 3), tok.i)) or (
            "Inf" in tok.morph.get("VerbForm") or "Fut" in tok.morph.get("Tense"))
        about_problem = about_problem or to_come and (any(has_lemma(t, _w("provenance_words")) for t in after) or any(
            fold(t.text) == "у" and fold(t.nbor().text) == "нас" for t in after[:-1]))
        if about_problem and (fold(tok.text).startswith(("убед", "удостов")) or person(tok) == "1"
                              or _our_subject(tok)):
            return doc[tok.i:tok.i + 1]
    return None


def _our_subject(tok) -> bool:
    doc = tok.doc
    if any(fold(c.text) == "мы" for c in tok.children):
        return True
    return tok.i > 0 and fold(doc[tok.i - 1].text) == "мы"


def _confirm_demand(tok, sent, modes):
    """«Подтвердите письменно, что не сообщали код», «Пусть в сервисе
    подтвердят, что дефект заводской» — not «подтвердите адрес»."""
    if person(tok) == "1" or _our_subject(tok):
        return None
    let = any(has_lemma(t, _w("let_words")) for t in _before(tok, 3))
    if not (is_imperative(tok) or _obliged(tok) or let):
        return None
    doc = sent.doc
    window = clause_window(tok, sent)
    for w in window:
        if has_lemma(w, modes) and abs(w.i - tok.i) <= 3:
            return doc[min(tok.i, w.i):max(tok.i, w.i) + 1]
    # a «что»-clause about what the Клиент did or did not do
    after = [t for t in sent if t.i > tok.i]
    if after[:3] and any(fold(t.text) == "что" for t in after[:3]):
        rest = after[:12]
        if any(fold(t.text) == "не" for t in rest) and any(
                "Past" in t.morph.get("Tense") and "Plur" in t.morph.get("Number") for t in rest):
            return doc[tok.i:tok.i + 1]
        # «подтвердите, что брак появился не по Вашей вине», «пусть подтвердят, что дефект заводской»
        stop = next((j for j, t in enumerate(rest) if t.text in (".", ";", "!", "?")), len(rest))
        if any(has_lemma(t, _w("claim_problems") | {"вина"}) and t.pos_ in ("NOUN", "PROPN") for t in rest[:stop]):
            start = next((t.i for t in _before(tok, 3) if has_lemma(t, _w("let_words"))), tok.i)
            return doc[start:tok.i + 1]
        # «подтвердите, что посылка действительно не пришла»: the Клиент's account to be proven real
        if any(fold(t.text) in _w("really_words") for t in rest[:stop]) and not any(
                has_lemma(t, _w("wish_words")) for t in rest[:stop]):
            return doc[tok.i:tok.i + 1]  # (not «подтвердите, что действительно хотите отменить подписку»)
    elif any(fold(t.text) == "что" for t in after[:5]) and any(fold(t.text) == "пожалуйста" for t in after[:3]):
        rest = after[:12]
        stop = next((j for j, t in enumerate(rest) if t.text in (".", ";", "!", "?")), len(rest))
        if any(fold(t.text) in _w("really_words") for t in rest[:stop]) and not any(
                has_lemma(t, _w("wish_words")) for t in rest[:stop]):
            return doc[tok.i:tok.i + 1]
    return None


def _obliged(tok) -> bool:
    head = tok.head
    if "Inf" in tok.morph.get("VerbForm") and tok.dep_ == "conj" and "Inf" in head.morph.get("VerbForm"):
        head = head.head  # «Вам необходимо обратиться в банк и запросить выписку»
    return "Inf" in tok.morph.get("VerbForm") and (has_lemma(head, {"нужно", "нужный", "необходимо", "необходимый",
                                                                    "надо", "следует", "следовать", "должный"})
                                                   or (has_lemma(head, _w("request_heads")) and person(head) != "2"))


def _topic(tok, topics):
    """«для подтверждения брака»: the genitive right after names the problem."""
    doc = tok.doc
    j = tok.i + 1
    while j < len(doc) and j <= tok.i + 3:
        t = doc[j]
        if t.is_space or t.pos_ in ("DET", "ADJ"):
            j += 1
            continue
        if has_lemma(t, topics) and t.pos_ in ("NOUN", "PROPN"):
            return t
        break
    return None


def _law_costs(sent):
    """«по закону доставку оплачиваете Вы», «верните товар за свой счёт»."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    law = any(has_lemma(t, _w("law_words")) for t in toks) or _fault_found(toks)
    pay, customer = _w("pay_verbs"), _w("customer_words")
    own, returns = _w("own_cost"), _w("return_verbs")
    ours = any(fold(t.text) in _US or (t.pos_ in ("VERB", "AUX") and person(t) == "1") for t in toks)
    for k, tok in enumerate(toks):
        # the cost of proving the claim («экспертиза», «диагностика») needs no law
        proof_cost = not ours and any(has_lemma(x, _w("proof_costs")) and x.pos_ in ("NOUN", "PROPN", "ADJ")
                                      for x in toks[max(0, k - 4):k + 5])
        # «за свой / Ваш счёт», «за счёт покупателя»
        if fold(tok.text) == "за" and k + 2 < len(toks):
            a, b = toks[k + 1], toks[k + 2]
            own_cost = (has_lemma(a, own) and has_lemma(b, {"счет"})) or (
                has_lemma(a, {"счет"}) and has_lemma(b, customer))
            if own_cost:
                window = clause_window(tok, sent)
                verb = next((w for w in window if has_lemma(w, returns) and (is_imperative(w) or _obliged(w))), None)
                if law or proof_cost or verb is not None:
                    start = verb.i if verb is not None and verb.i < tok.i else tok.i
                    if tok.i - start > 6:
                        start = tok.i
                    yield "law", doc[start:toks[k + 2].i + 1]
                    return
        if (law or proof_cost) and has_lemma(tok, pay) and tok.pos_ in ("VERB", "X", "NOUN", "ADJ"):
            if fold(tok.text).startswith("нес") and not any(has_lemma(t, {"расход", "затрата", "издержка"}) for t in toks):
                continue
            subj = _payer(tok, sent, customer)
            if subj is not None:
                lo, hi = min(tok.i, subj.i), max(tok.i, subj.i)
                yield "law", doc[lo:hi + 1]
                return
        # «по правилам стоимость доставки при возврате не возмещается»
        if law and has_lemma(tok, _w("refund_verbs")) and is_negated(tok) and any(
                has_lemma(t, _w("cost_nouns")) for t in toks[max(0, k - 6):k]) and person(tok) != "1":
            start = tok.i - 1 if tok.i > sent.start and fold(doc[tok.i - 1].text) == "не" else tok.i
            yield "law", doc[start:tok.i + 1]
            return
        # «расходы на экспертизу лягут на Вас»
        if (law or proof_cost) and has_lemma(tok, _w("lay_verbs")) and k + 2 < len(toks) and fold(toks[k + 1].text) == "на" \
                and has_lemma(toks[k + 2], customer) and not is_negated(tok):
            cost = next((t for t in reversed(toks[max(0, k - 4):k]) if has_lemma(t, _w("cost_nouns"))), None)
            yield "law", doc[(cost or tok).i:toks[k + 2].i + 1]
            return


def _fault_found(toks) -> bool:
    """«Если выяснится / окажется, что …», «в случае, если будет установлено,
    что …»: costs made to depend on what the company finds."""
    for k, t in enumerate(toks):
        if fold(t.text) in ("если", "случае") and any(
                has_lemma(x, _w("finding_verbs")) and person(x) != "2" for x in toks[k + 1:k + 5]):
            return True
        if fold(t.text) == "при" and k + 1 < len(toks) and has_lemma(toks[k + 1], _w("finding_nouns")):
            return True  # «при подтверждении пробы», «при выявлении нарушений»
    return False


def _payer(tok, sent, customer):
    """The Клиент as the one who pays: subject «Вы / покупатель», a 2nd-person
    form, or an imperative. «мы оплачиваем сами» is not."""
    if _our_subject(tok):
        return None
    if person(tok) == "1" and not any(p.tag.POS == "VERB" and "2per" in p.tag for p in parses(tok)[:1]):
        return None
    for c in tok.children:
        if c.dep_.startswith("nsubj") and has_lemma(c, customer):
            return c
        if "Pass" in tok.morph.get("Voice") and "Ins" in c.morph.get("Case") and has_lemma(c, customer - {"вы"}):
            return c  # «расходы оплачиваются покупателем»
    window = clause_window(tok, sent)
    for w in window:
        if w.i != tok.i and has_lemma(w, customer) and w.pos_ in ("PRON", "NOUN", "PROPN") \
                and "Nom" in w.morph.get("Case") and abs(w.i - tok.i) <= 4:
            return w
    if person(tok) == "2" or is_imperative(tok):
        return tok
    # «оплатить которую придётся Вам», «Вам необходимо оплатить экспертизу»
    if "Inf" in tok.morph.get("VerbForm"):
        near = [t for t in sent if abs(t.i - tok.i) <= 3 and t.i != tok.i]
        must = next((t for t in near if has_lemma(t, _w("must_words")) or fold(t.text) in _w("must_words")), None)
        if must is not None:
            return next((t for t in sent if abs(t.i - must.i) <= 2 and fold(t.text) in _w("customer_dative")), None)
    return None


# --- proof and honesty in other words -------------------------------------------
# Constructions that demand proof or doubt the Клиент without the literal
# words above: a need for confirmation, a refusal «без подтверждения», «иначе
# не сможем подтвердить», «документы, подтверждающие …», «видео, где видно,
# что … действительно …», «Если уверены, что …», «По Вашим словам …, однако …»,
# «Вы подписали акт без замечаний».

_SUBORDINATE = {"что", "чтобы", "как", "где", "ли", "который", "которая", "которое", "которые", "будто"}
_US = {"мы", "нам", "нас", "нами", "я", "мне", "меня"}


def _after(tok, n):
    doc = tok.doc
    return [doc[j] for j in range(tok.i + 1, min(tok.sent.end, tok.i + 1 + n)) if not doc[j].is_space]


def _before(tok, n):
    doc = tok.doc
    return [doc[j] for j in range(max(tok.sent.start, tok.i - n), tok.i) if not doc[j].is_space]


def _that_clause(tok, n=4) -> bool:
    """«подтверждение того, что …», «подтвердить, что …»: a «что»-clause follows."""
    return any(fold(t.text) == "что" and t.pos_ in ("SCONJ", "PRON") for t in _after(tok, n))


def _claim_topic(tok, n=4):
    """A noun of the Клиент's claim among the next words («брак», «факт поломки»)."""
    topics = _w("proof_topics") | _w("claim_problems")
    for t in _after(tok, n):
        if t.text in (",", ".", ";", ":", "—") :
            return None
        if t.pos_ in ("NOUN", "PROPN") and has_lemma(t, topics):
            return t
    return None


def _asked(sent) -> bool:
    """The sentence asks the Клиент for something: an imperative of handing
    over or showing, or a need («нужна фотография»)."""
    for t in sent:
        if has_lemma(t, _w("show_verbs") | _w("demand_verbs")) and _demanding(t):
            return True
        if has_lemma(t, _w("need_words")) and not is_negated(t) and t.pos_ in ("ADJ", "ADV", "VERB", "AUX", "X"):
            return True
    return False


def _proof_needed(sent):
    """«Нам потребуется подтверждение того, что флакон куплен у нас»,
    «Пришлите подтверждение того, что товар не использовался»."""
    doc = sent.doc
    for tok in sent:
        if tok.pos_ != "NOUN" or not has_lemma(tok, _w("confirm_nouns")) or _waived(tok, _w("waivers")):
            continue
        if not (_that_clause(tok) or _claim_topic(tok, 2)):
            continue
        near = [tok.head] + _before(tok, 3)
        asker = next((t for t in near if t.i != tok.i and (
            (has_lemma(t, _w("need_words")) and not is_negated(t) and t.pos_ != "NOUN")
            or (has_lemma(t, _w("show_verbs") | _w("demand_verbs")) and _demanding(t)))), None)
        if asker is not None and asker.i < tok.i:
            yield "proof", doc[asker.i:tok.i + 1]
        elif asker is not None:
            yield "proof", doc[tok.i:tok.i + 1]


def _proof_noun(tok) -> bool:
    """A noun that names proof: «доказательство», «подтверждение брака»,
    «заключение», «документы, подтверждающие поломку»."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if has_lemma(tok, _w("proof_words") | _w("evidence_strong")):
        return True
    if has_lemma(tok, _w("confirm_nouns")):
        return _that_clause(tok) or _claim_topic(tok, 2) is not None
    if has_lemma(tok, _w("evidence_weak")):
        return any(has_lemma(t, _w("proving_verbs")) for t in _after(tok, 3))
    return False


def _cannot(sent, after) -> bool:
    """A negated ability or an impossibility after index ``after``:
    «… не сможем», «… невозможен», «нельзя»."""
    for t in sent:
        if t.i <= after:
            continue
        low = fold(t.text)
        if low == "нельзя" or has_lemma(t, {"невозможно", "невозможный"}):
            return True
        if has_lemma(t, _w("ability_verbs")) and is_negated(t):
            return True
    return False


def _without_proof(sent):
    """«Без подтверждения брака вернуть деньги не сможем», «Без доказательств
    мы не можем принять претензию» — not «Вернём деньги без доказательств»."""
    doc = sent.doc
    for tok in sent:
        if fold(tok.text) != "без":
            continue
        noun = next((t for t in _after(tok, 3) if t.pos_ in ("NOUN", "PROPN")), None)
        if noun is None or not _proof_noun(noun):
            continue
        if not _cannot(sent, noun.i):
            continue
        end = noun.i
        topic = _claim_topic(noun, 1)
        if topic is not None and topic.i == noun.i + 1:
            end = topic.i
        yield "proof", doc[tok.i:end + 1]
        return


def _cannot_confirm(sent):
    """«иначе мы не сможем подтвердить, что вмятина не появилась позже»,
    «Без видео нам не удастся подтвердить брак»: the claim is taken as
    true only with the Клиент's proof. «Мы не можем подтвердить бронь» is not."""
    doc = sent.doc
    missing = any(fold(t.text) in ("иначе", "без") for t in sent)
    for tok in sent:
        if not has_lemma(tok, _w("confirm_verbs") | _w("proof_words")) or "Inf" not in tok.morph.get("VerbForm"):
            continue
        ability = next((t for t in [tok.head] + _before(tok, 3)
                        if t.i != tok.i and has_lemma(t, _w("ability_verbs")) and is_negated(t)), None)
        if ability is None or person(ability) in ("2", "3") and not any(
                fold(t.text) in _US for t in _before(ability, 3) + list(ability.children)):
            continue
        if not (_claim_topic(tok) or (missing and _that_clause(tok, 2) and _claim_predicate(_after(tok, 10)))):
            continue
        start = ability.i
        if start > 0 and fold(doc[start - 1].text) == "не":
            start -= 1
        # the ability verb may follow the infinitive («подтвердить это мы не сможем»)
        yield "proof", doc[min(start, tok.i):max(ability.i, tok.i) + 1]
        return


def _proving_attribute(sent):
    """«Пришлите фото, подтверждающее брак», «Приложите снимки, доказывающие,
    что товар пришёл повреждённым» — not «Мы пришлём письмо, подтверждающее
    возврат»."""
    doc = sent.doc
    if not _asked(sent):
        return
    for tok in sent:
        if not has_lemma(tok, _w("proving_verbs")) or is_negated(tok):
            continue
        participle = "Part" in tok.morph.get("VerbForm") or any(p.tag.POS == "PRTF" for p in parses(tok)[:2])
        if not participle:
            continue
        topic = _claim_topic(tok, 3)
        if topic is not None:
            yield "proof", doc[tok.i:topic.i + 1]
            return
        clause = _after(tok, 10)
        if _that_clause(tok, 2) and (_claim_predicate(clause) or any(
                t.pos_ in ("VERB", "AUX") and is_past(t) for t in clause)):
            # what happened, not a standing fact («что карта принадлежит Вам»)
            yield "proof", doc[tok.i:tok.i + 1]
            return


def _shown_really(sent):
    """«Пришлите видео, где видно, что наушник действительно не работает»:
    the Клиент asked to show that his problem is real."""
    doc = sent.doc
    if not _asked(sent):
        return
    for tok in sent:
        if fold(tok.text) not in _w("really_words") or not _adverbial(tok):
            continue
        that = next((t for t in reversed(_before(tok, 8)) if fold(t.text) == "что"), None)
        if that is None or any(fold(t.text) in _US or person(t) == "1" for t in doc[that.i:tok.i + 3]):
            continue
        end = tok.i
        for t in _after(tok, 3):
            if fold(t.text) in ("не", "был", "была", "было", "были") or t.pos_ in ("VERB", "AUX") and not t.is_punct:
                end = t.i
                if t.pos_ == "VERB":
                    break
                continue
            break
        yield "proof", doc[tok.i:end + 1]
        return


def _adverbial(tok) -> bool:
    """«действительно», «правда» as an adverb («упаковка правда была
    вскрыта», «и правда»), not the noun («это правда»)."""
    if tok.pos_ != "NOUN":
        return True
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return (prev is not None and fold(prev.text) == "и") or (
        nxt is not None and (nxt.pos_ in ("VERB", "AUX") or fold(nxt.text) == "не"))


def _condition(sent, start):
    """The tokens of the «если»-clause at ``start``: up to the comma that is
    not followed by a subordinate clause («Если уверены, что его нет, …»)."""
    doc = sent.doc
    out = []
    for j in range(start + 1, sent.end):
        t = doc[j]
        if t.text in (";", ":", "—", "–", ".", "!", "?") or fold(t.text) == "то":
            break
        if t.text == ",":
            nxt = next((doc[k] for k in range(j + 1, sent.end) if not doc[k].is_space), None)
            if nxt is None or fold(nxt.text) not in _SUBORDINATE:
                break
        if not t.is_space:
            out.append(t)
    return out


def _claim_predicate(toks) -> bool:
    """A statement of what went wrong: a negation or a problem word."""
    return any(fold(t.text) in ("не", "нет", "ни") or has_lemma(t, _w("claim_problems")) for t in toks)


def _honesty_condition(sent):
    """«Если уверены, что его нет, пришлите фото», «Если Вы действительно не
    получали посылку, …», «Если всё так, как Вы пишете, …» — not «Если Вы
    уверены, что хотите удалить аккаунт» or «Если заказ действительно нужен к пятнице»."""
    doc = sent.doc
    for tok in sent:
        if fold(tok.text) != "если":
            continue
        cond = _condition(sent, tok.i)
        if not cond or any(fold(t.text) in _US for t in cond) or any(has_lemma(t, _w("wish_words")) for t in cond):
            continue
        for k, t in enumerate(cond):
            low = fold(t.text)
            if has_lemma(t, _w("honesty_sure")) and not is_negated(t) and any(
                    fold(x.text) == "что" for x in cond[k + 1:k + 3]) and _claim_predicate(cond[k + 1:]):
                yield "doubt", doc[tok.i:t.i + 1]
                return
            if low in _w("really_words") and _adverbial(t) and (_claim_predicate(cond) or _clients_deed(cond, t)):
                yield "doubt", doc[tok.i:t.i + 1]
                return
            if low == "так" and k + 2 < len(cond) and fold(cond[k + 1].text) in (",", "как") and any(
                    has_lemma(x, _w("account_verbs")) and person(x) == "2" for x in cond[k + 1:k + 5]):
                yield "doubt", doc[tok.i:t.i + 1]
                return


def _clients_deed(cond, really) -> bool:
    """«Если Вы действительно вносили платёж»: what the Клиент says he did,
    a past verb of his (subject «Вы» or none) right after «действительно»."""
    k = cond.index(really)
    verb = next((x for x in cond[k + 1:k + 4] if x.pos_ in ("VERB", "AUX")), None)
    if verb is None or not is_past(verb):
        return False
    subj = [c for c in verb.children if c.dep_.startswith("nsubj")]
    return not subj or any(fold(c.text) in ("вы", "ты") for c in subj) or any(fold(x.text) in ("вы", "ты") for x in cond[:k])


def _your_words_contrasted(sent):
    """«По Вашим словам, курьер не приехал, однако в системе отмечена
    доставка», «Вы утверждаете, что …, но …»: the Клиент's account set against
    a contrary fact (not «…, но мы уже отправили замену»)."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    marker = None
    for k, t in enumerate(toks):
        low = fold(t.text)
        nxt = [fold(x.text) for x in toks[k + 1:k + 3]]
        if low in ("по", "с", "со") and len(nxt) == 2 and nxt[0].startswith("ваш") and has_lemma(toks[k + 2], {"слово"}):
            marker = doc[t.i:toks[k + 2].i + 1]
        elif low == "как" and nxt[:1] == ["вы"] and len(toks) > k + 2 and any(
                has_lemma(x, _w("account_verbs")) for x in toks[k + 2:k + 4]):
            verb = next(x for x in toks[k + 2:k + 4] if has_lemma(x, _w("account_verbs")))
            marker = doc[t.i:verb.i + 1]
        elif low == "вы" and len(toks) > k + 2 and has_lemma(toks[k + 1], _w("account_verbs") | {"сообщить", "сообщать"}) \
                and any(fold(x.text) == "что" for x in toks[k + 2:k + 4]):
            marker = doc[t.i:toks[k + 1].i + 1]  # «Вы пишете / сообщили, что …, однако …»
        if marker is not None:
            break
    if marker is None:
        return
    rest = [t for t in toks if t.i >= marker.end]
    contrast = _contrast_clause(rest)
    if contrast is None:
        following = [t for t in doc[sent.end:min(len(doc), sent.end + 40)] if not t.is_space]
        if following and fold(following[0].text) in ("однако", "но", "тем", "впрочем", "между"):
            contrast = _contrast_clause(following[:following.index(next(
                (t for t in following if t.is_sent_end or t.text in (".", "!", "?")), following[-1])) + 1])
    if contrast is not None:
        yield "doubt", marker


def _contrast_clause(toks):
    """The clause after «однако / но / тем не менее», if it states a fact that
    is not the company's own action."""
    for k, t in enumerate(toks):
        low = fold(t.text)
        if low not in _w("contrast_words"):
            continue
        if low == "тем" and not (k + 2 < len(toks) and fold(toks[k + 1].text) == "не" and fold(toks[k + 2].text) == "менее"):
            continue
        clause = []
        for x in toks[k + 1:]:
            if x.text in (".", "!", "?", ";") or (x.text == "," and clause and fold(clause[-1].text) not in ("менее",)
                                                   and len(clause) > 2):
                break
            clause.append(x)
        if not clause:
            continue
        if any(fold(x.text) in _US or (x.pos_ in ("VERB", "AUX") and person(x) == "1") for x in clause):
            continue
        return clause
    return None


def _accepted_without_remarks(sent):
    """«Акт осмотра Вы сами подписали без замечаний», «Заказ Вы приняли без
    претензий»: the Клиент's own acceptance held against his claim."""
    doc = sent.doc
    if any(fold(t.text) in ("если", "когда", "чтобы") for t in sent):
        return
    if any(has_lemma(t, _w("liability_words")) for t in sent):
        return  # «…, поэтому ответственность лежит на Вас» puts the blame, it does not doubt
    for tok in sent:
        if not has_lemma(tok, _w("accept_verbs")) or not is_past(tok) or is_negated(tok):
            continue
        window = clause_window(tok, sent)
        if not any(fold(t.text) == "вы" for t in window if t.i < tok.i) and not _has_you(tok):
            continue
        for t in window:
            if t.i <= tok.i or fold(t.text) != "без":
                continue
            noun = next((x for x in _after(t, 3) if x.pos_ == "NOUN"), None)
            if noun is not None and has_lemma(noun, _w("remark_nouns")):
                yield "doubt", doc[tok.i:noun.i + 1]
                return


def _has_you(tok) -> bool:
    return any(fold(c.text) == "вы" and c.dep_.startswith("nsubj") for c in tok.children)


def _account_judged(sent):
    """«Ваши слова противоречат фотографиям», «Ваша версия кажется нам
    маловероятной», «Ваши слова … вызывают у нас вопросы», «Ваша претензия
    выглядит сомнительно», «не соответствуют действительности»: the Клиент's
    own account (a noun of saying with «Ваш») judged untrue or doubtful."""
    doc = sent.doc
    judging, negated_judging = _w("judging_words"), _w("judging_negated")
    for tok in sent:
        if not has_lemma(tok, _w("account_nouns")) or tok.pos_ != "NOUN":
            continue
        prev = doc[tok.i - 1] if tok.i > sent.start else None
        if not any(has_lemma(c, {"ваш", "твой"}) for c in tok.children) and not (
                prev is not None and has_lemma(prev, {"ваш", "твой"})):
            continue
        # what is said of the account: its predicate, that predicate's
        # complements, or words right after it («выглядит сомнительно»)
        pred = tok.head if tok.dep_.startswith("nsubj") else None
        near = [t for t in doc[tok.i + 1:min(sent.end, tok.i + 15)] if not t.is_punct]
        scope = ([pred, *pred.children] if pred is not None else []) + near
        for t in scope:
            if has_lemma(t, _w("raised_nouns")) and not any(
                    has_lemma(x, _w("raising_verbs")) for x in doc[max(sent.start, t.i - 4):t.i]):
                continue  # «вызывают вопросы», not «у него есть пара вопросов»
            if has_lemma(t, {"недостаточно", "недостаточный"}) and not has_lemma(tok, _w("claim_nouns")):
                continue  # «Вашего описания недостаточно — пришлите скриншот» asks for detail
            if has_lemma(t, judging) and not is_negated(t) and not any(
                    fold(x.text) in ("нет", "ничего", "никаких", "никакого", "никакой")
                    for x in doc[max(sent.start, t.i - 3):t.i]):
                yield "doubt", doc[tok.i - 1 if tok.i > sent.start and has_lemma(doc[tok.i - 1], {"ваш", "твой"})
                                   else tok.i:tok.i + 1]
                return
            if has_lemma(t, negated_judging) and is_negated(t):
                yield "doubt", doc[tok.i:t.i + 1]
                return


def _no_ground_not_to(verb, sent) -> bool:
    """«нет оснований не верить Вам»: a double negation, trust in the Клиент."""
    before = [t for t in sent if t.i < verb.i and not t.is_space][-4:]
    return any(fold(t.text) == "не" for t in before) and any(
        has_lemma(t, _w("belief_grounds")) for t in before) and any(
        has_lemma(t, {"вы"}) for t in sent[verb.i - sent.start + 1:verb.i - sent.start + 4])


def _disbelief(sent):
    """«нет оснований верить, что Вы …», «нет причин ему не доверять» (a
    third party believed over the Клиент), «Откуда нам знать, что Вы не …»,
    «Не думаем, что причина в корме», «нужно убедиться, что всё было так, как
    Вы описываете»."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    for k, t in enumerate(toks):
        low = fold(t.text)
        if has_lemma(t, _w("belief_grounds")) and _no_grounds(toks, k):
            after = toks[k + 1:k + 5]
            verb = next((x for x in after if has_lemma(x, _w("belief_words") | _w("doubt_verbs_more"))), None)
            if verb is not None:
                whom = [x for x in toks[k + 1:k + 7] if has_lemma(x, {"вы", "ваш"})]
                negated = any(fold(x.text) == "не" for x in toks[k + 1:verb.i - toks[0].i + 1] if x.i < verb.i)
                trusting = negated != has_lemma(verb, _w("doubt_verbs_more"))
                if trusting and whom:
                    continue  # «нет оснований не верить Вам», «нет причин сомневаться в Ваших словах»: trust
                if not trusting and not whom and not any(fold(x.text) == "что" for x in toks[k + 1:k + 7]):
                    continue  # «нет причин верить слухам» is no doubt of the Клиент
                start = toks[k - 1].i if k > 0 and fold(toks[k - 1].text) == "нет" else t.i
                yield "doubt", doc[start:verb.i + 1]
                return
        if low == "откуда" and any(has_lemma(x, _w("knowing_words")) for x in toks[k + 1:k + 4]) \
                and (any(has_lemma(x, {"вы"}) for x in toks[k + 2:k + 9]) or any(
                    fold(x.text) == "что" for x in toks[k + 2:k + 6])):
            verb = next(x for x in toks[k + 1:k + 4] if has_lemma(x, _w("knowing_words")))
            yield "doubt", doc[t.i:verb.i + 1]
            return
        if low == "не" and k + 1 < len(toks) and has_lemma(toks[k + 1], _w("opinion_verbs")) \
                and person(toks[k + 1]) == "1" and any(fold(x.text) == "что" for x in toks[k + 2:k + 4]) \
                and not any("?" in x.text for x in toks[k + 1:]) \
                and any(has_lemma(x, _w("cause_words")) for x in toks[k + 2:k + 10]):
            yield "doubt", doc[t.i:toks[k + 1].i + 1]
            return
        if has_lemma(t, _w("verify_verbs")) and not is_negated(t) and any(
                fold(x.text) == "как" for x in toks[k + 1:]) and any(
                has_lemma(x, {"вы"}) for x in toks[k + 1:]) and any(
                has_lemma(x, _w("account_verbs")) for x in toks[k + 1:]):
            yield "check", doc[t.i:t.i + 1]
            return


def _no_grounds(toks, k) -> bool:
    """«нет оснований …», «оснований … у нас нет», «не видим причин …»."""
    if k > 0 and fold(toks[k - 1].text) == "нет":
        return True
    if any(fold(x.text) == "не" for x in toks[max(0, k - 3):k]) and any(
            has_lemma(x, {"видеть", "иметь", "находить", "найти"}) for x in toks[max(0, k - 2):k]):
        return True
    for x in toks[k + 1:k + 10]:
        if x.text in (".", ";", ":", "—", "!", "?"):
            return False
        if fold(x.text) == "нет":
            return True
    return False


def _trust_own_people(sent):
    """«Мы своим мастерам доверяем», «Сотрудникам мы верим»: the company
    declares trust in its own people against the Клиент's word — not «Мы
    доверяем Вам», «не доверяем сторонним курьерам, поэтому возим сами»."""
    doc = sent.doc
    toks = _toks(sent)
    if any(t.text == "?" for t in toks):
        return
    people = _w("staff_nouns") | _w("people_nouns")
    for k, t in enumerate(toks):
        if not has_lemma(t, _w("trust_verbs")) or t.pos_ not in ("VERB", "X") or is_negated(t) or person(t) != "1":
            continue
        if any(fold(x.text) in ("если", "чтобы") for x in toks[max(0, k - 6):k]):
            continue
        near = toks[max(0, k - 4):k + 4]
        who = next((x for x in near if x.pos_ in ("NOUN", "PROPN") and has_lemma(x, people)
                    and ("Dat" in x.morph.get("Case") or any("datv" in p.tag for p in parses(x)[:2]))), None)
        if who is None or any(has_lemma(x, {"вы", "ваш"}) for x in near):
            continue
        if any(fold(x.text) in ("но", "однако") for x in toks[k + 1:]):
            continue  # «доверяем мастерам, но всё равно разберёмся» concedes a check
        if any(x.pos_ == "NOUN" and x.i != who.i and "Acc" in x.morph.get("Case") for x in toks[k + 1:k + 3]):
            continue  # «курьерам доверяем доставку»: entrusting a task, not vouching
        lo, hi = min(t.i, who.i), max(t.i, who.i)
        if lo > 0 and has_lemma(doc[lo - 1], {"свой", "наш"}) and lo - 1 >= sent.start:
            lo -= 1
        yield "doubt", doc[lo:hi + 1]
        return


def _staff_never(sent):
    """«Обычно наши курьеры не ошибаются», «Наши сотрудники так не поступают»:
    the company's people vouched for against the Клиент's word."""
    doc = sent.doc
    for tok in sent:
        if not has_lemma(tok, _w("misconduct_verbs")) or not is_negated(tok) or is_past(tok):
            continue
        if "Pres" not in tok.morph.get("Tense") and not any(p.tag.tense == "pres" for p in parses(tok)[:1]):
            continue
        if has_lemma(tok, {"поступать", "поступить", "вести", "вести себя"}) and not any(
                fold(t.text) in ("так", "подобно", "таким") for t in _before(tok, 3)):
            continue  # «заявки не поступают» is no defence of anyone
        subj = next((c for c in tok.children if c.dep_.startswith("nsubj")), None)
        if subj is None or not has_lemma(subj, _w("staff_nouns")):
            continue
        own = next((t for t in [*subj.children, *_before(subj, 2)] if has_lemma(t, {"наш"})), None)
        if own is None:
            continue
        yield "doubt", doc[min(own.i, subj.i):tok.i + 1]
        return


def _cannot_be(sent):
    """«Этого не может быть», «Такого быть не может», «Не может быть, чтобы
    курьер так поступил» — not «Скидка не может быть больше 50%»."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    for k, t in enumerate(toks):
        if not has_lemma(t, {"мочь"}) or not is_negated(t):
            continue
        near = toks[max(0, k - 3):k + 3]
        if not any(has_lemma(x, {"быть"}) and "Inf" in x.morph.get("VerbForm") for x in near):
            continue
        if any(fold(x.text) == "речи" for x in toks[k:k + 5]):
            continue  # «не может быть и речи»
        pronoun = any(fold(x.text) in ("это", "этого", "такое", "такого", "подобное", "подобного") for x in near)
        that = any(fold(x.text) == "чтобы" for x in toks[k + 1:k + 5])
        if pronoun or that:
            start = t.i - 1 if t.i > sent.start and fold(doc[t.i - 1].text) == "не" else t.i
            be = max(x.i for x in near if has_lemma(x, {"быть"}))
            yield "doubt", doc[min(start, be):max(t.i, be) + 1]
            return


def _hard_to_imagine(sent):
    """«Трудно представить, что курьер мог так поступить»."""
    doc = sent.doc
    for tok in sent:
        if not has_lemma(tok, _w("imagine_verbs")):
            continue
        hard = next((t for t in _before(tok, 3) if has_lemma(t, _w("belief_hard"))), None)
        if hard is not None and _that_clause(tok, 3):
            yield "doubt", doc[hard.i:tok.i + 1]
            return


def _truthfulness(sent):
    """«Ваша претензия требует проверки на достоверность», «проверим
    подлинность Ваших слов»: the Клиент's account checked for truth."""
    doc = sent.doc
    accounts = _w("claim_accounts") | {"вы", "ваш"}
    for tok in sent:
        if not has_lemma(tok, _w("truth_nouns")):
            continue
        if any(has_lemma(t, {"гарантировать", "отвечать", "гарантия"}) for t in sent):
            continue  # «гарантируем достоверность информации»
        checked = any(has_lemma(t, _w("check_verbs") | {"проверка", "подтвердить", "установить", "сомнение"}) for t in sent)
        theirs = any(has_lemma(t, accounts) for t in sent if t.i != tok.i)
        if checked and theirs:
            yield "check", doc[tok.i:tok.i + 1]
            return


def _after_confirmed(sent):
    """«Деньги вернём после того, как подтвердится, что брак не Ваш»."""
    doc = sent.doc
    for tok in sent:
        if not has_lemma(tok, _w("confirmed_verbs")) or is_negated(tok):
            continue
        before = _before(tok, 5)
        marker = next((t for t in before if fold(t.text) in ("как", "когда") and t.i >= tok.i - 3), None)
        if marker is None:
            continue
        if not (_claim_topic(tok) or (_that_clause(tok, 2) and _claim_predicate(_after(tok, 10)))):
            continue
        start = marker.i
        for t in reversed(_before(marker, 4)):
            if fold(t.text) in ("после", "только", "лишь"):
                start = t.i
        yield "proof", doc[start:tok.i + 1]
        return


def _you_really(sent):
    """«Вы точно проверили посылку при получении?» — a question that doubts
    what the Клиент did (not «Вы точно успеете к 18:00?»)."""
    doc = sent.doc
    if not any(t.text == "?" for t in sent):
        return
    toks = [t for t in sent if not t.is_space]
    for k, t in enumerate(toks):
        if fold(t.text) not in ("точно", "действительно", "правда", "наверняка"):
            continue
        you = next((x for x in toks[max(0, k - 2):k + 3] if fold(x.text) == "вы"), None)
        verb = next((x for x in toks[k + 1:k + 4] if x.pos_ in ("VERB", "AUX") and is_past(x)), None)
        if you is not None and verb is not None and person(verb) != "1":
            yield "doubt", doc[min(you.i, t.i):max(you.i, t.i) + 1]
            return


def _evidence_first(sent):
    """«сначала покажите скриншоты ошибок», «прежде пришлите фото чека»."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    for k, t in enumerate(toks):
        if fold(t.text) not in _w("first_words"):
            continue
        verb = next((x for x in toks[k + 1:k + 4] if has_lemma(x, _w("show_verbs")) and is_imperative(x)), None)
        if verb is None:
            continue
        evidence = frozenset(rw.templates("distrust").get("evidence", [])) | _w("evidence_weak") | _w("evidence_strong")
        if any(has_lemma(x, evidence) for x in toks[toks.index(verb) + 1:toks.index(verb) + 5]):
            yield "proof", doc[t.i:verb.i + 1]
            return


def _obliged_to_pay(sent):
    """«закон обязывает Вас самостоятельно оплатить обратную доставку»."""
    doc = sent.doc
    for tok in sent:
        if not has_lemma(tok, _w("oblige_verbs")) or is_negated(tok):
            continue
        if not any(has_lemma(c, _w("law_words")) for c in tok.children if c.dep_.startswith("nsubj")) and not any(
                has_lemma(t, _w("law_words")) for t in doc[max(sent.start, tok.i - 3):tok.i]):
            continue
        pay = next((t for t in doc[tok.i + 1:min(sent.end, tok.i + 6)] if has_lemma(t, _w("pay_verbs"))), None)
        if pay is not None and any(has_lemma(t, {"вы"}) for t in doc[tok.i + 1:pay.i]):
            yield "law", doc[tok.i:pay.i + 1]
            return


# --- the Клиент's account doubted, proof as a condition: more classes ------------

_EVIDENCE_CACHE: dict[str, frozenset[str]] = {}


def _evidence_words() -> frozenset[str]:
    """Everything that can serve as evidence: the rewrite's list of what the
    Клиент may send, the evidence lists and `condition_evidence`."""
    if "all" not in _EVIDENCE_CACHE:
        _EVIDENCE_CACHE["all"] = (frozenset(rw.templates("distrust").get("evidence", [])) | _w("evidence_weak")
                                  | _w("evidence_strong") | _w("condition_evidence"))
    return _EVIDENCE_CACHE["all"]


def _evidence_noun(tok) -> bool:
    if has_lemma(tok, _w("confirm_nouns")) and not _proof_noun(tok) and not any(
            has_lemma(x, _w("deed_nouns")) for x in _after(tok, 1)):
        return False  # «без подтверждения заказа» is the order's confirmation, not proof
    if has_lemma(tok, {"запись"}) and any(has_lemma(c, _w("appointment_marks")) for c in tok.children):
        return False  # «без предварительной записи», «запись на приём» is an appointment, not a recording
    return tok.pos_ in ("NOUN", "PROPN", "ADJ", "X") and has_lemma(tok, _evidence_words()) and not (
        has_lemma(tok, {"заключение"}) and tok.i + 1 < len(tok.doc) and has_lemma(tok.doc[tok.i + 1], _w("not_evidence_of")))


def _paperwork_only(ev, sent) -> bool:
    """A paper that is routine for an application («без справки о доходах
    заявление не примут») unless the sentence is about a complaint or a problem."""
    if any(has_lemma(x, _w("identity_nouns")) for x in _after(ev, 2)):
        return True  # «фото паспорта»: an identity check
    if not has_lemma(ev, _w("paperwork")):
        return False
    if any(has_lemma(x, _w("proof_costs") | _w("expert_words")) for x in _after(ev, 3)):
        return False  # «акт осмотра», «справка из сервисного центра»: evidence of the problem
    about = _w("complaint_nouns") - {"заявление", "требование"} | _w("proof_topics") | _w("claim_problems")
    return not any(has_lemma(x, about) for x in ev.sent)


def _reimbursing(sent) -> bool:
    """«Пришлите чек — возместим расходы на такси»: the Клиент's outlay paid
    back (not «иначе компенсация не начисляется», the remedy itself)."""
    return any(has_lemma(t, _w("reimburse_words")) for t in sent) and any(
        has_lemma(t, _w("outlay_nouns")) for t in sent)


def _toks(sent):
    return [t for t in sent if not t.is_space]


def _hedge(toks, upto):
    """A hedge among ``toks`` before index ``upto`` («возможно», «скорее всего»,
    «не исключено», «должно быть»)."""
    for k, t in enumerate(toks):
        if t.i >= upto:
            break
        if not has_lemma(t, _w("hedges")):
            continue
        low = fold(t.text)
        if low == "исключено" and not (k > 0 and fold(toks[k - 1].text) == "не"):
            continue
        if low == "скорее" and not (k + 1 < len(toks) and fold(toks[k + 1].text) in ("всего", "всё", "все")):
            continue
        if low == "должно" and not (k + 1 < len(toks) and fold(toks[k + 1].text) == "быть"):
            continue
        if has_lemma(t, {"полагать", "предполагать", "думать", "считать", "думаться", "кажется"}) and (
                person(t) in ("2", "3") or is_negated(t)):
            continue
        return t
    return None


def _client_subject(verb, toks):
    """«Вы» (or «ты») as the subject of ``verb``: a child, or just before it."""
    for c in verb.children:
        if c.dep_.startswith("nsubj") and fold(c.text) in ("вы", "ты"):
            return c
    near = [t for t in toks if verb.i - 5 <= t.i < verb.i]
    you = next((t for t in reversed(near) if fold(t.text) in ("вы", "ты")), None)
    if you is not None and "Nom" in you.morph.get("Case") or (you is not None and not you.morph.get("Case")):
        return you
    return None


def _guarded(toks, upto) -> bool:
    """A condition, a purpose or a question: «Если Вы забыли пароль…»."""
    if any(t.text == "?" for t in toks):
        return True
    return any(fold(t.text) in ("если", "когда", "чтобы", "коли", "ежели") and t.i < upto for t in toks)


def _client_mistaken(sent):
    """«Возможно, Вы что-то не так поняли», «Похоже, Вы путаете», «Вероятно, Вы
    просто не заметили письмо», «Вы ошибаетесь»: the Клиент said to be
    mistaken about what he saw, understood or remembers."""
    doc = sent.doc
    toks = _toks(sent)
    for tok in toks:
        if tok.pos_ not in ("VERB", "AUX", "X") and not any(p.tag.POS == "VERB" for p in parses(tok)[:1]):
            continue  # «напутал» is sometimes tagged an adjective
        mistake = has_lemma(tok, _w("mistake_verbs"))
        perceive = has_lemma(tok, _w("perceive_verbs"))
        forget = has_lemma(tok, _w("forget_verbs"))
        if not (mistake or perceive or forget) or is_imperative(tok) and person(tok) != "2":
            continue
        if "Inf" in tok.morph.get("VerbForm") or person(tok) == "1":
            continue
        you = _client_subject(tok, toks)
        if you is None or _guarded(toks, tok.i):
            continue
        hedge = _hedge(toks, tok.i)
        window = [t for t in toks if tok.i - 4 <= t.i <= tok.i + 4]
        wrong = any(has_lemma(t, _w("wrongly")) for t in window) or any(
            fold(t.text) == "не" and j + 1 < len(window) and fold(window[j + 1].text) in ("так", "то", "те", "туда", "того", "ту", "тот")
            for j, t in enumerate(window)) or any(fold(t.text) in ("что-то", "что-нибудь") for t in window)
        if mistake:
            present = "Pres" in tok.morph.get("Tense") or person(tok) == "2"
            if not (present or hedge is not None):
                continue
            if is_negated(tok):
                continue
            after = _after(tok, 3)
            if any(fold(t.text) in ("при", "во", "в", "когда") for t in after[:1]) or any(
                    "Ins" in t.morph.get("Case") and t.pos_ == "NOUN" for t in after[:2]):
                continue  # «ошиблись при вводе пароля», «ошиблись адресом»: a slip in doing, not a doubt
        elif perceive:
            if hedge is None or not (wrong or is_negated(tok)):
                continue
        elif hedge is None or is_negated(tok) or any(
                "Inf" in c.morph.get("VerbForm") for c in tok.children if c.i > tok.i):
            continue  # «забыли почистить фильтр» blames an omission, it does not doubt
        lo = min(you.i, tok.i)
        if tok.i - lo > 4:
            lo = tok.i
        yield "doubt", doc[lo:tok.i + 1]
        return


def _someone_of_yours(sent):
    """«Не исключено, что посылку получил кто-то из Ваших родственников»:
    someone of the Клиент's own people put forward as the one who did it."""
    doc = sent.doc
    toks = _toks(sent)
    for k, tok in enumerate(toks):
        if fold(tok.text) not in _w("someone") or k + 2 >= len(toks) or fold(toks[k + 1].text) != "из":
            continue
        group = toks[k + 2:k + 6]
        if not any(fold(t.text).startswith(("ваш", "тво")) for t in group) or not any(
                has_lemma(t, _w("close_people")) for t in group):
            continue
        if _guarded(toks, tok.i) or any(fold(t.text) == "если" for t in toks):
            continue
        verb = tok.head if tok.head.pos_ in ("VERB", "AUX") else None
        if verb is None:
            verb = next((t for t in reversed(toks[max(0, k - 4):k]) if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or not (is_past(verb) or _hedge(toks, tok.i) is not None):
            continue
        end = next(t for t in group if has_lemma(t, _w("close_people")))
        yield "doubt", doc[tok.i:end.i + 1]
        return


def _demand_of_evidence(toks, start=0):
    """(verb, evidence) of a demand to hand evidence over after ``start``:
    «предоставьте свои фотографии», «пришлёте фото», «подтвердите справкой»."""
    for k, t in enumerate(toks):
        if t.i < start or not has_lemma(t, _w("show_verbs") | _w("demand_verbs") | _w("confirm_verbs")):
            continue
        if _our_subject(t) or is_negated(t):
            continue
        if not (is_imperative(t) or person(t) == "2" or _obliged(t)):
            continue
        ev = next((x for x in toks[k + 1:k + 6] if _evidence_noun(x)), None)
        if ev is None and has_lemma(t, _w("confirm_verbs")):
            if any(fold(x.text) == "что" for x in toks[k + 1:k + 4]):
                ev = t
        if ev is not None:
            return t, ev
    return None


def _need_of_evidence(toks):
    """(need, evidence) of «нужен акт», «необходимы фотографии», «потребуется
    справка» — a need of evidence with no verb of handing over."""
    for k, t in enumerate(toks):
        if not has_lemma(t, _w("need_words")) or is_negated(t) or t.pos_ == "NOUN":
            continue
        if k > 0 and fold(toks[k - 1].text) == "не":
            continue
        ev = next((x for x in toks[k + 1:k + 4] if _evidence_noun(x)), None)
        if ev is not None:
            return t, ev
    return None


def _disagree_then_prove(sent):
    """«Если не согласны, предоставьте свои фотографии», «В случае несогласия
    приложите видеозапись», «Если считаете иначе, пришлите выписку»."""
    doc = sent.doc
    toks = _toks(sent)
    for k, t in enumerate(toks):
        if fold(t.text) not in ("если", "случае"):
            continue
        cond = toks[k + 1:k + 6]
        dispute = next((x for x in cond if has_lemma(x, _w("disagree_words"))), None)
        if dispute is None:
            continue
        low = fold(dispute.text)
        if has_lemma(dispute, {"согласный", "согласиться"}) and not any(fold(x.text) == "не" for x in cond[:cond.index(dispute)]):
            continue
        if low in ("иначе", "по-другому") and not any(has_lemma(x, {"считать", "думать", "полагать"}) for x in cond):
            continue
        demand = _demand_of_evidence(toks, dispute.i + 1)
        if demand is None:
            continue
        verb, ev = demand
        yield "proof", doc[verb.i:max(verb.i, ev.i) + 1]
        return


def _consideration_conditional(sent):
    """«Для рассмотрения жалобы пришлите видео вскрытия», «Чтобы мы приняли
    претензию, подтвердите, что …», «Прежде чем рассматривать претензию, нам
    необходимо убедиться, что …»: the claim considered only on the Клиент's proof."""
    doc = sent.doc
    toks = _toks(sent)
    if _reimbursing(sent):
        return
    for k, t in enumerate(toks):
        marker = None
        if has_lemma(t, _w("consider_nouns")) and k > 0 and fold(toks[k - 1].text) in ("для", "до"):
            if any(has_lemma(x, _w("complaint_nouns")) for x in toks[k + 1:k + 4]):
                marker = toks[k - 1]
        elif has_lemma(t, _w("consider_verbs")) and not is_negated(t) and person(t) != "2" and any(
                has_lemma(x, _w("complaint_nouns")) for x in toks[k + 1:k + 4]) and any(
                fold(x.text) in ("чтобы", "чем", "как") for x in toks[max(0, k - 4):k]):
            marker = next(x for x in toks[max(0, k - 4):k] if fold(x.text) in ("чтобы", "чем", "как", "прежде", "перед"))
            if fold(marker.text) in ("чем", "как") and not any(
                    has_lemma(x, _w("before_words")) for x in toks[max(0, k - 5):k]):
                continue
        if marker is None:
            continue
        demand = _demand_of_evidence(toks) or _need_of_evidence(toks)
        if demand is not None:
            verb, ev = demand
            yield "proof", doc[verb.i:max(verb.i, ev.i) + 1]
            return
        sure = next((x for x in toks if has_lemma(x, _w("make_sure_verbs")) and not is_imperative(x)
                     and person(x) != "2" and _that_clause(x, 3)), None)
        if sure is not None:
            yield "check", doc[sure.i:sure.i + 1]
            return


def _clause_after(toks, k):
    """The tokens after ``toks[k]`` up to the end of its clause (a full stop,
    «;», a dash or a colon)."""
    clause = []
    for x in toks[k + 1:]:
        if x.text in (".", "!", "?", ";", "—", ":"):
            break
        clause.append(x)
    return clause


def _make_sure_before(sent):
    """«Нужно убедиться, что царапины появились именно в этот день», «…, что
    кран был исправен до визита мастера»: the Клиент's account to be verified
    (not «хотим убедиться, что новая карта работает»)."""
    doc = sent.doc
    toks = _toks(sent)
    for k, t in enumerate(toks):
        if not has_lemma(t, _w("make_sure_verbs")) or is_negated(t) or person(t) == "2":
            continue
        if is_imperative(t) and "Inf" not in t.morph.get("VerbForm"):
            continue
        if not _that_clause(t, 3):
            continue
        clause = _clause_after(toks, k)
        if any(fold(x.text) in _US for x in clause):
            continue
        past = any(x.pos_ in ("VERB", "AUX") and is_past(x) for x in clause)
        exactly = any(fold(x.text) in _w("exactly_words") for x in clause)
        before_event = any(fold(x.text) == "до" and j + 1 < len(clause) and clause[j + 1].pos_ == "NOUN"
                           for j, x in enumerate(clause))
        # what the Клиент reports (a problem, a negation), not «что Вы
        # действительно проходили регистрацию» (a confirmation e-mail)
        if past and ((exactly and _claim_predicate(clause)) or before_event):
            yield "check", doc[t.i:t.i + 1]
            return


def _remedy_if_evidence(sent):
    """«Деньги вернём, если пришлёте фото номера», «Заморозим курс, как только
    Вы подтвердите справкой, что …» — not «Если пришлёте фото, заменим быстрее»
    or «Пришлите чек — возместим расходы»."""
    doc = sent.doc
    toks = _toks(sent)
    if _reimbursing(sent) or any(has_lemma(t, _w("speed_words")) for t in toks):
        return
    remedy = next((t for t in toks if has_lemma(t, _w("remedy_verbs")) and person(t) == "1"
                   and not is_past(t) and not is_negated(t)), None)
    if remedy is None:
        return
    for k, t in enumerate(toks):
        low = fold(t.text)
        if low == "если" or (low == "только" and k + 1 < len(toks) and fold(toks[k + 1].text) in ("если", "когда", "после")) \
                or (low == "как" and k + 1 < len(toks) and fold(toks[k + 1].text) == "только") \
                or (low == "как" and k >= 2 and fold(toks[k - 1].text) in ("того", ",") and any(
                    fold(x.text) == "после" for x in toks[max(0, k - 3):k])) \
                or (low == "условии"):
            demand = _demand_of_evidence(toks[k + 1:k + 8])
            if demand is None:
                continue
            verb, ev = demand
            if is_imperative(verb):
                continue  # «если это не помогло, пришлите скриншот»: the demand is the main clause
            yield "proof", doc[t.i:max(verb.i, ev.i) + 1]
            return


def _account_needs_proof(sent):
    """«Подобные обвинения требуют документального подтверждения», «Ваши слова
    нуждаются в проверке» — not «Ваше обращение требует времени»."""
    doc = sent.doc
    toks = _toks(sent)
    for k, t in enumerate(toks):
        if not has_lemma(t, _w("require_verbs")) or is_negated(t):
            continue
        subj = next((c for c in t.children if c.dep_.startswith("nsubj")), None)
        cands = ([subj] if subj is not None else []) + [x for x in toks[max(0, k - 4):k] if x.pos_ == "NOUN"]
        account = next((x for x in cands if has_lemma(x, _w("charge_nouns"))), None)
        if account is None:
            continue
        obj = toks[k + 1:k + 5]
        proof = next((x for x in obj if has_lemma(x, _w("proof_need_nouns"))), None)
        if proof is None and has_lemma(account, _w("claim_nouns")) and (
                any(fold(x.text).startswith(("ваш", "тво")) for x in toks[max(0, account.i - toks[0].i - 2):k])):
            proof = next((x for x in obj if has_lemma(x, _w("check_nouns"))), None)
        if proof is None:
            continue
        yield "proof", doc[t.i:proof.i + 1]
        return


def _odd_against_records(sent):
    """«Странно, у нас в системе только одно списание»: surprise at the
    Клиент's report, set against the company's records (not «Странно, что
    заказ не пришёл, — уже разбираемся»)."""
    doc = sent.doc
    toks = _toks(sent)
    if len(toks) < 4 or not has_lemma(toks[0], _w("odd_words")) or toks[1].text != ",":
        return
    if fold(toks[2].text) in ("что", "но", "как", "почему", "ведь"):
        return
    rest = toks[2:]
    ours = any(fold(x.text) in ("нас", "нам") for x in rest[:3]) or any(
        has_lemma(x, _w("own_records") | _w("records")) for x in rest)
    if ours:
        yield "doubt", doc[toks[0].i:toks[0].i + 1]


def _checked_at_dispatch(sent):
    """«Посылку взвешивали при отправке, все вещи были на месте», «Ваш экземпляр
    проверяли перед отправкой»: the company's check at dispatch held against
    the Клиент's word (not «…, но не заметили скол — простите»)."""
    doc = sent.doc
    toks = _toks(sent)
    if any(has_lemma(t, _w("admission_words")) for t in toks):
        return
    for k, t in enumerate(toks):
        if not has_lemma(t, _w("dispatch_check_verbs")) or is_negated(t):
            continue
        if not is_past(t) and not any(x.pos_ in ("VERB", "AUX") and is_past(x) for x in toks[k + 1:]):
            continue  # a process described, with no state of this parcel
        near = toks[max(0, k - 4):k + 5]
        at = next((x for x in near if fold(x.text) in ("при", "перед", "до") and any(
            has_lemma(y, _w("dispatch_nouns")) for y in toks[toks.index(x) + 1:toks.index(x) + 3])), None)
        if at is None:
            continue
        if not any(has_lemma(x, _w("intact_words")) for x in toks[k + 1:]):
            continue
        end = max(x.i for x in toks[toks.index(at):toks.index(at) + 3] if has_lemma(x, _w("dispatch_nouns")))
        yield "doubt", doc[min(t.i, at.i):max(t.i, end) + 1]
        return


def _infallible(sent):
    """«Система античита не ошибается», «Наши мастера не могли так поступить»:
    the company's people or means declared above error."""
    doc = sent.doc
    toks = _toks(sent)
    for k, t in enumerate(toks):
        if has_lemma(t, _w("infallible_verbs")) and is_negated(t) and not is_past(t) and not _guarded(toks, t.i):
            subj = next((c for c in t.children if c.dep_.startswith("nsubj")), None)
            if subj is None:
                subj = next((x for x in reversed(toks[max(0, k - 5):k]) if x.pos_ in ("NOUN", "PROPN")), None)
            if subj is not None and has_lemma(subj, _w("machine_nouns") | _w("staff_nouns")):
                yield "doubt", doc[subj.i:t.i + 1]
                return
        if has_lemma(t, {"мочь", "смочь"}) and is_negated(t) and not _guarded(toks, t.i):
            inf = next((x for x in toks[k + 1:k + 4] if has_lemma(x, _w("misconduct_verbs") | _w("infallible_verbs"))), None)
            subj = next((c for c in t.children if c.dep_.startswith("nsubj")), None)
            if subj is None:
                subj = next((x for x in reversed(toks[max(0, k - 4):k]) if x.pos_ in ("NOUN", "PROPN")), None)
            if inf is None or subj is None or not has_lemma(subj, _w("staff_nouns") | _w("machine_nouns")):
                continue
            if not has_lemma(inf, _w("infallible_verbs")) and not any(
                    has_lemma(x, {"наш"}) for x in [*subj.children, *_before(subj, 2)]):
                continue  # «наши мастера не могли так поступить»; any «касса не может ошибиться»
            yield "doubt", doc[subj.i:inf.i + 1]
            return


def _suspicion(sent):
    """«Мы подозреваем, что товаром пользовались», «Есть признаки мошенничества»,
    «Похоже, товар использовался не по назначению»: misuse or fraud insinuated."""
    doc = sent.doc
    toks = _toks(sent)
    for k, t in enumerate(toks):
        if has_lemma(t, _w("suspect_verbs")) and not is_negated(t) and person(t) != "2" and not is_imperative(t):
            if person(t) == "1" or _our_subject(t) or any(fold(x.text) in _US for x in toks[max(0, k - 3):k]):
                yield "doubt", doc[t.i:t.i + 1]
                return
        if has_lemma(t, _w("suspicion_nouns")) and not any(fold(x.text) in ("нет", "никаких", "без", "не") for x in toks[max(0, k - 2):k]):
            fraud = next((x for x in toks[k + 1:k + 4] if has_lemma(x, _w("fraud_nouns"))), None)
            if fraud is not None:
                yield "doubt", doc[t.i:fraud.i + 1]
                return
        subj = next((c for c in t.children if c.dep_.startswith("nsubj")), None)
        if subj is not None and fold(subj.text) not in ("вы", "ты") and "Anim" in subj.morph.get("Animacy"):
            continue  # «грузчики небрежно обращаются с мебелью» blames a third party
        if has_lemma(t, _w("use_verbs")) and not _guarded(toks, t.i) and _hedge(toks, t.i) is not None:
            around = toks[max(0, k - 3):k + 5]
            if any(has_lemma(x, _w("misuse_words")) for x in around) and not any(fold(x.text) in _US for x in around):
                yield "doubt", doc[t.i:t.i + 1]
                return


def _witness_question(sent):
    """«Есть ли у Вас свидетели?», «Кто может подтвердить Ваши слова?», «Чем Вы
    можете подтвердить, что пуговицы были на месте?»: the Клиент asked who or
    what can back his account."""
    doc = sent.doc
    toks = _toks(sent)
    if not any(t.text == "?" for t in toks):
        return
    for k, t in enumerate(toks):
        if has_lemma(t, _w("witness_nouns")) and t.pos_ == "NOUN" and any(
                fold(x.text) in ("вас", "тебя") for x in toks[max(0, k - 4):k]) and not is_negated(t):
            yield "proof", doc[t.i:t.i + 1]
            return
        proving = _w("confirm_verbs") | _w("proving_verbs") | _w("proof_words")
        if fold(t.text) in ("кто", "чем", "что") and any(has_lemma(x, proving) for x in toks[k + 1:k + 4]):
            verb = next(x for x in toks[k + 1:k + 4] if has_lemma(x, proving))
            if person(verb) == "1" or any(fold(x.text) in _US for x in toks[k + 1:toks.index(verb)]):
                continue  # «Чем мы можем подтвердить …» offers
            if not (_that_clause(verb, 2) or any(fold(x.text).startswith(("ваш", "тво")) for x in _after(verb, 3))):
                continue  # «Кто может подтвердить заказ при получении?»
            yield "proof", doc[t.i:verb.i + 1]
            return


def _rely_on_word(sent):
    """«Мы не можем опираться только на Ваши слова», «не можем полагаться на
    одно Ваше утверждение»: the Клиент's word not enough."""
    doc = sent.doc
    toks = _toks(sent)
    for k, t in enumerate(toks):
        if not has_lemma(t, _w("rely_verbs")) or person(t) == "2" or is_imperative(t):
            continue
        if not (is_negated(t) or _negated_governor(t) or any(
                has_lemma(x, {"мочь", "смочь"}) and is_negated(x) for x in toks[max(0, k - 3):k])):
            continue
        after = toks[k + 1:k + 6]
        if any(fold(x.text).startswith(("ваш", "тво")) for x in after) and any(
                has_lemma(x, _w("account_nouns") | _w("claim_nouns")) for x in after):
            start = next((x.i for x in toks[max(0, k - 3):k] if fold(x.text) == "не"), t.i)
            yield "doubt", doc[start:t.i + 1]
            return


def _third_party_insists(sent):
    """«Курьер утверждает, что передал заказ лично Вам»: someone else's word
    held against the Клиент's."""
    doc = sent.doc
    toks = _toks(sent)
    for k, t in enumerate(toks):
        if not has_lemma(t, _w("insist_verbs")) or is_negated(t) or person(t) in ("1", "2"):
            continue
        subj = next((c for c in t.children if c.dep_.startswith("nsubj")), None)
        if subj is None or fold(subj.text) in ("вы", "ты", "мы") or subj.pos_ == "PRON":
            continue
        clause = toks[k + 1:k + 14]
        if not any(x.pos_ in ("VERB", "AUX") and is_past(x) for x in clause):
            continue  # «мастер уверяет, что телефон будет готов завтра»
        if any(fold(x.text) == "что" for x in clause[:3]) and any(
                fold(x.text) in ("вы", "вам", "вас", "ваш", "ваша", "ваши", "вами", "тебе", "ты") for x in clause):
            yield "doubt", doc[subj.i:t.i + 1] if 0 <= t.i - subj.i <= 3 else doc[t.i:t.i + 1]
            return


def _puzzled(sent):
    """«Нас смущает, что жалоба пришла через месяц», «Непонятно, как
    посылка могла прийти пустой», «Странно, что Вы заметили это только
    сейчас»: the company puzzled by the Клиент's report or deed."""
    doc = sent.doc
    toks = _toks(sent)
    for k, t in enumerate(toks):
        if has_lemma(t, _w("puzzle_verbs")) and not is_negated(t) and any(
                fold(x.text) in ("нас", "меня") for x in toks[max(0, k - 2):k + 3]) and _that_clause(t, 3):
            yield "doubt", doc[t.i:t.i + 1]
            return
        if has_lemma(t, _w("odd_words")) and k + 1 < len(toks):
            rest = toks[k + 1:k + 8]
            how = next((x for x in rest[:3] if fold(x.text) in ("как", "каким", "откуда")), None)
            if any(has_lemma(x, _w("happen_verbs") | _w("admission_words")) for x in toks) or any(
                    x.pos_ in ("VERB", "AUX") and person(x) == "1" for x in toks):
                continue  # «Непонятно, как такое могло случиться, — разбираемся»: our own failure
            if how is not None and any(has_lemma(x, {"мочь", "смочь"}) and is_past(x) for x in rest):
                yield "doubt", doc[t.i:t.i + 1]
                return
            # «Странно, что Вы заметили списания только сейчас»: surprise at what the Клиент did
            if any(fold(x.text) == "что" for x in rest[:2]) and t.pos_ != "NOUN":
                deed = next((x for x in rest if x.pos_ in ("VERB", "AUX") and is_past(x)
                             and _client_subject(x, toks) is not None), None)
                if deed is not None and (not is_negated(deed) or has_lemma(deed, _w("perceive_verbs"))):
                    yield "doubt", doc[t.i:t.i + 1]
                    return


def _check_of_account(sent):
    """«проведём проверку Ваших утверждений», «только после проверки Ваших
    слов»: the Клиент's account, not the company's work, checked."""
    doc = sent.doc
    toks = _toks(sent)
    for k, t in enumerate(toks):
        if not has_lemma(t, _w("check_nouns")) or t.pos_ != "NOUN":
            continue
        after = toks[k + 1:k + 4]
        yours = next((x for x in after if fold(x.text).startswith(("ваш", "тво"))), None)
        account = next((x for x in after if has_lemma(x, _w("claim_nouns")) and x.pos_ == "NOUN"), None)
        if yours is not None and account is not None and not any(
                fold(x.text) in ("без", "никакой", "никаких") for x in toks[max(0, k - 2):k]):
            yield "check", doc[t.i:account.i + 1]
            return


def _evidence_then_see(sent):
    """«Пришлите скриншот из банка, тогда посмотрим»: evidence first, a look after."""
    doc = sent.doc
    toks = _toks(sent)
    if _reimbursing(sent) or any(has_lemma(t, _w("speed_words")) for t in toks):
        return
    demand = _demand_of_evidence(toks)
    if demand is None:
        return
    verb, ev = demand
    for k, t in enumerate(toks):
        if t.i <= ev.i or fold(t.text) not in _w("then_words"):
            continue
        nxt = next((x for x in toks[k + 1:k + 4] if x.pos_ in ("VERB", "AUX")), None)
        if nxt is not None and person(nxt) == "1" and has_lemma(nxt, _w("remedy_verbs") | _w("look_verbs")):
            yield "proof", doc[verb.i:ev.i + 1]
            return


# --- whose account is judged, and is the remedy conditional on proof -------------
# Role-based probes: the remedy (a verb or a noun of refund, review, repair,
# recalculation) refused unless the Клиент brings evidence, whatever links the
# two («без этого», «иначе», «только после того, как Вы пришлёте …»); the
# company's own records or evidence set against the Клиент's account; the
# claim dismissed by a general assertion; the Клиент asked what backs his word.

def _prev_toks(sent):
    """The tokens of the sentence before ``sent`` («Пришлите фото. Без этого …»)."""
    if sent.start == 0:
        return []
    return _toks(sent.doc[sent.start - 1].sent)


def _evidence_asked(toks):
    """(anchor, evidence) when ``toks`` ask the Клиент for evidence: a demand
    («пришлите фото», «предоставьте логи») or a need («нужна видеозапись»,
    «видео обязательно»)."""
    demand = _demand_of_evidence(toks)
    if demand is not None:
        return demand
    for k, t in enumerate(toks):
        if not has_lemma(t, _w("need_words")) or is_negated(t) or t.pos_ not in ("ADJ", "ADV", "VERB", "AUX", "X"):
            continue
        ev = next((x for x in toks[max(0, k - 3):k + 4] if x.i != t.i and _evidence_noun(x)), None)
        if ev is not None:
            return t, ev
    return None


def _refused_remedy(toks, after):
    """The remedy, or the consideration of the claim, refused after index
    ``after``: «деньги не вернём», «возврат не оформляем», «компенсация не
    начисляется», «обращение рассматриваться не будет», «замена невозможна»,
    «ничего не сделаем» — not «нам сложнее понять», «приложение не запустится»."""
    remedy_v = (_w("remedy_verbs") | _w("consider_verbs") | _w("process_verbs")) - _w("look_verbs")
    remedy_n = _w("remedy_nouns") | _w("complaint_nouns") | _w("remedy_more_nouns")
    for k, t in enumerate(toks):
        if t.i <= after or t.pos_ in ("NOUN", "PROPN", "PUNCT", "ADP", "CCONJ", "SCONJ", "PRON", "DET", "PART"):
            continue
        if person(t) == "2":
            continue
        impossible = has_lemma(t, {"невозможный", "невозможно", "нельзя"})
        negated = is_negated(t) or any(fold(x.text) == "не" for x in toks[max(0, k - 3):k] if x.i > after) or (
            k + 2 < len(toks) and fold(toks[k + 1].text) == "не" and has_lemma(toks[k + 2], {"быть"}))
        if not (negated or impossible):
            continue
        if has_lemma(t, remedy_v) and not impossible:
            return t
        if has_lemma(t, {"сделать", "делать"}) and any(fold(x.text) == "ничего" for x in toks[max(0, k - 3):k + 2]):
            return t
        if any(has_lemma(x, remedy_n) and x.pos_ in ("NOUN", "PROPN") and x.i > after and (
                x.head.i == t.i or 0 < t.i - x.i <= 3 or (impossible and 0 < x.i - t.i <= 2)) for x in toks):
            return t
    return None


def _remedy_on_proof(sent):
    """«Пришлите фото чека — без этого возврат не оформляем», «Без скриншотов
    бонусы восстановлены не будут», «Предоставьте логи, иначе компенсация не
    начисляется», «Мастер приедет только после того, как Вы пришлёте акт
    осмотра»: the remedy made conditional on the Клиент's evidence — not «без
    этого нам сложнее понять», «без Вашего согласия возврат не оформляем»."""
    doc = sent.doc
    toks = _toks(sent)
    if _reimbursing(sent):
        return
    for k, t in enumerate(toks):
        low = fold(t.text)
        if low == "без" and k + 1 < len(toks):
            ev = next((x for x in toks[k + 1:k + 4] if _evidence_noun(x) and not _paperwork_only(x, sent)), None)
            if ev is None and fold(toks[k + 1].text) in _w("evidence_anaphors"):
                asked = _evidence_asked(toks[:k]) or _evidence_asked(_prev_toks(sent))
                if asked is not None and not _paperwork_only(asked[1], asked[1].sent):
                    ev = toks[k + 1]
            # «Без видео претензии не принимаются», «Мы не вернём деньги без фото чека»
            if ev is not None and _refused_remedy([x for x in toks if x.i != ev.i], ev.i if ev.i == toks[k + 1].i and fold(
                    ev.text) in _w("evidence_anaphors") else sent.start - 1) is not None:
                yield "proof", doc[t.i:ev.i + 1]
                return
        elif low == "иначе":
            asked = _evidence_asked(toks[:k]) or (_evidence_asked(_prev_toks(sent)) if k == 0 else None)
            if asked is None or _paperwork_only(asked[1], sent) or _refused_remedy(toks, t.i) is None:
                continue
            verb, ev = asked
            if verb.sent == sent:
                yield "proof", doc[min(verb.i, ev.i):max(verb.i, ev.i) + 1]
            else:
                yield "proof", doc[t.i:t.i + 1]
            return
        elif low in _w("only_words"):
            rest = []
            for x in toks[k + 1:k + 10]:
                if x.text in (";", ".", ":", "—", "–", "!", "?"):
                    break
                rest.append(x)
            # «только при наличии показаний свидетелей», «лишь после предоставления видео»
            if any(fold(x.text) in _w("condition_preps") | {"предоставления", "предъявления", "условии"} for x in rest[:3]):
                evs = [x for x in rest[:6] if _evidence_noun(x)]
                if evs and not all(_paperwork_only(x, sent) for x in evs):
                    yield "proof", doc[t.i:evs[-1].i + 1]
                    return
            # «только после того, как Вы пришлёте акт осмотра»
            if any(fold(x.text) in ("после", "когда", "если") for x in rest[:2]):
                demand = _demand_of_evidence(rest)
                if demand is not None and not is_imperative(demand[0]) and not _paperwork_only(demand[1], sent):
                    yield "proof", doc[t.i:max(demand[0].i, demand[1].i) + 1]
                    return


def _copies_refused(sent):
    """«фото и копии не принимаются», «Скриншоты не рассматриваем»: only
    originals count — the Клиент's copies refused as proof."""
    doc = sent.doc
    toks = _toks(sent)
    consider = _w("consider_verbs")
    if any(has_lemma(t, _w("format_words")) or fold(t.text) in _w("format_words") for t in toks) or any(
            t.text == "?" for t in toks):
        return  # «фото в формате HEIC не принимаются»; a question
    for k, t in enumerate(toks):
        if not has_lemma(t, _w("copy_nouns")) or t.pos_ not in ("NOUN", "PROPN", "X"):
            continue
        after = next((x for x in toks[k + 1:k + 7] if has_lemma(x, consider)), None)
        if after is not None and person(after) != "2" and (is_negated(after) or any(
                fold(x.text) == "не" for x in toks[k + 1:toks.index(after)])):
            yield "proof", doc[t.i:after.i + 1]
            return
        before = next((x for x in toks[max(0, k - 3):k] if has_lemma(x, consider)), None)
        if before is not None and is_negated(before) and person(before) != "2" and not is_imperative(before):
            yield "proof", doc[before.i:t.i + 1]
            return


def _counter_evidence(sent):
    """«Если у Вас есть другие сведения, пришлите их», «Если располагаете иными
    данными, сообщите нам», «При наличии доказательств обратного …»: the
    Клиент invited to disprove the company's version."""
    doc = sent.doc
    toks = _toks(sent)
    for k, t in enumerate(toks):
        if fold(t.text) not in ("если", "наличии", "случае"):
            continue
        cond = []
        for x in toks[k + 1:k + 9]:
            if x.text in (",", ".", ";", ":", "—", "?", "!"):
                break
            cond.append(x)
        if any(fold(x.text) in _US for x in cond):
            continue
        noun = next((x for x in cond if has_lemma(x, _w("counter_nouns")) and x.pos_ in ("NOUN", "PROPN", "X")), None)
        if noun is None:
            continue
        nxt = toks[toks.index(noun) + 1] if toks.index(noun) + 1 < len(toks) else None
        if nxt is not None and fold(nxt.text) in ("для", "о", "об", "по", "к"):
            continue  # «другие данные для входа»
        other = next((x for x in cond if has_lemma(x, _w("other_words")) and (x.i < noun.i or fold(x.text) == "обратного")), None)
        if other is not None:
            yield "proof", doc[t.i:max(noun.i, other.i) + 1]
            return


def _complaint(ctx) -> bool:
    """The incoming message says something did not happen or went wrong."""
    text = fold(ctx.incoming or "")
    return any(w in text.replace(",", " ").replace(".", " ").replace("!", " ").split()
               for w in ("не", "нет", "ни", "никто", "никого", "ничего"))


def _records_set_against(sent, complaint=False):
    """«По нашим данным, Вы получили заказ 5 мая», «По нашим записям, пробирку
    Вы не сдавали», «По данным службы доставки, посылка вручена Вам», «По данным
    приложения, клинер отметил приход в 10:05, то есть отработал весь период»:
    the company's records set against what the Клиент says he did or what
    the staff did not do — not «по нашим данным, Вы ещё не получили посылку»,
    «по данным службы, посылка приедет в четверг», «…, — вернём деньги»."""
    doc = sent.doc
    toks = _toks(sent)
    if any(has_lemma(t, _w("admission_words") - {"но", "однако"}) for t in toks):
        return
    for k, t in enumerate(toks):
        if fold(t.text) not in ("по", "согласно"):
            continue
        np = []
        for x in toks[k + 1:k + 6]:
            if x.text in (",", ".", ";", ":", "—"):
                break
            np.append(x)
        src = next((x for x in np[:3] if has_lemma(x, _w("records") | _w("own_records") | _w("record_sources"))
                    or (fold(x.text).startswith("данн") and fold(x.text) not in _THIS_FORMS)), None)
        if src is None:
            continue
        rest = [x for x in toks if x.i > src.i]
        if any(fold(x.text) in ("если", "когда", "чтобы") for x in rest) or any(
                x.pos_ in ("VERB", "AUX") and person(x) == "1" for x in rest):
            return
        for x in rest:
            if x.pos_ not in ("VERB", "AUX") or not is_past(x):
                continue
            if any(c.dep_ in ("aux", "aux:pass") and "Fut" in c.morph.get("Tense") for c in x.children):
                continue  # «заказ будет вручён Вам 10 июня»: a plan
            subj = [c for c in x.children if c.dep_.startswith("nsubj")]
            near = [y for y in rest if x.i - 4 <= y.i <= x.i + 4 and y.i != x.i]
            you = next((y for y in subj if fold(y.text) in ("вы", "ты")), None)
            passive = "Part" in x.morph.get("VerbForm") or "Pass" in x.morph.get("Voice")
            if you is None and (not subj or passive):
                you = next((y for y in near if fold(y.text) in (("вам", "вами", "тебе") if passive else ("вы", "ты"))
                            and (passive or y.i < x.i)), None)
            if you is not None:
                if is_negated(x) and (any(fold(y.text) in _w("still_words") for y in rest) or has_lemma(
                        x, {"получить", "получать"})):
                    return  # «Вы ещё не получили посылку» informs
                if "Part" in x.morph.get("VerbForm") and fold(you.text) in ("вы", "ты"):
                    return  # «вы подписаны на рассылку» states a status
                yield "doubt", _source_span(sent, t, src)
                return
            # someone of the company («курьер», «клинер», «мастер») did his part
            if not subj:  # the parse may hang the subject on «по»
                before = [y for y in rest if y.i < x.i][-4:]
                if not any(y.pos_ in ("VERB", "AUX") for y in before):
                    subj = [y for y in before if (y.pos_ in ("NOUN", "PROPN") and "Nom" in y.morph.get("Case"))
                            or fold(y.text) in ("он", "она", "они")]
            if subj and fold(subj[0].text) in ("он", "она", "они") and any(
                    has_lemma(y, _w("staff_nouns") - {"система", "склад"}) for y in toks if y.i < x.i):
                subj = [next(y for y in toks if y.i < x.i and has_lemma(y, _w("staff_nouns") - {"система", "склад"}))]
            staff = next((y for y in subj if has_lemma(y, _w("staff_nouns") - {"система", "склад"}) or (
                "Anim" in y.morph.get("Animacy") and y.pos_ == "NOUN" and not has_lemma(y, _w("customer_words")))), None)
            if staff is not None and not is_negated(x) and (complaint or any(
                    fold(y.text) in _w("conclusion_words") for y in rest)):
                yield "doubt", _source_span(sent, t, src)
                return


def _source_span(sent, prep, src):
    """«По данным», «Судя по журналу»: the records named, with «судя» before them."""
    doc = sent.doc
    start = prep.i - 1 if prep.i > sent.start and fold(doc[prep.i - 1].text) == "судя" else prep.i
    return doc[start:src.i + 1]


# «по данному заказу»: forms of the adjective «данный» ("this"), never of «данные» ("data")
_THIS_FORMS = {"данный", "данного", "данному", "данном", "данная", "данной", "данную", "данное", "данною"}


def _own_evidence_shows(sent):
    """«У нас есть фотоотчёт с мероприятия: на нём все блюда стоят на столах»,
    «На записи с наших камер видно, что курьер передал пакет»: the company's
    own evidence held against the Клиент's account — not «у нас есть запись
    разговора, мы её прослушаем», «на записи видно, что курьер действительно
    бросил коробку», «на Вашем фото видно, что шов разошёлся»."""
    doc = sent.doc
    toks = _toks(sent)
    if any(has_lemma(t, _w("admission_words") - {"но", "однако"}) or fold(t.text) in _w("really_words") for t in toks):
        return
    if any(t.text == "?" for t in toks) or any(
            t.pos_ in ("VERB", "AUX") and person(t) == "1" and not is_past(t) for t in toks):
        return
    sources = (_w("record_sources") | _w("own_records")) - _w("generic_sources")
    for k, t in enumerate(toks):
        if not has_lemma(t, sources) or t.pos_ not in ("NOUN", "PROPN", "X", "ADJ"):
            continue
        around = toks[max(0, k - 4):k + 4]
        if any(fold(x.text).startswith(("ваш", "тво")) for x in around):
            continue
        have = any(fold(x.text) in ("нас", "нам") for x in toks[max(0, k - 4):k]) and any(
            has_lemma(x, _w("have_words")) for x in toks[max(0, k - 4):k + 1])
        # «Мы посмотрели запись с камер: …»
        have = have or (t.head.pos_ == "VERB" and _our_subject(t.head) and t.dep_ in ("obj", "obl")
                        and has_lemma(t.head, _w("review_verbs")))
        ours = have or any(has_lemma(x, {"наш"}) for x in toks[k + 1:k + 4])
        if not ours:
            continue
        tail = toks[k + 1:]
        colon = next((j for j, x in enumerate(tail[:6]) if x.text == ":"), None)
        shown = next((x for x in toks[max(0, k - 3):k + 7] if x.i != t.i and has_lemma(x, _w("showing_words") - {"быть", "стоять", "лежать"})
                      and not is_negated(x)), None)
        if colon is not None:
            clause = tail[colon + 1:]
            if any(is_imperative(x) or person(x) == "2" for x in clause if x.pos_ in ("VERB", "AUX")):
                continue  # «…: проверьте его во вложении» asks, it does not contradict
            if any(x.pos_ in ("VERB", "AUX", "ADJ") for x in clause) and not any(
                    has_lemma(x, _w("claim_problems")) for x in clause):
                start = next((x.i for x in toks[max(0, k - 4):k] if fold(x.text) in ("у", "нас", "нам")), t.i) if have else t.i
                yield "doubt", doc[start:t.i + 1]
                return
        elif shown is not None and _that_clause(shown, 2) and not any(
                has_lemma(x, _w("claim_problems")) for x in toks[shown.i - toks[0].i:]):
            yield "doubt", doc[min(t.i, shown.i):max(t.i, shown.i) + 1]
            return


def _dismissed(sent):
    """«Подделка исключена», «Пересорт на нашем складе невозможен», «Линзы сами
    по себе не трескаются», «Скорее всего, дело не в нашей еде», «Подделками
    мы не торгуем»: the claim
    dismissed by a general assertion — not «повторное списание исключено»,
    «заказ сам по себе не отменится», «дело не в Вас, а в нашем сбое»."""
    doc = sent.doc
    toks = _toks(sent)
    first_person = any(t.pos_ in ("VERB", "AUX") and person(t) == "1" for t in toks)
    problems = _w("claim_problems") | _w("fraud_nouns") | {"подмена", "пересорт", "продажа"}
    for k, t in enumerate(toks):
        if has_lemma(t, _w("dismiss_words")) and t.pos_ != "NOUN" and not (
                k > 0 and fold(toks[k - 1].text) in ("не", "ни")) and not first_person:
            subj = next((c for c in t.children if c.dep_.startswith("nsubj")), None) or next(
                (x for x in reversed(toks[max(0, k - 4):k]) if x.pos_ in ("NOUN", "PROPN")), None)
            if subj is not None and has_lemma(subj, problems) and not any(has_lemma(x, _w("again_words")) for x in toks):
                yield "doubt", doc[min(subj.i, t.i):max(subj.i, t.i) + 1]
                return
        third = person(t) == "3" or any(p.tag.POS == "VERB" and p.tag.person == "3per" for p in parses(t))
        if has_lemma(t, _w("breakdown_verbs")) and is_negated(t) and not is_past(t) and third \
                and "Perf" not in t.morph.get("Aspect"):
            lead = next((x for j, x in enumerate(toks[max(0, k - 6):k], start=max(0, k - 6))
                         if (fold(x.text) in ("сам", "сами", "сама", "само") and j + 2 < len(toks)
                             and fold(toks[j + 1].text) == "по" and fold(toks[j + 2].text) == "себе")
                         or (fold(x.text) == "просто" and j + 1 < len(toks) and fold(toks[j + 1].text) == "так")), None)
            if lead is not None:
                yield "doubt", doc[lead.i:t.i + 1]
                return
        # «Подделками мы не торгуем», «Наш магазин не продаёт контрафакт»
        if t.pos_ in ("VERB", "AUX") and is_negated(t) and not is_past(t) and "Perf" not in t.morph.get("Aspect") \
                and not any(has_lemma(x, _w("again_words")) for x in toks) and not any(t.text == "?" for t in toks):
            ours = _our_subject(t) or person(t) == "1" or any(
                c.dep_.startswith("nsubj") and any(has_lemma(x, {"наш"}) for x in c.subtree) for c in t.children)
            goods = next((x for x in toks[max(0, k - 5):k + 4] if x.i != t.i and has_lemma(x, _w("denied_goods"))), None)
            if ours and goods is not None:
                yield "doubt", _with_neg(t, doc[min(goods.i, t.i):max(goods.i, t.i) + 1])
                return
        if has_lemma(t, _w("cause_nouns")) and t.pos_ in ("NOUN", "PROPN") and k + 3 < len(toks) \
                and fold(toks[k + 1].text) == "не" and fold(toks[k + 2].text) in ("в", "во"):
            ours = toks[k + 3]
            if not (has_lemma(ours, {"наш"}) or fold(ours.text) in ("нас", "нашем", "нашей")):
                continue
            if any(fold(x.text) == "а" for x in toks[k + 4:]):
                continue  # «не в нас, а в карте» puts it on someone else
            lead = _hedge(toks, t.i) or next((x for x in toks[:k] if fold(x.text) in _w("conclusion_words") | {"так"}), None)
            if lead is not None:
                end = ours.i + 1 if has_lemma(ours, {"наш"}) and ours.i + 1 < sent.end else ours.i
                yield "doubt", doc[t.i:end + 1]
                return


# --- the rewrite: trust instead of proof ----------------------------------------

def _rewrite(sent, kind):
    """The whole sentence replaced: costs taken on (``law``), a photo asked
    for the company's own sake when the draft asked for evidence or proof,
    else trust and a placeholder for what the company does."""
    conf = rw.templates("distrust")
    evidence = _evidence(sent, conf)
    if kind == "law":
        text = _costs_taken(sent, conf)
    elif evidence is not None or kind == "proof":
        text = rw.render("distrust", "proof", evidence=evidence or conf.get("evidence_default", "фото"))
    else:
        text = rw.render("distrust", "trust")
    return (rw.sentence_span(sent), text) if text else None


def _costs_taken(sent, conf):
    """«Расходы на доставку и возврат …» when the sentence is about shipping;
    else the cost it names («Расходы на диагностику …»), else «Все расходы …»."""
    shipping = frozenset(fold(w) for w in conf.get("shipping_words", []))
    if any(set(lemmas(t)) & shipping for t in sent):
        return rw.render("distrust", "law")
    costs = frozenset(fold(w) for w in conf.get("cost_objects", []))
    named = [lem for t in sent if t.pos_ in ("NOUN", "PROPN") for lem in lemmas(t) if lem in costs]
    thing = named[-1] if named else None  # the cost nearest the payer: «стоимость экспертизы»
    if thing is not None:
        return rw.render("distrust", "law_named", cost=rw.inflect_word(thing, {"accs", "sing"}, "NOUN"))
    return rw.render("distrust", "law_other")


def _evidence(sent, conf):
    """«видео распаковки», «фото чека и пакета» — the evidence the sentence
    asks the Клиент for, in the accusative — or None."""
    wanted = frozenset(fold(w) for w in conf.get("evidence", []))
    send = frozenset(fold(w) for w in conf.get("send_verbs", []))
    doc = sent.doc
    asked = next((t for t in sent if set(lemmas(t)) & send and any(
        p.tag.POS in ("VERB", "INFN") for p in parses(t))), None)
    if asked is None:
        return None
    for tok in sent:
        if tok.i <= asked.i or tok.pos_ not in ("NOUN", "PROPN", "X") or not set(lemmas(tok)) & wanted:
            continue
        first = tok.i
        while first - 1 > asked.i and (doc[first - 1].pos_ in ("ADJ", "DET") or is_number(doc[first - 1])):
            first -= 1
        counted = any(is_number(t) for t in doc[first:tok.i])
        last = tok.i
        j = tok.i + 1
        while j < sent.end:
            t = doc[j]
            if (t.pos_ in ("NOUN", "PROPN", "ADJ", "DET") or _nominal(t)) and _genitive(t):
                last = j
            elif fold(t.text) in ("и", "или") and j + 1 < sent.end and doc[j + 1].pos_ in ("NOUN", "ADJ", "PROPN"):
                pass
            elif t.pos_ in ("NOUN", "PROPN") and fold(doc[j - 1].text) in ("и", "или"):
                last = j
            else:
                break
            j += 1
        if counted:  # «две фотографии упаковки»: the numeral has put it in the right case
            return rw.rebuild(doc, first, last)
        return rw.phrase_in_case(doc[first:last + 1], tok, "accs")
    return None


def _nominal(tok) -> bool:
    """A noun or adjective by pymorphy3 (the tagger calls «распаковки» a verb)."""
    return tok.is_alpha and any(p.tag.POS in ("NOUN", "ADJF") for p in parses(tok)[:1])


def _genitive(tok) -> bool:
    return "Gen" in tok.morph.get("Case") or any(p.tag.case == "gent" for p in parses(tok)[:2])


def _negated_governor(tok) -> bool:
    """«Сомневаться в Ваших словах мы не станем»: an infinitive whose negated
    governing verb («не станем», «не будем», «не собираемся») the parse may
    attach either above or below it."""
    if "Inf" not in tok.morph.get("VerbForm"):
        return False
    govs = lexicon.words("distrust", "infinitive_governors")
    near = [tok.head] + list(tok.children)
    return any(n.i != tok.i and n.pos_ in ("VERB", "AUX") and has_lemma(n, govs) and is_negated(n) for n in near)


# --- whose account is judged: the company's evidence set against it -----------

_VERB_ENDINGS = ("ть", "ти", "чь", "ться", "тись", "чься")


def _verb_lemmas(tok) -> set[str]:
    return {lem for lem in lemmas(tok) if lem.endswith(_VERB_ENDINGS)}


def _stem(lemma: str) -> str:
    """A crude verb stem shared by an aspect pair: «отдать»/«отдавать» →
    «отд», «подключить»/«подключать» → «подключ»."""
    s = lemma
    for suf in ("ся", "сь"):
        if s.endswith(suf):
            s = s[:-2]
            break
    for suf in ("ть", "ти", "чь"):
        if s.endswith(suf):
            s = s[:-2]
            break
    for suf in ("ыва", "ива", "ва"):
        if s.endswith(suf) and len(s) - len(suf) >= 2:
            s = s[:-len(suf)]
            break
    while len(s) > 3 and s[-1] in "аеиоуыяэю":
        s = s[:-1]
    return s.replace("о", "а")  # «перезвонить»/«перезванивать»


def _same_verb(a: set[str], b: set[str]) -> bool:
    """The same verb, or the two verbs of one aspect pair."""
    for x in a:
        for y in b:
            if x == y or (_stem(x) == _stem(y) and len(_stem(x)) >= 2):
                return True
            common = next((n for n, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
            if common >= 5 and common >= 0.6 * min(len(x), len(y)):
                return True
    return False


def _past(tok) -> bool:
    """Past by the tagger and pymorphy3, or by pymorphy3 alone when the tagger
    does not know the verb («перезванивал» read as a future)."""
    return is_past(tok) or any(p.tag.POS == "VERB" and p.tag.tense == "past" for p in parses(tok)[:1])


def _verbal(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") or any(p.tag.POS in ("VERB", "INFN", "PRTS", "PRTF") for p in parses(tok)[:1])


class _Incoming:
    """What the Клиент says happened and did not happen: the verbs of his
    message, negated or not, with their objects; and every lemma in it."""

    def __init__(self, doc):
        self.negated: list[tuple[set[str], set[str]]] = []
        self.affirmed: list[tuple[set[str], set[str]]] = []
        self.lemmas: set[str] = set()
        self.denied_nouns: set[str] = set()  # what the Клиент says did not happen to
        self.denied_own = False  # «я не соглашался»: the Клиент denies a deed of his own
        if doc is None:
            return
        light = _w("light_verbs")
        for t in doc:
            self.lemmas.update(lemmas(t))
            if not _verbal(t) or t.pos_ in ("NOUN", "PROPN", "ADJ") or has_lemma(t, light):
                continue
            verbs = _verb_lemmas(t)
            if not verbs:
                continue
            objs = set()
            for c in t.children:
                if c.dep_ not in ("obj", "nsubj:pass"):
                    continue
                if has_lemma(c, {"который"}) and t.head.pos_ in ("NOUN", "PROPN"):
                    c = t.head  # «подписку, которую я не подключал»
                if c.pos_ in ("NOUN", "PROPN"):
                    objs.update(lemmas(c))
            negated = is_negated(t) or any(is_negated(c) and has_lemma(c, light) for c in [t.head] if c.i != t.i)
            (self.negated if negated else self.affirmed).append((verbs, objs))
            if negated:
                self.denied_nouns |= objs
                self.denied_own = self.denied_own or person(t) == "1" or any(
                    c.dep_.startswith("nsubj") and fold(c.text) in ("я", "мы") for c in t.children)
                self.denied_nouns.update(lem for c in t.children if c.dep_ == "obl" and c.pos_ in ("NOUN", "PROPN")
                                         and not any(g.dep_ == "case" for g in c.children) for lem in lemmas(c))
                self.denied_nouns.update(lem for c in t.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN", "X")
                                         for lem in lemmas(c))


def _incoming(ctx):
    try:
        return _Incoming(ctx.incoming_doc)
    except Exception:  # a message that does not parse counts as none
        return _Incoming(None)


def _objects_agree(tok, objs) -> bool:
    mine = [c for c in tok.children if c.dep_ in ("obj", "nsubj:pass") and c.pos_ in ("NOUN", "PROPN")]
    if not mine or not objs:
        return True
    return any(set(lemmas(c)) & objs for c in mine)


def _clients_agent(tok) -> bool:
    """The Клиент did it: «Вы» is the subject, or «с Вашего номера», «Вами»."""
    if any(c.dep_.startswith("nsubj") and fold(c.text) in ("вы", "ты") for c in tok.children):
        return True
    for c in tok.children:
        if fold(c.text) in ("вами", "тобой"):
            return True
        if c.dep_ == "obl" and any(fold(g.text) in ("с", "со", "через", "из", "от", "по") for g in c.children) and any(
                fold(g.text).startswith(("ваш", "тво")) for g in c.children):
            return True
    near = _before(tok, 3)
    return any(fold(x.text) in ("вы", "ты") for x in near) and person(tok) != "3" and "Plur" in tok.morph.get("Number")


def _frame(toks):
    """(first, last) tokens of a frame bringing in the company's own evidence,
    or None: «по нашим данным», «судя по снимкам», «в системе записано», «мы
    прослушали запись», «проверка показала», «выяснилось, что», «курьер
    говорит, что», «коробку на складе взвешивали»."""
    sources = _w("records") | _w("own_records") | _w("record_sources") | _w("check_result_nouns")
    for k, t in enumerate(toks):
        low = fold(t.text)
        nxt = toks[k + 1:k + 4]
        if low in ("по", "согласно") or (low == "судя" and nxt and fold(nxt[0].text) == "по"):
            if low == "судя" and len(nxt) > 1 and fold(nxt[1].text) in ("всему", "всем", "всей", "голосу", "письму", "вашему", "вашим", "вашей"):
                continue
            src = next((x for x in nxt if x.pos_ not in ("PUNCT", "ADP", "CCONJ", "SCONJ") and (has_lemma(x, sources)
                        or (fold(x.text).startswith("данн") and fold(x.text) not in _THIS_FORMS) or low == "судя")), None)
            if src is not None and not any(fold(x.text).startswith(("ваш", "тво")) for x in toks[k + 1:src.i - toks[0].i + 1]):
                return t, src
        place = next((x for x in nxt if x.pos_ in ("NOUN", "PROPN", "X")), None)
        if low in ("в", "во", "на") and place is not None and not any(fold(x.text).startswith(("ваш", "тво")) for x in nxt[:2]):
            # «в системе записано», «в маршрутном листе отмечено»: any paper of ours with a verb of recording
            rec = next((x for x in toks[k + 1:k + 6] if has_lemma(x, _w("recording_verbs") - _w("state_recording_verbs"))
                        and not is_negated(x) and person(x) not in ("1", "2")
                        and (has_lemma(place, sources | _w("record_places")) or _past(x)
                             or any(p.tag.POS == "PRTS" for p in parses(x)[:1]))), None)
            if rec is not None:
                return t, rec
        if has_lemma(t, _w("review_frame_verbs") | _w("dispatch_check_verbs")) and _past(t) and not is_negated(t) and person(t) != "2" \
                and not _clients_agent(t):
            obj = next((c for c in t.children if c.dep_ == "obj" and 0 < c.i - t.i <= 2), None)
            return t, obj or t
        if has_lemma(t, _w("showing_verbs")) and not is_negated(t) and person(t) != "2" and not is_imperative(t):
            subj = next((c for c in t.children if c.dep_.startswith("nsubj")), None) or next(
                (x for x in reversed(toks[max(0, k - 3):k]) if x.pos_ in ("NOUN", "PROPN")), None)
            if subj is not None and has_lemma(subj, _w("check_result_nouns")) and not any(
                    fold(x.text).startswith(("ваш", "тво")) for x in subj.children):
                return (subj, t) if subj.i < t.i else (t, subj)
        if has_lemma(t, _w("found_out_verbs")) and not is_negated(t) and person(t) not in ("1", "2") and _that_clause(t, 2):
            return t, t
        if has_lemma(t, _w("speech_verbs") | _w("deny_verbs")) and not is_negated(t) and person(t) not in ("1", "2") and not is_imperative(t):
            subj = next((c for c in t.children if c.dep_.startswith("nsubj")), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN") and not has_lemma(subj, _w("customer_words")):
                return (subj, t) if subj.i < t.i else (t, subj)
            if subj is not None and fold(subj.text) in ("он", "она", "они") and any(
                    has_lemma(y, _w("staff_nouns")) or (y.pos_ == "NOUN" and "Anim" in y.morph.get("Animacy")
                                                        and not has_lemma(y, _w("customer_words"))) for y in toks[:k]):
                return (subj, t) if subj.i < t.i else (t, subj)
    return None


def _done_after_all(x, inc, shared=False) -> bool:
    """«SMS было доставлено на Ваш номер», «предоплата возвращена Вам»: done,
    by the records, to what the Клиент says never happened (the same thing,
    or a verb of completion he denied) — not «заказ задержан на таможне»."""
    if not _verbal(x) or is_negated(x) or x.pos_ in ("NOUN", "PROPN", "ADP", "PRON", "DET"):
        return False
    sending = any(any(v in _w("sending_verbs") for v in verbs) for verbs, _ in inc.negated)
    done = _w("completion_verbs") | (_w("sending_verbs") if sending else frozenset())
    if has_lemma(x, _w("happen_done_verbs")) and not is_negated(x):
        # «зачисление прошло 25-го» against «мне не зачислили зарплату»
        subj = _subject_of(x) or next((y for y in _before(x, 3) if y.pos_ == "NOUN"), None)
        if subj is not None and any(len(_stem(v)) >= 4 and any(lem.startswith(_stem(v)) for lem in lemmas(subj))
                                    for verbs, _ in inc.negated for v in verbs):
            return _past(x) and not any(has_lemma(y, _w("now_words")) for y in x.sent)
    if not has_lemma(x, done) or has_lemma(x, _w("failure_verbs")):
        return False
    passive = "Part" in x.morph.get("VerbForm") or any(p.tag.POS == "PRTS" for p in parses(x)[:1])
    if not (_past(x) or passive):
        return False
    subj = _subject_of(x)
    if _by_us(x) or any(has_lemma(y, _w("now_words")) for y in x.sent):
        return False  # «кешбэк начислили Вам сегодня» puts it right
    things = {lem for c in x.children if c.dep_ in ("obj", "nsubj", "nsubj:pass") for lem in lemmas(c)}
    if subj is not None:
        things.update(lemmas(subj))
    if things & inc.denied_nouns:
        return True
    return not shared and any(any(v in _w("completion_verbs") for v in verbs) for verbs, _ in inc.negated)


def _proper(x) -> bool:
    """«вёл себя корректно», «вес был полный», «всё было на месте», «в порядке»."""
    if not has_lemma(x, _w("proper_words")) or is_negated(x):
        return False
    if x.pos_ in ("NOUN", "PROPN"):
        prev = x.doc[x.i - 1] if x.i > x.sent.start else None
        return prev is not None and fold(prev.text) in ("на", "в", "во") and has_lemma(x, _w("norm_place_nouns"))
    # «весы показывают точный вес»: what the evidence shows
    return x.dep_ != "amod" or has_lemma(x.head.head, _w("showing_verbs"))


def _subject_of(x):
    """The subject of ``x``, or of the verb it is coordinated with."""
    for node in (x, x.head) if x.dep_ == "conj" else (x,):
        subj = next((c for c in node.children if c.dep_.startswith("nsubj")), None)
        if subj is not None:
            return subj
    return None


def _by_us(x) -> bool:
    """The company did it: a 1st-person form or «мы» among the subjects (the
    parse may give a verb two)."""
    if person(x) == "1":
        return True
    for node in (x, x.head) if x.dep_ == "conj" else (x,):
        if any(c.dep_.startswith("nsubj") and fold(c.text) in _US for c in node.children):
            return True
    return False


def _agrees(x, inc) -> bool:
    """``x`` repeats what the Клиент says happened («книга сдана» against «я
    сдал вовремя»): the evidence bears him out."""
    verbs = _verb_lemmas(x) if _verbal(x) else set()
    return bool(verbs) and not has_lemma(x, _w("light_verbs")) and any(
        _same_verb(verbs, v) for v, _ in (inc.negated if is_negated(x) else inc.affirmed))


def _contradiction(toks, inc, after):
    """The token (or span ends) in ``toks`` after index ``after`` that says the
    Клиент's account is wrong, or None."""
    problems = _w("claim_problems") | _w("misconduct_nouns")
    rest = [x for x in toks if x.i > after]
    if any(_agrees(x, inc) for x in rest):
        return None
    mentioned = any(y.pos_ in ("NOUN", "PROPN") and set(lemmas(y)) & inc.lemmas for y in toks if y.i <= after)
    speaker = next((y for y in toks if y.i <= after and y.dep_.startswith("nsubj")
                    and ((y.pos_ in ("NOUN", "PROPN") and set(lemmas(y)) & inc.lemmas)
                         or (fold(y.text) in ("он", "она", "они") and mentioned))
                    and has_lemma(y.head, _w("speech_verbs") | _w("insist_verbs"))), None)
    insisted = any(y.i <= after and has_lemma(y, _w("insist_verbs")) and not is_negated(y) for y in toks)

    def after_speaker(x):
        return speaker is not None or insisted
    for k, x in enumerate(rest):
        # «никакой грубости не обнаружили», «аварий не зафиксировано»
        if has_lemma(x, _w("finding_neg_verbs")) and (is_negated(x) or fold(x.text) == "нет" or has_lemma(x, {"отсутствовать"})):
            near = rest[max(0, k - 5):k + 4]
            if any(fold(y.text) in _w("none_words") or (has_lemma(y, problems) and y.pos_ in ("NOUN", "PROPN", "ADJ"))
                   for y in near if y.i != x.i):
                neg = next((y for y in rest[max(0, k - 2):k] if fold(y.text) == "не"), x)
                return neg, x
        # «а не месяц»: the Клиент's own figure corrected
        if fold(x.text) == "а" and k + 2 < len(rest) and fold(rest[k + 1].text) == "не":
            what = rest[k + 2]
            if what.pos_ in ("NOUN", "NUM", "PROPN") and set(lemmas(what)) & inc.lemmas:
                return x, what
        # the opposite of what the Клиент denied or said
        if _verbal(x) and x.pos_ not in ("NOUN", "PROPN", "ADP", "PART", "CCONJ", "SCONJ", "PRON", "DET"):
            verbs = _verb_lemmas(x)
            if verbs and not has_lemma(x, _w("light_verbs")):
                passive = "Part" in x.morph.get("VerbForm") or any(p.tag.POS == "PRTS" for p in parses(x)[:1])
                ours = _by_us(x)
                if not is_negated(x) and (_past(x) or passive) and not ours and any(
                        _same_verb(verbs, v) and _objects_agree(x, o) for v, o in inc.negated):
                    return x, x
                if is_negated(x) and _past(x) and any(_same_verb(verbs, v) and _objects_agree(x, o) for v, o in inc.affirmed):
                    neg = next((y for y in rest[max(0, k - 2):k] if fold(y.text) == "не"), x)
                    return neg, x
        if _proper(x):
            return x, x
        if has_lemma(x, _w("deny_verbs")) and not is_negated(x) and person(x) not in ("1", "2"):
            return x, x  # «он отрицает какую-либо грубость»
        # «Няня сообщила, что пришла ровно к девяти» against «няня опоздала»:
        # the accused's own account of a past deed, no failure in it
        if _verbal(x) and x.pos_ == "VERB" and _past(x) and not _by_us(x) and after_speaker(x) \
                and not has_lemma(x, _w("failure_verbs") | _w("misconduct_verbs") | _w("forget_verbs") | _w("light_verbs")):
            return x, x
        if _done_after_all(x, inc):
            return x, x
        # «отключение длилось два часа» against «света не было весь день»
        if has_lemma(x, _w("duration_verbs")) and _past(x) and inc.lemmas & _w("time_nouns") and any(
                has_lemma(y, _w("time_nouns")) and y.pos_ == "NOUN" for y in rest[k + 1:k + 5]):
            return x, x
        # «…, значит, Вы получили заказ»
        if _verbal(x) and _past(x) and not is_negated(x) and "Part" not in x.morph.get("VerbForm") and any(
                c.dep_.startswith("nsubj") and fold(c.text) in ("вы", "ты") for c in x.children):
            return x, x
    return None


def _account_contradicted(sent, inc):
    """The company's own evidence set against the Клиент's account: «Мы
    прослушали запись и никакой грубости не обнаружили», «По нашим данным,
    сбой длился два часа, а не неделю», «Продавец уверяет, что чек выдал»
    (against «продавец не выдал чек»), «Проверка показала, что водитель вёл
    себя корректно», «Посылку взвешивали, вес был полный»; and the Клиент
    named as the one who did what he denies («Договор оформлен с Вашего
    кабинета» against «я не оформлял»), «хотя Вы говорите, что …» — not
    «по нашим данным, посылка будет у Вас завтра», «мы прослушали запись:
    оператор действительно был груб, простите»."""
    doc = sent.doc
    toks = _toks(sent)
    if not toks or any(t.text == "?" for t in toks):
        return
    if any(has_lemma(t, _w("admission_words") - {"но", "однако"}) or fold(t.text) in _w("really_words") for t in toks):
        return
    # «хотя Вы говорите, что её не было»
    for k, t in enumerate(toks):
        if fold(t.text) in _w("concessive_words"):
            you = next((x for x in toks[k + 1:k + 4] if fold(x.text) in ("вы", "ты")), None)
            said = next((x for x in toks[k + 1:k + 5] if has_lemma(x, _w("account_verbs") | _w("insist_verbs") | {"считать"})), None)
            if you is not None and said is not None and person(said) != "1":
                yield "doubt", doc[t.i:max(you.i, said.i) + 1]
                return
    guarded = any(fold(t.text) in ("если", "когда", "чтобы", "ли", "пока") for t in toks)
    # the Клиент himself did what he denies, with or without evidence
    if not guarded:
        for t in toks:
            if not _verbal(t) or is_negated(t) or t.pos_ in ("NOUN", "PROPN", "ADJ") and not any(
                    p.tag.POS == "PRTS" for p in parses(t)[:1]):
                continue
            passive = "Part" in t.morph.get("VerbForm") or any(p.tag.POS == "PRTS" for p in parses(t)[:1])
            if not (_past(t) or passive):
                continue
            # «Платная доставка выбрана Вами», «бронь сделана с Вашей учётной записи»
            # against «я не соглашался», «я не бронировал»
            if passive and inc.denied_own and _clients_agent(t) and not any(
                    c.dep_.startswith("nsubj") and fold(c.text) in ("вы", "ты") for c in t.children):
                yield "doubt", doc[t.i:t.i + 1]
                return
            if has_lemma(t, _w("light_verbs")):
                continue
            verbs = _verb_lemmas(t)
            if verbs and _clients_agent(t) and any(_same_verb(verbs, v) and _objects_agree(t, o) for v, o in inc.negated):
                yield "doubt", doc[t.i:t.i + 1]
                return
            # «Займ оформлен по Вашим данным» against «я не брал займ»; «Уведомление
            # вручено Вам» against «я не получала уведомление»
            if _done_after_all(t, inc, shared=True) and (_clients_agent(t) or any(
                    fold(c.text) in ("вам", "тебе") for c in t.children)) and not any(
                    "Fut" in x.morph.get("Tense") or (x.pos_ == "VERB" and not _past(x) and person(x) == "3" and x.i > t.i)
                    for x in toks):
                yield "doubt", doc[t.i:t.i + 1]
                return
    frame = _frame(toks)
    if frame is None or guarded:
        yield from _finding_denied(toks, guarded)
        return
    first, last = frame
    if any(x.pos_ in ("VERB", "AUX") and person(x) == "1" and not is_past(x) for x in toks if x.i > last.i):
        return  # «по нашим данным …, мы вернём деньги» acts on it
    if has_lemma(last, _w("deny_verbs")) or has_lemma(first, _w("deny_verbs")):
        yield "doubt", doc[first.i:last.i + 1]  # «курьер отрицает грубость»
        return
    found = _contradiction(toks, inc, last.i)
    if found is None:
        yield from _finding_denied(toks, guarded)
        return
    yield "doubt", doc[first.i:last.i + 1] if last.i - first.i <= 6 else doc[found[0].i:found[1].i + 1]


def _finding_denied(toks, guarded):
    """«Наш мониторинг не зафиксировал никаких перебоев», «нарушений не
    выявлено»: the company's check finds nothing wrong, with no frame before."""
    doc = toks[0].doc
    # «Наш мониторинг не зафиксировал никаких перебоев», «нарушений не выявлено»
    for k, t in enumerate(toks):
        if not has_lemma(t, _w("finding_neg_verbs") - _w("presence_verbs")) \
                or not is_negated(t) or guarded:
            continue
        subj = _subject_of(t)
        finder = _by_us(t) or (subj is not None and has_lemma(subj, _w("check_result_nouns") | _w("record_sources")
                                                                   | _w("machine_nouns") | _w("staff_nouns"))) or (
            subj is None and ("Part" in t.morph.get("VerbForm") or any(p.tag.POS == "PRTS" for p in parses(t)[:1])))
        problem = next((x for x in toks[max(0, k - 5):k + 5] if x.i != t.i and x.pos_ in ("NOUN", "PROPN")
                        and has_lemma(x, _w("misconduct_nouns") | _w("claim_problems"))), None)
        if finder and problem is not None:
            neg = next((x for x in toks[max(0, k - 2):k] if fold(x.text) == "не"), t)
            yield "doubt", doc[neg.i:t.i + 1]
            return



# --- the remedy made conditional on evidence; the Клиент's use as the cause ----

def _remedy_word(toks) -> bool:
    """The sentence speaks of a remedy or of the claim's consideration."""
    verbs = _w("remedy_verbs") | _w("consider_verbs") | _w("validity_words")
    nouns = _w("remedy_nouns") | (_w("remedy_more_nouns") - _w("generic_claim_nouns"))
    return any(has_lemma(t, verbs) or (t.pos_ in ("NOUN", "PROPN") and has_lemma(t, nouns))
               or (t.pos_ in ("NOUN", "PROPN") and has_lemma(t, _w("complaint_nouns") - {"заявление", "требование"})) for t in toks)


def _remedy_conditional(sent):
    """«Компенсация выплачивается только при предъявлении оригиналов»,
    «перерасчёт возможен лишь при наличии акта», «рассмотрим претензию после
    получения оригинала чека»: the remedy, in any grammatical form, granted
    only on the Клиент's papers — not «расходы на такси компенсируем при
    наличии чека», «скидка действует при предъявлении карты»."""
    doc = sent.doc
    toks = _toks(sent)
    docs = (_w("document_nouns") | _evidence_words()) - _w("application_nouns")
    for k, t in enumerate(toks):
        if fold(t.text) not in ("при", "после", "по") or k + 1 >= len(toks):
            continue
        # «деньги вернём только по чеку»: «только по» + the paper itself
        only = next((x for x in toks[max(0, k - 2):k] if fold(x.text) in _w("only_words")), None)
        if fold(t.text) == "по" and only is not None and toks[k + 1].pos_ in ("NOUN", "PROPN") \
                and has_lemma(toks[k + 1], docs - {"запись"}) and not has_lemma(toks[k + 1], _w("identity_nouns")) \
                and not any(has_lemma(y, _w("identity_nouns")) for y in _after(toks[k + 1], 1)) and _remedy_word(toks):
            yield "proof", doc[only.i:toks[k + 1].i + 1]
            return
        cond = toks[k + 1] if has_lemma(toks[k + 1], _w("condition_nouns")) else None
        only = next((x for x in toks[max(0, k - 2):k] if fold(x.text) in _w("only_words")), None)
        # «обмен возможен лишь при условии, что на корпусе нет следов вскрытия и ударов»
        if only is not None and cond is not None and has_lemma(cond, {"условие"}) and _remedy_word(toks):
            fault = next((x for x in toks[k + 2:k + 14] if has_lemma(x, _w("fault_words"))), None)
            if fault is not None:
                yield "check", doc[only.i:cond.i + 1]
                return
        window = toks[k + 1:k + 6] if cond is not None else toks[k + 1:k + 3]
        ev = next((x for x in window if x.pos_ in ("NOUN", "PROPN", "ADJ") and has_lemma(x, docs) and x is not cond
                   and not any(has_lemma(y, _w("identity_nouns")) for y in [x, *_after(x, 2)])), None)
        if ev is None or (fold(t.text) == "по" and cond is None):
            continue
        only = next((x for x in toks[max(0, k - 2):k] if fold(x.text) in _w("only_words")), None)
        if only is not None:
            if _remedy_word(toks):
                yield "proof", doc[only.i:ev.i + 1]
                return
        elif fold(t.text) == "после" and not _reimbursing(sent) and _remedy_word(toks) and (cond is not None or any(
                has_lemma(x, _w("consider_verbs") | _w("remedy_verbs")) and person(x) == "1" or (
                    has_lemma(x, _w("consider_verbs")) and has_lemma(x.head, {"готовый", "мочь", "смочь"}))
                for x in toks)):
            yield "proof", doc[t.i:ev.i + 1]
            return


def _arose_with_you(sent):
    """«Так что царапина появилась, пока машина была у Вас», «трещина
    возникла, когда телефон уже был у Вас»: the problem put in the time the
    thing was in the Клиент's hands — not «пока заказ был у курьера»,
    «если трещина появилась, пока товар был у Вас, всё равно заменим»."""
    doc = sent.doc
    toks = _toks(sent)
    if any(t.text == "?" for t in toks) or any(fold(t.text) in ("если", "чтобы") for t in toks):
        return
    problems = _w("claim_problems") | _w("visible_damage_nouns")
    for k, t in enumerate(toks):
        if not has_lemma(t, _w("origin_verbs") | _w("breakdown_verbs")) or is_negated(t) or person(t) == "1":
            continue
        if not any(has_lemma(x, problems) and x.i != t.i for x in toks[max(0, k - 4):k + 4]):
            continue
        for j in range(k + 1, min(len(toks), k + 8)):
            if fold(toks[j].text) not in _w("while_words"):
                continue
            rest = toks[j + 1:j + 7]
            at = next((m for m in range(len(rest) - 1) if fold(rest[m].text) == "у"
                       and fold(rest[m + 1].text) in ("вас", "тебя")), None)
            if at is not None and any(has_lemma(x, {"быть", "находиться", "оставаться", "лежать", "стоять"})
                                      for x in rest[:at + 1]):
                yield "doubt", doc[t.i:rest[at + 1].i + 1]
                return


def _state_before_asked(sent):
    """«нужны фотографии пола до переезда», «Предоставьте фото телефона до
    сдачи в сервис», «видео, на котором видно, что застёжка сломана уже при
    вскрытии посылки»: evidence of the thing's state before it came to the
    company's people or to the Клиент — proof that the damage is not his.
    Not «пришлите фото до пятницы», «фото до и после чистки приложим сами»."""
    doc = sent.doc
    toks = _toks(sent)
    if any(fold(t.text) in ("мы", "я") or (t.pos_ in ("VERB", "AUX") and person(t) == "1"
                                           and not has_lemma(t, {"мочь", "смочь"})) for t in toks):
        if not any(has_lemma(t, {"рассмотреть", "рассматривать", "принять"}) for t in toks):
            return  # «Фото до и после чистки мы приложим сами»
    asked = _demand_of_evidence(toks) or _need_of_evidence(toks)
    if asked is None:
        asked = next(((t, t) for t in toks if has_lemma(t, {"просить", "попросить", "требовать", "потребовать"})
                      and not is_negated(t) and any(_evidence_noun(x) for x in _after(t, 3))), None)
    if asked is None:
        return
    verb, ev = asked
    for k, t in enumerate(toks):
        if t.i <= ev.i:
            continue
        low = fold(t.text)
        nxt = toks[k + 1:k + 3]
        if low == "до" and nxt and has_lemma(nxt[0], _w("before_state_nouns")) and nxt[0].pos_ in ("NOUN", "PROPN"):
            yield "proof", doc[min(verb.i, ev.i):nxt[0].i + 1]
            return
        if low == "уже" and nxt and fold(nxt[0].text) in ("при", "в") and any(
                has_lemma(x, _w("before_state_nouns") | {"момент"}) for x in toks[k + 2:k + 4]):
            end = next(x for x in toks[k + 2:k + 4] if has_lemma(x, _w("before_state_nouns") | {"момент"}))
            yield "proof", doc[min(verb.i, ev.i):end.i + 1]
            return


def _origin_unclear(sent):
    """«Иначе непонятно, когда появились царапины», «неясно, в какой момент
    возникла трещина»: whether the damage is the company's left open as
    unknowable — not «пока неясно, когда появится курьер»."""
    doc = sent.doc
    toks = _toks(sent)
    for k, t in enumerate(toks):
        if not has_lemma(t, _w("unclear_words")) or is_negated(t):
            continue
        rest = toks[k + 1:k + 9]
        if not any(fold(x.text) in ("когда", "момент") for x in rest[:4]):
            continue
        verb = next((x for x in rest if has_lemma(x, _w("origin_verbs") | _w("breakdown_verbs")) and (
            _past(x) or "Part" in x.morph.get("VerbForm"))), None)
        if verb is None or not any(has_lemma(x, _w("claim_problems") | _w("visible_damage_nouns")) for x in rest):
            continue
        if any(has_lemma(x, _w("investigation_words")) for x in toks[max(0, k - 2):k]):
            continue  # «пока неясно, когда появилась течь — выясняем» is an investigation
        yield "doubt", doc[t.i:verb.i + 1]
        return


def _fault_to_rule_out(sent):
    """«Деньги вернём после того, как инженер установит, что течь не вызвана
    неправильной эксплуатацией», «нам нужно убедиться, что повреждение не
    механическое», «сервис проверит, не было ли падения»: the company's check
    whether the Клиент caused the problem — not «мастер проверит, что кран не
    течёт», «убедимся, что новая карта работает»."""
    doc = sent.doc
    toks = _toks(sent)
    for k, t in enumerate(toks):
        # «ремонт выполняется, если мастерская не обнаружит следов удара или влаги»
        if has_lemma(t, _w("finding_neg_verbs") | _w("establish_verbs")) and k > 0 and fold(toks[k - 1].text) == "не" \
                and any(fold(x.text) in ("если", "условии") for x in toks[max(0, k - 6):k]) and _remedy_word(toks) \
                and any(has_lemma(x, _w("fault_words")) for x in toks[k + 1:k + 6]) and person(t) != "2":
            yield "check", doc[toks[k - 1].i:t.i + 1]
            return
        if not has_lemma(t, _w("establish_verbs")) or (k > 0 and fold(toks[k - 1].text) == "не") or person(t) == "2":
            continue
        if is_imperative(t) and "Inf" not in t.morph.get("VerbForm"):
            continue  # «убедитесь, что …» asks the Клиент to check his side
        if not (_that_clause(t, 3) or any(fold(x.text) == "ли" for x in toks[k + 1:k + 5])):
            continue
        clause = _clause_after(toks, k)
        if any(fold(x.text) in _US or has_lemma(x, {"наш"}) for x in clause):
            continue  # «…, что ошибка на нашей стороне»
        fault = next((x for x in clause if has_lemma(x, _w("fault_words"))), None)
        if fault is None:
            continue
        # «не вызвана неправильной эксплуатацией», «не было ли падения»
        if not (any(fold(x.text) in ("ли", "не") for x in clause) or any(
                has_lemma(x, _w("claim_problems") | _w("breakdown_verbs") | _w("origin_verbs")
                          | _w("causing_words")) for x in clause)):
            continue
        yield "check", doc[t.i:t.i + 1]
        return


def _own_use_blamed(sent):
    """«Царапины появились уже после сборки, в процессе эксплуатации», «пятна
    образовались при носке», «повреждение получено в ходе использования»,
    «дефект носит эксплуатационный характер», «краска сошла из-за стирки»,
    «трещина появилась в результате удара»: the problem put in the time the
    thing was in the Клиент's hands, or in his use or an accident — not
    «царапины появились при доставке», «если дефект появился в процессе
    эксплуатации, отремонтируем», «пятна, возникшие при эксплуатации,
    удаляйте тканью»."""
    doc = sent.doc
    toks = _toks(sent)
    if _guarded(toks, len(doc)) or any(has_lemma(t, _w("admission_words") - {"но", "однако"}) for t in toks):
        return
    if any(is_imperative(t) and t.pos_ == "VERB" for t in toks):
        return
    # «Скорее всего, после ремонта телефон роняли: мы передавали его исправным»:
    # a mishandling said of nobody in particular; «мы» in another clause is no admission
    for k, t in enumerate(toks):
        first = parses(t)[:1]
        verbal = (t.pos_ == "VERB" and "Part" not in t.morph.get("VerbForm") and not any(
            p.tag.POS in ("PRTS", "PRTF") for p in first)) or any(p.tag.POS == "VERB" and "past" in p.tag for p in first)
        if has_lemma(t, _w("mishandle_verbs")) and verbal and (_past(t) or any("past" in p.tag for p in first)) \
                and not is_negated(t) and person(t) != "1":
            clause = clause_window(t, sent)
            if any(fold(x.text) in _US or has_lemma(x, {"наш"}) for x in clause) or any(
                    has_lemma(x, _w("carrier_words") | _w("staff_nouns") | _w("people_nouns")) for x in toks):
                continue  # «коробку на складе роняли»: the company's own people
            subj = _subject_of(t)
            if subj is not None and subj.pos_ == "NOUN" and "Inan" in subj.morph.get("Animacy") and subj.i < t.i:
                subj = None  # «часы, видимо, роняли»: a thing does not drop things — it is the object
            plural = "Plur" in t.morph.get("Number") or (t.pos_ != "VERB" and any("plur" in p.tag for p in first))
            if (subj is None and plural) or (subj is not None and fold(subj.text) in ("вы", "ты")):
                yield "doubt", doc[t.i:t.i + 1]
                return
    if any(fold(t.text) in _US or has_lemma(t, {"наш"}) for t in toks):
        return
    if any(has_lemma(t, _w("carrier_words")) and not any(fold(x.text) == "не" for x in toks[max(0, k - 2):k])
           for k, t in enumerate(toks)):
        return  # the carrier's or the factory's time: blame-shifting or an admission («а не на фабрике» is no admission)
    problems = _w("claim_problems") | _w("visible_damage_nouns")
    faults = _w("fault_words")
    for k, t in enumerate(toks):
        # (a mishandling said of the Клиент or of nobody in particular: the loop above)
        if has_lemma(t, {"эксплуатационный"}) and any(has_lemma(x, problems | {"характер"}) for x in toks[max(0, k - 4):k + 3]):
            yield "doubt", doc[t.i:t.i + 1]
            return
        if not (has_lemma(t, _w("origin_verbs") | _w("breakdown_verbs")) or (
                t.pos_ in ("VERB", "AUX") and _past(t) and person(t) != "1")) or is_negated(t):
            continue
        if has_lemma(t, {"получить", "нанести"}) and "Part" not in t.morph.get("VerbForm") and "Pass" not in t.morph.get("Voice"):
            continue  # «Вы получили заказ»
        if "Inf" in t.morph.get("VerbForm"):
            continue  # «мембрана может повредиться при неправильном уходе» warns
        subj = _subject_of(t)
        if subj is None or not has_lemma(subj, problems):
            subj = next((x for x in toks[max(0, k - 4):k + 3] if x.pos_ in ("NOUN", "PROPN") and has_lemma(x, problems)), None)
        if subj is None and _subject_of(t) is not None and fold(_subject_of(t).text) in ("он", "она", "оно", "они"):
            subj = next((x for x in toks[:k] if x.pos_ in ("NOUN", "PROPN") and has_lemma(x, problems)), None)
        origin = has_lemma(t, _w("origin_verbs") | _w("breakdown_verbs"))
        thing = _subject_of(t) or next((x for x in reversed(toks[max(0, k - 3):k]) if x.pos_ in ("NOUN", "PROPN")
                                        and "Nom" in x.morph.get("Case")), None)
        if subj is None and not origin and (thing is None or fold(thing.text) in ("вы", "ты")):
            continue  # «краска сошла из-за стирки»: any change of a thing counts, with a cause below
        past = _past(t) or "Part" in t.morph.get("VerbForm")
        for j in range(k + 1, min(len(toks), k + 9)):
            x = toks[j]
            low = fold(x.text)
            nxt = toks[j + 1:j + 4]
            end = None
            if low == "после":
                # «после получения» (past only), «после падения», «после удара» (the Клиент's accident)
                end = next((y for y in nxt[:2] if (past and has_lemma(y, _w("handover_nouns")))
                            or (y.pos_ == "NOUN" and has_lemma(y, _w("fault_words") - _w("use_nouns")))), None)
            elif not origin and subj is None and low not in _w("cause_preps"):
                continue  # a plain verb counts only with its cause: «краска сошла из-за стирки»
            elif low in ("при", "процессе", "ходе", "время", "период"):
                end = next((y for y in nxt[:2] if has_lemma(y, _w("use_nouns"))), None)
                if end is not None and not past and not any(has_lemma(y, faults) for y in nxt[:2] if y.i != end.i):
                    end = None  # «такие пятна возникают при эксплуатации» describes, unless misuse is named
            elif low in _w("cause_preps") and (low != "результате" or fold(toks[j - 1].text) == "в"):
                end = next((y for y in nxt[:3] if has_lemma(y, _w("use_nouns") | faults) and y.pos_ in ("NOUN", "PROPN")), None)
            if end is not None:
                yield "doubt", doc[t.i:end.i + 1]
                return


_CONSTRUCTIONS = (_evidence_first, _obliged_to_pay, _proof_needed, _without_proof, _cannot_confirm, _proving_attribute, _shown_really,
                  _honesty_condition, _your_words_contrasted, _accepted_without_remarks, _account_judged,
                  _disbelief, _staff_never, _cannot_be, _hard_to_imagine, _truthfulness, _after_confirmed,
                  _you_really, _client_mistaken, _someone_of_yours, _disagree_then_prove,
                  _remedy_on_proof, _consideration_conditional, _make_sure_before, _remedy_if_evidence,
                  _account_needs_proof, _odd_against_records, _checked_at_dispatch, _infallible, _suspicion,
                  _evidence_then_see, _witness_question, _rely_on_word,
                  _third_party_insists, _puzzled, _check_of_account, _copies_refused,
                  _counter_evidence, _own_evidence_shows, _dismissed, _trust_own_people, _not_sure,
                  _arose_with_you, _state_before_asked, _origin_unclear,
                  _remedy_conditional, _fault_to_rule_out, _own_use_blamed)
