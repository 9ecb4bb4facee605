// 执法智助 web page: token login (sessionStorage), statute search/cite, discretion, transcription.
// Plain DOM code, no libraries and no network access beyond this server.
"use strict";

const TOKEN_KEY = "zhifa-token";
const $ = (id) => document.getElementById(id);

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function errorBox(message) {
  return el("div", "err", message);
}

class ApiFailure extends Error {
  constructor(status, body) {
    super((body && body.message) || `请求失败（${status}）`);
    this.status = status;
    this.body = body;
  }
}

async function api(path, options = {}) {
  const headers = new Headers(options.headers || {});
  headers.set("Authorization", "Bearer " + sessionStorage.getItem(TOKEN_KEY));
  const response = await fetch(path, { ...options, headers });
  if (response.status === 401) {
    logout("登录已失效，请重新输入令牌");
  }
  const type = response.headers.get("content-type") || "";
  const body = type.includes("application/json") ? await response.json() : await response.blob();
  if (!response.ok) throw new ApiFailure(response.status, type.includes("json") ? body : null);
  return body;
}

// ---- login ---------------------------------------------------------------------------

async function login(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
  try {
    const me = await api("/api/me");
    $("whoami").textContent = `${me.name}（${me.role_label}）`;
    showTabsFor(me.role);
    $("logout").hidden = false;
    $("login-panel").hidden = true;
    $("app").hidden = false;
    $("login-error").hidden = true;
    watchVectors();
  } catch (failure) {
    logout(failure.message);
  }
}

// ---- background vector build: "向量 37 % · 预计 …" beside the user name -------------

let vectorTimer = null;

async function watchVectors() {
  clearTimeout(vectorTimer);
  if (!sessionStorage.getItem(TOKEN_KEY)) return;
  try {
    const ready = await api("/api/ready");
    const v = ready.vectors;
    $("vector-status").textContent = v ? v.summary : "检索索引尚未建立";
    if (v && v.percent >= 100) return;
  } catch (failure) {
    $("vector-status").textContent = failure.status === 503 ? "检索索引尚未建立" : "";
  }
  vectorTimer = setTimeout(watchVectors, 30000);
}

function logout(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  $("whoami").textContent = "未登录";
  $("logout").hidden = true;
  $("app").hidden = true;
  $("login-panel").hidden = false;
  if (message) {
    $("login-error").textContent = message;
    $("login-error").hidden = false;
  }
}

$("login-form").addEventListener("submit", (event) => {
  event.preventDefault();
  login($("token").value.trim());
  $("token").value = "";
});
$("logout").addEventListener("click", () => logout());

// ---- tabs: only those the role may use; arrow keys, Home and End move between them ----

const visibleTabs = () => [...document.querySelectorAll(".tab")].filter((tab) => !tab.hidden);

function selectTab(tab, focus = false) {
  for (const other of document.querySelectorAll(".tab")) {
    const active = other === tab;
    other.classList.toggle("active", active);
    other.setAttribute("aria-selected", String(active));
    other.tabIndex = active ? 0 : -1;
    $("tab-" + other.dataset.tab).hidden = !active;
  }
  if (focus) tab.focus();
  document.dispatchEvent(new CustomEvent("zhifa:tab", { detail: tab.dataset.tab }));
}

function showTabsFor(role) {
  document.body.dataset.role = role;
  for (const item of document.querySelectorAll("[data-roles]")) item.hidden = !item.dataset.roles.split(" ").includes(role);
  const current = document.querySelector(".tab.active");
  selectTab(current && !current.hidden ? current : visibleTabs()[0]);
}

for (const tab of document.querySelectorAll(".tab")) {
  tab.id = "tabbutton-" + tab.dataset.tab;
  tab.setAttribute("aria-controls", "tab-" + tab.dataset.tab);
  $("tab-" + tab.dataset.tab).setAttribute("aria-labelledby", tab.id);
  tab.addEventListener("click", () => selectTab(tab));
  tab.addEventListener("keydown", (event) => {
    const tabs = visibleTabs();
    const at = tabs.indexOf(tab);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    selectTab(tabs[(next + tabs.length) % tabs.length], true);
  });
}

