/**
 * Text all in ASCII as its bytes: a loop over a string's characters reads each through the string's
 * representation (a slice of a file's text, or two strings joined), which cost about three times as much
 * as reading bytes. Each reader writes over a buffer of its own, grown up to {@link MAX_ASCII_TEXT} for a
 * longer text.
 */
export class AsciiBytes {
  private scratch = new Uint8Array(1 << 12);
  private static readonly encoder = new TextEncoder();

  /**
   * The bytes of `text` when it is all ASCII (one byte a character), valid until the next call; else, or
   * when it is longer than {@link MAX_ASCII_TEXT}, undefined.
   */
  of(text: string): Uint8Array | undefined {
    if (text.length > MAX_ASCII_TEXT) return undefined;
    if (text.length > this.scratch.length) {
      this.scratch = new Uint8Array(2 ** Math.ceil(Math.log2(text.length)));
    }
    const { read, written } = AsciiBytes.encoder.encodeInto(text, this.scratch);
    // Each UTF-16 unit read writes one byte or more; more than one is a character beyond ASCII.
    return read === text.length && written === read ? this.scratch.subarray(0, written) : undefined;
  }
}

/**
 * The longest text read as bytes: 64 KiB, far more than a line or a paragraph, so that one huge
 * paragraph does not leave a buffer its size held for good (a file may be 16 MB).
 */
export const MAX_ASCII_TEXT = 1 << 16;

/** An ASCII digit. */
export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** An ASCII letter or digit; -1, for no character, is neither. */
export function isAsciiLetterOrDigit(code: number): boolean {
  const lower = code | 0x20;
  return isAsciiDigit(code) || (lower >= 0x61 && lower <= 0x7a);
}
