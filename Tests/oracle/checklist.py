"""The checks of an end-to-end script: each printed as `ok   …` or `FAIL …` as it is made, and the exit code
at the end (0 when every check passed, 1 when one failed)."""
import sys


class Checklist:
    def __init__(self, name):
        self.name = name
        self.failures = []

    def __call__(self, condition, message):
        """Records one check; returns `condition`, so a step can depend on it."""
        print(("ok   " if condition else "FAIL ") + message, flush=True)
        if not condition:
            self.failures.append(message)
        return bool(condition)

    def exit_code(self):
        if self.failures:
            print(f"{self.name}: {len(self.failures)} check(s) failed", file=sys.stderr)
            return 1
        return 0
