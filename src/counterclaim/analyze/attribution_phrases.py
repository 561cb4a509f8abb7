"""Attributions cued by a set phrase rather than one cue word: a light verb with a noun of
stance ("Osei took issue with the plan", "The FHF had harsh words for the mediators",
"Sadeq made the case that ..."), a predicate noun of partisanship ("Osei is a longtime
supporter of the truce"), and the aside "as Osei put it". The
cue model scores single words, and "take", "have", "make" and "put" are too common to pass
its recall floor; PolNeAR marks the whole phrase as the cue, the subject as the source and
what the phrase is about as the content (train, first half: 32 of 43 uses of the light-verb
and partisan phrases are gold cues, 23 of them found by no rule; second half: 17 of 29, 13
found by no rule; counted before the session-9 review took out the physical senses below).

Like the attitude adjectives (:mod:`attribution_adjectives`), these run after the judge and
stay clear of the attributions already kept. Physical readings stay out on the conflict
beat: "took a shot at", "took a swing at" and "took potshots at" a patrol are attacks, not
criticism; a defender, opponent or backer of a town or a side fights for or arms it.
"""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .attribution_adjectives import touches
from .attribution_types import Attribution, content_mode
from .attribution_verbs import in_any_quote
from .cue_parse import EXPLETIVES, cue_span, doc_words, source_head
from .source_spans import source_span
from .quotes import Quote
from .spans import char_span_of_subtree, doc_tree, subtree_tokens, text_of, token_span, trim

# Light verb -> (the nouns of stance it takes as object, the prepositions joining the topic).
LIGHT_VERB_PHRASES = {
    "take": (frozenset("swipe dig issue".split()), frozenset({"at", "with"})),
    "have": (frozenset("word praise criticism opinion feeling misgiving reservation qualm doubt".split()),
             frozenset("for of about toward towards on over".split())),
    "make": (frozenset({"case"}), frozenset({"for"})),
    "voice": (frozenset("support opposition concern doubt".split()), frozenset("for to about over".split())),
    "throw": (frozenset({"support", "weight"}), frozenset({"behind"})),
}

# Not "with": "had words with the guards" is a quarrel. A booking is no stance: "had
# reservations for the Hotel Vorna".
NOT_STANCE_PAIRS = frozenset({("reservation", "for")})

# "X is a supporter of Y", "X is one of the fiercest critics of Y". Not the nouns a war gives
# a physical sense: "one of the defenders of Dalmar", "the main opponent of the government in
# the highlands", "the main backer of the FHF" (arms and money) are sides, not voiced stances.
PARTISAN_NOUNS = frozenset("supporter booster proponent advocate critic detractor".split())
_COPULAS = frozenset({"be", "remain", "become"})


def phrase_attributions(doc: Doc, kept: list[Attribution], quotes: list[Quote]) -> list[Attribution]:
    """Attributions of the set phrases outside quotes, clear of those already kept."""
    found: list[Attribution] = []
    deps, lemmas = doc_tree(doc).deps, doc_words(doc).lemmas
    # Candidate nouns by label and lemma from the cached lists: a Token only for those few.
    for i, dep in enumerate(deps):
        if dep == _DOBJ and lemmas[i] in _STANCE_NOUNS:
            attribution = _light_verb(doc[i], quotes)
        elif dep in _PREDICATE_DEPS and lemmas[i] in PARTISAN_NOUNS:
            attribution = _partisan(doc[i], quotes)
        elif dep == _ADVCL and lemmas[i] == "put":
            attribution = _as_put_it(doc[i], quotes)
        else:
            continue
        if attribution is None or any(touches(attribution, other) for other in kept + found):
            continue
        found.append(attribution)
    return found


_DOBJ, _ADVCL = get_string_id("dobj"), get_string_id("advcl")
_PREDICATE_DEPS = frozenset({get_string_id("attr"), get_string_id("pobj")})
_STANCE_NOUNS = frozenset().union(*(nouns for nouns, _ in LIGHT_VERB_PHRASES.values()))


