"""Build errors with stable codes, each naming the file, the key and the problem."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    code: str  # stable, kebab-case: quote-not-found, sha256-mismatch, part-exceeds-whole, …
    file: str  # path relative to the package root, or the table name for table-level checks
    key: str  # the row or key: a fact id, a YAML line, a mention text
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.key}" if self.key else self.file
        return f"[{self.code}] {where}: {self.message}"


class TsrError(Exception):
    """One or more problems that stop the build. Nothing is published when it is raised."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def codes(self) -> set[str]:
        return {p.code for p in self.problems}


def raise_if(problems: list[Problem]) -> None:
    if problems:
        raise TsrError(problems)
