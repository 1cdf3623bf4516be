"""Data Protection Impact Assessments: screening, risks, sign-off and the printed DPIA."""
