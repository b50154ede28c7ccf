// Draws the app's icons (public/icons/*.png, public/icon.svg) with nothing but Node: a white ring and check mark on
// teal, the favicon's motif. Run it after changing the drawing: node scripts/make-icons.mjs; the PNGs are
// committed, the build does not run this.
//   icon-192.png, icon-512.png   rounded square with transparent corners ("any")
//   icon-maskable-512.png        full bleed; the motif stays inside the safe zone (a circle of 40 % radius)
//   apple-touch-icon.png (180)   full bleed (iOS rounds the corners itself and shows transparency as black)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const TEAL = [0x0f, 0x76, 0x6e];
const WHITE = [0xff, 0xff, 0xff];
const RING = { cx: 0.5, cy: 0.5, r: 0.3, width: 0.075 };
const CHECK = [
  [0.37, 0.515],
  [0.465, 0.61],
  [0.635, 0.415],
];
const CHECK_WIDTH = 0.07;

function segmentDistance(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Whether a point (0..1 square) is on the motif. */
function onMotif(x, y) {
  if (Math.abs(Math.hypot(x - RING.cx, y - RING.cy) - RING.r) <= RING.width / 2) return true;
  for (let i = 0; i + 1 < CHECK.length; i++) {
    if (segmentDistance(x, y, CHECK[i], CHECK[i + 1]) <= CHECK_WIDTH / 2) return true;
  }
  return false;
}

/** Whether a point is inside the rounded square (corner radius 22 %). */
function inRoundedSquare(x, y, radius = 0.22) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** RGBA pixels of the icon, 4×4 samples a pixel for smooth edges. */
function draw(size, rounded) {
  const n = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let inside = 0;
      let white = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (rounded && !inRoundedSquare(x, y)) continue;
          inside++;
          if (onMotif(x, y)) white++;
        }
      }
      const o = (py * size + px) * 4;
      const w = inside === 0 ? 0 : white / inside;
      for (let c = 0; c < 3; c++) pixels[o + c] = Math.round(TEAL[c] * (1 - w) + WHITE[c] * w);
      pixels[o + 3] = Math.round((inside / (n * n)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const b of buffer) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG (8-bit RGBA, no interlace) of the pixels. */
function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const pct = (v) => +(v * 100).toFixed(2);
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <rect width="100" height="100" rx="22" fill="#0f766e"/>
  <circle cx="50" cy="50" r="${pct(RING.r)}" fill="none" stroke="#fff" stroke-width="${pct(RING.width)}"/>
  <path d="M${CHECK.map(([x, y]) => `${pct(x)} ${pct(y)}`).join('L')}" fill="none" stroke="#fff" stroke-width="${pct(CHECK_WIDTH)}" stroke-linecap="round" stroke-linejoin="round"/>
</svg>
`;

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
mkdirSync(join(publicDir, 'icons'), { recursive: true });
for (const [name, size, rounded] of [
  ['icons/icon-192.png', 192, true],
  ['icons/icon-512.png', 512, true],
  ['icons/icon-maskable-512.png', 512, false],
  ['icons/apple-touch-icon.png', 180, false],
]) {
  writeFileSync(join(publicDir, name), png(size, draw(size, rounded)));
  console.log(`icons: ${name} (${size}×${size})`);
}
writeFileSync(join(publicDir, 'icon.svg'), SVG);
console.log('icons: icon.svg');
