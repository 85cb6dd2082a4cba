"""Вина перекладывается на третью сторону или на Клиента.

Что делает
----------
По разбору предложения находит, кому приписана вина:
- третьей стороне — любому, кто не сама компания («мы», «наш магазин»):
  курьер, почта, служба доставки, поставщик, склад, банк, партнёр, «система»,
  таможня, аэропорт, типография, отдельный сотрудник — в том числе «наш
  партнёр», «наш курьер»: «Виновата курьерская служба», «склад перепутал»,
  «Отель потерял бронь», «Курьерская служба не успела доставить», «по вине
  аэропорта», «ошибка склада», «сбой платёжной системы», «За брак отвечает
  производитель», «на совести курьерской службы», «зависит только от
  поставщика», «это вопрос к перевозчику», «Обращайтесь с претензиями к …»;
  вина или дело помещены у третьей стороны: «Сбой произошёл на стороне
  Zoom», «это их зона ответственности», «в компетенции банка», «все вопросы
  к ним», «они сами отвечают за …», «Такие вопросы решает производитель»;
  третья сторона не даёт сделать («Система не даёт продлить бронь», «Банк не
  разрешает провести платёж»); спрос с неё («с них и спрос»);
  причина — чужая ошибка или решение: «по ошибке наземной службы», «вызвана
  решением диспетчерской службы», «из-за решения банка», «Это брак
  производителя»; виновник в любом залоге: «На складе перепутали», «не были
  переданы нотариусом», «а они её потеряли» (местоимение заменяет названного
  выше виновника); «деньги списал партнёр, а не мы»; беда у третьей
  стороны: «задерживается у перевозчика», «отгрузил с опозданием»,
  «Курьер неправильно указал адрес», «Это решение платформы», «это к
  производителю»; выделение виновника («Это водитель перепутал адрес»);
  дело в чужих руках («дальше всё в руках таможни», «всё зависит от почты»);
  претензии отправлены дальше («Жалобу нужно подавать перевозчику»,
  «претензии направляйте ей»); вердикт или брак от третьей стороны («система
  сочла платёж подозрительным», «поставщик отгрузил бракованную партию»);
  объяснение, где причина — чьё-то упущение: «Задержка связана с тем, что
  поставщик не отгрузил детали», «Банк не одобрил операцию, поэтому платёж
  отклонён», «Курьер не смог доставить заказ: Вы не открыли дверь» (в ответе
  на жалобу — и без «потому что»: «Монтажники подрядчика не закрепили
  профиль»); недоделанное («Ферма недопоставила молоко»); претензии без
  глагола («тут претензии к нему», «к нему и все вопросы», «претензия к ним,
  а не к нам»); чужая сторона («Со стороны банка произошёл сбой», «ошибка
  произошла с Вашей стороны»); компания в стороне («мы только передаём
  данные», когда работу делает названный партнёр, — в ответе на жалобу;
  «хранится в облаке Apple, а не у нас»; «кассир здесь ни при чём»; «не наша
  прихоть»); напоминание Клиенту в ответ на жалобу о его согласии или о
  предупреждении («в акте, который Вы подписали», «Вас предупреждали о
  сроках»); виновник назван через придаточное («агентство, с которым мы
  работаем, так и не прислало замену», «фабрика-партнёр, куда мы отправляем
  ткань, не уложилась в сроки»); «так и не» — неудача в любом ответе;
  сделано слишком поздно в объяснении беды («потому что арендодатель
  предупредил нас только утром», «в последний момент»); другая компания по
  тому, что она такое («сетевая компания передала ошибочные показания»);
  «Курьер … — именно он виноват» (местоимение заменяет виновника, но не
  снегопад);
- Клиенту: «Вы сами неправильно указали адрес», «Вы указали неверный адрес»,
  «Вы не забрали заказ», «по Вашей вине», «Надо было внимательнее читать
  условия», «их стоило прочитать до оплаты», «реквизиты, которые Вы ввели с
  ошибкой», «из-за неправильно заполненной Вами формы», «Это Ваша ошибка»,
  «по Вашей невнимательности», «по Вашей же просьбе», «Подписку подключили Вы
  сами», урок на будущее в ответ на жалобу («В следующий раз проверяйте заказ
  при курьере», «Советуем впредь внимательнее читать условия»; без жалобы
  это совет); дело в вещах Клиента («Это у вас роутер старый», «Кран у Вас
  был старый», «Проблема в Вашем роутере», «Модем у вас не тянет наш тариф» —
  но не догадка с советом: «Возможно, роутер устарел — перезагрузите его»);
  повреждение отнесено ко времени его пользования («царапины появились в
  процессе эксплуатации», «Скол получен при эксплуатации»); спорное действие
  приписано его номеру или аккаунту с отказом из этого («Подписка подключена с
  Вашего номера, поэтому деньги не возвращаются»); опоздание Клиента как
  причина («Вы пришли на 40 минут позже, поэтому урок засчитан»);
  нереальное условие, где беды не было бы без его поступка («Если бы Вы
  проверили адрес, этого бы не случилось», «Если бы условия были прочитаны
  до покупки, вопроса бы не возникло» — не «Если бы мы проверили …» и не
  благодарность «Если бы Вы не помогли, мы бы не нашли»); в ответе на жалобу
  данные, введённые неверно, без деятеля («код был введён неправильно», но не
  догадка с советом «Возможно, пароль введён неверно — попробуйте ещё раз»); в
  ответе на жалобу догадка, что вещь повредил кто-то неназванный («Видимо,
  ножки перетянули при сборке», «Коробку, скорее всего, помяли в пункте
  выдачи» — не «помяли на нашем складе», не «мы помяли»); виновник,
  противопоставленный нашим людям («Шланг подключал сторонний мастер, а не
  наш монтажник»), а также неправильное обращение с вещью как
  причина случившегося, даже если Клиент не назван («вышло из строя из-за
  неправильной эксплуатации»; правило гарантии «не покрывает повреждения
  из-за …» — не упрёк);
- или компания снимает с себя ответственность: «мы не несём
  ответственности», «от нас это не зависит», «это не от нас зависит»,
  «зависит от таможни, а не от нас», «не в нашей власти», «вне нашей
  компетенции», «это не наша вина», «с нашей стороны вины нет», «с нашей
  стороны всё в порядке», «повлиять на это мы не можем», «мы не виноваты»,
  «мы лишь посредник», «без нашего ведома», «к нашему коду претензий нет»;
  компания о себе в третьем лице («сервис ответственности не несёт»,
  «агрегатор отвечать не может», «авиакомпания здесь ни при чём»); компания
  отрицает, что ошибка её, никого не называя («Ошибка допущена не нами»,
  «Посылку повредили не мы», «Сбой произошёл не у нас», «Проблема не на нашей
  стороне»); не признаёт своим того, кто делал работу («перевозчик не наш»),
  или снимает вину с себя вслед за третьей стороной («продавец тут не
  виноват, да и мы тоже»); «сбой произошёл без участия наших сотрудников»;
  не может поторопить или переубедить другого («поторопить
  продавца мы не можем», «ускорить его ответ мы не в силах», «изменить
  решение банка мы не можем»). Компания, которая
  говорит о себе в третьем лице так же, как подписывается («Авиакомпания
  ответственности не несёт» в письме за подписью «Авиакомпания «Крылья»»),
  — это «мы».

Не срабатывает на нейтральные факты («Заказ передан в курьерскую службу»,
«Мы уже связались с курьерской службой»), на обстоятельства без виновника
(«Снегопад задержал доставку»), на описание проблемы внутри извинения
(«Извините, что курьер не позвонил», «Нам жаль, что Вы потеряли данные» — но
«Простите: сборщик перепутал размеры» срабатывает: извинение рядом вину не
снимает; но свой человек, названный «наш», в ответе с извинением — компания
признаёт промах: «Простите: наш оператор перепутал цифры» молчит, «наш
партнёр» остаётся третьей стороной), на сомнение в словах Клиента («Вы что-то путаете» — это недоверие),
в вопросах,
условиях, цитатах и пересказе слов Клиента. Если компания где-либо в ответе берёт вину на себя
(«это наша ошибка», «мы виноваты», «это наша ответственность», «это мы неверно
указали номер» — «Курьер здесь ни при чём — это мы …» тоже молчит), упоминание
того, кто ошибся, не считается перекладыванием. Находка — слова, которыми
вина приписана (сказуемое вместе с виновником).

Правка (``replylint rewrite``) возвращает ответственность компании: виновник
заменяется на «мы» («Посылку потеряла транспортная компания» → «Посылку мы
потеряли», «по вине поставщика» → «по нашей вине»), отказ от ответственности
и упрёк Клиенту — на «это наша ответственность» с местом для того, что
компания уже делает: «[действие]».

Почему это важно
----------------
Стандарт 000, §6: «Причины ошибок мы ищем в себе. […] Не вовремя доставили
заказ — виновата не курьерская служба, а мы — доверившие обслуживание
Клиента этой курьерской службе».

Примеры
-------
Срабатывает:
- Посылку потеряла транспортная компания.
- Доставка сорвалась по вине перевозчика.
- Вы сами выбрали неправильный размер.
- За качество товара мы ответственности не несём.
- Вам следовало проверить комплектность при получении.
- Простите: сборщик перепутал размеры.
- Срок зачисления зависит от банка, а не от нас.
- Сбой произошёл на стороне платёжного сервиса.
- Задержка связана с действиями перевозчика.
- Чемодан улетел другим рейсом по ошибке наземной службы аэропорта.
- Платёж не прошёл из-за неправильно заполненной Вами формы.
- Повлиять на решение банка мы не можем.
- Мы лишь посредник между Вами и перевозчиком.
- Устройство вышло из строя из-за неправильной эксплуатации.
- Дальше всё в руках почты.
- Претензии по качеству адресуйте производителю.
- Задержка связана с тем, что поставщик не отгрузил детали вовремя.
- Ошибка произошла с Вашей стороны.
- Кассир здесь ни при чём.
- Ошибка допущена не нами.
- Система не даёт продлить бронь.
- Поставщик, у которого мы закупаем ткань, так и не отгрузил рулоны.
- Экскурсию отменили, так как музей предупредил нас лишь накануне.
- Этого бы не случилось, если бы Вы проверили адрес при оформлении. || incoming=Посылка ушла на чужой адрес, я в шоке!
- Перевозчик не наш.
- Это у вас роутер старый, наш тариф он не вытягивает.
- Царапины появились в процессе эксплуатации, а не при доставке.
Не срабатывает:
- Посылку мы передали в транспортную компанию сегодня утром.
- Мы уже связались с перевозчиком и ускорили доставку.
- Курьер перепутал адрес — это наша ошибка, и мы её исправим сегодня.
- Простите, что курьер не предупредил Вас о задержке.
- Если Вы указали неверный адрес, напишите нам — исправим.
- Снегопад задержал доставку на сутки, курьер приедет завтра до 12:00.
- Сбой произошёл на нашей стороне, уже исправляем.
- Задержка вызвана снегопадом, курьер приедет завтра до 12:00.
- Это наша зона ответственности, и мы всё исправим сегодня.
- Перезвоним Вам мы, а не курьер.
- Вы получили не тот товар — простите, мы заменим его завтра.
- Банк списал оплату, заказ подтверждён.
- Вы, наверное, что-то не так поняли.
- Вы ещё не оплатили заказ, поэтому он пока не собран.
- По вопросам работы портала звоните в его техподдержку.
- Курьер ни при чём — это наша ошибка.
- Курьер тут ни при чём: это мы неправильно записали номер подъезда.
- Если бы мы проверили адрес, этого бы не случилось. Простите нас.
- Снегопад задержал машину — именно он виноват в опоздании.
- Извините, пожалуйста, что курьер Вас подвёл.
- Гарантия не распространяется на повреждения, возникшие при эксплуатации.
- Возможно, у Вас устарел роутер — попробуйте перезагрузить его.
"""

from __future__ import annotations

from ..model import Severity
from ..rewrite import (
    Phrase,
    clause_bounds,
    contrast,
    inflect_word,
    lower_first,
    capitalise_first,
    np_tokens,
    rebuild,
    render,
    sentence_after,
    templates,
    we_form,
)
from . import Rule
from ._clauses import (
    ancestors_and_self,
    has_lemma,
    lemmas,
    is_noun,
    in_condition,
    is_question,
    lemma,
    morph,
    negated,
    next_time,
    speaker_ok,
    top_parse,
)
from ._clauses import analyzer
from ._clauses import words as _words

_LEX = "blame_shifting"

THIRD, CLIENT, DENIAL = "third", "client", "denial"

_MESSAGES = {
    THIRD: "Вина перекладывается на третью сторону: «{}». Для Клиента отвечает компания",
    CLIENT: "Вина перекладывается на Клиента: «{}»",
    DENIAL: "Компания снимает с себя ответственность: «{}»",
}
_SUGGESTION = "Возьмите ответственность на себя и скажите, что уже делаете: «Это наша ответственность. Мы уже …»"
# Third-person pronouns by lemma: «он», «она», «оно», «они».
_THIRD_PERSON = ("он", "она", "оно", "они")


def words(key: str) -> frozenset[str]:
    return _words(key, _LEX)


class BlameShifting(Rule):
    __doc__ = __doc__
    id = "blame-shifting"
    severity = Severity.ERROR
    seed = "000 §6"

    def check(self, ctx):
        from .missing_apology import has_apology

        owned = _company_owns_fault(ctx)
        for sent in ctx.sentences:
            for tok in sent:
                if tok.is_punct or tok.is_space:
                    continue
                probe = _blame_probe(tok)
                if probe is not None and probe[0] in _TROUBLE_ONLY and not _answers_trouble(ctx):
                    probe = _blame_probe(tok, trouble=False)
                if probe is None:
                    continue
                kind, toks = probe[1]
                if _excused(tok, kind, owned, probe[0]) or not speaker_ok(ctx, tok):
                    continue
                if kind == THIRD and _our_person(toks) and has_apology(ctx):
                    continue  # «Простите: наш оператор перепутал цифры» owns the slip
                start, end = min(t.i for t in toks), max(t.i for t in toks)
                span = ctx.doc[start:end + 1]
                rewrite = _rewrite(ctx, sent, owned)
                yield ctx.hit(span, message=_MESSAGES[kind].format(span.text),
                              suggestion=sentence_after(sent, rewrite) if rewrite else _SUGGESTION,
                              rewrite=rewrite)
                break  # one finding per sentence


def _our_person(toks) -> bool:
    """The culprit named is one of the company's own people: «наш оператор»,
    «наш мастер» (a person with «наш», not «наш партнёр» — a party)."""
    return any(lemma(t) == "наш" and t.head.i != t.i and morph(t.head, "Animacy") == "Anim"
               and not has_lemma(t.head, words("outside_parties")) for t in toks)


def _answers_trouble(ctx) -> bool:
    """The reply deals with a problem: the Клиент complains, or the draft
    apologises or names a problem. Advice for the future is a lesson only
    then («Рекомендуем внимательно читать описание» after a complaint);
    elsewhere it is guidance («Рекомендуем внимательно читать условия
    лицензии»)."""
    key = ("blame_trouble",)
    data = ctx.doc.user_data
    if key not in data:
        from .missing_apology import _draft_problem, _incoming_complaint, has_apology
        data[key] = bool(_incoming_complaint(ctx.incoming_doc) is not None or has_apology(ctx)
                         or _draft_problem(ctx) is not None)
    return data[key]


def _excused(tok, kind, owned, probe=None) -> bool:
    """Not a shift of blame after all: asked, only a condition, or a third
    party named where the company owns the fault or apologises for it; what
    befell the Клиент inside an apology («Нам жаль, что Вы потеряли данные»)."""
    if kind == THIRD and (owned or (_describes_event(tok) and _apology_complement(tok))):
        return True
    if kind == THIRD and probe is _guilt_noun and tok.dep_ in ("obl", "obj") and _apology_complement(tok):
        return True  # «Просим извинить нас за путаницу с датой доставки»: the company apologises for it
    if kind == DENIAL and owned and tok.lower_ in ("чём", "чем", "причём", "причем"):
        return True  # «Курьер ни при чём — это наша ошибка»
    if kind == CLIENT and _describes_event(tok) and not has_lemma(tok, words("guilty")) and _apology_complement(tok):
        return True
    if kind == DENIAL and owned and has_lemma(tok, words("answer_verbs")):
        # «Курьер не отвечает за содержимое, поэтому за него отвечаем мы»
        subj = _subject(tok)
        if subj is not None and is_noun(subj) and subj.pos_ != "PRON" and not _is_company_np(subj):
            return True
    if probe in _OWNED_QUIET and owned:
        return True
    return is_question(tok) or (probe not in _CONDITIONAL and _in_condition(tok))


def _in_condition(tok) -> bool:
    """``in_condition``, except where the parser hung a «когда» / «если» of an
    earlier clause on a later one that opens with its own «так что» /
    «поэтому»: «…, когда Вы уже были в пути, так что с нашей стороны всё …»."""
    if not in_condition(tok):
        return False
    marks = _words("condition_marks", "clauses")
    for node in ancestors_and_self(tok):
        conds = [c for c in node.children if c.dep_ in ("mark", "advmod") and c.lower_ in marks and c.i < node.i]
        if not conds:
            continue
        doc = tok.doc
        if all(any(v.pos_ in ("VERB", "AUX") and c.i < v.i < node.i and v.head.i == node.i
                   and any(t.text == "," for t in doc[v.i + 1:node.i]) for v in node.children) for c in conds):
            # «ошибка, если она и есть, допущена не нами»: the «если» belongs to
            # an inserted clause with its own verb, hung by the parser on ours
            if not in_condition(node.head) or node.head.i == node.i:
                return False
            continue
        after = [c for c in node.children if c.dep_ in ("mark", "advmod") and c.i > conds[-1].i
                 and c.i <= tok.i and has_lemma(c, words("consequence_marks"))
                 and c.i > 0 and c.doc[c.i - 1].is_punct]
        return not after
    return True


# --- who is who -----------------------------------------------------------

def _is_own(noun) -> bool:
    return any(lemma(c) in words("own") for c in noun.children if c.dep_ in ("det", "amod", "nmod:poss"))


def _is_company_np(noun) -> bool:
    """The company itself: «мы», «наш магазин», a bare «магазин» / «компания»
    (not «магазин-партнёр», «сторонняя компания»)."""
    if lemma(noun) in ("мы", "я"):
        return True
    if "-" in noun.text or not is_noun(noun):
        return False
    if not has_lemma(noun, words("company_nouns")) and lemmas(noun).isdisjoint(_signature(noun.doc)):
        return False
    mods = [c for c in noun.children if c.dep_ in ("amod", "nmod", "compound")]
    return _is_own(noun) or not mods


def _signature(doc) -> frozenset[str]:
    """Lemmas of the nouns of the sign-off (the last one or two short lines of
    a reply of several lines): a company that signs «Авиакомпания «Крылья»» or
    «Банк «Заря»» speaks of itself when it says «авиакомпания», «банк»."""
    key = ("blame_signature",)
    if key in doc.user_data:
        return doc.user_data[key]
    lines, pos = [], 0
    for line in doc.text.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    found: set[str] = set()
    if len(lines) >= 3:
        for a, b in lines[-2:]:
            toks = [t for t in doc if a <= t.idx < b and not t.is_punct and not t.is_space]
            if 0 < len(toks) <= 6 and not any(t.pos_ in ("VERB", "AUX") for t in toks):
                found |= {w for t in toks if is_noun(t) for w in lemmas(t)}
    doc.user_data[key] = frozenset(found)
    return doc.user_data[key]


def _antecedent(pron):
    """The noun a third-person pronoun («он», «они», «их», «к ним») stands for:
    the nearest agreeing noun earlier in its sentence or the one before, a
    subject first; «они» may stand for an organisation named in the singular
    («перевозчик … они не справились»), not for a single person."""
    if pron.pos_ not in ("PRON", "DET") or lemma(pron) not in _THIRD_PERSON:
        return None
    doc = pron.doc
    sent = pron.sent
    start = sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    # a personal pronoun never stands for the subject of its own clause («срок
    # зависит только от него»: not the «срок»; that would be «от себя»)
    own = set()
    if not pron.dep_.startswith("nsubj"):
        node = pron
        for _ in range(4):
            if node.pos_ in ("VERB", "AUX", "ADJ") or node.head.i == node.i:
                break
            node = node.head
        own = {t.i for c in node.children if c.dep_.startswith("nsubj") for t in c.subtree}
    cands = [t for t in reversed(doc[start:pron.i]) if is_noun(t) and t.pos_ != "PRON" and t.i not in own]
    if lemma(pron) == "они" or morph(pron, "Number") == "Plur":
        plural = [t for t in cands if morph(t, "Number") == "Plur"]
        orgs = [t for t in cands if _is_organisation(t)]
        return next(iter([t for t in plural if t.dep_.startswith("nsubj")] + plural
                         + [t for t in orgs if t.dep_.startswith("nsubj")] + orgs), None)
    gender = {"он": "Masc", "она": "Fem", "оно": "Neut"}.get(lemma(pron)) or morph(pron, "Gender")
    agree = [t for t in cands if morph(t, "Number") != "Plur" and (not gender or morph(t, "Gender") in ("", gender))]
    subjects = [t for t in agree if t.dep_.startswith("nsubj")]
    return (subjects or agree or [None])[0]


def _is_party(noun, strict: bool = False) -> bool:
    """A third party: a listed noun, or a noun modified by a listed word
    («курьерская служба», «сотрудник склада», «банк-получатель»). In strict
    mode the modified noun must itself name an agent («служба», «сотрудник»),
    so that «загруженность склада» is not a party. «Наш» does not make a
    partner, a courier or a warehouse the company: «наш партнёр» is still
    somebody else to blame; only «наш магазин», «наша компания» are «мы»."""
    parties = words("parties")
    if _is_company_np(noun):
        return False
    if _is_own(noun) and has_lemma(noun, words("own_things")):
        return False  # «в нашей системе», «на нашем складе»: the company's own
    if "-" in noun.text and any(
            part in parties or part.rstrip("аяуы") in parties or _normal(part) in parties
            for part in noun.lower_.replace("ё", "е").split("-")):
        return True  # «банк-получатель», «банком-отправителем», whatever the tagger made of it
    if not is_noun(noun):
        return False
    if strict and not has_lemma(noun, parties | words("party_heads")):
        return False
    if has_lemma(noun, parties):
        return True
    for c in noun.children:
        if c.dep_ in ("amod", "nmod", "compound") and has_lemma(c, words("party_modifiers") | parties):
            return not _is_company_np(c)
    if has_lemma(noun, words("party_heads")):  # «наземная служба аэропорта», «отдел банка»
        if any(c.dep_ == "nmod" and c.i > noun.i and morph(c, "Case") in ("Gen", "")
               and not any(x.dep_ == "case" for x in c.children) and _is_agent(c) for c in noun.children):
            return True
        # a service of another trade by its adjective: «инкассаторская служба», «таможенная служба»;
        # not the company's own departments («клиентская служба», «наша служба»)
        return has_lemma(noun, words("service_heads")) and not _is_own(noun) and any(
            c.dep_ == "amod" and c.pos_ == "ADJ" and lemma(c).endswith(("ский", "цкий", "ной", "ный"))
            and not has_lemma(c, words("own_department_modifiers")) for c in noun.children)
    return False


