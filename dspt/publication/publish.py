"""Publishing: gather what the journey needs, check the rules, freeze the snapshot and update public statuses."""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from dspt.assessments import presenters, progress
from dspt.assessments.rules import APPROACHING
from dspt.history.models import ChangeRecord
from dspt.history.record import field_values as profile_values
from dspt.history.record import record_change
from dspt.lib import emails
from dspt.organisations import people, profile_rules
from dspt.organisations.models import OdsEntry, Organisation, Profile
from dspt.publication import action_plans, cover, rules
from dspt.publication.models import Publication, PublicationDraft, PublicStatus, PublishedSite

PROFILE_FIELDS = [f.name for f in Profile._meta.fields if f.name not in ("id", "organisation", "completed_at")]


class CannotPublish(Exception):
    def __init__(self, blockers):
        super().__init__("; ".join(b.message for b in blockers))
        self.blockers = blockers


@dataclass
class Journey:
    assessment: object
    standing: progress.Standing
    draft: PublicationDraft
    plan: object
    published_before: bool
    blockers: list

    @property
    def status(self) -> str:
        return self.standing.status

    @property
    def needs_plan(self) -> bool:
        return self.status == APPROACHING

    def blocked_at(self, step: str) -> list:
        return [b for b in self.blockers if b.step == step]


def journey(assessment, lock: bool = False) -> Journey:
    organisation = assessment.organisation
    drafts = PublicationDraft.objects.select_for_update() if lock else PublicationDraft.objects
    # Reading the journey writes nothing: the draft is saved only when a step is completed.
    draft = drafts.filter(assessment=assessment).first() or PublicationDraft(assessment=assessment)
    standing = progress.load(assessment, with_files=True)
    plan = action_plans.plan_for(assessment)
    covered = [organisation.ods_code] + [b.code for b in chosen_branches(organisation, draft)]
    # A head office's publication counts as this organisation's own unless it has ended that cover (cover.py).
    published_before = (
        PublishedSite.objects.filter(ods_code__in=covered)
        .exclude(ods_code=organisation.ods_code, publication__organisation_id__in=cover.ended_by(organisation))
        .exists()
    )
    needed = {row.question.ref for row in action_plans.open_items(standing)}
    blockers = rules.blockers(
        status=standing.status,
        published_before=published_before,
        profile_checked=draft.profile_checked_at is not None,
        profile_complete=profile_rules.is_complete(organisation.profile),
        is_head_office=organisation.is_head_office,
        branches_chosen=draft.branches_chosen,
        plan_needed_refs=needed,
        plan_complete_refs=action_plans.complete_refs(plan),
        plan_has_document=bool(plan and plan.uses_document),
    )
    return Journey(assessment, standing, draft, plan, published_before, blockers)


@transaction.atomic
def mark_profile_checked(assessment, by) -> None:
    """The publishing administrator has checked the organisation profile is still right."""
    draft, _ = PublicationDraft.objects.select_for_update().get_or_create(assessment=assessment)
    draft.profile_checked_at = draft.updated_at = timezone.now()
    draft.save(update_fields=["profile_checked_at", "updated_at"])
    record_change(
        actor=by,
        organisation=assessment.organisation,
        area="Publication",
        action=ChangeRecord.UPDATED,
        obj=draft,
        label=f"{assessment.framework.year} publication being prepared",
        changes={"Profile checked": [None, "Yes"]},
    )


@transaction.atomic
def choose_branches(assessment, codes, by) -> None:
    """A head office chooses which of its branches the publication covers (only open, unregistered ones count)."""
    organisation = assessment.organisation
    allowed = {branch.code for branch in branch_choices(organisation)[0]}
    draft, _ = PublicationDraft.objects.select_for_update().get_or_create(assessment=assessment)
    before = ", ".join(draft.branch_codes) if draft.branches_chosen else None
    draft.branch_codes = sorted(set(codes) & allowed)
    draft.branches_chosen, draft.updated_at = True, timezone.now()
    draft.save(update_fields=["branch_codes", "branches_chosen", "updated_at"])
    record_change(
        actor=by,
        organisation=organisation,
        area="Publication",
        action=ChangeRecord.UPDATED,
        obj=draft,
        label=f"{assessment.framework.year} publication being prepared",
        changes={"Services covered": [before, ", ".join(draft.branch_codes) or "None"]},
    )


def branch_choices(organisation) -> tuple[list[OdsEntry], list[OdsEntry]]:
    """(open branches a head office may publish for, branches registered here on their own which it may not)."""
    if not organisation.is_head_office:
        return [], []
    branches = [b for b in organisation.branches() if b.is_open]
    registered = set(
        Organisation.objects.filter(ods_code__in=[b.code for b in branches]).values_list("ods_code", flat=True)
    )
    return [b for b in branches if b.code not in registered], [b for b in branches if b.code in registered]


