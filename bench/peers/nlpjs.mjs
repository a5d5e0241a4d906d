// Peer: NLP.js (node-nlp 4.x) with its Chinese support (@nlpjs/lang-zh: CEDICT longest-match segmentation, pinyin
// stems), trained on our exported training set. Every example counts once, as in every system here.
// Writes one raw prediction per case: its classifications with scores and the warm per-utterance latency.
// Usage: node nlpjs.mjs training.tsv out_dir test.jsonl...
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { readTraining, readCases } from './common.mjs';

const { NlpManager } = createRequire(import.meta.url)('node-nlp');
const [training, outDir, ...tests] = process.argv.slice(2);

// useNoneFeature off: out_of_scope is a trained class here, like in every other row, and the threshold is chosen later.
const manager = new NlpManager({ languages: ['zh'], autoSave: false, nlu: { log: false, useNoneFeature: false } });
for (const { text, label } of readTraining(training)) manager.addDocument('zh', text, label);
let start = performance.now();
await manager.train();
console.error(`NLP.js: trained in ${((performance.now() - start) / 1000).toFixed(1)} s`);

// Only the classifier: process() would also run NER and sentiment, which the other rows do not pay for.
const classify = (text) => manager.nlp.classify('zh', text);
for (const test of tests) {
  const cases = readCases(test);
  for (const c of cases.slice(0, 500)) await classify(c.text);
  const lines = [];
  for (const c of cases) {
    const t = performance.now();
    const result = await classify(c.text);
    const ms = performance.now() - t;
    const ranked = result.classifications.slice(0, 5).map((x) => [x.intent, x.score]);
    lines.push(JSON.stringify({ ranked, ms }));
  }
  writeFileSync(join(outDir, 'nlpjs-' + basename(test)), lines.join('\n') + '\n');
}
