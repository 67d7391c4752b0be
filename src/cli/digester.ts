/**
 * SHA-256 for the command line through Node's own crypto (synchronous hashing, no Web Crypto
 * round trip per row), behind core's `Digester` interface — the task pane uses Web Crypto behind
 * the same interface, and a test holds the two equal.
 */
import { createHash } from 'node:crypto';
import type { Digester } from '../core/signoff';

export const nodeDigester: Digester = {
  sha256Hex: (text: string) => Promise.resolve(createHash('sha256').update(text, 'utf8').digest('hex')),
};