def _light_verb(noun: Token, quotes: list[Quote]) -> Attribution | None:
    """"took issue with X", "had harsh words for X", "made the case for X" or "... that Y"."""
    verb = noun.head
    phrase = LIGHT_VERB_PHRASES.get(verb.lemma_.lower())
    if phrase is None or verb.pos_ not in ("VERB", "AUX") or noun.i < verb.i:
        return None
    nouns, prepositions = phrase
    if noun.lemma_.lower() not in nouns or in_any_quote(verb, quotes):
        return None
    if noun.lemma_.lower() == "issue" and any(c.dep_ == "det" for c in noun.children):
        return None  # "took the issue with them": the matter, not a quarrel
    for holder in (noun, verb):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.i > noun.i and prep.lower_ in prepositions \
                    and (noun.lemma_.lower(), prep.lower_) not in NOT_STANCE_PAIRS:
                topic = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
                if topic is not None and topic.ent_type_ not in ("DATE", "TIME"):  # not "for weeks"
                    return _attribution(verb, char_span_of_subtree(topic), prep, quotes)
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i), None)
    if noun.lemma_.lower() == "case" and clause is not None and _has_mark(clause, "that"):
        return _attribution(verb, char_span_of_subtree(clause), noun, quotes)
    return None


def _partisan(noun: Token, quotes: list[Quote]) -> Attribution | None:
    """"X is a supporter of Y": the copula's subject supports Y."""
    if noun.lemma_.lower() not in PARTISAN_NOUNS or noun.pos_ != "NOUN":
        return None
    predicate = noun
    while predicate.dep_ == "pobj" and predicate.head.lower_ == "of" and predicate.head.head.pos_ in ("NUM", "NOUN", "PRON"):
        predicate = predicate.head.head  # "one of the fiercest critics of"
    copula = predicate.head
    if predicate.dep_ != "attr" or copula.lemma_.lower() not in _COPULAS or in_any_quote(copula, quotes):
        return None
    # Not "is a longtime FHF supporter": the boundary rankers stretch a content that short
    # over the subject and copula ("Sadeq is a longtime FHF"), so only the "of" form.
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return None
    topic = next((c for c in of.children if c.dep_ == "pobj"), None)
    if topic is None:
        return None
    return _attribution(copula, char_span_of_subtree(topic), of, quotes)


def _as_put_it(verb: Token, quotes: list[Quote]) -> Attribution | None:
    """"As Osei put it, the town is lost": the clause the aside is set into is what she said."""
    children = list(verb.children)
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in children) \
            or not any(c.dep_ == "dobj" and c.lower_ == "it" for c in children):
        return None
    # Anything more is the physical 'put': "put it on the truck", "put it down", "put it back".
    if any(c.dep_ not in _PUT_IT_DEPS and not _put_it_aside(c) for c in children):
        return None
    host = verb.head
    if host.pos_ not in ("VERB", "AUX"):
        return None
    it = next(c for c in children if c.dep_ == "dobj")
    # The host's words without the aside and the punctuation round it ("The town is lost, as
    # Osei put it."); not an aside set into its host ("The town, as Osei put it, is lost"),
    # whose content would need cutting in two.
    span = token_span(t for t in subtree_tokens(host, frozenset([verb.i])) if not t.is_punct)
    if span is None or span[0] < verb.idx < span[1]:
        return None
    content = trim(text_of(verb.doc), *span)
    return _attribution(verb, content, it, quotes) if content[1] > content[0] else None


_PUT_IT_DEPS = frozenset("mark nsubj dobj punct".split())


def _put_it_aside(child: Token) -> bool:
    """What may go with 'as X put it': a manner ('memorably') or a hearer ('put it to me')."""
    if child.dep_ == "advmod":
        return child.lower_.endswith("ly")
    return child.dep_ == "prep" and child.lower_ == "to" and all(c.pos_ == "PRON" for c in child.children)


def _attribution(verb: Token, content, last: Token, quotes: list[Quote]) -> Attribution | None:
    """The phrase from its verb to ``last`` as cue, the verb's subject as source (a
    conjunct's is the first verb's: "X has not endorsed Y and has been a critic of Z")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj" and verb.head.i < verb.i:
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in EXPLETIVES or not subject.i < verb.i:
        return None
    head, _ = source_head(verb)
    if head is None:
        return None
    cue = trim(text_of(verb.doc), cue_span(verb)[0], last.idx + len(last.text))
    sentence = verb.sent
    return Attribution(
        content=content, parts=(), cue=cue, cue_lemma=verb.lemma_.lower(), cue_token=verb.i,
        source=source_span(head), source_token=head.i if head is not None else None,
        mode=content_mode(content, quotes), sentence=(sentence.start_char, sentence.end_char))


def _has_mark(clause: Token, word: str) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == word for c in clause.children)
