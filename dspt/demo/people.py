"""The demo's password, shared by every fictional account it makes (a development machine only)."""

DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 (fictional demo accounts on a development machine)
