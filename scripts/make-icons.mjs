#!/usr/bin/env node
/**
 * Draws the Duanping icon (a level balance on a red disc: a beam resting on a fulcrum, two pans
 * hanging at the same height — 端平, "held level") and writes it as PNG at every size the
 * manifest and the task pane use: assets/icon-{16,32,64,80,128}.png.
 *
 * No image library: shapes are signed-distance functions sampled 4×4 per pixel for
 * anti-aliasing, and the PNG is encoded by hand (IHDR, one zlib-compressed IDAT, IEND).
 * The output is deterministic, so re-running it leaves the committed files unchanged.
 *
 * Usage: node scripts/make-icons.mjs [outDir]   (default: assets/)
 */
import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ICON_SIZES = [16, 32, 64, 80, 128];

const RED = [200, 16, 46];
const WHITE = [255, 255, 255];
const GOLD = [255, 209, 102];

/** CRC-32 (PNG polynomial) of a byte array. */
function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** One PNG chunk: length, type, data, CRC over type + data. */
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes RGBA pixels (size × size × 4 bytes, row-major) as a PNG file. */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Distance from point p to segment a–b. */
function segment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/**
 * The colour at a point of the unit square (0..1 both ways), or null outside the disc.
 * Layers, bottom to top: red disc, gold fulcrum, white beam, strings and pans.
 */
function shade(x, y) {
  if (Math.hypot(x - 0.5, y - 0.5) > 0.5) return null;
  // Fulcrum: a triangle from the beam's middle down to a base.
  const apexY = 0.36;
  const baseY = 0.8;
  if (y >= apexY && y <= baseY) {
    const half = ((y - apexY) / (baseY - apexY)) * 0.13;
    if (Math.abs(x - 0.5) <= half) return GOLD;
  }
  if (y >= baseY && y <= 0.85 && Math.abs(x - 0.5) <= 0.2) return GOLD;
  // Beam: a thick level bar.
  if (segment(x, y, 0.16, 0.33, 0.84, 0.33) <= 0.045) return WHITE;
  // Strings from beam ends to the pans.
  for (const cx of [0.22, 0.78]) {
    if (segment(x, y, cx, 0.33, cx - 0.1, 0.56) <= 0.018) return WHITE;
    if (segment(x, y, cx, 0.33, cx + 0.1, 0.56) <= 0.018) return WHITE;
    // Pan: the lower half of an ellipse (a bowl), level at y = 0.56.
    const ex = (x - cx) / 0.14;
    const ey = (y - 0.56) / 0.09;
    if (y >= 0.555 && ex * ex + ey * ey <= 1) return WHITE;
  }
  return RED;
}

/** Renders the icon at `size` pixels with 4×4 supersampling; returns RGBA bytes. */
export function renderIcon(size) {
  const n = 4;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = shade((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return rgba;
}

function main() {
  const here = dirname(fileURLToPath(import.meta.url));
  const outDir = resolve(process.argv[2] ?? join(here, '..', 'assets'));
  mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, renderIcon(size)));
    console.log(`wrote ${file}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