def _is_agent(noun) -> bool:
    """Somebody who can be at fault other than the company and the Клиент: a
    listed party, an organisation or establishment («типография», «аэропорт»),
    a person (an animate noun), a proper name or an abbreviation («СДЭК»)."""
    if noun.pos_ in ("PRON", "DET") and lemma(noun) in _THIRD_PERSON:
        ante = _antecedent(noun)
        return ante is not None and ante.i != noun.i and _is_agent(ante)
    if noun.pos_ == "PRON" or _is_company_np(noun) or _is_client(noun):
        return False
    if _is_party(noun) or (is_noun(noun) and has_lemma(noun, words("institutions"))):
        return True
    if not is_noun(noun):
        return False
    if "-" in noun.text and _normal(noun.lower_.replace("ё", "е").split("-")[-1]) in (
            words("party_heads") | words("institutions")):
        return True  # «дата-центр», «колл-центр», «сервис-центр»
    if _works_with_us(noun):
        return True
    if has_lemma(noun, words("company_nouns")) and not any(
            has_lemma(c, words("pointing_modifiers")) for c in noun.children) and any(
            c.dep_ in ("amod", "nmod", "compound") and c.pos_ in ("ADJ", "NOUN", "PROPN", "VERB") for c in noun.children):
        return True  # another company by what it is: «сетевая компания», «управляющая организация»
    if noun.pos_ == "PROPN" or (noun.text.isupper() and len(noun.text) > 1):
        return True
    parse = top_parse(noun)
    return parse is not None and parse.tag.POS == "NOUN" and "anim" in parse.tag and "inan" not in parse.tag


def _works_with_us(noun) -> bool:
    """«дата-центр, с которым мы работаем», «подрядчик, услугами которого мы
    пользуемся»: somebody the company works with."""
    for c in noun.children:
        if c.dep_ in ("acl:relcl", "acl") and c.i > noun.i and has_lemma(c, words("partner_verbs")) and any(
                lemma(x) in ("мы", "я") for x in c.children if x.dep_.startswith("nsubj")) and any(
                x.lower_.startswith(("котор", "чьи", "чей", "чьим")) or any(y.lower_.startswith("котор") for y in x.children)
                for x in c.children):
            return True
    return False


def _verb_parse(tok):
    """pymorphy3's verb reading of a word the tagger took for something else
    («передаём» as an adjective), or None."""
    if tok.pos_ == "VERB":
        return None
    for p in analyzer().parse(tok.lower_)[:2]:
        if p.tag.POS == "VERB":
            return p
    return None


def _is_organisation(noun) -> bool:
    """A party or an organisation, not a single person: what «они» can stand
    for when it is named in the singular («перевозчик … они»)."""
    return not _is_company_np(noun) and (_is_party(noun) or noun.pos_ == "PROPN" or (
        is_noun(noun) and has_lemma(noun, words("institutions"))))


def _is_any_other(noun) -> bool:
    """Anybody but the company and the Клиент, for words that can only name
    a culprit («по вине X», «X перепутал»): any noun, or «он/она/они»."""
    if _is_company_np(noun) or _is_client(noun):
        return False
    if noun.pos_ == "PRON":
        if lemma(noun) not in ("он", "она", "они"):
            return False
        ante = _antecedent(noun)  # «коробки … они потеряли товарный вид» is no culprit
        return ante is None or _is_agent(ante) or "Anim" in ante.morph.get("Animacy")
    return is_noun(noun)

def _is_client(tok) -> bool:
    return has_lemma(tok, words("client")) and tok.pos_ in ("PRON", "NOUN")


def _is_company(tok) -> bool:
    return _is_company_np(tok)


def _subject(pred):
    subjects = [c for c in pred.children if c.dep_.startswith("nsubj")]
    if len(subjects) > 1 and morph(pred, "Number"):
        # «Документы у нотариуса, он не передал их»: the one that agrees with the verb
        agree = [c for c in subjects if morph(c, "Number") == morph(pred, "Number")]
        return (agree or subjects)[0]
    for c in subjects:
        return c
    if pred.dep_ in ("xcomp", "conj") and pred.head.i != pred.i:
        for c in pred.head.children:
            # a shared subject stands before the verbs it serves and is in the
            # nominative: «Извиняюсь, перепутал, Ваш заказ 5512» has none
            if c.dep_.startswith("nsubj") and c.i < pred.i and morph(c, "Case") in ("Nom", ""):
                return c
    return None


def _agent(pred):
    """The doer: the subject, or a party noun the parser took for an object
    in inverted order («Заказ задержал склад»), or a passive agent in the
    instrumental («повреждена курьером»)."""
    passive = morph(pred, "Voice") == "Pass"
    subj = None if passive else _subject(pred)
    if subj is not None:
        return subj
    for c in pred.children:
        if c.dep_ in ("obj", "obl", "obl:agent") and _is_agent(c):
            if c.dep_ == "obj" and c.i > pred.i and morph(pred, "Number") == morph(c, "Number") == "Sing":
                return c
            if morph(c, "Case") == "Ins" and morph(pred, "Voice") == "Pass":
                return c
        if passive and c.dep_ in ("obl", "obl:agent") and morph(c, "Case") == "Ins" and _is_client(c):
            return c  # «Вами была допущена ошибка»
    if passive:  # «задержан банком-отправителем»: a compound the tagger could not read
        for c in pred.children:
            if "-" in c.text and c.i > pred.i and _instrumental_party(c):
                return c
    if not passive and morph(pred, "VerbForm") == "Fin" and not any(c.dep_.startswith("nsubj") for c in pred.children):
        stray = _stray_subject(pred)
        if stray is not None:
            return stray
    if passive:  # «повреждён при перевозке транспортной компанией»: the agent hung on the obl
        for c in pred.children:
            for g in c.children if c.dep_ == "obl" else []:
                if g.dep_ == "nmod" and morph(g, "Case") == "Ins" and not _cases(g) and _is_agent(g):
                    return g
    return None


def _stray_subject(pred):
    """A subject the parser hung elsewhere: «Курьерская служба опять всё
    напутала» parsed with «служба» under the adjective — the nearest
    nominative party noun before the verb in its clause, agreeing with it in
    number (and gender in the past), wherever the parser hung it."""
    doc = pred.doc
    for j in range(pred.i - 1, max(pred.sent.start, pred.i - 6) - 1, -1):
        t = doc[j]
        if t.text in (",", ";", ":", "—", "-", ".", "!", "?") or t.pos_ in ("VERB", "AUX", "SCONJ"):
            return None
        if not is_noun(t) or morph(t, "Case") != "Nom" or not _is_agent(t):
            continue
        if morph(t, "Number") != morph(pred, "Number"):
            return None
        if morph(pred, "Tense") == "Past" and morph(pred, "Number") == "Sing" and morph(t, "Gender") != morph(pred, "Gender"):
            return None
        return t
    return None


def _normal(word: str) -> str:
    parses = analyzer().parse(word)
    return parses[0].normal_form.replace("ё", "е") if parses else word


def _instrumental_party(tok) -> bool:
    """«банком-отправителем», «курьером-партнёром»: the first part of a
    hyphenated compound is a party in the instrumental."""
    first = tok.lower_.replace("ё", "е").split("-")[0]
    for parse in analyzer().parse(first)[:3]:
        if parse.tag.case == "ablt" and parse.normal_form in words("parties") | words("institutions"):
            return True
    return False


def _noun_phrase(noun) -> list:
    toks = [noun]
    for c in noun.children:
        if c.dep_ in ("amod", "det", "nmod", "compound") and abs(c.i - noun.i) <= 3:
            toks.append(c)
    return toks


def _describes_event(tok) -> bool:
    """What went wrong told as an event («курьер не позвонил», «из-за
    курьера»), not a word that names the culprit («по вине», «виноват»)."""
    return tok.pos_ in ("VERB", "AUX") and not has_lemma(tok, words("guilty")) or any(
        c.lower_ == "из-за" for c in tok.children)


def _apology_complement(tok) -> bool:
    """Inside what an apology is for: «Простите, что курьер не позвонил»,
    «Извините за то, что склад перепутал …». A statement next to an apology
    («Простите: склад перепутал этикетки») is not inside it."""
    heads = _words("apology_heads", "clauses")
    prev = tok
    for node in ancestors_and_self(tok):
        if node.i != tok.i and has_lemma(node, heads):
            if prev.dep_ == "conj":  # «Извините за то, что курьер …» parsed as two coordinated clauses
                return any(c.lower_ in ("что", "чтобы") and c.dep_ == "mark" for c in prev.children)
            return prev.dep_ in ("ccomp", "advcl", "obl", "obj", "csubj", "acl") and any(
                c.lower_ in ("что", "за", "если", "чтобы") or lemma(c) == "тот" for c in prev.children)
        if node.i != tok.i and node.lower_ in ("пожалуйста", "очень", "искренне"):
            continue  # «Извините, пожалуйста, что …» with the clause hung on «пожалуйста»
        prev = node
    return False


def _negated(tok) -> bool:
    """``negated``, but the «ни» of «ни при чём» hung on the predicate of the
    sentence does not negate it («связан с решением аэропорта, мы ни при чём»)."""
    if not negated(tok):
        return False
    doc = tok.doc
    negs = [c for c in tok.children if c.lower_ in ("не", "ни")]
    if tok.i > tok.sent.start and doc[tok.i - 1].lower_ == "не":
        return True
    return not negs or not all(c.lower_ == "ни" and c.i + 1 < len(doc)
                               and doc[c.i + 1].lower_ in ("при", "причём", "причем") for c in negs)


def _with_neg(pred) -> list:
    out = [pred]
    for c in pred.children:
        if c.lower_ == "не" and c.i < pred.i:
            out.append(c)
    return out


# --- the patterns ---------------------------------------------------------

def _blame(tok):
    found = _blame_probe(tok)
    return found[1] if found is not None else None


def _blame_probe(tok, trouble: bool = True):
    """(the probe that matched, (kind, tokens)) or None; without ``trouble``
    the probes that need a reply to trouble are passed over."""
    for probe in (_guilty, _guilt_noun, _side_fault, _trouble_at, _fault_verb, _failed_verb, _client_wrong, _client_participle,
                  _deontic, _no_responsibility, _answers_for, _not_depend, _beyond_us, _their_remit, _address_to,
                  _because_of, _caused_by, _lies_on, _decides, _not_us, _powerless, _fine_on_our_side, _middleman,
                  _without_us, _elliptic_address, _their_decision, _misuse, _not_involved, _client_himself,
                  _in_hands, _cleft, _claims_sent, _no_claims_to_us, _verdict, _lesson, _client_request,
                  _short_deed, _explained_omission, _claims_to_them, _side_of, _conduit, _not_with_us,
                  _not_to_blame, _not_our_whim, _consent, _stated_omission, _machine_fault, _fault_not_ours,
                  _not_permitted, _their_demand, _client_thing, _arose_in_use,
                  _done_from_yours, _client_absent, _never_did, _late_deed, _not_ours, _counterfactual, _entered_wrong,
                  _never_done, _fatalism,
                  _suspected_damage, _not_our_people):
        if not trouble and probe in _TROUBLE_ONLY:
            continue
        found = probe(tok)
        if found is not None:
            return probe, found
    return None


def _guilty(tok):
    """«Виновата курьерская служба», «Вы сами виноваты»."""
    if not has_lemma(tok, words("guilty")) or tok.pos_ not in ("ADJ", "VERB", "NOUN"):
        return None
    if tok.pos_ == "NOUN":  # «виновник — склад»
        other = [c for c in tok.children if c.dep_ in ("nsubj", "appos", "conj") and _is_party(c)]
        return (THIRD, [tok, *other]) if other else None
    subj = _subject(tok)
    if subj is None and tok.dep_ == "amod" and (morph(tok, "Variant") == "Short" or tok.pos_ == "VERB") \
            and is_noun(tok.head):
        subj = tok.head  # «Виноват наш партнёр» read as an attribute: a short form only predicates
    if subj is None:
        subj = next((c for c in tok.children if c.dep_ in ("parataxis", "appos", "conj") and _is_party(c)), None)
    if subj is None and tok.pos_ == "ADJ":
        # «— именно он виноват», the subject hung on the verb of the clause before;
        # a pronoun counts when it stands for a party («Курьер … — именно он виноват»)
        loose = _loose_subject(tok)
        if loose is not None and (_is_agent(loose) or _is_client(loose) or _is_company(loose)):
            subj = loose
    if subj is not None and _is_company(subj) and negated(tok) and tok.pos_ != "NOUN":
        return DENIAL, [*_with_neg(tok), tok, subj]  # «Мы не виноваты», «Магазин тут не виноват»
    if subj is None or _is_company(subj):
        return None
    if subj.pos_ == "PRON" and lemma(subj) in _THIRD_PERSON and not _maybe_agent_pronoun(subj):
        return None  # «Снегопад … — именно он виноват»: a circumstance, nobody's fault
    if negated(tok) and not negated(subj):
        # «продавец тут не виноват, да и мы тоже», «ни продавец, ни мы не виноваты»
        we = [c for c in [*tok.children, *subj.children] if c.dep_ == "conj" and _is_company(c) and (
            any(x.lower_ in words("too_words") for x in c.children) or any(x.lower_ == "ни" for x in c.children))]
        if we:
            return DENIAL, [*_with_neg(tok), tok, *we]
    if negated(tok) or negated(subj):
        # «виноват не курьер, а мы»
        return None
    if _is_client(subj):
        return CLIENT, [tok, subj]
    return THIRD, [tok, *_noun_phrase(subj)]


def _maybe_agent_pronoun(pron) -> bool:
    """«он / она / они» stands for somebody who can be at fault, or for
    nobody we can find; not for a thing or the weather."""
    ante = _antecedent(pron)
    return ante is None or _is_agent(ante)


def _owner(noun):
    """Whose fault noun: the genitive or possessive next to it."""
    for c in noun.children:
        if c.dep_ in ("nmod", "det", "amod", "nmod:poss") and c.i != noun.i:
            if _bare_place(c):
                continue  # «сбой в системе»: where, not whose
            if lemma(c) in words("own") or lemma(c) in ("ваш", "твой") or _is_party(c) or _is_client(c):
                return c
            if c.lower_ in ("их", "его", "её", "ее") and c.i < noun.i:
                return c  # «это их ответственность»
    for c in noun.children:  # «по вине аэропорта»: any genitive noun
        if c.dep_ == "nmod" and c.i > noun.i and is_noun(c) and morph(c, "Case") in ("Gen", "") \
                and not any(x.dep_ == "case" for x in c.children):
            return c
    return None


def _guilt_noun(tok):
    """«по вине почты», «Это ошибка склада», «сбой платёжной системы, а не наш»,
    «по Вашей вине», «Это не наша вина», «с нашей стороны вины нет»,
    «на совести курьерской службы», «Авария произошла у провайдера»."""
    if not has_lemma(tok, words("fault_nouns") | words("responsibility_nouns") | words("mistake_nouns")) \
            or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if tok.dep_.startswith("nsubj") and lemma(tok.head) in words("own") and negated(tok.head):
        return DENIAL, [tok, *_with_neg(tok.head)]  # «Вина не наша», «Ошибка тут не наша»
    if tok.dep_ == "nmod" and has_lemma(tok.head, words("zone_nouns")):
        return None  # «зона ответственности X» is a remit: see _their_remit
    owner = _owner(tok)
    denied = _negated(tok) or (owner is not None and _negated(owner)) or (
        lemma(tok.head) == "нет" and tok.dep_ not in ("parataxis", "conj"))  # («…ошибки нет, это наш сбой»)
    if owner is not None and tok.head.i != tok.i and tok.head.pos_ == "VERB" and negated(tok.head) \
            and lemma(owner) not in words("own") and has_lemma(tok, words("duty_nouns")):
        return None  # «это не входит в их обязанности»: what they do not do, not whose fault
    if owner is not None:
        if lemma(owner) in words("own"):
            return (DENIAL, [tok, owner, *_with_neg(owner), *_with_neg(tok)]) if denied else None
        if lemma(owner) in ("ваш", "твой") or _is_client(owner):
            if denied:
                return None  # «это не Ваша ошибка»
            if has_lemma(tok, frozenset({"вина", "ответственность", "совесть"})) or (
                    has_lemma(tok, words("mistake_nouns")) and (
                        _by_mistake(tok) or tok.dep_ in ("ROOT", "nsubj", "nsubj:pass", "parataxis", "conj", "appos"))):
                return CLIENT, [tok, owner, *[c for c in tok.children if c.dep_ == "case"]]
            return None
        if _is_company_np(owner) or denied:
            return None  # «по вине нашего магазина»; «не вина курьера»
        case = [c for c in tok.children if c.dep_ == "case"]
        if (lemma(tok) == "вина" or _by_mistake(tok)) and _is_any_other(owner):
            # «по вине аэропорта», «по ошибке наземной службы»: guilt has an owner only
            return THIRD, [tok, *_noun_phrase(owner), *case]
        if _is_agent(owner) or owner.lower_ in ("их", "его", "её", "ее"):
            if has_lemma(tok, frozenset({"вина", "ответственность", "совесть"})) or _is_named_fault(tok):
                return THIRD, [tok, *_noun_phrase(owner), *case]
            return None
    if lemma(tok) == "вина" and denied:
        return DENIAL, [tok, tok.head] if lemma(tok.head) == "нет" else [*_with_neg(tok), tok]
    if lemma(tok.head) == "нет" and _our_side(tok.head):
        return DENIAL, [tok, tok.head]  # «С нашей стороны ошибки нет»
    # «Авария произошла у магистрального провайдера»: a fault event at a party
    head = tok.head
    if tok.dep_.startswith("nsubj") and head.pos_ == "VERB" and not (
            has_lemma(head, words("frequency_verbs")) and morph(head, "Tense") != "Past"):
        # («У этого производителя брак встречается редко» is a rate, not an event)
        for c in head.children:
            if c.dep_ == "obl" and (_is_party(c) or _their_side(c)) and any(lemma(x) in ("у", "на") for x in c.children):
                return THIRD, [tok, head, *_noun_phrase(c)]
    # «Проблема на стороне банка», «Сбой — на стороне провайдера»
    for c in [*tok.children, *([head] if tok.dep_.startswith("nsubj") else [])]:
        if c.i != tok.i and _their_side(c) and any(lemma(x) == "на" for x in c.children):
            return THIRD, [tok, *_noun_phrase(c)]
    return None


def _by_mistake(noun) -> bool:
    """«по ошибке …», «из-за недосмотра …»: a mistake as the cause."""
    return has_lemma(noun, words("mistake_nouns")) and any(
        c.dep_ in ("case", "mark") and c.lower_ in ("по", "из-за", "вследствие") for c in noun.children)


def _side_owner(noun):
    """Whose side «сторона» is: «на стороне Zoom», «на их стороне»."""
    if lemma(noun) != "сторона":
        return None
    for c in noun.children:
        if c.dep_ in ("det", "nmod:poss") and c.lower_ in ("их", "его", "её", "ее"):
            return c
        if c.dep_ in ("nmod", "appos") and c.i > noun.i and not any(x.dep_ == "case" for x in c.children):
            return c
    return None


def _trouble_at(tok):
    """«Посылка задерживается у перевозчика», «Заказ застрял у поставщика»: a
    trouble placed with a party («у X»; a bare «на таможне» is only where)."""
    if tok.pos_ != "VERB" or not has_lemma(tok, words("trouble_verbs")) or negated(tok):
        return None
    if morph(tok, "Tense") == "Fut" or morph(tok, "Mood") == "Imp":
        return None
    for c in tok.children:
        if c.dep_ == "obl" and any(x.lower_ == "у" for x in c.children) and _is_agent(c) and not _is_own(c):
            return THIRD, [tok, *_cases(c), *_noun_phrase(c)]
    return None


def _side_fault(tok):
    """«Проблема на стороне банка», «На стороне провайдера произошёл сбой»:
    the fault located on a third party's side, however the parser attached it."""
    if lemma(tok) != "сторона" or not any(lemma(x) == "на" for x in tok.children) or not _their_side(tok):
        return None
    faults = words("fault_nouns") | {"задержка"}
    near = []
    for t in reversed(tok.doc[max(tok.sent.start, tok.i - 5):tok.i]):
        if t.text in (",", ";", ":", ".") or t.lower_ in ("а", "но", "и"):
            break
        near.append(t)
    found = [t for t in near if is_noun(t) and has_lemma(t, faults) and not negated(t)]
    if not found and tok.head.pos_ == "VERB" and has_lemma(tok.head, words("trouble_verbs")) and not negated(tok.head):
        found = [tok.head]  # «Посылка задерживается на стороне Почты России»
    if not found and tok.head.i != tok.i:
        found = [c for c in tok.head.children if c.dep_.startswith("nsubj") and (
            has_lemma(c, faults) or _stands_for(c, faults))]
    if not found:
        return None
    owner = _side_owner(tok)
    return THIRD, [found[0], *[x for x in tok.children if lemma(x) == "на"], *_noun_phrase(tok),
                   *(_noun_phrase(owner) if owner is not None else [])]


def _stands_for(pron, lemmas_) -> bool:
    """«Простите за сбой. Он произошёл …»: a pronoun standing for one of these nouns."""
    ante = _antecedent(pron) if pron.pos_ == "PRON" else None
    return ante is not None and has_lemma(ante, lemmas_)


def _their_side(noun) -> bool:
    """«на стороне Zoom», «на стороне перевозчика», «на их стороне»."""
    owner = _side_owner(noun)
    if owner is None:
        return False
    if owner.lower_ in ("их", "его", "её", "ее"):
        return True  # only a party has a side: «на их стороне»
    return _is_agent(owner)


def _bare_place(noun) -> bool:
    """«в системе», «на платформе»: a place named without whose it is."""
    return has_lemma(noun, words("own_things")) and any(
        x.dep_ == "case" and x.lower_ in ("в", "во", "на") for x in noun.children) and not any(
        g.dep_ in ("amod", "nmod", "det") for g in noun.children)


def _our_side(pred) -> bool:
    """«с нашей стороны» hangs on the predicate."""
    return any(lemma(c) == "сторона" and any(lemma(d) == "наш" for d in c.children) for c in pred.children)


