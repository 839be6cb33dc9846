"""The evidence vault: content-addressed blobs, the Merkle-tree ledger, signed checkpoints, proofs
and verification. Everything here works on files and bytes, except `ledger`, which also reads
and writes the ledger's rows; `factfinder.services` decides what is appended.

- `hashing`: the `sha256:<hex>` form, chunked file hashing and canonical JSON.
- `blobs`: the write-once, atomic, content-addressed blob store.
- `merkle`: RFC 6962/9162 tree hashes, inclusion and consistency proofs and their verification.
- `ledger`: ledger entries (the leaves of the tree), their rows and the checkpoint rows.
- `signing`: Ed25519 keys and signed checkpoints (tree heads).
- `proofs`: the JSON proof documents a third party checks with only the public key.
- `verify`: the streaming ledger verifier and the problem report.
"""
