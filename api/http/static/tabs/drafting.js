// 文书起草: choose a type, fill or upload a case file, preview (missing data highlighted), DOCX.
"use strict";

const DRAFT_LINE_STYLES = [["## ", "doc-heading"], ["# ", "doc-title"], ["^ ", "doc-center"], ["> ", "doc-right"]];

async function loadDraftTypes() {
  if ($("draft-type").options.length) return;
  const types = await api("/api/draft/types");
  for (const kind of types) {
    const option = el("option", "", kind.type);
    option.value = kind.type;
    option.title = "简称：" + kind.aliases.join("、");
    $("draft-type").append(option);
  }
  $("draft-type").value = "行政处罚决定书";
}

function draftCase() {
  try {
    return JSON.parse($("draft-case").value);
  } catch {
    throw new Error("案卷不是有效的 JSON：请检查括号与引号，或重新上传案卷文件");
  }
}

function renderDraftText(text) {
  const page = el("div", "doc-page");
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    const [mark, cls] = DRAFT_LINE_STYLES.find(([m]) => line.startsWith(m)) || ["", "doc-body"];
    const paragraph = el("p", cls);
    paragraph.append(markMissing(line.slice(mark.length)));
    page.append(paragraph);
  }
  return page;
}

function renderDraft(body) {
  const box = el("div");
  const missing = body.warnings.length;
  box.append(el("p", missing ? "warn" : "meta", missing ? `有 ${missing} 项待补充（已在文中标出）：` : "无待补充事项。"));
  if (missing) {
    const list = el("ul", "draft-warnings");
    for (const warning of body.warnings) list.append(el("li", "", warning));
    box.append(list);
  }
  box.append(renderDraftText(body.markup || body.text));
  if (body.citations.length) {
    box.append(el("h3", "", "文中引用（均已在语料库中核验）"));
    for (const c of body.citations) {
      const line = el("div", "citation-line");
      line.append(el("span", "cite", c.citation), el("span", "meta", ` ${c.version} 起施行的版本 `), copyButton(c.citation));
      box.append(line);
    }
  }
  return box;
}

document.addEventListener("zhifa:tab", (event) => {
  if (event.detail === "drafting") loadDraftTypes().catch((f) => $("draft-results").replaceChildren(errorBox(f.message)));
});

$("draft-example").addEventListener("click", async () => {
  try {
    $("draft-case").value = JSON.stringify(await api("/api/draft/example"), null, 2);
  } catch (failure) {
    $("draft-results").replaceChildren(errorBox(failure.message));
  }
});

$("draft-file").addEventListener("change", async () => {
  const box = $("draft-results");
  try {
    const text = await readFileText($("draft-file"));
    if (text === null) return;
    const parsed = await postJson("/api/draft/case-file", { text });
    $("draft-case").value = JSON.stringify(parsed, null, 2);
    box.replaceChildren(el("p", "meta", `已读取案卷文件：${$("draft-file").files[0].name}`));
  } catch (failure) {
    box.replaceChildren(errorBox(failure.message));
  }
});

$("draft-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const action = event.submitter ? event.submitter.value : "preview";
  const box = $("draft-results");
  let payload;
  try {
    payload = { type: $("draft-type").value, case_file: draftCase() };
  } catch (failure) {
    box.replaceChildren(errorBox(failure.message));
    return;
  }
  if (action === "docx") {
    runLong(box, "生成 DOCX", async (signal) => {
      const blob = await postJson("/api/draft", payload, signal, "?format=docx");
      saveBlob(blob, `${payload.case_file.case_id || "案件"}-${payload.type}.docx`);
      return el("p", "meta", "已下载 DOCX（A4，仿宋_GB2312 正文，页码居中）。");
    });
    return;
  }
  runLong(box, "起草中", async (signal) => renderDraft(await postJson("/api/draft", payload, signal, "?format=json")));
});
