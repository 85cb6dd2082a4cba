"""Fast inference for natasha's slovnet morphology and syntax models.

The models (CNN encoders over navec embeddings, shipped in the ``natasha``
wheel) are the same; only the way they run differs from ``slovnet.api``:

- the navec vocabulary is read once and shared by both models (slovnet builds
  three 250,000-word dictionaries), and nothing of ``natasha``/``slovnet`` is
  imported — the model files are read directly;
- all sentences of a batch are laid end to end, separated by one zero row,
  instead of being padded to the longest sentence in groups of 8: a
  convolution of width 3 over zero separators equals slovnet's per-sentence
  convolution over zero padding (the pad embeddings are zero), so every
  layer is one large matrix product with no padding waste;
- the first layer (80% of the arithmetic) is computed once per distinct
  (word, shape) pair of the batch and gathered per token — exact, because a
  convolution is linear in its input;
- the syntax head scores heads for all sentences of one length at once.

(Identical sentences are analysed once: see the memo in ``natasha_component``.)

The result equals slovnet's up to float rounding (tests compare the two).
"""

from __future__ import annotations

import gzip
from bisect import bisect_left
import importlib.util
import json
import re
import tarfile
import threading
from pathlib import Path

import numpy as np

_EMB = "emb/navec_news_v1_1B_250K_300d_100q.tar"
_MORPH = "model/slovnet_morph_news_v1.tar"
_SYNTAX = "model/slovnet_syntax_news_v1.tar"

BATCH_SENTENCES = 512  # sentences per model run
WORD_CACHE_SIZE = 8_192  # words whose first-layer products are kept (6 KiB each)
ENCODE_CACHE_SIZE = 200_000  # word -> (navec id, shape id)


