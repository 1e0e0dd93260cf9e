"""Drives students on a JupyterHub through its REST API and each server's kernel websocket.

    python hub_driver.py HUB_URL PASSWORD ACTION USER... (reads one cell per line of JSON on stdin)

ACTION is `run` (log in, start the server, run the cells in a new kernel of the default kind)
or `stop` (stop the server). Students are driven concurrently; the result is one JSON object
per student on stdout. Used by hub.hubtest.ts.
"""
import asyncio
import json
import os
import sys
import uuid

from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

TIMEOUT = int(os.environ.get("HUB_DRIVER_TIMEOUT", "120"))
AsyncHTTPClient.configure(None, max_clients=200)  # a whole class at once
NOTEBOOK = "cours/01-threads-et-processus.ipynb"


async def api(method, url, token=None, body=None):
    headers = {"Authorization": f"token {token}"} if token else {}
    request = HTTPRequest(url, method=method, headers=headers, body=None if body is None else json.dumps(body),
                          allow_nonstandard_methods=True, request_timeout=TIMEOUT)
    response = await AsyncHTTPClient().fetch(request, raise_error=True)
    return json.loads(response.body) if response.body else None


async def login(hub, user, password):
    """A token for the student, from their name and password (the hub's REST API, no browser)."""
    reply = await api("POST", f"{hub}/hub/api/users/{user}/tokens", body={"auth": {"username": user, "password": password}, "note": "hub test"})
    return reply["token"]


async def start_server(hub, user, token):
    try:
        await api("POST", f"{hub}/hub/api/users/{user}/server", token)
    except Exception as error:  # 400: already running
        if getattr(error, "code", None) != 400:
            raise
    for _ in range(TIMEOUT * 4):
        model = await api("GET", f"{hub}/hub/api/users/{user}", token)
        server = model.get("servers", {}).get("")
        if server and server.get("ready"):
            return server["url"]
        await asyncio.sleep(0.25)
    raise TimeoutError(f"{user}'s server did not become ready")


async def stop_server(hub, user, token):
    await api("DELETE", f"{hub}/hub/api/users/{user}/server", token)
    for _ in range(TIMEOUT * 4):
        model = await api("GET", f"{hub}/hub/api/users/{user}", token)
        if not model.get("servers"):
            return
        await asyncio.sleep(0.25)
    raise TimeoutError(f"{user}'s server did not stop")


def message(msg_type, content, session):
    header = {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": session, "username": "test", "version": "5.3", "date": ""}
    return {"header": header, "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": []}


async def execute(ws, code, session):
    request = message("execute_request", {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                                          "allow_stdin": False, "stop_on_error": False}, session)
    await ws.write_message(json.dumps(request))
    stdout, stderr, reply, idle = "", "", None, False
    while reply is None or not idle:
        raw = await asyncio.wait_for(ws.read_message(), TIMEOUT)
        if raw is None:
            raise ConnectionError("the kernel's websocket closed")
        msg = json.loads(raw)
        if msg.get("msg_type") == "status" and msg["content"].get("execution_state") in ("restarting", "dead"):
            # The kernel died under this cell (e.g. killed past the memory limit): the server restarts it.
            return {"stdout": stdout, "stderr": stderr, "status": "died", "ename": None, "evalue": None}
        if msg.get("parent_header", {}).get("msg_id") != request["header"]["msg_id"]:
            continue
        kind = msg["msg_type"]
        if kind == "stream" and msg["content"]["name"] == "stdout":
            stdout += msg["content"]["text"]
        elif kind == "stream" and msg["content"]["name"] == "stderr":
            stderr += msg["content"]["text"]
        elif kind == "execute_reply":
            reply = msg["content"]
        elif kind == "status" and msg["content"]["execution_state"] == "idle":
            idle = True
    return {"stdout": stdout, "stderr": stderr, "status": reply["status"], "ename": reply.get("ename"), "evalue": reply.get("evalue")}


async def run(hub, user, password, cells):
    token = await login(hub, user, password)
    server_url = await start_server(hub, user, token)
    base = f"{hub}{server_url}"
    # A session, as JupyterLab opens a notebook: no kernel name, so the server's default kind.
    session = await api("POST", f"{base}api/sessions", token, {"path": NOTEBOOK, "type": "notebook", "name": "", "kernel": {}})
    kernel = session["kernel"]
    if not cells:
        return {"user": user, "kernel": kernel["name"], "server": server_url, "cells": []}
    ws_url = base.replace("http", "ws", 1) + f"api/kernels/{kernel['id']}/channels?session_id={uuid.uuid4().hex}"

    async def connect():
        return await websocket_connect(HTTPRequest(ws_url, headers={"Authorization": f"token {token}"}, request_timeout=TIMEOUT))

    ws = await connect()
    results = []
    try:
        for cell in cells:
            results.append(await execute(ws, cell, uuid.uuid4().hex))
            if results[-1]["status"] == "died":
                # Wait for the restarted kernel, then talk to it on a new connection.
                ws.close()
                for _ in range(TIMEOUT * 4):
                    await asyncio.sleep(0.25)
                    model = await api("GET", f"{base}api/kernels/{kernel['id']}", token)
                    if model.get("execution_state") in ("idle", "busy"):
                        break
                ws = await connect()
    finally:
        ws.close()
    return {"user": user, "kernel": kernel["name"], "server": server_url, "cells": results}


async def wait_for_hub(hub):
    for _ in range(TIMEOUT * 4):
        try:
            return await api("GET", f"{hub}/hub/api/")
        except Exception:
            await asyncio.sleep(0.25)
    raise TimeoutError(f"no hub answered at {hub}")


async def main():
    hub, password, action, *users = sys.argv[1:]
    await wait_for_hub(hub)
    if action == "run":
        cells = [json.loads(line) for line in sys.stdin if line.strip()]

        async def run_or_report(user):
            # HUB_DRIVER_KEEP_GOING=1 (the classroom bench): one student's failure is reported, not raised.
            try:
                return await run(hub, user, password, cells)
            except Exception as error:
                if os.environ.get("HUB_DRIVER_KEEP_GOING") != "1":
                    raise
                return {"user": user, "kernel": None, "cells": [], "error": f"{type(error).__name__}: {error}"}

        results = await asyncio.gather(*(run_or_report(user) for user in users))
    else:
        async def stop(user):
            await stop_server(hub, user, await login(hub, user, password))
            return {"user": user, "stopped": True}
        results = await asyncio.gather(*(stop(user) for user in users))
    print(json.dumps(results))


asyncio.run(main())
