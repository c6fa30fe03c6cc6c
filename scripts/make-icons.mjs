// Draws the toolbar icons (a lens over a key slot) as PNGs at 16/32/48/128 px with node's zlib only.
// The PNGs are committed in public/icons; rerun after changing the drawing: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};

function draw(size) {
  const samples = 4; // supersampling for smooth edges
  const rgba = Buffer.alloc(size * size * 4);
  const navy = [17, 24, 39], white = [248, 250, 252], orange = [234, 88, 12];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = (x + (sx + 0.5) / samples) / size, v = (y + (sy + 0.5) / samples) / size;
          let color = null;
          // Rounded-square background.
          const r = 0.2, dx = Math.max(Math.abs(u - 0.5) - (0.5 - r), 0), dy = Math.max(Math.abs(v - 0.5) - (0.5 - r), 0);
          if (dx * dx + dy * dy <= r * r) color = navy;
          // Lens ring centred at (0.43, 0.43).
          const d = Math.hypot(u - 0.43, v - 0.43);
          if (color && d >= 0.19 && d <= 0.27) color = white;
          // Handle towards the bottom right.
          const t = ((u - 0.62) + (v - 0.62)) / 2, off = Math.abs((u - 0.62) - (v - 0.62)) / Math.SQRT2;
          if (color && t >= 0 && t <= 0.2 && off <= 0.06) color = orange;
          // Key slot inside the lens.
          if (color && Math.hypot(u - 0.43, v - 0.39) <= 0.055) color = orange;
          if (color && Math.abs(u - 0.43) <= 0.025 && v >= 0.39 && v <= 0.5) color = orange;
          if (color) { acc[0] += color[0]; acc[1] += color[1]; acc[2] += color[2]; acc[3] += 255; }
        }
      }
      const n = samples * samples, covered = acc[3] / 255 || 1, i = (y * size + x) * 4;
      rgba[i] = acc[0] / covered; rgba[i + 1] = acc[1] / covered; rgba[i + 2] = acc[2] / covered; rgba[i + 3] = acc[3] / n;
    }
  }
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); header.writeUInt32BE(size, 4); header[8] = 8; header[9] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

for (const size of [16, 32, 48, 128]) writeFileSync(new URL(`../public/icons/icon-${size}.png`, import.meta.url), draw(size));
console.log('wrote public/icons/icon-{16,32,48,128}.png');
