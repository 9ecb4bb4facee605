"""Upload → background job with progress → transcript and 笔录 draft, with the real model."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings
from api.users import Role
from tests.test_api_service import bearer, issue_tokens
from tests.transcription_fixtures import silent_wav, speech_dir, whisper_folder
from transcription.speaker_encoder import default_encoder_path

__all__ = ["silent_wav", "speech_dir", "whisper_folder"]

CLIP = "FireRedASR/BAC009S0764W0121.wav"  # 甚至出现交易几乎停滞的情况


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, whisper_folder: Path) -> TestClient:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("zhifa-transcribe"), whisper_model_dir=whisper_folder
    )
    return TestClient(create_app(settings), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def tokens(client: TestClient) -> dict[Role, str]:
    return issue_tokens(client, "asr")


def upload(client: TestClient, token: str, path: Path, **fields: str) -> dict:
    with path.open("rb") as handle:
        response = client.post(
            "/api/transcriptions",
            files={"file": (path.name, handle, "audio/wav")},
            data=fields,
            headers=bearer(token),
        )
    assert response.status_code == 202, response.text
    return response.json()


def wait(client: TestClient, token: str, job_id: str, timeout: float = 90.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/api/transcriptions/{job_id}", headers=bearer(token)).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish in {timeout} s")


def test_silence_gives_an_empty_transcript_never_invented_text(
    client: TestClient, tokens: dict[Role, str], silent_wav: Path
) -> None:
    token = tokens[Role.OFFICER]
    job = upload(client, token, silent_wav)
    assert job["status"] in ("queued", "running") and job["file_name"] == "silence.wav"
    done = wait(client, token, job["id"])
    assert done["status"] == "done", done["error"]
    result = done["result"]
    assert result["text"] == "" and result["segments"] == [] and result["draft_turns"] == []
    assert "询问笔录" in result["draft_markdown"] and done["progress"]["fraction"] == 1.0
    docx = client.get(result["downloads"]["docx"], headers=bearer(token))
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert "attachment" in docx.headers["content-disposition"]


def test_real_clip_is_transcribed_and_filed_with_the_case(
    client: TestClient, tokens: dict[Role, str], speech_dir: Path
) -> None:
    token = tokens[Role.OFFICER]
    job = upload(client, token, speech_dir / CLIP, case_id="环罚〔2024〕12号", interviewee="张三")
    done = wait(client, token, job["id"])
    assert done["status"] == "done", done["error"]
    result = done["result"]
    assert "交易" in result["text"] and "几乎" in result["text"]
    assert result["filed_with_case"] and result["draft_turns"]
    assert "张三" in result["draft_markdown"]
    # the draft and the record name the uploaded file, not the server's random one
    assert f"录音文件：{Path(CLIP).name}" in result["draft_markdown"]
    records = client.app.state.settings.data_dir / "records"
    assert list(records.glob("*/*.audio.json")) and list(records.glob("*/*.笔录.docx"))
    audio_record = next(records.glob("*/*.audio.json"))
    assert audio_record.name.startswith(Path(CLIP).stem)
    markdown = client.get(result["downloads"]["md"], headers=bearer(token))
    assert markdown.status_code == 200 and "交易" in markdown.text
    # the downloadable draft JSON names the record relative to the records folder
    draft = client.get(result["downloads"]["json"], headers=bearer(token))
    assert draft.status_code == 200 and str(records) not in draft.text
    assert not draft.json()["audio"]["record_path"].startswith("/")
    # someone else's job does not exist for them; admins see every job
    other = client.get(f"/api/transcriptions/{job['id']}", headers=bearer(tokens[Role.ADMIN]))
    assert other.status_code == 200
    client.app.state.users.add_user("asr-officer2", Role.OFFICER)
    stranger = client.app.state.users.issue_token("asr-officer2").token
    hidden = client.get(f"/api/transcriptions/{job['id']}", headers=bearer(stranger))
    assert hidden.status_code == 404 and hidden.json()["code"] == "job_not_found"


def _post(client: TestClient, token: str, path: Path, **fields: str):
    with path.open("rb") as handle:
        return client.post(
            "/api/transcriptions",
            files={"file": (path.name, handle, "audio/wav")},
            data=fields,
            headers=bearer(token),
        )


def test_undecodable_or_truncated_audio_is_refused_before_the_job(
    client: TestClient, tokens: dict[Role, str], tmp_path: Path, silent_wav: Path
) -> None:
    """Probed before 202: the reason names the officer's file, never a server path or flag."""
    token = tokens[Role.OFFICER]
    broken = tmp_path / "broken.mp3"
    broken.write_bytes(b"ID3" + bytes(range(256)) * 40)
    truncated = tmp_path / "断电录音.wav"
    truncated.write_bytes(silent_wav.read_bytes()[: 44 + 4000])
    uploads = client.app.state.settings.data_dir / "uploads" / "audio"
    for path, code in ((broken, "invalid_audio"), (truncated, "truncated_audio")):
        response = _post(client, token, path)
        assert response.status_code == 422, response.text
        error = response.json()
        assert error["code"] == code and path.name in error["message"]
        assert "/" not in error["message"] and "--" not in error["message"]
    assert list(uploads.glob("*")) == []  # nothing refused is kept


