"""Where the read-only data shipped inside the assistant package lives.

Found through the package's own folder, so an installed wheel reads it from the
package and a checkout from the tree; nothing here is ever written at run time
(writable files go under the data folder, see ``corpus.data_layout``).
"""

from __future__ import annotations

from pathlib import Path

SHIPPED_DATA_DIR = Path(__file__).resolve().parent / "data"
STANDARDS_DIR = SHIPPED_DATA_DIR / "standards"
CASES_DIR = SHIPPED_DATA_DIR / "cases"
TEMPLATES_DIR = SHIPPED_DATA_DIR / "templates"
EXAMPLE_CASE = SHIPPED_DATA_DIR / "review" / "example_case.yaml"
MAJOR_DECISION_CATALOGUE = SHIPPED_DATA_DIR / "review" / "major_decision_catalogue.yaml"
AV_RECORDING_LIST = SHIPPED_DATA_DIR / "administration" / "av_recording_list.yaml"
DOCUMENT_FUNCTIONS = SHIPPED_DATA_DIR / "review" / "document_functions.yaml"
CRIMINAL_TRANSFER = SHIPPED_DATA_DIR / "review" / "criminal_transfer.yaml"
VERIFIED_SITUATIONS = SHIPPED_DATA_DIR / "situations" / "verified_situations.json"
