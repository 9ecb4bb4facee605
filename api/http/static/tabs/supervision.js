// 执法监督 tab: 案卷评查 of a case file, warnings with due dates and case links, counts,
// chart and exports. Reviewers and admins only; uses api(), el(), errorBox(), download()
// from app.js (loaded first). No libraries, no network beyond this server.
"use strict";

(() => {
  // Shown to reviewers and admins only (data-roles on its tab button, applied by app.js).
  document.addEventListener("zhifa:tab", (event) => {
    if (event.detail === "supervision") refresh();
  });

  function query() {
    const params = new URLSearchParams();
    if ($("sup-within").value) params.set("within", $("sup-within").value);
    if ($("sup-today").value) params.set("today", $("sup-today").value);
    return params.toString();
  }

  function dueText(w) {
    if (!w.due) return "期限：—";
    const left = w.days_left < 0 ? `已逾期 ${-w.days_left} 日` : `剩 ${w.days_left} 日`;
    const work = w.working_days_left === null ? "" : `（${w.working_days_left} 个工作日）`;
    return `期限：${w.due}，${left}${work}`;
  }

  function renderWarnings(body, box) {
    box.replaceChildren(el("h3", "", `预警 ${body.total} 项（${body.within_days} 日内到期或已逾期，截至 ${body.today}）`));
    if (!body.warnings.length) box.append(el("p", "meta", "没有需要预警的事项。"));
    for (const w of body.warnings) {
      const div = el("div", w.overdue || !w.due ? "err" : "hit");
      const title = el("div", "cite", `【${w.label}】${w.case_id || w.subject || ""}`);
      if (w.case_id) {
        const link = el("a", "", " 查看案件");
        link.href = "#";
        link.addEventListener("click", (event) => {
          event.preventDefault();
          showCase(w.case_id);
        });
        title.append(link);
      }
      div.append(title, el("div", "meta", dueText(w)), el("div", "", w.message), el("div", "meta", "依据：" + w.rule));
      box.append(div);
    }
    for (const p of body.problems) box.append(errorBox(`无法读取登记的案卷：${p.path}（${p.reason}）`));
  }

  function renderStats(body, box) {
    box.replaceChildren(el("h3", "", `统计（案件 ${body.cases} 件：登记案卷 ${body.filed_cases}，仅有全过程记录 ${body.record_only_cases}）`));
    for (const [dimension, counts] of Object.entries(body.counts)) {
      const text = Object.entries(counts).map(([k, n]) => `${k} ${n}`).join("，") || "无";
      box.append(el("div", "", `${dimension}：${text}`));
    }
  }

  // The page's CSP allows data: images (not blob:), so the PNG is shown as a data URL.
  function dataUrl(blob) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(new Error("统计图读取失败"));
      reader.readAsDataURL(blob);
    });
  }

  async function showChart(box) {
    const blob = await api("/api/supervision/export/chart.png?" + query());
    const img = el("img");
    img.src = await dataUrl(blob);
    img.alt = "执法监督统计图";
    img.style.maxWidth = "100%";
    box.replaceChildren(img);
  }

  async function refresh() {
    const warnings = $("sup-warnings");
    warnings.replaceChildren(el("p", "meta", "计算中…"));
    try {
      renderWarnings(await api("/api/supervision/warnings?" + query()), warnings);
      renderStats(await api("/api/supervision/stats?" + query()), $("sup-stats"));
      await showChart($("sup-chart"));
    } catch (failure) {
      warnings.replaceChildren(errorBox(failure.message));
    }
  }

  async function showCase(caseId) {
    const box = $("sup-case");
    box.replaceChildren(el("p", "meta", "读取中…"));
    try {
      const body = await api("/api/supervision/cases/" + encodeURIComponent(caseId) + "?" + query());
      box.replaceChildren(el("h3", "", `案件 ${body.case_id}`));
      box.append(el("div", "meta", `${body.agency || "执法主体未载明"}　${body.title || ""}`));
      for (const [kind, day] of Object.entries(body.dates)) {
        box.append(el("div", "", `${kind}：${day}（${body.sources[kind]}）`));
      }
      if (body.audit_link) renderAudit(await api(body.audit_link), box);
    } catch (failure) {
      box.replaceChildren(errorBox(failure.message));
    }
    box.scrollIntoView();
  }

  function renderAudit(body, box) {
    const verdict = body.failed ? "不合格卷" : body.grade;
    box.append(el("div", body.failed ? "err" : "hit", `评查得分 ${body.score} / ${body.full_marks}（卷面 ${body.layout_score}，内容 ${body.content_score}）：${verdict}`));
    for (const f of body.failures) {
      const div = el("div", "err");
      div.append(el("div", "cite", `不合格理由 ${f.id} ${f.label}（${f.rule}）`));
      for (const item of f.findings) div.append(el("div", "meta", `${item.reason}；依据：${item.rule}；案卷：${item.evidence}`));
      box.append(div);
    }
    for (const d of body.deductions) {
      const div = el("div", "hit");
      div.append(el("div", "cite", `【${d.part} ${d.item_id} ${d.item_label}】扣 ${d.points} 分：${d.reason}`));
      div.append(el("div", "meta", "依据：" + d.rule), el("div", "meta", "案卷：" + d.evidence));
      box.append(div);
    }
    for (const f of body.unscored) box.append(el("div", "meta", `其他审核发现：${f.reason}（${f.rule}）`));
  }

  function caseFile() {
    return JSON.parse($("sup-case-file").value);
  }

  async function post(path, box) {
    let data;
    try {
      data = caseFile();
    } catch {
      box.replaceChildren(errorBox("案卷不是有效的 JSON"));
      return null;
    }
    return api(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data) });
  }

  $("sup-refresh").addEventListener("click", refresh);
  $("sup-filter").addEventListener("submit", (event) => {
    event.preventDefault();
    refresh();
  });
  $("sup-example").addEventListener("click", async () => {
    try {
      $("sup-case-file").value = JSON.stringify(await api("/api/supervision/example"), null, 2);
    } catch (failure) {
      $("sup-audit").replaceChildren(errorBox(failure.message));
    }
  });
  $("sup-audit-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const box = $("sup-audit");
    box.replaceChildren(el("p", "meta", "评查中…"));
    try {
      const body = await post("/api/supervision/audit", box);
      if (!body) return;
      box.replaceChildren();
      renderAudit(body, box);
    } catch (failure) {
      box.replaceChildren(errorBox(failure.message));
    }
  });
  $("sup-report").addEventListener("click", async () => {
    const box = $("sup-audit");
    try {
      const blob = await post("/api/supervision/audit?format=docx", box);
      if (!blob) return;
      const link = el("a");
      link.href = URL.createObjectURL(blob);
      link.download = "案卷评查表.docx";
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    } catch (failure) {
      box.replaceChildren(errorBox(failure.message));
    }
  });
  $("sup-file").addEventListener("click", async () => {
    const box = $("sup-audit");
    try {
      const body = await post("/api/supervision/cases", box);
      if (!body) return;
      box.replaceChildren(el("p", "meta", `已登记：${body.case_id}`));
      refresh();
    } catch (failure) {
      box.replaceChildren(errorBox(failure.message));
    }
  });
  for (const [id, name] of [["sup-xlsx", "supervision.xlsx"], ["sup-csv", "warnings.csv"]]) {
    $(id).addEventListener("click", () =>
      download("/api/supervision/export/" + name + "?" + query(), name === "warnings.csv" ? "预警清单.csv" : "执法监督.xlsx").catch((failure) =>
        $("sup-warnings").prepend(errorBox(failure.message)),
      ),
    );
  }
  applyRole();
})();
