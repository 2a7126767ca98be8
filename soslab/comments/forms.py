from django import forms
from django.utils.translation import gettext_lazy as _

from soslab.core.forms import CleanTextForm
from soslab.moderation.forms import PersonalDataCheckMixin

from .models import BODY_MAX_LENGTH


class CommentTextChecksMixin(PersonalDataCheckMixin):
    """The personal-data warning on the body; the service refuses spam and flags a comment
    published anyway for review (soslab.moderation.screening)."""

    personal_data_fields = ("body",)

    @property
    def needs_personal_data_confirmation(self):
        return bool(self.personal_data_findings) and not self.cleaned_data.get(
            self.personal_data_confirm_field
        )


class CommentForm(CommentTextChecksMixin, CleanTextForm):
    """Posting a comment or a reply. The target travels as 'app_label.model' + object id."""

    body = forms.CharField(
        label=_("Your comment"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": BODY_MAX_LENGTH}),
        help_text=_("Plain text, up to 2,000 characters. Links are allowed."),
        error_messages={
            "required": _("Please write a comment."),
            "max_length": _(
                "A comment can be at most %(limit_value)d characters (you wrote %(show_value)d)."
            ),
        },
    )
    target = forms.CharField(widget=forms.HiddenInput, max_length=100)
    object_id = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    # Honeypot: hidden from people, filled by naive bots.
    website = forms.CharField(
        required=False,
        label=_("Leave this empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("This field must be left empty."))
        return ""


class CommentEditForm(CommentTextChecksMixin, CleanTextForm):
    body = forms.CharField(
        label=_("Edit your comment"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": BODY_MAX_LENGTH}),
        error_messages={
            "required": _("Please write a comment."),
            "max_length": _(
                "A comment can be at most %(limit_value)d characters (you wrote %(show_value)d)."
            ),
        },
    )
