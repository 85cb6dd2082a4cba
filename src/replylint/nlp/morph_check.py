"""A dictionary check of the tagger's verb features.

The slovnet tagger guesses a verb's features from context, and on forms it
rarely saw it guesses wrong: «печём» as a 3rd-person passive, «сдаём» and
«привезёт» as past, «предоставьте» as a 1st-person indicative. spaCy's
pymorphy3 lemmatizer keeps only analyses that agree with those features, so
such a verb keeps its surface form as its lemma («печём»), and every rule that
matches lemmas, mood or person misses it.

``replylint_morph_check`` runs between the tagger and the lemmatizer. For a
verb whose features agree with none of pymorphy3's readings of the form, it
takes the features of the reading that disagrees least (pymorphy3's order
breaks ties); features that agree with some reading are left alone. Heads and
relations are the tagger's; so is the part of speech, but for one case: a
word the tagger calls a verb that the dictionary knows only as a noun
(«Опозданий у нас единицы», «Пломбу поставим») becomes a noun with the
dictionary's first noun reading, and a word it calls an adjective or an
adverb that the dictionary knows only as a finite verb or an infinitive
(«заполните», «привезём», «напутала») becomes that verb, so lemma, case,
mood and person reach the rules.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.lang.ru.lemmatizer import oc2ud
from spacy.language import Language
from spacy.tokens import Doc

from .lemmas import analyzer

# The features a verb's readings are compared on (spaCy's lemmatizer compares
# all but Person) and replaced when none agrees.
CHECKED = ("Aspect", "Gender", "Mood", "Number", "Person", "Tense", "VerbForm", "Voice")
VERB_POS = frozenset({"VERB", "AUX"})


@lru_cache(maxsize=50_000)
def noun_reading(form: str) -> dict[str, str] | None:
    """The UD features of pymorphy3's first reading of ``form`` when the
    dictionary knows the form only outside verbs and that reading is a noun."""
    known = [p for p in analyzer().parse(form) if p.is_known]
    if not known or any(oc2ud(str(p.tag))[0] in VERB_POS for p in known):
        return None
    pos, feats = oc2ud(str(known[0].tag))
    return dict(feats) if pos == "NOUN" else None


@lru_cache(maxsize=50_000)
def verb_reading(form: str, subject: bool = True) -> dict[str, str] | None:
    """The UD features of pymorphy3's first reading of ``form`` when the
    dictionary knows the form only as a finite verb or an infinitive
    («напутала», «заполните», «привезём»)."""
    known = [p for p in analyzer().parse(form) if p.is_known]
    if not known or any(p.tag.POS not in ("VERB", "INFN") for p in known):
        return None
    readings = _readings(form)
    if not readings:
        return None
    plain = [r for r in readings if not (r.get("Mood") == "Imp" and r.get("Person") == "1")]
    if not subject:  # «Заполните анкету»: with no subject, the imperative rather than «(вы) заполните»
        plain = sorted(plain, key=lambda r: r.get("Mood") != "Imp")
    out = dict((plain or list(readings))[0])
    if "Voice" not in out:
        out["Voice"] = "Mid" if form.endswith(("ся", "сь")) else "Act"
    return out


@lru_cache(maxsize=50_000)
def _readings(form: str) -> tuple[dict[str, str], ...]:
    """The UD features of pymorphy3's known verb readings of ``form``."""
    out = []
    for parse in analyzer().parse(form):
        if not parse.is_known:
            continue
        pos, feats = oc2ud(str(parse.tag))
        if pos in VERB_POS:
            out.append(dict(feats))
    return tuple(out)


def _conflicts(tagged: dict[str, str], reading: dict[str, str]) -> int:
    return sum(1 for key in CHECKED
               if key in tagged and key in reading and tagged[key].lower() != reading[key].lower())


def checked_features(form: str, tagged: dict[str, str]) -> dict[str, str] | None:
    """The features to use instead of ``tagged`` for the verb ``form``, or
    None when the tagger's agree with one of the dictionary's readings."""
    readings = _readings(form.lower())
    # pymorphy3 reads every 1st-person plural future also as an inclusive
    # imperative («пришлём!» = let us send); in a reply it is the future
    plain = tuple(r for r in readings if not (r.get("Mood") == "Imp" and r.get("Person") == "1"))
    readings = plain or readings
    if not readings:
        return None
    best = min(readings, key=lambda r: _conflicts(tagged, r))  # min keeps the first of equals
    if _conflicts(tagged, best) == 0:
        return None
    out = {k: v for k, v in tagged.items() if k not in CHECKED}
    out.update((k, v) for k, v in best.items() if k in CHECKED)
    if best.get("Variant") == "Brev":  # pymorphy3's short form is UD's (and the tagger's) «Short»
        out["Variant"] = "Short"
    if "Voice" not in best and best.get("VerbForm") in ("Fin", "Inf", "Conv"):
        # the dictionary marks no voice on these forms; a reflexive is middle
        out["Voice"] = "Mid" if form.lower().endswith(("ся", "сь")) else "Act"
    return out


@Language.component("replylint_morph_check")
def check_verbs(doc: Doc) -> Doc:
    for token in doc:
        if token.pos_ not in VERB_POS and token.text.isalpha() and len(token.text) > 2 and token.pos_ != "PROPN":
            verb = verb_reading(token.text.lower(), any(c.dep_.startswith("nsubj") for c in token.children))
            if verb is not None:  # «Курьерская служба всё напутала» tagged as an adjective
                token.pos_ = "VERB"
                token.set_morph("|".join(f"{k}={v}" for k, v in sorted(verb.items())))
            continue
        if token.pos_ not in VERB_POS or not token.text.isalpha():
            continue
        noun = noun_reading(token.text.lower())
        if noun is not None:
            token.pos_ = "NOUN"
            token.set_morph("|".join(f"{k}={v}" for k, v in sorted(noun.items())) or "_")
            continue
        fixed = checked_features(token.text, token.morph.to_dict())
        if fixed is not None:
            token.set_morph("|".join(f"{k}={v}" for k, v in sorted(fixed.items())) or "_")
    return doc
