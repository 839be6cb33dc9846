"""Claims: extraction of claims from the preserved items, and their review.

Commands: `extraction` (`extract_items`, `correct_item_metadata`), `review` (`decide`).
Queries: `queries` (stored claims, claims as reviewed, the review queue and history).
"""
