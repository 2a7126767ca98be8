"""{% load comments_tags %}{% comments_section target %}: the whole discussion for any target.

Three queries whatever the number of comments (count, one page of top-level comments with their
authors, the replies of that page with their authors), plus the viewer's role checks."""

from django import forms, template
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.utils import timezone

from soslab.accounts.permissions import posting_refusal
from soslab.accounts.rules import user_is_moderator
from soslab.core.targets import accepts_comments, target_key, target_url
from soslab.core.text import render_plain_text

from ..forms import CommentForm
from ..models import BODY_MAX_LENGTH, THREAD_PAGE_PARAM, THREAD_PAGE_SIZE, Comment
from ..services import comment_can_delete, comment_can_edit
from ..views import SESSION_KEY

register = template.Library()

PAGE_SIZE = THREAD_PAGE_SIZE
PAGE_PARAM = THREAD_PAGE_PARAM


def _decorate(comment, user, is_moderator, now, state):
    """What this viewer may see and do with one comment (no queries)."""
    form_id = (state or {}).get("form")
    comment.reply_state = state if form_id == f"reply-{comment.pk}" else None
    comment.edit_state = state if form_id == f"edit-{comment.pk}" else None
    is_author = bool(user.is_authenticated and comment.author_id == user.pk)
    comment.viewer_is_author = is_author
    comment.show_body = not comment.is_deleted and (comment.is_public or is_author or is_moderator)
    comment.under_review_placeholder = (
        not comment.is_deleted and not comment.is_public and not comment.show_body
    )
    comment.body_html = render_plain_text(comment.body) if comment.show_body else ""
    comment.can_edit = comment_can_edit(comment, user, now)
    comment.can_delete = comment_can_delete(comment, user) if user.is_authenticated else False
    return comment


@register.inclusion_tag("comments/comments_section.html", takes_context=True)
def comments_section(context, target):
    request = context.get("request")
    user = getattr(request, "user", None) or AnonymousUser()
    is_moderator = user_is_moderator(user) if user.is_authenticated else False
    now = timezone.now()

    key = target_key(target)
    state = None
    if request is not None and hasattr(request, "session"):
        saved = request.session.get(SESSION_KEY)
        if saved and saved.get("target") == f"{key}:{target.pk}":
            state = request.session.pop(SESSION_KEY)

    thread = Comment.objects.for_target(target)
    paginator = Paginator(thread.top_level().in_thread_order(), PAGE_SIZE)
    page_number = request.GET.get(PAGE_PARAM) if request is not None else None
    page = paginator.get_page(page_number)
    top_level = list(page.object_list)
    replies = {}
    if top_level:
        for reply in thread.filter(parent__in=[c.pk for c in top_level]).in_thread_order():
            replies.setdefault(reply.parent_id, []).append(
                _decorate(reply, user, is_moderator, now, state)
            )
    for comment in top_level:
        _decorate(comment, user, is_moderator, now, state)
        comment.visible_replies = replies.get(comment.pk, [])

    form = CommentForm(
        initial={"target": key, "object_id": target.pk},
        auto_id="id_comment_%s",
    )
    matched = any(c.reply_state or c.edit_state for c in top_level) or any(
        r.reply_state or r.edit_state for group in replies.values() for r in group
    )
    if state and (state.get("form") == "comment-form" or not matched):
        form = CommentForm(
            data={"target": key, "object_id": target.pk, "body": state.get("body", "")},
            auto_id="id_comment_%s",
        )
        form.is_valid()
        form.errors.clear()
        form.add_error("body", state.get("error"))
        if state.get("confirm_personal_data"):
            # The personal-data warning: offer "publish anyway" (soslab.moderation.forms).
            form.fields[form.personal_data_confirm_field].widget = forms.CheckboxInput()

    refusal = posting_refusal(user) if user.is_authenticated else None
    comment_count = getattr(target, "comment_count", None)
    if not isinstance(comment_count, int):
        comment_count = None
    return {
        "request": request,
        "user": user,
        "target": target,
        "target_key": key,
        "target_url": target_url(target),
        "comments": top_level,
        "page": page,
        "paginator": paginator,
        "page_param": PAGE_PARAM,
        "comment_count": comment_count,
        "form": form,
        "state": state,
        "posting_refusal": refusal,
        "comments_open": accepts_comments(target),
        "max_length": BODY_MAX_LENGTH,
        "csrf_token": context.get("csrf_token"),
    }
