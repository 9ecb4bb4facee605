// 执法公示: deadline with its working-day calendar, redaction with the masked spans, public
// entries, the overdue list and the yearly report with its chart.
"use strict";

const KIND_LABELS = { penalty: "行政处罚", permit: "行政许可", other: "其他" };
const PII_LABELS = {
  name: "姓名", id_number: "身份证号", phone: "电话", address: "住址", bank_account: "银行账号",
  plate: "车牌", email: "电子邮箱",
};
const PUBLICITY_EXAMPLE = [
  {
    case_no: "穗天市监罚〔2024〕7号", case_name: "张伟销售过期食品案", authority: "广州市天河区市场监督管理局",
    party: { name: "张伟", type: "自然人" },
    facts: "当事人张伟（电话13812345678）住广州市天河区天河路385号，于2024年1月在其摊位销售过期食品。执法人员李强现场检查。",
    conclusion: "没收违法所得200元，并处罚款人民币5000元",
    basis: ["《中华人民共和国行政处罚法》第三十二条第一款第（二）项"],
    decided: "2024-02-08", officers: ["李强"], reviewed: true, published: "2024-02-20",
  },
  {
    case_no: "穗天市监罚〔2024〕8号", authority: "广州市天河区市场监督管理局",
    party: { name: "广州市李记餐饮管理有限公司", type: "法人", credit_code: "91350100M000100Y43", legal_representative: "王芳" },
    facts: "广州市李记餐饮管理有限公司未按规定公示许可证。", conclusion: "警告",
    basis: ["《中华人民共和国行政处罚法》第九十条"], decided: "2024-09-27", reconsideration: "维持",
  },
  {
    case_no: "穗天市监许〔2024〕3号", authority: "广州市天河区市场监督管理局", category: "行政许可",
    party: { name: "广州市天河区某便利店", type: "个体工商户" }, conclusion: "准予许可",
    decided: "2024-05-06", published: "2024-05-10", revoked: "2024-06-03",
  },
];

function monthGrid(year, month, byDate, marks) {
  const box = el("div", "month");
  box.append(el("div", "month-title", `${year}年${month}月`));
  const grid = table(WEEKDAYS.map((d) => "周" + d), [], "calendar");
  const first = new Date(Date.UTC(year, month - 1, 1));
  const offset = (first.getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  let row = el("tr");
  for (let i = 0; i < offset; i++) row.append(el("td"));
  for (let day = 1; day <= days; day++) {
    const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const info = byDate[iso];
    const cell = el("td", "day");
    cell.append(el("div", "num", String(day)));
    if (info) {
      cell.classList.add(info.working ? "working" : "rest");
      if (info.holiday && !info.working) cell.append(el("div", "tag holiday", info.holiday));
      if (info.adjusted_workday) cell.append(el("div", "tag adjusted", "调休上班"));
      if (info.counted) cell.append(el("div", "tag counted", `第${info.counted}个工作日`));
    } else {
      cell.classList.add("outside");
    }
    if (marks[iso]) {
      cell.classList.add(marks[iso][0]);
      cell.append(el("div", "tag " + marks[iso][0], marks[iso][1]));
    }
    cell.title = info ? `${chineseDate(iso)}${info.working ? " 工作日" : " 休息日"}${info.holiday ? " " + info.holiday : ""}` : chineseDate(iso);
    row.append(cell);
    if ((offset + day) % 7 === 0) {
      grid.append(row);
      row = el("tr");
    }
  }
  if (row.children.length) grid.append(row);
  box.append(grid);
  return box;
}

function calendarView(days, marks) {
  const byDate = Object.fromEntries(days.map((d) => [d.date, d]));
  const box = el("div", "calendars");
  const months = [...new Set(days.map((d) => d.date.slice(0, 7)))];
  for (const ym of months) box.append(monthGrid(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)), byDate, marks));
  box.append(el("p", "meta legend", "图例：灰色为休息日（含法定节假日），“调休上班”为调休的周末工作日；自决定次日起算，期限为第 N 个工作日。"));
  return box;
}

async function showDeadline(signal) {
  const payload = { decided: $("deadline-decided").value, kind: $("deadline-kind").value };
  if ($("deadline-revoked").value) payload.revoked = $("deadline-revoked").value;
  const body = await postJson("/api/publicity/deadline", payload, signal);
  const box = el("div");
  const summary = el("div", "hit");
  summary.append(el("div", "cite deadline-due", `应于 ${chineseDate(body.publish_due)} 前公开（${KIND_LABELS[body.kind]}，${body.publish_working_days} 个工作日）`));
  summary.append(el("div", "meta", "依据：" + body.publish_basis));
  if (body.withdraw_due) {
    summary.append(el("div", "cite", `撤销后应于 ${chineseDate(body.withdraw_due)} 前撤下（${body.withdraw_working_days} 个工作日）`));
    summary.append(el("div", "meta", "依据：" + body.withdraw_basis));
  }
  box.append(summary);
  const start = body.decided;
  const marks = { [body.decided]: ["decided", "决定日"], [body.publish_due]: ["due", "公开期限"] };
  const params = new URLSearchParams({ start, end: body.publish_due });
  box.append(calendarView(await api("/api/publicity/calendar?" + params, { signal }), marks));
  if (body.withdraw_due) {
    const more = new URLSearchParams({ start: body.revoked, end: body.withdraw_due });
    const withdrawMarks = { [body.revoked]: ["decided", "收到撤销"], [body.withdraw_due]: ["due", "撤下期限"] };
    box.append(el("h3", "", "撤下期限日历"), calendarView(await api("/api/publicity/calendar?" + more, { signal }), withdrawMarks));
  }
  return box;
}

