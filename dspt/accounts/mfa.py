"""Two-factor sign-in with an authenticator app (TOTP) and one-off backup codes, via django-otp."""

import secrets
from base64 import b32encode
from collections.abc import Callable
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from dspt.accounts.models import User
from dspt.history.models import ChangeRecord
from dspt.history.record import record_change

BACKUP_CODE_COUNT = 10


# Rules that make two-factor sign-in compulsory for someone, added by other apps without accounts importing them
# (organisations adds "an organisation they belong to requires it").
_requirements: list[Callable[[User], bool]] = []


def require_when(rule: Callable[[User], bool]) -> None:
    if rule not in _requirements:
        _requirements.append(rule)


def required_for(user: User) -> bool:
    """True when the person must use two-factor sign-in (and so cannot turn it off)."""
    return any(rule(user) for rule in _requirements)


def has_device(user) -> bool:
    return user_has_device(user, confirmed=True)


def pending_totp(user) -> TOTPDevice:
    """The unconfirmed authenticator-app device being set up (made on first visit, reused after)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


def qr_svg(device: TOTPDevice) -> str:
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    buffer = BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]


def secret_for_typing(device: TOTPDevice) -> str:
    """The device key as base32 in groups of four, for people who cannot scan the QR code."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def throttled(user) -> bool:
    """True while django-otp makes the person wait after wrong codes (the wait doubles with each one)."""
    return any(not device.verify_is_allowed()[0] for device in devices_for_user(user, confirmed=True))


def verify(user, code: str, confirmed: bool = True):
    """The device that accepts this code, or None."""
    for device in devices_for_user(user, confirmed=confirmed):
        if device.verify_is_allowed()[0] and device.verify_token(code):
            return device
    return None


@transaction.atomic
def confirm_totp(user, device: TOTPDevice) -> list[str]:
    """Turn the device on and return fresh backup codes (shown once)."""
    TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    record_change(
        actor=user,
        organisation=None,
        area="Two-factor sign-in",
        action=ChangeRecord.CREATED,
        label=user.email,
    )
    return new_backup_codes(user)


def new_backup_codes(user) -> list[str]:
    static, _ = StaticDevice.objects.get_or_create(user=user, defaults={"name": "Backup codes"})
    static.token_set.all().delete()
    codes = [f"{secrets.randbelow(10**8):08d}" for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=code) for code in codes])
    return codes


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user).count()


@transaction.atomic
def turn_off(user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    record_change(
        actor=user,
        organisation=None,
        area="Two-factor sign-in",
        action=ChangeRecord.DELETED,
        label=user.email,
    )
