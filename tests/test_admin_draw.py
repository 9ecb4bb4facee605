"""双随机抽查: reproducible from the published seed, conflict-free and valid-certificate-only
over many generated inputs, recorded in the whole-process log, published as an entry."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from admin_fixtures import AGENCY, EXAMPLES
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from typer.testing import CliRunner

from api.cli import app
from api.settings import Settings
from assistant.administration.draw_inputs import read_officers, read_targets
from assistant.administration.draw_publication import draw_public_entry, record_draw
from assistant.administration.random_draw import (
    DrawError,
    DrawRequest,
    DrawTarget,
    conflicted,
    draw,
)
from assistant.administration.roster_records import OfficerRecord
from assistant.case_record.event_log import CaseRecordStore
from assistant.case_record.verification import verify_events

DAY = date(2024, 6, 20)


@st.composite
def draw_requests(draw_: st.DrawFn) -> DrawRequest:
    n_targets = draw_(st.integers(1, 12))
    n_officers = draw_(st.integers(2, 9))
    officers = []
    for n in range(n_officers):
        start = DAY - timedelta(days=draw_(st.integers(-30, 900)))
        officers.append(
            OfficerRecord(
                name=f"官{n}",
                certificate_no=f"C{n:02d}",
                agency=AGENCY,
                role=draw_(st.sampled_from(["执法人员"] * 4 + ["法制审核人员"])),
                valid_from=start,
                valid_to=start + timedelta(days=draw_(st.integers(10, 1500))),
                related_targets=draw_(
                    st.lists(st.sampled_from([f"T{i}" for i in range(12)]), max_size=2)
                ),
            )
        )
    targets = [
        DrawTarget(
            code=f"T{i}",
            name=f"对象{i}",
            related_officers=draw_(
                st.lists(
                    st.sampled_from([o.certificate_no for o in officers] + ["官0"]), max_size=2
                )
            ),
        )
        for i in range(n_targets)
    ]
    return DrawRequest(
        agency=AGENCY,
        on=DAY,
        count=draw_(st.integers(1, n_targets)),
        seed=draw_(st.text(min_size=1, max_size=12)),
        targets=targets,
        officers=officers,
    )


def _summary(result: object) -> list[tuple[str, tuple[str, str]]]:
    return [
        (a.target.code, tuple(o.certificate_no for o in a.inspectors)) for a in result.assignments
    ]


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(draw_requests(), st.randoms(use_true_random=False))
def test_draw_is_reproducible_and_conflict_free(
    request: DrawRequest, shuffler: random.Random
) -> None:
    try:
        result = draw(request)
    except DrawError as exc:
        assert "不足两名" in str(exc) or "超过" in str(exc)
        return
    shuffled = request.model_copy(
        update={
            "targets": shuffler.sample(request.targets, len(request.targets)),
            "officers": shuffler.sample(request.officers, len(request.officers)),
        }
    )
    again = draw(shuffled)
    assert _summary(again) == _summary(result)  # same inputs (any order) + seed → same draw
    assert again.inputs_hash == result.inputs_hash
    codes = [a.target.code for a in result.assignments]
    assert len(codes) == len(set(codes)) == request.count
    for assignment in result.assignments:
        first, second = assignment.inspectors
        assert first.certificate_no != second.certificate_no
        for officer in assignment.inspectors:
            assert officer.valid_on(request.on) and officer.role == "执法人员"
            assert not conflicted(officer, assignment.target)


def test_different_seeds_give_different_draws() -> None:
    targets = [DrawTarget(code=f"T{i:02d}", name=f"对象{i}") for i in range(30)]
    officers = [
        OfficerRecord(name=f"官{n}", certificate_no=f"C{n}", agency=AGENCY) for n in range(6)
    ]
    seen = {
        tuple(
            _summary(
                draw(
                    DrawRequest(
                        agency=AGENCY,
                        on=DAY,
                        count=5,
                        seed=str(s),
                        targets=targets,
                        officers=officers,
                    )
                )
            )
        )
        for s in range(10)
    }
    assert len(seen) > 5


def test_impossible_draw_says_why_in_chinese() -> None:
    officers = [
        OfficerRecord(name="甲", certificate_no="C1", agency=AGENCY),
        OfficerRecord(name="乙", certificate_no="C2", agency=AGENCY, related_targets=["T1"]),
    ]
    request = DrawRequest(
        agency=AGENCY,
        on=DAY,
        count=1,
        seed="1",
        targets=[DrawTarget(code="T1", name="某公司")],
        officers=officers,
    )
    with pytest.raises(DrawError, match="回避后可派执法人员不足两名"):
        draw(request)


def test_draw_is_recorded_and_published(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    records = CaseRecordStore(settings)
    request = DrawRequest(
        agency=AGENCY,
        matter="对排污单位的现场检查",
        on=DAY,
        count=3,
        seed="20240620",
        targets=read_targets(EXAMPLES / "targets.csv"),
        officers=read_officers(EXAMPLES / "officers.csv"),
    )
    result = draw(request)
    event = record_draw(records, result, "张科长")
    assert result.draw_id == "抽查-2024-001" and event.event_type == "启动"
    assert event.payload["seed"] == "20240620"
    assert event.payload["inputs_sha256"] == result.inputs_hash
    assert verify_events(
        "抽查-2024-001", records.events("抽查-2024-001"), records.head("抽查-2024-001")
    ).ok
    second = draw(request)
    record_draw(records, second, "张科长")
    assert second.draw_id == "抽查-2024-002"
    entry = draw_public_entry(result, settings)
    assert entry["随机种子"] == "20240620" and len(entry["抽查名单"]) == 3
    assert entry["公开期限"] == "2024-07-18"
    assert "《广东省行政执法公示办法》第十一条第一款第（一）项" in entry["依据"]


def test_draw_command_reproduces_its_result(tmp_path: Path) -> None:
    runner = CliRunner()
    args = [
        "draw",
        "--targets",
        str(EXAMPLES / "targets.csv"),
        "--officers",
        str(EXAMPLES / "officers.csv"),
        "--count",
        "3",
        "--seed",
        "20240620",
        "--date",
        "2024-06-20",
        "--json",
    ]
    env = {"ZHIFA_DATA_DIR": str(tmp_path)}
    first = runner.invoke(app, args, env=env)
    again = runner.invoke(app, [*args, "--dry-run"], env=env)
    assert first.exit_code == 0, first.output

    one, two = json.loads(first.stdout), json.loads(again.stdout)
    assert one["draw"]["draw_id"] == "抽查-2024-001" and two["draw"]["draw_id"] == ""
    assert one["draw"]["assignments"] == two["draw"]["assignments"]
    assert one["draw"]["inputs_sha256"] == two["draw"]["inputs_sha256"]
