#!/usr/bin/env node
// Draws Broadsheet's own icon, served from public/ when the WordPress site has no site icon:
// a front page in the accent colour — masthead, two columns of text, a picture. One drawing,
// written as SVG here and rasterised with sharp (installed with Next) into the files browsers
// and home screens ask for. Run it after changing the drawing: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const publicFolder = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'public');

/** The drawing on a 64-unit square; `corner` rounds it (home screens round full-bleed icons themselves). */
function drawing(corner) {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" rx="${corner}" fill="#8a3b12"/>
  <rect x="12" y="12" width="40" height="9" rx="1.5" fill="#fbf8f3"/>
  <g fill="#fbf8f3" fill-opacity="0.82">
    <rect x="12" y="27" width="18" height="4" rx="1"/>
    <rect x="12" y="35" width="18" height="4" rx="1"/>
    <rect x="12" y="43" width="13" height="4" rx="1"/>
    <rect x="34" y="27" width="18" height="20" rx="1.5"/>
  </g>
</svg>
`;
}

async function png(svg, size) {
  return sharp(Buffer.from(svg), { density: (72 * size) / 64 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** An .ico holding PNG images (read by every browser since Internet Explorer 9). */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, data } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.data)]);
}

const rounded = drawing(12);
const fullBleed = drawing(0);
writeFileSync(join(publicFolder, 'icon.svg'), rounded);
writeFileSync(
  join(publicFolder, 'favicon.ico'),
  ico(await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png(rounded, size) })))),
);
writeFileSync(join(publicFolder, 'icon-192.png'), await png(rounded, 192));
writeFileSync(join(publicFolder, 'icon-512.png'), await png(fullBleed, 512));
writeFileSync(join(publicFolder, 'apple-touch-icon.png'), await png(fullBleed, 180));
console.log(`Icons written to ${publicFolder}`);
