"""Read a legacy (pre-zip) PyTorch checkpoint's tensors into numpy, without torch.

resemblyzer's ``pretrained.pt`` is in the old serialisation: five pickles in a row
(magic, protocol, system info, the object, the storage keys) followed by every
storage's raw bytes. The unpickler here accepts only the few globals such a state
dict needs, so loading a weights file can never run code.
"""

from __future__ import annotations

import collections
import pickle
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

_LEGACY_MAGIC = 0x1950A86A20F9469CFC6C
_STORAGE_DTYPES: dict[str, np.dtype] = {
    "FloatStorage": np.dtype("<f4"),
    "DoubleStorage": np.dtype("<f8"),
    "HalfStorage": np.dtype("<f2"),
    "LongStorage": np.dtype("<i8"),
    "IntStorage": np.dtype("<i4"),
    "ShortStorage": np.dtype("<i2"),
    "CharStorage": np.dtype("i1"),
    "ByteStorage": np.dtype("u1"),
    "BoolStorage": np.dtype("?"),
}


class CheckpointError(ValueError):
    """The file is not a legacy PyTorch checkpoint we can read safely."""


@dataclass(frozen=True)
class _TensorRef:
    storage_key: str
    dtype: np.dtype
    offset: int
    shape: tuple[int, ...]
    strides: tuple[int, ...]


@dataclass(frozen=True)
class _StorageType:
    dtype: np.dtype


def _rebuild_tensor(storage: tuple, offset: int, shape: tuple, strides: tuple, *_: Any):
    _, storage_type, key, *_rest = storage
    return _TensorRef(str(key), storage_type.dtype, offset, tuple(shape), tuple(strides))


class _RestrictedUnpickler(pickle.Unpickler):
    """Knows tensors, storages and OrderedDict; refuses every other global."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("collections", "OrderedDict"):
            return collections.OrderedDict
        if (module, name) == ("torch._utils", "_rebuild_tensor_v2"):
            return _rebuild_tensor
        if module == "torch" and name in _STORAGE_DTYPES:
            return _StorageType(_STORAGE_DTYPES[name])
        raise CheckpointError(f"checkpoint refers to a global we do not load: {module}.{name}")

    def persistent_load(self, pid: Any) -> Any:
        return tuple(pid)


def load_legacy_state_dict(path: Path, key: str = "model_state") -> dict[str, np.ndarray]:
    """The float arrays of ``checkpoint[key]`` (the whole object when it is the state dict)."""
    with path.open("rb") as handle:
        header = [_RestrictedUnpickler(handle).load() for _ in range(3)]
        if header[0] != _LEGACY_MAGIC:
            raise CheckpointError(f"{path} is not a legacy PyTorch checkpoint")
        obj = _RestrictedUnpickler(handle).load()
        keys = _RestrictedUnpickler(handle).load()
        refs = obj.get(key, obj) if isinstance(obj, dict) else obj
        storages = _read_storages(handle, keys, _storage_dtypes(obj))
    return {
        name: _materialise(ref, storages[ref.storage_key])
        for name, ref in refs.items()
        if isinstance(ref, _TensorRef)
    }


def _storage_dtypes(obj: Any) -> dict[str, np.dtype]:
    """Every storage's element type, found anywhere in the object (to skip its bytes right)."""
    if isinstance(obj, _TensorRef):
        return {obj.storage_key: obj.dtype}
    children = obj.values() if isinstance(obj, dict) else obj
    if not isinstance(obj, dict | list | tuple):
        return {}
    found: dict[str, np.dtype] = {}
    for child in children:
        found.update(_storage_dtypes(child))
    return found


def _read_storages(
    handle: BinaryIO, keys: list[str], dtypes: dict[str, np.dtype]
) -> dict[str, np.ndarray]:
    """Raw storages follow the pickles as (int64 element count, bytes), in ``keys`` order."""
    storages: dict[str, np.ndarray] = {}
    for storage_key in keys:
        (count,) = struct.unpack("<q", handle.read(8))
        dtype = dtypes.get(str(storage_key))
        if dtype is None:
            raise CheckpointError(f"storage {storage_key} has no known element type")
        storages[str(storage_key)] = np.frombuffer(handle.read(count * dtype.itemsize), dtype)
    return storages


def _materialise(ref: _TensorRef, storage: np.ndarray) -> np.ndarray:
    itemsize = storage.dtype.itemsize
    view = np.lib.stride_tricks.as_strided(
        storage[ref.offset :],
        shape=ref.shape,
        strides=tuple(s * itemsize for s in ref.strides),
    )
    return np.array(view, dtype=np.float32)
