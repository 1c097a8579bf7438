import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';

// A few dozen lines of RFC 5389/5766 over UDP: just enough to ask a real TURN server for an allocation with a
// credential, the way a browser's ICE agent does, and to read its answer. The server under test is the real
// coturn; this is only the caller.

const MAGIC = 0x2112a442;
const Attr = { username: 0x0006, integrity: 0x0008, errorCode: 0x0009, realm: 0x0014, nonce: 0x0015, relayed: 0x0016, transport: 0x0019 } as const;
const Method = { binding: 0x0001, allocate: 0x0003 } as const;

interface StunReply {
  type: number;
  attrs: Map<number, Buffer>;
}

function attribute(type: number, value: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(type, 0);
  head.writeUInt16BE(value.length, 2);
  return Buffer.concat([head, value, Buffer.alloc((4 - (value.length % 4)) % 4)]);
}

function message(method: number, attrs: Buffer[], integrityKey?: Buffer): Buffer {
  const header = Buffer.alloc(20);
  header.writeUInt16BE(method, 0);
  header.writeUInt32BE(MAGIC, 4);
  randomBytes(12).copy(header, 8);
  let body = Buffer.concat(attrs);
  if (integrityKey) {
    // The length field already counts the MESSAGE-INTEGRITY attribute when the HMAC is computed (RFC 5389 15.4).
    header.writeUInt16BE(body.length + 24, 2);
    const mac = createHmac('sha1', integrityKey).update(Buffer.concat([header, body])).digest();
    body = Buffer.concat([body, attribute(Attr.integrity, mac)]);
  }
  header.writeUInt16BE(body.length, 2);
  return Buffer.concat([header, body]);
}

function parse(packet: Buffer): StunReply {
  const attrs = new Map<number, Buffer>();
  for (let at = 20; at + 4 <= packet.length; ) {
    const type = packet.readUInt16BE(at);
    const length = packet.readUInt16BE(at + 2);
    attrs.set(type, packet.subarray(at + 4, at + 4 + length));
    at += 4 + length + ((4 - (length % 4)) % 4);
  }
  return { type: packet.readUInt16BE(0), attrs };
}

/** One UDP socket for a whole conversation: coturn ties its nonce to the client's address and port. */
async function conversation<T>(run: (exchange: (request: Buffer) => Promise<StunReply>) => Promise<T>, host: string, port: number, timeoutMs: number): Promise<T> {
  const socket = createSocket('udp4');
  const exchange = (request: Buffer) =>
    new Promise<StunReply>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no STUN answer from ${host}:${port} within ${timeoutMs} ms`)), timeoutMs);
      socket.once('message', (packet) => {
        clearTimeout(timer);
        resolve(parse(packet));
      });
      socket.send(request, port, host);
    });
  socket.on('error', () => undefined);
  try {
    return await run(exchange);
  } finally {
    socket.close();
  }
}

/** True once the server answers a STUN Binding request (it is up). */
export async function answersBinding(host: string, port: number, timeoutMs = 300): Promise<boolean> {
  try {
    return (await conversation((exchange) => exchange(message(Method.binding, [])), host, port, timeoutMs)).type === 0x0101;
  } catch {
    return false;
  }
}

export type AllocateResult = { ok: true; relayed: { address: string; port: number } } | { ok: false; code: number; reason: string };

/** A UDP Allocate with long-term credentials: first unauthenticated (the server names its realm and nonce), then signed. */
export async function allocate(target: { host: string; port: number }, username: string, password: string, timeoutMs = 2000): Promise<AllocateResult> {
  const transport = attribute(Attr.transport, Buffer.from([17, 0, 0, 0]));
  return conversation(async (exchange) => {
    const challenge = await exchange(message(Method.allocate, [transport]));
    const realm = challenge.attrs.get(Attr.realm);
    const nonce = challenge.attrs.get(Attr.nonce);
    if (!realm || !nonce) return failure(challenge);
    const key = createHash('md5').update(`${username}:${realm.toString()}:${password}`).digest();
    const signed = message(
      Method.allocate,
      [transport, attribute(Attr.username, Buffer.from(username)), attribute(Attr.realm, realm), attribute(Attr.nonce, nonce)],
      key,
    );
    const reply = await exchange(signed);
    const relayed = reply.attrs.get(Attr.relayed);
    if (reply.type !== 0x0103 || !relayed) return failure(reply);
    const xorPort = relayed.readUInt16BE(2) ^ (MAGIC >>> 16);
    const address = [0, 1, 2, 3].map((i) => (relayed[4 + i] ?? 0) ^ ((MAGIC >>> (24 - 8 * i)) & 0xff)).join('.');
    return { ok: true as const, relayed: { address, port: xorPort } };
  }, target.host, target.port, timeoutMs);
}

function failure(reply: StunReply): AllocateResult {
  const error = reply.attrs.get(Attr.errorCode);
  if (!error) return { ok: false, code: 0, reason: `unexpected answer type 0x${reply.type.toString(16)}` };
  return { ok: false, code: ((error[2] ?? 0) & 7) * 100 + (error[3] ?? 0), reason: error.subarray(4).toString() };
}
