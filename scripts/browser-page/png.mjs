// Makes Chromium's screenshots small enough to keep in the repository: the pictures are flat UI
// (a few backgrounds, text with anti-aliased edges), so a 256-colour palette looks the same and
// takes a fraction of the space. Plain Node (zlib); handles the 8-bit RGB/RGBA PNGs Chromium writes.
import { Buffer } from 'node:buffer';
import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes to { width, height, rgb } (alpha dropped: screenshots are opaque). */
function decode(png) {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8];
      const colorType = data[9];
      if (depth !== 8 || (colorType !== 2 && colorType !== 6) || data[12] !== 0) {
        throw new Error(`unsupported PNG (depth ${depth}, colour type ${colorType})`);
      }
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[row + x - channels] : 0;
      const b = y > 0 ? pixels[row - stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[row - stride + x - channels] : 0;
      const v = raw[src + x];
      const predicted = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c);
      pixels[row + x] = (v + predicted) & 0xff;
    }
  }
  const rgb = Buffer.alloc(width * height * 3);
  for (let i = 0, j = 0; i < pixels.length; i += channels, j += 3) {
    rgb[j] = pixels[i];
    rgb[j + 1] = pixels[i + 1];
    rgb[j + 2] = pixels[i + 2];
  }
  return { width, height, rgb };
}

/**
 * The 256 most used colours, grouped after dropping the lowest bits (which the eye cannot tell
 * apart); each keeps the average of the true colours in its group, so a white page stays white.
 */
function palette(rgb) {
  const groups = new Map();
  for (let i = 0; i < rgb.length; i += 3) {
    const key = ((rgb[i] & 0xf8) << 16) | ((rgb[i + 1] & 0xf8) << 8) | (rgb[i + 2] & 0xf8);
    const g = groups.get(key);
    if (g) {
      g.n++;
      g.r += rgb[i];
      g.g += rgb[i + 1];
      g.b += rgb[i + 2];
    } else groups.set(key, { key, n: 1, r: rgb[i], g: rgb[i + 1], b: rgb[i + 2] });
  }
  return [...groups.values()].sort((p, q) => q.n - p.n).slice(0, 256);
}

/** Re-encodes a screenshot as an indexed-colour PNG. */
export function shrinkPng(png) {
  const { width, height, rgb } = decode(png);
  const colours = palette(rgb);
  const exact = new Map(colours.map((c, index) => [c.key, index]));
  const nearest = new Map();
  const indexOf = (r, g, b) => {
    const key = ((r & 0xf8) << 16) | ((g & 0xf8) << 8) | (b & 0xf8);
    const hit = exact.get(key) ?? nearest.get(key);
    if (hit !== undefined) return hit;
    let best = 0;
    let bestDistance = Infinity;
    colours.forEach((c, index) => {
      const d = (c.r / c.n - r) ** 2 + (c.g / c.n - g) ** 2 + (c.b / c.n - b) ** 2;
      if (d < bestDistance) {
        bestDistance = d;
        best = index;
      }
    });
    nearest.set(key, best);
    return best;
  };
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter "none" suits palette images best
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[y * (width + 1) + 1 + x] = indexOf(rgb[i], rgb[i + 1], rgb[i + 2]);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 3;
  const plte = Buffer.alloc(colours.length * 3);
  colours.forEach((c, index) => {
    plte[index * 3] = Math.round(c.r / c.n);
    plte[index * 3 + 1] = Math.round(c.g / c.n);
    plte[index * 3 + 2] = Math.round(c.b / c.n);
  });
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
