"""The ICO's risk matrix: how likely harm is (remote, possible, probable) against how severe it would be (minimal,
significant, severe) gives a low, medium or high risk."""

REMOTE, POSSIBLE, PROBABLE = "remote", "possible", "probable"
MINIMAL, SIGNIFICANT, SEVERE = "minimal", "significant", "severe"
LOW, MEDIUM, HIGH = "low", "medium", "high"

LIKELIHOODS = [(REMOTE, "Remote"), (POSSIBLE, "Reasonably possible"), (PROBABLE, "More likely than not")]
SEVERITIES = [(MINIMAL, "Minimal impact"), (SIGNIFICANT, "Some impact"), (SEVERE, "Serious harm")]
LEVEL_LABELS = {LOW: "Low", MEDIUM: "Medium", HIGH: "High"}

LIKELIHOOD_HINTS = {
    REMOTE: "It could happen, but it is very unlikely",
    POSSIBLE: "It might well happen",
    PROBABLE: "It is more likely to happen than not",
}
SEVERITY_HINTS = {
    MINIMAL: "A nuisance or upset that passes quickly",
    SIGNIFICANT: "Real distress, inconvenience or cost that can be put right",
    SEVERE: "Lasting harm: to health, safety, money or reputation, or loss of trust that cannot be put right",
}

_ORDER_L = {REMOTE: 0, POSSIBLE: 1, PROBABLE: 2}
_ORDER_S = {MINIMAL: 0, SIGNIFICANT: 1, SEVERE: 2}
# Rows: likelihood remote, possible, probable; columns: severity minimal, significant, severe. As the ICO's DPIA
# guidance draws it: minimal impact is always low and a remote likelihood is always low; some impact is medium when
# reasonably possible and high when more likely than not; serious harm is high unless remote.
_MATRIX = [
    [LOW, LOW, LOW],
    [LOW, MEDIUM, HIGH],
    [LOW, HIGH, HIGH],
]


def score(likelihood: str, severity: str) -> str:
    """The overall risk ("low", "medium" or "high"), or "" while either half is not chosen."""
    if likelihood not in _ORDER_L or severity not in _ORDER_S:
        return ""
    return _MATRIX[_ORDER_L[likelihood]][_ORDER_S[severity]]
