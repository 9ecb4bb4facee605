"""report.json → one self-contained report.html (Chinese, plots as base64 PNG data URIs).

No CDN, no external files: the page opens offline and can be mailed as one file.
Plots use a CJK font from Debian's fonts-noto-cjk so Chinese labels render.
"""

from __future__ import annotations

import base64
import html
import io
import warnings
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Serif CJK SC", "WenQuanYi Zen Hei")
METRIC_KEYS = ("hit@1", "hit@5", "hit@10", "recall@10", "mrr@10", "ndcg@10")
STYLE = """
body{font-family:"Noto Sans CJK SC","Noto Sans CJK JP",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:4px 8px;font-size:14px}
th{background:#eef}td.num{text-align:right}.win{background:#dfd}.loss{background:#fdd}
img{max-width:100%;border:1px solid #ddd;margin:0.5em 0}code{background:#f4f4f4}
"""


FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
FONT_FILES = ("NotoSansCJK-Regular.ttc", "NotoSerifCJK-Regular.ttc", "wqy-zenhei.ttc")


def cjk_font() -> str | None:
    """The first installed CJK font family, if any.

    matplotlib's font cache may predate ``apt-get install fonts-noto-cjk``; the Debian
    font files are then registered directly instead of rebuilding the cache.
    """
    installed = {f.name for f in font_manager.fontManager.ttflist}
    found = next((name for name in CJK_FONTS if name in installed), None)
    if found is not None:
        return found
    for folder in FONT_DIRS:
        for name in FONT_FILES:
            for path in folder.rglob(name) if folder.is_dir() else ():
                font_manager.fontManager.addfont(str(path))
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def _png(figure: plt.Figure) -> str:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    plt.close(figure)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def metric_bars(title: str, values: dict[str, dict[str, float]], keys: tuple[str, ...]) -> str:
    """Grouped bars: one group per metric, one bar per configuration."""
    names = list(values)
    figure, axes = plt.subplots(figsize=(max(6, 1.3 * len(keys) * max(1, len(names)) / 2), 4))
    width = 0.8 / max(1, len(names))
    for i, name in enumerate(names):
        xs = [k + i * width for k in range(len(keys))]
        axes.bar(xs, [values[name].get(key) or 0 for key in keys], width, label=name)
    axes.set_xticks([k + width * (len(names) - 1) / 2 for k in range(len(keys))], list(keys))
    axes.set_ylim(0, 1.05)
    axes.set_title(title)
    axes.set_ylabel("得分")
    axes.legend(fontsize=8)
    return _png(figure)


