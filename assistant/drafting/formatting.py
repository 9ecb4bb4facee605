"""How official documents write dates and sums: 2024年6月1日, 人民币壹拾伍万元整（¥150,000.00）."""

from __future__ import annotations

from datetime import date

import cn2an


def chinese_date(day: date) -> str:
    """``2024年6月1日`` (no leading zeros, as documents print it)."""
    return f"{day.year}年{day.month}月{day.day}日"


def uppercase_yuan(amount: float) -> str:
    """大写金额 as finance writes it: 壹拾伍万元整, 壹仟贰佰叁拾肆元伍角陆分."""
    return cn2an.an2cn(f"{round(amount, 2):.2f}".rstrip("0").rstrip("."), "rmb")


def figure_yuan(amount: float) -> str:
    """``¥150,000.00``."""
    return f"¥{amount:,.2f}"


def yuan_record(amount: float) -> dict[str, str]:
    """A sum as templates need it: figures, 大写, and the usual combined wording."""
    upper, figure = uppercase_yuan(amount), figure_yuan(amount)
    plain = f"{amount:,.2f}".rstrip("0").rstrip(".")
    return {
        "figure": figure,
        "upper": upper,
        "plain": f"{plain}元",
        "text": f"人民币{upper}（{figure}）",
    }
