// The receiving half of SRTP (RFC 3711, AES_CM_128_HMAC_SHA1_80) for the
// light viewers of the CPU bench: each RTP packet the hub sends is
// authenticated and decrypted, never decoded.
import { createCipheriv, createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';

const tagLength = 10;

/** AES-CM keystream from the master key: the session key derivation of RFC 3711 §4.3 (kdr 0). */
function derive(masterKey: Buffer, masterSalt: Buffer, label: number, length: number): Buffer {
  const iv = Buffer.alloc(16);
  masterSalt.copy(iv, 0);
  iv[7] = (iv[7] ?? 0) ^ label;
  const cipher = createCipheriv('aes-128-ctr', masterKey, iv);
  return Buffer.concat([cipher.update(Buffer.alloc(length)), cipher.final()]);
}

export class SrtpReceiver {
  private readonly encKey: Buffer;
  private readonly authKey: Buffer;
  private readonly salt: Buffer;
  /** Roll-over counter and highest sequence number, per SSRC. */
  private readonly streams = new Map<number, { roc: number; highest: number }>();
  authFailures = 0;
  decrypted = 0;
  payloadBytes = 0;

  /** `keyBase64`: the 16-byte master key then the 14-byte master salt, as mediasoup gives them. */
  constructor(keyBase64: string) {
    const key = Buffer.from(keyBase64, 'base64');
    if (key.length !== 30) throw new Error(`SRTP master key and salt are 30 bytes, got ${key.length}`);
    const masterKey = key.subarray(0, 16);
    const masterSalt = key.subarray(16);
    this.encKey = derive(masterKey, masterSalt, 0, 16);
    this.authKey = derive(masterKey, masterSalt, 1, 20);
    this.salt = derive(masterKey, masterSalt, 2, 14);
  }

  /** The decrypted payload, or null when the packet is not authentic. */
  unprotect(packet: Buffer): Buffer | null {
    if (packet.length < 12 + tagLength) return null;
    const first = packet[0] ?? 0;
    const seq = packet.readUInt16BE(2);
    const ssrc = packet.readUInt32BE(8);
    let headerLength = 12 + 4 * (first & 0x0f);
    if (first & 0x10) headerLength += 4 + 4 * packet.readUInt16BE(headerLength + 2);
    const end = packet.length - tagLength;
    if (headerLength > end) return null;
    const roc = this.guessRoc(ssrc, seq);
    const rocBytes = Buffer.alloc(4);
    rocBytes.writeUInt32BE(roc >>> 0);
    const tag = createHmac('sha1', this.authKey)
      .update(packet.subarray(0, end))
      .update(rocBytes)
      .digest()
      .subarray(0, tagLength);
    if (!timingSafeEqual(tag, packet.subarray(end))) {
      this.authFailures++;
      return null;
    }
    this.accept(ssrc, seq, roc);
    const iv = Buffer.alloc(16);
    this.salt.copy(iv, 0);
    for (let i = 0; i < 4; i++) iv[4 + i] = (iv[4 + i] ?? 0) ^ ((ssrc >>> (24 - 8 * i)) & 0xff);
    // The 48-bit packet index ROC·2^16 + SEQ, in bytes 8–13.
    iv[8] = (iv[8] ?? 0) ^ ((roc >>> 24) & 0xff);
    iv[9] = (iv[9] ?? 0) ^ ((roc >>> 16) & 0xff);
    iv[10] = (iv[10] ?? 0) ^ ((roc >>> 8) & 0xff);
    iv[11] = (iv[11] ?? 0) ^ (roc & 0xff);
    iv[12] = (iv[12] ?? 0) ^ (seq >>> 8);
    iv[13] = (iv[13] ?? 0) ^ (seq & 0xff);
    const decipher = createDecipheriv('aes-128-ctr', this.encKey, iv);
    const payload = Buffer.concat([decipher.update(packet.subarray(headerLength, end)), decipher.final()]);
    this.decrypted++;
    this.payloadBytes += payload.length;
    return payload;
  }

  /** RFC 3711 Appendix A: the ROC a sequence number most likely belongs to. */
  private guessRoc(ssrc: number, seq: number): number {
    const s = this.streams.get(ssrc);
    if (!s) return 0;
    if (s.highest < 32_768) return seq - s.highest > 32_768 ? s.roc - 1 : s.roc;
    return s.highest - 32_768 > seq ? s.roc + 1 : s.roc;
  }

  private accept(ssrc: number, seq: number, roc: number): void {
    const s = this.streams.get(ssrc);
    if (!s) this.streams.set(ssrc, { roc, highest: seq });
    else if (roc > s.roc || (roc === s.roc && seq > s.highest)) {
      s.roc = roc;
      s.highest = seq;
    }
  }
}
