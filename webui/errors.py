"""Errors as pages or JSON: bad parameters 400, unknown ids 404, never a traceback.

API routes (`/api/...`, and the JSON exports) answer `{"error": "..."}`;
pages answer with the site's error page, in Chinese.
"""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from archive.errors import GongshiError, NotFound
from webui.backend import Unavailable, bad_request_errors

log = logging.getLogger(__name__)

MESSAGES = {
    400: "请求参数有误",
    404: "找不到该页面或记录",
    405: "不支持该请求方法",
    413: "上传内容过大",
    500: "服务器内部错误",
    503: "该功能暂不可用",
}


def wants_json() -> bool:
    return request.path.startswith("/api/")


def error_response(status: int, message: str) -> Response:
    if wants_json():
        response = jsonify(error=message)
    else:
        html = render_template("error.html", status=status, title=MESSAGES.get(status, "出错了"), message=message)
        response = Response(html, mimetype="text/html")
    response.status_code = status
    return response


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        status = exc.code or 500
        message = MESSAGES.get(status, exc.name)
        if exc.description and exc.description != type(exc).description:
            message = f"{message}：{exc.description}"
        response = error_response(status, message)
        if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        return response

    for exc_type in bad_request_errors():

        @app.errorhandler(exc_type)
        def bad_request(exc: Exception) -> Response:
            return error_response(400, str(exc) or MESSAGES[400])

    @app.errorhandler(NotFound)
    def not_found(exc: NotFound) -> Response:
        return error_response(404, str(exc) or MESSAGES[404])

    @app.errorhandler(GongshiError)
    def user_error(exc: GongshiError) -> Response:
        return error_response(400, str(exc) or MESSAGES[400])

    @app.errorhandler(Unavailable)
    def unavailable(exc: Unavailable) -> Response:
        return error_response(503, str(exc))

    @app.errorhandler(Exception)
    def server_error(exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.path)
        return error_response(500, MESSAGES[500])
