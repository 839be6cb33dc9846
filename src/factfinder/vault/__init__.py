"""The evidence vault: content-addressed blobs, the Merkle-tree ledger, signed checkpoints, proofs
and verification. Everything here is pure (files and bytes, no database); `factfinder.services`
stores and reads the rows.

- `hashing`: the `sha256:<hex>` form and chunked file hashing.
- `blobs`: the write-once, atomic, content-addressed blob store.
- `merkle`: RFC 6962/9162 tree hashes, inclusion and consistency proofs and their verification.
- `ledger`: canonical JSON and ledger entries (the leaves of the tree).
- `signing`: Ed25519 keys and signed checkpoints (tree heads).
- `proofs`: the JSON proof documents a third party checks with only the public key.
- `verify`: the streaming ledger verifier and the problem report.
"""
