"""Operators are added and removed from the command line, and each change is kept in the history."""

import pytest
from django.core.management import CommandError, call_command

from dspt.accounts.models import User
from dspt.history.models import ChangeRecord
from dspt.verification import operators
from dspt.verification.models import Operator
from tests.factories import make_user


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_adding_someone_without_an_account_creates_one_with_no_password(db):
    output = run("add_operator", "  Ops@Service.Example ", "--name", "Opal Operator")
    user = User.objects.get(email="ops@service.example")
    assert (user.full_name, user.has_usable_password()) == ("Opal Operator", False)
    assert operators.is_operator(user)
    assert "ops@service.example is now an operator" in output
    assert "Forgotten your password?" in output
    record = ChangeRecord.objects.get(area="Operators")
    assert (record.organisation, record.actor_label, record.object_label, record.action) == (
        None,
        "System",
        "ops@service.example",
        ChangeRecord.CREATED,
    )
    assert record.changes == {"Operator": [None, "Yes"], "Account": [None, "Created"]}


def test_adding_someone_with_an_account_keeps_it_and_adding_twice_changes_nothing(owner):
    output = run("add_operator", owner.email)
    assert "Forgotten your password?" not in output
    owner.refresh_from_db()
    assert owner.check_password("correct horse battery staple") and operators.is_operator(owner)
    assert "already an operator" in run("add_operator", owner.email)
    assert Operator.objects.count() == 1
    assert ChangeRecord.objects.filter(area="Operators").count() == 1


def test_removing_an_operator_keeps_their_account_and_is_recorded(owner):
    operators.add_operator(owner.email)
    assert "is no longer an operator" in run("remove_operator", owner.email.upper())
    assert not operators.is_operator(owner) and User.objects.filter(pk=owner.pk).exists()
    record = ChangeRecord.objects.filter(area="Operators").first()
    assert (record.action, record.changes) == (ChangeRecord.DELETED, {"Operator": ["Yes", None]})


def test_mistakes_are_told_plainly(owner):
    with pytest.raises(CommandError, match=r"'not-an-address' is not an email address"):
        run("add_operator", "not-an-address")
    with pytest.raises(CommandError, match=r"owner@care\.example is not an operator\. Operators: none"):
        run("remove_operator", owner.email)
    assert not User.objects.filter(email="not-an-address").exists()


def test_an_inactive_or_signed_out_person_is_not_an_operator(owner):
    from django.contrib.auth.models import AnonymousUser

    operators.add_operator(owner.email)
    owner.is_active = False
    assert not operators.is_operator(owner)
    assert not operators.is_operator(AnonymousUser())
    assert not operators.is_operator(make_user("someone@care.example"))


def test_only_an_operator_can_decide_on_a_registration(settings, owner, org):
    from dspt.verification import review

    settings.REGISTRATION_REVIEW = True
    with pytest.raises(review.CannotDecide, match="Only an operator"):
        review.refuse(review.find("VX101"), owner, "Not you")
    with pytest.raises(review.CannotDecide, match="Only an operator"):
        review.approve(review.find("VX101"), owner)
    assert review.state_of(org) == review.APPROVED  # as registered, with review off
