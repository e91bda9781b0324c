import { crc32, deflateSync } from "node:zlib";

/**
 * Real image bytes of an exact size for upload tests: file-type judges by content, so a test
 * file must start like the real thing. These are valid files, not just signatures.
 */

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A 1×1 PNG (signature, IHDR, IDAT, a private padding chunk, IEND) of exactly `size` bytes. */
export function pngOfSize(size: number, fill = 0x2a): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter, no interlace
  const head = Buffer.concat([PNG_SIGNATURE, pngChunk("IHDR", header), pngChunk("IDAT", deflateSync(Buffer.from([0, 0x33, 0x99, 0xff, 0xff])))]);
  const end = pngChunk("IEND", Buffer.alloc(0));
  const padding = size - head.length - end.length - 12;
  if (padding < 0) throw new Error(`A PNG needs at least ${head.length + end.length + 12} bytes`);
  // `prVt`: ancillary, private, safe to copy; decoders skip it.
  return Buffer.concat([head, pngChunk("prVt", Buffer.alloc(padding, fill)), end]);
}

/** A JPEG of exactly `size` bytes (SOI, a JFIF APP0, a comment segment of padding, EOI); not decodable, but typed as JPEG. */
export function jpegOfSize(size: number): Buffer {
  const soi = Buffer.from([0xff, 0xd8]);
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const eoi = Buffer.from([0xff, 0xd9]);
  const padding = size - soi.length - app0.length - eoi.length;
  if (padding < 0) throw new Error("A JPEG needs at least 22 bytes");
  return Buffer.concat([soi, app0, Buffer.alloc(padding, 0x20), eoi]);
}

/** A 1×1 GIF (43 bytes). */
export const GIF_BYTES = Buffer.from("47494638396101000100800000ffffff00000021f90401000000002c00000000010001000002024401003b", "hex");
