import { chmod, mkdir, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { botFolder, botUser, LiveCorpusProcess } from './support/live-corpus-process';

/**
 * The corpus stays live through real file-system trouble. Each case runs the bot's corpus in its own
 * process on a real folder, causes the trouble, then checks that a document added afterwards is answered
 * and that the log says what happened. Permission cases need a process that permissions apply to: under
 * root it runs as `nobody`.
 */

const DOCS = {
  lighthouse: {
    text: 'Lighthouse keepers strike in Norway\n\nThe lighthouse keepers of northern Norway went on strike on Monday over pay. The union said the strike would last a week.\n',
    question: 'Why did the lighthouse keepers strike?',
  },
  glacier: {
    text: 'Glacier melt speeds up in Iceland\n\nScientists reported that the Vatnajokull glacier lost 12 billion tonnes of ice this winter, more than in any year on record. The melt was blamed on warm winds.\n',
    question: 'How much ice did the glacier lose?',
  },
  orchard: {
    text: "Frost ruins the Kent apple harvest\n\nOrchard growers in Kent said a late spring frost destroyed half of this year's apple blossom. The growers expect the smallest harvest in twenty years.\n",
    question: 'What destroyed the apple blossom in Kent?',
  },
  beekeeper: {
    text: 'Slovenian beekeepers sell record honey\n\nBeekeepers in Slovenia sold a record 2,400 tonnes of honey last year, the national beekeeping association said. Exports to Austria doubled.\n',
    question: 'How much honey did beekeepers in Slovenia sell?',
  },
};

const itWithPermissions = botUser.skipReason ? it.skip : it;
if (botUser.skipReason) {
  // Said once, so a skipped permission case is never mistaken for a pass.
  console.warn(`Skipping the unreadable-file cases: ${botUser.skipReason}`);
}

describe('a live corpus in file-system trouble', () => {
  let base: string;
  let corpus: string;
  let bot: LiveCorpusProcess | undefined;

  beforeEach(async () => {
    base = await botFolder();
    corpus = path.join(base, 'corpus');
    await mkdir(corpus);
    await writeFile(path.join(corpus, 'lighthouse.txt'), DOCS.lighthouse.text);
  });

  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
    await chmod(corpus, 0o755).catch(() => undefined);
    await rm(base, { recursive: true, force: true });
  });

  /** Writes one of {@link DOCS} into `folder` (the corpus by default) and waits until it is answered from there. */
  async function addAndExpectAnswered(name: keyof typeof DOCS, folder = corpus): Promise<void> {
    const fullPath = path.join(folder, `${name}.txt`);
    await writeFile(fullPath, DOCS[name].text);
    const file = path.relative(corpus, fullPath).split(path.sep).join('/');
    await (bot as LiveCorpusProcess).eventuallyAnswers(DOCS[name].question, file);
  }

  it('watches a corpus folder again after it is deleted and recreated', async () => {
    bot = await LiveCorpusProcess.start(corpus);
    await rm(corpus, { recursive: true });
    await bot.eventuallyLogs(/corpus\/? was removed; still answering from the documents already loaded/);
    expect((await bot.ask(DOCS.lighthouse.question)).answered).toBe(true);

    await mkdir(corpus);
    await writeFile(path.join(corpus, 'lighthouse.txt'), DOCS.lighthouse.text);
    await addAndExpectAnswered('orchard');
    expect(bot.log).toMatch(/is back; watching it again and reloading/);

    // The new folder is watched by events, not only found again.
    await addAndExpectAnswered('glacier');
  }, 60000);

  it('skips a symbolic link loop with a warning and keeps watching, during and after it', async () => {
    bot = await LiveCorpusProcess.start(corpus);
    await symlink('b.txt', path.join(corpus, 'a.txt'));
    await symlink('a.txt', path.join(corpus, 'b.txt'));
    await addAndExpectAnswered('orchard');
    await bot.eventuallyLogs(/a\.txt: skipped: a symbolic link loop/);

    await unlink(path.join(corpus, 'a.txt'));
    await unlink(path.join(corpus, 'b.txt'));
    await addAndExpectAnswered('glacier');
    expect((await bot.ask(DOCS.lighthouse.question)).answered).toBe(true);
  }, 60000);

  itWithPermissions(
    'skips an unreadable subfolder alone, keeps reloading the rest, and picks it up when it can be read again',
    async () => {
      const reports = path.join(corpus, 'reports');
      await mkdir(reports);
      await writeFile(path.join(reports, 'beekeeper.txt'), DOCS.beekeeper.text);
      bot = await LiveCorpusProcess.start(corpus);
      await bot.eventuallyAnswers(DOCS.beekeeper.question, 'reports/beekeeper.txt');

      await chmod(reports, 0o000);
      await addAndExpectAnswered('orchard');
      await bot.eventuallyLogs(/reports\/: folder skipped: it could not be read \(EACCES/);
      expect(bot.log).not.toMatch(/reload failed/);
      expect((await bot.ask(DOCS.lighthouse.question)).answered).toBe(true);
      await bot.eventuallyAnswers(DOCS.beekeeper.question, undefined);

      await chmod(reports, 0o755);
      await bot.eventuallyAnswers(DOCS.beekeeper.question, 'reports/beekeeper.txt');
      await addAndExpectAnswered('glacier', reports);
    },
    60000,
  );

  itWithPermissions(
    'skips a subfolder that is unreadable from the start, and the reload of the rest goes on',
    async () => {
      await mkdir(path.join(corpus, 'locked'), { mode: 0o000 });
      bot = await LiveCorpusProcess.start(corpus);
      expect(bot.log).toMatch(/locked\/: folder skipped: it could not be read \(EACCES/);
      await addAndExpectAnswered('orchard');
      expect(bot.log).not.toMatch(/CORPUS_DIR .* cannot be read/);
    },
    60000,
  );

  itWithPermissions(
    'skips an unreadable file alone, keeps watching, and picks it up once its permission is restored',
    async () => {
      bot = await LiveCorpusProcess.start(corpus);
      const beekeeper = path.join(corpus, 'beekeeper.txt');
      await writeFile(beekeeper, DOCS.beekeeper.text, { mode: 0o000 });
      await chmod(beekeeper, 0o000);
      await bot.eventuallyLogs(/beekeeper\.txt: skipped: it could not be read \(EACCES/);

      await addAndExpectAnswered('orchard');
      expect((await bot.ask(DOCS.beekeeper.question)).answered).toBe(false);

      // chmod alone: no write, no touch.
      await chmod(beekeeper, 0o644);
      await bot.eventuallyAnswers(DOCS.beekeeper.question, 'beekeeper.txt');
      await addAndExpectAnswered('glacier');
    },
    60000,
  );

  itWithPermissions(
    'reads a file made readable while the bot was down, without replaying its old warning from the snapshot',
    async () => {
      const snapshots = await botFolder(true);
      try {
        const beekeeper = path.join(corpus, 'beekeeper.txt');
        await writeFile(beekeeper, DOCS.beekeeper.text);
        await chmod(beekeeper, 0o000);
        bot = await LiveCorpusProcess.start(corpus, { snapshotDir: snapshots });
        expect(bot.log).toMatch(/beekeeper\.txt: skipped: it could not be read/);
        expect(bot.log).toMatch(/snapshot saved/);
        await bot.stop();

        await chmod(beekeeper, 0o644);
        bot = await LiveCorpusProcess.start(corpus, { snapshotDir: snapshots });
        expect((await bot.ask(DOCS.beekeeper.question)).files[0]).toBe('beekeeper.txt');
        expect(bot.log).not.toMatch(/skipped/);
      } finally {
        await rm(snapshots, { recursive: true, force: true });
      }
    },
    60000,
  );
});
