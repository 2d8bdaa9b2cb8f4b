/** figures.ts branch by branch: what is a figure (and of which kind), and what only looks like one. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFigures } from 'sourcelint/engine/figures.js';
import { tokenize } from 'sourcelint/engine/words.js';

const figures = (sentence: string): Array<[string, string]> =>
  findFigures(sentence, tokenize(sentence)).map((f) => [f.kind, f.text]);

test('ratios: fractions, "one in five", "out of", "half a million", tallies near a vote', () => {
  assert.deepEqual(figures('Two-thirds of voters backed it.'), [['ratio', 'Two-thirds']]);
  assert.deepEqual(figures('About half of the budget went to defence.'), [['ratio', 'About half of']]);
  assert.deepEqual(figures('More than half of the wells are dry.'), [['ratio', 'More than half of']]);
  assert.deepEqual(figures('One in five children is stunted.'), [['ratio', 'One in five']]);
  assert.deepEqual(figures('Three out of 10 clinics closed.'), [['ratio', 'Three out of 10']]);
  assert.deepEqual(figures('Half a million people fled.'), [['ratio', 'Half a million']]);
  assert.deepEqual(figures('Tens of thousands marched.'), [['ratio', 'Tens of thousands']]);
  assert.deepEqual(figures('Thousands of families fled.'), [['count', 'Thousands']]);
  // A sense of scale in time or distance is no count: "for thousands of years", "hundreds of miles away".
  assert.deepEqual(figures('Salt was traded here for thousands of years.'), []);
  assert.deepEqual(figures('The ships sailed hundreds of miles from home.'), []);
  assert.deepEqual(figures('The vote was 3:1 in favour.'), [['ratio', '3:1']]);
  assert.deepEqual(figures('The motion won 9-3 in the vote.'), [['ratio', '9-3']]);
  // Fifths and tenths as well as halves, thirds and quarters; a count of parts without a hyphen.
  assert.deepEqual(figures('Nearly a fifth of the workers left.'), [['ratio', 'Nearly a fifth of']]);
  assert.deepEqual(figures('Two fifths of the budget went to the army.'), [['ratio', 'Two fifths of']]);
  assert.deepEqual(figures('Three quarters of the ballots were spoiled.'), [['ratio', 'Three quarters of']]);
  assert.deepEqual(figures('Roads cover one-tenth of the land.'), [['ratio', 'one-tenth']]);
  // A change by a fraction: "fell by a third", "cut by half", "grew by two thirds".
  assert.deepEqual(figures('Exports fell by a third in 2022.'), [['ratio', 'a third']]);
  assert.deepEqual(figures('The ration was cut by half in May.'), [['ratio', 'half']]);
  assert.deepEqual(figures('The army grew by two thirds.'), [['ratio', 'two thirds']]);
  assert.deepEqual(figures('The mayor stood by a third candidate.'), []);
  // An ordinal day is no share.
  assert.deepEqual(figures('The fifth of November is a holiday.'), []);
});

test('multipliers and spelled-out amounts', () => {
  assert.deepEqual(figures('Prices rose twice as fast as wages.'), [['ratio', 'twice']]);
  assert.deepEqual(figures('Exports doubled after the deal.'), [['ratio', 'doubled']]);
  assert.deepEqual(figures('It was five times more costly.'), [['multiplier', 'five times']]);
  assert.deepEqual(figures('It cost five million dollars.'), [['money', 'five million dollars']]);
  assert.deepEqual(figures('Fifteen countries signed.'), [['count', 'Fifteen']]);
  assert.deepEqual(figures('Zero percent of funds arrived.'), [['count', 'Zero percent']]);
  assert.deepEqual(figures('Revenue was 2022 dollars per head.'), [['money', '2022 dollars']]);
  // A range written with a hyphen reads as one figure; a range of years, a score and a dotted date do not.
  assert.deepEqual(figures('Fees run at 15-35% of the contract.'), [['percentage', '15-35%']]);
  assert.deepEqual(figures('The fund holds €6-6.5 billion.'), [['money', '€6-6.5 billion']]);
  assert.deepEqual(figures('Between 200-300 people came.'), [['count', '200-300']]);
  assert.deepEqual(figures('The 2019-2020 season was long.'), []);
  assert.deepEqual(figures('I give it 50-50 odds.'), []);
  assert.deepEqual(figures('The vote was 52-48 in the senate.'), [['ratio', '52-48']]);
  assert.deepEqual(figures('It was signed on 03.03.2025 in Lisbon.'), []);
  // South Asian scales, and a number after a scale only when another scale follows.
  assert.deepEqual(figures('Assets reached ₹82.22 lakh crore in June.'), [['money', '₹82.22 lakh crore']]);
  assert.deepEqual(figures('It was $33.67 million five years earlier.'), [['money', '$33.67 million']]);
  // A time or a place, then a count; a name, then what it counts.
  assert.deepEqual(figures('On Monday 40 had died.'), [['count', '40']]);
  assert.deepEqual(figures('In Kabul 40 had died.'), [['count', '40']]);
  assert.deepEqual(figures('The Red Cross 40 volunteers arrived.'), [['count', '40']]);
  assert.deepEqual(figures('It cost two million five hundred thousand dollars.'), [
    ['money', 'two million five hundred thousand dollars'],
  ]);
});

test('not figures: a range of hours with no vote near, ordinals, clock times, ages, decades, dates, names, vague plurals', () => {
  for (const sentence of [
    // A number that ends a group's name.
    'The Hong Kong 47 had been arrested in 2021.',
    'The activists, known as the Chicago 7, were tried in 1969.',
    // A course's number, however the sentence reaches it.
    'The chair of Geog 210, Ana Ruiz, cancelled the lecture.',
    'Tensions in the Geog 210 faculty grew.',
    'It is unclear how the dispute over Geog 210 will end.',
    'The talks ran 12-14 hours a day.',
    'The third of the envoys arrived late.',
    'The meeting started at 18:00.',
    'A 12-year-old girl was hurt.',
    'Aid rose in the 1990s and the 90s.',
    'He came 2nd in the race.',
    'The toll on August 14 and 15 was high.',
    'Dozens were arrested.',
    // Models and designations after an acronym, and numbered wars.
    'He rode a TVS 50 in the hills.',
    'We went from calm to World War 3 in a week.',
    // Durations, with an adjective too.
    'It took 14 short years and three long weeks.',
    // Early years after a time preposition.
    'In 882 Oleg took the city, and by 988, its prince had converted.',
    // Years of an era, spelled-out durations, target years past 2099.
    'Farming began around the Nile c. 3000 BCE and the city was founded in AD 700.',
    'The river fed the empire for three thousand years.',
    'The coast could be under water by 2100.',
    // Ages in a life story.
    'By the age of 22 he owned three trucks, and he retired aged 70.',
  ]) {
    assert.deepEqual(figures(sentence), [], sentence);
  }
  // A percentage followed by a year: the year is a time marker, not a second figure.
  assert.deepEqual(figures('Inflation hit 40% in 2022.'), [['percentage', '40%']]);
  // The code name is no figure, the count before it is.
  assert.deepEqual(figures('The army bought 40 F-16 jets.'), [['count', '40']]);
  // After an acronym, a number before its noun is still a count.
  assert.deepEqual(figures('The NATO 30 members met.'), [['count', '30']]);
  assert.deepEqual(figures('Germany sent Poland 40 tanks and the Red Cross 12 people.'), [
    ['count', '40'],
    ['count', '12'],
  ]);
  assert.deepEqual(figures('The border of Syria 40 km to the east was shut.'), [['count', '40']]);
  assert.deepEqual(figures('In 300 villages the wells ran dry.'), [['count', '300']]);
  assert.deepEqual(figures('By 2150 ships will sail it, for three thousand dollars.'), [
    ['count', '2150'],
    ['money', 'three thousand dollars'],
  ]);
  assert.deepEqual(figures('The average age of 40 pilots was 51.'), [
    ['count', '40'],
    ['count', '51'],
  ]);
});

test('a conversion in brackets is the same figure, a part in brackets is another', () => {
  assert.deepEqual(figures('The town lies 15km (9 miles) from the capital.'), [['count', '15km']]);
  assert.deepEqual(figures('The border runs for 1,200 kilometres (750 miles) of desert.'), [['count', '1,200']]);
  assert.deepEqual(figures('The deal is worth $5bn (£4bn) over ten years.'), [['money', '$5bn']]);
  assert.deepEqual(figures('The flood killed 40 people (12 children) in the valley.'), [
    ['count', '40'],
    ['count', '12'],
  ]);
});

test('not figures: the ages of a range and the second year of a fiscal year', () => {
  assert.deepEqual(figures('About 31 percent of people are between the ages of 10 and 24.'), [
    ['percentage', 'About 31 percent'],
  ]);
  assert.deepEqual(figures('The 2021–22 budget gave the program $120 million.'), [['money', '$120 million']]);
  // A count after a range of ages is still a count.
  assert.deepEqual(figures('Of those aged 18 to 25, 40 enlisted.'), [['count', '40']]);
});

test('a range joined by a dash is one figure; "per" belongs to a percentage only before "cent"', () => {
  assert.deepEqual(figures('The cost could reach $35–$40 per ton.'), [['money', '$35–$40']]);
  assert.deepEqual(figures('Inflation ran at 10–15% in the north.'), [['percentage', '10–15%']]);
  assert.deepEqual(figures('Fares rose by 40 per cent.'), [['percentage', '40 per cent']]);
});

test('not figures: a page or a note referred to by its abbreviation, and "100%" of certainty', () => {
  assert.deepEqual(figures('As Ruiz argues (2019, p. 41), the note at fn. 60 and pp. 12-14 say more.'), []);
  assert.deepEqual(figures('The second claim is 100% correct, and I am 100 per cent sure of it.'), []);
  // Without the full stop, or before anything but certainty, the numbers count.
  assert.deepEqual(figures('Turnout was 100% in the district and the p 40 tests failed.'), [
    ['percentage', '100%'],
    ['count', '40'],
  ]);
});

test('not figures: a provision cited by number, abbreviated or in lower case, whatever follows it', () => {
  assert.deepEqual(figures('Both the practice of Art. 27 (3) and the procedure of art. 35: converge.'), []);
  assert.deepEqual(figures('The powers in section 12 and paragraph 3 of article 27 apply.'), []);
  assert.deepEqual(figures('Under article 25 (1) and section 7(2), citizens are equal.'), []);
  // Before a plural it counts again: "season 2 episodes", read as two of them.
  assert.deepEqual(figures('The article 27 applies, and the season 12 episodes aired.'), [['count', '12']]);
});

test("not figures: the writer's own points, counted as the article lists them", () => {
  assert.deepEqual(figures('Here are my thoughts on 4 options, and 3 key lessons from the war.'), []);
  assert.deepEqual(figures('The coup had 2 immediate consequences, and these 2 outcomes led to 3 other things.'), []);
  // Things in the world are counted, whatever the article does with them.
  assert.deepEqual(figures('Rebels seized 4 towns and 12 villages.'), [
    ['count', '4'],
    ['count', '12'],
  ]);
});
