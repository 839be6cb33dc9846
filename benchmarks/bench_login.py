"""Sign-in under a flood: N concurrent wrong passwords against one account.

Prints how many passwords were checked (the throttle's count: its free tries, however many
arrive at once), the throttled answers, the wall time, the most argon2 computations that ran
at once, and the process's peak memory growth, with argon2 bounded by `--slots` and, for
reference, with as many slots as requests. Run each in a fresh process for clean peaks:

    .venv/bin/python benchmarks/bench_login.py --requests 60 --slots 2
    .venv/bin/python benchmarks/bench_login.py --requests 60 --slots 60
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor


def main() -> None:
    from factfinder.services import Project
    from factfinder.services.access import passwords
    from factfinder.services.access.commands import add_user
    from factfinder.services.access.roles import LoginRefused, LoginThrottled, ThrottlePolicy
    from factfinder.services.access.signin import authenticate

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--slots", type=int, default=passwords.DEFAULT_CONCURRENCY)
    parser.add_argument(
        "--free", type=int, default=1000, help="free tries (large: every password is checked)"
    )
    args = parser.parse_args()
    passwords.set_concurrency(args.slots)
    policy = ThrottlePolicy(max_failures=args.free, max_failures_per_remote=args.free)
    with tempfile.TemporaryDirectory() as tmp, Project.init(tmp + "/p") as project:
        add_user(project, "admin", "a long enough password", "admin")
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        now = dt.datetime.now(dt.UTC)

        def attempt(n: int) -> str:
            try:
                authenticate(
                    project, "admin", f"guess {n}", remote=f"10.0.{n}.1", policy=policy, now=now
                )
            except LoginThrottled:
                return "throttled"
            except LoginRefused:
                return "refused"
            return "accepted"

        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.requests) as pool:
            outcomes = list(pool.map(attempt, range(args.requests)))
        took = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"{args.requests} concurrent logins, {args.slots} argon2 slots: "
        f"{outcomes.count('refused')} checked, {outcomes.count('throttled')} throttled, "
        f"{took:.2f} s, at most {passwords.peak_concurrency()} argon2 at once, "
        f"peak memory +{(after - before) / 1024:.0f} MiB"
    )


if __name__ == "__main__":
    main()
