"""Finding an organisation's assessment and question from the URL (always through request.organisation)."""

from django.http import Http404


def get_assessment(request, year: str):
    assessment = (
        request.organisation.assessments.select_related("framework", "organisation__profile")
        .filter(framework__year=year)
        .first()
    )
    if assessment is None:
        raise Http404("No assessment for that year")
    return assessment


def get_question(assessment, ref: str):
    question = assessment.framework.questions.select_related("group", "standard").filter(ref=ref).first()
    if question is None:
        raise Http404("No such question")
    return question
