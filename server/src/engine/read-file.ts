/**
 * Reading files the user did not necessarily write: only regular files (a symlink to /dev/zero or a FIFO would never
 * end or never start), never more than a size limit. The file is opened non-blocking and checked through its own
 * descriptor, so what is checked is what is read.
 */
import fs from 'node:fs';

/** The default limit for drafts, bibliographies and configuration files. */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Why a file was not read, in a few words (no file name: callers add it). */
export class FileReadError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ENOENT: 'no such file',
  ENOTDIR: 'no such file',
  ELOOP: 'too many symbolic links',
};

export const megabytes = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** The bytes of `file`, if it is a regular file of at most `maxBytes`; otherwise a FileReadError. */
export function readRegularFile(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FileReadError(code ? (REASONS[code] ?? code) : (e as Error).message, code);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new FileReadError('is a directory', 'EISDIR');
    if (!stat.isFile()) throw new FileReadError('not a regular file (a device, FIFO or socket), not read', 'ENOTREG');
    if (stat.size > maxBytes)
      throw new FileReadError(
        `${megabytes(stat.size)}, larger than the ${megabytes(maxBytes)} limit, not read`,
        'ETOOBIG',
      );
    // One byte more than expected tells a file that grew while being read: never read more than the limit.
    const buf = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (let n; length < buf.length && (n = fs.readSync(fd, buf, length, buf.length - length, null)) > 0;) length += n;
    if (length === buf.length) throw new FileReadError('changed while being read, not read', 'ECHANGED');
    return buf.subarray(0, length);
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new FileReadError(code ? (REASONS[code] ?? code) : (e as Error).message, code);
  } finally {
    fs.closeSync(fd);
  }
}

/** `readRegularFile` as UTF-8 text, without a leading byte-order mark. */
export function readRegularTextFile(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): string {
  const text = readRegularFile(file, maxBytes).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
