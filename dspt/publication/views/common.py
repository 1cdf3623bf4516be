from django.http import Http404

from dspt.frameworks.models import FrameworkVersion


def current_assessment(request):
    """The organisation's assessment for the latest question set, or 404 if it has not started one."""
    framework = FrameworkVersion.objects.order_by("-year").first()
    assessment = (
        request.organisation.assessments.select_related("framework", "organisation__profile")
        .filter(framework=framework)
        .first()
        if framework
        else None
    )
    if assessment is None:
        raise Http404("No current assessment")
    return assessment