def chosen_branches(organisation, draft) -> list[OdsEntry]:
    codes = set(draft.branch_codes or [])
    return [branch for branch in branch_choices(organisation)[0] if branch.code in codes]


def build_snapshot(state: Journey, confirmer_name: str, confirmer_title: str, sites: list[dict]) -> dict:
    """Everything the publication froze, as plain JSON: later edits never change it."""
    assessment, organisation = state.assessment, state.assessment.organisation
    answers = []
    for row in state.standing.rows:
        files = list(row.answer.evidence.all()) if row.answer else []
        answers.append(
            {
                "ref": row.question.ref,
                "group": row.question.group.title,
                "question": row.question.text,
                "level": presenters.LEVEL_LABELS[row.question.level],
                "answer": presenters.describe(row.question, row.answer.value if row.answer else None),
                "value": row.answer.value if row.answer else {},
                "comment": row.answer.comment if row.answer else "",
                "counts": row.verdict.ok,
                "files": [{"name": f.original_name, "size": f.size, "sha256": f.sha256} for f in files],
            }
        )
    plan = None
    if state.needs_plan and state.plan is not None:
        plan = {
            "document": state.plan.document_name or None,
            "document_stored_name": state.plan.document_stored_name or None,
            "document_content_type": state.plan.document_content_type or None,
            "lines": action_plans.as_rows(action_plans.lines_for(state.plan, state.standing)),
        }
    return {
        "organisation": {"ods_code": organisation.ods_code, "name": organisation.name},
        "profile": profile_values(organisation.profile, PROFILE_FIELDS),
        "year": assessment.framework.year,
        "framework_title": assessment.framework.title,
        "deadline": assessment.framework.deadline.isoformat(),
        "status": state.status,
        "status_label": state.standing.status_label,
        "confirmer": {"name": confirmer_name, "job_title": confirmer_title},
        "sites": sites,
        "answers": answers,
        "action_plan": plan,
    }


def publish(assessment, user, confirmer_name: str, confirmer_title: str) -> Publication:
    """Publish the assessment as it is now, or raise CannotPublish with what is in the way."""
    organisation = assessment.organisation
    with transaction.atomic():
        state = journey(assessment, lock=True)
        if state.blockers:
            raise CannotPublish(state.blockers)
        branches = chosen_branches(organisation, state.draft) if organisation.is_head_office else []
        sites = [{"ods_code": organisation.ods_code, "name": organisation.name}]
        sites += [{"ods_code": b.code, "name": b.name} for b in branches]
        now = timezone.now()
        publication = Publication.objects.create(
            organisation=organisation,
            assessment=assessment,
            year=assessment.framework.year,
            status=state.status,
            published_at=now,
            published_by=user,
            published_by_label=user.email,
            confirmer_name=confirmer_name,
            confirmer_job_title=confirmer_title,
            snapshot=build_snapshot(state, confirmer_name, confirmer_title, sites),
        )
        PublishedSite.objects.bulk_create([PublishedSite(publication=publication, **site) for site in sites])
        OdsEntry.objects.get_or_create(
            code=organisation.ods_code, defaults={"name": organisation.name, "source": OdsEntry.REGISTERED}
        )
        for site in sites:
            PublicStatus.objects.update_or_create(
                ods_code=site["ods_code"],
                defaults={
                    "publication": publication,
                    "status": state.status,
                    "year": publication.year,
                    "published_at": now,
                    "published_by_code": organisation.ods_code if site["ods_code"] != organisation.ods_code else "",
                },
            )
        if state.draft.pk:
            state.draft.delete()
        record_change(
            actor=user,
            organisation=organisation,
            area="Publication",
            action=ChangeRecord.CREATED,
            obj=publication,
            label=f"{publication.year} {state.standing.status_label}",
            changes={"Confirmed by": [None, f"{confirmer_name}, {confirmer_title}"], "Covers": [None, len(sites)]},
        )
        transaction.on_commit(lambda: _confirm_by_email(publication))
    return publication


def _confirm_by_email(publication: Publication) -> None:
    organisation = publication.organisation
    url = settings.SITE_URL + reverse("publication:detail", args=[organisation.ods_code, publication.pk])
    national_url = settings.SITE_URL + reverse("publication:national", args=[organisation.ods_code, publication.pk])
    recipients = [admin.email for admin in people.admins(organisation)]
    if recipients:
        emails.publication_confirmation(recipients, publication, url, national_url)
