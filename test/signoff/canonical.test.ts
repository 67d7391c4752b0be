import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { nodeDigester } from '../../src/cli/digester';
import {
  canonicalCell,
  canonicalJson,
  canonicalNumber,
  isIsoWithOffset,
  isoWithOffset,
  webCryptoDigester,
} from '../../src/core/signoff';

describe('canonicalNumber', () => {
  it('keeps at most 15 significant digits and drops the binary noise', () => {
    expect(canonicalNumber(0.1 + 0.2)).toBe('0.3');
    expect(canonicalNumber(88.5)).toBe('88.5');
    expect(canonicalNumber(-0)).toBe('0');
    expect(canonicalNumber(1 / 3)).toBe('0.333333333333333');
    expect(canonicalNumber(Number('123456789012345678'))).toBe('123456789012346000');
  });

  it('gives the same text for a number written back with 15, 17 or shortest round-trip digits', () => {
    // Spreadsheets hold magnitudes up to 9.99999999999999e307.
    const finite = fc.double({ noNaN: true, min: -1e307, max: 1e307 });
    fc.assert(
      fc.property(finite, (x) => {
        const c = canonicalNumber(x);
        expect(canonicalNumber(Number(x.toPrecision(15)))).toBe(c);
        expect(canonicalNumber(Number(x.toPrecision(17)))).toBe(c);
        expect(canonicalNumber(Number(String(x)))).toBe(c);
        expect(canonicalNumber(Number(c))).toBe(c);
      }),
      { numRuns: 2000 },
    );
  });

  it('tells apart numbers that differ within 15 digits', () => {
    expect(canonicalNumber(90)).not.toBe(canonicalNumber(90.01));
    expect(canonicalNumber(79.08)).not.toBe(canonicalNumber(79.0800000001));
  });

  it('refuses NaN and infinities with a message', () => {
    expect(() => canonicalNumber(NaN)).toThrow('non-finite');
    expect(() => canonicalNumber(Infinity)).toThrow('non-finite');
  });
});

describe('canonicalJson and canonicalCell', () => {
  it('sorts keys, leaves out undefined fields and writes no white space', () => {
    expect(canonicalJson({ b: 1, a: [2, 'x'], c: undefined, d: null })).toBe('{"a":[2,"x"],"b":1,"d":null}');
  });

  it('gives the same text for NFC/NFD forms and padded text', () => {
    expect(canonicalJson({ name: ' Cafe\u0301 ' })).toBe(canonicalJson({ name: 'Café' }));
    expect(canonicalJson('　优秀\n')).toBe('"优秀"');
  });

  it('does not depend on key insertion order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
    );
  });

  it('treats empty and blank cells as missing and keeps text apart from numbers', () => {
    expect(canonicalCell('')).toBeNull();
    expect(canonicalCell('  ')).toBeNull();
    expect(canonicalCell(undefined)).toBeNull();
    expect(canonicalJson(canonicalCell('90'))).not.toBe(canonicalJson(canonicalCell(90)));
    expect(canonicalCell({ error: '#N/A' })).toEqual({ error: '#N/A' });
  });
});

describe('webCryptoDigester', () => {
  it('computes SHA-256 of the UTF-8 bytes, as Node crypto does', async () => {
    const d = webCryptoDigester();
    expect(await d.sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const text = '评分录入 第12行 优秀 ✓';
    expect(await d.sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('says so in one line when Web Crypto is missing', () => {
    expect(() => webCryptoDigester(undefined as unknown as SubtleCrypto)).not.toThrow(); // default argument used
    expect(() => webCryptoDigester(null as unknown as SubtleCrypto)).toThrow('no Web Crypto');
  });
});

describe("the command line's Node digester", () => {
  it('gives the same digest as Web Crypto for any text, so books signed in the add-in verify in the CLI', async () => {
    const web = webCryptoDigester();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (text) => {
        expect(await nodeDigester.sha256Hex(text)).toBe(await web.sha256Hex(text));
      }),
      { numRuns: 200 },
    );
    expect(await nodeDigester.sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('isoWithOffset', () => {
  it('writes local time at the offset, with the offset', () => {
    const d = new Date(Date.UTC(2025, 0, 20, 7, 4, 5));
    expect(isoWithOffset(d, 480)).toBe('2025-01-20T15:04:05+08:00');
    expect(isoWithOffset(d, -330)).toBe('2025-01-20T01:34:05-05:30');
    expect(Date.parse(isoWithOffset(d, 480))).toBe(d.getTime());
  });

  it('accepts only ISO 8601 with an offset', () => {
    expect(isIsoWithOffset('2025-01-20T15:04:05+08:00')).toBe(true);
    expect(isIsoWithOffset('2025-01-20T07:04:05Z')).toBe(true);
    expect(isIsoWithOffset('2025-01-20T15:04:05')).toBe(false);
    expect(isIsoWithOffset('2025-13-45T15:04:05+08:00')).toBe(false);
  });
});
