"""What an operator types when refusing a registration."""

from django import forms

from dspt.verification import review


class RefuseForm(forms.Form):
    reason = forms.CharField(
        label="Why can you not confirm this registration?",
        help_text="This is emailed to the organisation's administrators. Say what they can do, for example how to get "
        "in touch with you and what would show the registration is right",
        max_length=review.REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": "Enter the reason: it is emailed to the organisation's administrators",
            "max_length": f"The reason must be {review.REASON_MAX_LENGTH} characters or fewer",
        },
    )

    def clean_reason(self):
        try:
            return review.clean_reason(self.cleaned_data["reason"])
        except review.CannotDecide as problem:
            raise forms.ValidationError(str(problem)) from problem
