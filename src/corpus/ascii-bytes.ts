/**
 * Text all in ASCII as its bytes: a loop over a string's characters reads each through the string's
 * representation (a slice of a file's text, or two strings joined), which cost about three times as much
 * as reading bytes. Each reader writes over a buffer of its own, grown for a longer text: read the bytes
 * before asking for the next text's.
 */
export class AsciiBytes {
  private scratch = new Uint8Array(1 << 12);
  private static readonly encoder = new TextEncoder();

  /** The bytes of `text` when it is all ASCII (one byte a character), else undefined. */
  of(text: string): Uint8Array | undefined {
    if (text.length > this.scratch.length) {
      this.scratch = new Uint8Array(2 ** Math.ceil(Math.log2(text.length)));
    }
    const { read, written } = AsciiBytes.encoder.encodeInto(text, this.scratch);
    // UTF-8 takes two bytes or more for any other character.
    return read === text.length && written === text.length ? this.scratch.subarray(0, written) : undefined;
  }
}

/** An ASCII letter or digit; -1, for no character, is neither. */
export function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
}
