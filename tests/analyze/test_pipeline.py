"""counterclaim as a spaCy component in a user's own pipeline."""

from __future__ import annotations

import spacy

from counterclaim.analyze.report import to_report


def test_add_pipe_by_name_in_a_users_pipeline():
    from counterclaim.analyze.nlp import default_model_name

    nlp = spacy.load(default_model_name())
    nlp.add_pipe("counterclaim")  # found through the spacy_factories entry point
    doc = nlp("The army said on Monday that Dalmar had fallen. Shelling continued in Kessen overnight.")
    claims = doc._.cc_claims
    assert [c.mode for c in claims] == ["indirect", "outlet"]
    report = to_report(doc)
    assert report.article.text == doc.text and report.claims == claims



def test_boundary_refinement_can_be_switched_off_in_the_pipe_config():
    from counterclaim.analyze.attribution import find_attributions
    from counterclaim.analyze.nlp import default_model_name

    nlp = spacy.load(default_model_name())
    nlp.add_pipe("counterclaim", config={"refine_boundaries": False})
    assert nlp.get_pipe("counterclaim").parts[0].refine_boundaries is False
    text = ("Army spokesperson Karim Sadeq said in a statement on Sunday that government forces "
            "had taken full control of the northern districts of Dalmar after heavy fighting.")
    doc = nlp(text)
    assert doc._.cc_attributions == find_attributions(doc, refine=False)
    default = spacy.load(default_model_name())
    default.add_pipe("counterclaim")
    assert default.get_pipe("counterclaim").parts[0].refine_boundaries is True

def test_pipe_analysis_declares_what_it_assigns():
    from counterclaim.analyze.nlp import default_model_name

    nlp = spacy.load(default_model_name())
    nlp.add_pipe("counterclaim")
    analysis = nlp.analyze_pipes()
    assigned = analysis["summary"]["counterclaim"]["assigns"]
    assert "doc._.cc_claims" in assigned


def test_counterclaim_analyze_stays_the_function_after_importing_the_subpackage():
    import counterclaim
    import counterclaim.analyze.claims  # noqa: F401

    assert callable(counterclaim.analyze)


def test_the_collector_paused_for_a_doc_is_left_as_the_caller_had_it():
    """The component pauses the cyclic collector while its parts run, and leaves it enabled
    (or disabled, if the caller had disabled it) afterwards, also when a part fails."""
    import gc

    from counterclaim.analyze.pipeline import CounterclaimComponent

    seen = []

    class _Part:
        def __call__(self, doc):
            seen.append(gc.isenabled())
            return doc

    class _Failing:
        def __call__(self, doc):
            raise RuntimeError("part failed")

    nlp = spacy.blank("en")
    component = CounterclaimComponent.__new__(CounterclaimComponent)
    component.parts = [_Part()]
    was = gc.isenabled()
    try:
        gc.enable()
        component(nlp("A text."))
        assert seen == [False] and gc.isenabled()
        gc.disable()
        component(nlp("A text."))
        assert not gc.isenabled()
        gc.enable()
        component.parts = [_Failing()]
        try:
            component(nlp("A text."))
        except RuntimeError:
            pass
        assert gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


def test_the_parts_caches_are_dropped_before_the_collector_resumes(monkeypatch):
    """The parts' per-doc caches are dropped while the collector is still paused, so its first
    pass after the doc does not scan them, and a doc leaves the component without them."""
    import gc

    from counterclaim.analyze import pipeline
    from counterclaim.analyze.spans import text_of

    seen = []
    forget = pipeline.forget_caches

    def watched_forget(doc):
        seen.append(gc.isenabled())
        forget(doc)

    monkeypatch.setattr(pipeline, "forget_caches", watched_forget)

    class _Part:
        def __call__(self, doc):
            text_of(doc)  # caches the text in user_data
            return doc

    component = pipeline.CounterclaimComponent.__new__(pipeline.CounterclaimComponent)
    component.parts = [_Part()]
    was = gc.isenabled()
    try:
        gc.enable()
        doc = component(spacy.blank("en")("A text."))
        assert seen == [False] and gc.isenabled()
        assert not [key for key in doc.user_data if isinstance(key, str)]
    finally:
        (gc.enable if was else gc.disable)()
