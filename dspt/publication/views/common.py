from django.http import Http404


def current_assessment(request):
    """The organisation's assessment for the current toolkit year, or 404 if it has not started one."""
    assessment = request.organisation.assessments.current()
    if assessment is None:
        raise Http404("No current assessment")
    return assessment
