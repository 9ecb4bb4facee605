// 全过程记录: a case's timeline with attachments and their hashes, append events and files,
// verify the hash chain with the result explained, export for the archive.
"use strict";

const PROBLEM_LABELS = {
  edited: "内容被修改", deleted: "记录被删除", reordered: "顺序被调换", inserted: "插入了记录",
  attachment_changed: "附件被替换或缺失",
};

function recordCase() {
  const value = $("record-case").value.trim();
  if (!value) throw new Error("请先填写案件编号");
  return value;
}

async function loadRecordCases() {
  const cases = await api("/api/records");
  $("record-cases").replaceChildren(...cases.map((c) => {
    const option = el("option");
    option.value = c.case;
    option.label = `${c.events} 条记录`;
    return option;
  }));
}

function sizeLabel(bytes) {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function eventView(event) {
  const item = el("li", "event");
  item.append(el("div", "cite", `第${event.seq}条 ${event.event_type}`));
  item.append(el("div", "meta", `${event.occurred_at.replace("T", " ")} · 记录人 ${event.actor}`));
  const payload = event.payload || {};
  const shown = Object.entries(payload).filter(([key]) => key !== "attachments");
  if (shown.length) item.append(el("div", "", shown.map(([k, v]) => `${k}：${typeof v === "string" ? v : JSON.stringify(v)}`).join("；")));
  for (const a of event.attachments) {
    const file = el("div", "attachment");
    file.append(el("span", "", `附件 ${a.file_name}（${sizeLabel(a.size)}）`), el("code", "hash", `SHA-256 ${a.sha256}`));
    item.append(file);
  }
  item.append(el("code", "hash meta", `记录哈希 ${event.event_hash}`));
  return item;
}

async function showTimeline(signal) {
  const events = await api("/api/records/" + encodeURIComponent(recordCase()), { signal });
  const list = el("ol", "timeline");
  for (const event of events) list.append(eventView(event));
  return list;
}

function verificationView(report) {
  const box = el("div", report.ok ? "hit verified" : "err");
  if (report.ok) {
    box.append(el("div", "cite", `校验通过：${report.case} 的 ${report.events} 条记录完整，附件未被替换`));
    box.append(el("div", "meta", "每条记录的哈希包含前一条的哈希，任何修改、删除、重排、插入都会使链条断开。请将链头哈希作为回执留存，日后可凭回执核对："));
    box.append(el("code", "hash", report.head_hash), copyButton(report.head_hash, "复制链头哈希"));
    return box;
  }
  box.append(el("div", "cite", `校验未通过：发现 ${report.problems.length} 处问题`));
  const list = el("ul");
  for (const p of report.problems) list.append(el("li", "", `【${PROBLEM_LABELS[p.kind] || p.kind}】${p.message}`));
  box.append(list, el("div", "meta", "记录被改动后无法恢复原状：请保留现状并报告法制机构，以导出文件和留存的回执为准核查。"));
  return box;
}

function refreshTimeline() {
  return runLong($("record-timeline"), "读取记录", showTimeline).then(loadRecordCases);
}

function uploadAttachment(form, onProgress, signal) {
  // XMLHttpRequest reports upload progress; abort() cancels it.
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/records/${encodeURIComponent(recordCase())}/attachments`);
    request.setRequestHeader("Authorization", "Bearer " + sessionStorage.getItem(TOKEN_KEY));
    request.responseType = "json";
    request.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    request.onload = () => (request.status === 200 ? resolve(request.response) : reject(new ApiFailure(request.status, request.response)));
    request.onerror = () => reject(new Error("上传失败：网络错误"));
    request.onabort = () => reject(new Error("已取消上传"));
    signal.addEventListener("abort", () => request.abort());
    request.send(new FormData(form));
  });
}

document.addEventListener("zhifa:tab", (event) => {
  if (event.detail === "records") loadRecordCases().catch(() => {});
});

$("record-open-form").addEventListener("submit", (event) => {
  event.preventDefault();
  refreshTimeline();
});

$("record-verify").addEventListener("click", () => {
  runLong($("record-verification"), "校验哈希链", async (signal) =>
    verificationView(await api(`/api/records/${encodeURIComponent(recordCase())}/verify`, { signal })));
});

$("record-export").addEventListener("click", () => {
  runLong($("record-verification"), "导出", async (signal) => {
    const blob = await api(`/api/records/${encodeURIComponent(recordCase())}/export`, { signal });
    saveBlob(blob instanceof Blob ? blob : new Blob([JSON.stringify(blob, null, 2)], { type: "application/json" }), `${recordCase()}-全过程记录.json`);
    return el("p", "meta", "已导出全部记录、哈希链与校验结果（JSON），可随案卷归档。");
  });
});

$("record-event-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const note = $("record-note").value.trim();
  runLong($("record-verification"), "追加记录", async (signal) => {
    const added = await postJson(`/api/records/${encodeURIComponent(recordCase())}/events`, { type: $("record-type").value, payload: note ? { 摘要: note } : {} }, signal);
    $("record-note").value = "";
    await refreshTimeline();
    return el("p", "meta", `已追加第${added.seq}条记录；新的链头哈希 ${added.event_hash}`);
  });
});

$("record-attach-form").addEventListener("submit", (event) => {
  event.preventDefault();
  $("record-attach-type").value = $("record-type").value;
  const form = event.target;
  runLong($("record-verification"), "上传附件", async (signal) => {
    const bar = $("record-verification").querySelector("progress");
    const added = await uploadAttachment(form, (fraction) => (bar.value = fraction), signal);
    form.reset();
    await refreshTimeline();
    const a = added.attachments[0];
    return el("p", "meta", `已登记附件 ${a.file_name}，SHA-256 ${a.sha256}（第${added.seq}条记录）`);
  });
});
