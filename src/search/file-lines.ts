import { promises as fs } from 'node:fs';

/** Bytes read at a time by {@link fileLines} unless told otherwise. */
export const READ_BLOCK_BYTES = 4 * 1024 * 1024;

const NEWLINE = 0x0a;

/** One line of a file: its text, and its bytes with the newline that ends it (none on a last line without one). */
export interface FileLine {
  text: string;
  bytes: Buffer;
}

/**
 * The lines of a UTF-8 file in order, read `blockBytes` at a time and split on the raw bytes: far cheaper
 * than a line reader's pattern over decoded text for a snapshot's lines, each a chunk of a few hundred
 * kilobytes, and giving the bytes a checksum covers without encoding the text again.
 */
export async function* fileLines(file: string, blockBytes = READ_BLOCK_BYTES): AsyncGenerator<FileLine> {
  const handle = await fs.open(file, 'r');
  try {
    // The start of a line that runs on into the next block.
    let pieces: Buffer[] = [];
    for (;;) {
      const { bytesRead, buffer } = await handle.read(Buffer.allocUnsafe(blockBytes), 0, blockBytes, null);
      if (bytesRead === 0) break;
      const block = buffer.subarray(0, bytesRead);
      let start = 0;
      for (let end = block.indexOf(NEWLINE); end >= 0; end = block.indexOf(NEWLINE, start)) {
        const rest = block.subarray(start, end + 1);
        const bytes = pieces.length > 0 ? Buffer.concat([...pieces, rest]) : rest;
        pieces = [];
        yield { text: bytes.toString('utf8', 0, bytes.length - 1), bytes };
        start = end + 1;
      }
      if (start < block.length) pieces.push(block.subarray(start));
    }
    if (pieces.length > 0) {
      const bytes = Buffer.concat(pieces);
      yield { text: bytes.toString('utf8'), bytes };
    }
  } finally {
    await handle.close();
  }
}
