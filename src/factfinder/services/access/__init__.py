"""Access: who may do what, and what each role may see.

- `roles`: roles and their permissions; the `User`, `Session` and `ApiToken` values.
- `queries`: reads — accounts, live sessions and tokens, restriction marks (`Restrictions`,
  what a role without `Permission.READ_RESTRICTED` never sees) and comments.
- `commands`: writes, each ledgered in its transaction — accounts, roles, sign-in, sessions,
  tokens, restriction marks, released names, comments, and the log of reads of restricted data.
- `view`: the one redaction view every output reads — the record as one reader may see it.
- `redaction`: the same rules as SQL, for lists, counts and search.
"""
