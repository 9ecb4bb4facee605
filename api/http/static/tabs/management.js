// 执法管理: rosters with expiring certificates, the pre-enforcement lists, a 双随机 draw with
// its published hash, and the audio-visual recording list.
"use strict";

const LIST_STEMS = ["行政执法事项清单", "随机抽查事项清单", "执法人员清单", "音像记录事项清单"];
const LIST_PREVIEW_ROWS = 8;

function managementQuery(extra = {}) {
  const params = new URLSearchParams({ agency: $("management-agency").value, ...extra });
  if ($("management-date").value) params.set("date", $("management-date").value);
  return params;
}

async function loadAgencies() {
  if ($("management-agency").options.length) return;
  const agencies = await api("/api/roster/agencies");
  if (!agencies.length) {
    $("management-roster").replaceChildren(el("p", "meta", "人员库为空：请管理员导入执法主体与人员表（zhifa roster import）。"));
  }
  for (const agency of agencies) {
    const option = el("option", "", agency.name);
    option.value = agency.name;
    $("management-agency").append(option);
  }
}

async function rosterView(signal) {
  const agency = $("management-agency").value;
  const on = $("management-date").value;
  const dated = on ? { date: on } : {};
  const [officers, expiring, ratios] = await Promise.all([
    api("/api/roster/officers?" + new URLSearchParams({ agency }), { signal }),
    api("/api/roster/expiring?" + new URLSearchParams({ within: "90", ...dated }), { signal }),
    api("/api/roster/ratio?" + new URLSearchParams(dated), { signal }),
  ]);
  const warnings = Object.fromEntries(expiring.filter((w) => w.agency === agency).map((w) => [w.certificate_no, w]));
  const box = el("div");
  box.append(el("h3", "", `${agency} 执法人员（${officers.length} 人）`));
  const rows = officers.map((o) => {
    const w = warnings[o.certificate_no];
    const state = !w ? "有效" : w.expired ? "已过期" : `${w.days_left} 天后到期`;
    return [o.name, o.certificate_no, o.role, o.scope, o.valid_to ? chineseDate(o.valid_to) : "—", state];
  });
  const grid = table(["姓名", "执法证号", "人员类别", "执法领域", "有效期至", "状态"], rows, "roster");
  officers.forEach((o, n) => {
    const w = warnings[o.certificate_no];
    if (w) grid.rows[n + 1].classList.add(w.expired ? "expired" : "expiring");
  });
  box.append(grid);
  const ratio = ratios.find((r) => r.agency === agency);
  if (ratio) {
    const text = `法制审核人员 ${ratio.reviewers} 人，占执法人员 ${(ratio.ratio * 100).toFixed(1)}%（不少于 ${(ratio.minimum * 100).toFixed(0)}%，${ratio.rule}）`;
    box.append(el("p", ratio.meets ? "meta" : "warn", ratio.meets ? text : `${text}：还需 ${ratio.reviewers_needed} 人`));
  }
  return box;
}

function listDownload(stem) {
  const button = el("button", "", "下载 XLSX");
  button.type = "button";
  button.addEventListener("click", () =>
    api("/api/lists/file?" + managementQuery({ name: stem, format: "xlsx" })).then((blob) => saveBlob(blob, `${stem}.xlsx`)),
  );
  return button;
}

async function listsView(signal) {
  const lists = await api("/api/lists?" + managementQuery(), { signal });
  const box = el("div");
  box.append(el("h3", "", "事前公开清单"));
  lists.forEach((list, n) => {
    const section = el("details", "public-list");
    section.open = n === 0;
    const headers = list.rows.length ? Object.keys(list.rows[0]) : [];
    section.append(el("summary", "", `${list.title}（${list.rows.length} 项）`));
    section.append(table(headers, list.rows.slice(0, LIST_PREVIEW_ROWS).map((row) => headers.map((h) => row[h]))));
    if (list.rows.length > LIST_PREVIEW_ROWS) section.append(el("p", "meta", `仅显示前 ${LIST_PREVIEW_ROWS} 项，完整清单请下载。`));
    for (const warning of list.warnings) section.append(errorBox(warning));
    section.append(listDownload(LIST_STEMS[n]));
    box.append(section);
  });
  return box;
}

function drawTargets() {
  const lines = $("draw-targets").value.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.map((line, n) => {
    const [code, name, credit_code = ""] = line.split(/[,，\t]/).map((x) => x.trim());
    if (!code || !name) throw new Error(`检查对象第${n + 1}行应为：对象编码,对象名称,统一社会信用代码`);
    return { code, name, credit_code };
  });
}

function drawView(body) {
  const draw = body.draw;
  const box = el("div");
  box.append(el("p", "cite", `${draw.draw_id || "试算"}：从 ${draw.targets_total} 个对象中抽取 ${draw.count} 个`));
  const rows = draw.assignments.map((a) => [a.target.name, a.target.credit_code || "—", a.inspectors.map((o) => `${o.name}（${o.certificate_no}）`).join("、")]);
  box.append(table(["检查对象", "统一社会信用代码", "执法人员"], rows, "draw"));
  const hash = el("div", "hit");
  hash.append(el("div", "cite", "公开哈希（输入数据 SHA-256）"), el("code", "hash draw-hash", draw.inputs_sha256), copyButton(draw.inputs_sha256, "复制哈希"));
  hash.append(el("div", "meta", `随机种子“${draw.seed}”与该哈希一并公示：任何人用同样的对象、人员和种子复算，得到同一名单。${draw.method}`));
  box.append(hash);
  const due = body.public_entry["公开期限"];
  if (due) box.append(el("p", "meta", `抽查结果应于 ${chineseDate(due)} 前公示。`));
  return box;
}

async function avListView(signal) {
  const body = await api("/api/av-recording-list", { signal });
  const box = el("div");
  box.append(el("p", "cite", body.title), el("p", "meta", body.source || ""));
  const rows = body.items.map((item) => [item.name, item.recording, item.event_types.join("、"), item.rule]);
  box.append(table(["执法行为", "音像记录要求", "执法环节", "依据"], rows, "av"));
  for (const problem of body.problems || []) box.append(errorBox(typeof problem === "string" ? problem : JSON.stringify(problem)));
  return box;
}

document.addEventListener("zhifa:tab", (event) => {
  if (event.detail === "management") loadAgencies().catch((f) => $("management-roster").replaceChildren(errorBox(f.message)));
});

$("management-form").addEventListener("submit", (event) => {
  event.preventDefault();
  runLong($("management-roster"), "读取人员库", rosterView);
  runLong($("management-lists"), "生成清单", listsView);
});

$("draw-form").addEventListener("submit", (event) => {
  event.preventDefault();
  let targets;
  try {
    targets = drawTargets();
  } catch (failure) {
    $("draw-results").replaceChildren(errorBox(failure.message));
    return;
  }
  const payload = {
    agency: $("management-agency").value, matter: $("draw-matter").value, date: $("draw-date").value,
    count: Number($("draw-count").value), seed: $("draw-seed").value, targets, dry_run: $("draw-dry-run").checked,
  };
  runLong($("draw-results"), "抽取中", async (signal) => drawView(await postJson("/api/draws", payload, signal)));
});

$("av-list-load").addEventListener("click", () => runLong($("av-list"), "读取清单", avListView));
