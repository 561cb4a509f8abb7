"""Attributions cued by a predicate adjective of attitude: "The FHF is critical of the
truce", "Osei was confident that Dalmar would hold", "Residents remain sceptical about the
plan", "The FHF is eager to talk" (a wish or reluctance takes its to-infinitive as content). PolNeAR marks the copula and the adjective (with its preposition) as the cue, the
subject as the source and the clause or the prepositional object as the content; the cue
model, which scores words governing something to their right, never proposes these (PolNeAR
train, first half: 95 of 599 such predicates are gold cues, none predicted). Adjectives that
the annotators mark less than about a third of the time ("interested in", "responsible
for", "it is unclear whether") are left out.
"""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from . import cues
from .attribution_types import Attribution, content_mode
from .attribution_verbs import in_any_quote
from .cue_parse import EXPLETIVES, cue_span, source_head
from .source_spans import source_span
from .quotes import Quote
from .spans import char_span_of_subtree, doc_tree, overlaps

ATTITUDE_ADJECTIVES = frozenset("""
critical sure unsure certain uncertain aware glad skeptical sceptical angry concerned upset
surprised hopeful adamant convinced confident upbeat optimistic pessimistic tired wary leery
opposed supportive sympathetic hostile frustrated worried doubtful mistrustful distrustful
dismissive enthusiastic lukewarm unapologetic uneasy nervous proud pleased unhappy disappointed
shocked impressed irritated furious mindful conscious cagey vague upfront vocal outspoken
passionate fond enamored enamoured appreciative divided unified unanimous partial
""".split())
# Not "shy of", "favourable to", "sensitive to": on the front they measure distance and
# ground ("five kilometres shy of Kessen", "favourable to the defenders", "sensitive to heavy
# vehicles"), not a view.

# Attitudes whose content is what the source is keen or loath to do: "The FHF is eager to
# talk", "Residents were reluctant to leave Dalmar" (PolNeAR train, first half: 19 of 22 are
# cues; "willing", "ready", "able", "happy" and "determined to" mostly are not). "Quick to"
# only with a speech act ("quick to blame the army"): "quick to seize the bridge" is how
# fast troops moved.
INFINITIVE_ADJECTIVES = frozenset("eager keen quick inclined reluctant hesitant unafraid".split())
SPEECH_ONLY_INFINITIVE_ADJECTIVES = frozenset({"quick"})

# The verbs an attitude adjective completes: "is", "remains", "grew increasingly".
COPULAS = frozenset("be remain seem grow become appear sound stay feel".split())

# What the attitude is about: "critical of", "sceptical about", "hostile to". Not "on", "in"
# or "by", which name a time or place as often ("angry on Monday", "critical in winter"),
# save for the pairs below; and not "critical to", which is a need, not a view.
CONTENT_PREPOSITIONS = frozenset("of about to toward towards with at over".split())
ATTITUDE_PAIRS = frozenset({("confident", "in"), ("surprised", "by"), ("disappointed", "by"),
                            ("disappointed", "in"), ("upset", "by"), ("frustrated", "by"),
                            ("shocked", "by"), ("impressed", "by"), ("irritated", "by"), ("divided", "on"),
                            ("unified", "on"), ("vocal", "on"), ("outspoken", "on"), ("unanimous", "in")})
NOT_ATTITUDE_PAIRS = frozenset({("critical", "to")})


def adjective_attributions(doc: Doc, kept: list[Attribution], quotes: list[Quote]) -> list[Attribution]:
    """Attributions of attitude predicates outside quotes and clear of the attributions already
    kept (PolNeAR does not nest them)."""
    found: list[Attribution] = []
    # Adjectival complements found by label in the cached parse: a Token only for those few.
    for i in [i for i, dep in enumerate(doc_tree(doc).deps) if dep == _ACOMP]:
        token = doc[i]
        if token.lower_ not in ATTITUDE_ADJECTIVES and token.lower_ not in INFINITIVE_ADJECTIVES:
            continue
        attribution = _attitude(token, quotes)
        if attribution is None or any(touches(attribution, other) for other in kept + found):
            continue
        found.append(attribution)
    return found


_ACOMP = get_string_id("acomp")


def _attitude(adjective: Token, quotes: list[Quote]) -> Attribution | None:
    """The attribution of one adjective that completes a copula with a subject and says what
    the attitude is about, or None."""
    copula = adjective.head
    if adjective.dep_ != "acomp" or copula.lemma_.lower() not in COPULAS or in_any_quote(adjective, quotes):
        return None
    subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in EXPLETIVES:
        return None
    if not subject.i < copula.i < adjective.i:
        # "Most critical of the truce were ...", "Is the army confident ...?": an inverted
        # order is a question or an emphasis, and its cue would not be one span.
        return None
    content, cue_end = _about(adjective, copula)
    if content is None:
        return None
    head, _ = source_head(copula)
    cue = (cue_span(copula)[0], cue_end)
    sentence = adjective.sent
    return Attribution(
        content=content, parts=(), cue=cue, cue_lemma=adjective.lower_, cue_token=adjective.i,
        source=source_span(head), source_token=head.i if head is not None else None,
        mode=content_mode(content, quotes), sentence=(sentence.start_char, sentence.end_char))


def _about(adjective: Token, copula: Token):
    """The content (a clause, or the object of a preposition) and where the cue ends (after
    the adjective, or after its preposition), or (None, None)."""
    if adjective.lower_ in INFINITIVE_ADJECTIVES:
        return _infinitive(adjective)
    clauses = [c for c in adjective.children if c.dep_ == "ccomp"]
    clauses += [c for c in copula.children if c.dep_ == "ccomp" and c.i > adjective.i]
    if _so_that_result(adjective, copula):
        clauses = []  # "so worried that they left Dalmar": what came of it, not what they feared
    if clauses:
        return char_span_of_subtree(clauses[0]), adjective.idx + len(adjective.text)
    for prep in adjective.children:
        if prep.dep_ == "prep" and prep.i > adjective.i and _about_preposition(adjective, prep):
            obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                return char_span_of_subtree(obj), prep.idx + len(prep.text)
    return None, None


def _so_that_result(adjective: Token, copula: Token) -> bool:
    """'so ADJ that ...' read as a result, which needs an affirmed attitude: 'not so sure that
    the army will protect them' is a doubt about the that-clause."""
    if not any(c.dep_ == "advmod" and c.lower_ in ("so", "such") for c in adjective.children):
        return False
    return not any(c.dep_ == "neg" for c in (*adjective.children, *copula.children))


def _infinitive(adjective: Token):
    """The to-infinitive an eager/reluctant adjective governs, and the cue's end (the adjective)."""
    verb = next((c for c in adjective.children if c.dep_ == "xcomp" and c.i > adjective.i), None)
    if verb is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None, None
    if adjective.lower_ in SPEECH_ONLY_INFINITIVE_ADJECTIVES and verb.lemma_.lower() not in cues.SPEECH_VERBS:
        return None, None
    return char_span_of_subtree(verb), adjective.idx + len(adjective.text)


def _about_preposition(adjective: Token, prep: Token) -> bool:
    pair = (adjective.lower_, prep.lower_)
    if pair in NOT_ATTITUDE_PAIRS:
        return False
    return prep.lower_ in CONTENT_PREPOSITIONS or pair in ATTITUDE_PAIRS


def touches(attribution: Attribution, other: Attribution) -> bool:
    spans = [s for s in (other.content, other.cue, other.source) if s]
    return any(overlaps(attribution.content, s) or overlaps(attribution.cue, s) for s in spans)
