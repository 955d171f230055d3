import { ConfigError, loadConfig } from '../../src/config/config';

describe('reading limits and CORPUS_URL', () => {
  it('default to 50 MB, 1000 pages, 120 s and no links', () => {
    expect(loadConfig({}).reading).toEqual({
      limits: { maxBytes: 50 * 1024 * 1024, maxPdfPages: 1000, timeoutMs: 120_000 },
      corpusUrl: undefined,
    });
  });

  it('are read from the environment, the URL ending in a slash', () => {
    const config = loadConfig({
      DOCUMENT_MAX_MB: '5',
      PDF_MAX_PAGES: '300',
      DOCUMENT_READ_TIMEOUT_SECONDS: '30',
      CORPUS_URL: 'https://intranet.example.com/docs',
    });
    expect(config.reading).toEqual({
      limits: { maxBytes: 5 * 1024 * 1024, maxPdfPages: 300, timeoutMs: 30_000 },
      corpusUrl: 'https://intranet.example.com/docs/',
    });
  });

  it('reports every bad setting at once, with how to fix it', () => {
    let error: unknown;
    try {
      loadConfig({
        DOCUMENT_MAX_MB: 'lots',
        PDF_MAX_PAGES: '0',
        DOCUMENT_READ_TIMEOUT_SECONDS: '-1',
        CORPUS_URL: 'intranet/docs',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/DOCUMENT_MAX_MB must be a whole number of megabytes/);
    expect(problems).toMatch(/PDF_MAX_PAGES must be a whole number of pages/);
    expect(problems).toMatch(/DOCUMENT_READ_TIMEOUT_SECONDS must be a whole number of seconds/);
    expect(problems).toMatch(/CORPUS_URL must be the http\(s\) URL/);
  });
});
