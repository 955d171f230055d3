import { promises as fs } from 'node:fs';

/** Bytes read at a time by a {@link FileLineReader} unless told otherwise. */
export const READ_BLOCK_BYTES = 4 * 1024 * 1024;

const NEWLINE = 0x0a;

/** One line of a file: its text, and its bytes with the newline that ends it (none on a last line without one). */
export interface FileLine {
  text: string;
  bytes: Buffer;
}

/**
 * Reads a UTF-8 file front to back, line by line or, where the caller knows a run of raw bytes comes,
 * straight into its memory. Lines are split on the raw bytes, `blockBytes` read at a time: far cheaper
 * than a line reader's pattern over decoded text for a snapshot's lines, each a chunk of a few hundred
 * kilobytes, and giving the bytes a checksum covers without encoding the text again.
 */
export class FileLineReader {
  /** The block read last, and where in it the next line starts. */
  private block: Buffer = Buffer.alloc(0);
  private start = 0;

  private constructor(
    private readonly handle: fs.FileHandle,
    private readonly blockBytes: number,
  ) {}

  /** Opens `file` for reading; {@link FileLineReader.close} closes it. */
  static async open(file: string, blockBytes = READ_BLOCK_BYTES): Promise<FileLineReader> {
    return new FileLineReader(await fs.open(file, 'r'), blockBytes);
  }

  /** The next line, or undefined at the end of the file. */
  async line(): Promise<FileLine | undefined> {
    // The start of a line that runs on into the next block.
    const pieces: Buffer[] = [];
    for (;;) {
      const end = this.block.indexOf(NEWLINE, this.start);
      if (end >= 0) {
        const rest = this.block.subarray(this.start, end + 1);
        this.start = end + 1;
        const bytes = pieces.length > 0 ? Buffer.concat([...pieces, rest]) : rest;
        return { text: bytes.toString('utf8', 0, bytes.length - 1), bytes };
      }
      if (this.start < this.block.length) pieces.push(this.block.subarray(this.start));
      if (!(await this.nextBlock())) break;
    }
    if (pieces.length === 0) return undefined;
    const bytes = Buffer.concat(pieces);
    return { text: bytes.toString('utf8'), bytes };
  }

  /**
   * Fills `target` with the file's next bytes, those left of the block read last and the rest read
   * straight into it; throws when the file ends first.
   */
  async read(target: Uint8Array): Promise<void> {
    const buffered = Math.min(target.length, this.block.length - this.start);
    target.set(this.block.subarray(this.start, this.start + buffered));
    this.start += buffered;
    for (let filled = buffered; filled < target.length; ) {
      const { bytesRead } = await this.handle.read(target, filled, target.length - filled, null);
      if (bytesRead === 0) throw new Error(`the file ends ${target.length - filled} bytes short`);
      filled += bytesRead;
    }
  }

  close(): Promise<void> {
    return this.handle.close();
  }

  private async nextBlock(): Promise<boolean> {
    const { bytesRead, buffer } = await this.handle.read(
      Buffer.allocUnsafe(this.blockBytes),
      0,
      this.blockBytes,
      null,
    );
    this.block = buffer.subarray(0, bytesRead);
    this.start = 0;
    return bytesRead > 0;
  }
}
