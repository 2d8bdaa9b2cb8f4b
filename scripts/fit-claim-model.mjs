#!/usr/bin/env node
/**
 * Refits the weights of the claim model (server/data/claim-model.json) by L2-regularised logistic regression on the
 * development half of the labelled evaluation data that sits beside the repository (../shared/eval: ClaimBuster's
 * check-worthiness labels and the real articles' `claim` labels). The features are the cue categories of our own
 * cue lexicon and the sentence-shape features of `claimFeatures`; no word of the evaluation data enters the product.
 *
 *   npm run build && node scripts/fit-claim-model.mjs [--eval DIR] [--extra DIR,…] [--test DIR,…] [--write]
 *
 * Without --write it prints the weights and the fit's figures. The threshold is chosen on the training data for a
 * claim precision of at least 0.70 on the real articles (editors want few false alarms), then fixed in the file;
 * --sweep prints precision and recall for thresholds around it, to set a stricter one by hand (ARCHITECTURE.md says
 * why the shipped threshold is what it is). The engine refuses a model file whose features differ from those it
 * counts (`validateClaimModel` in claims.ts), so refit after adding or renaming a cue category.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const evalDir = args.includes('--eval') ? args[args.indexOf('--eval') + 1] : path.resolve(root, '../shared/eval');
const { lint } = await import(path.join(root, 'server/out/engine/index.js'));
const { claimFeatures, claimModelFeatures } = await import(path.join(root, 'server/out/engine/claims.js'));
const { builtInLexicons } = await import(path.join(root, 'server/out/engine/lexicon.js'));
const { tokenize } = await import(path.join(root, 'server/out/engine/words.js'));
const cues = builtInLexicons().get('unsourced-claim');
const modelFile = path.join(root, 'server/data/claim-model.json');
const model = JSON.parse(fs.readFileSync(modelFile, 'utf8'));
const MAX_COUNT = 3;
/** How much more a real article's sentence counts than a debate transcript's (`--wild-weight N`, default 2). */
const WILD_WEIGHT = args.includes('--wild-weight') ? Number(args[args.indexOf('--wild-weight') + 1]) : 2;
const readJsonl = (f) =>
  fs
    .readFileSync(f, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

/**
 * Samples: { x: feature counts, y: 0/1, set }. Real articles count more (WILD_WEIGHT): they are what the product is
 * judged on.
 */
const samples = [];
for (const row of readJsonl(path.join(evalDir, 'claimbuster.jsonl'))) {
  const text = row.text ?? row.sentence;
  samples.push({
    x: claimFeatures(text, tokenize(text), cues).counts,
    y: row.checkworthy ? 1 : 0,
    w: 1,
    set: 'claimbuster',
  });
}
/** The sentences of a folder of labelled articles (`wild/` beside the eval data, or another labelled the same way). */
function addArticles(wild, set, weight) {
  for (const name of fs.readdirSync(wild).filter((f) => f.endsWith('.md'))) {
    const text = fs.readFileSync(path.join(wild, name), 'utf8');
    const rows = readJsonl(path.join(wild, name.replace(/\.md$/, '.labels.jsonl')));
    const { claims } = lint(text, { filePath: path.join(wild, name) });
    let cursor = 0;
    for (const row of rows) {
      const at = text.indexOf(row.text, cursor);
      cursor = at + row.text.length;
      const claim = claims.find((c) => c.sentence.span.start < cursor && at < c.sentence.span.end);
      if (!claim) continue;
      const s = claim.sentence;
      samples.push({ x: claimFeatures(s.text, s.words, cues).counts, y: row.claim ? 1 : 0, w: weight, set });
    }
  }
}
addArticles(path.join(evalDir, 'wild'), 'wild', WILD_WEIGHT);
// More articles labelled by the same guidelines (`--extra DIR,DIR`, each holding a wild/ folder) train with the eval's
// own; `--test DIR,DIR` only reports the fit's figures on them, for a check on articles the fit never saw.
const dirsOf = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1].split(',') : []);
for (const dir of dirsOf('--extra')) addArticles(path.join(dir, 'wild'), 'wild', WILD_WEIGHT);
for (const dir of dirsOf('--test')) addArticles(path.join(dir, 'wild'), 'test', 0);

// Every feature the engine counts, seen in the data or not: the engine refuses a model that misses one.
const features = claimModelFeatures();
const vec = (x) => features.map((f) => Math.min(x[f] ?? 0, MAX_COUNT));
const X = samples.map((s) => vec(s.x));
let w = features.map(() => 0);
let b = 0;
const L2 = 0.01;
const sigmoid = (z) => 1 / (1 + Math.exp(-z));
for (let epoch = 0; epoch < 3000; epoch++) {
  const gw = w.map(() => 0);
  let gb = 0;
  let total = 0;
  for (let i = 0; i < X.length; i++) {
    const z = X[i].reduce((a, v, j) => a + v * w[j], b);
    const err = (sigmoid(z) - samples[i].y) * samples[i].w;
    for (let j = 0; j < w.length; j++) gw[j] += err * X[i][j];
    gb += err;
    total += samples[i].w;
  }
  w = w.map((v, j) => v - 0.5 * (gw[j] / total + L2 * v));
  b -= 0.5 * (gb / total);
}

const scoreOf = (x) => x.reduce((a, v, j) => a + v * w[j], 0);
function prf(threshold, set) {
  let tp = 0,
    fp = 0,
    fn = 0;
  samples.forEach((s, i) => {
    if (s.set !== set) return;
    const pred = scoreOf(X[i]) >= threshold;
    if (pred && s.y) tp++;
    else if (pred) fp++;
    else if (s.y) fn++;
  });
  const p = tp / (tp + fp || 1),
    r = tp / (tp + fn || 1);
  return { p: +p.toFixed(3), r: +r.toFixed(3), f1: +((2 * p * r) / (p + r || 1)).toFixed(3) };
}
let threshold = -b;
for (let t = -b - 2; t <= -b + 2; t += 0.05) {
  const m = prf(t, 'wild');
  if (m.p >= 0.7) {
    threshold = t;
    break;
  }
}
const weights = Object.fromEntries(features.map((f, j) => [f, +w[j].toFixed(2)]));
console.log(JSON.stringify({ threshold: +threshold.toFixed(2), weights }, null, 1));
console.log('wild', prf(threshold, 'wild'), 'claimbuster', prf(threshold, 'claimbuster'), 'samples', samples.length);
if (dirsOf('--test').length > 0) console.log('test', prf(threshold, 'test'));
if (args.includes('--write')) {
  fs.writeFileSync(modelFile, JSON.stringify({ ...model, threshold: +threshold.toFixed(2), weights }, null, 2) + '\n');
  console.log(`wrote ${path.relative(root, modelFile)}`);
}
if (args.includes('--sweep')) {
  for (let t = threshold - 0.5; t <= threshold + 1; t += 0.1)
    console.log(t.toFixed(2), 'wild', prf(t, 'wild'), 'cb', prf(t, 'claimbuster'), 'test', prf(t, 'test'));
}
