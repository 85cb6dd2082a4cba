"""A second opinion for five semantic rules: a small linear model.

``blame-shifting``, ``distrust``, ``customer-legwork``, ``rarity-excuse`` and
``missing-apology`` are built from constructions (lemmas, morphology, syntax) and are precise, but other writers
find phrasings the constructions do not cover. When such a rule finds nothing
in a draft, a logistic-regression model over the same analyses (lemmas, lemma
bigrams, dependency triples, verb mood and person, negated heads, subjects, and
the word classes of the rules' lexicons: parties, the Клиент, faults, proof …)
gives a second opinion: above its threshold the rule reports the sentence
whose features weigh most, with a message that says it is the model's guess.

The models are data, like the word lists: ``lexicons/models/<rule>.json``
holds the bias, the weights, the threshold and how they were measured,
``lexicons/second_opinion.toml`` the messages and precision targets.
``eval/train.py`` trains them with scikit-learn on the hand-labelled corpora
(``dev.jsonl``, ``eval/heldout*.jsonl``) plus every second real answer of
``real-rutube.jsonl`` labelled by the constructions (so that ordinary how-to
answers are known as such); scoring needs only this module. The threshold is
chosen on predictions for writers a model did not see (leave one writer
out): the lowest at which they are right as often as the rule's precision
target. Configuration ``second-opinion = false`` turns the models off.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache

from . import lexicon

RULES = ("blame-shifting", "distrust", "customer-legwork", "rarity-excuse", "missing-apology")
# A model of these speaks only where the draft deals with a trouble (a complaint,
# an apology, a problem named): blame and playing a problem down need one.
TROUBLE_RULES = ("blame-shifting", "rarity-excuse")


def precision_target(rule_id: str) -> float:
    """How often eval/train.py wants the model right on unseen writers at its
    threshold (``[precision]`` in ``lexicons/second_opinion.toml``)."""
    return float(lexicon.load("second_opinion")["precision"][rule_id])


def rule_doc(rule_id: str) -> str:
    """The paragraph ``replylint rule ID`` prints about the model."""
    data = lexicon.load("second_opinion")
    note = data.get("rule_doc_notes", {}).get(rule_id)
    return data["rule_doc"].format(rule=rule_id) + (f"\n{note}" if note else "")


_NEGATIONS = frozenset({"не", "ни", "нет"})
_VERB_FEATURES = ("Mood", "Person", "Voice", "Tense", "VerbForm")


@lru_cache(maxsize=None)
def _classes() -> dict[str, frozenset[str]]:
    """Lemma → the word classes it belongs to (``[classes]`` of
    ``lexicons/second_opinion.toml``: each class a list of ``lexicon:key``
    word lists). A new writer's «подрядчик», «таможня» or «провайдер» then
    weighs like the parties the model has seen, not as an unknown word."""
    out: dict[str, set[str]] = {}
    for name, sources in lexicon.load("second_opinion")["classes"].items():
        for source in sources:
            lex, _, key = source.partition(":")
            for word in lexicon.words(lex, key) if key else (lex,):
                out.setdefault(word.replace("ё", "е"), set()).add(name)
    return {w: frozenset(c) for w, c in out.items()}


def _class_of(tok, classes) -> frozenset[str]:
    return classes.get(tok.lemma_.lower().replace("ё", "е"), frozenset()) | classes.get(
        tok.lower_.replace("ё", "е"), frozenset())


def sentence_features(tokens) -> set[str]:
    """The features of one sentence (spaCy tokens of one sentence, spaces
    left out). Training and scoring both use this function."""
    toks = [t for t in tokens if not t.is_space]
    out: set[str] = set()
    classes = _classes()
    for k, t in enumerate(toks):
        if t.pos_ == "PUNCT":
            continue
        for cls in _class_of(t, classes):
            # the same relations over word classes («party» subject, «client» negated …)
            head = t.head
            out.add("C:" + cls)
            if head.i != t.i:
                for hc in _class_of(head, classes) or {head.pos_}:
                    out.add(f"CD:{hc}>{t.dep_}>{cls}")
                if t.dep_ in ("nsubj", "nsubj:pass"):
                    for key in ("Tense", "Mood", "Person"):
                        for value in head.morph.get(key):
                            out.add(f"CS:{cls}|{key}={value}")
                    if any(c.lower_ in _NEGATIONS for c in head.children):
                        out.add(f"CSN:{cls}")
            if any(c.lower_ in _NEGATIONS for c in t.children):
                out.add("CN:" + cls)
        lemma = t.lemma_.lower()
        out.add("L:" + lemma)
        if k + 1 < len(toks) and toks[k + 1].pos_ != "PUNCT":
            out.add(f"B:{lemma}_{toks[k + 1].lemma_.lower()}")
        head = t.head
        if head.i != t.i:
            h_lemma = head.lemma_.lower()
            out.add(f"D:{h_lemma}>{t.dep_}>{lemma}")
            out.add(f"DP:{h_lemma}>{t.dep_}>{t.pos_}")
            out.add(f"PD:{head.pos_}>{t.dep_}>{lemma}")
            if lemma in _NEGATIONS:
                out.add("NEG:" + h_lemma)
            if t.pos_ in ("NOUN", "PROPN", "PRON") and t.dep_ in ("nsubj", "nsubj:pass"):
                out.add("SUBJ:" + lemma)
                out.add(f"SUBJV:{lemma}>{h_lemma}")
        if t.pos_ in ("VERB", "AUX"):
            for key in _VERB_FEATURES:
                for value in t.morph.get(key):
                    out.add(f"VM:{key}={value}")
                    out.add(f"LM:{lemma}|{key}={value}")
            if "Imp" in t.morph.get("Mood"):
                out.add("IMP")
    return out


@lru_cache(maxsize=None)
def load(rule_id: str) -> dict | None:
    """The model of a rule (``lexicons/models/<rule>.json``), or None."""
    path = lexicon.bundled_dir() / "models" / f"{rule_id}.json"
    if not path.is_file():
        return None
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


CONTEXT_RULES = ("blame-shifting",)


def context_features(ctx, rule_id: str) -> set[str]:
    """What the draft answers, beyond its own words. Blame mostly answers
    trouble: its model reads a complaint in the Клиент's message, any
    message at all, an apology or a problem named in the draft, the channel
    (leave-one-writer-out F1 0.80 → 0.82; distrust and legwork lost 0.01 or
    nothing with these). missing-apology reads the Клиент's message itself
    (``_incoming_features``; for distrust it raised leave-one-writer-out F1 on
    recent writers but not on the next blind set); the others read nothing."""
    if rule_id == "missing-apology":
        return _incoming_features(ctx)
    if rule_id not in CONTEXT_RULES:
        return set()
    return _draft_flags(ctx)


def _draft_flags(ctx) -> set[str]:
    """The channel, whether there is a message of the Клиент and whether it
    complains, an apology and a problem in the draft (computed once a draft)."""
    key = ("second_opinion_flags",)
    cached = ctx.doc.user_data.get(key)
    if cached is None:
        from .rules.missing_apology import _draft_problem, _incoming_complaint, has_apology

        cached = {"X:channel=" + (ctx.channel or "email")}
        if ctx.incoming_doc is not None:
            cached.add("X:incoming")
            if _incoming_complaint(ctx.incoming_doc) is not None:
                cached.add("X:complaint")
        if has_apology(ctx):
            cached.add("X:apology")
        if _draft_problem(ctx) is not None:
            cached.add("X:problem")
        ctx.doc.user_data[key] = cached
    return cached


def _incoming_features(ctx) -> set[str]:
    """missing-apology's context: the Клиент's message read like a draft («I»
    before each feature), whether it exclaims or asks, and the draft's flags
    but the constructions' verdict on the message — a complaint is told by its
    words and tone. (An apology is never scored — the rule is quiet then — but
    learnt: apologies end complaints.)"""
    key = ("second_opinion_incoming",)
    cached = ctx.doc.user_data.get(key)
    if cached is None:
        cached = _draft_flags(ctx) - {"X:complaint"}
        doc = ctx.incoming_doc
        if doc is not None:
            for sent in doc.sents:
                cached |= {"I" + f for f in sentence_features(sent)}
            cached |= {flag for mark, flag in (("!", "X:exclaims"), ("?", "X:asks")) if mark in doc.text}
        ctx.doc.user_data[key] = cached
    return cached


def _sentence_features(ctx) -> list[tuple[object, set[str]]]:
    """Features of each sentence in the company's own words."""
    key = ("second_opinion_features",)
    cached = ctx.doc.user_data.get(key)
    if cached is None:
        cached = [(sent, sentence_features(sent)) for sent in ctx.sentences
                  if any(ctx.company_speaks(t) for t in sent if not t.is_space)]
        ctx.doc.user_data[key] = cached
    return cached


