"""Merkle tree hashing, proofs and proof verification as in RFC 6962 §2.1 / RFC 9162 §2.1.

- leaf hash = SHA-256(0x00 ‖ entry bytes); node hash = SHA-256(0x01 ‖ left ‖ right);
- a tree of n > 1 leaves splits at k, the largest power of two below n: MTH(D[0:k]) on the left,
  MTH(D[k:n]) on the right (no duplicated odd nodes); the root of no leaves is SHA-256("").

`TreeBuilder` computes roots while leaves stream past, holding only O(log n) subtree hashes; it is
what the verifier uses on a million entries. Proof *generation* takes the leaf hashes as a
sequence (a list read from the ledger); proof *verification* needs only the proof, the leaf or
the two roots — it is what a third party runs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

LEAF_PREFIX = b"\x00"
NODE_PREFIX = b"\x01"
EMPTY_ROOT = hashlib.sha256(b"").digest()

_sha256 = hashlib.sha256


def leaf_hash(data: bytes) -> bytes:
    return _sha256(LEAF_PREFIX + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return _sha256(NODE_PREFIX + left + right).digest()


def split_point(n: int) -> int:
    """Where RFC 6962 splits a tree of n leaves (n ≥ 2): the largest power of two below n."""
    return 1 << ((n - 1).bit_length() - 1)


class TreeBuilder:
    """Append leaf hashes one by one; `root()` at any moment is MTH of the leaves so far.

    The stack holds the roots of the complete subtrees that make up the tree, largest first
    (one per set bit of `size`), so memory is O(log n) and each append costs amortised one node
    hash.
    """

    __slots__ = ("_stack", "size")

    def __init__(self) -> None:
        self._stack: list[bytes] = []
        self.size = 0

    def append(self, leaf: bytes) -> None:
        stack = self._stack
        stack.append(leaf)
        self.size += 1
        n = self.size
        while not n & 1:
            right = stack.pop()
            stack[-1] = _sha256(NODE_PREFIX + stack[-1] + right).digest()
            n >>= 1

    def append_block(self, leaves: Sequence[bytes]) -> None:
        """Append 2^k leaves at a size that is a multiple of 2^k, hashing them level by level
        (several times faster than one `append` each)."""
        n = len(leaves)
        if n == 0 or n & (n - 1) or self.size % n:
            raise ValueError(f"a block of {n} leaves cannot go at size {self.size}")
        sha, pre = _sha256, NODE_PREFIX
        level = list(leaves)
        while len(level) > 1:
            it = iter(level)
            level = [sha(pre + a + b).digest() for a, b in zip(it, it, strict=True)]
        stack = self._stack
        stack.append(level[0])
        self.size += n
        carry = self.size // n
        while not carry & 1:
            right = stack.pop()
            stack[-1] = _sha256(NODE_PREFIX + stack[-1] + right).digest()
            carry >>= 1

    def extend(self, leaves: Iterable[bytes]) -> None:
        for leaf in leaves:
            self.append(leaf)

    def root(self) -> bytes:
        stack = self._stack
        if not stack:
            return EMPTY_ROOT
        h = stack[-1]
        for left in reversed(stack[:-1]):
            h = node_hash(left, h)
        return h


def root_of(leaves: Sequence[bytes], lo: int = 0, hi: int | None = None) -> bytes:
    """MTH of leaves[lo:hi]."""
    builder = TreeBuilder()
    for i in range(lo, len(leaves) if hi is None else hi):
        builder.append(leaves[i])
    return builder.root()


def inclusion_proof(index: int, leaves: Sequence[bytes], size: int | None = None) -> list[bytes]:
    """The audit path PATH(index, D[0:size]) (RFC 6962 §2.1.1), ordered from the leaf upwards."""
    n = len(leaves) if size is None else size
    if not 0 <= index < n <= len(leaves):
        raise ValueError(f"leaf {index} is not in a tree of size {n}")
    path: list[bytes] = []
    lo, hi = 0, n
    while hi - lo > 1:
        k = split_point(hi - lo)
        if index < lo + k:
            path.append(root_of(leaves, lo + k, hi))
            hi = lo + k
        else:
            path.append(root_of(leaves, lo, lo + k))
            lo = lo + k
    path.reverse()
    return path


def consistency_proof(
    first: int, leaves: Sequence[bytes], second: int | None = None
) -> list[bytes]:
    """PROOF(first, D[0:second]) (RFC 6962 §2.1.2): the tree of size `first` is a prefix of it."""
    n = len(leaves) if second is None else second
    if not 0 < first <= n <= len(leaves):
        raise ValueError(f"no consistency proof from size {first} to size {n}")
    proof: list[bytes] = []
    lo, hi, m, whole = 0, n, first, True
    # SUBPROOF(m, D[lo:hi], whole), unrolled; each step appends after the recursive part, so we
    # collect in reverse and flip at the end.
    while True:
        if m == hi - lo:
            if not whole:
                proof.append(root_of(leaves, lo, hi))
            break
        k = split_point(hi - lo)
        if m <= k:
            proof.append(root_of(leaves, lo + k, hi))
            hi = lo + k
        else:
            proof.append(root_of(leaves, lo, lo + k))
            lo, m, whole = lo + k, m - k, False
    proof.reverse()
    return proof


def root_from_inclusion(index: int, size: int, leaf: bytes, path: Sequence[bytes]) -> bytes | None:
    """The root an audit path leads to (RFC 9162 §2.1.3.2), or None if the path cannot fit."""
    if not 0 <= index < size:
        return None
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return r if sn == 0 else None


def verify_inclusion(
    index: int, size: int, leaf: bytes, path: Sequence[bytes], root: bytes
) -> bool:
    """True when `path` proves leaf `index` is in the tree of `size` leaves with head `root`."""
    return root_from_inclusion(index, size, leaf, path) == root


def verify_consistency(
    first: int, second: int, proof: Sequence[bytes], first_root: bytes, second_root: bytes
) -> bool:
    """True when `proof` shows the tree (first, first_root) is a prefix of (second, second_root)
    (RFC 9162 §2.1.4.2)."""
    if first < 0 or second < first:
        return False
    if first == second:
        return not proof and first_root == second_root
    if first == 0:
        return not proof  # the empty tree is a prefix of every tree
    path = list(proof)
    if first & (first - 1) == 0:  # an exact power of two: the old root is a node of the new tree
        path.insert(0, first_root)
    if not path:
        return False
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == first_root and sr == second_root