def test_control_characters_in_form_fields_are_refused(
    client: TestClient, tokens: dict[Role, str], silent_wav: Path
) -> None:
    response = _post(client, tokens[Role.OFFICER], silent_wav, interviewee="张\x0b三")
    assert response.status_code == 422 and response.json()["field"] == "interviewee"
    response = _post(client, tokens[Role.OFFICER], silent_wav, case_id="环罚\n12号")
    assert response.status_code == 422 and response.json()["field"] == "case_id"


def test_bad_form_field_is_422(
    client: TestClient, tokens: dict[Role, str], silent_wav: Path
) -> None:
    with silent_wav.open("rb") as handle:
        response = client.post(
            "/api/transcriptions",
            files={"file": ("s.wav", handle, "audio/wav")},
            data={"case_id": "x" * 150},
            headers=bearer(tokens[Role.OFFICER]),
        )
    assert response.status_code == 422 and response.json()["field"] == "case_id"


def test_shipped_example_is_served_and_its_two_voices_are_heard(
    client: TestClient, tokens: dict[Role, str], tmp_path: Path
) -> None:
    if default_encoder_path() is None:
        pytest.skip("resemblyzer 未安装（make install 以 --no-deps 安装），跳过说话人分离")
    token = tokens[Role.OFFICER]
    example = client.get("/api/transcriptions/example.wav", headers=bearer(token))
    assert example.status_code == 200 and example.content[:4] == b"RIFF"
    assert client.get("/api/transcriptions/example.wav").status_code == 401
    path = tmp_path / "示例询问录音.wav"
    path.write_bytes(example.content)
    done = wait(client, token, upload(client, token, path, verbatim="1")["id"])
    assert done["status"] == "done", done["error"]
    result = done["result"]
    assert result["speakers"] == 2  # AISHELL-1 S0764, S0724, S0764
    assert "交易" in result["text"] and "协会" in result["text"]
    speakers = sorted({turn["speaker"] for turn in result["draft_turns"]})
    assert len(speakers) == 2
    # the clerk names one voice; the draft (JSON, Markdown, DOCX) is re-rendered
    renamed = client.post(
        f"/api/transcriptions/{done['id']}/speakers",
        json={"renames": {speakers[0]: "王五"}},
        headers=bearer(token),
    )
    assert renamed.status_code == 200, renamed.text
    turns = renamed.json()["result"]["draft_turns"]
    assert {t["speaker"] for t in turns} == {"王五", speakers[1]}
    assert "王五：" in client.get(result["downloads"]["md"], headers=bearer(token)).text
    unknown = client.post(
        f"/api/transcriptions/{done['id']}/speakers",
        json={"renames": {"翻译": "王五"}},
        headers=bearer(token),
    )
    assert unknown.status_code == 422 and "没有说话人" in unknown.json()["message"]
