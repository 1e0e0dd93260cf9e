// Jupyter's wire protocol, for the requests that tslab's server does not know (it keeps its
// own message class private). https://jupyter-client.readthedocs.io/en/latest/messaging.html#the-wire-protocol
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const DELIMITER = Buffer.from("<IDS|MSG>");

interface Header {
  msg_id: string;
  msg_type: string;
  session: string;
  username: string;
  date: string;
  version: string;
}

interface Sendable {
  send(frames: Array<Buffer | string>): unknown;
}

/** The type of a raw request, read without checking its signature: enough to route it. */
export function messageType(frames: Buffer[]): string | undefined {
  const at = frames.findIndex((f) => f.equals(DELIMITER));
  try {
    return at < 0 ? undefined : (JSON.parse(frames[at + 2].toString()) as Header).msg_type;
  } catch {
    return undefined;
  }
}

/** One message, shaped like tslab's so that tslab's helpers (publishStatus) take it too. */
export class WireMessage {
  private constructor(
    readonly identity: Buffer[],
    readonly header: Header,
    readonly parent: Partial<Header>,
    readonly metadata: Record<string, unknown>,
    public content: object,
  ) {}

  /** Parses a signed request; throws if its signature is wrong. */
  static parse(key: string, frames: Buffer[]): WireMessage {
    const at = frames.findIndex((f) => f.equals(DELIMITER));
    if (at < 0) throw new Error("message without the <IDS|MSG> delimiter");
    const signature = Buffer.from(frames[at + 1].toString());
    const parts = frames.slice(at + 2, at + 6);
    const expected = Buffer.from(sign(key, parts.map(String)));
    if (key && (signature.length !== expected.length || !timingSafeEqual(signature, expected))) {
      throw new Error("message with a wrong signature");
    }
    const [header, parent, metadata, content] = parts.map((p) => JSON.parse(p.toString()) as unknown);
    return new WireMessage(frames.slice(0, at), header as Header, parent as Header, metadata as Record<string, unknown>, content as object);
  }

  createReply(): WireMessage {
    const header: Header = {
      ...this.header,
      msg_id: randomBytes(16).toString("hex"),
      date: new Date().toISOString(),
      version: "5.3",
    };
    return new WireMessage(this.identity, header, this.header, {}, {});
  }

  signAndSend(key: string, socket: Sendable): void {
    const parts = [this.header, this.parent, this.metadata, this.content].map((p) => JSON.stringify(p));
    socket.send([...this.identity, DELIMITER, sign(key, parts), ...parts]);
  }
}

function sign(key: string, parts: string[]): string {
  if (!key) return "";
  const hmac = createHmac("sha256", key);
  for (const part of parts) hmac.update(part);
  return hmac.digest("hex");
}
