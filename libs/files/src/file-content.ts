import { FilePurpose } from './file.entity.js';

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const DOCUMENT_TYPES = ['application/pdf', ...IMAGE_TYPES] as const;

/** The content types each purpose accepts (checked on the bytes, not on the name or the declared type). */
export const ALLOWED_TYPES: Record<FilePurpose, readonly string[]> = {
  [FilePurpose.LOGO]: IMAGE_TYPES,
  [FilePurpose.VERIFICATION_EVIDENCE]: DOCUMENT_TYPES,
  [FilePurpose.APPLICATION_ATTACHMENT]: DOCUMENT_TYPES,
  [FilePurpose.PROJECT_DOCUMENT]: DOCUMENT_TYPES,
};

export const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

/** Longest side of a logo after re-encoding; larger ones are scaled down. */
const LOGO_MAX_SIDE = 1024;
/** Images of more pixels are refused before they are decoded (decompression bombs). */
const MAX_INPUT_PIXELS = 40_000_000;

/** image/jpg and upper case are spelled the standard way. */
export function normaliseContentType(type: string): string {
  const lower = type.trim().toLowerCase();
  return lower === 'image/jpg' ? 'image/jpeg' : lower;
}

export class RefusedContent extends Error {}

/**
 * What the bytes are and what to store: the type found from the magic bytes must be one the purpose
 * accepts and the one that was declared (a PDF or an HTML page named `.png` and declared image/png
 * is refused); images are decoded and encoded again (metadata such as EXIF and GPS dropped, EXIF
 * rotation applied, logos scaled to at most 1024 px), so what is served is what we wrote.
 */
export async function inspectContent(
  bytes: Buffer,
  purpose: FilePurpose,
  declaredType: string,
): Promise<{ contentType: string; bytes: Buffer }> {
  // read on the first upload, not at start-up (sharp loads libvips)
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(bytes);
  const type = found?.mime;
  if (!type || !ALLOWED_TYPES[purpose].includes(type)) {
    throw new RefusedContent(
      `The content is ${type ?? 'of an unknown type'}; a ${purpose} must be ${ALLOWED_TYPES[purpose].join(', ')}`,
    );
  }
  if (type !== normaliseContentType(declaredType)) {
    throw new RefusedContent(`The content is ${type}, not the declared ${declaredType}`);
  }
  if (type === 'application/pdf') return { contentType: type, bytes };
  return { contentType: type, bytes: await reencode(bytes, type, purpose) };
}

async function reencode(bytes: Buffer, type: string, purpose: FilePurpose): Promise<Buffer> {
  try {
    const { default: sharp } = await import('sharp');
    let image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
    if (purpose === FilePurpose.LOGO) {
      image = image.resize(LOGO_MAX_SIDE, LOGO_MAX_SIDE, { fit: 'inside', withoutEnlargement: true });
    }
    if (type === 'image/png') return await image.png().toBuffer();
    if (type === 'image/jpeg') return await image.jpeg({ quality: 85 }).toBuffer();
    return await image.webp({ quality: 85 }).toBuffer();
  } catch (error) {
    throw new RefusedContent(`The image cannot be read: ${(error as Error).message.slice(0, 120)}`);
  }
}

/**
 * A file name safe to show and to put in Content-Disposition: no folders, no control or quoting
 * characters, at most 120 characters, ending with the extension of the type found in the content.
 */
export function safeFileName(name: string, contentType: string): string {
  const extension = EXTENSIONS[contentType] ?? 'bin';
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}"';<>\\]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.[^.]{0,10}$/, '')
    .replace(/^\.+/, '')
    .slice(0, 110)
    .trim();
  return `${base || 'file'}.${extension}`;
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