# --- what the constructions know better ----------------------------------------
# A bag of features cannot see who owns a fault or to whom a request goes:
# «Это не вина курьера, а наша» weighs like blame, «Обратитесь в нашу
# поддержку» like legwork. Sentences the rules' own helpers explain are taken
# out of the model's view; a draft they explain as a whole is left alone.

def _asks_or_supposes(sent) -> bool:
    from .rules._clauses import in_condition, is_question

    root = sent.root
    return is_question(root) or in_condition(root)


def _w(key: str) -> frozenset[str]:
    return lexicon.words("second_opinion", key)


def _faults() -> frozenset[str]:
    return lexicon.words("blame_shifting", "fault_nouns")


def _turned_to_us(sent) -> bool:
    """«не вина курьера, а наша», «доставим не мы, а курьер», «позвонит курьер,
    а не мы»: the sentence sets the company against the other party itself."""
    toks = [t for t in sent if not t.is_space]
    for k, t in enumerate(toks):
        if t.lower_ == "а" and any(x.lower_ == "не" for x in toks[max(0, k - 6):k + 2]):
            # the company comes after «а» («не по нашей вине, а из-за курьера» is blame)
            if any(x.lemma_ in ("мы", "наш") for x in toks[k + 1:k + 5]):
                return True
    return False


