"""People who sign in, and the emailed links that let them in."""

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)

    def create_user(self, email, password=None, **extra):
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField("email address", unique=True)
    full_name = models.CharField("full name", max_length=150, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.full_name or self.email

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)


class EmailLink(models.Model):
    """A link emailed to someone: valid for a limited time, and only once. Only a hash of it is stored.

    `purpose` is the key of a link_tokens.Purpose registered by the app the link belongs to; that app keeps
    whatever else it needs to know about the link in a model of its own.
    """

    purpose = models.CharField(max_length=10)
    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["email", "created_at"])]

    def __str__(self):
        return f"{self.purpose} link for {self.email}"


class EmailRequest(models.Model):
    """Someone asked for an email anyone can ask for (to register, reset a password, join, a fresh link).

    Counted per client address, so one client cannot send email after email to addresses it makes up; kept a day.
    """

    kind = models.CharField(max_length=20)
    client = models.CharField("client address", max_length=45)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["client", "created_at"])]

    def __str__(self):
        return f"{self.kind} from {self.client}"