def _is_named_fault(noun) -> bool:
    """«Это ошибка склада» (a statement naming the fault), not «проблема с
    доставкой» in passing: the fault noun is the predicate or the subject, or
    what something is the result of («следствие бага в сторонней библиотеке»)."""
    return noun.dep_ in ("ROOT", "nsubj", "conj", "parataxis", "obl", "appos") or (
        noun.dep_ == "nmod" and has_lemma(noun.head, words("consequence_nouns")))


def _fault_verb(tok):
    """«склад перепутал этикетки», «Заказ задержал склад», «Вы ошиблись»,
    «Ошибку допустил поставщик»."""
    if tok.pos_ != "VERB" or negated(tok):
        return None
    committed = has_lemma(tok, words("commit_verbs")) and (any(
        c.dep_ in ("obj", "nsubj:pass", "nsubj") and _names_fault(c) for c in tok.children) or _elided_fault(tok))
    if not has_lemma(tok, words("fault_verbs") | words("causal_fault_verbs") | words("client_only_fault_verbs")) \
            and not committed:
        return None
    if _caused_by_company(tok):
        return None  # «из-за нас Вы потеряли утро»
    if morph(tok, "Mood") == "Imp" or morph(tok, "VerbForm") == "Inf" or morph(tok, "Person") == "1":
        return None  # «Заморозим курс, как только Вы…»: our own deed, whatever the next clause's subject
    agent = _agent(tok)
    place = _place_agent(tok) if agent is None else None
    if place is not None and not _is_company_np(place):
        return THIRD, [tok, *_noun_phrase(place), *_cases(place)]
    if agent is None:
        return None
    fault = [c for c in tok.children if c.dep_ in ("obj", "nsubj:pass") and _names_fault(c)]
    if _is_client(agent):
        if agent.i > 0 and agent.doc[agent.i - 1].lower_ == "не":
            return None  # «…, что телефон украли, а не Вы его потеряли»: not his doing
        if morph(tok, "Tense") == "Pres" or any(
                c.dep_ in ("obj", "nsubj", "obl") and c.lower_ in words("indefinite_objects") for c in tok.children):
            return None  # «Вы что-то путаете», «Вы ошибаетесь»: his account doubted (distrust)
        return CLIENT, [tok, agent, *fault]
    if any(c.dep_ in ("obj", "nsubj", "obl", "advmod") and c.lower_ in words("indefinite_objects") for c in tok.children):
        return None  # «Возможно, девочка что-то перепутала»: an account doubted, not a deed named
    if has_lemma(tok, words("client_only_fault_verbs")) or _is_company_np(agent):
        return None
    if _is_own(agent) and has_lemma(tok, words("causal_fault_verbs")):
        return None  # «коробку помяли наши грузчики»: damage by our own people, owned
    # a mistake can only be somebody's («склад перепутал», «аэропорт потерял»);
    # damage or delay can be the weather's («снегопад задержал»): then a culprit must be named
    agentive = (committed or has_lemma(tok, words("fault_verbs"))) and not has_lemma(tok, words("causal_fault_verbs"))
    if _is_agent(agent) or (agentive and morph(tok, "Tense") == "Past" and _is_any_other(agent)
                            and not agent.lower_.endswith(tuple(words("abstract_suffixes")))):
        return THIRD, [*_with_neg(tok), *_noun_phrase(agent), *fault]
    return None


def _names_fault(noun) -> bool:
    """A fault noun, a deed marked wrong («неправильное начисление», «ошибочное
    списание»), or «она / его» standing for one («её допустил склад»)."""
    if has_lemma(noun, words("fault_nouns")):
        return True
    if is_noun(noun) and any(c.dep_ == "amod" and has_lemma(c, words("wrong")) for c in noun.children):
        return True
    if noun.pos_ in ("PRON", "DET") and lemma(noun) in _THIRD_PERSON:
        doc = noun.doc
        start = doc[noun.sent.start - 1].sent.start if noun.sent.start > 0 else noun.sent.start
        gender = {"он": "Masc", "она": "Fem", "оно": "Neut"}.get(lemma(noun)) or morph(noun, "Gender")
        near = [t for t in reversed(doc[start:noun.i]) if is_noun(t) and t.pos_ != "PRON"
                and (not gender or morph(t, "Gender") in ("", gender))]
        return bool(near) and has_lemma(near[0], words("fault_nouns"))
    return False


def _elided_fault(verb) -> bool:
    """A passive participle with no subject of its own, said of the fault noun
    that is the subject of the clause it is tacked on to: «Дефект является
    заводским, то есть допущен производителем»."""
    if morph(verb, "Voice") != "Pass" or any(c.dep_.startswith("nsubj") for c in verb.children):
        return False
    if verb.dep_ not in ("parataxis", "conj", "advcl") or verb.head.i == verb.i:
        return False
    return any(c.dep_.startswith("nsubj") and c.i < verb.i and _names_fault(c) for c in verb.head.children)


def _fault_predicate(pred) -> bool:
    """A predicate of doing wrong: a fault verb («потерял», «повредили»), or a
    verb of committing with a fault noun («ошибка допущена», «её допустили»)."""
    if has_lemma(pred, words("fault_verbs") | words("causal_fault_verbs")):
        return True
    return has_lemma(pred, words("commit_verbs")) and (any(
        c.dep_ in ("obj", "nsubj:pass", "nsubj") and _names_fault(c) for c in pred.children) or _elided_fault(pred))


def _caused_by_company(pred) -> bool:
    for c in pred.children:
        if c.dep_ in ("obl", "advcl") and lemma(c) in ("мы", "я", "вина", "ошибка"):
            if lemma(c) in ("мы", "я") or any(lemma(d) == "наш" for d in c.children):
                if any(x.lower_ in ("из-за", "по", "вследствие") for x in c.children):
                    return True
    return False


def _failed_verb(tok):
    """«Курьерская служба не успела доставить заказ», «Вы не указали номер квартиры»."""
    if tok.pos_ != "VERB" or not has_lemma(tok, words("failed_verbs")) or not negated(tok):
        return None
    passive = morph(tok, "VerbForm") == "Part" and morph(tok, "Voice") == "Pass"
    if morph(tok, "Mood") == "Imp" or (morph(tok, "VerbForm") not in ("Fin", "") and not passive):
        return None
    if morph(tok, "Tense") != "Past":
        return None
    if any(t.lower_.replace("ё", "е") in words("status_words") for t in tok.doc[max(tok.sent.start, tok.i - 3):tok.i]):
        return None  # «Вы ещё не оплатили заказ»: a state not yet reached, not an omission
    agent = _agent(tok) or _place_agent(tok)
    if agent is None:
        return None
    if passive and morph(agent, "Case") != "Ins":
        return None
    if _is_client(agent):
        return CLIENT, [*_with_neg(tok), agent]
    if _is_agent(agent):
        return THIRD, [*_with_neg(tok), *_noun_phrase(agent), *_cases(agent)]
    return None


def _cases(noun) -> list:
    return [c for c in noun.children if c.dep_ == "case"]