// ---- statutes: search and cite -------------------------------------------------------

async function copyText(text) {
  // The Clipboard API needs a secure context (localhost counts); fall back to a selection.
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = el("textarea");
  area.value = text;
  document.body.append(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}

function copyButton(text, label = "复制引用") {
  const button = el("button", "copy", label);
  button.type = "button";
  button.title = "复制引用与条文";
  button.addEventListener("click", () =>
    copyText(text).then(() => (button.textContent = "已复制"), () => (button.textContent = "复制失败")),
  );
  return button;
}

function articleBox(citation, version, text) {
  const div = el("div", "hit");
  const head = el("div", "cite", citation);
  div.append(head, el("div", "meta", `${version} 起施行的版本`), el("div", "", text));
  div.append(copyButton(`${citation}：${text}`));
  return div;
}

async function runSearch(q, day, box) {
  const params = new URLSearchParams({ q });
  if (day) params.set("date", day);
  const body = await api("/api/search?" + params.toString());
  if (!body.hits.length) box.append(el("p", "meta", "未找到相关条文。"));
  for (const hit of body.hits) box.append(articleBox(hit.citation, hit.version, hit.text));
}

async function runCite(q, day, box) {
  const params = new URLSearchParams({ q });
  if (day) params.set("date", day);
  try {
    const body = await api("/api/cite?" + params.toString());
    for (const hit of body.results) box.append(articleBox(hit.citation, hit.version, hit.text));
    for (const err of body.errors) box.append(errorBox(err.message));
  } catch (failure) {
    const errors = (failure.body && failure.body.errors) || [];
    if (!errors.length) throw failure;
    for (const err of errors) box.append(errorBox(err.message));
  }
}

$("law-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const action = event.submitter ? event.submitter.value : "search";
  await runLong($("law-results"), action === "cite" ? "核验引用" : "检索", async () => {
    const results = el("div");
    await (action === "cite" ? runCite : runSearch)($("law-q").value, $("law-date").value, results);
    return results;
  });
});

// ---- officer assistance --------------------------------------------------------------

function heading(text) {
  return el("h3", "", text);
}

function renderProvisions(body, box) {
  for (const m of body.missing_laws || []) box.append(errorBox(`${m.message}（${m.reason}）`));
  const roles = [["violated", "违法依据"], ["penalty", "处罚依据"], ["related", "相关条文"]];
  for (const [role, label] of roles) {
    const found = body.provisions.filter((p) => p.role === role);
    if (!found.length) continue;
    box.append(heading(label));
    for (const p of found) {
      const div = articleBox(p.citation, p.version, p.text);
      div.append(el("div", "meta", "理由：" + p.reason));
      box.append(div);
    }
  }
  if (!body.provisions.length && !(body.pairs || []).length) box.append(el("p", "meta", "未找到相关条文。"));
}

function pairSide(label, c) {
  const div = el("div", "pair-side");
  div.append(el("div", "cite", `${label}：${c.citation}`), el("div", "meta", `${c.version} 起施行的版本`), el("div", "", c.text));
  return div;
}

