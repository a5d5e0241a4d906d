// Shared by the Node peers: read the exported training set and a test set (../shared/eval/FORMAT.md).
import { readFileSync } from 'node:fs';

export const readTraining = (path) => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => {
  const [text, label] = line.split('\t');
  return { text, label };
});

export const readCases = (path) => readFileSync(path, 'utf8').split('\n')
  .filter((line) => line.trim() && !line.startsWith('#')).map((line) => JSON.parse(line));
