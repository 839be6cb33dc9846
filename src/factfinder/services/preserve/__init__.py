"""Preserve: the evidence as received — ingest, the vault's items and metadata, the signed
ledger, verification and proofs.

Commands (each ledgered in its transaction): `ingest` (files and document batches), `record`
(an acquisition or a metadata change, in the caller's transaction), `checkpoints` (signing;
proofs that sign first when needed).
Queries: `items` (list, show, text), `search` (the item list as a role may see it), `history`
(checkpoints, consistency proofs), `verify` (`factfinder verify`), `proofcheck` (a proof against
the project now), `metadata` (metadata values and their ledger records), `inputs` (reading the
files and the metadata CSV named on the command line; no database).
"""