function renderPairs(body, box) {
  const pairs = body.pairs || [];
  if (!pairs.length) return;
  box.append(heading("违法行为与处罚依据"));
  pairs.forEach((pair, i) => {
    const div = el("div", "pair");
    div.append(el("div", "meta", `第${i + 1}组 — ${pair.reason}`));
    div.append(pairSide("违法依据", pair.violated), pairSide("处罚依据", pair.penalty));
    if (pair.standard) {
      const agree = pair.standard.agrees ? "与检索结果一致" : "检索未得出，请核对";
      div.append(el("div", "meta", `裁量基准 ${pair.standard.id}（${pair.standard.source}）：${pair.standard.title}；${agree}`));
    }
    if (pair.memory) {
      const m = pair.memory;
      const agree = m.agrees ? "与检索结果一致" : "检索未得出，按相近情形给出，请核对";
      div.append(el("div", "meta", `已核对情形 ${m.source}/${m.id}（相似度 ${m.similarity}）：“${m.situation}”；${agree}`));
    }
    if (pair.evidence && pair.evidence.length) {
      const list = el("ul");
      for (const item of pair.evidence) list.append(el("li", "", `[${item.kind}] ${item.item} — ${item.reason}（${item.source}）`));
      div.append(list);
    }
    box.append(div);
  });
  for (const note of body.notes || []) box.append(el("p", "meta", "提示：" + note));
  const shown = new Set(pairs.flatMap((p) => [p.violated, p.penalty]).map((c) => `${c.law}#${c.article}`));
  body.provisions = body.provisions.filter((p) => !shown.has(`${p.law}#${p.article}`));
  if (body.provisions.length) box.append(heading("其他相关条文"));
}

function renderAssist(body, box) {
  renderPairs(body, box);
  renderProvisions(body, box);
  if (body.discretion.length) box.append(heading("裁量基准"));
  for (const d of body.discretion) {
    const div = el("div", "hit");
    div.append(el("div", "cite", `${d.id} ${d.title}`), el("div", "meta", d.reason));
    for (const tier of d.tiers.slice(0, 6)) div.append(el("div", "", `档次${tier.level}：${tier.penalty}`));
    box.append(div);
  }
  if (body.similar_cases.length) box.append(heading("相似案例"));
  for (const c of body.similar_cases) {
    const div = el("div", "hit");
    div.append(el("div", "cite", c.title), el("div", "meta", (c.reasons || []).join("；")), el("div", "", c.excerpt));
    box.append(div);
  }
  if (body.evidence) {
    box.append(heading("证据清单"));
    const list = el("ul");
    for (const item of body.evidence.items) {
      list.append(el("li", item.present ? "meta" : "", `${item.present ? "✓" : "□"} [${item.kind}] ${item.item} — ${item.reason}（${item.source}）`));
    }
    box.append(list);
  }
}

$("assist-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const have = $("assist-have").value.split(/[、，,]/).map((x) => x.trim()).filter(Boolean);
  const payload = { question: $("assist-q").value, have };
  if ($("assist-date").value) payload.date = $("assist-date").value;
  await runLong($("assist-results"), "分析中", async (signal) => {
    const results = el("div");
    renderAssist(await postJson("/api/ask", payload, signal), results);
    return results;
  });
});

// ---- legal review --------------------------------------------------------------------

const REVIEW_POINTS = {
  subject: "执法主体", qualification: "执法人员资格", procedure: "执法程序", facts: "事实",
  evidence: "证据", law: "适用法律", discretion: "裁量基准", authority: "法定权限",
  documents: "执法文书", transfer: "涉嫌犯罪移送",
};
const SEVERITY = { must_fix: "必须纠正", check: "需核实", note: "提示" };

function renderReview(body, box) {
  box.append(el("div", "cite", body.conclusion));
  box.append(el("div", "meta", body.major ? "重大执法决定：" + body.major_reasons.join("；") : "非重大执法决定"));
  if (!body.flags.length) box.append(el("p", "", "未发现问题。"));
  for (const [point, label] of Object.entries(REVIEW_POINTS)) {
    const flags = body.flags.filter((f) => f.point === point);
    if (!flags.length) continue;
    box.append(heading(label));
    for (const f of flags) {
      const div = el("div", f.severity === "must_fix" ? "err" : "hit");
      div.append(el("div", "cite", `【${SEVERITY[f.severity] || f.severity}】${f.reason}`));
      div.append(el("div", "meta", "依据：" + f.rule), el("div", "meta", "案卷：" + f.evidence));
      box.append(div);
    }
  }
}

$("review-example").addEventListener("click", async () => {
  try {
    const example = await api("/api/review/example");
    $("review-case").value = JSON.stringify(example, null, 2);
  } catch (failure) {
    $("review-results").replaceChildren(errorBox(failure.message));
  }
});

