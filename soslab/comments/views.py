"""Comment endpoints under /comments/: POST only, CSRF-protected, redirect back to the target's
page (#comment-<id>) for browsers, JSON for API clients. Refusals keep what was typed: the text
and the reason travel back to the form in the session."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soslab.accounts.decorators import posting_required
from soslab.accounts.permissions import PostingRefused
from soslab.core import targets
from soslab.core.http import json_error, wants_json
from soslab.core.ratelimit import RateLimited, client_ip
from soslab.core.targets import target_key, target_url
from soslab.core.text import render_plain_text

from .forms import CommentEditForm, CommentForm
from .models import Comment
from .services import CommentRefused, comment_create, comment_delete, comment_edit

SESSION_KEY = "comments_form_state"


def _comment_json(comment, status=200):
    return JsonResponse(
        {
            "id": comment.pk,
            "parent": comment.parent_id,
            "url": comment.get_absolute_url(),
            "body": comment.body,
            "html": str(render_plain_text(comment.body)),
            "moderation_state": comment.moderation_state,
            "is_staff_comment": comment.is_staff_comment,
            "created_at": comment.created_at.isoformat(),
            "edited_at": comment.edited_at.isoformat() if comment.edited_at else None,
            "deleted": comment.is_deleted,
        },
        status=status,
    )


def _back_url(request, target, anchor):
    base = target_url(target) if target is not None else ""
    if not base:
        candidate = request.POST.get("next") or request.headers.get("Referer", "")
        if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            base = candidate.split("#", 1)[0]
        else:
            base = "/"
    return f"{base}#{anchor}"


def _comment_redirect(comment):
    """Back to the comment on the right page of its thread."""
    return HttpResponseRedirect(comment.get_absolute_url())


def _remember(request, *, target, form_id, body, error, confirm_personal_data=False):
    """Keep the typed text and the reason for the form that will be shown again
    (`confirm_personal_data`: show the "publish anyway" checkbox of the personal-data warning)."""
    request.session[SESSION_KEY] = {
        "target": f"{target_key(target)}:{target.pk}",
        "form": form_id,
        "body": body,
        "error": str(error),
        "confirm_personal_data": confirm_personal_data,
    }


def _refusal(request, *, target, form_id, body, message, code, status, confirm_personal_data=False):
    """The one answer to every refusal: JSON for API clients; for browsers, back to the form
    with the text kept and the reason shown."""
    if wants_json(request):
        return json_error(message, code=code, status=status)
    _remember(
        request,
        target=target,
        form_id=form_id,
        body=body,
        error=message,
        confirm_personal_data=confirm_personal_data,
    )
    return HttpResponseRedirect(_back_url(request, target, form_id))


def _refused(request, refusal, *, target, form_id, body):
    """A refusal raised by a service (CommentRefused, PostingRefused, ScreeningRefused) or the
    rate limit (browsers get the reason on the form; API clients the middleware's 429)."""
    if isinstance(refusal, RateLimited):
        if wants_json(request):
            raise refusal  # the middleware answers 429 with Retry-After
        minutes = max(1, round(refusal.retry_after / 60))
        message = _(
            "You are doing that too often. Please try again in about %(minutes)d minutes."
        ) % {"minutes": minutes}
        _remember(request, target=target, form_id=form_id, body=body, error=message)
        return HttpResponseRedirect(_back_url(request, target, form_id))
    return _refusal(
        request,
        target=target,
        form_id=form_id,
        body=body,
        message=refusal.message,
        code=refusal.code,
        status=refusal.status,
    )


def _invalid_form_refusal(request, form, *, target, form_id, body):
    warn = form.needs_personal_data_confirmation
    return _refusal(
        request,
        target=target,
        form_id=form_id,
        body=body,
        message=_first_error(form),
        code="personal_data" if warn else "invalid",
        status=400,
        confirm_personal_data=warn,
    )


def _first_error(form):
    for field in ("body", "website", "target", "object_id", "parent"):
        if form.errors.get(field):
            return form.errors[field][0]
    return _("Please check the form.")


def _not_found(request):
    """The answer for a target that is not registered, not visible or missing: no redirect, no URL."""
    if wants_json(request):
        return json_error(_("Comments are not open here."), code="not_found", status=404)
    raise Http404(_("Comments are not open here."))


def _visible_comment_or_404(request, pk):
    """A comment the person may see (their own in any state, public ones; all for moderators),
    on a target they may still see."""
    comment = get_object_or_404(
        Comment.objects.visible_to(request.user).select_related("author"), pk=pk
    )
    target = comment.target
    if target is None or not targets.is_visible(target, user=request.user):
        raise Http404
    return comment, target


def _reply_parent(request, form, *, target, body):
    """(parent, None) for the comment replied to, or (None, a refusal) when it is gone."""
    if not form.cleaned_data["parent"]:
        return None, None
    parent = Comment.objects.filter(pk=form.cleaned_data["parent"]).first()
    if parent is not None:
        return parent, None
    return None, _refusal(
        request,
        target=target,
        form_id="comment-form",
        body=body,
        message=_("The comment you replied to no longer exists."),
        code="parent_not_found",
        status=404,
    )


def _posted(request, comment):
    if wants_json(request):
        return _comment_json(comment, status=201)
    if comment.is_public:
        messages.success(request, _("Your comment has been posted."))
    else:
        messages.info(
            request,
            _("Thank you. Your comment will appear once a moderator has checked it."),
        )
    return _comment_redirect(comment)


@require_POST
@posting_required
def comment_post(request):
    """Post a comment or a reply (the service counts the "comment_create" rate limit)."""
    form = CommentForm(request.POST)
    body = request.POST.get("body", "")
    # Only through the target registry: unregistered, invisible or missing is one plain 404.
    target = targets.resolve(
        request.POST.get("target"),
        request.POST.get("object_id"),
        user=request.user,
        purpose=targets.COMMENT,
    )
    if target is None:
        return _not_found(request)
    parent_id = request.POST.get("parent") or None
    form_id = f"reply-{parent_id}" if parent_id else "comment-form"
    if not form.is_valid():
        return _invalid_form_refusal(request, form, target=target, form_id=form_id, body=body)
    parent, refusal = _reply_parent(request, form, target=target, body=body)
    if refusal is not None:
        return refusal
    try:
        comment = comment_create(
            author=request.user,
            target=target,
            body=form.cleaned_data["body"],
            parent=parent,
            client_ip=client_ip(request),
        )
    except (CommentRefused, PostingRefused, RateLimited) as refused:
        return _refused(request, refused, target=target, form_id=form_id, body=body)
    return _posted(request, comment)


def _login_first(request, back_url):
    if wants_json(request):
        return json_error(_("Please log in to take part."), code="login_required", status=401)
    return redirect_to_login(back_url)


@require_POST
def comment_edit_view(request, pk):
    """Edit one's own comment within 15 minutes."""
    comment, target = _visible_comment_or_404(request, pk)
    form = CommentEditForm(request.POST)
    body = request.POST.get("body", "")
    form_id = f"edit-{comment.pk}"
    if not request.user.is_authenticated:
        return _login_first(request, _back_url(request, target, form_id))
    if not form.is_valid():
        return _invalid_form_refusal(request, form, target=target, form_id=form_id, body=body)
    try:
        comment_edit(comment=comment, editor=request.user, body=form.cleaned_data["body"])
    except (CommentRefused, PostingRefused) as refused:
        return _refused(request, refused, target=target, form_id=form_id, body=body)
    if wants_json(request):
        return _comment_json(comment)
    messages.success(request, _("Your comment has been updated."))
    return _comment_redirect(comment)


@require_POST
def comment_delete_view(request, pk):
    """Delete a comment (its author or a moderator); a placeholder stays in the thread."""
    comment, target = _visible_comment_or_404(request, pk)
    if not request.user.is_authenticated:
        return _login_first(request, _back_url(request, target, f"comment-{pk}"))
    try:
        comment_delete(comment=comment, actor=request.user)
    except CommentRefused as refusal:
        if wants_json(request):
            return json_error(refusal.message, code=refusal.code, status=refusal.status)
        messages.error(request, refusal.message)
        return HttpResponseRedirect(_back_url(request, target, f"comment-{pk}"))
    if wants_json(request):
        return _comment_json(comment)
    messages.success(request, _("The comment has been deleted."))
    return _comment_redirect(comment)
