import nock from 'nock';

/**
 * For the tests of the enclosing `describe`: the network is closed but for nock's interceptors, and each
 * test must use every interceptor it set up (a call the code should have made and did not fails it).
 */
export function nockOnly(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
  afterAll(() => nock.enableNetConnect());
}
