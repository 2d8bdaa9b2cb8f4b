/** The claim model is checked when it loads: a weight nothing counts, or a feature with no weight, fails loudly. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { claimModelFeatures, validateClaimModel } from 'sourcelint/engine/claims.js';
import { lint } from 'sourcelint';

const shipped = JSON.parse(fs.readFileSync(new URL('../../server/data/claim-model.json', import.meta.url), 'utf8')) as {
  threshold: number;
  weights: Record<string, number>;
  exclude: { categories: string[]; withoutPast: string[] };
  context: { margin: number };
  personal: { share: number; margin: number };
};
const cues = JSON.parse(
  fs.readFileSync(new URL('../../server/data/claims/claim-cues.json', import.meta.url), 'utf8'),
) as { entries: Array<{ category: string }> };
const categories = [...new Set(cues.entries.map((e) => e.category))];

test('the shipped model weighs exactly the features the engine counts, less the categories that exclude a sentence', () => {
  assert.deepEqual(Object.keys(validateClaimModel(shipped, categories).weights).sort(), claimModelFeatures());
  for (const category of categories)
    assert.ok(claimModelFeatures().includes(category) !== shipped.exclude.categories.includes(category), category);
});

test('an exclusion naming an unknown category fails', () => {
  const exclude = { ...shipped.exclude, withoutPast: [...shipped.exclude.withoutPast, 'predictions'] };
  assert.throws(() => validateClaimModel({ ...shipped, exclude }, categories), /unknown feature "predictions"/);
});

test('an unknown feature name fails, naming it', () => {
  const renamed = { ...shipped, weights: { ...shipped.weights, 'completed-events': 0.4 } };
  assert.throws(() => validateClaimModel(renamed, categories), /unknown feature "completed-events"/);
});

test('a feature with no weight fails instead of weighing zero', () => {
  const weights: Record<string, number> = { ...shipped.weights };
  delete weights.superlative;
  assert.throws(() => validateClaimModel({ ...shipped, weights }, categories), /no weight for "superlative"/);
  // A cue category added to the lexicon but not refitted is the same mistake.
  assert.throws(() => validateClaimModel(shipped, [...categories, 'new-category']), /no weight for "new-category"/);
});

test('a threshold or weight that is not a number fails', () => {
  assert.throws(() => validateClaimModel({ weights: shipped.weights }, categories), /"threshold" must be a number/);
  assert.throws(
    () => validateClaimModel({ ...shipped, weights: { ...shipped.weights, event: '0.5' } }, categories),
    /weight of "event" is not a number/,
  );
  assert.throws(() => validateClaimModel(null, categories), /threshold/);
});

test('unnamedViews must name categories and give a numeric minimum score', () => {
  assert.throws(
    () => validateClaimModel({ ...shipped, unnamedViews: { categories: 'passive-attribution' } }, categories),
    /"unnamedViews.categories" must be an array/,
  );
  assert.throws(
    () => validateClaimModel({ ...shipped, unnamedViews: { categories: [], minScore: 'low' } }, categories),
    /"unnamedViews.minScore" must be a number/,
  );
});

test('context.margin must be a number of 0 or more', () => {
  for (const margin of ['wide', -0.5])
    assert.throws(
      () => validateClaimModel({ ...shipped, context: { margin } }, categories),
      /"context.margin" must be a number of 0 or more/,
    );
});

test('personal.share and personal.margin must be numbers in range', () => {
  for (const personal of [
    { share: 0, margin: 0.5 },
    { share: 1.5, margin: 0.5 },
    { share: 0.35, margin: -1 },
  ])
    assert.throws(
      () => validateClaimModel({ ...shipped, personal }, categories),
      /"personal\.(share|margin)" must be a number/,
      JSON.stringify(personal),
    );
});

test('in a personal account a claim needs the raised threshold unless it names a date or someone', () => {
  const claim =
    'The police arrested the union leaders at the docks, in front of their families and many of the neighbours from the streets around the old harbour gates.';
  const score = lint(claim).claims[0].score;
  // A plain claim, between the threshold and the raised one.
  assert.ok(score >= shipped.threshold && score < shipped.threshold + shipped.personal.margin, String(score));
  const flagged = (text: string) =>
    lint(text)
      .findings.filter((f) => f.ruleId.startsWith('unsourced'))
      .map((f) => f.ruleId);
  assert.deepEqual(flagged(claim), ['unsourced-claim']);
  const memoir = (sentence: string) =>
    [
      'I grew up by the harbour.',
      'My father worked on the cranes, and we lived by the gate.',
      'I remember the sirens at night.',
      sentence,
      'The port employed 4,000 men.',
    ].join(' ');
  // Its figures are still statistics.
  assert.deepEqual(flagged(memoir(claim)), ['unsourced-statistic']);
  // A claim that names a date or someone can be checked against the record, in a memoir as anywhere.
  const dated = claim.replace('at the docks', 'at the docks in 1981');
  assert.deepEqual(flagged(memoir(dated)), ['unsourced-claim', 'unsourced-statistic']);
});

test('a sentence of plain narration just short of the threshold is factual between two factual ones', () => {
  const short = 'Local councils were given more power.';
  const factualOf = (text: string): boolean | undefined =>
    lint(text).claims.find((c) => c.sentence.text === short)?.factual;
  // Alone it scores too low; amid a paragraph of narration it narrates with its neighbours.
  assert.equal(factualOf(short), false);
  assert.ok(lint(short).claims[0].score >= shipped.threshold - shipped.context.margin);
  const narration = `The occupation authorities dissolved the army in 1945. ${short} The new cabinet signed the treaty in 1951.`;
  assert.equal(factualOf(narration), true);
  // One factual neighbour is not enough, and a paragraph break parts them.
  assert.equal(factualOf(`The occupation authorities dissolved the army in 1945. ${short} What a pity.`), false);
  assert.equal(
    factualOf(
      `The occupation authorities dissolved the army in 1945.\n\n${short} The new cabinet signed the treaty in 1951.`,
    ),
    false,
  );
});

test('a first-person view weighs the same negated or stressed as plain ("I don\'t think", "I really believe")', () => {
  const scoreOf = (text: string): number => lint(text).claims[0].score;
  const plain = scoreOf('I think the Kenyan treasury planned the levy in 2017.');
  assert.ok(plain < scoreOf('The Kenyan treasury planned the levy in 2017.'));
  for (const variant of ["I don't think", 'I do not think', 'I really believe', 'We strongly believe'])
    assert.equal(scoreOf(`${variant} the Kenyan treasury planned the levy in 2017.`), plain, variant);
});

test('an event verb that modifies a noun is no event: "supply chain", "end users", "training data"', () => {
  const cueOf = (text: string): string | undefined => lint(text).claims[0].cue?.text;
  for (const text of [
    'The supply chain for the chips runs through Lund.',
    'The end users of the port are farmers.',
    'The training data is in the archive.',
    'The building blocks of the treaty are old.',
  ])
    assert.equal(cueOf(text), undefined, text);
  assert.equal(cueOf('The army will supply the rebels from Lund.'), 'supply');
  assert.equal(cueOf('The ministry will end the subsidy.'), 'end');
});
