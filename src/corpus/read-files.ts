import path from 'node:path';
import { DocumentReader } from './readers/document-reader';
import { type ContentFileRead, readContentFile } from './readers/read-content-file';
import { FORMAT_EXTENSIONS, type ReadingLimits } from './readers/types';
import { TextFilesThread } from './text-files-thread';

/** Files the main thread reads at once, its reads waiting on the disk together. */
const READ_CONCURRENCY = 16;
/**
 * From this many `.txt` files on, a thread of their own reads and parses a share of them: fewer are read
 * in less time than the thread takes to start.
 */
export const THREADED_TEXT_FILES = 2000;
/** `.txt` files the text thread is sent at once: a few tens of milliseconds of its work. */
const THREAD_BATCH = 256;

/**
 * Reads every file of `files` (relative to `dir`), each as {@link readContentFile} reads it, and returns
 * what became of each, in their order. Formats other than `.txt` are read on the document reader's
 * thread, within `limits`. Of a corpus of {@link THREADED_TEXT_FILES} `.txt` files or more, a thread of
 * their own takes batches of them while the main thread reads the rest, file by file, as it always does;
 * whatever that thread could not read (it stopped) is read by the main thread.
 */
export async function readCorpusFiles(
  dir: string,
  files: readonly string[],
  limits: ReadingLimits,
): Promise<ContentFileRead[]> {
  const reads: ContentFileRead[] = new Array(files.length);
  const textPlaces: number[] = [];
  const otherPlaces: number[] = [];
  files.forEach((file, place) => {
    (isPlainText(file) ? textPlaces : otherPlaces).push(place);
  });
  const reader = new DocumentReader(limits);
  const readHere = async (places: number[]) => {
    for (let start = 0; start < places.length; start += READ_CONCURRENCY) {
      const batch = places.slice(start, start + READ_CONCURRENCY);
      const outcomes = await Promise.all(
        batch.map((place) => readContentFile(dir, files[place], reader, limits)),
      );
      batch.forEach((place, i) => {
        reads[place] = outcomes[i];
      });
    }
  };
  try {
    if (textPlaces.length < THREADED_TEXT_FILES) {
      await readHere(files.map((_, place) => place));
      return reads;
    }
    // Both threads take the text files from the front of one queue; the main thread reads the other
    // formats first, which wait on the document reader's thread.
    const queue = { places: textPlaces, next: 0 };
    const take = (count: number) => {
      const taken = queue.places.slice(queue.next, queue.next + count);
      queue.next += taken.length;
      return taken;
    };
    const thread = new TextFilesThread();
    const unread: number[] = [];
    const onThread = (async () => {
      for (let batch = take(THREAD_BATCH); batch.length > 0; batch = take(THREAD_BATCH)) {
        try {
          const outcomes = await thread.read(
            dir,
            batch.map((place) => files[place]),
          );
          batch.forEach((place, i) => {
            reads[place] = outcomes[i];
          });
        } catch {
          unread.push(...batch);
          return;
        }
      }
    })();
    try {
      await readHere(otherPlaces);
      for (let batch = take(READ_CONCURRENCY); batch.length > 0; batch = take(READ_CONCURRENCY)) {
        await readHere(batch);
      }
      await onThread;
      await readHere(unread);
    } finally {
      await thread.close();
    }
    return reads;
  } finally {
    await reader.close();
  }
}

/** A `.txt` file (any extension without a reader of its own is read as one). */
function isPlainText(file: string): boolean {
  return FORMAT_EXTENSIONS[path.extname(file).toLowerCase()] === undefined;
}
