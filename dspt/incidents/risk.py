"""What the risk to people comes to: how likely harm is, and how bad it would be, read together.

The ICO expects a breach to be reported unless it is unlikely to result in a risk to people's rights and freedoms,
and the people affected to be told when the risk is high. This gives a plain conclusion to help the decision; the
person recording the incident still decides, and says why.
"""

NOT_LIKELY, POSSIBLE, LIKELY, HAPPENED = "not_likely", "possible", "likely", "happened"
LIKELIHOODS = [
    (NOT_LIKELY, "Not likely"),
    (POSSIBLE, "Possible"),
    (LIKELY, "Likely"),
    (HAPPENED, "It has already happened"),
]
NONE, MINOR, SIGNIFICANT, SERIOUS = "none", "minor", "significant", "serious"
SEVERITIES = [
    (NONE, "No harm"),
    (MINOR, "Minor"),
    (SIGNIFICANT, "Significant"),
    (SERIOUS, "Serious"),
]

LOW, RISK, HIGH = "low", "risk", "high"
CONCLUSIONS = {
    LOW: "Unlikely to put people at risk. You may not need to report it to the ICO: record why.",
    RISK: "A risk to people. It is likely you must report it to the ICO within 72 hours of finding it.",
    HIGH: "A high risk to people. Report it to the ICO within 72 hours of finding it, and tell the people affected "
    "without delay.",
}


def conclusion(likelihood: str, severity: str) -> str | None:
    """LOW, RISK or HIGH for the likelihood and severity of harm; None until both are given."""
    if not likelihood or not severity:
        return None
    if severity == NONE or (likelihood == NOT_LIKELY and severity == MINOR):
        return LOW
    if (severity == SERIOUS and likelihood != NOT_LIKELY) or (severity == SIGNIFICANT and likelihood == HAPPENED):
        return HIGH
    return RISK


def conclusion_text(likelihood: str, severity: str) -> str:
    found = conclusion(likelihood, severity)
    return CONCLUSIONS[found] if found else ""
