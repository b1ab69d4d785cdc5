/**
 * Files a person picks in the journeys, written once to a temp folder under the names they
 * carry on the phone: a small real PNG photo, a small real JPEG (a photo of an ID card), a small
 * real PDF and an 11 MB scan that is over the PDF limit (the page must refuse it by name before
 * uploading).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
// a 1×1 baseline JPEG: what a camera hands over, in miniature
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let dir: string | null = null;

export function journeyFiles(): { photo: string; idCard: string; pdf: string; tooBig: string } {
  dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'bangban-journey-files-'));
  const at = (name: string, bytes: Buffer) => {
    const file = path.join(dir!, name);
    if (!fs.existsSync(file)) fs.writeFileSync(file, bytes);
    return file;
  };
  return {
    photo: at('营业执照.png', PNG),
    idCard: at('身份证.jpg', JPEG),
    pdf: at('场所证明.pdf', PDF),
    tooBig: at('太大的扫描件.pdf', Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024, 1)])),
  };
}
