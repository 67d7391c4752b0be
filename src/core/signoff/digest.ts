/**
 * SHA-256 behind one small interface, so the task pane (browser), the command line (Node 20)
 * and tests share one implementation: Web Crypto (`globalThis.crypto.subtle`), which both
 * browsers and Node 20 provide. Tests may inject another Digester.
 */

/** Computes the SHA-256 digest of the UTF-8 bytes of a text, as 64 lower-case hex digits. */
export interface Digester {
  sha256Hex(text: string): Promise<string>;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Bytes as lower-case hex. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]];
  return out;
}

/**
 * The Web Crypto digester. Throws a one-line Error when the runtime has no Web Crypto
 * (very old browsers, or a page not served over https).
 */
export function webCryptoDigester(subtle: SubtleCrypto | undefined = globalThis.crypto?.subtle): Digester {
  if (!subtle)
    throw new Error('SHA-256 is not available here: this runtime has no Web Crypto (crypto.subtle)');
  const encoder = new TextEncoder();
  return {
    async sha256Hex(text: string): Promise<string> {
      const buf = await subtle.digest('SHA-256', encoder.encode(text));
      return toHex(new Uint8Array(buf));
    },
  };
}

/** The first 8 hex digits of a digest: what the print footer and the sign-off sheet show. */
export function shortDigest(digest: string): string {
  return digest.slice(0, 8);
}