$("review-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const box = $("review-results");
  let caseFile;
  try {
    caseFile = JSON.parse($("review-case").value);
  } catch {
    box.replaceChildren(errorBox("案卷不是有效的 JSON"));
    return;
  }
  await runLong(box, "审核中", async (signal) => {
    const results = el("div");
    renderReview(await postJson("/api/review", caseFile, signal), results);
    return results;
  });
});

// ---- discretion standards ------------------------------------------------------------

async function showViolation(id, target) {
  const violation = await api("/api/discretion/violations/" + encodeURIComponent(id));
  target.replaceChildren();  // the legal basis is already on the hit's summary line
  for (const tier of violation.tiers) {
    const conditions = tier.conditions.map((c) => c.text).join("；");
    target.append(el("div", "tier", `第${tier.level}档：${conditions} → ${tier.penalty_text}`));
  }
  for (const factor of violation.factors) {
    const levels = factor.levels.map((lv) => `${lv.text}（${lv.weights_pct.join("/")}%）`).join("；");
    target.append(el("div", "tier", `${factor.name}：${levels}`));
  }
}

$("discretion-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const box = $("discretion-results");
  box.replaceChildren(el("p", "meta", "查询中…"));
  try {
    const hits = await api("/api/discretion/search?" + new URLSearchParams({ q: $("discretion-q").value }));
    box.replaceChildren();
    if (!hits.length) box.append(el("p", "meta", "未找到匹配的违法行为。"));
    for (const hit of hits) {
      const div = el("div", "hit violation");
      const detail = el("div");
      div.append(el("div", "cite", `${hit.id} ${hit.title}`), el("div", "meta", hit.legal_basis.join("；")), detail);
      const open = () => showViolation(hit.id, detail).catch((f) => detail.replaceChildren(errorBox(f.message)));
      div.tabIndex = 0;  // keyboard users open a violation with Enter or Space
      div.setAttribute("role", "button");
      div.addEventListener("click", open, { once: true });
      div.addEventListener("keydown", (e) => (e.key === "Enter" || e.key === " ") && (e.preventDefault(), div.click()));
      box.append(div);
    }
  } catch (failure) {
    box.replaceChildren(errorBox(failure.message));
  }
});

// ---- transcription -------------------------------------------------------------------

function uploadWithProgress(body) {
  // XMLHttpRequest reports upload progress; fetch does not.
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/transcriptions");
    request.setRequestHeader("Authorization", "Bearer " + sessionStorage.getItem(TOKEN_KEY));
    request.responseType = "json";
    request.upload.onprogress = (e) => {
      if (e.lengthComputable) $("upload-progress").value = e.loaded / e.total;
      $("job-status").textContent = "上传中…";
    };
    request.onload = () => (request.status === 202 ? resolve(request.response) : reject(new ApiFailure(request.status, request.response)));
    request.onerror = () => reject(new Error("上传失败：网络错误"));
    request.onabort = () => reject(new Error("已取消上传"));
    $("upload-cancel").onclick = () => request.abort();
    request.send(body);
  });
}

async function download(url, name) {
  const blob = await api(url);
  const link = el("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

function speakerRenameForm(result, jobId) {
  // One box per speaker: correct a role (记录人 → 被询问人) or write a name; the draft is re-rendered.
  const form = el("form", "rename-speakers");
  form.id = "rename-speakers";
  const names = [...new Set(result.draft_turns.map((t) => t.speaker))];
  for (const name of names) {
    const input = el("input");
    input.value = name;
    input.dataset.original = name;
    input.setAttribute("aria-label", "说话人 " + name);
    form.append(el("span", "meta", name + " → "), input);
  }
  const button = el("button", "", "改名并重新生成笔录");
  button.type = "submit";
  form.append(button);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const renames = {};
    for (const input of form.querySelectorAll("input")) {
      if (input.value.trim() && input.value.trim() !== input.dataset.original) renames[input.dataset.original] = input.value.trim();
    }
    if (!Object.keys(renames).length) return;
    try {
      const job = await api(`/api/transcriptions/${jobId}/speakers`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ renames }),
      });
      showTranscript(job.result, jobId);
    } catch (failure) {
      form.append(errorBox(failure.message));
    }
  });
  return form;
}