def latency_histogram(title: str, latencies: dict[str, list[float]]) -> str:
    figure, axes = plt.subplots(figsize=(7, 3.5))
    for name, values in latencies.items():
        axes.hist(values, bins=min(30, max(5, len(values) // 2)), alpha=0.5, label=name)
    axes.set_title(title)
    axes.set_xlabel("单次查询延迟（毫秒）")
    axes.set_ylabel("题数")
    axes.legend(fontsize=8)
    return _png(figure)


def _setup_fonts() -> str | None:
    font = cjk_font()
    if font:
        plt.rcParams["font.sans-serif"] = [font, "DejaVu Sans"]
        plt.rcParams["axes.unicode_minus"] = False
    return font


def _e(value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    return html.escape("" if value is None else str(value))


def _table(headers: list[str], rows: list[list[Any]], classes: list[str] | None = None) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = []
    for i, row in enumerate(rows):
        css = f' class="{classes[i]}"' if classes and classes[i] else ""
        cells = "".join(
            f'<td class="num">{_e(c)}</td>'
            if isinstance(c, int | float) and not isinstance(c, bool)
            else f"<td>{_e(c)}</td>"
            for c in row
        )
        body.append(f"<tr{css}>{cells}</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def wins_and_losses(
    per_system: dict[str, list[dict[str, Any]]],
) -> tuple[list[str], list[list[Any]], dict[str, list[int]]]:
    """Questions where configurations disagree; per configuration (wins, losses, ties).

    A configuration wins a question when its gold rank is strictly best among all,
    loses when strictly worst (not found counts as worst).
    """
    names = list(per_system)
    counts = {name: [0, 0, 0] for name in names}
    rows: list[list[Any]] = []
    for position, first in enumerate(per_system[names[0]]):
        ranks = {n: per_system[n][position]["rank"] for n in names}
        keyed = {n: (r if r is not None else 10**6) for n, r in ranks.items()}
        best, worst = min(keyed.values()), max(keyed.values())
        if best == worst:
            for n in names:
                counts[n][2] += 1
            continue
        winners = [n for n in names if keyed[n] == best]
        losers = [n for n in names if keyed[n] == worst]
        if len(winners) == 1:
            counts[winners[0]][0] += 1
        if len(losers) == 1:
            counts[losers[0]][1] += 1
        rank_cells = [ranks[n] if ranks[n] is not None else "未命中" for n in names]
        rows.append(
            [
                first["id"],
                first["question"][:60],
                "、".join(first["gold"]),
                *rank_cells,
                "、".join(winners),
            ]
        )
    return names, rows, counts


def _retrieval_section(report: dict[str, Any]) -> list[str]:
    parts: list[str] = []
    systems = report["configurations"]
    set_names = list(dict.fromkeys(s for c in systems for s in c["results"].get("retrieval", {})))
    for set_name in set_names:
        have = {
            c["name"]: c["results"]["retrieval"][set_name]
            for c in systems
            if set_name in c["results"].get("retrieval", {})
        }
        parts.append(f"<h2>条文检索：{_e(set_name)}</h2>")
        rows = [
            [
                name,
                r["questions"],
                *[r["metrics"][k] for k in METRIC_KEYS],
                r["latency"]["p50_ms"],
                r["latency"]["p95_ms"],
                r["throughput_qps"],
            ]
            for name, r in have.items()
        ]
        parts.append(
            _table(["配置", "题数", *METRIC_KEYS, "p50 毫秒", "p95 毫秒", "吞吐 次/秒"], rows)
        )
        bars = metric_bars(
            f"{set_name}：各配置指标", {n: r["metrics"] for n, r in have.items()}, METRIC_KEYS
        )
        parts.append(f'<img alt="指标柱状图" src="{bars}">')
        histogram = latency_histogram(
            f"{set_name}：延迟分布", {n: r["latencies_ms"] for n, r in have.items()}
        )
        parts.append(f'<img alt="延迟直方图" src="{histogram}">')
        if len(have) > 1 and len({r["questions"] for r in have.values()}) == 1:
            names, diff_rows, counts = wins_and_losses(
                {n: r["per_question"] for n, r in have.items()}
            )
            parts.append("<h3>逐题胜负</h3>")
            parts.append(_table(["配置", "胜", "负", "平"], [[n, *counts[n]] for n in names]))
            parts.append(
                _table(
                    ["编号", "问题", "标准答案", *[f"{n} 名次" for n in names], "最佳"],
                    diff_rows[:200],
                )
            )
            if not diff_rows:
                parts.append("<p>各配置在每一题上的名次相同。</p>")
    return parts


def _similar_section(report: dict[str, Any]) -> list[str]:
    have = {
        c["name"]: c["results"]["similar_cases"]
        for c in report["configurations"]
        if "similar_cases" in c["results"]
    }
    if not have:
        return []
    rows, values = [], {}
    for name, result in have.items():
        for row in result["results"]:
            rows.append(
                [
                    name,
                    row["mode"],
                    row["precision_at_k"],
                    row["hit_at_k"],
                    row["queries"],
                    row["mean_ms"],
                    row["p95_ms"],
                ]
            )
            values[f"{name}/{row['mode']}"] = {
                "P@k": row["precision_at_k"],
                "Hit@k": row["hit_at_k"],
            }
    first = next(iter(have.values()))
    parts = [
        f"<h2>类案检索（CAIL 留一法，k={first['k']}，种子 {first['seed']}）</h2>",
        _table(["配置", "方法", "P@k", "Hit@k", "查询数", "平均毫秒", "p95 毫秒"], rows),
    ]
    parts.append(
        f'<img alt="类案指标" src="{metric_bars("类案检索 P@k / Hit@k", values, ("P@k", "Hit@k"))}">'
    )
    return parts


def _shared_section(report: dict[str, Any]) -> list[str]:
    shared, parts = report.get("shared", {}), []
    if "discretion" in shared:
        d = shared["discretion"]
        parts.append("<h2>裁量档次</h2>")
        parts.append(
            f"<p>案例 {d['cases']} 个；档次准确率 {_e(d['tier_accuracy'])}；罚款幅度准确率 {_e(d['range_accuracy'])}</p>"
        )
        parts.append(
            _table(
                ["编号", "违法行为", "档次", "幅度（元）", "档次正确", "幅度正确"],
                [
                    [
                        r["id"],
                        r["violation_id"],
                        r.get("tier", r.get("error")),
                        r.get("range_yuan"),
                        r.get("tier_correct"),
                        r.get("range_correct"),
                    ]
                    for r in d["per_case"]
                ],
            )
        )
    if "review" in shared:
        r = shared["review"]
        parts.append("<h2>法制审核提示</h2>")
        rows = [
            [point, v["precision"], v["recall"], v["tp"], v["fp"], v["fn"]]
            for point, v in r["per_point"].items()
        ]
        rows.append(
            [
                "总体",
                r["overall"]["precision"],
                r["overall"]["recall"],
                r["overall"]["tp"],
                r["overall"]["fp"],
                r["overall"]["fn"],
            ]
        )
        parts.append(
            f"<p>案卷 {r['files']} 份（无问题 {r['clean_files']} 份），预期提示 {r['expected_flags']} 条</p>"
        )
        parts.append(_table(["审核要点", "精确率", "召回率", "TP", "FP", "FN"], rows))
        values = {
            "精确率": {p: v["precision"] for p, v in r["per_point"].items()},
            "召回率": {p: v["recall"] for p, v in r["per_point"].items()},
        }
        parts.append(
            f'<img alt="审核要点" src="{metric_bars("各审核要点的精确率与召回率", values, tuple(r["per_point"]))}">'
        )
    if "transcription" in shared:
        t = shared["transcription"]
        parts.append(f"<h2>询问录音转写（{t['clips']} 段，模型 {_e(t['model'])}）</h2>")
        parts.append(
            _table(
                ["系统", "CER", "实时率（逐段）", "实时率（拼接）"],
                [
                    [
                        s,
                        round(o["cer"], 4),
                        round(o["rtf_clips"], 3),
                        round(o["rtf_joined"], 3),
                    ]
                    for s, o in t["overall"].items()
                ],
            )
        )
    return parts


def _header(report: dict[str, Any], font: str | None) -> list[str]:
    env = report["environment"]
    rows = [
        [
            c["name"],
            c["spec"].get("mode"),
            (c["model"] or {}).get("model_id", "无（仅 BM25）"),
            (c["vector_store"] or {}).get("backend", "—"),
            c["fusion"]["rrf_k"],
            c["fusion"]["bm25_weight"],
            c["fusion"]["dense_weight"],
            c["laws"],
            c["units"],
            c["corpus_hash"][:16],
        ]
        for c in report["configurations"]
    ]
    packages = "，".join(f"{k} {v}" for k, v in env["packages"].items() if v)
    parts = [
        f"<h1>{_e(report['title'])}</h1>",
        f"<p>生成时间 {_e(env['created'])}；随机种子 {env['seed']}；Python {_e(env['python'])}；"
        f"提交 <code>{_e(env['git']['commit'])}</code>{'（工作区有未提交修改）' if env['git']['dirty'] else ''}</p>",
        f"<p>软件包：{_e(packages)}</p>",
        "<h2>配置</h2>",
        _table(
            [
                "配置",
                "方式",
                "向量模型",
                "向量库",
                "rrf_k",
                "BM25 权重",
                "向量权重",
                "法规数",
                "单元数",
                "语料哈希",
            ],
            rows,
        ),
    ]
    if font is None:
        parts.append("<p>未找到中文字体（fonts-noto-cjk），图中中文可能显示为方框。</p>")
    return parts


def render_html(report: dict[str, Any]) -> str:
    """The whole page."""
    font = _setup_fonts()
    parts = (
        _header(report, font)
        + _retrieval_section(report)
        + _similar_section(report)
        + _shared_section(report)
    )
    if report.get("skipped"):
        parts.append("<h2>未运行的评测</h2>")
        parts.append(
            _table(
                ["评测", "配置", "原因"],
                [[s["benchmark"], s["configuration"], s["reason"]] for s in report["skipped"]],
            )
        )
    body = "\n".join(parts)
    return (
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{_e(report["title"])}</title>'
        f"<style>{STYLE}</style></head><body>{body}</body></html>"
    )
