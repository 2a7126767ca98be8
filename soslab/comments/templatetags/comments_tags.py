"""{% load comments_tags %}{% comments_section target %}: the whole discussion for any target.

Three queries whatever the number of comments (count, one page of top-level comments with their
authors, the replies of that page with their authors), plus the viewer's role checks."""

from django import forms, template
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator

from soslab.accounts.permissions import posting_refusal
from soslab.accounts.rules import user_is_moderator
from soslab.core.targets import accepts_comments, target_key, target_url
from soslab.core.text import render_plain_text

from ..forms import CommentForm
from ..models import BODY_MAX_LENGTH, THREAD_PAGE_PARAM, THREAD_PAGE_SIZE, Comment
from ..views import SESSION_KEY

register = template.Library()

PAGE_SIZE = THREAD_PAGE_SIZE
PAGE_PARAM = THREAD_PAGE_PARAM


def _decorate(comment, user, is_moderator, state):
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
    comment.can_edit = user.has_perm("comments.edit_comment", comment)
    comment.can_delete = user.has_perm("comments.remove_comment", comment)
    return comment


def _saved_state(request, target, key):
    """The text and reason of a refused post on this target (soslab.comments.views), once."""
    if request is None or not hasattr(request, "session"):
        return None
    saved = request.session.get(SESSION_KEY)
    if saved and saved.get("target") == f"{key}:{target.pk}":
        return request.session.pop(SESSION_KEY)
    return None


def _thread_page(request, target, user, is_moderator, state):
    """One page of top-level comments, each with its visible replies (two queries)."""
    thread = Comment.objects.for_target(target)
    paginator = Paginator(thread.top_level().in_thread_order(), PAGE_SIZE)
    page_number = request.GET.get(PAGE_PARAM) if request is not None else None
    page = paginator.get_page(page_number)
    top_level = list(page.object_list)
    replies = {}
    if top_level:
        for reply in thread.filter(parent__in=[c.pk for c in top_level]).in_thread_order():
            replies.setdefault(reply.parent_id, []).append(
                _decorate(reply, user, is_moderator, state)
            )
    for comment in top_level:
        _decorate(comment, user, is_moderator, state)
        comment.visible_replies = replies.get(comment.pk, [])
    return paginator, page, top_level


def _main_form(target, key, state, top_level):
    """The new-comment form, refilled with a refused text unless a reply or edit form took it."""
    form = CommentForm(initial={"target": key, "object_id": target.pk}, auto_id="id_comment_%s")
    matched = any(
        c.reply_state or c.edit_state
        for comment in top_level
        for c in (comment, *comment.visible_replies)
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
    return form


@register.inclusion_tag("comments/comments_section.html", takes_context=True)
def comments_section(context, target):
    request = context.get("request")
    user = getattr(request, "user", None) or AnonymousUser()
    is_moderator = user_is_moderator(user) if user.is_authenticated else False
    key = target_key(target)
    state = _saved_state(request, target, key)
    paginator, page, top_level = _thread_page(request, target, user, is_moderator, state)
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
        "form": _main_form(target, key, state, top_level),
        "state": state,
        "posting_refusal": posting_refusal(user) if user.is_authenticated else None,
        "comments_open": accepts_comments(target),
        "max_length": BODY_MAX_LENGTH,
        "csrf_token": context.get("csrf_token"),
    }
