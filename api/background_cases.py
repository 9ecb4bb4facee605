"""The shipped case base, imported and BM25-indexed in the background of ``zhifa serve``.

Similar cases are supporting material: the service must not wait for them before it
answers searches (issue #15's "first answer within minutes"). When the case index is
missing at start-up, this imports the shipped cases and builds a BM25-only case index;
``zhifa cases init`` adds vectors later. Requests meanwhile get answers without
similar cases, with the usual "案例库尚未建立" note.
"""

from __future__ import annotations

import logging

from api.components import Components
from assistant.cases.case_import import import_paths
from assistant.cases.case_store import CaseStore
from assistant.cases.similar_cases import build_case_index, case_index_dir

log = logging.getLogger("zhifa.cases")


def ensure_case_index(components: Components) -> bool:
    """Import the shipped cases and build their BM25 index if none exists; True if built."""
    settings = components.settings
    if (case_index_dir(settings) / "manifest.json").is_file() or not settings.cases_dir.is_dir():
        return False
    case_store = CaseStore(settings)
    report = import_paths(case_store, components.resolver, [settings.cases_dir])
    if not case_store.count():
        return False
    build_case_index(settings, case_store, components.store, None)
    components.cases_changed()
    log.info("案例库已在后台建立：%d 件（仅 BM25；zhifa cases init 可补建向量）", report.added)
    return True
