// (a) the floor: read the file and decode it as UTF-8, nothing else
import { createReadStream } from 'node:fs';
const decoder = new TextDecoder('utf-8', { fatal: true });
let chars = 0;
for await (const chunk of createReadStream(process.argv[2], { highWaterMark: 64 * 1024 })) chars += decoder.decode(chunk, { stream: true }).length;
chars += decoder.decode().length;
process.stdout.write(`${chars} characters\n`);