function highlightSpans(text, spans) {
  const shown = el("div", "redacted");
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    shown.append(text.slice(at, span.start));
    const mark = el("mark", "masked", text.slice(span.start, span.end));
    mark.title = `${PII_LABELS[span.kind] || span.kind}（${span.source}）`;
    mark.dataset.kind = span.kind;
    shown.append(mark);
    at = span.end;
  }
  shown.append(text.slice(at));
  return shown;
}

function publicityCases() {
  try {
    return JSON.parse($("publicity-cases").value);
  } catch {
    throw new Error("决定列表不是有效的 JSON（应为对象列表），可点击“载入示例”参照");
  }
}

function entryView(entry) {
  const div = el("div", "hit");
  if (!entry.publish) {
    div.append(el("div", "cite", `${entry.case_no}：不予公开`), el("div", "meta", entry.reason));
    return div;
  }
  div.append(el("div", "cite", `${entry["文号"]} ${entry["执法对象"]}`));
  const rows = Object.entries(entry).filter(([key]) => !["publish", "warnings"].includes(key));
  div.append(table(["项目", "内容"], rows.map(([key, value]) => [key, Array.isArray(value) ? value.join("；") : value]), "entry"));
  for (const warning of entry.warnings) div.append(errorBox(warning));
  return div;
}

async function showEntries(cases, signal) {
  const box = el("div");
  for (const item of cases) box.append(entryView(await postJson("/api/publicity/entry", item, signal)));
  return box;
}

async function showOverdue(cases, signal) {
  const payload = { cases };
  if ($("overdue-today").value) payload.today = $("overdue-today").value;
  const body = await postJson("/api/publicity/overdue", payload, signal);
  const box = el("div");
  box.append(el("p", "cite", `截至 ${chineseDate(body.today)}，逾期 ${body.overdue.length} 项`));
  const rows = body.overdue.map((i) => [i.case_no, "应" + i.action, chineseDate(i.due), i.done ? chineseDate(i.done) : "尚未办理"]);
  if (rows.length) box.append(table(["文号", "事项", "期限", "实际办理"], rows, "overdue"));
  return box;
}

async function showReport(cases, signal) {
  const payload = { year: Number($("report-year").value), cases };
  const body = await postJson("/api/publicity/report", payload, signal);
  const box = el("div");
  box.append(el("p", "cite", `${body.year}年度行政执法数据（应于 ${chineseDate(body.due)} 前公开）`));
  const chart = el("img", "chart");
  chart.src = "data:image/png;base64," + body.chart_png_base64;
  chart.alt = `${body.year}年行政执法决定按类别、结果统计图`;
  box.append(chart);
  const rows = Object.entries(body.counts).flatMap(([dimension, counts]) => Object.entries(counts).map(([k, n]) => [dimension, k, n]));
  box.append(table(["维度", "项目", "数量"], rows, "report"));
  for (const warning of body.warnings) box.append(errorBox(warning));
  const xlsx = el("button", "", "下载 XLSX");
  xlsx.type = "button";
  xlsx.addEventListener("click", () => postJson("/api/publicity/report", payload, undefined, "?format=xlsx").then((blob) => saveBlob(blob, `${body.year}年度行政执法数据.xlsx`)));
  box.append(xlsx);
  return box;
}

$("deadline-form").addEventListener("submit", (event) => {
  event.preventDefault();
  runLong($("deadline-results"), "计算期限", showDeadline);
});

$("redact-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const keep = $("redact-keep").value.split(/[、，,]/).map((x) => x.trim()).filter(Boolean);
  runLong($("redact-results"), "隐去个人信息", async (signal) => {
    const body = await postJson("/api/publicity/redact", { text: $("redact-text").value, keep }, signal);
    const box = el("div");
    box.append(el("p", "meta", `隐去 ${body.spans.length} 处（鼠标悬停查看类别）：`), highlightSpans(body.text, body.spans));
    box.append(copyButton(body.text, "复制隐去后的文本"));
    return box;
  });
});

$("publicity-example").addEventListener("click", () => {
  $("publicity-cases").value = JSON.stringify(PUBLICITY_EXAMPLE, null, 2);
});

$("cases-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const action = event.submitter ? event.submitter.value : "entry";
  let cases;
  try {
    cases = publicityCases();
    if (!Array.isArray(cases)) cases = [cases];
  } catch (failure) {
    $("publicity-results").replaceChildren(errorBox(failure.message));
    return;
  }
  const work = { entry: showEntries, overdue: showOverdue, report: showReport }[action];
  const label = { entry: "生成公示条目", overdue: "检查逾期", report: "生成年度报告" }[action];
  runLong($("publicity-results"), label, (signal) => work(cases, signal));
});
