"""What the documents are written from: the organisation's profile and its registers, read once per draft.

Where a fact is missing, the draft says so in square brackets ("[Add your ICO registration number in your
organisation profile]") and `Facts.missing` lists it with a link to where it is put right.
"""

from dataclasses import dataclass, field

from django.urls import reverse

from dspt.organisations.models import OdsEntry, Profile
from dspt.registers import specs

ASSETS, ACTIVITIES = "information-assets", "processing-activities"
ROLE_STEP = "roles"


@dataclass(frozen=True)
class Missing:
    text: str  # "Your ICO registration number"
    href: str  # where to add it ("" when it is typed into the draft itself)
    link_text: str = ""  # "Add it in your organisation profile"


@dataclass(frozen=True)
class Activity:
    purpose: str
    people: str
    data: str
    lawful_basis: str  # "6(1)(b) Contract"
    condition: str  # "9(2)(h) Health or social care", or "" for none
    recipients: str
    retention: str
    outside_uk: str  # where it goes and the safeguard, or ""


@dataclass(frozen=True)
class Asset:
    name: str
    kind: str  # as people read it: "Paper", "Digital files", "System or app", "Device"
    location: str
    retention: str
    disposal: str
    is_system: bool = False  # a system or app (the business continuity plan names these)


@dataclass
class Facts:
    name: str
    ods_code: str
    postcode: str
    ico_number: str
    services: str  # Profile.services: care_home, home_care, both or ""
    roles: dict[str, tuple[str, str]]  # {"dpo": (name, title)}
    activities: list[Activity]
    assets: list[Asset]
    missing: list[Missing] = field(default_factory=list)
    _seen: set = field(default_factory=set, repr=False)

    def gap(self, what: str, href: str, link_text: str, where: str = "") -> str:
        """The words a draft shows where a fact is missing ("[Add your ICO registration number in your organisation
        profile]"); the fact joins the list of what is missing, with where to add it."""
        if what not in self._seen:
            self._seen.add(what)
            self.missing.append(Missing(what[0].upper() + what[1:], href, link_text))
        return f"[Add {what}{where}]"

    def ico(self) -> str:
        if self.ico_number:
            return self.ico_number
        return self.gap("your ICO registration number", self._profile_url("ico"), PROFILE_LINK, IN_PROFILE)

    def address(self) -> str:
        """The profile holds no address: the draft asks for it (with the directory's postcode, when known)."""
        where = f" (the NHS directory gives your postcode as {self.postcode})" if self.postcode else ""
        return self.gap("your postal address", "", "", where)

    def person(self, role: str) -> str:
        """'Sam Jones (Registered manager)', or a gap naming the role."""
        name, title = self.roles.get(role, ("", ""))
        if name:
            return f"{name} ({title})" if title else name
        what = f"the name of your {Profile.ROLES[role]}"
        return self.gap(what, self._profile_url(ROLE_STEP), PROFILE_LINK, IN_PROFILE)

    def _profile_url(self, step: str) -> str:
        return reverse("organisations:profile_step", args=[self.ods_code, step])

    def register_url(self, slug: str, page: str = "list") -> str:
        return reverse(f"registers:{slug}:{page}", args=[self.ods_code])

    def activities_or_gap(self) -> list[Activity]:
        if not self.activities:
            self.gap(
                "the reasons you use personal data",
                self.register_url(ACTIVITIES, "add"),
                "Add them to your Record of Processing Activities",
                " to your Record of Processing Activities",
            )
        return self.activities

    def assets_or_gap(self) -> list[Asset]:
        if not self.assets:
            self.gap(
                "the records and systems you keep",
                self.register_url(ASSETS, "add"),
                "Add them to your Information Asset Register",
                " to your Information Asset Register",
            )
        return self.assets


PROFILE_LINK = "Add it in your organisation profile"
IN_PROFILE = " in your organisation profile"


def _current(slug: str, organisation):
    spec = specs.get(slug)
    if spec is None:
        return []
    return list(spec.entries(organisation).filter(archived_at=None).order_by(spec.title_field, "pk"))


def gather(organisation) -> Facts:
    """Everything the builders use, from the profile, the directory's postcode and the registers' current entries."""
    profile = organisation.profile
    directory = OdsEntry.objects.filter(code=organisation.ods_code).only("postcode").first()
    activities = [
        Activity(
            purpose=entry.purpose,
            people=entry.people_categories,
            data=entry.data_categories,
            lawful_basis=entry.get_lawful_basis_display(),
            condition=""
            if entry.special_category_condition in ("", "none")
            else entry.get_special_category_condition_display(),
            recipients=entry.recipients,
            retention=entry.retention,
            outside_uk=entry.transfer_details if entry.transfers_outside_uk == "yes" else "",
        )
        for entry in _current(ACTIVITIES, organisation)
    ]
    assets = [
        Asset(
            name=entry.name,
            kind=entry.get_asset_type_display(),
            location=entry.location,
            retention=entry.retention,
            disposal=entry.disposal,
            is_system=entry.asset_type == entry.SYSTEM,
        )
        for entry in _current(ASSETS, organisation)
    ]
    return Facts(
        name=organisation.name,
        ods_code=organisation.ods_code,
        postcode=directory.postcode if directory else "",
        ico_number=profile.ico_number,
        services=profile.services,
        roles={role: profile.holder(role) for role in Profile.ROLES},
        activities=activities,
        assets=assets,
    )
