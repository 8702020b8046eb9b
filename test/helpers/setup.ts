/**
 * Runs before every test file (vitest.config.ts setupFiles). The files of one worker share a
 * module graph (isolate: false), so each file starts from what a fresh process has: Dutch, and
 * no standard input buffered by an earlier file's in-process run.
 */
import { setLang } from '../../src/i18n/index.js';
import { useStdin } from '../../src/ingest/readers.js';

setLang('nl');
useStdin(undefined);
