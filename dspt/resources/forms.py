"""What a programme lead types to add or change a resource, and the public page's area filter."""

from django import forms

from dspt.resources import catalogue, files
from dspt.resources.models import Resource, split_areas

LINK, FILE = "link", "file"


class ResourceForm(forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=200,
        error_messages={"required": "Enter a title", "max_length": "The title must be 200 characters or fewer"},
    )
    description = forms.CharField(
        label="Short description",
        help_text="One or two sentences: what it is and who it helps",
        max_length=500,
        required=False,
        widget=forms.Textarea,
        error_messages={"max_length": "The description must be 500 characters or fewer"},
    )
    kind = forms.ChoiceField(
        label="What kind of resource is it?",
        choices=Resource.KINDS,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select what kind of resource it is",
            "invalid_choice": "Select what kind of resource it is",
        },
    )
    source = forms.ChoiceField(
        label="How do people get it?",
        choices=[(LINK, "A link to a web page"), (FILE, "A file you upload")],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select a link or a file",
            "invalid_choice": "Select a link or a file",
        },
    )
    link = forms.CharField(
        label="Link",
        help_text="Starting https://",
        max_length=500,
        required=False,
        widget=forms.URLInput,
        error_messages={"max_length": "The link must be 500 characters or fewer"},
    )
    file = forms.FileField(
        label="File",
        help_text=f"{files.ACCEPTED_DESCRIPTION[0].upper()}{files.ACCEPTED_DESCRIPTION[1:]}",
        required=False,
        error_messages={"empty": "The file is empty", "invalid": "Choose the file again"},
    )
    chosen_areas = forms.MultipleChoiceField(
        label="Which areas does it serve?",
        help_text="Leave these blank if it serves every area",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select areas from the list, or type them under other areas"},
    )
    other_areas = forms.CharField(
        label="Other areas",
        help_text="Separate areas with commas, for example Luton, Stevenage",
        max_length=300,
        required=False,
        error_messages={"max_length": "Other areas must be 300 characters or fewer"},
    )
    published = forms.BooleanField(label="Show it on the public resources page", required=False)

    def __init__(self, data=None, files_=None, *, areas: list[str], resource: Resource | None = None, **kwargs):
        self.resource = resource
        if resource is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "title": resource.title,
                "description": resource.description,
                "kind": resource.kind,
                "source": FILE if resource.has_file else LINK,
                "link": resource.link,
                "chosen_areas": [a for a in resource.area_list if a in areas],
                "other_areas": ", ".join(a for a in resource.area_list if a not in areas),
                "published": resource.published,
            }
        kwargs.setdefault("initial", {"published": True})
        super().__init__(data, files_, **kwargs)
        self.fields["chosen_areas"].choices = [(area, area) for area in areas]
        if not areas:
            self.fields["other_areas"].label = "Which areas does it serve?"
            self.fields["other_areas"].help_text = "Leave blank if it serves every area. Separate areas with commas"
        if resource is not None and resource.has_file:
            self.fields["file"].help_text = f"Leave this empty to keep {resource.file_name}"
        self.upload = None

    def clean_link(self):
        return self.cleaned_data["link"].strip()

    def clean(self):
        data = super().clean()
        source = data.get("source")
        if source == LINK:
            if not data.get("link"):
                self.add_error("link", "Enter the link, starting https://")
            else:
                try:
                    data["link"] = catalogue.check_link(data["link"])
                except catalogue.RuleBroken as problem:
                    self.add_error("link", str(problem))
        elif source == FILE:
            data["link"] = ""
            uploaded = data.get("file")
            if uploaded:
                try:
                    self.upload = (uploaded, files.check(uploaded))
                except files.Refused as refused:
                    self.add_error("file", str(refused))
            elif self.resource is None or not self.resource.has_file:
                self.add_error("file", "Choose the file to upload")
        return data

    def values(self) -> catalogue.Values:
        data = self.cleaned_data
        return catalogue.Values(
            title=data["title"],
            kind=data["kind"],
            description=data["description"],
            link=data["link"] if data["source"] == LINK else "",
            areas=[*data["chosen_areas"], *split_areas(data["other_areas"])],
            published=data["published"],
        )


class AreaFilterForm(forms.Form):
    """The public page's filter, filled in with what is shown (never bound: catalogue.public_listing ignores an
    area not on offer)."""

    area = forms.ChoiceField(label="Show resources for", required=False)

    def __init__(self, *, areas: list[str], **kwargs):
        super().__init__(**kwargs)
        self.fields["area"].choices = [("", "Every area"), *((a, a) for a in areas)]