function showTranscript(result, jobId) {
  const box = $("transcript");
  box.replaceChildren(el("h3", "", "询问笔录草稿"));
  const source = result.draft_markdown.split("\n").find((line) => line.includes("录音文件："));
  if (source) box.append(el("p", "meta source", source.trim()));
  if (!result.draft_turns.length) box.append(el("p", "meta", "未检测到语音，转写结果为空。"));
  for (const turn of result.draft_turns) {
    const line = el("div", "turn");
    line.append(el("span", "speaker", turn.speaker + "："), el("span", "transcript-text", turn.text));
    line.append(el("span", "meta", ` [${turn.start.toFixed(1)}–${turn.end.toFixed(1)} 秒]`));
    box.append(line);
  }
  const links = el("div", "downloads");
  for (const [kind, label] of [["docx", "下载 DOCX"], ["md", "下载 Markdown"]]) {
    const link = el("a", "", label);
    link.href = "#";
    link.id = "download-" + kind;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      download(result.downloads[kind], `询问笔录草稿.${kind}`).catch((f) => box.append(errorBox(f.message)));
    });
    links.append(link);
  }
  box.append(links);
  const voices = result.speakers == null ? "说话人按问句规则区分" : `按声音识别出 ${result.speakers} 位说话人`;
  box.append(el("p", "meta", `录音时长 ${result.duration_s.toFixed(1)} 秒，${voices}，模型 ${result.model}，SHA-256 ${result.sha256}`));
  if (result.draft_turns.length) box.append(speakerRenameForm(result, jobId));
}

async function pollJob(job) {
  const labels = { queued: "排队中", running: "转写中", done: "已完成", failed: "失败" };
  let stopped = false;
  $("upload-cancel").textContent = "停止等待";
  $("upload-cancel").onclick = () => (stopped = true);
  for (;;) {
    if (stopped) throw new Error("已停止等待；转写仍在后台进行，可稍后重新上传查看");
    const pct = Math.round(job.progress.fraction * 100);
    $("job-status").textContent = `${labels[job.status]}：${job.file_name}（${pct}%）`;
    $("upload-progress").value = job.progress.fraction;
    if (job.status === "done") return showTranscript(job.result, job.id);
    if (job.status === "failed") return $("transcript").replaceChildren(errorBox(job.error));
    await new Promise((r) => setTimeout(r, 1000));
    job = await api("/api/transcriptions/" + job.id);
  }
}

async function transcribeUpload(makeBody) {
  $("transcript").replaceChildren();
  $("upload-progress").hidden = false;
  $("upload-progress").value = 0;
  $("upload-cancel").textContent = "取消";
  $("upload-cancel").hidden = false;
  try {
    await pollJob(await uploadWithProgress(await makeBody()));
  } catch (failure) {
    $("job-status").textContent = "";
    $("upload-progress").value = 0;  // a rejected or cancelled upload leaves no full bar behind
    $("upload-progress").hidden = true;
    $("transcript").replaceChildren(errorBox(failure.message));
  } finally {
    $("upload-cancel").hidden = true;
  }
}

$("upload-form").addEventListener("submit", (event) => {
  event.preventDefault();
  transcribeUpload(async () => new FormData(event.target));
});

$("try-example").addEventListener("click", () => {
  // The shipped example: two real speakers (AISHELL-1), fetched and uploaded like a user file.
  transcribeUpload(async () => {
    const body = new FormData();
    body.append("file", await api("/api/transcriptions/example.wav"), "示例询问录音.wav");
    if ($("upload-form").elements.verbatim.checked) body.append("verbatim", "1");
    return body;
  });
});

if (sessionStorage.getItem(TOKEN_KEY)) login(sessionStorage.getItem(TOKEN_KEY));
