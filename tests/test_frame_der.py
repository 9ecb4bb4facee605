"""The fast frame DER used for grid selection agrees with pyannote.metrics."""

from __future__ import annotations

import numpy as np
import pytest

from eval.frame_der import collar_mask, frame_der_counts, frame_labels


def _pyannote_der(reference: list, hypothesis: list, collar: float) -> float:
    core = pytest.importorskip("pyannote.core", reason="pyannote.metrics 未安装，跳过对照")
    from pyannote.metrics.diarization import DiarizationErrorRate

    def annotation(spans: list) -> object:
        result = core.Annotation()
        for start, end, speaker in spans:
            result[core.Segment(start, end)] = f"s{speaker}"
        return result

    uem = core.Timeline([core.Segment(0, 12)])
    return DiarizationErrorRate(collar=collar)(
        annotation(reference), annotation(hypothesis), uem=uem
    )


@pytest.mark.parametrize("collar", [0.0, 0.25, 0.5])
def test_frame_der_matches_pyannote_on_a_three_speaker_case(collar: float) -> None:
    reference = [(0.5, 2.0, 0), (2.6, 4.0, 1), (4.5, 7.0, 2), (7.5, 9.0, 0)]
    hypothesis = [(0.4, 2.3, 5), (2.3, 3.5, 3), (3.5, 4.2, 5), (4.6, 9.1, 3)]
    frames = 1200
    errors, speech = frame_der_counts(
        frame_labels(reference, frames),
        frame_labels(hypothesis, frames),
        collar_mask(reference, frames, collar),
    )
    assert errors / speech == pytest.approx(_pyannote_der(reference, hypothesis, collar), abs=0.005)


def test_perfect_hypothesis_under_other_names_has_no_error() -> None:
    reference = frame_labels([(0.0, 1.0, 0), (1.5, 3.0, 1)], 300)
    hypothesis = np.where(reference >= 0, 1 - reference, -1)
    assert frame_der_counts(reference, hypothesis, np.ones(300, dtype=bool))[0] == 0
