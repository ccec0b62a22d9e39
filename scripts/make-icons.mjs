#!/usr/bin/env node
// Generates the add-in icons in assets/ with Node built-ins only (zlib + a minimal PNG encoder).
//
//   node scripts/make-icons.mjs [outDir]
//
// The mark: a navy rounded square with three horizontal bars in RAG colours
// (red short, amber medium, green long), like a small status chart.
// Output is deterministic: the same script gives the same bytes.

import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = resolve(process.argv[2] ?? join(projectRoot, "assets"));

// ---------------------------------------------------------------- PNG encoder

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(4 + typeAndData.length + 4);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 4 + typeAndData.length);
  return out;
}

/** Encodes straight (non-premultiplied) RGBA pixels, 8 bits per channel, as a PNG. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- drawing

/** Inside test for a rounded rectangle in unit coordinates. */
function inRoundedRect(x, y, r) {
  const cx = Math.min(Math.max(x, r.x0 + r.radius), r.x1 - r.radius);
  const cy = Math.min(Math.max(y, r.y0 + r.radius), r.y1 - r.radius);
  if (x < r.x0 || x > r.x1 || y < r.y0 || y > r.y1) return false;
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= r.radius * r.radius;
}

const NAVY = [0x1f, 0x3a, 0x5f];
const RED = [0xe0, 0x3e, 0x3e];
const AMBER = [0xff, 0xb9, 0x00];
const GREEN = [0x2e, 0xb8, 0x4b];

// Unit-square layout. Bars have fully rounded ends.
const BACKGROUND = { x0: 0.02, y0: 0.02, x1: 0.98, y1: 0.98, radius: 0.2, color: NAVY };
const BAR_H = 0.17;
const BAR_X0 = 0.2;
const bar = (row, length, color) => {
  const y0 = 0.2 + row * (BAR_H + 0.1);
  return { x0: BAR_X0, y0, x1: BAR_X0 + length, y1: y0 + BAR_H, radius: BAR_H / 2, color };
};
const SHAPES = [BACKGROUND, bar(0, 0.3, RED), bar(1, 0.45, AMBER), bar(2, 0.6, GREEN)];

function drawIcon(size) {
  const SS = 8; // 8 x 8 supersampling for anti-aliased edges
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0; // premultiplied accumulators
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          let top = null;
          for (const shape of SHAPES) if (inRoundedRect(x, y, shape)) top = shape;
          if (top) {
            r += top.color[0];
            g += top.color[1];
            b += top.color[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
        rgba[i + 3] = Math.round((255 * a) / (SS * SS));
      }
    }
  }
  return encodePng(size, size, rgba);
}

// ---------------------------------------------------------------- output

const FILES = [
  ["icon-16.png", 16],
  ["icon-32.png", 32],
  ["icon-64.png", 64],
  ["icon-80.png", 80],
  ["icon-128.png", 128],
  ["logo-filled.png", 80],
];

mkdirSync(outDir, { recursive: true });
for (const [name, size] of FILES) {
  const png = drawIcon(size);
  writeFileSync(join(outDir, name), png);
  console.log(`wrote ${join(outDir, name)} (${size}x${size}, ${png.length} bytes)`);
}
