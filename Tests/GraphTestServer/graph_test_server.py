#!/usr/bin/env python3
"""A loopback Microsoft Graph stand-in for ddi's tests (standard library only).

Usage: graph_test_server.py TENANT.json
Prints "PORT <n>" on stdout once listening on 127.0.0.1 (port chosen by the OS).

TENANT.json: {"tenant_id", "client_id", "client_secret",
              "numbers": [numberAssignment objects], "users": [{"id", "userPrincipalName", "accountEnabled"}],
              "page_size": 2, "operation_polls": 1, "action_delay": 0.0}
Control endpoints (no auth): POST /_control/faults [{"path": "assignNumber", "status": 429|500|503|3xx|202,
"count": n, "retry_after": s, "location": url, "delay": s, "drip": s, "body_size": n}],
GET /_control/log, GET /_control/tenant, POST /_control/config {...}.
A fault answers the first request whose path contains "path" (count times): "location" sets the
Location header (a redirect, or a 202 pointing anywhere), "delay" waits before answering,
"drip" sends the body one byte every so many seconds, "body_size" pads the body to n bytes.
Every request, Authorization header included, is logged, so a second instance can stand in for a
foreign host and prove that nothing reached it.
"""
import json
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

PREFIX = "/v1.0/admin/teams/telephoneNumberManagement"
LOCK = threading.Lock()
STATE = {"tenant": {}, "tokens": set(), "operations": {}, "faults": [], "log": []}