def _our_side(sent) -> bool:
    """«Проблема на нашей стороне», «ошибка с нашей стороны» (not «с нашей
    стороны всё готово, задержка у перевозчика», which is blame)."""
    if any(t.lower_ in ("не", "нет") for t in sent):
        return False
    faults = _faults()
    for side in sent:
        if side.lemma_ == "сторона" and any(c.lemma_ == "наш" for c in side.children):
            head = side.head  # the fault itself, or the verb whose subject it is
            if head.lemma_ in faults or any(c.dep_.startswith("nsubj") and c.lemma_ in faults
                                            for c in head.children):
                return True
    return False


def _we_do_it(sent) -> bool:
    """«Мы сами отследим посылку и сообщим Вам»: the company does the errand."""
    if any("Imp" in t.morph.get("Mood") for t in sent):
        return False
    return any(t.lemma_ == "мы" and t.dep_ == "nsubj" and t.head.pos_ == "VERB"
               and "Past" not in t.head.morph.get("Tense")
               and any(c.lemma_ in ("сам", "сами") for c in [*t.children, *t.head.children])
               and not any(c.lower_ == "не" for c in t.head.children) for t in sent)


def _addressed_to_us(sent) -> bool:
    """«напишите нам», «в нашу поддержку»."""
    from .rules.customer_legwork import _own, _to_us

    for t in sent:
        if t.pos_ in ("VERB", "AUX") and _to_us(t):
            return True
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("obj", "obl") and t.head.pos_ == "VERB" \
                and ("Imp" in t.head.morph.get("Mood") or "Inf" in t.head.morph.get("VerbForm")) and _own(t):
            return True
    return False


def _third_party_named(sent) -> bool:
    from .rules.customer_legwork import _third_party

    return any(t.pos_ in ("NOUN", "PROPN") and _third_party(t) for t in sent)


def _how_to_question(ctx) -> bool:
    """The Клиент asks how to do something («Как сменить тариф?», «как можно
    выйти…»): instructions are the answer («Где моя посылка?» is no such question)."""
    doc = ctx.incoming_doc
    if doc is None:
        return False
    for t in doc:
        if t.lower_ == "как":
            near = [t.head] + ([doc[t.i + 1]] if t.i + 1 < len(doc) else [])
            if any("Inf" in w.morph.get("VerbForm") or w.lemma_ in _w("how_to_modals") for w in near):
                return True
    return False


# The models learnt from whole replies (median 23 words, 4 sentences); on a
# line or two their guess rests on a handful of words, so they keep quiet there.
MIN_SENTENCES = 2
MIN_WORDS = 12


