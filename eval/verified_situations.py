"""Build the shipped verified-situation memory from the blind-written assist sets.

Each set's situations were written from the statutes by an independent author and
checked by a second reader; their gold pairs resolve on their act dates
(``eval.gold_set_check``). The memory keeps each item's first gold pair and names its
set as ``source``, so ``zhifa eval assist`` can leave a set's own items out when it
scores that set.

    python -m eval.verified_situations            # rewrite the shipped file
    python -m eval.verified_situations --check    # exit 1 when it is out of date
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from assistant.shipped_data import VERIFIED_SITUATIONS
from assistant.situation_memory import read_situations
from eval.situation_memory_study import default_sets, set_source


def memory_items(sets: list[Path]) -> list[dict]:
    items = []
    for path in sets:
        for entry in read_situations(path):
            items.append(replace(entry, source=set_source(path)).as_json())
    return items


def rendered(sets: list[Path]) -> str:
    body = {
        "description": "已核对情形：各独立编写的办案辅助评测集中的情形及其金标准条款对"
        "（由 python -m eval.verified_situations 生成，勿手改）",
        "items": memory_items(sets),
    }
    return json.dumps(body, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="只检查，不写文件")
    parser.add_argument("--out", type=Path, default=VERIFIED_SITUATIONS)
    args = parser.parse_args(argv)
    text = rendered(default_sets())
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
        if current != text:
            print(
                f"{args.out} 与评测集不一致，请运行 python -m eval.verified_situations",
                file=sys.stderr,
            )
            return 1
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(args.out)
    print(f"{args.out}：{text.count(chr(10) + '  {')} 条", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
