"""The subject the small parser hangs on the wrong word, for a cue verb it gave none:
"Speaking in Vorna, Osei, without naming him, accused ..." (Osei an apposition of Vorna),
"But Karim Sadeq, a veteran officer, vouched for ..." (an adverbial modifier), "Osei called
for ..." with "called" a modifier of "Osei". The verb's clause names no other subject, so the
noun so hung just before it is the one who speaks (PolNeAR train: 18 such sources given to
claims whose content matches the gold, 16 right); so is the subject of a clause the parse
made the verb's complement ("Osei criticized the plan said ...": 8 right, 2 wrong), and the
subject of the verb a conjunct continues when the parse joined it to a word of that verb's
clause ("called it shameful and called on ...": 3 right). Applied to kept attributions only, so the
judge's inputs are unchanged.
"""

from __future__ import annotations

from spacy.tokens import Token

from .source_spans import is_asked_aside, source_span
from .spans import CharSpan, sentence_of, text_of, trim

# The labels a subject so hung gets (a noun that is another verb's subject is not one).
_MISHUNG_SUBJECT_DEPS = frozenset({"appos", "conj", "advmod", "npadvmod", "dep", "nsubj", "nsubjpass"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "conj", "relcl", "parataxis", "advcl", "csubj"})
_PLACE_OR_TIME = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})
_NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_NO_SUBJECT_NEEDED = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "agent"})


def misattached_subject(verb: Token) -> Token | None:
    """The subject of a finite verb the parse gave none, when it hung it on a word before the
    verb in the same clause: the outermost noun so hung that no other clause separates from
    the verb; or the noun a finite verb was made a modifier of ("Osei called for ...")."""
    if verb.tag_ not in _FINITE_TAGS or any(c.dep_ in _NO_SUBJECT_NEEDED for c in verb.children):
        return None
    if is_asked_aside(verb):
        return None  # "The spokesman, asked about the convoy, said": the one asked
    if verb.dep_ == "acl":  # not an object's: "echoing Sadeq, called for ..." is another's call
        head = verb.head
        fits = head.i < verb.i and head.pos_ in ("PROPN", "NOUN") and head.dep_ not in ("dobj", "pobj", "dative")
        return head if fits else None
    if verb.dep_ == "conj":
        return _conjunct_speaker(verb)
    if verb.dep_ != "ROOT":
        return None
    doc, start = verb.doc, sentence_of(verb).start
    found = None
    for i in range(verb.i - 1, start - 1, -1):
        word = doc[i]
        if word.is_space and "\n" in word.text:
            break  # a line the parse ran on from ("... they tweet one."\n\nOsei, in ..., said)
        if _within(word, found):
            continue
        if found is None and _mishung(word, verb) and not _aside(word):
            found = word
        elif word.pos_ in ("VERB", "AUX") and (word.tag_ in _FINITE_TAGS or word.dep_ in _CLAUSE_DEPS):
            if found is None and word.dep_ == "relcl" and _mishung(word.head, verb):
                found = word.head  # "an official who spoke on condition of anonymity said"
            else:
                if found is None and word.dep_ == "ccomp" and word.head.i == verb.i:
                    found = _own_subject(word)  # "Osei criticized the plan said ..."
                break
    found = _first_apposition(found)
    while found is not None and _joined_to_mishung(found, verb):
        found = _first_apposition(found.head)
    return found


def _conjunct_speaker(verb: Token) -> Token | None:
    """The subject of the verb a conjunct continues when the parse joined it to a word of
    that verb's clause ("He called it shameful and called on ...": "called" a conjunct of
    "shameful") or to a verb it hung on another ("then leaned in and boomed")."""
    word = verb.head
    for _ in range(3):
        if word.i >= verb.i:
            return None
        if word.pos_ in ("VERB", "AUX"):
            subject = next((c for c in word.children if c.dep_ == "nsubj" and c.i < word.i), None)
            if subject is not None:
                return subject if subject.pos_ in ("PROPN", "NOUN", "PRON") and subject.tag_ not in ("WP", "WDT") else None
            if word.dep_ not in ("dep", "conj") or word.i == word.head.i:
                return None
        elif word.dep_ not in ("oprd", "acomp", "dobj"):
            return None
        word = word.head
    return None


