// nock (through @mswjs/interceptors) patches Node's own http and https modules, which every test file of
// a jest worker shares, not only the file that loads it. A later file's requests to a coop process it
// starts and kills then ran through the interceptor, which raised a dropped connection as an unhandled
// error. Each test file leaves them as it found them.
const http = require('node:http');
const https = require('node:https');

const saved = [
  [http, ['request', 'get', 'ClientRequest', 'Agent', 'globalAgent']],
  [https, ['request', 'get', 'Agent', 'globalAgent']],
].map(([module, keys]) => [module, Object.fromEntries(keys.map((key) => [key, module[key]]))]);

afterAll(() => {
  for (const [module, values] of saved) {
    for (const [key, value] of Object.entries(values)) if (module[key] !== value) module[key] = value;
  }
});
