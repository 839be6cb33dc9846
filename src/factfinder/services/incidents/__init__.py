"""Incidents: linking claims into incidents, analysts' decisions on them, and searching them.

Commands: `commands` (`link_project`, `merge`, `split`, `move`, `confirm`, `grade`), `index`
(the incidents' full-text index, kept up to date in every link run's transaction).
Queries: `queries` (lists, timeline, detail, the incidents as of a ledger size, the `verify`
check), `search` (a text search scoped by who may search what).
"""