def load(path):
    with open(path, encoding="utf-8") as handle:
        STATE["tenant"] = json.load(handle)
    STATE["tenant"].setdefault("page_size", 2)
    STATE["tenant"].setdefault("operation_polls", 1)
    STATE["tenant"].setdefault("action_delay", 0.0)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body=None, headers=None):
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def base(self):
        return "http://127.0.0.1:%d/v1.0" % self.server.server_address[1]

    def take_fault(self, path):
        for fault in STATE["faults"]:
            if fault["path"] in path and fault["count"] > 0:
                fault["count"] -= 1
                return fault
        return None

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")

    def handle_any(self, method):
        raw = self.body()
        url = urlparse(self.path)
        query = parse_qs(url.query)
        path = url.path
        with LOCK:
            if path.startswith("/_control/"):
                return self.control(method, path, raw)
            entry = {"method": method, "path": path, "query": url.query, "body": raw.decode("utf-8", "replace"),
                     "authorization": self.headers.get("Authorization", "")}
            STATE["log"].append(entry)
            fault = self.take_fault(path)
            if fault:
                entry["fault"] = fault["status"]
        if fault:
            # Outside the lock: a slow fault must not stall the control endpoints.
            return self.fault_reply(fault)
        with LOCK:
            tenant = STATE["tenant"]
            if path == "/%s/oauth2/v2.0/token" % tenant["tenant_id"] and method == "POST":
                form = parse_qs(raw.decode())
                ok = (form.get("grant_type") == ["client_credentials"] and form.get("client_id") == [tenant["client_id"]]
                      and form.get("client_secret") == [tenant["client_secret"]]
                      and form.get("scope") == ["https://graph.microsoft.com/.default"])
                if not ok:
                    # Echoes the request, as some proxies do, so that tests can check redaction.
                    return self.reply(401, {"error": "invalid_client",
                                            "error_description": "AADSTS7000215: Invalid client secret. Request was: " + raw.decode()})
                token = "tok-" + uuid.uuid4().hex
                STATE["tokens"].add(token)
                return self.reply(200, {"token_type": "Bearer", "expires_in": 3599, "access_token": token})
            auth = self.headers.get("Authorization", "")
            if not auth.startswith("Bearer ") or auth[7:] not in STATE["tokens"]:
                return self.reply(401, {"error": {"code": "InvalidAuthenticationToken", "message": "Access token is empty or invalid: " + auth}})
            if path == PREFIX + "/numberAssignments" and method == "GET":
                numbers = tenant["numbers"]
                flt = query.get("$filter", [None])[0]
                if flt:
                    wanted = flt.split("'")[1] if "'" in flt else ""
                    return self.reply(200, {"value": [n for n in numbers if n["telephoneNumber"] == wanted]})
                return self.page(numbers, query, PREFIX + "/numberAssignments")
            if path == "/v1.0/users" and method == "GET":
                users = [{k: u[k] for k in ("id", "userPrincipalName", "accountEnabled") if k in u} for u in tenant["users"]]
                return self.page(users, query, "/v1.0/users")
            if path.startswith(PREFIX + "/operations/") and method == "GET":
                op = STATE["operations"].get(path.rsplit("/", 1)[1])
                if op is None:
                    return self.reply(404, {"error": {"code": "NotFound", "message": "no such operation"}})
                op["polls"] += 1
                status = op["final"] if op["polls"] >= tenant["operation_polls"] else "running"
                body = {"id": op["id"], "status": status}
                if status == "failed":
                    body["error"] = {"code": "BadRequest", "message": op["error"]}
                return self.reply(200, body, {"Retry-After": "0"})
            for action in ("assignNumber", "unassignNumber", "updateNumber"):
                if path == PREFIX + "/numberAssignments/" + action and method == "POST":
                    return self.action(action, json.loads(raw or b"{}"))
            return self.reply(404, {"error": {"code": "NotFound", "message": "unknown path " + path}})

    def fault_reply(self, fault):
        time.sleep(fault.get("delay", 0))
        headers = {}
        if fault["status"] == 429:
            headers["Retry-After"] = str(fault.get("retry_after", 0))
        if "location" in fault:
            headers["Location"] = fault["location"]
        body = {"error": {"code": "injected", "message": "injected fault"}}
        data = json.dumps(body).encode()
        if fault.get("body_size", 0) > len(data):
            data = data[:-1] + b', "padding": "' + b"x" * (fault["body_size"] - len(data) - 15) + b'"}'
        self.send_response(fault["status"])
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        drip = fault.get("drip", 0)
        try:
            if drip:
                for index in range(len(data)):
                    self.wfile.write(data[index:index + 1])
                    self.wfile.flush()
                    time.sleep(drip)
            else:
                self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def page(self, items, query, path):
        size = int(query.get("$top", [self.server_tenant_page()])[0])
        size = max(1, min(size, STATE["tenant"]["page_size"]))
        skip = int(query.get("$skiptoken", ["0"])[0])
        body = {"@odata.context": self.base() + "/$metadata", "value": items[skip:skip + size]}
        if skip + size < len(items):
            body["@odata.nextLink"] = "http://127.0.0.1:%d%s?$top=%d&$skiptoken=%d" % (self.server.server_address[1], path, size, skip + size)
        return self.reply(200, body)

    def server_tenant_page(self):
        return STATE["tenant"]["page_size"]

    def action(self, action, body):
        tenant = STATE["tenant"]
        delay = tenant.get("action_delay", 0.0)
        if delay:
            LOCK.release()
            try:
                time.sleep(delay)
            finally:
                LOCK.acquire()
        number = next((n for n in tenant["numbers"] if n["telephoneNumber"] == body.get("telephoneNumber")), None)
        final, error = "succeeded", ""
        if action == "assignNumber":
            users = {u["id"]: u for u in tenant["users"]}
            target = body.get("assignmentTargetId")
            if target not in users:
                final, error = "failed", "unknown assignmentTargetId"
            elif number is None:
                if body.get("numberType") != "directRouting":
                    final, error = "failed", "the tenant does not have this number"
                else:
                    number = {"telephoneNumber": body["telephoneNumber"], "numberType": "directRouting", "assignmentStatus": "unassigned"}
                    tenant["numbers"].append(number)
            if final == "succeeded":
                if number.get("assignmentStatus", "unassigned") != "unassigned" and number.get("assignmentTargetId") != target:
                    final, error = "failed", "the number is assigned to another target"
                else:
                    number["assignmentStatus"] = "voiceApplicationAssigned" if users[target].get("resourceAccount") else "userAssigned"
                    number["assignmentTargetId"] = target
                    number["assignmentCategory"] = body.get("assignmentCategory", "primary")
                    if body.get("locationId"):
                        number["locationId"] = body["locationId"]
        elif number is None:
            final, error = "failed", "the tenant does not have this number"
        elif action == "unassignNumber":
            number["assignmentStatus"] = "unassigned"
            number.pop("assignmentTargetId", None)
            number.pop("assignmentCategory", None)
            if number.get("numberType") == "directRouting":
                tenant["numbers"].remove(number)
        else:
            if "locationId" in body:
                number["locationId"] = body["locationId"]
        op = {"id": uuid.uuid4().hex, "polls": 0, "final": final, "error": error}
        STATE["operations"][op["id"]] = op
        location = "http://127.0.0.1:%d%s/operations/%s" % (self.server.server_address[1], PREFIX, op["id"])
        return self.reply(202, None, {"Location": location, "Retry-After": "0"})

    def control(self, method, path, raw):
        if path == "/_control/faults" and method == "POST":
            STATE["faults"].extend(json.loads(raw))
            return self.reply(200, {"ok": True})
        if path == "/_control/config" and method == "POST":
            STATE["tenant"].update(json.loads(raw))
            return self.reply(200, {"ok": True})
        if path == "/_control/log":
            return self.reply(200, STATE["log"])
        if path == "/_control/tenant":
            return self.reply(200, STATE["tenant"])
        return self.reply(404, {"error": "unknown control path"})


def main():
    load(sys.argv[1])
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
