from django.urls import path

from dspt.assessments.views import overview, question, sheet

app_name = "assessments"

base = "o/<str:ods_code>/assessment/"
year = base + "<str:year>/"

urlpatterns = [
    path(base, overview.index, name="index"),
    path(year, overview.home, name="home"),
    path(year + "start/", overview.start, name="start"),
    path(year + "group/<slug:group>/", overview.group, name="group"),
    path(year + "answers/", sheet.answer_sheet, name="sheet"),
    path(year + "answers.xlsx", sheet.answer_sheet_xlsx, name="sheet_xlsx"),
    path(year + "answers.docx", sheet.answer_sheet_docx, name="sheet_docx"),
    path(year + "q/<str:ref>/", question.question_page, name="question"),
    path(year + "q/<str:ref>/history/", question.history, name="history"),
    path(year + "q/<str:ref>/files/<int:evidence_id>/", question.download, name="download"),
    path(year + "q/<str:ref>/files/<int:evidence_id>/remove/", question.remove_file, name="remove_file"),
]
