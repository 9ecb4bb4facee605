// Helpers the workflow tabs share: long actions with progress and cancel, Chinese dates,
// tables, downloads and JSON posts. Uses api(), el(), errorBox() from app.js.
"use strict";

const WEEKDAYS = ["一", "二", "三", "四", "五", "六", "日"];

function chineseDate(iso) {
  // "2024-10-12" → "2024年10月12日（星期六）"; the weekday follows ISO (1 = Monday).
  const [year, month, day] = iso.split("-").map(Number);
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
  return `${year}年${month}月${day}日（星期${WEEKDAYS[weekday]}）`;
}

function postJson(path, body, signal, query = "") {
  return api(path + query, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
}

async function runLong(box, label, work) {
  // Show an indeterminate progress bar and a 取消 button while `work(signal)` runs.
  const controller = new AbortController();
  const status = el("div", "busy");
  const bar = el("progress");
  const cancel = el("button", "cancel", "取消");
  cancel.type = "button";
  cancel.addEventListener("click", () => controller.abort());
  status.append(bar, el("span", "meta", ` ${label}…`), cancel);
  box.replaceChildren(status);
  const cancelled = new Promise((_, reject) => controller.signal.addEventListener("abort", () => reject(new Error("cancelled"))));
  try {
    // Cancel answers at once even when the work cannot be interrupted; its late result is dropped.
    const shown = await Promise.race([work(controller.signal), cancelled]);
    box.replaceChildren(shown);
  } catch (failure) {
    const message = controller.signal.aborted ? `已取消：${label}` : failure.message;
    box.replaceChildren(errorBox(message));
  }
}

function table(headers, rows, cls = "") {
  const result = el("table", cls);
  const head = el("tr");
  for (const name of headers) head.append(el("th", "", name));
  result.append(head);
  for (const row of rows) {
    const line = el("tr");
    for (const value of row) {
      const cell = el("td");
      if (value instanceof Node) cell.append(value);
      else cell.textContent = value === null || value === undefined ? "—" : String(value);
      line.append(cell);
    }
    result.append(line);
  }
  return result;
}

function saveBlob(blob, name) {
  const link = el("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

function readFileText(input) {
  const file = input.files && input.files[0];
  if (!file) return Promise.resolve(null);
  return file.text();
}

function markMissing(text) {
  // Split text so every 【待补充…】 placeholder becomes a highlighted <mark>.
  const fragment = document.createDocumentFragment();
  let rest = text;
  for (;;) {
    const start = rest.indexOf("【待补充");
    if (start < 0) break;
    const end = rest.indexOf("】", start);
    if (end < 0) break;
    fragment.append(rest.slice(0, start), el("mark", "missing", rest.slice(start, end + 1)));
    rest = rest.slice(end + 1);
  }
  fragment.append(rest);
  return fragment;
}

function echoChineseDates() {
  // Whatever the browser's own locale, each date field repeats its value in Chinese.
  for (const input of document.querySelectorAll('input[type="date"]')) {
    const echo = el("span", "date-echo meta");
    echo.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", echo);
    const update = () => (echo.textContent = input.value ? chineseDate(input.value) : "");
    input.addEventListener("input", update);
    input.addEventListener("change", update);
  }
}

echoChineseDates();
