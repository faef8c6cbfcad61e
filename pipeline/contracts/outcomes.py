"""Contract 3: every inbox entry gets exactly one of these outcomes.

The codes are stable (they appear in the `Nhật ký` sheet as `Mã kết quả`); the labels live
only in the message catalog (`outcome-<code>`), in Vietnamese for documents and in the
console's language for the console. To add an outcome: a member here, its label in
`core/catalog/intake.py`, and the place in `intake/settle.py` that decides it.
"""

from __future__ import annotations

from enum import StrEnum

from pipeline.core.catalog import t


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    ACCEPTED_WITH_WARNINGS = "accepted-with-warnings"
    ACCEPTED_IN_PART = "accepted-in-part"
    OTHER_PERIOD = "other-period"  # a return of another period of this plan: that run counts it
    REJECTED = "rejected"
    SUPERSEDED = "superseded"
    DUPLICATE = "duplicate"
    UNREADABLE = "unreadable"
    IGNORED = "ignored"

    def label(self, lang: str = "vi") -> str:
        """`Chấp nhận`, `Từ chối`…: Vietnamese in documents, the console's language there."""
        return t(f"outcome-{self.value}", lang)

    @property
    def this_period(self) -> bool:
        """Belongs in this period's workbook: every entry but another period's return."""
        return self is not Outcome.OTHER_PERIOD

    @property
    def counted(self) -> bool:
        """Its rows (those without errors) count in the rollups."""
        return self in COUNTED

    @property
    def live(self) -> bool:
        """A return that can speak for its agency in this period: not a copy, an older
        version, another period's return or no return."""
        return self not in (
            Outcome.OTHER_PERIOD,
            Outcome.SUPERSEDED,
            Outcome.DUPLICATE,
            Outcome.IGNORED,
            Outcome.UNREADABLE,
        )


COUNTED = frozenset({Outcome.ACCEPTED, Outcome.ACCEPTED_WITH_WARNINGS, Outcome.ACCEPTED_IN_PART})
