"""The 执法监督 tab in a real headless browser: shown to reviewers only, audits the
example closed file, files it, shows counts, the chart and a warning's case link.
Skips with the reason when chromium or playwright is absent."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from api.http.app import create_app
from api.settings import Settings
from api.users import Role
from corpus.store import CorpusStore
from tests.live_server import serve_in_thread
from tests.test_api_browser import CHROMIUM, CHROMIUM_ARGS
from tests.test_api_service import copy_database

sync_api = pytest.importorskip("playwright.sync_api", reason="未安装 playwright（pip 包）")


@pytest.fixture(scope="module")
def server(
    default_settings: Settings, default_store: CorpusStore, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, dict[Role, str]]]:
    data = tmp_path_factory.mktemp("zhifa-browser-supervision")
    copy_database(default_settings, data)
    app = create_app(Settings(data_dir=data))
    tokens = {}
    for role in (Role.OFFICER, Role.REVIEWER):
        app.state.users.add_user(f"sup-{role.value}", role)
        tokens[role] = app.state.users.issue_token(f"sup-{role.value}").token
    with serve_in_thread(app) as base:
        yield base, tokens


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("找不到 chromium（apt-get install chromium），跳过浏览器测试")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _login(browser, base: str, token: str):
    page = browser.new_page()
    page.set_default_timeout(30_000)
    page.goto(base + "/")
    page.fill("#token", token)
    page.click("#login-form button")
    return page


def test_officers_do_not_see_the_tab(browser, server) -> None:
    base, tokens = server
    page = _login(browser, base, tokens[Role.OFFICER])
    sync_api.expect(page.locator("#whoami")).to_contain_text("执法人员")
    sync_api.expect(page.locator("nav .tab[data-tab=supervision]")).to_be_hidden()
    page.close()


def test_reviewer_audits_files_and_sees_the_dashboard(browser, server) -> None:
    base, tokens = server
    page = _login(browser, base, tokens[Role.REVIEWER])
    tab = page.locator("nav .tab[data-tab=supervision]")
    sync_api.expect(tab).to_be_visible()
    tab.click()
    sync_api.expect(page.locator("#tab-supervision")).to_be_visible()
    sync_api.expect(page.locator("#tab-law")).to_be_hidden()
    page.click("#sup-example")
    sync_api.expect(page.locator("#sup-case-file")).to_have_value(re.compile("江环罚"))
    page.click("#sup-audit-form button[type=submit]")
    sync_api.expect(page.locator("#sup-audit")).to_contain_text("评查得分 100 / 100")
    page.click("#sup-file")
    sync_api.expect(page.locator("#sup-stats")).to_contain_text("江门市生态环境局 1")
    sync_api.expect(page.locator("#sup-chart img")).to_have_attribute(
        "src", re.compile("^data:image/png")
    )
    page.click("nav .tab[data-tab=law]")
    sync_api.expect(page.locator("#tab-supervision")).to_be_hidden()
    page.close()