def _own_subject(clause: Token) -> Token | None:
    """The nominal subject of a clause the parse made a complement of the verb after it."""
    return next((c for c in clause.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN", "PRON")
                 and c.tag_ not in ("WP", "WDT")), None)


def _mishung(word: Token, verb: Token) -> bool:
    if word.pos_ not in ("PROPN", "NOUN", "PRON") or word.dep_ not in _MISHUNG_SUBJECT_DEPS:
        return False
    if word.tag_ in ("WP", "WDT") or word.ent_type_ in _NOT_SPEAKERS or word.i > verb.i:
        return False
    if word.dep_ in ("nsubj", "nsubjpass") and word.head.pos_ in ("VERB", "AUX"):
        return False  # another verb's subject
    return word.head.i != verb.i or word.dep_ in ("advmod", "dep")


def _aside(word: Token) -> bool:
    """A bracketed aside ("the country (Ostria)") or what a place is ("Vorna, a market
    town"), not a speaker named after an opening phrase ("Speaking in Vorna, Osei")."""
    doc = word.doc
    if word.left_edge.i > 0 and doc[word.left_edge.i - 1].text == "(":
        return True
    return word.dep_ == "appos" and word.head.ent_type_ in _PLACE_OR_TIME \
        and word.ent_type_ not in ("PERSON", "ORG", "NORP")


def _first_apposition(word: Token | None) -> Token | None:
    """Of appositions the parse hung side by side on one word ("Clinton, Sadeq, head of
    ..."), the first: the later ones describe it."""
    if word is None or word.dep_ != "appos":
        return word
    return next((c for c in word.head.children if c.dep_ == "appos" and word.head.i < c.i), word)


def _joined_to_mishung(word: Token, verb: Token) -> bool:
    """Whether the word names the subject together with its head ("Osei and her deputy",
    "the spokesman, Karim Sadeq"): not a place or time it was listed after ("Vorna, Osei")."""
    head = word.head
    if word.dep_ not in ("appos", "conj") or not _mishung(head, verb):
        return False
    if head.ent_type_ in _PLACE_OR_TIME and word.ent_type_ not in _PLACE_OR_TIME:
        return False
    if word.dep_ == "appos":  # one person's title does not describe a pair ("X and Y, the candidate")
        return word.tag_ in ("NNS", "NNPS") or not _coordinated(head)
    return any(c.dep_ == "cc" and head.i < c.i < word.i for c in head.children)


def _coordinated(word: Token) -> bool:
    """Whether the word is one of a pair or list joined by a conjunction ("X and Y")."""
    joined = word.head if word.dep_ == "conj" else word
    return any(c.dep_ == "cc" for c in joined.children) or any(
        c.dep_ == "cc" for j in joined.children if j.dep_ == "conj" for c in j.children)


def _within(word: Token, head: Token | None) -> bool:
    return head is not None and head.left_edge.i <= word.i <= head.right_edge.i


def hung_subject_span(verb: Token) -> tuple[Token | None, CharSpan | None]:
    """:func:`misattached_subject` and its source phrase, which ends before the verb (a
    finite verb the parse made a modifier of its subject lies in the subject's subtree)."""
    head = misattached_subject(verb)
    if head is None:
        return None, None
    span = source_span(head) if head.i != verb.head.i else _name_before(head)
    text = text_of(verb.doc)
    line = text.rfind("\n", span[0], head.idx) + 1  # not over a headline the parse ran on from
    span = trim(text, max(span[0], line), min(span[1], verb.idx))
    words = text[span[0]:span[1]].rsplit(None, 1)
    if len(words) == 2 and words[1] in ("and", "or", "but"):  # a conjunction the clause cut off
        span = trim(text, span[0], span[0] + len(words[0]))
    return (head, span) if span[1] > span[0] else (None, None)


_NAME_PARTS = frozenset({"compound", "det", "amod", "poss", "nummod", "nmod"})


def _name_before(noun: Token) -> CharSpan:
    """The noun with the words before it that name it ("Capt. Lena Osei") and its own subtree
    (which holds the verb: the caller ends it there); not a dateline the parse joined to it
    ("VORNA (AP) - Lena Osei called for ...")."""
    doc, start = noun.doc, noun.i
    while start > 0 and doc[start - 1].head.i == noun.i and doc[start - 1].dep_ in _NAME_PARTS:
        start = doc[start - 1].left_edge.i
    return doc[start].idx, noun.right_edge.idx + len(noun.right_edge.text)
