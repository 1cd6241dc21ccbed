// The site's icon, drawn from the organisation's short name (so another organisation gets its own
// without a new file): PNGs for the web app manifest and link previews, and favicon.ico (one PNG
// inside an ICO container, which every browser reads). Drawn once per size and kept in memory.
import sharp from "sharp";

const drawn = new Map<string, Promise<Buffer>>();
const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function iconPng(size: number, shortName: string, colour = "#0b4f6c"): Promise<Buffer> {
  const key = `${size}:${shortName}:${colour}`;
  let png = drawn.get(key);
  if (!png) {
    const text = escapeXml(shortName.slice(0, 4));
    const fontSize = Math.round((size * 0.9) / Math.max(2, text.length));
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><rect width="100%" height="100%" rx="${Math.round(size / 8)}" fill="${colour}"/><text x="50%" y="50%" dy="0.35em" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-weight="bold" font-size="${fontSize}" fill="#ffffff">${text}</text></svg>`;
    png = sharp(Buffer.from(svg)).png().toBuffer();
    drawn.set(key, png);
    png.catch(() => drawn.delete(key));
  }
  return png;
}

/** An ICO file holding one PNG image (the format browsers accept since Windows Vista). */
export function icoOf(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size >= 256 ? 0 : size, 6);
  header.writeUInt8(size >= 256 ? 0 : size, 7);
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18); // offset of the image
  return Buffer.concat([header, png]);
}
