"""Cases and what is built from them: reports, exports and evidence packages.

Commands: `commands` (create a case, add or remove incidents, notes), `files` (write a report,
export or package and its `export.write` entry; picks or signs the checkpoint).
Queries: `queries` (cases, a case as of a ledger size, the `verify` check), `evidence` (items,
claims and proofs as of a checkpoint), `casefile` (the `CaseFile` of a case as of a checkpoint,
restricted data left out).
"""
