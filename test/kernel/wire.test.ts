// The wire protocol for requests tslab does not route: signed replies, and forged requests refused.
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { test } from "node:test";
import { messageType, WireMessage } from "../../kernel/wire.js";

const KEY = "secret";

function frames(header: object, content: object, key = KEY): Buffer[] {
  const parts = [header, {}, {}, content].map((p) => JSON.stringify(p));
  const hmac = createHmac("sha256", key);
  for (const part of parts) hmac.update(part);
  return [Buffer.from("client-id"), Buffer.from("<IDS|MSG>"), Buffer.from(hmac.digest("hex")), ...parts.map((p) => Buffer.from(p))];
}

const header = { msg_id: "m1", msg_type: "history_request", session: "s", username: "u", date: "2026-01-01T00:00:00Z", version: "5.3" };

test("a signed request is parsed, and its reply goes to the same client, signed", () => {
  const request = frames(header, { hist_access_type: "tail", n: 3 });
  assert.equal(messageType(request), "history_request");
  const msg = WireMessage.parse(KEY, request);
  assert.deepEqual(msg.content, { hist_access_type: "tail", n: 3 });

  const reply = msg.createReply();
  reply.header.msg_type = "history_reply";
  reply.content = { status: "ok", history: [] };
  const sent: Array<Buffer | string>[] = [];
  reply.signAndSend(KEY, { send: (f) => sent.push(f) });
  const [identity, delimiter, signature, ...parts] = sent[0].map(String);
  assert.deepEqual([identity, delimiter], ["client-id", "<IDS|MSG>"]);
  const expected = createHmac("sha256", KEY);
  for (const part of parts) expected.update(part);
  assert.equal(signature, expected.digest("hex"));
  assert.equal(JSON.parse(parts[1]).msg_id, "m1", "the parent header is the request's");
  assert.equal(JSON.parse(parts[0]).msg_type, "history_reply");
});

test("a request signed with another key is refused", () => {
  assert.throws(() => WireMessage.parse(KEY, frames(header, {}, "not-the-key")), /wrong signature/);
  assert.equal(messageType([Buffer.from("no delimiter")]), undefined);
});