def _enough_text(ctx) -> bool:
    sents = _sentence_features(ctx)
    words = sum(1 for sent, _ in sents for t in sent if not (t.is_punct or t.is_space))
    return len(sents) >= MIN_SENTENCES and words >= MIN_WORDS


def visible(ctx, rule_id: str) -> list[tuple[object, set[str]]]:
    """The sentences (with their features) the model of ``rule_id`` reads:
    the company's own words, less greetings, thanks and sign-offs, less what
    the constructions explain. Training (eval/train.py) reads drafts through
    this function too."""
    return [(sent, f) for sent, f in _sentence_features(ctx)
            if not _boilerplate(sent) and not _explained(ctx, rule_id, sent)]


def _boilerplate(sent) -> bool:
    """«Здравствуйте, Лариса!», «Спасибо за обращение», «С уважением, Магазин»,
    and a sign-off line with no verb («служба поддержки «Домосфера»»)."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    marks = lexicon.words("second_opinion", "boilerplate")
    if len(words) <= 6 and any(t.lemma_.lower() in marks or t.lower_ in marks for t in words):
        return True
    if len(words) <= 3:
        apology = lexicon.words("clauses", "apology_heads") | lexicon.words("clauses", "apology_forms")
        if any(t.lemma_.lower() in apology or t.lower_ in apology for t in words):
            return True  # «Извините, пожалуйста», «Простите нас»: an apology alone sends nobody anywhere
    return len(words) <= 6 and _in_sign_off(sent) and not any(t.pos_ in ("VERB", "AUX") for t in words)


def _in_sign_off(sent) -> bool:
    """The sentence lies on the last two non-empty lines of a reply of three or more lines."""
    doc = sent.doc
    if "sign_off_start" not in doc.user_data:
        lines = [m.start() for m in re.finditer(r"[^\n]*\S[^\n]*", doc.text)]
        doc.user_data["sign_off_start"] = lines[-2] if len(lines) >= 3 else None
    start = doc.user_data["sign_off_start"]
    return start is not None and sent.start_char >= start


def _owned_here(sent) -> bool:
    """«Это наш сбой», «наша ошибка», «Вазу мы повредили при перевозке»: a
    fault the company calls its own, an act it owns."""
    if any(t.lower_ in ("не", "нет") for t in sent):
        return False
    return any(t.lemma_ in _faults() and any(c.lemma_ == "наш" for c in t.children) for t in sent) or any(
        t.lemma_ == "мы" and t.dep_ == "nsubj" and t.head.lemma_ in _w("owned_act_verbs") for t in sent)


def _softened_request(sent) -> bool:
    """«Если удобно, пришлите фото — так мы быстрее заменим»: a request that
    helps the Клиент, not proof demanded (rules.md's quiet case for distrust)."""
    return any(t.lemma_ in _w("kind_request_words") for t in sent)


def _answered(ctx, rule_id: str) -> bool:
    """The draft already says what the rule asks for — what the rules' own
    rewrites write: «Мы сами свяжемся с курьером и сообщим Вам…» (legwork),
    «Мы верим Вам», «Расходы … мы берём на себя» (distrust)."""
    sents = [sent for sent, _ in _sentence_features(ctx)]
    if rule_id == "customer-legwork":
        return any(_we_do_it(sent) for sent in sents)
    if rule_id == "distrust":
        for sent in sents:
            for t in sent:
                if t.lemma_ == "мы" and t.dep_ == "nsubj" and not any(c.lower_ == "не" for c in t.head.children):
                    kids = {c.lemma_ for c in t.head.children}
                    if t.head.lemma_ in _w("belief_verbs") or (
                            t.head.lemma_ in _w("take_on_verbs") and "себя" in kids):
                        return True
    return False


def _guarded(rule_id: str, sent) -> bool:
    """Sentences scoring leaves out, though training reads them: the company set
    against the other party, or owning the problem, in so many words. (As
    negatives in training these traps teach the model; taken out of training,
    they cost a fifth of the recall on unseen writers.)"""
    if rule_id == "blame-shifting":
        return _turned_to_us(sent) or _our_side(sent) or _owned_here(sent)
    if rule_id == "distrust":
        return _softened_request(sent)
    return False


def _explained(ctx, rule_id: str, sent) -> bool:
    # questions and conditions are no blame («Если это зона ответственности
    # банка, мы сами с ним свяжемся»), but can be distrust («Вы уверены…?»)
    # and legwork («Если посылка не пришла, обратитесь на почту»)
    if rule_id == "blame-shifting":
        from .rules.blame_shifting import _company_owns_fault

        return _asks_or_supposes(sent) or _company_owns_fault(ctx)
    if rule_id == "customer-legwork":
        # a how-to answer instructs on the company's own service («Сменить
        # тариф можно в личном кабинете»); sending to a third party stays legwork
        return _addressed_to_us(sent) or _we_do_it(sent) or (
            _how_to_question(ctx) and not _third_party_named(sent))
    return False


def probability(model: dict, features: set[str]) -> float:
    weights = model["weights"]
    z = model["bias"] + sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-z))