def _place_agent(verb):
    """The party of an impersonal plural («На складе перепутали этикетки», «в
    банке не передали платёж», «у перевозчика потеряли»): no subject, and the
    place is a party or an organisation."""
    if morph(verb, "Number") != "Plur" or morph(verb, "Tense") != "Past" or morph(verb, "VerbForm") != "Fin":
        return None
    if any(c.dep_.startswith("nsubj") for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ == "obl" and any(x.lower_ in ("в", "во", "на", "у") for x in c.children) and morph(c, "Case") in ("Loc", "Gen") \
                and (_is_party(c) or (is_noun(c) and has_lemma(c, words("institutions")))):
            return c
    return None


def _client_wrong(tok):
    """«Вы (сами) неправильно указали адрес», «Вы указали неверный адрес»,
    «машиной пользовались неправильно», «Вы сами выбрали …»."""
    if tok.pos_ != "VERB" or morph(tok, "Mood") not in ("Ind", "") or morph(tok, "VerbForm") != "Fin":
        return None
    if morph(tok, "Tense") != "Past" or negated(tok) or has_lemma(tok, words("receive_verbs")):
        return None  # «Вы получили не тот товар» — what happened to him, not what he did
    subj = _subject(tok)
    careless = [c for c in tok.children if c.dep_ == "advmod" and has_lemma(c, words("careless_marks"))]
    if has_lemma(tok, words("cognition_verbs")) and subj is not None and _is_client(subj) and not careless:
        return None  # «Вы что-то неправильно поняли» doubts his account (distrust); «невнимательно прочитали» reproaches
    wrong = words("wrong")
    marks = [c for c in tok.children if c.dep_ == "advmod" and has_lemma(c, wrong)] + [
        c for c in careless if not has_lemma(c, wrong)]
    if subj is not None and _is_client(subj):  # «Вы поздно сообщили об отмене»: late is his fault
        marks += [c for c in tok.children if c.dep_ == "advmod" and has_lemma(c, words("client_late_marks"))]
    defective = []
    for c in tok.children:
        if c.dep_ in ("obj", "obl"):
            wrong_mods = [g for g in c.children if g.dep_ == "amod" and has_lemma(g, wrong)]
            marks += wrong_mods + ([c] if wrong_mods else [])
            if any(g.lower_ == "тот" for g in c.children) and any(g.lower_ == "не" for g in c.subtree):
                marks.append(c)  # «не тот размер»
            for g in c.children:  # «QR-код не того самоката»
                if g.dep_ in ("nmod", "parataxis") and any(x.lower_ == "тот" for x in g.children) \
                        and any(x.lower_ == "не" for x in g.subtree):
                    marks.append(g)
            if c.dep_ == "obj":  # «оформили заказ на чужой адрес»: a wrong word on what hangs on the object
                for g in c.children:
                    if g.dep_ == "nmod" and _cases(g) and any(
                            x.dep_ == "amod" and has_lemma(x, wrong) for x in g.children):
                        marks += [x for x in g.children if x.dep_ == "amod" and has_lemma(x, wrong)] + [g]
            if c.dep_ == "obj":  # «фабрика прислала кривые петли»
                defective += [g for g in c.children if g.dep_ == "amod" and has_lemma(g, words("defect_marks"))]
        for m in [c, *[g for g in c.children if g.dep_ == "nmod"]] if c.dep_ in ("obl", "obj") else []:
            if m.dep_ in ("obl", "nmod") and (_with_mistake(m) or _late(m)):
                # «ввели с ошибкой», «указали индекс с опечаткой», «отгрузил с опозданием»
                marks += [m, *[x for x in m.children if x.dep_ == "case"]]
    # «не тот» right after the verb, wherever the parser hung it: «сканировали
    # QR-код не того самоката», «нажали кнопку не того заказа»
    # (only with the Клиент named: «в заказ положили не тот размер» is the company's slip)
    doc = tok.doc
    not_that = []
    for t in doc[tok.i + 1:min(tok.sent.end, tok.i + 6)]:
        if t.is_punct:
            break
        if t.lower_ == "не" and t.i + 1 < tok.sent.end and lemma(doc[t.i + 1]) == "тот" and t not in marks:
            not_that = [t, doc[t.i + 1]]
            break
    if subj is not None and _is_client(subj):
        marks = marks or not_that
        emphatic = [c for c in subj.children if c.lower_ in ("сами", "сам", "сама")] + \
            [c for c in tok.children if c.lower_ in ("сами", "сам", "сама")]
        if tok.dep_ not in ("ROOT", "parataxis", "conj"):
            emphatic = []  # «то, что Вы создали сами» describes, it does not blame
        if marks or emphatic:
            return CLIENT, [subj, tok, *marks, *emphatic]
        return None
    if subj is None and morph(tok, "Number") == "Plur" and marks and (
            any(c.dep_ == "advmod" for c in marks) or has_lemma(tok, words("handle_verbs"))):
        # «пользовались неправильно», «куртку стирали при неподходящей температуре»
        return CLIENT, [tok, *marks]
    stated = tok.dep_ in ("ROOT", "parataxis", "conj") or tok.dep_ == "advcl" and any(
        has_lemma(c, words("because_marks")) for c in tok.children)  # «потому что склад отгрузил с опозданием»
    if subj is not None and (marks or not_that) and stated and _is_agent(subj) and not _is_company_np(subj) \
            and not _is_own(subj) or subj is not None and marks and stated and _is_agent(subj) \
            and not _is_company_np(subj):
        # a party did it wrong: «Курьер неправильно указал адрес», «Оператор дал Вам неверную
        # информацию», «Производитель прислал не ту модель»
        return THIRD, [*_noun_phrase(subj), tok, *(marks or not_that)]
    if subj is not None and defective and stated and has_lemma(tok, words("supply_verbs")) and _is_agent(subj) \
            and not _is_company_np(subj) and not _is_own(subj):
        # a party supplied faulty goods: «фабрика прислала кривые петли», «поставщик отгрузил бракованную партию»
        return THIRD, [*_noun_phrase(subj), tok, *defective]
    return None


def _late(noun) -> bool:
    """«с опозданием», «с задержкой» — how something was done."""
    return has_lemma(noun, words("late_nouns")) and any(
        c.dep_ == "case" and c.lower_ in ("с", "со") for c in noun.children)


def _with_mistake(noun) -> bool:
    """«с ошибкой», «с опечатками», «по ошибке» — how something was done."""
    return has_lemma(noun, words("mistake_nouns")) and not any(c.dep_ in ("det", "amod") for c in noun.children) \
        and any(c.dep_ == "case" and c.lower_ in ("с", "со", "по") for c in noun.children)


def _client_himself(tok):
    """«Вы сами подписали согласие», «Вы же сами выбрали этот тариф»: what the
    Клиент did, stressed with «сам» to put it on him."""
    if tok.pos_ != "VERB" or morph(tok, "Tense") != "Past" or morph(tok, "Mood") == "Imp":
        return None
    agent = _agent(tok)
    if agent is None or not _is_client(agent) or agent.lower_ not in ("вы", "ты"):
        return None
    if has_lemma(tok, words("cognition_verbs")) or has_lemma(tok, words("receive_verbs")):
        return None
    doc = tok.doc
    selves = ("сам", "сами", "сама")
    # «Вы сами подключили», «Вы же сами выбрали», and in inverted order
    # «Подписку подключили Вы сами» (wherever the parser hung «сами»)
    lo, hi = sorted((agent.i, tok.i))
    near = doc[lo + 1:hi]
    after = doc[agent.i + 1:min(agent.i + 3, tok.sent.end)] if agent.i > tok.i else []
    himself = next((t for t in [*near, *after] if t.lower_ in selves), None) or next(
        (c for c in agent.children if lemma(c) == "сам" or c.lower_ in selves), None)
    if himself is None or len(near) > 3 or any(t.is_punct for t in doc[min(lo, himself.i):max(hi, himself.i)]):
        return None
    return CLIENT, [agent, himself, *_with_neg(tok)]


def _client_participle(tok):
    """«из-за неправильно заполненной Вами формы», «Заказ оформлен Вами
    неверно», «реквизиты, указанные Вами с ошибкой»: a passive participle
    whose doer is the Клиент, with a word of doing it wrong."""
    if morph(tok, "VerbForm") != "Part" or morph(tok, "Voice") != "Pass" or negated(tok):
        return None
    client = [c for c in tok.children if c.dep_ in ("obl", "obl:agent", "nmod", "iobj") and morph(c, "Case") == "Ins"
              and _is_client(c)]
    if not client:
        return None
    wrong = words("wrong")
    marks = [c for c in tok.children if c.dep_ in ("advmod", "amod") and has_lemma(c, wrong)]
    if tok.i > 0 and has_lemma(tok.doc[tok.i - 1], wrong):
        marks.append(tok.doc[tok.i - 1])  # the parser hung the adverb elsewhere
    for c in tok.children:
        if c.dep_ == "obl" and _with_mistake(c):
            marks += [c, *[x for x in c.children if x.dep_ == "case"]]
    if not marks:
        return None
    return CLIENT, [tok, *client, *marks]


def _deontic(tok):
    """Past obligation reproaching the Клиент: «Надо было внимательнее читать
    условия», «их стоило прочитать до оплаты», «Вам следовало проверить»."""
    if not has_lemma(tok, words("deontic")):
        return None
    if negated(tok):
        return None
    doc = tok.doc
    near = doc[max(tok.sent.start, tok.i - 2):min(tok.sent.end, tok.i + 3)]
    past = morph(tok, "Tense") == "Past" or any(t.lower_ in ("было", "были", "был", "была") for t in near)
    cond = any(c.lower_ == "бы" for c in tok.children)
    if not (past or cond):
        return None
    infs = [c for c in tok.children if morph(c, "VerbForm") == "Inf"]
    if not infs:
        return None
    # «её просто нужно было прочитать»: an accusative taken for the subject is the object
    subj = next((c for c in tok.children if c.dep_.startswith("nsubj") and morph(c, "Case") in ("Nom", "")), None)
    dat = [c for c in tok.children if c.dep_ in ("iobj", "obl") and morph(c, "Case") == "Dat"]
    who = subj or (dat[0] if dat else None)
    if lemma(tok) == "должный":
        if who is None or not _is_client(who):
            return None
    elif who is not None and not _is_client(who):
        return None
    inf = infs[0]
    if any(morph(c, "Person") == "2" and c.dep_ in ("obj", "iobj") for c in inf.children):
        return None  # «Нужно было предупредить Вас» — the company's own omission
    toks = [tok, inf, *[t for t in near if t.lower_ in ("было", "были", "был", "была")]]
    if who is not None:
        toks.append(who)
    return CLIENT, toks


def _no_responsibility(tok):
    """«Мы не несём ответственности», «ответственность несёт банк»."""
    if lemma(tok) != "нести":
        return None
    burden = frozenset({"ответственность", "вина"})
    loads = [c for c in tok.children if c.dep_ in ("obj", "nsubj") and has_lemma(c, burden)]
    if not loads:  # «сервис ответственности не несёт»: the genitive hung on the subject
        loads = [g for c in tok.children if c.dep_.startswith("nsubj") for g in c.children
                 if g.dep_ == "nmod" and g.i == c.i + 1 and has_lemma(g, burden)]
    if not loads and negated(tok):  # «… ответственности за сохранность вещей не несёт», hung anywhere
        loads = [t for t in tok.doc[max(tok.sent.start, tok.i - 6):tok.i]
                 if has_lemma(t, burden) and morph(t, "Case") == "Gen"]
    if not loads:  # «ответственность за сохранность груза при перевозке несёт X», hung on a later verb
        lo, _ = _clause_range(tok)
        loads = [t for t in tok.doc[max(lo, tok.i - 8):tok.i] if has_lemma(t, burden)
                 and morph(t, "Case") in ("Acc", "Nom", "") and not _cases(t)
                 and not any(x.pos_ in ("VERB", "AUX") for x in tok.doc[t.i + 1:tok.i])]
    if not loads:
        return None
    subj = _subject(tok)
    if subj is None or has_lemma(subj, burden):  # OVS read upside down: «Ответственность … несёт аэропорт»
        subj = next((c for c in tok.children if c.dep_ in ("obj", "nsubj") and c.i > tok.i and is_noun(c)
                     and not has_lemma(c, burden) and (_is_agent(c) or _is_company_np(c) or _is_client(c))), subj)
    if subj is not None and _is_client(subj):
        return None  # «Вы не несёте ответственности за …»: reassurance
    if subj is not None and not negated(tok) and not _np_negated(subj) and (
            _is_party(subj) or subj.pos_ != "PRON" and _is_agent(subj) and not _is_own(subj)):
        return THIRD, [tok, subj]  # «ответственность несёт перевозчик», «… несёт аэропорт»
    modal = tok.head if tok.dep_ == "xcomp" and has_lemma(tok.head, words("can_words")) else None
    if modal is not None and negated(modal):
        # «Мы не можем нести ответственность за …»; whoever is named as not
        # answering — the company in the third person («сервис», «агрегатор»,
        # «туроператор») or a party — nobody answers for the Клиент
        return DENIAL, [*_with_neg(modal), tok, *loads]
    if negated(tok):
        return DENIAL, [*_with_neg(tok), *loads]
    return None


def _answers_for(tok):
    """«За брак отвечает производитель»."""
    if lemma(tok) != "отвечать":
        return None
    modal = tok.head if tok.dep_ == "xcomp" and tok.head.i != tok.i and has_lemma(tok.head, words("can_words")) \
        else None
    holders = [tok, *([modal] if modal is not None else [])]
    units = _words("units", "time")  # lexicons/time.toml
    if not any(c.dep_ == "obl" and any(x.lower_ == "за" for x in c.children) and not has_lemma(c, units)
               for h in holders for c in h.children):
        return None  # not «отвечает за сутки» (replies within a day)
    subj = _subject(tok)
    if modal is not None and negated(modal) and not (subj is not None and _is_client(subj)):
        # «за качество его услуг агрегатор отвечать не может»
        return DENIAL, [*_with_neg(modal), tok]
    if subj is not None and not negated(tok) and (_is_party(subj) or subj.pos_ == "PRON" and _is_agent(subj)) \
            and morph(tok, "Tense") != "Past":
        return THIRD, [tok, *_noun_phrase(subj), *[c for c in [*subj.children, *tok.children]
                                                    if c.lower_ in ("сами", "сам", "сама")]]
    if negated(tok) and (subj is not None and not _is_client(subj) or subj is None and morph(tok, "Person") == "1"):
        return DENIAL, _with_neg(tok)  # «Мы не отвечаем за работу почты», «Школа не отвечает за …»
    return None


def _not_depend(tok):
    """«От нас это (никак) не зависит», «Это не от нас зависит», «зависит от
    таможни, а не от нас»; «зависит только от перевозчика»."""
    if not has_lemma(tok, words("depend_verbs")):
        return None
    doc = tok.doc
    for c in [*tok.children, *[g for c in tok.children if c.dep_ == "obl" for g in c.children if g.dep_ == "conj"]]:
        if c.dep_ not in ("obl", "conj") or not any(x.lower_ == "от" for x in c.children):
            continue
        first = min([c.i, *[x.i for x in c.children if x.i < c.i]])
        if lemma(c) in ("мы", "я") or _is_company_np(c):
            neg = [x for x in c.children if x.lower_ == "не"] or ([doc[first - 1]] if first > 0 and doc[first - 1].lower_ == "не" else [])
            if negated(tok) or neg:
                return DENIAL, [tok, c, doc[first], *neg, *_with_neg(tok)]
        elif _is_agent(c) and not negated(tok) and not _is_own(c) and (
                any(has_lemma(x, words("only_words")) for x in [*tok.children, *c.children])
                or any(x.lower_ in ("всё", "все") and x.dep_ in ("nsubj", "advmod", "obl") and x.i < tok.i
                       for x in tok.children)):
            # «зависит только от перевозчика», «дальше всё зависит от Вашего банка»
            return THIRD, [*[x for x in tok.children if x.lower_ in ("всё", "все") and x.i < tok.i],
                           tok, doc[first], *_noun_phrase(c)]
    return None


def _beyond_us(tok):
    """«Это не в нашей власти», «вне нашей компетенции», «за пределами наших
    полномочий», «не наша зона ответственности»."""
    if not is_noun(tok) or not has_lemma(tok, words("power_nouns")):
        return None
    ours = [c for c in tok.children if lemma(c) == "наш" and c.dep_ != "conj"]
    if not ours:
        zone = tok.head if tok.dep_ == "nmod" and lemma(tok.head) == "зона" else None
        # «не зона ответственности курьера, а наша» gives it to the company: no «наш» as a conjunct
        ours = [c for c in zone.children if lemma(c) == "наш" and c.dep_ != "conj"] if zone is not None else []
        if not ours:
            return None
        tok = zone
    cases = [c for c in tok.children if c.dep_ == "case"]
    outside = [c for c in cases if c.lower_ in ("вне",)]
    limits = tok.head if lemma(tok.head) == "предел" and any(c.lower_ == "за" for c in tok.head.children) else None
    neg = [c for c in tok.children if c.lower_ == "не"]
    if not neg and tok.i > tok.sent.start:
        before = [t for t in tok.doc[max(tok.sent.start, tok.i - 3):tok.i] if t.lower_ == "не"]
        neg = before[-1:]
    if outside or neg:
        return DENIAL, [*outside, *neg, *ours, tok]
    if limits is not None:
        return DENIAL, [*[c for c in limits.children if c.lower_ == "за"], limits, *ours, tok]
    return None


def _address_to(tok):
    """«Это вопрос к перевозчику», «Все претензии — к транспортной компании»,
    «Обращайтесь с претензиями к производителю»: the Клиент is sent to blame
    somebody else."""
    if not is_noun(tok) or not has_lemma(tok, words("claim_nouns") | words("question_nouns")):
        return None
    head = tok.head
    # where the Клиент is told to take his claims («Обращайтесь с претензиями к …»,
    # «Вам нужно направить претензию на фабрику»)
    sent_on = head.i != tok.i and head.pos_ == "VERB" and (
        morph(head, "Mood") == "Imp" or morph(head, "VerbForm") == "Inf" or morph(head, "Person") == "2")
    preps = ("к", "на", "в") if sent_on and has_lemma(tok, words("claim_nouns")) and (
        tok.dep_ == "obj" and has_lemma(head, words("send_verbs")) or tok.dep_ == "obl") else ("к",)
    target = None
    # «Вопросы по качеству — к изготовителю»: the parser may hang the address on the topic
    deeper = [t for t in tok.subtree if t.i > tok.i and t.head.i != tok.i and t.head.head.i == tok.i
              and t.head.pos_ != "VERB"]
    for c in [*tok.children, *[c for c in tok.head.children if tok.head.i != tok.i and c.i > tok.i], *deeper]:
        third = c.pos_ == "PRON" and lemma(c) in ("он", "она", "они")  # claims go only to somebody
        # «Вопросы к теплосетям»: an organisation the lexicons do not know, named as the address
        named = is_noun(c) and not _is_client(c) and not _is_company_np(c) and morph(c, "Case") in ("Dat", "") \
            and not has_lemma(c, words("client_neutral_causes")) and not has_lemma(tok, words("requirement_nouns")) \
            and not any(x.dep_ == "case" for x in tok.children)  # not «о требованиях к роликам»
        if any(x.lower_ in preps for x in c.children) and (third or _is_agent(c) or named) and not _is_own(c):
            target = c
            break
    if target is None:
        return None
    to = [x for x in target.children if x.lower_ in preps]
    # what the matter is («это вопрос к …», «Все претензии — к …», «все вопросы к ним») …
    clause = []
    for t in tok.doc[tok.i + 1:tok.sent.end]:
        if t.is_punct and t.text != "—":
            break
        clause.append(t)
    verbless = not any(t.pos_ in ("VERB", "AUX") or t.lower_ == "можно" for t in clause)
    opens = (tok.i == tok.sent.start or tok.doc[tok.i - 1].text in (",", "—", "–", ":", ";")) and not (
        tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX"))  # not «Вопросы к юристу присылайте на почту»
    said = tok.dep_ == "ROOT" or any(lemma(c) == "это" for c in tok.children) or (
        verbless and (any(lemma(c) == "весь" for c in tok.children) or opens))  # «…, вопросы к теплосетям»
    if said or (sent_on and has_lemma(tok, words("claim_nouns"))):
        return THIRD, [tok, *to, *_noun_phrase(target)]
    return None


def _because_of(tok):
    """«Заказ задержался из-за курьерской службы»."""
    # a preposition stands before its noun: «Сквозняк, скорее всего, из-за того, …»
    # hung on «Сквозняк» does not make the draught the cause
    because = [c for c in tok.children if c.lower_ in ("из-за", "вследствие") and c.i < tok.i]
    if not because and tok.dep_ == "nmod" and lemma(tok.head) == "причина" \
            and any(c.lower_ == "по" for c in tok.head.children):
        because = [*[c for c in tok.head.children if c.lower_ == "по"], tok.head]  # «по причине сбоя у …»
    if not because and tok.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i and has_lemma(tok.head, _words("cause_predicates", "clauses")):
        # «Реакция связана с особенностями Вашей кожи», «Сбой вызван действиями подрядчика»
        case = [c for c in tok.children if c.dep_ == "case"]
        if (case and case[0].lower_ in ("с", "со")) or (not case and morph(tok, "Case") == "Ins"):
            because = [tok.head, *case]
    if tok.pos_ not in ("NOUN", "PROPN") or not because:
        return None
    if _is_party(tok, strict=True) or (not _is_party(tok) and _is_agent(tok)):
        return THIRD, [*because, *_noun_phrase(tok)]
    if has_lemma(tok, words("action_nouns")):  # «из-за решения банка», «из-за задержки поставщика»
        doer = _action_doer(tok)
        if doer is not None and not _is_company_np(doer):
            return THIRD, [*because, tok, *_noun_phrase(doer)]
    return _because_yours(tok, because)


def _because_yours(tok, because):
    """«Стол шатается из-за Вашего неровного пола», «Доставка задержалась из-за
    Вашего отсутствия»: what went wrong is caused by the Клиент's thing or
    doing. Not his request («из-за Вашего обращения», «по Вашей просьбе»), not
    what the company did about it («Из-за Вашего переезда мы перенесли
    доставку»), not a rule («…может задержаться»), not inside an apology."""
    yours = [c for c in tok.children if c.dep_ in ("det", "amod", "nmod:poss") and lemma(c) in ("ваш", "твой")]
    if not yours and has_lemma(tok, words("aspect_nouns")):
        # «особенности Вашей кожи», «состояние Вашей проводки»: the Клиент's thing one step down
        for c in tok.children:
            if c.dep_ == "nmod" and not has_lemma(c, words("client_neutral_causes")):
                yours = [d for d in c.children if d.dep_ in ("det", "amod", "nmod:poss") and lemma(d) in ("ваш", "твой")]
                if yours:
                    yours = [*yours, c]
                    break
    if not yours or has_lemma(tok, words("client_neutral_causes")):
        return None
    verb = next((a for a in ancestors_and_self(tok) if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or morph(verb, "Person") == "1" or morph(verb, "Mood") == "Imp" \
            or morph(verb, "VerbForm") == "Inf" or any(lemma(c) in ("мы", "я") for c in verb.children):
        return None
    if not (morph(verb, "Tense") in ("Past", "Pres") or morph(verb, "Variant") == "Short"):
        return None
    heads = _words("apology_heads", "clauses")
    if any(has_lemma(t, heads) or t.lower_ in _words("apology_forms", "clauses") for t in tok.sent):
        return None  # «Простите за задержку из-за Вашего …» — sorry, not a reproach
    return CLIENT, [*because, *yours, tok]


def _elliptic_address(tok):
    """«По гарантии — это к производителю», «Это к банку»: «это (вопрос) к X»
    without the noun."""
    if not any(c.lower_ == "к" for c in tok.children) or not (_is_agent(tok) or lemma(tok) in ("он", "она", "они")):
        return None
    if _is_own(tok) or tok.pos_ == "PRON" and lemma(tok) in ("мы", "я"):
        return None
    this = [c for c in tok.children if lemma(c) == "это"] or (
        [tok.doc[tok.i - 2]] if tok.i >= 2 and lemma(tok.doc[tok.i - 2]) == "это" else []) or (
        # «С этим — к производителю», «с такими вопросами — к банку»
        [t for t in tok.doc[max(tok.sent.start, tok.i - 5):tok.i - 1] if t.text in ("—", "–")
         and t.i > tok.sent.start and tok.doc[t.i - 1].lower_ in ("этим", "этому", "вопросами", "претензиями")][:1])
    if not this or any(t.pos_ == "VERB" for t in tok.doc[this[0].i:tok.i]):
        return None
    return THIRD, [*this, *_cases(tok), *_noun_phrase(tok)]


def _misuse(tok):
    """«из-за неправильной эксплуатации», «вызвана ненадлежащим хранением»,
    «вследствие неаккуратного обращения»: the cause is the Клиент's use of the
    thing, though he is not named."""
    if not is_noun(tok) or not has_lemma(tok, words("use_nouns")):
        return None
    wrong = [c for c in tok.children if c.dep_ == "amod" and has_lemma(c, words("wrong") | words("misuse_marks"))]
    if not wrong or any(lemma(c) in words("own") for c in tok.children):
        return None  # «из-за нашей неправильной упаковки»
    cause = [c for c in tok.children if c.lower_ in ("из-за", "вследствие")]
    if not cause and tok.dep_ == "nmod" and lemma(tok.head) in ("причина", "результат") and any(
            x.lower_ in ("по", "в") for x in tok.head.children):
        cause = [*[x for x in tok.head.children if x.lower_ in ("по", "в")], tok.head]
    if not cause and has_lemma(tok.head, words("cause_verbs")) and morph(tok, "Case") == "Ins":
        cause = [tok.head]
    if not cause:
        return None
    verb = next((a for a in ancestors_and_self(tok) if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or not (morph(verb, "Tense") == "Past" or morph(verb, "VerbForm") == "Part"):
        return None  # «Гарантия не покрывает повреждения из-за …» is a rule, not what happened
    if _negated(verb) or (verb.i > 0 and verb.doc[verb.i - 1].lower_ == "не"):
        return None  # «установит, что течь не вызвана неправильной эксплуатацией» clears him
    return CLIENT, [*cause, *wrong, tok]


def _their_remit(tok):
    """«Это зона ответственности перевозчика», «это их зона ответственности»,
    «Возврат — в компетенции банка»: the matter is placed in a third party's remit."""
    if not is_noun(tok):
        return None
    if has_lemma(tok, words("zone_nouns")):
        if not any(c.dep_ == "nmod" and has_lemma(c, words("power_nouns")) for c in tok.children):
            return None
    elif not has_lemma(tok, frozenset({"компетенция", "ведение", "юрисдикция"})):
        return None
    owner = None
    for c in tok.children:
        if c.dep_ in ("det", "nmod:poss") and c.lower_ in ("их", "его", "её", "ее"):
            owner = c  # only a party has a remit: «это их зона ответственности»
        elif c.dep_ == "nmod" and c.i > tok.i and not any(x.dep_ == "case" for x in c.children) and _is_agent(c):
            owner = c
        elif c.dep_ == "nmod" and has_lemma(c, words("power_nouns")):
            # «зона ответственности перевозчика»: the genitive may hang on «ответственности»
            owner = owner or next((g for g in c.children if g.dep_ == "nmod" and g.i > c.i and _is_agent(g)), None)
    if owner is None or negated(tok) or any(lemma(c) in words("own") for c in tok.children):
        return None
    power = [c for c in tok.children if c.dep_ == "nmod" and has_lemma(c, words("power_nouns"))]
    return THIRD, [*[c for c in tok.children if c.dep_ == "case"], tok, *power, owner, *_noun_phrase(owner)]


def _caused_by(tok):
    """«Задержка вызвана решением диспетчерской службы», «связана с действиями
    перевозчика», «обусловлена отказом банка»: the cause is what a party did."""
    if tok.pos_ not in ("VERB", "ADJ") or not has_lemma(tok, words("cause_verbs")) or _negated(tok):
        return None
    for c in tok.children:
        if c.dep_ not in ("obl", "obl:agent", "nmod") or morph(c, "Case") != "Ins" or not is_noun(c):
            continue
        if any(x.dep_ == "case" and x.lower_ not in ("с", "со") for x in c.children):
            continue
        if _is_agent(c):
            return THIRD, [tok, *_noun_phrase(c)]
        if has_lemma(c, words("action_nouns")):
            doer = _action_doer(c)
            if doer is not None:
                return THIRD, [tok, c, *_noun_phrase(doer)]
    return None


def _action_doer(noun):
    """Whose action or decision it was: «решением службы аэропорта» → службы."""
    for c in noun.children:
        if c.dep_ == "nmod" and c.i > noun.i and not any(x.dep_ == "case" for x in c.children) and _is_agent(c):
            return c
        if c.dep_ in ("det", "nmod:poss") and c.lower_ in ("их", "его", "её", "ее") and _is_agent(c):
            return c
    for c in noun.children:  # «сбой у банка-партнёра», «сбой в системе партнёра»
        cases = {x.lower_ for x in c.children if x.dep_ == "case"}
        if c.dep_ == "nmod" and c.i > noun.i and not _is_own(c) and (
                "у" in cases and _is_agent(c)
                or cases & {"в", "на"} and _is_party(c) and any(g.dep_ in ("nmod", "amod") for g in c.children)):
            return c
    return None


def _lies_on(tok):
    """«Ответственность лежит на перевозчике», «вина лежит на банке»."""
    if not has_lemma(tok, words("lie_verbs")) or negated(tok):
        return None
    if not any(c.dep_.startswith("nsubj") and has_lemma(c, words("responsibility_nouns")) for c in tok.children):
        return None
    for c in tok.children:
        if c.dep_ == "obl" and any(x.lower_ == "на" for x in c.children) and _is_agent(c):
            return THIRD, [tok, *[x for x in c.children if x.lower_ == "на"], *_noun_phrase(c)]
    return None


def _decides(tok):
    """«Такие вопросы решает производитель», «Это решает банк», «Решение
    принимает платёжная система»: the matter is somebody else's to decide."""
    if tok.pos_ != "VERB" or negated(tok) or morph(tok, "Tense") != "Pres":
        return None
    if has_lemma(tok, words("decide_verbs")):
        objs = [c for c in tok.children if c.dep_ == "obj" or c.dep_ == "nsubj" and lemma(c) == "это"]
        if not any(lemma(o) == "это" or has_lemma(o, words("question_nouns")) for o in objs):
            return None
    elif not (has_lemma(tok, frozenset({"принимать", "рассматривать"})) and any(
            c.dep_ in ("obj", "nsubj") and (lemma(c) == "решение" or has_lemma(c, words("claim_nouns")))
            for c in tok.children)):
        return None
    agent = next((c for c in tok.children if c.dep_.startswith("nsubj") and lemma(c) != "это"), None) \
        or _agent(tok)  # «Это решает банк»: «это» taken for a second subject
    if agent is None or not _is_agent(agent):
        return None
    decision = [c for c in tok.children if c.dep_ in ("obj", "nsubj") and (
        lemma(c) == "решение" or has_lemma(c, words("question_nouns")))]
    if decision and not any(lemma(d) in ("это", "этот", "такой") for d in decision[0].children) and not any(
            has_lemma(x, words("only_words") | {"сам"}) for x in [*tok.children, *agent.children]):
        return None  # «Решение о кредите принимает банк», «Банк решает вопрос в течение 10 дней»: how it works
    return THIRD, [tok, *_noun_phrase(agent)]


def _their_decision(tok):
    """«Это решение платформы», «Таково решение банка», «Переносы — инициатива
    самого преподавателя»: what happened is a party's decision."""
    if not is_noun(tok) or not has_lemma(tok, words("decision_nouns")) or negated(tok):
        return None
    if not any(lemma(c) in ("это", "таков") for c in tok.children) and tok.dep_ != "ROOT":
        return None
    this = any(lemma(c) in ("это", "таков") for c in [*tok.children, *tok.doc[max(tok.sent.start, tok.i - 2):tok.i]])
    # «X — решение Y»: a subject across a dash
    dashed = tok.dep_ == "ROOT" and any(
        c.dep_ == "nsubj" and c.i < tok.i and any(t.text in ("—", "–") for t in tok.doc[c.i:tok.i])
        for c in tok.children)
    if not this and not dashed:
        return None
    doer = _action_doer(tok)
    if doer is None or _is_company_np(doer):
        return None
    return THIRD, [tok, *_noun_phrase(doer)]


def _not_us(tok):
    """«деньги списал он, а не мы», «Решение принимали не мы, а платёжная
    система»: the company contrasts itself with the doer."""
    if not (lemma(tok) in ("мы", "я") or _is_company_np(tok)) or not _np_negated(tok):
        return None
    other = tok.head if tok.dep_ == "conj" else next((c for c in tok.children if c.dep_ == "conj"), None)
    if (other is None and tok.dep_.startswith("nsubj")) or (other is not None and other.pos_ in ("VERB", "AUX")):
        # «Это таможня держит посылку, не мы»: «мы» parsed as a second subject of
        # the verb, or as a conjunct of the verb itself
        verb = other if other is not None else tok.head
        other = next((c for c in verb.children if c.dep_.startswith("nsubj") and c.i < tok.i
                      and c.i != tok.i and is_noun(c)), None)
    if other is None or other.i == tok.i or not _is_agent(other):
        return _not_done_by_us(tok)
    pred = other.head if other.dep_ != "conj" else tok.head
    for _ in range(3):
        if pred.pos_ in ("VERB", "AUX", "ADJ") or pred.head.i == pred.i:
            break
        pred = pred.head
    if morph(pred, "Tense") == "Fut" or any(c.lower_ in ("будет", "будут") for c in pred.children) or (
            tok.head.pos_ in ("VERB", "AUX") and morph(tok.head, "VerbForm") == "Fin" and _future(tok.head)):
        return None  # «Позвонит курьер, а не мы», «Посылку доставим не мы, а …»: who will come, not who is to blame
    neg = [c for c in tok.children if c.lower_ == "не"] or (
        [tok.doc[tok.i - 1]] if tok.i > 0 and tok.doc[tok.i - 1].lower_ == "не" else [])
    return THIRD, [other, tok, *neg]


def _np_negated(noun) -> bool:
    """«не мы», «не у нас», «не наш магазин»: a «не» before the phrase."""
    first = min([noun.i, *[c.i for c in noun.children if c.dep_ in ("case", "det", "amod") and c.i < noun.i]])
    return negated(noun) or any(c.lower_ == "не" and c.i < noun.i for c in noun.children) or (
        first > noun.sent.start and noun.doc[first - 1].lower_ == "не")


def _not_done_by_us(tok):
    """«Ошибка допущена не нами», «Посылку повредили не мы», «его допустил не
    наш магазин»: the company denies being the doer of a fault, naming nobody
    in its place."""
    pred = tok.head
    if pred.i == tok.i or pred.pos_ not in ("VERB", "AUX"):
        return None
    inverted = tok.dep_ == "obj" and tok.i > pred.i and not any(c.dep_.startswith("nsubj") for c in pred.children) \
        and morph(pred, "Number") == morph(tok, "Number")  # «допустил не наш магазин» read as an object
    if tok.dep_ not in ("nsubj", "nsubj:pass", "obl", "obl:agent") and not inverted:
        return None
    if tok.dep_.startswith("obl") and (morph(tok, "Case") != "Ins" or morph(pred, "Voice") != "Pass" or _cases(tok)):
        return None
    if morph(pred, "Tense") == "Fut" or morph(pred, "Mood") == "Imp" or negated(pred) or not _fault_predicate(pred):
        return None
    first = min([tok.i, *[c.i for c in tok.children if c.dep_ in ("det", "amod") and c.i < tok.i]])
    neg = [c for c in tok.children if c.lower_ == "не"] or (
        [tok.doc[first - 1]] if first > 0 and tok.doc[first - 1].lower_ == "не" else [])
    return DENIAL, [pred, *neg, tok]


def _fault_not_ours(tok):
    """«Ошибка произошла не у нас», «Сбой возник не на нашей стороне»,
    «Неполадка не в нашей системе»: the company places the fault away from
    itself."""
    cases = {c.lower_ for c in _cases(tok)}
    first = min([tok.i, *[c.i for c in tok.children if c.dep_ in ("case", "det", "amod") and c.i < tok.i]])
    if not cases and first > 0 and tok.doc[first - 1].lower_ in ("у", "на", "в", "с", "со"):
        cases = {tok.doc[first - 1].lower_}
    ours = lemma(tok) in ("мы", "я") and "у" in cases or (
        (lemma(tok) == "сторона" or has_lemma(tok, words("own_things"))) and _is_own(tok) and cases & {"на", "в", "с", "со"})
    if not ours or not _np_negated(tok):
        return None
    head = tok.head
    fault = None
    if head.i != tok.i and is_noun(head) and has_lemma(head, words("fault_nouns")):
        fault = head
    elif head.i != tok.i and head.pos_ in ("VERB", "AUX") and not negated(head):
        fault = next((c for c in head.children if c.dep_.startswith("nsubj") and _names_fault(c)), None)
    if fault is None:  # verbless «Проблема точно не на нашей стороне», however the parser hung it
        lo, _ = _clause_range(tok)
        fault = next((t for t in tok.doc[lo:tok.i] if is_noun(t) and has_lemma(t, words("fault_nouns"))
                      and morph(t, "Case") in ("Nom", "") and not _cases(t)
                      and not any(x.pos_ in ("VERB", "AUX") for x in tok.doc[t.i:tok.i])), None)
    if fault is None:
        return None
    start = min(t.i for t in [tok, *tok.children] if t.i <= tok.i)
    neg = tok.doc[start - 1] if start > 0 and tok.doc[start - 1].lower_ == "не" else None
    toks = [fault, *[x for x in (neg,) if x is not None], *tok.doc[start:tok.i + 1]]
    return DENIAL, toks


def _maybe_theirs(pron) -> bool:
    """«его», «их» that can stand for a party named in this sentence or the one
    before (any agreeing one: the possessive of «ускорить его ответ»)."""
    if lemma(pron) not in _THIRD_PERSON:
        return False
    doc = pron.doc
    start = doc[pron.sent.start - 1].sent.start if pron.sent.start > 0 else pron.sent.start
    plural = pron.lower_ in ("их", "они", "им", "ими", "них", "ним", "ними")
    return any(is_noun(t) and t.pos_ != "PRON" and _is_agent(t) and not _is_own(t)
               and (plural or morph(t, "Number") != "Plur") for t in doc[start:pron.i])


def _steers_other(verb) -> bool:
    """What the company says it cannot hurry, force or change is a party or a
    party's doing: «поторопить продавца», «ускорить его ответ», «изменить
    решение банка» (not «ускорить доставку», «изменить Ваш заказ»)."""
    objects = list(verb.children)
    if verb.dep_ == "amod" and verb.head.i == verb.i + 1:
        objects.append(verb.head)  # «Поторопить банк мы не можем»: the infinitive hung on its object
    for o in objects:
        if o.i != verb.head.i and o.dep_ not in ("obj", "nmod", "obl") or not is_noun(o) or _cases(o) and o.dep_ != "obj":
            continue
        if o.pos_ == "PRON" and lemma(o) in ("он", "она", "они"):
            if _maybe_theirs(o):
                return True
            continue
        if o.pos_ != "PRON" and _is_agent(o) and not _is_own(o):
            return True  # «поторопить продавца»
        for c in o.children:
            if c.dep_ in ("det", "nmod:poss") and _maybe_theirs(c):
                return True  # «ускорить его ответ»
            if c.dep_ == "nmod" and c.i > o.i and not _cases(c) and is_noun(c) and c.pos_ != "PRON" \
                    and _is_agent(c) and not _is_own(c):
                return True  # «изменить решение банка», «ускорить проверку службы безопасности»
    return False


def _not_permitted(tok):
    """«Система не даёт продлить бронь», «Банк не разрешает провести платёж»,
    «Продлить не могу, система не даёт»: a party (a system, a bank) stands in
    the way of what the Клиент wants, given as why the company does not do it."""
    if tok.pos_ != "VERB" or not has_lemma(tok, words("permit_verbs")) or not negated(tok):
        return None
    if morph(tok, "Mood") == "Imp" or morph(tok, "VerbForm") not in ("Fin", "") or morph(tok, "Tense") == "Fut":
        return None
    subj = _subject(tok)
    if subj is None or subj.pos_ == "PRON" or _is_company_np(subj) or _is_client(subj) or _is_own(subj):
        return None  # «наша система не позволяет хранить данные карт» is the company's own rule
    if not (_is_party(subj) or has_lemma(subj, words("institutions"))):
        return None
    objs = [c for c in tok.children if c.dep_ == "obj" and morph(c, "VerbForm") != "Inf" and is_noun(c)
            and c.pos_ != "PRON"]
    if objs:
        return None  # «Банк не даёт кредиты без справки»: what it does, not what it stops
    return THIRD, [*_noun_phrase(subj), *_with_neg(tok), tok]


def _their_demand(tok):
    """«с них и спрос», «Спрос за опоздание — с курьерской службы»: who is to
    answer for it is somebody else."""
    if lemma(tok) != "спрос" or not is_noun(tok) or _np_negated(tok):
        return None
    doc, window = tok.doc, []
    for step in (-1, 1):  # the words around it up to a comma («с них и спрос», «Спрос … — с …»)
        k = tok.i + step
        while tok.sent.start <= k < tok.sent.end and abs(k - tok.i) <= 6 and (
                not doc[k].is_punct or doc[k].text in ("—", "–")):
            window.append(doc[k])
            k += step
    for t in window:
        first = min([t.i, *[c.i for c in t.children if c.dep_ in ("amod", "det") and c.i < t.i]])
        if t.pos_ not in ("NOUN", "PROPN", "PRON") or not (first > 0 and doc[first - 1].lower_ in ("с", "со")):
            continue
        if _np_negated(t) or lemma(t) in ("мы", "я") or _is_company_np(t) or _is_client(t):
            return None
        if t.pos_ == "PRON" and lemma(t) in ("он", "она", "они") or t.pos_ != "PRON" and _is_agent(t) and not _is_own(t):
            return THIRD, [tok, doc[first - 1], *_noun_phrase(t)]
    return None


def _yours(noun) -> list:
    """The words that make a thing the Клиент's: «Ваш роутер», «роутер у Вас»,
    «у вас роутер старый» (wherever the parser hung «у Вас» in the clause)."""
    doc = noun.doc
    yours = frozenset({"ваш", "твой"})
    marks = [c for c in noun.children if c.dep_ in ("det", "nmod:poss", "amod") and has_lemma(c, yours)]
    if marks:
        return marks
    for t in reversed(doc[max(noun.sent.start, noun.i - 3):noun.i]):  # «Ваш компьютер» hung upside down
        if has_lemma(t, yours):
            return [t]
        if t.pos_ not in ("ADJ", "ADV", "DET"):
            break
    lo, hi = _clause_range(noun)
    for t in doc[max(lo, noun.i - 4):min(hi, noun.i + 4) + 1]:
        if lemma(t) in ("вы", "ты") and t.i > 0 and doc[t.i - 1].lower_ == "у":
            return [doc[t.i - 1], t]
    return []


def _hedged(tok) -> bool:
    """A guess («возможно», «скорее всего»), advice or a question around it:
    troubleshooting, not a verdict."""
    sent = tok.sent
    low = [t.lower_ for t in sent]
    if any(w in words("hedge_words") for w in low) or any(
            a == "скорее" and b == "всего" or a == "может" and b == "быть" for a, b in zip(low, low[1:])):
        return True
    return any(morph(t, "Mood") == "Imp" and morph(t, "Person") == "2" for t in sent) or any(
        has_lemma(t, words("advice_verbs")) for t in sent)


def _client_thing(tok):
    """«Это у вас роутер старый, наш тариф он не вытягивает», «Кран у Вас был
    старый», «Ваш телефон устарел и не поддерживает приложение», «Проблема в
    Вашем роутере»: the trouble put down to the Клиент's own equipment."""
    if not is_noun(tok) or tok.pos_ == "PRON" or not has_lemma(tok, words("client_things")):
        return None
    yours = _yours(tok)
    if not yours or _hedged(tok):
        return None
    doc = tok.doc
    lo, hi = _clause_range(tok)
    if hi + 2 < tok.sent.end and doc[hi + 1].text == "," and lemma(doc[hi + 2]) in _THIRD_PERSON \
            or hi + 3 < tok.sent.end and doc[hi + 1].text == "," and lemma(doc[hi + 3]) in _THIRD_PERSON:
        hi = _clause_range(doc[hi + 2])[1]  # «…, наш тариф он не вытягивает»: the next clause speaks of it
    clause = doc[lo:hi + 1]
    if any(morph(t, "Tense") == "Fut" for t in clause):
        return None
    defects = [t for t in clause if t.pos_ in ("ADJ", "VERB") and has_lemma(t, words("thing_defects"))
               and not negated(t) and t.i != tok.i]
    # what it cannot do counts against our own service («наш тариф он не вытягивает»);
    # «Ваш роутер не поддерживает 5 ГГц» alone is a fact about the device
    cannot = [t for t in clause if t.pos_ == "VERB" and has_lemma(t, words("thing_abilities")) and negated(t)
              and morph(t, "Mood") != "Imp" and any(lemma(x) == "наш" for x in clause)]
    cause = []
    if any(x.lower_ in ("в", "во") for x in _cases(tok)) or tok.i > 1 and doc[min(c.i for c in [tok, *tok.children]) - 1].lower_ in ("в", "во"):
        cause = [t for t in doc[max(lo, tok.i - 5):tok.i] if has_lemma(t, words("cause_nouns")) and morph(t, "Case") in ("Nom", "")]
    if not (defects or cannot or cause):
        return None
    found = (defects or cannot or cause)[0]
    return CLIENT, [*yours, tok, found, *_with_neg(found)]


def _arose_in_use(tok):
    """«царапины появились в процессе эксплуатации, а не при доставке», «Скол
    получен при использовании», «потёртости образовались во время носки»: the
    damage dated to the Клиент's use of the thing."""
    if not is_noun(tok) or not has_lemma(tok, words("client_use_nouns")) or any(lemma(c) in words("own") for c in tok.children):
        return None
    anchor = tok
    if not _cases(tok) and tok.dep_ == "nmod" and has_lemma(tok.head, words("use_frames")):
        anchor = tok.head  # «в процессе эксплуатации», «в ходе носки»
    preps = {c.lower_ for c in _cases(anchor)}
    if not preps & {"при", "после", "во", "в", "из-за", "вследствие", "от"}:
        return None
    framed = any(has_lemma(f, words("use_frames")) for c in _cases(anchor) for f in c.children if f.dep_ == "fixed")
    if anchor is tok and preps & {"в", "во"} and not framed:
        return None  # «в эксплуатации» says where, not when («во время носки» is when)
    verb = anchor.head
    if verb.pos_ == "NOUN" and verb.dep_ == "conj":
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or negated(verb) or verb.i == anchor.i:
        return None
    past = morph(verb, "Tense") == "Past" and (morph(verb, "VerbForm") == "Fin" or morph(verb, "Variant") == "Short")
    if not past or not has_lemma(verb, words("arise_verbs") | words("causal_fault_verbs")) or _hedged(verb):
        return None
    return CLIENT, [verb, *_cases(anchor), *[f for c in _cases(anchor) for f in c.children if f.dep_ == "fixed"],
                    anchor, tok]


def _done_from_yours(tok):
    """«Подписка была подключена с Вашего номера, поэтому деньги не
    возвращаются», «Заказ оформлен с Вашего аккаунта, так что отменить его мы
    не можем»: the disputed deed traced to the Клиент's own number, account or
    card and a refusal drawn from it."""
    if not is_noun(tok) or tok.pos_ == "PRON" or not has_lemma(tok, words("client_channels")):
        return None
    yours = [c for c in tok.children if c.dep_ in ("det", "nmod:poss", "amod") and has_lemma(c, frozenset({"ваш", "твой"}))]
    cases = [c for c in _cases(tok) if c.lower_ in ("с", "со", "через")]
    if not yours or not (cases or morph(tok, "Case") == "Ins" and tok.dep_ in ("obl", "obl:agent")):
        return None
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX") or negated(verb) or not _past(verb) or _hedged(verb):
        return None
    doc, sent = tok.doc, tok.sent
    rest = [t for t in doc[tok.i + 1:sent.end]]
    for k, t in enumerate(rest):
        nxt = rest[k + 1].lower_ if k + 1 < len(rest) else ""
        if t.lower_ in words("consequence_openers") or (t.lower_, nxt) in (("так", "что"), ("а", "значит")) \
                or t.lower_ == "значит":
            # the refusal is the consequence itself («деньги не возвращаются»), not
            # a «не» in words quoted inside it («Ваши слова о том, что Вы её не подключали, …»)
            main = t.head if t.head.i != t.i else t
            if main.i < t.i:
                return None
            refused = negated(main) or main.lower_ in ("нельзя", "невозможно") or has_lemma(
                main, frozenset({"невозможный"})) or any(
                c.dep_ in ("xcomp", "csubj") and negated(c) for c in main.children)
            return (CLIENT, [verb, *cases, *yours, tok]) if refused else None
    return None


def _client_absent(tok):
    """«Посылку не вручили, потому что Вас не было дома», «Курьер не смог
    вручить заказ: Вы отсутствовали»: the Клиент's absence given as the cause."""
    if tok.pos_ not in ("VERB", "AUX") or not _past(tok):
        return None
    if (lemma(tok) == "быть" or tok.lower_ in ("было", "был", "была", "были")) and negated(tok):
        who = next((c for c in tok.children if c.lower_ in ("вас", "тебя") and not _cases(c)), None)
        if who is None:  # the parser hung «Вас» elsewhere: right before «не было»
            before = [t for t in tok.doc[max(tok.sent.start, tok.i - 3):tok.i] if t.lower_ in ("вас", "тебя")
                      and not _cases(t)]
            who = before[-1] if before else None
    elif has_lemma(tok, words("absence_verbs")) and not negated(tok):
        who = next((c for c in tok.children if c.dep_.startswith("nsubj") and _is_client(c)), None)
    else:
        return None
    if who is None or not _explanatory(tok):
        return None
    if lemma(tok) != "отсутствовать" and not any(
            t.lower_ in words("presence_places") or has_lemma(t, words("presence_places"))
            for t in tok.doc[tok.i + 1:_clause_range(tok)[1] + 1]):
        return None  # «Вас не было в списке рассылки» is not being away
    if not any(t.i != tok.i and t.pos_ in ("VERB", "AUX") and negated(t) for t in tok.sent):
        return None  # what it caused must have failed: «…, поэтому курьер оставил посылку в пункте» is news
    return CLIENT, [who, *_with_neg(tok)]


def _powerless(tok):
    """«Повлиять на её решение мы не можем», «мы никак не влияем на сроки»: the
    company says the matter is out of its hands."""
    if tok.pos_ == "ADJ" and has_lemma(tok, words("powerless_words")) and not negated(tok):
        subj = _subject(tok)
        if subj is not None and (lemma(subj) in ("мы", "я") or _is_company_np(subj)):
            return DENIAL, [subj, tok]  # «Мы тут бессильны»
        return None
    if not has_lemma(tok, words("influence_verbs")) and not (
            has_lemma(tok, words("steer_verbs")) and _steers_other(tok)):
        return None
    head = tok.head
    can = None
    if morph(tok, "VerbForm") == "Inf" and head.i != tok.i and has_lemma(head, words("can_words")):
        can = head
    elif morph(tok, "VerbForm") == "Inf" and any(has_lemma(t, words("can_words")) for t in tok.doc[max(0, tok.i - 3):tok.i]):
        can = next(t for t in reversed(tok.doc[max(0, tok.i - 3):tok.i]) if has_lemma(t, words("can_words")))
    elif morph(tok, "VerbForm") == "Inf":
        # «повлиять на это мы не могли» with the infinitive hung elsewhere by the parser
        later = [t for t in tok.doc[tok.i + 1:min(tok.sent.end, tok.i + 12)] if has_lemma(t, words("can_words"))
                 and (t.pos_ in ("VERB", "AUX") or t.doc[t.i - 1].lower_ in ("в", "во"))]  # «… не в силах»
        can = later[0] if later else None
    pred = can if can is not None else tok
    if not negated(pred) and not (can is not None and negated(tok)):
        return None
    # a subject of its own first: a conjunct borrows one only when it has none
    subj = next((c for p in (pred, tok) for c in p.children if c.dep_.startswith("nsubj")
                 and c.pos_ not in ("VERB", "AUX")), None) \
        or _subject(pred) or _subject(tok)
    if subj is not None and not (lemma(subj) in ("мы", "я") or _is_company_np(subj)):
        return None
    if subj is None and morph(pred, "Person") not in ("1",) and can is None:
        return None
    if subj is None and can is not None and morph(can, "Person") not in ("1", ""):
        return None
    neg = [c for c in [*pred.children, *tok.children] if c.lower_ in ("не", "никак")]
    return DENIAL, [tok, *([can] if can is not None else []), *neg]


def _middleman(tok):
    """«Мы лишь посредник», «Мы являемся только агентом авиакомпании», «Мы
    всего лишь площадка»: the company makes itself a go-between."""
    if not is_noun(tok) or not has_lemma(tok, words("middleman_nouns")):
        return None
    pred = tok.head if tok.dep_ in ("xcomp", "obl") and tok.head.i != tok.i else tok
    subj = _subject(pred) or _subject(tok)
    ours = subj is not None and (lemma(subj) in ("мы", "я") or _is_company_np(subj)) or any(
        t.lower_ in ("мы", "я") for t in tok.doc[max(tok.sent.start, tok.i - 4):tok.i])  # «Мы всего лишь площадка»
    if not ours or negated(tok) or negated(pred):
        return None
    near = tok.doc[max(tok.sent.start, tok.i - 3):tok.i]
    only = [t for t in near if has_lemma(t, words("only_words") | {"всего", "просто"})]
    if not only:
        return None
    return DENIAL, [*only, tok]


def _without_us(tok):
    """«Банк списал комиссию без нашего ведома», «без нашего участия»: the
    company says it had no part in what a party did."""
    if not is_noun(tok) or not has_lemma(tok, words("part_nouns")):
        return None
    # «без нашего участия», or our people: «без участия наших сотрудников»
    ours = [c for c in tok.children if lemma(c) == "наш"] or [
        x for c in tok.children if c.dep_ == "nmod" and c.i > tok.i and not _cases(c)
        for x in (c, *[d for d in c.children if lemma(d) == "наш"]) if any(lemma(d) == "наш" for d in c.children)]
    if not any(c.lower_ == "без" for c in tok.children) or not ours:
        return None
    verb = tok.head
    if verb.pos_ != "VERB" or morph(verb, "Tense") != "Past" or negated(verb):
        return None
    subj = _subject(verb)
    if not (subj is not None and (_is_agent(subj) or has_lemma(subj, words("fault_nouns")))
            or subj is None and morph(verb, "Number") == "Plur"):
        return None  # somebody else did it: «Банк списал …», «… списали без нашего ведома», «сбой произошёл …»
    return DENIAL, [*[c for c in tok.children if c.lower_ == "без"], tok, *ours]


def _fine_on_our_side(tok):
    """«С нашей стороны всё в порядке», «с нашей стороны всё сработало
    корректно»: the company clears itself."""
    mine = ("наш", "свой")  # «со своей стороны мы всё сделали правильно»
    ours = [c for c in tok.children if lemma(c) in mine] or (
        [tok.doc[tok.i - 1]] if tok.i > 0 and lemma(tok.doc[tok.i - 1]) in mine else [])
    if lemma(tok) != "сторона" or not ours:
        return None
    case = [c for c in tok.children if c.lower_ in ("с", "со", "на")]
    start = min([tok.i, *[c.i for c in ours]])
    if not case and start > 0 and tok.doc[start - 1].lower_ in ("с", "со", "на"):
        case = [tok.doc[start - 1]]  # the parser hung «с» on the verb
    if not case:
        return None
    end = tok.i + 1
    for t in tok.doc[tok.i + 1:min(tok.sent.end, tok.i + 8)]:
        if t.text in (",", ";", ":", ".", "!", "—") or t.lower_ in ("а", "но"):
            break
        end = t.i + 1
    window = tok.doc[tok.i + 1:end]
    if lemma(ours[0]) == "свой" and not any(t.lower_ in ("мы", "я") for t in tok.doc[max(tok.sent.start, tok.i - 4):end]):
        return None  # «Курьер со своей стороны …»: somebody else's side
    fine = [t for t in window if (has_lemma(t, words("fine_words")) or t.lower_ == "срок" and t.i > 0
                                  and t.doc[t.i - 1].lower_ == "в") and not negated(t)]
    if lemma(tok.doc[tok.i + 1]) == "нет" if tok.i + 1 < len(tok.doc) else False:
        fine = []
    if not fine or any(t.lower_ == "не" for t in window):
        return None
    return DENIAL, [case[0], tok, *window[:fine[-1].i - tok.i]]


def _not_involved(tok):
    """«Мы здесь ни при чём»."""
    if tok.lower_ not in ("чём", "чем", "причём", "причем"):
        return None
    sent = tok.sent
    k = tok.i - sent.start
    words_before = [t.lower_ for t in sent[max(0, k - 2):k]]
    if "при" not in words_before and tok.lower_ not in ("причём", "причем"):
        return None
    if "ни" not in words_before and not (tok.i > 1 and tok.doc[tok.i - 2].lower_ == "ни"):
        return None
    # «Мы тут ни при чём», «авиакомпания здесь ни при чём» (the company that
    # signs so), «наш отдел ни при чём»
    # (in its own clause: «Курьер ни при чём — это мы неверно указали …» owns the slip)
    lo, hi = _clause_range(tok)
    if any(lemma(t) in ("мы", "я") or (is_noun(t) and (_is_company_np(t) or _is_own(t))) for t in tok.doc[lo:hi + 1]):
        first = tok.i - 2 if tok.lower_ in ("чём", "чем") else tok.i - 1
        return DENIAL, [tok.doc[first], tok]
    return None


def _in_hands(tok):
    """«дальше всё в руках Почты», «это во власти банка», «теперь всё в их
    руках»: the matter placed in a party's hands."""
    if not is_noun(tok) or not has_lemma(tok, words("hands_nouns")) or morph(tok, "Case") not in ("Loc", ""):
        return None
    case = [c for c in tok.children if c.dep_ == "case" and c.lower_ in ("в", "во")]
    if not case or negated(tok) or any(lemma(c) in words("own") for c in tok.children):
        return None
    owner = next((c for c in tok.children if c.dep_ in ("det", "nmod:poss") and c.lower_ in ("их", "его", "её", "ее")),
                 None)
    if owner is None:
        owner = next((c for c in tok.children if c.dep_ == "nmod" and c.i > tok.i and not _cases(c)
                      and _is_agent(c) and not _is_own(c)), None)
    if owner is None:
        return None
    return THIRD, [*case, tok, *(_noun_phrase(owner) if is_noun(owner) else [owner])]


def _cleft(tok):
    """«Это курьер продержал букет полдня», «это склад всё перепутал», «Это Вы
    указали старый адрес»: a cleft sentence that singles out the doer of what
    went wrong."""
    if not (is_noun(tok) or tok.pos_ == "PRON") or tok.i == 0:
        return None
    doc = tok.doc
    this = doc[tok.i - 1]
    if lemma(this) != "это" or (this.i > tok.sent.start and not (
            doc[this.i - 1].is_punct or doc[this.i - 1].lower_ in ("а", "и", "но", "ведь", "же"))):
        return None
    if _is_company_np(tok) or (tok.pos_ == "PRON" and not _is_client(tok)):
        return None
    third = not _is_client(tok) and _is_agent(tok)
    if not (third or _is_client(tok)):
        return None
    verb = None
    for t in doc[tok.i + 1:min(tok.sent.end, tok.i + 5)]:
        if t.is_punct:
            break
        if t.pos_ == "VERB" and morph(t, "VerbForm") == "Fin":
            verb = t
            break
    if verb is None or morph(verb, "Tense") != "Past" or morph(verb, "Mood") == "Imp" or negated(verb):
        return None
    if any(c.dep_.startswith("nsubj") and c.i != tok.i and is_noun(c) and c.pos_ != "PRON" for c in verb.children):
        return None
    if morph(verb, "Number") and morph(tok, "Number") and morph(verb, "Number") != morph(tok, "Number") \
            and tok.lower_ not in ("вы",):
        return None
    if has_lemma(verb, words("receive_verbs") | words("cognition_verbs")):
        return None
    np = _noun_phrase(tok) if is_noun(tok) else [tok]
    return (THIRD if third else CLIENT), [this, *np, verb]


def _claims_sent(tok):
    """«претензии направляйте ей напрямую», «претензию нужно предъявлять
    транспортной компании», «Вопросы по срокам — в Ваш банк», «по всем
    вопросам — к нему»: the Клиент's claims sent on to somebody else."""
    if not is_noun(tok) or not has_lemma(tok, words("claim_nouns") | words("question_nouns")):
        return None
    doc, sent = tok.doc, tok.sent
    if has_lemma(tok, words("question_nouns")) and (
            any(c.lower_ == "по" for c in tok.children) or tok.i > sent.start and doc[tok.i - 1].lower_ == "по"):
        return None  # «по вопросам работы портала обращайтесь …» names a topic, not the Клиент's claim
    # the clause around the noun, up to a full stop, semicolon or a comma before a new clause
    def polite(i):  # «обращайтесь, пожалуйста, в банк»: the commas of «пожалуйста» split nothing
        return doc[i].text == "," and any(0 <= j < len(doc) and doc[j].lower_ == "пожалуйста" for j in (i - 1, i + 1))
    lo = tok.i
    while lo > sent.start and (doc[lo - 1].text not in (".", ";", ",", ":", "!", "?") or polite(lo - 1)):
        lo -= 1
    hi = tok.i
    while hi + 1 < sent.end and (doc[hi + 1].text not in (".", ";", "!", "?", ",") or polite(hi + 1)):
        hi += 1
    clause = doc[lo:hi + 1]
    verbs = [t for t in clause if t.i != tok.i and has_lemma(t, words("send_verbs") | words("address_verbs"))]
    # told, not offered: an imperative, «Вы должны / Вам нужно / рекомендуем» + infinitive
    # («… можно задать в чате» is a way offered)
    directive = [v for v in verbs if morph(v, "Mood") == "Imp" or v.lower_.endswith(("йте", "ите"))
                 or morph(v, "Person") == "2" and morph(v, "Tense") != "Past"
                 or morph(v, "VerbForm") == "Inf" and any(
                     has_lemma(h, words("deontic") | words("advice_verbs")) and not negated(h)
                     for h in [v.head, *v.children, *doc[max(lo, v.i - 2):v.i]])]
    dash = [t for t in clause if t.text in ("—", "–") and t.i > tok.i]
    verbless = not any(t.pos_ in ("VERB", "AUX") and t.i != tok.i for t in clause) and dash
    if not directive and not verbless:
        return None
    if verbless and not has_lemma(tok, words("question_nouns")) and not has_lemma(tok, words("claim_nouns")):
        return None
    start = dash[0].i if verbless else lo
    for t in doc[start:hi + 1]:
        if t.i == tok.i or _is_client(t) or _is_company_np(t) or any(
                lemma(c) in ("наш", "мой") for c in t.children):
            continue  # («в свой банк» is the Клиент's bank)
        preps = [x for x in doc[max(lo, t.i - 3):t.i] if x.pos_ == "ADP"]
        prep = preps[-1].lower_ if preps and all(y.pos_ in ("ADP", "DET", "ADJ") for y in doc[preps[-1].i:t.i]) else None
        third = t.pos_ == "PRON" and lemma(t) in ("он", "она", "они")
        if not (third or (is_noun(t) and _is_agent(t))):
            continue
        if prep in ("к",) or (prep in ("в", "во") and (verbless or any(
                has_lemma(v, frozenset({"обращаться", "обратиться"})) for v in directive))) or (
                prep is None and morph(t, "Case") == "Dat" and directive and has_lemma(tok, words("claim_nouns"))):
            return THIRD, [tok, *(directive[:1] if not verbless else []), *([preps[-1]] if prep else []),
                           *(_noun_phrase(t) if is_noun(t) else [t])]
    return None


def _no_claims_to_us(tok):
    """«к нашему коду претензий нет», «К нам претензий быть не может»: the
    company declares itself blameless."""
    if not is_noun(tok) or not has_lemma(tok, words("claim_nouns")):
        return None
    head = tok.head
    denied = lemma(head) == "нет" or negated(tok) or (head.i != tok.i and negated(head)) or (
        tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "нет")
    if not denied:
        return None
    for c in [*tok.children, *([c for c in head.children if c.i != tok.i] if head.i != tok.i else [])]:
        if any(x.lower_ == "к" for x in c.children) and (lemma(c) in ("мы", "я") or _is_own(c) or _is_company_np(c)):
            neg = [t for t in tok.doc[tok.i + 1:tok.i + 2] if t.lower_ == "нет"] or [head] if lemma(head) == "нет" else []
            return DENIAL, [*[x for x in c.children if x.lower_ == "к" or lemma(x) == "наш"], c, tok, *neg]
    return None


def _verdict(tok):
    """«система безопасности посчитала операцию подозрительной», «банк счёл
    документы недействительными», «антифрод расценил платёж как мошеннический»:
    a party's verdict as the cause of the trouble."""
    if tok.pos_ != "VERB" or not has_lemma(tok, words("verdict_verbs")) or negated(tok):
        return None
    if morph(tok, "Tense") != "Past" or morph(tok, "Mood") == "Imp":
        return None
    marks = words("verdict_marks")
    # a bad verdict: a listed word, or an adjective negated by its prefix
    # («недействительными», «негарантийным», «некорректной»)
    bad = [t for t in tok.doc[tok.i + 1:min(tok.sent.end, tok.i + 6)] if t.pos_ in ("ADJ", "VERB") and (
        has_lemma(t, marks) or (t.pos_ == "ADJ" and lemma(t).startswith("не") and len(lemma(t)) > 6))]
    if not bad:
        return None
    agent = _agent(tok)
    if agent is None or _is_company_np(agent) or _is_client(agent) or not _is_agent(agent) or _is_own(agent):
        return None
    return THIRD, [*_noun_phrase(agent), tok, bad[0]]


def _lesson(tok):
    """«Рекомендуем внимательно читать описание перед заказом», «В следующий
    раз проверяйте комплектность при курьере», «Советуем в будущем включать
    синхронизацию», «Впредь будьте внимательнее»: a lesson for the Клиент, so
    the trouble was his doing."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    head = tok.head if tok.head.i != tok.i else tok
    imperative = morph(tok, "Mood") == "Imp" and morph(tok, "Person") in ("2", "")
    advised = morph(tok, "VerbForm") == "Inf" and (
        has_lemma(head, words("advice_verbs")) and morph(head, "Person") == "1" and morph(head, "Tense") != "Past"
        or has_lemma(head, words("deontic")) and not any(t.lower_ in ("было", "бы") for t in head.children))
    if not (imperative or advised) or negated(tok) or lemma(tok) == "быть" and not imperative:
        return None
    scope = [*tok.children, *(head.children if advised else [])]
    doc = tok.doc
    future = next_time(scope)
    care = [c for c in scope if has_lemma(c, words("care_words")) and (
        morph(c, "Degree") == "Cmp" or c.lower_.endswith("ее") or
        (morph(tok, "Aspect") == "Imp" and has_lemma(tok, words("check_verbs"))))]
    if not future and not care:
        return None
    if any(_is_company_np(c) or lemma(c) in ("мы", "я") for c in tok.children if c.dep_.startswith("nsubj")):
        return None
    first = [head] if advised and head.i < tok.i else []
    return CLIENT, [*first, *future, *care, tok]


def _client_request(tok):
    """«Курьер действовал по Вашей же просьбе, так что компенсации не будет»,
    «это было сделано по Вашему же указанию»: the Клиент's own request made the
    reason for the trouble."""
    if not is_noun(tok) or not has_lemma(tok, words("request_nouns")):
        return None
    if not any(c.dep_ == "case" and c.lower_ == "по" for c in tok.children):
        return None
    yours = [c for c in tok.children if lemma(c) in ("ваш", "твой") or _is_client(c)]
    if not yours:
        return None
    doc = tok.doc
    stress = [t for t in doc[yours[0].i:tok.i + 2] if t.lower_ in ("же", "сами", "сам", "сама", "собственной",
                                                                     "собственному", "личной", "личному")]
    so = [t for t in doc[tok.i + 1:tok.sent.end] if has_lemma(t, words("consequence_marks"))]
    denied = so and any(t.lower_ in ("не", "нет", "ни") for t in doc[so[0].i:tok.sent.end])
    if not stress and not denied:
        return None
    return CLIENT, [*[c for c in tok.children if c.dep_ == "case"], *yours, *stress, tok]


# --- explanations: who did, or failed to do, what went wrong ------------------

_STOPS = frozenset({",", ";", ":", ".", "!", "?", "—", "–", "(", ")", "…"})


def _clause_range(tok) -> tuple[int, int]:
    """First and last index of the stretch between punctuation marks around ``tok``."""
    doc, sent = tok.doc, tok.sent
    lo = tok.i
    while lo > sent.start and doc[lo - 1].text not in _STOPS:
        lo -= 1
    hi = tok.i
    while hi + 1 < sent.end and doc[hi + 1].text not in _STOPS:
        hi += 1
    return lo, hi


def _any(toks, key) -> bool:
    lex = words(key)
    return any(t.lower_ in lex or has_lemma(t, lex) for t in toks)


def _explanatory(verb) -> bool:
    """The clause of ``verb`` gives the cause of what went wrong: it opens with
    «потому что», «так как», «поскольку»; it is the «что»-clause of «из-за
    того», «связано с тем», «дело в том»; a consequence follows it («…,
    поэтому …», «…, так что …», «Поэтому …»); or it follows a colon or a dash
    after a clause naming the trouble («Курьер не смог доставить заказ: Вы не
    открыли дверь»)."""
    doc, sent = verb.doc, verb.sent
    lo, hi = _clause_range(verb)
    before = doc[lo:verb.i]
    low = [t.lower_ for t in before]
    if _any(before, "cause_openers") or any((a, b) in (("так", "как"), ("т.", "к."))
                                              for a, b in zip(low, low[1:])):
        return True  # «так как», «т. к.»
    if low and low[0] in ("к.", "к") and lo >= 2 and doc[lo - 2].lower_ == "т":
        return True  # «т. к.» split by the tokenizer, its full stop taken for a clause end
    if low and low[0] == "что" and lo - 2 >= sent.start and doc[lo - 1].text == ",":
        corr = doc[lo - 2]
        if corr.lower_ in words("cause_correlatives") and _any(doc[max(sent.start, corr.i - 3):corr.i], "cause_governors"):
            return True
    follow = [*doc[hi + 1:sent.end]]
    if sent.end < len(doc) and hi + 1 >= sent.end - 1:  # the clause ends its sentence: the next one may go on
        follow += [*doc[sent.end:min(len(doc), sent.end + 3)]]
    for k, t in enumerate(follow):
        nxt = follow[k + 1].lower_ if k + 1 < len(follow) else ""
        if t.lower_ in words("consequence_openers") or (t.lower_, nxt) in (
                ("так", "что"), ("из-за", "этого"), ("в", "результате"), ("вот", "почему")):
            prev = doc[t.i - 1] if t.i > 0 else None
            if prev is None or prev.is_punct or prev.is_space or prev.lower_ in ("и", "а"):
                return True
    if lo > sent.start and doc[lo - 1].text in (":", "—", "–"):
        trouble = doc[sent.start:lo - 1]
        if any(t.lower_ in ("не", "нет", "ни") or t.pos_ in ("VERB", "AUX") and morph(t, "Tense") == "Past"
               and morph(t, "VerbForm") in ("Fin", "Part") for t in trouble) or _any(
                trouble, "fault_nouns") or _any(trouble, "trouble_verbs") or _any(trouble, "late_nouns"):
            return True
    return False


def _explained_omission(tok, explained=False):
    """«Курьер не смог доставить заказ: Вы не открыли дверь», «Задержка связана
    с тем, что поставщик не отгрузил детали», «Банк не одобрил операцию,
    поэтому платёж отклонён»: a negated past deed of the Клиент or of a third
    party, given as the cause of the trouble."""
    if tok.pos_ != "VERB" or not _negated(tok) or not (
            len(_with_neg(tok)) > 1 or tok.i > tok.sent.start and tok.doc[tok.i - 1].lower_ == "не"):
        return None  # (the «не» stands before the verb: a later «не будет» hung on it is another clause's)
    if not _past(tok) or morph(tok, "Mood") == "Imp" or morph(tok, "VerbForm") not in ("Fin", "") and not _misread_finite(tok):
        return None
    modal = has_lemma(tok, frozenset({"смочь", "суметь", "мочь"}))
    if not modal and has_lemma(tok, words("not_omissions") | words("fault_verbs") | words("cognition_verbs")
                               | words("receive_verbs") | words("client_only_fault_verbs")):
        return None
    doc = tok.doc
    scope = [*tok.children, *doc[max(tok.sent.start, tok.i - 3):tok.i]]
    if any(t.lower_.replace("ё", "е") in words("status_words") or t.lower_ in ("ничего", "никого", "ничем", "никак") for t in scope):
        return None  # «Вы ещё не оплатили»: a status; «Вы ничего не нарушили»: a reassurance
    agent = _agent(tok) or _place_agent(tok)
    across = None
    if agent is None or not _agrees(tok, agent):
        across = _subject_across_relative(tok)  # «агентство, с которым мы работаем, так и не прислало …»
        agent = across or agent
    if agent is None:  # «Типография так и не напечатала …» with the subject hung as the root
        loose = _loose_subject(tok)
        agent = loose if loose is not None and loose.pos_ != "PRON" and _agrees(tok, loose) else None
    if not explained and not _explanatory(tok) and not (across is not None and _explanatory(across)):
        return None
    if agent is None or _is_company_np(agent) or _in_quotes(agent):
        return None  # («вы вернёте деньги» quoted back is the Клиент's words)
    if any(c.lower_ == "ни" for c in agent.subtree if c.i < agent.i):
        return None  # «ни один клиент не жаловался»: nobody in particular, a record
    if _is_client(agent):
        if modal:
            return None  # «Вы не смогли дозвониться»: what befell him
        return CLIENT, [*_with_neg(tok), agent]
    if _is_agent(agent):
        return THIRD, [*_with_neg(tok), *_noun_phrase(agent), *_cases(agent)]
    return None


def _future(verb) -> bool:
    """Future tense by the tagger, or a perfective present that is a future
    («доставим», which the tagger may read as an imperfective present)."""
    if morph(verb, "Tense") == "Fut" or morph(verb, "Aspect") == "Perf" and morph(verb, "Tense") == "Pres":
        return True
    parse = top_parse(verb)
    return parse is not None and parse.tag.POS == "VERB" and "futr" in parse.tag


def _past(verb) -> bool:
    """Past tense, by the tagger or, for a verb it did not know («дочитали»
    tagged as a future), by pymorphy3."""
    if morph(verb, "Tense") == "Past":
        return True
    parse = top_parse(verb)
    return parse is not None and parse.tag.POS == "VERB" and "past" in parse.tag


def _in_quotes(tok) -> bool:
    """Inside «…» or "…" opened earlier in the sentence and not yet closed."""
    depth = 0
    for t in tok.doc[tok.sent.start:tok.i]:
        if t.text == "«":
            depth += 1
        elif t.text == "»":
            depth = max(0, depth - 1)
    plain = sum(t.text in ('"', "“", "”", "„") for t in tok.doc[tok.sent.start:tok.i])
    return depth > 0 or plain % 2 == 1


def _loose_subject(verb):
    """The subject, or where the parser hung it elsewhere, the nominative noun
    or pronoun right before the verb in its clause («Типография недопечатала
    тираж», with «Типография» hung on the object)."""
    subj = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
    if subj is not None:
        return subj
    lo, _ = _clause_range(verb)
    for t in reversed(verb.doc[lo:verb.i]):
        if t.pos_ in ("NOUN", "PROPN", "PRON") and morph(t, "Case") in ("Nom", "") and not _cases(t):
            return t
        if t.pos_ in ("VERB", "AUX"):
            break
    return None


def _stated_omission(tok):
    """In a reply to trouble, a negated deed of the Клиент or of a party stated
    as what happened: «Монтажники подрядчика не закрепили профиль», «Вы не
    открыли дверь курьеру»."""
    if tok.pos_ != "VERB" or morph(tok, "Aspect") != "Perf" or tok.dep_ not in ("ROOT", "conj", "parataxis"):
        return None
    if not (any(c.lower_ == "не" and c.i < tok.i for c in tok.children)
            or tok.i > tok.sent.start and tok.doc[tok.i - 1].lower_ == "не"):
        return None
    if has_lemma(tok, words("harm_verbs") | frozenset({"смочь", "суметь", "мочь"})):
        return None  # «Банк не списал деньги повторно» reassures
    rest = [t for t in tok.doc[tok.i + 1:tok.sent.end]]
    if _any(rest, "cause_openers") or any(t.lower_ in ("из-за", "вследствие") for t in rest) or any(
            a.lower_ == "так" and b.lower_ == "как" for a, b in zip(rest, rest[1:])):
        return None  # «Курьер не приехал, потому что мы не передали ему заказ»: an effect, its cause follows
    found = _explained_omission(tok, explained=True)
    if found is None or found[0] == THIRD and not _organisation_at_fault(found[1]):
        return None
    return found


def _never_did(tok):
    """«Агентство так и не прислало замену», «поставщик так и не отгрузил
    детали»: «так и не» states a failure outright, in any reply; a party or
    an organisation (or the Клиент) is its doer. Not what befell the doer
    («так и не смогли дозвониться», «так и не получили ответа»)."""
    doc = tok.doc
    if tok.pos_ != "VERB" or tok.i - 3 < tok.sent.start or [t.lower_ for t in doc[tok.i - 3:tok.i]] != ["так", "и", "не"]:
        return None
    if has_lemma(tok, frozenset({"смочь", "суметь", "мочь"})):
        return None
    found = _explained_omission(tok, explained=True)
    if found is None or found[0] == THIRD and not _organisation_at_fault(found[1]):
        return None
    return found


def _late_deed(tok):
    """«…, потому что арендодатель предупредил нас только утром», «Вы
    сообщили об отмене лишь накануне, поэтому …», «поставщик прислал
    документы в последний момент»: a deed done too late, given as the cause
    of the trouble, by a party or by the Клиент."""
    if tok.pos_ != "VERB" or not _past(tok) or morph(tok, "VerbForm") not in ("Fin", "") or negated(tok):
        return None
    if morph(tok, "Mood") == "Imp" or morph(tok, "Voice") == "Pass":
        return None
    doc, only = tok.doc, words("only_words")
    late = []
    # the time hangs on the verb, or on its object («сообщили об отмене только в пятницу»)
    near = [*tok.children, *[g for c in tok.children if c.dep_ in ("obl", "obj") for g in c.children if g.dep_ == "nmod"]]
    for c in near:
        if c.dep_ not in ("obl", "advmod", "nmod") or c.i < tok.i:
            continue
        if not (c.lower_ in words("late_times") or has_lemma(c, words("late_times"))):
            continue
        marks = [x for x in c.children if x.lower_ in only] + [
            doc[c.i - k] for k in (1, 2) if c.i - k > tok.i and doc[c.i - k].lower_ in only]
        marks += [x for x in c.children if x.dep_ == "amod" and has_lemma(x, words("last_moment"))]
        if marks:
            late = [*marks, *_cases(c), c]
            break
    agent = _agent(tok)
    across = None
    if agent is None or not _agrees(tok, agent):
        across = _subject_across_relative(tok)  # «площадка, которую мы арендуем, сообщила только вчера»
        agent = across or agent
    if not late and agent is not None and _is_client(agent):
        # «Вы пришли на 40 минут позже, поэтому …», «Вы вернули товар позднее срока»
        late = [c for c in tok.children if c.dep_ == "advmod" and (
            c.lower_ in words("late_comparatives") or has_lemma(c, words("late_comparatives")) and morph(c, "Degree") == "Cmp")]
    if not late or not (_explanatory(tok) or agent is not None and agent.i < tok.i and agent.sent.start == tok.sent.start
                        and _explanatory(agent)):
        return None
    if agent is None or _is_company_np(agent) or _in_quotes(agent):
        return None
    if _is_client(agent):
        return CLIENT, [agent, tok, *late]
    if _is_agent(agent):
        return THIRD, [*_noun_phrase(agent), tok, *late]
    return None


def _not_ours(tok):
    """«перевозчик не наш», «Этот склад не наш, а партнёра»: the company
    disowns whoever did the work (not «Это не наш заказ», where «наш» only
    qualifies a noun)."""
    if lemma(tok) not in ("наш", "мой") or tok.pos_ not in ("DET", "ADJ", "PRON") or not negated(tok):
        return None
    subj = next((c for c in tok.children if c.dep_.startswith("nsubj")), None)
    if subj is None or not is_noun(subj) or subj.pos_ == "PRON" or not _is_agent(subj) or _is_client(subj):
        return None
    return DENIAL, [*_noun_phrase(subj), *_with_neg(tok), tok]


def _counterfactual(tok):
    """«Если бы условия были прочитаны до покупки, этого вопроса не возникло
    бы», «Если бы Вы не опоздали, урок бы состоялся», «Если бы курьер
    позвонил, недоразумения бы не было»: a deed the Клиент (or a party) did
    or failed to do, in a counterfactual whose result is the trouble avoided.
    The trigger is «если бы»; the company's own deed («если бы мы проверили»)
    owns the fault; both halves negated («Если бы Вы не помогли, мы бы не
    нашли») is gratitude."""
    doc, sent = tok.doc, tok.sent
    if tok.i + 1 < sent.end and doc[tok.i + 1].lower_ in ("бы", "б") and tok.lower_ != "если":
        return _bare_counterfactual(tok)
    if tok.lower_ != "если" or tok.i + 1 >= sent.end or doc[tok.i + 1].lower_ not in ("бы", "б"):
        return None
    stops = (",", "—", "–", ":", ";")
    lead = tok.i > sent.start and any(not t.is_punct for t in doc[sent.start:tok.i])
    end = next((t.i for t in doc[tok.i + 2:sent.end] if t.text in stops), None)
    if end is None and lead:  # «Этого бы не случилось, если бы Вы проверили адрес.»
        end = sent.end - 1 if doc[sent.end - 1].is_punct else sent.end
    if end is None:
        return None
    cond = doc[tok.i + 2:end]
    main = doc[sent.start:tok.i] if lead else doc[end + 1:sent.end]

    def neg(span):
        return any(t.lower_ in ("не", "ни", "нет") for t in span) or _any(span, "avoid_verbs")
    deeds = [t for t in cond if t.pos_ == "VERB" and _past(t) and not has_lemma(
        t, words("not_omissions") | words("receive_verbs") | frozenset({"хотеть", "захотеть", "знать", "мочь"}))]
    if not deeds or not any(t.pos_ in ("VERB", "AUX") for t in main):
        return None
    deed = deeds[0]
    if neg(cond) == neg(main):
        return None  # «Если бы Вы не помогли, мы бы не нашли»: thanks, not blame
    passive = morph(deed, "VerbForm") == "Part" and morph(deed, "Voice") == "Pass"
    if passive:
        agent = next((c for c in deed.children if c.dep_ in ("obl", "obl:agent") and morph(c, "Case") == "Ins"
                      and (_is_client(c) or _is_company(c) or _is_agent(c))), None)
        if agent is None:
            if not has_lemma(deed, words("diligence_verbs") | words("entry_verbs")):
                return None  # «если бы посылка была упакована лучше»: whose packing?
            return CLIENT, [tok, doc[tok.i + 1], *_with_neg(deed), deed]
    else:
        agent = _subject(deed)
        if agent is None or agent.i < tok.i or agent.i >= end:
            agent = _loose_subject(deed)
    if agent is None or agent.i < tok.i or agent.i >= end or _is_company(agent):
        return None
    if _is_client(agent):
        return CLIENT, [tok, doc[tok.i + 1], agent, *_with_neg(deed), deed]
    if agent.pos_ != "PRON" and _is_agent(agent):
        return THIRD, [tok, doc[tok.i + 1], *_noun_phrase(agent), *_with_neg(deed), deed]
    return None


def _bare_counterfactual(tok):
    """«Вынули бы наушники — ничего бы и не случилось», «Проверили бы адрес,
    посылка пришла бы вовремя»: a counterfactual without «если» — the
    sentence opens with a past plural verb and «бы» (the Клиент, unnamed or
    «Вы»), and the clause after the break says the trouble would be avoided."""
    doc, sent = tok.doc, tok.sent
    first = next((t for t in sent if t.is_alpha), None)
    if first is None or first.i != tok.i or tok.pos_ != "VERB" or not _past(tok) or morph(tok, "Number") != "Plur":
        return None
    agent = _subject(tok)
    if agent is not None and not _is_client(agent) and (agent.pos_ == "PRON" or _is_agent(agent)):
        return None  # «Помогли бы мы …», «Курьеры приехали бы …» (an inanimate «subject» is the misread object)
    end = next((t.i for t in doc[tok.i + 2:sent.end] if t.text in (",", "—", "–", ":", ";")), None)
    if end is None:
        return None
    main = doc[end + 1:sent.end]
    if not any(t.lower_ in ("бы", "б") for t in main) or not any(t.lower_ in ("не", "ни", "нет") for t in main):
        return None
    return CLIENT, [tok, doc[tok.i + 1]]


def _never_done(tok):
    """«…, а Вы его так и не подписали», «Вы так и не прислали акт»: the
    Клиент's omission told as a reproach («так и не»). Not a question, a
    condition, receiving or being able («Вы так и не получили заказ?», «жаль,
    что Вы так и не смогли прийти»)."""
    if tok.pos_ != "VERB" or not _past(tok) or not negated(tok) or is_question(tok) or _in_condition(tok):
        return None
    doc = tok.doc
    if tok.i < 3 or [doc[tok.i - 3].lower_, doc[tok.i - 2].lower_, doc[tok.i - 1].lower_] != ["так", "и", "не"]:
        return None
    if has_lemma(tok, words("receive_verbs") | words("not_omissions") | words("not_reproach_verbs")):
        return None
    subj = _subject(tok)
    if subj is None or not _is_client(subj):
        subj = _loose_subject(tok)  # «…, а Вы его так и не подписали» with «Вы» hung on the clause before
    if subj is None or not _is_client(subj):
        return None
    return CLIENT, [subj, *doc[tok.i - 3:tok.i], tok]


def _fatalism(tok):
    """«Водитель попал в пробку, тут уж ничего не поделаешь», «что поделать»,
    «ничего не попишешь»: in a reply to trouble the company shrugs the fault
    off as nobody's to fix. Not a question («Что поделать с этим?»)."""
    if not has_lemma(tok, words("fatalism_verbs")) or is_question(tok):
        return None
    doc = tok.doc
    prev = [doc[j] for j in range(max(tok.sent.start, tok.i - 3), tok.i)]
    low = [t.lower_ for t in prev]
    for opener, between in (("ничего", ("не", "уж", "тут")), ("что", ("тут", "же"))):
        if opener in low:  # «ничего (уж) не поделаешь», «что (тут) поделать»
            k = len(low) - 1 - low[::-1].index(opener)
            if all(w in between for w in low[k + 1:]) and (opener != "ничего" or low[-1] == "не"):
                return DENIAL, [*prev[k:], tok]
    return None


def _entered_wrong(tok):
    """In a reply to trouble, data entered wrong in an agentless passive:
    «Видимо, код был введён неправильно», «Пароль набран с ошибкой», «номер
    при регистрации был указан неверно» — who enters it is the Клиент. Not a
    guess followed by advice («Возможно, адрес указан неверно — проверьте
    его»), not when the company owns the slip."""
    if tok.pos_ != "VERB" or morph(tok, "VerbForm") != "Part" or morph(tok, "Voice") != "Pass" or negated(tok):
        return None
    if not has_lemma(tok, words("entry_verbs")) or tok.dep_ not in ("ROOT", "conj", "parataxis", "ccomp"):
        return None
    if not _past(tok) or any(c.dep_ in ("obl", "obl:agent") and morph(c, "Case") == "Ins" and (
            _is_client(c) or _is_company(c) or _is_agent(c)) for c in tok.children):
        return None  # a named doer is the other probes' business
    wrong = words("wrong")
    marks = [c for c in tok.children if c.dep_ == "advmod" and has_lemma(c, wrong)]
    marks += [m for c in tok.children if c.dep_ == "obl" and _with_mistake(c) for m in (c, *_cases(c))]
    if not marks:
        return None
    doc, sent = tok.doc, tok.sent
    if any(w.lower_ in words("hedge_words") for w in sent):
        later = [*sent, *(doc[sent.end].sent if sent.end < len(doc) else [])]
        if any(morph(t, "Mood") == "Imp" and morph(t, "Person") == "2" for t in later):
            return None  # a guess with advice: troubleshooting
    return CLIENT, [tok, *marks]


def _suspected_damage(tok):
    """In a reply to trouble, a guess that somebody unnamed damaged the thing:
    «Видимо, ножки стула перетянули при сборке», «Коробку, скорее всего,
    помяли в пункте выдачи», «Куртку, судя по всему, стирали при высокой
    температуре» — a damaging verb in the indefinite-personal past (3rd
    plural, no subject) under a guess word. Whoever it was, it was not the
    company, the draft implies. Not negated, not with a subject («мы помяли»
    owns it), not a question or a condition."""
    if tok.pos_ != "VERB" or negated(tok) or not has_lemma(tok, words("damage_verbs")):
        return None
    parse = top_parse(tok)
    plural_past = parse is not None and parse.tag.POS == "VERB" and "past" in parse.tag and "plur" in parse.tag
    if not plural_past:  # the tagger may call «помяли» a converb; pymorphy3 knows the past plural
        return None
    if tok.dep_ not in ("ROOT", "conj", "parataxis", "ccomp", "advcl"):
        return None
    for c in tok.children:
        if c.dep_.startswith("nsubj") and not (is_noun(c) and c.pos_ != "PRON" and morph(c, "Animacy") == "Inan"
                                               and c.i < tok.i and not _is_party(c)):
            return None  # a doer is named («мы помяли», «грузчики помяли»); «ножки перетянули» is the object
    sent = tok.sent
    guess = [w for w in sent if (has_lemma(w, words("guess_words")) or w.lower_ in words("guess_words"))
             and abs(w.i - tok.i) <= 8]
    if not guess:
        return None
    places = [c for c in tok.children if c.dep_ == "obl" and is_noun(c)
              and any(x.lower_ in ("в", "во", "на") for x in _cases(c))]
    if any(lemma(x) == "наш" for c in places for x in c.subtree):
        return None  # «помяли на нашем складе»: the company's own place
    if places:
        return THIRD, [tok]  # «помяли в пункте выдачи»: put on whoever works there
    return CLIENT, [tok]


def _not_our_people(tok):
    """In a reply to trouble, the doer of a past deed contrasted with our own
    people: «Шланг подключал сторонний мастер, а не наш монтажник», «Коробку
    вскрывал курьер, а не наши сотрудники», «Замок менял сторонний слесарь, не
    наш». ``tok`` is the negated «наш» (or its noun); the contrasted doer is
    the noun it is conjoined to, or the verb's subject or object before it."""
    if lemma(tok) != "наш" or not _negated_near(tok):
        return None
    noun = tok.head if tok.head.i != tok.i and is_noun(tok.head) else None
    anchor = noun if noun is not None and noun.i > tok.i else tok  # «не наш монтажник» / «…, не наш»
    head = anchor.head
    if anchor is noun and noun.dep_ not in ("conj", "appos"):
        return None
    doer = None
    if is_noun(head) and head.i < tok.i:
        doer = head
    elif head.pos_ == "VERB":
        doer = next((c for c in head.children if c.dep_ in ("nsubj", "obj") and is_noun(c) and c.i < tok.i
                     and morph(c, "Animacy") == "Anim"), None)
    if anchor is tok and noun is not None and noun.i < tok.i:
        doer = noun  # «сторонний слесарь, не наш»
    if doer is None or not (morph(doer, "Animacy") == "Anim" or _is_party(doer) or _is_organisation(doer)):
        return None
    verb = doer.head if doer.head.pos_ == "VERB" else head
    ours = range(tok.i - 2, tok.i)
    if verb.pos_ != "VERB" or not _past(verb) or any(
            c.lower_ == "не" and c.i not in ours for c in verb.children):
        return None  # «не наш склад отгрузил»: the «не» of «наш» is not the verb's
    return THIRD, [doer, *[t for t in tok.doc[tok.i - 2:tok.i] if t.lower_ in ("а", "не")], tok]


def _negated_near(tok) -> bool:
    """A «не» right before the word (or before «а не»)."""
    before = [t.lower_ for t in tok.doc[max(tok.sent.start, tok.i - 2):tok.i]]
    return "не" in before


def _organisation_at_fault(toks) -> bool:
    """Among the words of a finding, a party or an organisation — not just a
    person («Преподаватель не пришёл» is left alone here): «Монтажники
    подрядчика», «агентство, с которым мы работаем», «фабрика-партнёр»."""
    return any(is_noun(t) and t.pos_ != "PRON" and (_is_party(t) or _is_organisation(t) or _works_with_us(t))
               for t in toks)


def _misread_finite(verb) -> bool:
    """A finite past verb the tagger took for a converb («фабрика … не
    уложилась в сроки» tagged VerbForm=Conv): pymorphy3 reads it as a past
    indicative."""
    if morph(verb, "VerbForm") != "Conv":
        return False
    parse = top_parse(verb)
    return parse is not None and parse.tag.POS == "VERB" and "past" in parse.tag and "indc" in parse.tag


_GENDERS = {"masc": "Masc", "femn": "Fem", "neut": "Neut"}
_NUMBERS = {"sing": "Sing", "plur": "Plur"}


def _agreement(tok, verb: bool) -> tuple[str, str]:
    """(number, gender) of a past verb or of a noun; pymorphy3 for what the
    tagger misread (a verb taken for a converb, a hyphenated compound by its
    first part: «фабрика-партнёр» is feminine singular)."""
    if verb and morph(tok, "VerbForm") != "Conv" or not verb and "-" not in tok.text:
        return morph(tok, "Number"), morph(tok, "Gender")
    word = tok.lower_ if verb else tok.lower_.split("-")[0]
    parse = next((p for p in analyzer().parse(word)[:3] if p.tag.POS == ("VERB" if verb else "NOUN")), None)
    if parse is None:
        return morph(tok, "Number"), morph(tok, "Gender")
    return _NUMBERS.get(parse.tag.number, ""), _GENDERS.get(parse.tag.gender, "")


def _agrees(verb, noun) -> bool:
    """A past verb and a would-be subject agree in number and, in the
    singular, in gender («агентство … прислало», not «Преподаватель …
    прислало»)."""
    vnum, vgen = _agreement(verb, True)
    if lemma(noun) in ("вы", "мы", "они"):
        return vnum in ("Plur", "")
    nnum, ngen = _agreement(noun, False)
    if vnum and nnum and vnum != nnum:
        return False
    return not (vnum == "Sing" and vgen and ngen and vgen != ngen)


def _relative_opener(tok) -> bool:
    return tok.lower_.startswith("котор") or tok.lower_ in words("relative_words")


def _subject_across_relative(verb):
    """The subject of ``verb`` standing before a relative clause set off by
    commas: «кадровое агентство, с которым мы работаем, так и не прислало
    замену», «фабрика-партнёр, куда мы отправляем пух, не уложилась в сроки».
    The noun is in the nominative and agrees with the verb."""
    doc, sent = verb.doc, verb.sent
    lo, _ = _clause_range(verb)
    if lo - 2 < sent.start or doc[lo - 1].text != ",":
        return None
    if any(t.pos_ in ("NOUN", "PROPN", "PRON") and morph(t, "Case") in ("Nom", "") for t in doc[lo:verb.i]):
        return None  # the clause has a subject of its own
    rel_lo, _ = _clause_range(doc[lo - 2])
    if not any(_relative_opener(t) for t in doc[rel_lo:min(rel_lo + 3, lo - 1)]):
        return None
    if rel_lo - 2 < sent.start or doc[rel_lo - 1].text != ",":
        return None
    noun = doc[rel_lo - 2]
    if not is_noun(noun) or noun.pos_ == "PRON" or _cases(noun):
        return None
    if "-" not in noun.text and morph(noun, "Case") not in ("Nom", ""):
        return None
    return noun if _agrees(verb, noun) else None


def _machine_fault(tok):
    """«из-за сбоя в программе кассы», «вызвано сбоем кассового программного
    обеспечения», «Ошибка в программе кассы привела к двойному списанию»: a
    fault of a machine or programme named by what it belongs to, given as the
    cause (a bare «сбой в системе» only says where)."""
    if not is_noun(tok) or not has_lemma(tok, words("machine_faults")) or _negated(tok):
        return None
    cause = [c for c in tok.children if c.lower_ in ("из-за", "вследствие") and c.i < tok.i]
    if not cause and tok.dep_ == "nmod" and lemma(tok.head) in ("причина", "результат") and any(
            x.lower_ in ("по", "в") for x in tok.head.children):
        cause = [tok.head]
    if not cause and tok.dep_ in ("obl", "obl:agent") and morph(tok, "Case") == "Ins" \
            and has_lemma(tok.head, words("cause_verbs") | words("lead_verbs")):
        cause = [tok.head]  # «вызвано сбоем …»
    if not cause and tok.dep_.startswith("nsubj") and has_lemma(tok.head, words("lead_verbs")) \
            and not _negated(tok.head):
        cause = [tok.head]  # «Ошибка в программе кассы привела к …»
    if not cause:
        return None
    for c in tok.children:
        if c.dep_ != "nmod" or c.i < tok.i or not is_noun(c) or not has_lemma(c, words("system_nouns")):
            continue
        if _is_own(c) or any(lemma(x) in ("ваш", "твой") for x in c.children):
            return None  # «сбой в нашей программе»: our own
        named = [g for g in c.children if g.dep_ in ("amod", "nmod") and g.i != c.i and not _cases(g)
                 and lemma(g) not in words("own") and not _is_company_np(g)]
        if named:
            return THIRD, [*[x for x in cause if x.i < tok.i], tok, *_cases(c), c, *named]
    return None


def _short_deed(tok):
    """«Ферма недопоставила молоко», «склад недогрузил машину», «Курьер недодал
    сдачу»: a deed of the prefix «недо-» (done short) by anybody but the
    company and the Клиент."""
    low = tok.lower_.replace("ё", "е")
    if not low.startswith("недо") or len(low) < 7 or tok.pos_ in ("ADV", "ADP", "PRON", "PROPN") or negated(tok):
        return None
    parses = [p for p in analyzer().parse(low)[:2] + analyzer().parse(low[4:])[:2]
              if p.tag.POS == "VERB" and "past" in p.tag]
    if not parses:
        return None
    normal = parses[0].normal_form
    if not normal.startswith("недо"):
        normal = "недо" + normal
    if normal.replace("ё", "е") in words("not_short_deeds") or has_lemma(tok, words("not_short_deeds")):
        return None
    subj = _loose_subject(tok)
    if subj is None or _is_company_np(subj) or _is_client(subj) or not _is_any_other(subj) \
            or subj.lower_.endswith(tuple(words("abstract_suffixes"))):
        return None
    return THIRD, [*_noun_phrase(subj), tok]


def _claims_to_them(tok):
    """«тут претензии к нему», «претензия к ним, а не к нам», «к нему и все
    вопросы»: in a clause without a verb the Клиент's claims are addressed to
    somebody else («Претензии не к нам» — the company clears itself)."""
    if not is_noun(tok) or not has_lemma(tok, words("claim_nouns") | words("question_nouns")):
        return None
    doc = tok.doc
    if tok.i > tok.sent.start and doc[tok.i - 1].lower_ == "по" or any(c.lower_ == "по" for c in tok.children):
        return None  # «по вопросам оплаты …» names a topic
    lo, hi = _clause_range(tok)
    # «…, а не к нам» after a comma belongs to the same claim
    while hi + 2 < tok.sent.end and doc[hi + 1].text == "," and doc[hi + 2].lower_ in ("а", "не"):
        hi = _clause_range(doc[hi + 2])[1]
    clause = doc[lo:hi + 1]
    if any(t.pos_ in ("VERB", "AUX") and t.i != tok.i or t.lower_ in ("можно", "нужно", "надо") for t in clause):
        return None
    target = denied = None
    for t in clause:
        if t.i == 0 or doc[t.i - 1].lower_ not in ("к", "ко"):
            continue
        ours = lemma(t) in ("мы", "я") or _is_company_np(t) or _is_own(t)
        if ours and t.i >= 2 and doc[t.i - 2].lower_ == "не":
            denied = denied or t
        elif not ours and not _is_client(t) and (
                t.pos_ == "PRON" and lemma(t) in ("он", "она", "они") or is_noun(t) and _is_agent(t)):
            target = target or t
    if target is not None:
        return THIRD, [tok, doc[target.i - 1], *(_noun_phrase(target) if target.pos_ != "PRON" else [target])]
    if denied is not None:
        return DENIAL, [tok, doc[denied.i - 2], doc[denied.i - 1], denied]
    return None


def _side_of(tok):
    """«ошибка произошла с Вашей стороны», «Со стороны банка произошёл сбой»,
    «Проблема на Вашей стороне»: a fault placed on the Клиент's side or on a
    party's."""
    if lemma(tok) != "сторона" or not is_noun(tok):
        return None
    doc = tok.doc
    case = [c for c in tok.children if c.lower_ in ("с", "со", "на")]
    first = min([tok.i, *[c.i for c in tok.children if c.i < tok.i]])
    if not case and first > 0 and doc[first - 1].lower_ in ("с", "со", "на"):
        case = [doc[first - 1]]
    if not case:
        return None
    yours = [c for c in tok.children if lemma(c) in ("ваш", "твой")]
    owner = None
    if not yours:
        owner = next((c for c in tok.children if c.dep_ in ("det", "nmod:poss") and c.lower_ in ("их", "его", "её", "ее")), None) \
            or next((c for c in tok.children if c.dep_ in ("nmod", "appos") and c.i > tok.i and not _cases(c)
                     and (_is_agent(c) or _is_client(c)) and not _is_company_np(c) and not _is_own(c)), None)
        if owner is None and tok.i + 1 < tok.sent.end and is_noun(doc[tok.i + 1]) \
                and morph(doc[tok.i + 1], "Case") == "Gen":
            nxt = doc[tok.i + 1]  # «Со стороны банка»: the parser made «со стороны» a fixed preposition
            if (_is_agent(nxt) or _is_client(nxt)) and not _is_company_np(nxt) and not _is_own(nxt):
                owner = nxt
        if owner is None:
            return None
    lo, hi = _clause_range(tok)
    clause = doc[lo:hi + 1]
    if any(t.lower_ in ("не", "нет", "ни", "без") for t in clause):
        return None  # «с Вашей стороны ошибки нет»
    faults = words("fault_nouns") | words("mistake_nouns") | words("late_nouns") | frozenset({"нарушение"})
    fault = next((t for t in clause if is_noun(t) and has_lemma(t, faults)), None)
    if fault is None:  # «пропуск срока допущен с Вашей стороны», «С Вашей стороны был пропущен срок»
        fault = next((t for t in clause if t.pos_ in ("VERB", "ADJ", "AUX") and has_lemma(t, words("side_fault_verbs"))
                      and morph(t, "Tense") != "Fut" and not is_question(t)), None)
    if fault is None:
        return None
    kind = CLIENT if yours or _is_client(owner) else THIRD
    who = yours or ([owner] if owner.pos_ in ("DET", "PRON") else _noun_phrase(owner))
    return kind, [fault, *case, *who, tok]


def _conduit(tok):
    """«Билеты выпускает оператор, мы только передаём данные», «Товар продаёт
    продавец, а мы лишь размещаем объявления»: the company a mere conduit beside
    the one who does the work."""
    parse = _verb_parse(tok)
    if not (tok.pos_ == "VERB" or parse is not None) or not has_lemma(tok, words("conduit_verbs")) or negated(tok):
        return None
    # (the listed verbs are imperfective: a finite form that is not past is present)
    # (the listed verbs are imperfective: a finite form that is not past is present,
    # whatever tense the tagger gave it)
    past = morph(tok, "Tense") == "Past" or morph(tok, "VerbForm") not in ("Fin", "") if parse is None \
        else "past" in parse.tag or "INFN" in parse.tag
    if past or morph(tok, "Mood") == "Imp":
        return None
    subj = _subject(tok)
    if subj is None:  # the tagger's adjective or participle hangs elsewhere: «мы» right before
        subj = next((t for t in reversed(tok.doc[max(tok.sent.start, tok.i - 3):tok.i]) if lemma(t) in ("мы", "я")), None)
    we = subj is not None and (lemma(subj) in ("мы", "я") or _is_company_np(subj)) or (
        subj is None and morph(tok, "Person") == "1")
    if not we:
        return None
    doc = tok.doc
    lo = subj.i + 1 if subj is not None and subj.i < tok.i else max(tok.sent.start, tok.i - 2)
    only = [t for t in doc[lo:tok.i] if t.lower_ in words("conduit_marks") or t.lower_ == "всего"]
    if not only or any(t.is_punct for t in doc[lo:tok.i]):
        return None
    start = tok.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    worker = [t for t in doc[start:tok.sent.end] if t.i != tok.i and is_noun(t) and t.pos_ != "PRON"
              and t.dep_.startswith("nsubj") and not _is_company_np(t) and not _is_client(t) and _is_agent(t)]
    if not worker:
        return None
    return DENIAL, [*([subj] if subj is not None and subj.i < tok.i else []), *only, tok]


def _not_with_us(tok):
    """«История хранится в облаке Apple Health, а не у нас», «Проблема не у
    нас, а у провайдера»: the company contrasts itself with where the trouble
    or the thing is."""
    if lemma(tok) not in ("мы", "я") or tok.i < 2:
        return None
    doc = tok.doc
    prep = doc[tok.i - 1]
    if prep.pos_ != "ADP" or prep.lower_ not in ("у", "в", "на", "от") or doc[tok.i - 2].lower_ != "не":
        return None
    sent = tok.sent
    # the counterpart: a place or holder named before («…, а не у нас») or after («не у нас, а у …»)
    if tok.i >= 3 and doc[tok.i - 3].lower_ == "а":
        span = doc[_clause_range(doc[tok.i - 5])[0] if tok.i - 5 >= sent.start else sent.start:tok.i - 3]
    else:
        rest = doc[tok.i + 1:sent.end]
        k = next((t.i for t in rest if t.lower_ == "а"), None)
        span = doc[k:_clause_range(doc[k + 1])[1] + 1] if k is not None and k + 1 < sent.end else doc[0:0]
    holder = None
    for t in span:
        if not is_noun(t) or _is_company_np(t) or _is_client(t) or _is_own(t):
            continue
        if _is_agent(t) or any(c.dep_ in ("nmod", "appos", "flat", "flat:foreign") and _is_agent(c) for c in t.children):
            holder = t
            break
    if holder is None:
        return None
    verb = next((t for t in doc[sent.start:sent.end] if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None and (morph(verb, "Tense") == "Fut" or morph(verb, "Mood") == "Imp"):
        return None  # «Позвонят от партнёра, а не от нас»: who will do it
    cases = _cases(holder) or ([doc[holder.i - 1]] if holder.i > 0 and doc[holder.i - 1].pos_ == "ADP" else [])
    return THIRD, [*cases, *_noun_phrase(holder), doc[tok.i - 2], prep, tok]


def _not_to_blame(tok):
    """«кассир здесь ни при чём», «Менеджер ни при чём, так сработала
    программа»: a staff member or a party cleared, so the cause lies elsewhere
    («Вы тут ни при чём» reassures the Клиент)."""
    if tok.lower_ not in ("чём", "чем", "причём", "причем"):
        return None
    doc = tok.doc
    k = tok.i - 2 if tok.lower_ in ("чём", "чем") else tok.i - 1
    if k < tok.sent.start or doc[k].lower_ != "ни" or (tok.lower_ in ("чём", "чем") and doc[tok.i - 1].lower_ != "при"):
        return None
    lo, _ = _clause_range(tok)
    who = [t for t in doc[lo:k] if (is_noun(t) or t.pos_ == "PRON") and morph(t, "Case") in ("Nom", "")]
    if not who or _is_client(who[0]) or lemma(who[0]) in ("это", "что", "кто"):
        return None
    return DENIAL, [who[0], doc[k], tok]


def _not_our_whim(tok):
    """«Переносы — не наша прихоть», «Это не наше решение»: the company disowns
    what happened."""
    if not is_noun(tok) or not has_lemma(tok, words("whim_nouns")):
        return None
    ours = [c for c in tok.children if lemma(c) == "наш" and c.dep_ != "conj"]
    if not ours:
        return None
    neg = [c for c in [*tok.children, *ours[0].children] if c.lower_ == "не"] or (
        [tok.doc[ours[0].i - 1]] if ours[0].i > 0 and tok.doc[ours[0].i - 1].lower_ == "не" else [])
    if not neg:
        return None
    return DENIAL, [*neg, *ours, tok]


def _consent(tok):
    """«итоговая сумма указана в акте, который Вы подписали», «Вы согласились
    с условиями тарифа»: in answer to a complaint, the Клиент's consent
    recalled to rebut it."""
    if tok.pos_ != "VERB" or negated(tok) or morph(tok, "Mood") == "Imp":
        return None
    if has_lemma(tok, words("warn_verbs")) and (morph(tok, "Tense") == "Past" or morph(tok, "VerbForm") == "Part"):
        # «Вас предупреждали о доплате», «Вы были уведомлены о сроках»
        passive = morph(tok, "Voice") == "Pass"
        told = [c for c in tok.children if (c.dep_ == "obj" or passive and c.dep_.startswith("nsubj"))
                and c.lower_ in ("вас", "вы", "тебя", "ты")]
        if told and tok.dep_ in ("ROOT", "conj", "parataxis"):
            return CLIENT, [*told, *[c for c in tok.children if c.lower_ in ("были", "был", "была")], tok]
        return None
    if not has_lemma(tok, words("consent_verbs")) or morph(tok, "Tense") != "Past":
        return None
    subj = _subject(tok)
    if subj is None or not _is_client(subj):
        return None
    if tok.dep_ in ("ROOT", "conj", "parataxis"):
        return CLIENT, [subj, tok]
    if tok.dep_ in ("acl:relcl", "acl") and is_noun(tok.head):
        doc_noun = tok.head
        cases = {c.lower_ for c in doc_noun.children if c.dep_ == "case"}
        if cases & {"в", "во", "по", "согласно"} or has_lemma(doc_noun.head, words("stated_verbs")):
            return CLIENT, [subj, tok]
    return None


_TROUBLE_ONLY = (_lesson, _consent, _stated_omission, _conduit, _counterfactual, _entered_wrong, _fatalism,
                 _suspected_damage, _not_our_people)
# Probes whose construction is itself a condition («Если бы Вы прочитали …»).
_CONDITIONAL = (_counterfactual,)
# Probes that put a slip on the Клиент without naming him: quiet when the
# company owns the fault anywhere in the reply.
_OWNED_QUIET = (_counterfactual, _entered_wrong, _suspected_damage, _not_our_people)


# --- the company owns the fault ------------------------------------------

def _company_owns_fault(ctx) -> bool:
    """«Это наша ошибка», «мы виноваты», «наша ответственность», «мы
    ошиблись», «причина в нас» anywhere in the company's own words."""
    return any(_owns_fault(tok) and speaker_ok(ctx, tok) and not is_question(tok) and not _in_condition(tok)
               for tok in ctx.doc if not tok.is_punct and not tok.is_space)


def _owns_fault(tok) -> bool:
    if tok.pos_ == "NOUN" and has_lemma(tok, words("own_fault_nouns")):
        dets = [c for c in tok.children if lemma(c) in ("наш", "мой")]
        if dets and not _negated(tok) and not any(_negated(d) for d in dets):
            return True
        if any(c.dep_ == "acl:relcl" and any(lemma(s) in ("мы", "я") for s in c.children) for c in tok.children):
            return True  # «ошибка, которую мы допустили»
    if tok.pos_ == "NOUN" and has_lemma(tok, words("own_fault_nouns") | words("fault_nouns")) and not _negated(tok) \
            and tok.dep_.startswith("nsubj") and not _negated(tok.head) and not (
                has_lemma(tok.head, words("frequency_verbs")) and morph(tok.head, "Tense") != "Past") and any(
                c.dep_ == "obl" and lemma(c) in ("мы", "я") and any(x.lower_ == "у" for x in c.children)
                and not _np_negated(c) for c in tok.head.children):
        return True  # «у нас произошла накладка»: the fault placed with us («сбои у нас случаются редко» is a rate)
    if tok.pos_ in ("VERB", "ADJ") and has_lemma(tok, words("own_fault_verbs")) and not negated(tok):
        subj = _subject(tok)
        if subj is not None and _is_company(subj) and not negated(subj):
            return True
    if lemma(tok) == "причина" and any(
            lemma(c) in ("мы", "я") and any(x.lower_ == "в" for x in c.children) for c in tok.children):
        return True
    return _we_did_wrong(tok)


def _we_did_wrong(tok) -> bool:
    """The company tells its own slip: «это мы неверно указали номер», «мы
    перепутали заказы», «я ввела адрес с ошибкой» — a past deed of «мы» done
    wrong, or a mistake verb («Курьер здесь ни при чём — это мы неверно
    указали …» clears the courier and owns the fault)."""
    if tok.pos_ != "VERB" or not _past(tok) or _negated(tok) or morph(tok, "Mood") == "Imp":
        return False
    subj = _subject(tok)
    if subj is None or lemma(subj) not in ("мы", "я") or negated(subj):
        return False
    if has_lemma(tok, words("fault_verbs")):
        return True
    return any(c.dep_ == "advmod" and has_lemma(c, words("wrong") | words("careless_marks")) for c in tok.children) or any(
        c.dep_ == "obl" and _with_mistake(c) for c in tok.children)


# --- rewrite: ownership instead of blame --------------------------------------

_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}


def _matches(ctx, sent, owned) -> list:
    out = []
    for tok in sent:
        if tok.is_punct or tok.is_space:
            continue
        found = _blame_probe(tok)
        if found is not None and found[0] in _TROUBLE_ONLY and not _answers_trouble(ctx):
            found = _blame_probe(tok, trouble=False)
        if found is None:
            continue
        probe, (kind, toks) = found
        if _excused(tok, kind, owned, probe) or not speaker_ok(ctx, tok):
            continue
        out.append((probe, kind, tok, toks))
    return out


def _rewrite(ctx, sent, owned):
    """((start, end), text): every blame in the sentence turned into
    ownership; the whole sentence replaced when that cannot be done word by
    word, or when the result would still shift the blame."""
    edits: list[tuple[int, int, str]] = []
    for probe, kind, tok, toks in _matches(ctx, sent, owned):
        own = _own(sent, probe, kind, tok, toks)
        if own is None:
            return _whole(sent)
        for a, b, text in own:
            if not any(a <= y and x <= b for x, y, _ in edits):
                edits.append((a, b, text))
    if not edits:
        return _whole(sent)
    doc = sent.doc
    first, last = min(a for a, _, _ in edits), max(b for _, b, _ in edits)
    replace, drop = {}, set()
    for a, b, text in edits:
        replace[a] = text
        drop |= set(range(a + 1, b + 1))
    text = rebuild(doc, first, last, replace=replace, drop=drop)
    edit = _fit(sent, first, last, text)
    if _still_blames(ctx, sentence_after(sent, edit)):
        return _whole(sent)
    return edit


def _fit(sent, first: int, last: int, text: str):
    doc = sent.doc
    start = next(t for t in sent if not t.is_space and not t.is_punct)
    text = capitalise_first(text) if first <= start.i else text
    return (doc[first].idx, doc[last].idx + len(doc[last].text)), text


def _whole(sent):
    words = [t for t in sent if not t.is_space]
    body = [t for t in words if not t.is_punct] or words
    text = render("blame-shifting", "own_end")
    return (body[0].idx, body[-1].idx + len(body[-1].text)), capitalise_first(text)


def _still_blames(ctx, sentence: str) -> bool:
    doc = ctx.parse(sentence)
    for t in doc:
        if t.is_punct or t.is_space:
            continue
        found = _blame(t)
        if found is not None and not _excused(t, found[0], False):
            return True
    return False


def _subtree_range(tok) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i


def _own(sent, probe, kind, tok, toks):
    """Edits (first index, last index, text) that give the blame back to the
    company, or None."""
    if kind == DENIAL and any(c.dep_ == "conj" and any(x.lower_ in ("а", "но") for x in c.children)
                              and c.pos_ in ("NOUN", "PROPN", "PRON", "DET") for c in tok.children):
        return None  # «не наша вина, а службы доставки»: the whole sentence
    if probe in (_client_thing, _arose_in_use, _done_from_yours, _not_permitted, _their_demand, _client_absent,
                 _never_did, _late_deed, _not_ours, _counterfactual, _entered_wrong) or (
            probe is _fault_verb and _elided_fault(tok)):
        return None  # the blame is the sentence's point: it is rewritten as a whole
    if probe in (_fault_verb, _failed_verb, _answers_for, _no_responsibility, _client_wrong) and kind == THIRD:
        agent = _agent(tok) if probe in (_fault_verb, _failed_verb) else _subject(tok)
        if agent is None:
            return None
        if morph(tok, "Voice") == "Pass" and morph(agent, "Case") == "Ins":
            return _passive(sent, tok, agent)
        return [_we(tok, agent)]
    if probe is _guilty and kind == THIRD:
        a = min(t.i for t in toks)
        party = [t for t in toks if t.i != tok.i and is_noun(t)]
        b = max([t.i for t in toks] + [t.i for p in party for t in np_tokens(p)])
        return [(a, b, templates("blame-shifting")["own"]), *_pronoun_subjects(sent, b)]
    if probe is _guilt_noun:
        return _guilt_noun_own(sent, kind, tok)
    if probe is _because_of:
        doer = _action_doer(tok) if not _is_agent(tok) else None
        if doer is not None and lemma(tok.head) == "причина":
            return [_our_action(tok, doer)]  # «по причине сбоя у банка» → «по причине нашего сбоя»
        return [_as_us(tok)]
    if probe is _side_fault:
        return [_to_our_side(tok)]
    if kind == CLIENT and probe in (_client_wrong, _fault_verb, _failed_verb):
        obj = _object(tok)
        if obj is not None:
            wrong = {c.i for c in obj.children if c.dep_ in ("amod", "det") and (
                has_lemma(c, words("wrong")) or c.lower_ == "тот" or negated(c))
                or c.dep_ == "nmod" and _with_mistake(c)}
            wrong |= {g.i for c in obj.children if c.i in wrong for g in c.subtree}
            return _clause(sent, tok, "client_object", object=Phrase(obj, np_tokens(obj, drop=wrong)))
        return _clause(sent, tok, "own")
    if probe is _deontic:
        inf = next((c for c in tok.children if morph(c, "VerbForm") == "Inf"), None)
        edit = _clause(sent, tok, "deontic", what=Phrase(inf)) if inf is not None else None
        return edit or _clause(sent, tok, "deontic_plain")
    if kind == DENIAL or kind == CLIENT:
        what = _answered_for(tok)
        if what is not None:
            edit = _clause(sent, tok, "own_for", what=Phrase(what))
            if edit is not None:
                return edit
        return _clause(sent, tok, "own")
    return None


def _object(verb):
    for c in verb.children:
        if c.dep_ == "obj" and is_noun(c):
            return c
    for c in verb.children:  # «не успели доставить заказ»
        if c.dep_ == "xcomp":
            for g in c.children:
                if g.dep_ == "obj" and is_noun(g):
                    return g
    return None


def _answered_for(tok):
    """What the company refuses to answer for: «за качество» of «не несём
    ответственности за качество», the subject of «не зависят»."""
    pred = tok if tok.pos_ in ("VERB", "ADJ", "AUX") else tok.head
    for c in pred.children:
        if c.dep_ in ("obl", "nmod") and is_noun(c) and any(x.lower_ == "за" for x in c.children):
            return c
    for c in tok.children:
        if c.dep_ == "nmod" and is_noun(c) and any(x.lower_ == "за" for x in c.children):
            return c
    if has_lemma(pred, words("depend_verbs")):
        subj = _subject(pred)
        if subj is not None and is_noun(subj):
            return subj
    return None


def _we(verb, agent):
    """«Курьерская служба не успела» → «мы не успели», «Заказ задержал склад»
    → «Заказ мы задержали»."""
    doc = verb.doc
    neg = [c.i for c in verb.children if c.lower_ == "не" and c.i < verb.i]
    anchor = min([verb.i, *neg])
    doc = verb.doc

    def joined(c):  # another subject right next to the agent, not across a comma
        lo, hi = sorted((c.i, agent.i))
        return not any(t.is_punct for t in doc[lo:hi])
    agents = [agent] + [c for c in verb.children if c.dep_.startswith("nsubj") and c.i != agent.i and c.i < verb.i
                        and joined(c)]
    a0, b0 = _np_range(agents)
    between = doc[b0 + 1:anchor]
    if b0 < anchor and len(between) and all(t.pos_ == "ADV" for t in between):
        anchor = b0 + 1  # «Курьер неправильно указал» → «Мы неправильно указали»
    first, last = min(a0, anchor), max(b0, verb.i)
    # «они сами отвечают» → «мы отвечаем»: the emphasis went with the party
    selves = {c.i for c in [*verb.children, *agent.children] if c.lower_ in ("сами", "сам", "сама")
              and first <= c.i <= last}
    replace = {verb.i: we_form(verb)}
    for c in verb.children:
        if c.dep_ in ("obj", "iobj") and c.lower_ in ("нас", "нам"):  # «Поставщик подвёл нас» → «Мы подвели Вас»
            replace[c.i] = "Вас" if c.lower_ == "нас" else "Вам"
        if c.dep_ == "conj" and c.pos_ == "VERB" and morph(c, "Tense") == "Past" and not any(
                g.dep_.startswith("nsubj") for g in c.children):
            replace[c.i] = we_form(c)  # «не дождался и уехал» → «не дождались и уехали»
    last = max(last, *[i for i in replace if i > verb.i]) if any(i > verb.i for i in replace) else last
    text = rebuild(doc, first, last, replace=replace, drop={*range(a0, b0 + 1), *selves},
                   before={anchor: templates("blame-shifting")["we"]})
    return first, last, text


def _passive(sent, verb, agent):
    """«Посылка повреждена курьером» → «Посылка повреждена — это наша
    ответственность»."""
    return _clause(sent, verb, "own_passive", clause=None, _drop=_np_range([agent]))


def _np_range(nouns) -> tuple[int, int]:
    """First and last index of the noun phrases of ``nouns`` (their
    modifiers and genitives, not the clauses hanging on them)."""
    idx = [t.i for n in nouns for t in np_tokens(n, prepositional=False)]
    return min(idx), max(idx)


def _pronoun_subjects(sent, after: int) -> list:
    """«Виновата транспортная компания: она отправила …» — the party's
    pronoun becomes «мы» too."""
    out = []
    for t in sent:
        if t.i <= after or t.pos_ != "PRON" or lemma(t) not in _THIRD_PERSON:
            continue
        verb = t.head
        if t.dep_.startswith("nsubj") and verb.pos_ in ("VERB", "AUX", "ADJ") and verb.i > t.i:
            out.append((t.i, verb.i, rebuild(t.doc, t.i, verb.i, replace={
                t.i: templates("blame-shifting")["we"], verb.i: we_form(verb)})))
    return out


def _as_us(noun):
    """The party's noun phrase after a preposition becomes «нас» in its case
    («из-за курьерской службы» → «из-за нас», «у провайдера» → «у нас»)."""
    a, b = _subtree_range(noun)
    while noun.doc[a].dep_ == "case" and a < noun.i:
        a += 1
    case = _CASE.get(morph(noun, "Case"), "gent")
    we = inflect_word(templates("blame-shifting")["we"], {case}, "PRON")
    return a, b, we


def _our_action(noun, doer):
    """«сбоя у банка-партнёра» → «нашего сбоя»."""
    a0, b0 = _subtree_range(doer)
    gram = {_CASE.get(morph(noun, "Case"), "gent"), "plur" if morph(noun, "Number") == "Plur" else "sing"}
    gender = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}.get(morph(noun, "Gender"))
    if "sing" in gram and gender:
        gram.add(gender)
    our = inflect_word(templates("blame-shifting")["our"], gram, "DET")
    first, last = min(noun.i, a0), max(noun.i, b0)
    return first, last, rebuild(noun.doc, first, last, drop=set(range(a0, b0 + 1)), before={noun.i: our})


def _to_our_side(side):
    """«на стороне Zoom» → «на нашей стороне»."""
    owner = _side_owner(side)
    a0, b0 = (owner.i, owner.i) if owner.pos_ in ("DET", "PRON") else _subtree_range(owner)
    gram = {_CASE.get(morph(side, "Case"), "loct"), "sing", "femn"}
    our = inflect_word(templates("blame-shifting")["our"], gram, "DET")
    first, last = min(side.i, a0), max(side.i, b0)
    return first, last, rebuild(side.doc, first, last, drop=set(range(a0, b0 + 1)), before={side.i: our})


def _guilt_noun_own(sent, kind, noun):
    owner = _owner(noun)
    if owner is not None and kind in (THIRD, CLIENT) and lemma(owner) not in words("own"):
        doc = noun.doc
        a0, b0 = (owner.i, owner.i) if owner.pos_ in ("DET", "PRON") else _subtree_range(owner)
        mods = [c.i for c in noun.children if c.dep_ in ("amod", "det") and c.i < noun.i and c.i != owner.i]
        anchor = min([noun.i, *mods])
        gram = {_CASE.get(morph(noun, "Case"), "nomn")}
        number = "plur" if morph(noun, "Number") == "Plur" else "sing"
        gram.add(number)
        gender = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}.get(morph(noun, "Gender"))
        if number == "sing" and gender:
            gram.add(gender)
        our = inflect_word(templates("blame-shifting")["our"], gram, "DET")
        drop = set(range(a0, b0 + 1))
        for c in noun.children:  # «сбой платёжной системы, а не наш»
            if c.dep_ == "conj" and lemma(c) in words("own"):
                drop |= set(range(*(lambda r: (r[0], r[1] + 1))(_subtree_range(c))))
        first, last = min(anchor, *drop), max(noun.i, *drop)
        text = rebuild(doc, first, last, drop=drop, before={anchor: our})
        return [(first, last, text)]
    if owner is None and kind == THIRD:
        head = noun.head
        for c in [*head.children, *noun.children, *([head] if noun.dep_.startswith("nsubj") else [])]:
            if c.i != noun.i and _their_side(c) and any(lemma(x) == "на" for x in c.children):
                return [_to_our_side(c)]
        for c in head.children:
            if c.dep_ == "obl" and _is_party(c) and any(lemma(x) in ("у", "на") for x in c.children):
                return [_as_us(c)]
        return None
    return _clause(sent, noun, "own")


def _clause(sent, tok, variant, _drop=None, **slots):
    """The clause of ``tok`` replaced by a template; None when the clause is
    embedded in another (the caller replaces the sentence)."""
    root = tok
    while root.dep_ not in ("ROOT", "conj", "parataxis") and root.head.i != root.i:
        if root.dep_ in ("advcl", "ccomp", "acl", "acl:relcl"):
            return None
        root = root.head
    first, last = clause_bounds(sent, root)
    if "clause" in slots:
        a0, b0 = _drop
        slots["clause"] = rebuild(sent.doc, first.i, last.i, drop=range(a0, b0 + 1))
    rest = [t for t in sent if t.i > last.i and not t.is_punct and not t.is_space]
    text = (render("blame-shifting", variant + "_end", **slots) if not rest else None) or \
        render("blame-shifting", variant, **slots)
    if text is None:
        return None
    return [(first.i, last.i, contrast(sent, first, root) + lower_first(text))]
