import { availableParallelism } from 'node:os';
import path from 'node:path';
import { DocumentReader } from './readers/document-reader';
import { type ContentFileRead, readContentFile } from './readers/read-content-file';
import { FORMAT_EXTENSIONS, type ReadingLimits } from './readers/types';
import { TextFilesThread } from './text-files-thread';

/** Files the main thread reads at once, its reads waiting on the disk together. */
const READ_CONCURRENCY = 16;
/**
 * From this many `.txt` files on, threads of their own read and parse them: fewer are read in less time
 * than a thread takes to start.
 */
export const THREADED_TEXT_FILES = 2000;
/** `.txt` files a text thread is sent at once: a few tens of milliseconds of its work. */
const THREAD_BATCH = 256;
/** Text threads at most: the machine's cores beyond two are left to the rest of the bot. */
const MAX_TEXT_THREADS = 2;

/**
 * Reads every file of `files` (relative to `dir`), each as {@link readContentFile} reads it, and returns
 * what became of each, in their order. Formats other than `.txt` are read on the document reader's
 * thread, within `limits`. A corpus of {@link THREADED_TEXT_FILES} `.txt` files or more has them read
 * and parsed on threads of their own, one per core up to {@link MAX_TEXT_THREADS}, in batches, reading
 * synchronously (a thread's promises for each step of reading a small file cost more than the read); the
 * main thread only receives them, and stays free to answer questions while they are read. Whatever a
 * thread could not read (it stopped) the main thread reads. `onRead` is given each file as it is read, in
 * the order they come (on threads, a batch's files once the thread has the next batch to read).
 */
export async function readCorpusFiles(
  dir: string,
  files: readonly string[],
  limits: ReadingLimits,
  onRead?: (read: ContentFileRead) => void,
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
        onRead?.(outcomes[i]);
      });
    }
  };
  try {
    if (textPlaces.length < THREADED_TEXT_FILES) {
      await readHere(files.map((_, place) => place));
      return reads;
    }
    // The text threads take batches from the front of one queue; the main thread reads the other
    // formats, which wait on the document reader's thread, and then what a stopped thread left.
    const queue = { places: textPlaces, next: 0 };
    const take = () => {
      const taken = queue.places.slice(queue.next, queue.next + THREAD_BATCH);
      queue.next += taken.length;
      return taken;
    };
    const threads = Array.from({ length: textThreadCount() }, () => new TextFilesThread());
    const unread: number[] = [];
    const readOn = async (thread: TextFilesThread) => {
      // Batches sent and not yet replied to: two, so that the thread has the next one to read while the
      // main thread, perhaps busy with `onRead`, has not yet taken in the last.
      const sent: { batch: number[]; reading: Promise<ContentFileRead[]> }[] = [];
      const send = () => {
        while (sent.length < 2) {
          const batch = take();
          if (batch.length === 0) return;
          const reading = thread.read(
            dir,
            batch.map((place) => files[place]),
          );
          reading.catch(() => undefined);
          sent.push({ batch, reading });
        }
      };
      send();
      for (let next = sent.shift(); next !== undefined; next = sent.shift()) {
        let outcomes: ContentFileRead[];
        try {
          outcomes = await next.reading;
        } catch {
          for (const { batch } of [next, ...sent]) unread.push(...batch);
          return;
        }
        send();
        next.batch.forEach((place, i) => {
          reads[place] = outcomes[i];
          onRead?.(outcomes[i]);
        });
      }
    };
    try {
      const onThreads = Promise.all(threads.map(readOn));
      await readHere(otherPlaces);
      await onThreads;
      // What a stopped thread had taken, and what no thread was left to take.
      await readHere([...unread, ...queue.places.slice(queue.next)]);
    } finally {
      await Promise.all(threads.map((thread) => thread.close()));
    }
    return reads;
  } finally {
    await reader.close();
  }
}

/** How many text threads to start: one per core, up to {@link MAX_TEXT_THREADS}. */
function textThreadCount(): number {
  return Math.max(1, Math.min(MAX_TEXT_THREADS, availableParallelism()));
}

/** A `.txt` file (any extension without a reader of its own is read as one). */
function isPlainText(file: string): boolean {
  return FORMAT_EXTENSIONS[path.extname(file).toLowerCase()] === undefined;
}
