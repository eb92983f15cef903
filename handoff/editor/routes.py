"""The editor tools' blueprint under /editor/ (every route guarded for editors and admins)."""
from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, redirect

from handoff.auth import guards
from handoff.editor import inbox_pages, publish_pages, topic_pages
from handoff.editor.inbox_pages import EDITOR_ROLES


@guards.roles(*EDITOR_ROLES)
async def home(request: Request) -> HTTPResponse:
    return redirect("/editor/inbox", status=303)


def editor_blueprint() -> Blueprint:
    bp = Blueprint("editor", url_prefix="/editor")
    bp.add_route(home, "/", methods=["GET"], name="home")
    bp.add_route(inbox_pages.inbox_page, "/inbox", methods=["GET"], name="inbox")
    bp.add_route(inbox_pages.assign_form, "/inbox/<item_id:int>/assign", methods=["POST"], name="assign")
    bp.add_route(inbox_pages.dismiss_form, "/inbox/<item_id:int>/dismiss", methods=["POST"], name="dismiss")
    bp.add_route(topic_pages.topics_page, "/topics", methods=["GET"], name="topics")
    bp.add_route(topic_pages.topic_page, "/topics/<key:str>", methods=["GET"], name="topic")
    bp.add_route(topic_pages.answer_form, "/topics/<key:str>/answer", methods=["POST"], name="topic_answer")
    bp.add_route(topic_pages.metadata_form, "/topics/<key:str>/metadata", methods=["POST"], name="topic_metadata")
    bp.add_route(topic_pages.add_example_form, "/topics/<key:str>/examples/add", methods=["POST"],
                 name="topic_example_add")
    bp.add_route(topic_pages.remove_example_form, "/topics/<key:str>/examples/remove", methods=["POST"],
                 name="topic_example_remove")
    bp.add_route(publish_pages.publish_page, "/publish", methods=["GET"], name="publish_page")
    bp.add_route(publish_pages.publish_form, "/publish", methods=["POST"], name="publish")
    bp.add_route(publish_pages.delete_change_form, "/changes/<change_id:str>/delete", methods=["POST"],
                 name="delete_change")
    bp.add_route(publish_pages.version_page, "/versions/<number:int>", methods=["GET"], name="version")
    bp.add_route(publish_pages.restore_form, "/versions/<number:int>/restore", methods=["POST"], name="restore")
    bp.add_route(publish_pages.job_api, "/api/jobs/<job_id:str>", methods=["GET"], name="job_api")
    return guards.install(bp)