def check(ctx, rule_id: str):
    """A hit for ``rule_id`` when its model is sure enough; else None."""
    model = load(rule_id)
    if model is None:
        return None
    from .rules.blame_shifting import _answers_trouble

    if rule_id == "missing-apology":
        return _unapologetic(ctx, model)
    # blame and rarity need a trouble (a complaint, an apology, a problem named):
    # «Наш партнёр — банк „Восток“. Все вопросы к нему…» is information, and
    # «возвратов меньше 1%» answers «Часто ли ломается?»
    if not _enough_text(ctx) or (rule_id in TROUBLE_RULES and not _answers_trouble(ctx)):
        return None
    if _answered(ctx, rule_id):
        return None
    sents = [(sent, f) for sent, f in visible(ctx, rule_id) if not _guarded(rule_id, sent)]
    if not sents:
        return None
    context = context_features(ctx, rule_id)
    features = set().union(context, *(f for _, f in sents))
    p = probability(model, features)
    if p < model["threshold"]:
        return None
    weights = model["weights"]
    sent, best = max(sents, key=lambda sf: sum(weights.get(f, 0.0) for f in sf[1]))
    rest = set().union(context, *(f for other, f in sents if other is not sent))
    if probability(model, rest) >= model["threshold"] and probability(model, best | context) < model["threshold"]:
        # the sentence that weighs most neither makes the difference nor
        # looks like a violation by itself: nothing to point at
        return None
    toks = [t for t in sent if not (t.is_space or t.is_punct)]
    if not toks:
        return None
    span = ctx.doc[toks[0].i:toks[-1].i + 1]
    texts = lexicon.load("second_opinion")
    return ctx.hit(span, message=texts["messages"][rule_id].format(percent=round(100 * p)),
                   suggestion=texts.get("suggestions", {}).get(rule_id))


def _praises(doc) -> bool:
    """The Клиент praises («всё работает отлично, спасибо!», «донёс коробки
    очень бережно!»): a word of praise not negated. The rule's constructions
    judge such a message; the model, which weighs its problem words, does not."""
    from .rules._clauses import has_lemma, negated
    from .rules.missing_apology import words

    praise = (words("praise_words") | words("praise_manner")) - words("greetings")
    return any(has_lemma(t, praise) and not negated(t) for t in doc)


def _unapologetic(ctx, model: dict):
    """missing-apology's second opinion: a draft with no apology whose
    Клиент's message (and the draft's own words) the model reads as a
    complaint. Only with a message of the Клиент that praises nothing and
    that the constructions do not explain as no complaint (own slip, return
    by choice, repair request, calm reminder; a problem the draft alone
    admits is theirs to find too). Like the
    rule, it points at the first sentence after the greeting; short drafts
    and SMS count too."""
    from .rules.missing_apology import _first_sentence, explained_no_complaint, has_apology

    doc = ctx.incoming_doc
    if has_apology(ctx) or doc is None or _praises(doc) or explained_no_complaint(doc):
        return None
    features = set().union(context_features(ctx, "missing-apology"),
                           *(f for _, f in visible(ctx, "missing-apology")))
    p = probability(model, features)
    if p < model["threshold"]:
        return None
    span = _first_sentence(ctx)
    if span is None:
        return None
    texts = lexicon.load("second_opinion")
    return ctx.hit(span, message=texts["messages"]["missing-apology"].format(percent=round(100 * p)),
                   suggestion=texts.get("suggestions", {}).get("missing-apology"))
