"""The editor tools' blueprint under /editor/ (every route guarded for editors and admins)."""
from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, redirect

from handoff.auth import guards
from handoff.editor import inbox_pages, publish_pages
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
    bp.add_route(publish_pages.publish_page, "/publish", methods=["GET"], name="publish_page")
    bp.add_route(publish_pages.publish_form, "/publish", methods=["POST"], name="publish")
    bp.add_route(publish_pages.delete_change_form, "/changes/<change_id:str>/delete", methods=["POST"],
                 name="delete_change")
    bp.add_route(publish_pages.version_page, "/versions/<number:int>", methods=["GET"], name="version")
    bp.add_route(publish_pages.restore_form, "/versions/<number:int>/restore", methods=["POST"], name="restore")
    bp.add_route(publish_pages.job_api, "/api/jobs/<job_id:str>", methods=["GET"], name="job_api")
    return guards.install(bp)
