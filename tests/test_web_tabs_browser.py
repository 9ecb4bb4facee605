"""Every workflow tab of the web page, walked in a real headless chromium on a real server.

One server for the module (default corpus, BM25 sample index, the example roster,
the assembled Whisper base), one browser context per role. Each tab test walks the
flow an officer would, asserts what the page shows, and saves a screenshot to
``$ZHIFA_SCREENSHOT_DIR`` (or a temp folder). Skips with the reason when chromium or
the playwright package is absent; ``playwright install`` is never run.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy import text

from api.http.app import create_app
from api.settings import Settings
from api.users import Role
from assistant.case_record.event_log import CaseRecordStore
from corpus.store import CorpusStore
from tests.admin_fixtures import settings_with_roster
from tests.live_server import serve_in_thread
from tests.test_api_browser import CHROMIUM, CHROMIUM_ARGS
from tests.test_api_service import build_sample_index
from tests.transcription_fixtures import silent_wav, whisper_folder

__all__ = ["silent_wav", "whisper_folder"]

sync_api = pytest.importorskip("playwright.sync_api", reason="未安装 playwright（pip 包）")
expect = sync_api.expect
expect.set_options(timeout=30_000)  # first use loads the drafter, LAC, matplotlib

ALL_TABS = [
    "法条检索与核验",
    "办案辅助",
    "裁量基准",
    "文书起草",
    "执法公示",
    "全过程记录",
    "执法管理",
]
ROLE_TABS = {
    Role.OFFICER: [*ALL_TABS, "录音转写"],
    Role.REVIEWER: [*ALL_TABS, "法制审核", "执法监督"],
    Role.ADMIN: [*ALL_TABS, "法制审核", "录音转写", "执法监督"],
}
TARGETS = "DX-001,江门市甲五金制品有限公司,91440700MA0000001A\nDX-002,江门市乙电镀有限公司,91440700MA0000002B\nDX-003,江门市丙印染有限公司,91440700MA0000003C\nDX-004,江门市丁造纸有限公司,91440700MA0000004D"


@dataclass
class Server:
    base: str
    settings: Settings
    tokens: dict[Role, str]


@pytest.fixture(scope="module")
def server(
    default_settings: Settings,
    default_store: CorpusStore,
    whisper_folder: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Server]:
    data = tmp_path_factory.mktemp("zhifa-web-tabs")
    settings_with_roster(default_settings, data)
    build_sample_index(data)
    settings = Settings(data_dir=data, whisper_model_dir=whisper_folder)
    app = create_app(settings)
    tokens = {}
    for role in Role:
        app.state.users.add_user(f"web-{role.value}", role)
        tokens[role] = app.state.users.issue_token(f"web-{role.value}").token
    with serve_in_thread(app) as base:
        yield Server(base, settings, tokens)


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("找不到 chromium（apt-get install chromium），跳过浏览器测试")
    with sync_api.sync_playwright() as playwright:
        # The browser's own UI (date picker, file chooser) in Chinese, as officers have it;
        # needs Debian's chromium-l10n (make browser installs it).
        args = [*CHROMIUM_ARGS, "--lang=zh-CN"]
        # LANGUAGE picks the UI translation; the C.UTF-8 locale keeps Chinese file paths intact.
        env = {**os.environ, "LANGUAGE": "zh_CN", "LANG": "C.UTF-8"}
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=args, env=env)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("ZHIFA_SCREENSHOT_DIR")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def signed_in(browser, server: Server, role: Role):
    """A fresh page (own sessionStorage) logged in as ``role``, in a Chinese locale."""
    context = browser.new_context(
        locale="zh-CN", accept_downloads=True, viewport={"width": 1100, "height": 900}
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.base)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(server.base + "/")
    page.fill("#token", server.tokens[role])
    page.click("#login-form button")
    expect(page.locator("#whoami")).to_contain_text(f"web-{role.value}")
    return page


def open_tab(page, label: str) -> None:
    page.get_by_role("tab", name=label).click()


@pytest.mark.parametrize("role", [Role.OFFICER, Role.REVIEWER, Role.ADMIN])
def test_each_role_sees_only_its_tabs(browser, server: Server, shots: Path, role: Role) -> None:
    page = signed_in(browser, server, role)
    expect(page.get_by_role("tab")).to_have_text(ROLE_TABS[role])
    hidden = page.locator("nav .tab[hidden]").all_text_contents()
    assert set(hidden) == {"法制审核", "录音转写", "执法监督"} - set(ROLE_TABS[role])
    open_tab(page, "执法管理")
    expect(page.locator("#draw-box")).to_be_visible() if role != Role.REVIEWER else expect(
        page.locator("#draw-box")
    ).to_be_hidden()
    page.screenshot(path=str(shots / f"roles-{role.value}.png"))
    page.context.close()


def test_keyboard_moves_between_tabs(browser, server: Server) -> None:
    page = signed_in(browser, server, Role.OFFICER)
    page.get_by_role("tab", name="法条检索与核验").focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("tab", name="办案辅助")).to_be_focused()
    expect(page.locator("#tab-assist")).to_be_visible()
    page.keyboard.press("End")
    expect(page.get_by_role("tab", name="录音转写")).to_have_attribute("aria-selected", "true")
    page.keyboard.press("ArrowRight")  # wraps round to the first tab
    expect(page.locator("#tab-law")).to_be_visible()
    assert page.evaluate("navigator.language") == "zh-CN"
    assert page.locator("#law-date").get_attribute("lang") == "zh-CN"
    page.context.close()


def test_citation_is_copied_to_the_clipboard(browser, server: Server, shots: Path) -> None:
    page = signed_in(browser, server, Role.OFFICER)
    page.fill("#law-q", "行政处罚法第32条第1款第2项")
    page.fill("#law-date", "2023-05-01")
    page.click("#law-form button[value=cite]")
    hit = page.locator("#law-results .hit").first
    hit.get_by_role("button", name="复制引用").click()
    expect(hit.get_by_role("button", name="已复制")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("《中华人民共和国行政处罚法》第三十二条第一款第（二）项：")
    assert "受他人胁迫或者诱骗" in copied
    page.screenshot(path=str(shots / "law.png"))
    page.context.close()


def test_assist_tab_pushes_provisions_and_evidence(browser, server: Server, shots: Path) -> None:
    page = signed_in(browser, server, Role.OFFICER)
    open_tab(page, "办案辅助")
    page.fill("#assist-q", "当事人要求听证的，行政机关应当怎么做")
    page.click("#assist-form button")
    # procedural question: the hearing article is among the pushed provisions (ranking is
    # measured by `zhifa eval assist`, not asserted here)
    expect(page.locator("#assist-results .cite").filter(has_text="第六十三条")).not_to_have_count(0)
    expect(page.locator("#assist-results")).to_contain_text("证据清单")
    page.screenshot(path=str(shots / "assist.png"), full_page=True)
    page.context.close()


def test_review_tab_for_a_reviewer(browser, server: Server, shots: Path) -> None:
    page = signed_in(browser, server, Role.REVIEWER)
    open_tab(page, "法制审核")
    page.click("#review-example")
    expect(page.locator("#review-case")).to_have_value(re.compile("江环罚"))
    page.click("#review-form button[type=submit]")
    expect(page.locator("#review-results .cite").first).to_be_visible(timeout=90_000)
    expect(page.locator("#review-results")).to_contain_text("重大执法决定")
    page.screenshot(path=str(shots / "review.png"), full_page=True)
    page.context.close()


def test_drafting_tab_previews_and_downloads_an_a4_docx(
    browser, server: Server, shots: Path, tmp_path: Path
) -> None:
    page = signed_in(browser, server, Role.OFFICER)
    open_tab(page, "文书起草")
    expect(page.locator("#draft-type option")).to_have_count(8)
    page.select_option("#draft-type", "行政处罚决定书")
    case_file = tmp_path / "案卷.yaml"
    example = page.evaluate("api('/api/draft/example')")
    del example["penalty"]["amount"]  # the officer has not decided the fine yet
    case_file.write_text(json.dumps(example, ensure_ascii=False), encoding="utf-8")
    page.set_input_files("#draft-file", str(case_file))
    expect(page.locator("#draft-results")).to_contain_text("已读取案卷文件：案卷.yaml")
    page.click("#draft-form button[value=preview]")
    preview = page.locator("#draft-results .doc-page")
    expect(preview.locator(".doc-title")).to_have_text(["江门市生态环境局", "行政处罚决定书"])
    expect(preview.locator("mark.missing").first).to_be_visible()
    expect(page.locator("#draft-results")).to_contain_text("项待补充")
    expect(page.locator("#draft-results .citation-line").first).to_contain_text("水污染防治法")
    page.screenshot(path=str(shots / "drafting.png"), full_page=True)
    with page.expect_download() as download:
        page.click("#draft-form button[value=docx]")
    saved = tmp_path / "决定书.docx"
    download.value.save_as(saved)
    section = Document(BytesIO(saved.read_bytes())).sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    page.context.close()


def test_publicity_tab_deadline_redaction_entries_and_report(
    browser, server: Server, shots: Path
) -> None:
    page = signed_in(browser, server, Role.OFFICER)
    open_tab(page, "执法公示")
    page.fill("#deadline-decided", "2024-09-27")
    page.click("#deadline-form button")
    expect(page.locator("#deadline-decided + .date-echo")).to_have_text("2024年9月27日（星期五）")
    expect(page.locator(".deadline-due")).to_contain_text("2024年10月12日（星期六）")
    calendar = page.locator("#deadline-results")
    expect(calendar.locator(".tag.holiday", has_text="国庆节")).to_have_count(7)
    expect(calendar.locator("td.due")).to_contain_text("第7个工作日")
    expect(calendar.locator(".tag.adjusted")).to_have_count(2)  # 9-29 and 10-12
    page.fill(
        "#redact-text", "当事人张伟，身份证号11010519491231002X，电话13812345678，执法人员李强。"
    )
    page.fill("#redact-keep", "李强")
    page.click("#redact-form button")
    masked = page.locator("#redact-results mark.masked")
    expect(masked).to_have_count(3)
    assert "13812345678" not in page.locator("#redact-results .redacted").inner_text()
    expect(page.locator("#redact-results .redacted")).to_contain_text("李强")
    page.screenshot(path=str(shots / "publicity-deadline-redaction.png"), full_page=True)

    page.click("#publicity-example")
    page.click("#cases-form button[value=entry]")
    expect(page.locator("#publicity-results .hit")).to_have_count(3)
    expect(page.locator("#publicity-results")).to_contain_text("张*")
    page.fill("#overdue-today", "2024-12-31")
    page.click("#cases-form button[value=overdue]")
    expect(page.locator("#publicity-results table.overdue tr")).to_have_count(3)  # head + 2
    page.fill("#report-year", "2024")
    page.click("#cases-form button[value=report]")
    chart = page.locator("#publicity-results img.chart")
    expect(chart).to_be_visible()
    assert page.evaluate("document.querySelector('img.chart').naturalWidth") > 600
    expect(page.locator("#publicity-results table.report")).to_contain_text("决定总数")
    page.screenshot(path=str(shots / "publicity-report.png"), full_page=True)
    page.context.close()


def test_records_tab_timeline_attachment_verify_and_export(
    browser, server: Server, shots: Path, tmp_path: Path
) -> None:
    case = "江环罚〔2024〕web1号"
    page = signed_in(browser, server, Role.OFFICER)
    open_tab(page, "全过程记录")
    page.fill("#record-case", case)
    page.select_option("#record-type", "启动")
    page.fill("#record-note", "群众举报，现场检查")
    page.click("#record-event-form button")
    expect(page.locator("#record-timeline .event")).to_have_count(1)
    photo = tmp_path / "排污口照片.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    page.select_option("#record-type", "调查取证")
    page.set_input_files("#record-file", str(photo))
    page.click("#record-attach-form button")
    expect(page.locator("#record-timeline .event")).to_have_count(2)
    attachment = page.locator("#record-timeline .attachment")
    expect(attachment).to_contain_text("排污口照片.png")
    expect(attachment.locator(".hash")).to_have_text(re.compile(r"SHA-256 [0-9a-f]{64}"))
    page.click("#record-verify")
    expect(page.locator("#record-verification")).to_contain_text("校验通过")
    page.screenshot(path=str(shots / "records-verified.png"), full_page=True)

    with page.expect_download() as download:
        page.click("#record-export")
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["verification"]["ok"] and len(exported["events"]) == 2

    store = CaseRecordStore(server.settings)
    with store.engine.begin() as connection:  # someone with database access edits the record
        connection.execute(text("DROP TRIGGER IF EXISTS case_event_no_update"))
        connection.execute(
            text("UPDATE case_event SET payload = :p WHERE case_no = :c AND seq = 1"),
            {"p": '{"摘要":"无人举报"}', "c": case},
        )
    page.click("#record-verify")
    expect(page.locator("#record-verification")).to_contain_text("校验未通过")
    expect(page.locator("#record-verification")).to_contain_text("【内容被修改】第1条记录")
    page.screenshot(path=str(shots / "records-tampered.png"), full_page=True)
    page.context.close()


def test_management_tab_roster_lists_draw_and_av_list(browser, server: Server, shots: Path) -> None:
    page = signed_in(browser, server, Role.OFFICER)
    open_tab(page, "执法管理")
    expect(page.locator("#management-agency option")).to_have_count(1)
    page.fill("#management-date", "2024-06-01")
    page.click("#management-form button")
    roster = page.locator("#management-roster table.roster")
    expect(roster.locator("tr.expiring")).to_contain_text("王芳")
    expect(roster.locator("tr.expiring")).to_contain_text("44 天后到期")  # 1 June → 15 July
    expect(page.locator("#management-lists details")).to_have_count(4)
    expect(page.locator("#management-lists")).to_contain_text("行政执法事项清单")
    page.fill("#draw-matter", "排污单位现场检查")
    page.fill("#draw-date", "2024-06-03")
    page.fill("#draw-count", "2")
    page.fill("#draw-seed", "20240603-福彩3D-517")
    page.fill("#draw-targets", TARGETS)
    page.click("#draw-form button")
    expect(page.locator("#draw-results table.draw tr")).to_have_count(3)
    expect(page.locator("#draw-results .draw-hash")).to_have_text(re.compile(r"^[0-9a-f]{64}$"))
    page.click("#av-list-load")
    expect(page.locator("#av-list table.av tr").nth(1)).to_be_visible()
    page.screenshot(path=str(shots / "management.png"), full_page=True)
    page.context.close()


def test_long_action_shows_progress_and_can_be_cancelled(browser, server: Server) -> None:
    page = signed_in(browser, server, Role.OFFICER)
    held = []
    page.route("**/api/publicity/overdue", lambda route: held.append(route))  # never answered
    open_tab(page, "执法公示")
    page.click("#publicity-example")
    page.click("#cases-form button[value=overdue]")
    busy = page.locator("#publicity-results .busy")
    expect(busy.locator("progress")).to_be_visible()
    expect(busy).to_contain_text("检查逾期…")
    busy.get_by_role("button", name="取消").click()
    expect(page.locator("#publicity-results .err")).to_have_text("已取消：检查逾期")
    assert held  # the request was under way when it was cancelled
    page.context.close()


def test_docs_render_the_operations(browser, server: Server, shots: Path) -> None:
    page = browser.new_page()
    page.goto(server.base + "/docs")
    expect(page.locator(".opblock").first).to_be_visible(timeout=30_000)
    assert page.locator(".opblock").count() >= 40
    expect(page.locator(".opblock-summary-path", has_text="/api/draft/types")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("Unable to render this definition")
    page.screenshot(path=str(shots / "docs.png"))
    page.close()


def test_discretion_detail_shows_the_legal_basis_once(browser, server: Server, shots: Path) -> None:
    page = signed_in(browser, server, Role.OFFICER)
    open_tab(page, "裁量基准")
    page.fill("#discretion-q", "未依法备案环境影响登记表")
    page.click("#discretion-form button")
    hit = page.locator("#discretion-results .violation").first
    basis = hit.locator(".meta").first.inner_text()
    hit.focus()
    page.keyboard.press("Enter")  # reachable without a mouse
    expect(hit.locator(".tier").first).to_be_visible()
    first_basis = basis.split("；")[0]
    assert first_basis and hit.inner_text().count(first_basis) == 1
    page.screenshot(path=str(shots / "discretion.png"), full_page=True)
    page.context.close()


def test_transcription_rejected_upload_and_uploaded_file_name(
    browser, server: Server, silent_wav: Path, tmp_path: Path, shots: Path
) -> None:
    page = signed_in(browser, server, Role.OFFICER)
    open_tab(page, "录音转写")
    fake = tmp_path / "不是录音.wav"
    fake.write_bytes(b"this is not audio at all" * 100)
    page.set_input_files("#audio", str(fake))
    page.click("#upload-form button[type=submit]")
    expect(page.locator("#transcript .err")).to_be_visible()
    expect(page.locator("#upload-progress")).to_be_hidden()
    assert page.eval_on_selector("#upload-progress", "bar => bar.value") == 0
    page.set_input_files("#audio", str(silent_wav))
    page.fill("#upload-form input[name=case_id]", "江环罚〔2024〕web2号")
    page.click("#upload-form button[type=submit]")
    expect(page.locator("#transcript .source")).to_contain_text(
        "录音文件：silence.wav", timeout=90_000
    )
    page.screenshot(path=str(shots / "transcription.png"), full_page=True)
    page.context.close()
