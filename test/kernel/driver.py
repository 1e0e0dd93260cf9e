"""Drives one concurrence kernel for the tests, with jupyter_client.

Started by test/helpers/kernel.ts: one JSON command per line on stdin, one JSON answer per
line on stdout. Commands: send, collect, until, interrupt, request, notify, debug_event, shutdown.
"""
import json
import signal
import sys
import time

from jupyter_client.manager import KernelManager


def answer(value):
    sys.stdout.write(json.dumps(value) + "\n")
    sys.stdout.flush()


# iopub messages read by `until`, kept for the `collect` that follows.
pending = []
# The debugger's events (debug_event on iopub), kept for `debug_event` whoever read them.
events = []


def next_iopub(kc, timeout):
    if pending:
        return pending.pop(0)
    return kc.get_iopub_msg(timeout=timeout)


def until(kc, msg_id, text, timeout):
    """Waits until the request msg_id prints `text` (e.g. a cell saying it is in its loop)."""
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=0.05)
        except Exception:
            continue
        seen.append(msg)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                and text in msg["content"]["text"]):
            pending.extend(seen)
            return {"ok": True}
    pending.extend(seen)
    return {"error": f"{msg_id} did not print {text!r} within {timeout} s"}


def collect(kc, msg_id, timeout, expect_reply=True, keep_others=False):
    """The reply to msg_id, the iopub messages it caused until idle, and the seconds it took.

    keep_others: other requests' messages are kept for a later `collect` (a control request
    made while a cell runs, e.g. the debugger's, must not swallow that cell's outputs)."""
    others = []
    try:
        return collect_only(kc, msg_id, timeout, expect_reply, others)
    finally:
        if keep_others:
            pending.extend(others)


def collect_only(kc, msg_id, timeout, expect_reply, others):
    start = time.monotonic()
    deadline = start + timeout
    reply = None if expect_reply else {"content": {}, "header": {"msg_type": ""}}
    outputs = []
    idle = False
    while reply is None or not idle:
        left = deadline - time.monotonic()
        if left <= 0:
            missing = "no reply" if reply is None else f"no idle status after {len(outputs)} outputs"
            return {"error": f"{missing} to {msg_id} within {timeout} s", "outputs": outputs}
        if reply is None:
            try:
                msg = kc.get_shell_msg(timeout=min(left, 0.05))
                if msg["parent_header"].get("msg_id") == msg_id:
                    reply = msg
            except Exception:
                pass
        try:
            msg = next_iopub(kc, min(left, 0.05))
        except Exception:
            continue
        if msg["msg_type"] == "debug_event":
            events.append(msg["content"])
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            others.append(msg)
            continue
        if msg["msg_type"] == "status":
            idle = idle or msg["content"]["execution_state"] == "idle"
            continue
        output = {"msg_type": msg["msg_type"], "content": msg["content"]}
        if msg["metadata"]:  # e.g. comm_open's widget protocol version
            output["metadata"] = msg["metadata"]
        outputs.append(output)
    return {
        "reply": reply["content"],
        "reply_type": reply["header"]["msg_type"],
        "outputs": outputs,
        "seconds": time.monotonic() - start,
    }


def debug_event(kc, name, timeout):
    """The next debug_event named `name` (DAP's "stopped", "continued"...), earlier ones dropped."""
    deadline = time.monotonic() + timeout
    events.extend(m["content"] for m in pending if m["msg_type"] == "debug_event")
    pending[:] = [m for m in pending if m["msg_type"] != "debug_event"]
    while True:
        while events:
            event = events.pop(0)
            if event.get("event") == name:
                return {"event": event}
        left = deadline - time.monotonic()
        if left <= 0:
            return {"error": f"no {name!r} debug_event within {timeout} s"}
        try:
            msg = kc.get_iopub_msg(timeout=min(left, 0.05))
        except Exception:
            continue
        if msg["msg_type"] == "debug_event":
            events.append(msg["content"])
        else:
            pending.append(msg)


def main():
    cwd = sys.argv[1]
    # SIGTERM (the test helper giving up on us) unwinds through the finally below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    km = KernelManager(kernel_name="concurrence")
    km.start_kernel(cwd=cwd)
    kc = km.client()
    try:
        kc.start_channels()
        kc.wait_for_ready(timeout=60)
        answer({"ready": True, "pid": km.provisioner.process.pid})
        serve(km, kc)
    finally:
        # The test ended without a shutdown (it failed, or was killed): leave no kernel behind.
        if km.is_alive():
            kc.stop_channels()
            km.shutdown_kernel(now=True)


def serve(km, kc):
    for line in sys.stdin:
        command = json.loads(line)
        op = command["op"]
        if op in ("send", "request", "notify"):
            msg_type = command.get("type", "execute_request")
            content = command.get("content") or {}
            if msg_type == "execute_request":
                content = {"silent": False, "store_history": True, "user_expressions": {},
                           "allow_stdin": False, "stop_on_error": True, **content}
            msg = kc.session.msg(msg_type, content)
            if command.get("cell_id"):
                msg["metadata"]["cellId"] = command["cell_id"]
            channel = kc.control_channel if command.get("channel") == "control" else kc.shell_channel
            channel.send(msg)
            msg_id = msg["header"]["msg_id"]
            if op == "send":
                answer({"msg_id": msg_id})
            elif op == "notify":
                # A message without reply (comm_msg, comm_close): its iopub messages until idle.
                answer(collect(kc, msg_id, command.get("timeout", 60), expect_reply=False))
            else:
                if channel is kc.control_channel:
                    reply = kc.get_control_msg(timeout=command.get("timeout", 30))
                    # What the request caused on iopub too (shutdown's comm_close), until idle.
                    outputs = collect(kc, msg_id, 10, expect_reply=False, keep_others=True).get("outputs", [])
                    answer({"reply": reply["content"], "reply_type": reply["header"]["msg_type"], "outputs": outputs})
                else:
                    answer(collect(kc, msg_id, command.get("timeout", 60)))
        elif op == "collect":
            answer(collect(kc, command["msg_id"], command.get("timeout", 60)))
        elif op == "until":
            answer(until(kc, command["msg_id"], command["text"], command.get("timeout", 60)))
        elif op == "debug_event":
            answer(debug_event(kc, command["event"], command.get("timeout", 30)))
        elif op == "interrupt":
            km.interrupt_kernel()
            answer({"ok": True})
        elif op == "shutdown":
            kc.stop_channels()
            km.shutdown_kernel(now=command.get("now", False))
            answer({"ok": True})
            return
        else:
            answer({"error": f"unknown op {op}"})


if __name__ == "__main__":
    main()
