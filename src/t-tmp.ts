import { readFileSync } from 'node:fs';
import { parseDocument } from './corpus/parse-document';

console.log(JSON.stringify(parseDocument(readFileSync(process.argv[2], 'utf8')), null, 1));
