"""The web page in a real headless browser (Debian's chromium through Playwright).

Logs in with a token, searches a question and sees the citation with its text,
verifies a citation, uploads a real interview clip and sees the transcript in the
笔录 draft. Skips with the reason when chromium or the playwright package is absent
(``make`` installs both; ``playwright install`` is never run: no browser downloads).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.http.app import create_app
from api.settings import Settings
from api.users import Role
from corpus.store import CorpusStore
from tests.live_server import serve_in_thread
from tests.test_api_service import build_sample_index, copy_database
from tests.transcription_fixtures import speech_dir, whisper_folder

__all__ = ["speech_dir", "whisper_folder"]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
CLIP = "FireRedASR/BAC009S0764W0121.wav"  # 甚至出现交易几乎停滞的情况

sync_api = pytest.importorskip("playwright.sync_api", reason="未安装 playwright（pip 包）")


@pytest.fixture(scope="module")
def server(
    default_settings: Settings,
    default_store: CorpusStore,
    whisper_folder: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[str, str]]:
    """The app on a loopback port in a thread; yields (base URL, officer token)."""
    data = tmp_path_factory.mktemp("zhifa-browser")
    copy_database(default_settings, data)
    build_sample_index(data)
    app = create_app(Settings(data_dir=data, whisper_model_dir=whisper_folder))
    app.state.users.add_user("browser-officer", Role.OFFICER)
    token = app.state.users.issue_token("browser-officer").token
    with serve_in_thread(app) as base:
        yield base, token


@pytest.fixture(scope="module")
def page(server: tuple[str, str]):
    if CHROMIUM is None:
        pytest.skip("找不到 chromium（apt-get install chromium），跳过浏览器测试")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.set_default_timeout(30_000)
        yield page
        browser.close()


def test_login_ask_cite_and_transcribe(page, server: tuple[str, str], speech_dir: Path) -> None:
    base, token = server
    page.goto(base + "/")
    page.fill("#token", token)
    page.click("#login-form button")
    sync_api.expect(page.locator("#whoami")).to_have_text("browser-officer（执法人员）")

    page.fill("#law-q", "当事人要求听证的，行政机关应当怎么做")
    page.click("#law-form button[value=search]")
    first = page.locator("#law-results .hit").first
    sync_api.expect(first.locator(".cite")).to_have_text("《行政处罚法》第六十三条")
    sync_api.expect(first).to_contain_text("应当组织听证")

    page.fill("#law-q", "行政处罚法第32条第1款第2项")
    page.fill("#law-date", "2023-05-01")
    page.click("#law-form button[value=cite]")
    hit = page.locator("#law-results .hit").first
    sync_api.expect(hit.locator(".cite")).to_have_text(
        "《中华人民共和国行政处罚法》第三十二条第一款第（二）项"
    )
    sync_api.expect(hit).to_contain_text("受他人胁迫或者诱骗")

    page.click("nav .tab[data-tab=assist]")
    page.fill("#assist-q", "当事人要求听证的，行政机关应当怎么做")
    page.click("#assist-form button")
    provision = page.locator("#assist-results .cite").first  # a pair's side, else a provision
    sync_api.expect(provision).to_contain_text("中华人民共和国行政处罚法》第六十三条")
    sync_api.expect(page.locator("#assist-results")).to_contain_text("证据清单")

    page.click("nav .tab[data-tab=transcribe]")
    page.set_input_files("#audio", str(speech_dir / CLIP))
    page.click("#upload-form button[type=submit]")
    transcript = page.locator("#transcript .transcript-text").first
    sync_api.expect(transcript).to_contain_text("交易", timeout=90_000)
    sync_api.expect(page.locator("#download-docx")).to_be_visible()
    with page.expect_download() as download:
        page.click("#download-docx")
    assert download.value.suggested_filename == "询问笔录草稿.docx"

    page.click("#try-example")  # the shipped two-speaker recording, no file needed
    sync_api.expect(page.locator("#transcript")).to_contain_text("协会", timeout=90_000)
    page.locator("#rename-speakers input").first.fill("王五")
    page.click("#rename-speakers button")
    sync_api.expect(page.locator("#transcript")).to_contain_text("王五：")
