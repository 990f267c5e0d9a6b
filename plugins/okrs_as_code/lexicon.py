"""The word classes the KR wording analysis reads, loaded from data/lexicon.yaml.

Which class a word belongs to is data; what it means in a statement is decided by the
analysis (wording.py) from where it stands in the sentence.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _load() -> dict[str, Any]:
    path = Path(str(resources.files(__package__).joinpath("data", "lexicon.yaml")))
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


_LEXICON = _load()


def _lexicon(name: str) -> frozenset[str]:
    return _words(str(_LEXICON[name]))


DELIVERY_VERBS = _lexicon("delivery_verbs")
CHANGE_VERBS = _lexicon("change_verbs")
ACQUIRE_VERBS = _lexicon("acquire_verbs")
KEEP_VERBS = _lexicon("keep_verbs")
INPUT_VERBS = _lexicon("input_verbs")
ACTIVITY_NOUNS = _lexicon("activity_nouns")
CUSTOMER_NOUNS = _lexicon("customer_nouns")
INPUT_NOUNS = _lexicon("input_nouns")
ARTIFACT_NOUNS = _lexicon("artifact_nouns")
MILESTONE_NOUNS = _lexicon("milestone_nouns")
STATE_WORDS = _lexicon("state_words")
OUTPUT_METRICS: tuple[str, ...] = tuple(_LEXICON["output_metrics"])
CHANGE_ONLY_WITH_A_MEASURE = _lexicon("change_only_with_a_measure")
ACQUIRE_ONLY_WITH_A_NUMBER = _lexicon("acquire_only_with_a_number")
PHRASAL_VERBS: dict[str, str] = dict(_LEXICON["phrasal_verbs"])
NOUN_COMPOUNDS: tuple[str, ...] = tuple(_LEXICON["noun_compounds"])
TEAM_NOUNS = _lexicon("team_nouns")
WORLD_VERBS = _lexicon("world_verbs")
DELIVERABLE_NOUNS = _lexicon("deliverable_nouns")
METRIC_NOUNS = _lexicon("metric_nouns")
CHOSEN_BY_OTHERS = _lexicon("chosen_by_others")
CONTACT_VERBS = _lexicon("contact_verbs")
HEADCOUNT_VERBS = _lexicon("headcount_verbs")
REACH_NOUNS = _lexicon("reach_nouns")
CHANGE_WITH_A_LEVEL = _lexicon("change_with_a_level")
ADD_LIKE = _lexicon("add_like")
WORK_ITEMS = _lexicon("work_items")
SYSTEM_NOUNS = _lexicon("system_nouns")
ONE_OFF_VERBS = _lexicon("one_off_verbs")