def _data_dir() -> Path:
    """``natasha/data`` without importing natasha (its import loads the NER stack)."""
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("natasha is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


# --- shapes (as slovnet.shape.word_shape) --------------------------------------

_PUNCTS = (
    "!#$%&()[]\\/*+,.:;<=>?@^_{|}~"
    "-‐−‒⁃–—―"
    "`\"'«»„“ʼʻ”"
    "№…"
)
_TYPE = re.compile(
    r"(?P<RU>[а-яё]+)|(?P<EN>[a-z]+)|(?P<NUM>[+-]?\d+)|(?P<PUNCT>[%s]+)" % re.escape(_PUNCTS),
    re.IGNORECASE,
)


def _is_title(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


def _outline(word: str) -> str:
    if len(word) == 1:
        return "X" if word.isupper() else "x"
    if word.isupper():
        return "XX"
    if word.islower():
        return "xx"
    if _is_title(word):
        return "Xx"
    if "-" in word:
        left, right = word.split("-", 1)
        if _is_title(left) and _is_title(right):
            return "Xx-Xx"
    return "OTHER"


def word_shape(word: str) -> str:
    match = _TYPE.match(word)
    kind = match.lastgroup if match else "OTHER"
    if kind in ("RU", "EN"):
        return f"{kind}_{_outline(word)}"
    if kind == "PUNCT":
        if len(word) > 1 or word not in _PUNCTS:
            word = "OTHER"
        return f"PUNCT_{word}"
    return kind


# --- loading -------------------------------------------------------------------

def _read_vocab(data: bytes) -> list[str]:
    return gzip.decompress(data).decode("utf-8").splitlines()


def _load_pack(path: Path) -> tuple[dict, dict[str, list[str]]]:
    """A slovnet pack: its model tree with arrays in place, and its vocabularies
    (except the word vocabulary, which is navec's)."""
    with tarfile.open(path) as tar:
        meta = json.loads(tar.extractfile("meta.json").read())
        if meta.get("protocol") != 1:
            raise ValueError(f"{path.name}: unexpected slovnet protocol {meta.get('protocol')}")
        tree = json.loads(tar.extractfile("model.json").read())
        vocabs = {}
        arrays = {}
        for member in tar.getmembers():
            name = member.name
            if name.startswith("arrays/"):
                arrays[int(name[7:-4])] = tar.extractfile(member).read()
            elif name.startswith("vocabs/") and name != "vocabs/word.gz":
                vocabs[name[7:-3]] = _read_vocab(tar.extractfile(member).read())

    def fill(node):
        if isinstance(node, dict):
            if "array" in node and "shape" in node and isinstance(node["array"], int):
                return np.frombuffer(arrays[node["array"]], node["dtype"]).reshape(node["shape"])
            return {k: fill(v) for k, v in node.items()}
        if isinstance(node, list):
            return [fill(v) for v in node]
        return node

    return fill(tree), vocabs


class _Encoder:
    """The CNN encoder of one model. The first layer takes precomputed
    per-position products (see :meth:`Models._first_layer`)."""

    def __init__(self, tree: dict) -> None:
        self.layers = []
        for layer in tree["encoder"]["layers"]:
            w = layer["conv"]["weight"]  # filters x in x kernel
            if w.shape[2] != 3 or layer["conv"]["padding"] != 1:
                raise ValueError("unexpected slovnet convolution")
            filters = w.shape[0]
            # (in, 3 * filters): the three taps side by side
            wcat = np.ascontiguousarray(np.concatenate([w[:, :, k].T for k in range(3)], axis=1),
                                        dtype=np.float32)
            norm = layer["norm"]
            scale = (norm["weight"] / norm["std"]).astype(np.float32)
            shift = (norm["bias"] - norm["mean"] * scale).astype(np.float32)
            self.layers.append((wcat, filters, layer["conv"]["bias"].astype(np.float32), scale, shift))
        shape_emb = tree["emb"]["shape"]["weight"].astype(np.float32)
        wcat0 = self.layers[0][0]
        self.word_dim = wcat0.shape[0] - shape_emb.shape[1]
        self.word_w = np.ascontiguousarray(wcat0[: self.word_dim])  # (300, 3F)
        # every shape's contribution to the first layer, precomputed
        self.shape_z = shape_emb @ wcat0[self.word_dim:]  # (shapes, 3F)

    def __call__(self, zu: np.ndarray, uid: np.ndarray, zero_rows: np.ndarray) -> np.ndarray:
        """``zu``: first-layer products of the distinct (word, shape) pairs, last
        row zero; ``uid``: per position its row in ``zu`` (separators: the zero row)."""
        x = None
        for n, (wcat, f, bias, scale, shift) in enumerate(self.layers):
            length = len(uid) if n == 0 else len(x)
            y = np.empty((length, f), dtype=np.float32)
            y[0] = 0
            y[-1] = 0
            inner = y[1:-1]
            if n == 0:
                z0, z1, z2 = (np.ascontiguousarray(zu[:, k * f:(k + 1) * f]) for k in range(3))
                np.take(z0, uid[:-2], axis=0, out=inner)
                inner += np.take(z1, uid[1:-1], axis=0)
                inner += np.take(z2, uid[2:], axis=0)
            else:
                z = x @ wcat
                np.add(z[:-2, :f], z[1:-1, f:2 * f], out=inner)
                inner += z[2:, 2 * f:]
            y += bias
            np.maximum(y, 0, out=y)
            y *= scale
            y += shift
            y[zero_rows] = 0
            x = y
        return x


def _relu(x):
    return np.maximum(x, 0, out=x)


class Models:
    """navec + slovnet morphology + slovnet syntax, ready to run."""

    def __init__(self, data_dir: Path | None = None) -> None:
        data_dir = Path(data_dir or _data_dir())
        with tarfile.open(data_dir / _EMB) as tar:
            self.emb_id = json.loads(tar.extractfile("meta.json").read())["id"]
            raw = gzip.decompress(tar.extractfile("vocab.bin").read())
            pq = tar.extractfile("pq.bin").read()
        # navec's vocabulary: uint32 size, size uint32 counts, then the words
        (size,) = np.frombuffer(raw[:4], np.uint32)
        words = raw[4 + 4 * int(size):].decode("utf-8").splitlines()
        vectors, dim, qdim, centroids = np.frombuffer(pq[:16], np.uint32)
        self.pq_indexes = np.frombuffer(pq[16:16 + vectors * qdim], np.uint8).reshape(vectors, qdim)
        self.pq_codes = np.frombuffer(pq[16 + vectors * qdim:], np.float32).reshape(qdim, centroids, -1)
        self._qdims = np.arange(qdim)
        # The vocabulary is sorted (then <unk>, <pad>): binary search instead of
        # a 250,000-entry dictionary keeps loading fast.
        if words[-2:] != ["<unk>", "<pad>"]:
            raise ValueError("unexpected navec vocabulary")
        self.words = words
        self._n_sorted = len(words) - 2
        self.unk_id = len(words) - 2
        self.pad_id = len(words) - 1

        morph, mv = _load_pack(data_dir / _MORPH)
        syntax, sv = _load_pack(data_dir / _SYNTAX)
        for tree in (morph, syntax):
            if tree["emb"]["word"]["id"] != self.emb_id:
                raise ValueError("slovnet model and navec embedding do not match")
        if mv["shape"] != sv["shape"]:
            raise ValueError("slovnet models use different shape vocabularies")
        self.shape_ids = {s: i for i, s in enumerate(mv["shape"])}
        self.shape_unk = self.shape_ids["OTHER"]
        self.morph_enc = _Encoder(morph)
        self.syntax_enc = _Encoder(syntax)
        head = morph["head"]["proj"]
        self.morph_w = np.ascontiguousarray(head["weight"], dtype=np.float32)
        self.morph_b = head["bias"].astype(np.float32)
        self.tags = mv["tag"]
        self.rels = sv["rel"]
        sh = syntax["head"]
        self.h_head = (sh["head"]["proj"]["weight"], sh["head"]["proj"]["bias"])
        self.h_tail = (sh["tail"]["proj"]["weight"], sh["tail"]["proj"]["bias"])
        self.h_root = sh["root"].astype(np.float32)
        self.h_kernel = sh["kernel"].astype(np.float32)
        sr = syntax["rel"]
        self.r_head = (sr["head"]["proj"]["weight"], sr["head"]["proj"]["bias"])
        self.r_tail = (sr["tail"]["proj"]["weight"], sr["tail"]["proj"]["bias"])
        self.r_root = sr["root"].astype(np.float32)
        hidden, dim = sr["kernel"].shape
        self.rel_dim = dim // hidden
        kernel = sr["kernel"].astype(np.float32)  # (hidden, rel * hidden)
        # K'[d * hidden + h, r] = K[d, r * hidden + h]
        self.r_kernel_flat = np.ascontiguousarray(
            kernel.reshape(hidden, self.rel_dim, hidden).transpose(0, 2, 1).reshape(hidden * hidden, self.rel_dim))
        # first-layer word products of both models, side by side, per navec id
        self._word_w = np.ascontiguousarray(
            np.concatenate([self.morph_enc.word_w, self.syntax_enc.word_w], axis=1))
        self._word_z = np.empty((1024, self._word_w.shape[1]), dtype=np.float32)
        self._word_row: dict[int, int] = {}
        self._word_count = 0
        self._words: dict[str, tuple[int, int]] = {}
        self._lock = threading.Lock()

    # --- encoding ----------------------------------------------------------
    def _word_id(self, word: str) -> int:
        k = bisect_left(self.words, word, 0, self._n_sorted)
        return k if k < self._n_sorted and self.words[k] == word else self.unk_id

    def _encode(self, word: str) -> tuple[int, int]:
        ids = self._words.get(word)
        if ids is None:
            ids = (self._word_id(word.lower()),
                   self.shape_ids.get(word_shape(word), self.shape_unk))
            if len(self._words) >= ENCODE_CACHE_SIZE:
                self._words.clear()
            self._words[word] = ids
        return ids

    # --- analysis ----------------------------------------------------------
    def analyse(self, sentences: list) -> list[tuple[list[int], list[int], list[int]]]:
        """For each sentence (a sequence of words): tag ids, heads (0: the root,
        k: the k-th word, 1-based) and relation ids. Thread-safe."""
        out = []
        with self._lock:
            for start in range(0, len(sentences), BATCH_SENTENCES):
                out.extend(self._run(sentences[start:start + BATCH_SENTENCES]))
        return out

    def _word_rows(self, word_ids: np.ndarray) -> np.ndarray:
        """Rows of the first-layer word cache for these navec ids (both models
        side by side: ``[morph 3F | syntax 3F]``), computing the missing ones."""
        rows = self._word_row
        missing = [w for w in dict.fromkeys(word_ids.tolist()) if w not in rows]
        if missing:
            need = self._word_count + len(missing)
            if need > WORD_CACHE_SIZE and self._word_count:  # full: start again
                rows.clear()
                self._word_count = 0
                # the words that were cached a moment ago are missing now too
                missing = list(dict.fromkeys(word_ids.tolist()))
                need = len(missing)
            capacity = len(self._word_z)
            if need > capacity:
                grown = np.empty((max(need, min(2 * capacity, WORD_CACHE_SIZE)), self._word_z.shape[1]),
                                 dtype=np.float32)
                grown[: self._word_count] = self._word_z[: self._word_count]
                self._word_z = grown
            ids = np.array(missing, dtype=np.intp)
            vecs = self.pq_codes[self._qdims, self.pq_indexes[ids]].reshape(len(ids), -1)
            start = self._word_count
            self._word_z[start:start + len(ids)] = vecs @ self._word_w
            for k, w in enumerate(missing):
                rows[w] = start + k
            self._word_count = start + len(ids)
        return np.fromiter((rows[w] for w in word_ids.tolist()), dtype=np.intp, count=len(word_ids))

    def _run(self, sentences: list[tuple[str, ...]]) -> list[tuple]:
        lengths = [len(s) for s in sentences]
        encode = self._encode
        pair_rows: dict[tuple[int, int], int] = {}
        # layout: 0, s1..., 0, s2..., 0: one zero separator row around every sentence
        uid_l = [-1]
        for words in sentences:
            for w in words:
                ids = encode(w)
                row = pair_rows.get(ids)
                if row is None:
                    row = pair_rows[ids] = len(pair_rows)
                uid_l.append(row)
            uid_l.append(-1)
        n_pairs = len(pair_rows)
        uid = np.array(uid_l, dtype=np.intp)
        is_zero = uid < 0
        uid[is_zero] = n_pairs
        zero_rows = np.flatnonzero(is_zero)
        real = np.flatnonzero(~is_zero)
        pairs = np.array(list(pair_rows), dtype=np.intp).reshape(-1, 2)
        # first layer: cached word products + shape products, per distinct pair
        word_rows = self._word_rows(pairs[:, 0])  # may grow self._word_z
        wz = self._word_z[word_rows]  # (pairs, 3Fm + 3Fs)
        split = self.morph_enc.shape_z.shape[1]
        out_z = []
        for enc, part in ((self.morph_enc, wz[:, :split]), (self.syntax_enc, wz[:, split:])):
            zu = np.zeros((n_pairs + 1, part.shape[1]), dtype=np.float32)
            np.add(part, enc.shape_z[pairs[:, 1]], out=zu[:n_pairs])
            out_z.append(zu)

        # morphology
        hm = self.morph_enc(out_z[0], uid, zero_rows)[real]
        tags = (hm @ self.morph_w + self.morph_b).argmax(-1)

        # syntax
        hs = self.syntax_enc(out_z[1], uid, zero_rows)[real]
        head_ids = self._heads(hs, lengths)
        rel_ids = self._rels(hs, head_ids, lengths)

        out = []
        start = 0
        tags_l = tags.tolist()
        heads_l = head_ids.tolist()
        rels_l = rel_ids.tolist()
        for n in lengths:
            end = start + n
            out.append((tags_l[start:end], heads_l[start:end], rels_l[start:end]))
            start = end
        return out

    def _heads(self, hs: np.ndarray, lengths: list[int]) -> np.ndarray:
        """Per token: 0 for the root, or the 1-based index of its head."""
        w, b = self.h_head
        dep = _relu(hs @ w + b) @ self.h_kernel  # (N, hidden)
        w, b = self.h_tail
        cand = _relu(hs @ w + b)
        root = _relu(self.h_root @ w + b)
        offsets = np.cumsum([0] + lengths[:-1])
        by_len: dict[int, list[int]] = {}
        for k, n in enumerate(lengths):
            by_len.setdefault(n, []).append(k)
        heads = np.empty(len(hs), dtype=np.intp)
        for n, group in by_len.items():
            starts = offsets[group]
            idx = (starts[:, None] + np.arange(n)[None, :])  # (g, n)
            d = dep[idx]  # (g, n, hidden)
            c = cand[idx]  # (g, n, hidden)
            c = np.concatenate([np.broadcast_to(root, (len(group), 1, root.shape[0])), c], axis=1)
            scores = np.matmul(d, c.transpose(0, 2, 1))  # (g, n, n + 1)
            heads[idx.ravel()] = scores.argmax(-1).ravel()
        return heads

    def _rels(self, hs: np.ndarray, head_ids: np.ndarray, lengths: list[int]) -> np.ndarray:
        offsets = np.repeat(np.cumsum([0] + lengths[:-1]), lengths)
        # the head's representation: the root vector, or the head token's row
        stacked = np.concatenate([hs, self.r_root[None, :]], axis=0)
        gather = np.where(head_ids == 0, len(hs), offsets + head_ids - 1)
        w, b = self.r_head
        head = _relu(stacked[gather] @ w + b)  # (N, hidden)
        w, b = self.r_tail
        tail = _relu(hs @ w + b)  # (N, hidden)
        # score[n, r] = head[n] . K_r . tail[n] = (head[n] (x) tail[n]) . K'[:, r]
        outer = (head[:, :, None] * tail[:, None, :]).reshape(len(hs), -1)
        return (outer @ self.r_kernel_flat).argmax(-1)


_models: Models | None = None
_models_lock = threading.Lock()


def get_models() -> Models:
    global _models
    if _models is None:
        with _models_lock:
            if _models is None:
                _models = Models()
    return _models


def models_loaded() -> bool:
    return _models is not None

