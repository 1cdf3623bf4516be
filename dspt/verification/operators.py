"""Operators: the people who run this service and check registrations. Not a role in any organisation.

Added and removed from the command line (`manage.py add_operator EMAIL`, `manage.py remove_operator EMAIL`), so
nobody can make themselves one through the web; each change is kept in the history (with no organisation).
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from dspt.accounts.models import User
from dspt.history.models import ChangeRecord
from dspt.history.record import record_change
from dspt.verification.models import Operator

AREA = "Operators"


class NotAnOperator(Exception):
    """Asked to remove someone who is not an operator."""


def is_operator(user) -> bool:
    """True for a signed-in, active person marked as an operator."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return Operator.objects.filter(user=user).exists()


def clean_email(email: str) -> str:
    """The address as accounts keeps it (lower case, no spaces at the ends); ValidationError when it is not one."""
    email = (email or "").strip().lower()
    validate_email(email)
    return email


@transaction.atomic
def add_operator(email: str, full_name: str = "") -> tuple[User, bool, bool]:
    """Make the person with this email an operator, creating their account (with no password: they choose one with
    "Forgotten your password?") when there is none. Returns (user, account created, newly an operator)."""
    email = clean_email(email)
    user = User.objects.filter(email=email).first()
    created_user = user is None
    if created_user:
        user = User.objects.create_user(email, None, full_name=full_name)
    _operator, made = Operator.objects.get_or_create(user=user)
    if made:
        record_change(
            actor=None,
            organisation=None,
            area=AREA,
            action=ChangeRecord.CREATED,
            obj=user,
            label=email,
            changes={"Operator": [None, "Yes"]} | ({"Account": [None, "Created"]} if created_user else {}),
        )
    return user, created_user, made


@transaction.atomic
def remove_operator(email: str) -> User:
    """Stop the person with this email being an operator (their account and organisations stay)."""
    try:
        email = clean_email(email)
    except ValidationError as error:
        raise NotAnOperator(f"{email!r} is not an email address") from error
    operator = Operator.objects.select_related("user").filter(user__email=email).first()
    if operator is None:
        raise NotAnOperator(f"{email} is not an operator")
    user = operator.user
    operator.delete()
    record_change(
        actor=None,
        organisation=None,
        area=AREA,
        action=ChangeRecord.DELETED,
        obj=user,
        label=email,
        changes={"Operator": ["Yes", None]},
    )
    return user


def operator_emails() -> list[str]:
    return list(Operator.objects.order_by("user__email").values_list("user__email", flat=True))
