// A setup file: runs in every test file, so that each removes the folders it made.
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp.ts';

afterAll(removeTempDirs);
