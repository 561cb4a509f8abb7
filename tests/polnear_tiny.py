"""polnear_tiny: an invented test fixture in PolNeAR's brat layout, written out by the tests.

Two annotators' files (`_a111` / `_b222`) for one short article about the invented Ostria
conflict (dated 2031), written and annotated by hand by the counterclaim developers so that
the PolNeAR reader and the attribution scorer can be tested without the real corpus. No text
or annotation here comes from PolNeAR; the real data is read from `../shared/datasets/polnear`
by `counterclaim eval attribution --data`. Kept as code, not as tracked `.ann` files, so the
repository holds nothing shaped like a copy of the dataset.
"""

from __future__ import annotations

from pathlib import Path

NAME = "ostria_2031-04-02_truce-talks-stall"

FILES = {
    "data/dev/attributions/{name}_a111.ann": (
        'T1\tSource 26 63\tFree Highlands Front (FHF) commanders\n'
        'T2\tCue 64 68\tsaid\n'
        'T3\tContent 80 120\tthat they would not withdraw from Kessen\n'
        'T4\tAttribution 64 68\tsaid\n'
        'E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n'
        'T5\tContent 122 148;181 218\t"We will hold the bridge," "Nobody in Dalmar can make us leave."\n'
        'T6\tCue 175 179\tsaid\n'
        'T7\tSource 149 174\ta spokesman for the group\n'
        'T8\tAttribution 175 179\tsaid\n'
        'E2\tAttribution:T8 Content:T5 Cue:T6 Source:T7\n'
        'T9\tCue 220 232\tAccording to\n'
        'T10\tSource 233 249\tthe Ostrian army\n'
        'T11\tContent 251 285\tthe rebels shelled Vorna overnight\n'
        'T12\tAttribution 220 232\tAccording to\n'
        'E3\tAttribution:T12 Cue:T9 Source:T10 Content:T11\n'
        'T13\tCue 287 297\tIt is said\n'
        'T14\tContent 303 330\tthe ceasefire has collapsed\n'
        'T15\tAttribution-no-source 287 297\tIt is said\n'
        'E4\tAttribution-no-source:T15 Cue:T13 Content:T14\n'
        'T16\tSource 332 350\tOfficials in Vorna\n'
        'T17\tCue 351 365\ttold reporters\n'
        'T18\tContent 366 383\tthe road was open\n'
        'T19\tContent2 389 427\tthat aid trucks would arrive by Friday\n'
        'T20\tAttribution 351 365\ttold reporters\n'
        'E5\tAttribution:T20 Source:T16 Cue:T17 Content:T18 Content2:T19\n'
        'T21\tDiscuss 0 40\tOstria truce talks stall\n'
        '\n'
        'Free Highlands\n'
    ),
    "data/dev/attributions/{name}_b222.ann": (
        'T1\tSource 26 63\tFree Highlands Front (FHF) commanders\n'
        'T2\tCue 64 68\tsaid\n'
        'T3\tContent 80 120\tthat they would not withdraw from Kessen\n'
        'T4\tAttribution 64 68\tsaid\n'
        'E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n'
    ),
    "data/dev/text/{name}.txt": (
        'Ostria truce talks stall\n'
        '\n'
        'Free Highlands Front (FHF) commanders said on Tuesday that they would not withdraw from Kessen. "We will hold the bridge," a spokesman for the group said. "Nobody in Dalmar can make us leave."\n'
        '\n'
        'According to the Ostrian army, the rebels shelled Vorna overnight. It is said that the ceasefire has collapsed. Officials in Vorna told reporters the road was open, and that aid trucks would arrive by Friday.\n'
    ),
}


def write_polnear_tiny(root: Path) -> Path:
    """Write the fixture under ``root`` (``root/data/dev/...``, as PolNeAR lays it out)."""
    for relative, text in FILES.items():
        path = root / relative.format(name=NAME)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
