import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('loaded-term', {
  valid: [
    // Words the labellers of real articles left unmarked nearly every time: a grave outcome, a regret, hearsay.
    'The harvest kept the year from becoming a catastrophe; unfortunately, it will not be repeated.',
    'The letter was supposedly lost in the post.',
    // News copy's descriptors of a party's wing (BABE's annotators marked them once in 21).
    'But far-right members of his coalition opposed the deal, as did the far left.',
    // A designation reported as such, and the attacks the word is the neutral name for.
    'Washington has designated the Lund Front a terrorist organization since 2018.',
    'The PKK, a group Turkey considers a terrorist organisation, strained relations.',
    'It was the deadliest terrorist attack in the country since 2001.',
    'Soviet advisers trained African officers in Mali.',
    'Several actors were killed in the attack, and corruption charges followed.',
    'The exchange rate regime ties the CFA franc to the euro.',
    'The sanctions regime was lifted in July.',
    'The revolution of 1789 swept away the old regime and its privileges.',
    'The minister called them “puppet leaders” in a speech.',
    // A label set off and followed by whose label it is.
    'The aim was not to catch Chechen terrorists, as the security service officially claims, but to recruit agents.',
    // British papers set quotations in single quotes; "can't" and "it's" do not close them.
    "The mayor backed the campaign, saying: 'I can't believe they did it. It's a puppet regime and they know it.'",
    '> Western powers imposed their own puppet leaders.',
    'See [the report](https://example.org/puppet-leaders-report) for details.',
    'The `regime` variable is code.',
    '---\ntitle: The regime\n---\n\nNeutral text.',
    { name: 'allowed by configuration', code: 'The regime fell.', config: { terms: { allow: ['regime'] } } },
    // News copy's neutral "forces loyal to", and "harsh" for a tone or a climate.
    'Forces loyal to the general shelled the port in May.',
    'The harsh rhetoric of the envoys worried the markets, as did the harsh winter.',
    // "Radical" said of an idea is no label for a group.
    'The plan was dismissed as too radical in 1950, and the party was at its best when it was radical.',
    // Words labellers of real articles and expert annotators left unmarked every time they met them: the factions of a
    // party described as news copy does, a need described as great.
    'The hardliners in the cabinet, led by the interior minister, took a hard-line stance on the strike.',
    'About 2 million people are in dire need of food aid.',
    'The deal was questionable from the start.',
    // History's descriptive words for a colonial economy and a turning point, and a count left vague.
    'The colony’s economy rested on the exploitation of its plantations, an exploitative system, and countless ports.',
    'The battle proved pivotal for the campaign.',
    // Descriptions the labellers of real articles left unmarked: a ruler, a technology, a charge, a theory.
    'The dictator of the island built cutting-edge chip plants, was found to have made unfair trades, and fed conspiracy theories.',
  ],
  invalid: [
    { code: 'Western powers tried to impose their own puppet leaders.', errors: [{ text: 'puppet leaders' }] },
    { code: 'The court handed down a harsh sentence.', errors: [{ text: 'harsh' }] },
    { code: 'Radical groups took the port.', errors: [{ text: 'Radical' }] },
    { code: 'The terrorists who took the port were hunted down.', errors: [{ text: 'terrorists' }] },
    { code: 'The floods had a devastating effect on the port.', errors: [{ text: 'devastating' }] },
    // A verdict on charges, an economy or a resource in the writer's voice.
    {
      code: 'The police brought trumped-up charges, the port’s economy is moribund and the archive is invaluable.',
      errors: [{ text: 'trumped-up' }, { text: 'moribund' }, { text: 'invaluable' }],
    },
    {
      name: 'a term broken over two lines is quoted as one line',
      code: 'The assembly was a rubber\nstamp for the government.',
      errors: [{ text: 'rubber\nstamp', message: /^"rubber stamp" is loaded language/ }],
    },
    {
      name: 'hyperbole about size or surprise is told apart from judgements of people and of measures',
      code: 'An arms deal with Delhi was unthinkable in 1990; the draconian tariffs of 2019 cost a staggering sum.',
      errors: [
        { text: 'unthinkable', message: /Hyperbole about size or surprise/ },
        { text: 'draconian', message: /how harsh a measure/ },
        { text: 'staggering', message: /Hyperbole about size or surprise/ },
      ],
    },
    {
      code: "Russia's involvement in Mali skyrocketed after the coup.",
      errors: [{ text: 'skyrocketed', message: /loaded language/ }],
    },
    { code: 'The regime in Bamako expelled the ambassador.', errors: [{ text: 'regime' }] },
    // "as" that opens a clause of the writer's, or a fact no one is said to say, leaves the label the writer's.
    { code: 'The regime fell as protesters said it would.', errors: [{ text: 'regime' }] },
    { code: 'They were terrorists, as everyone knows.', errors: [{ text: 'terrorists' }] },
    {
      name: 'after a quotation that goes on with the previous speaker, the words are the writer’s again',
      code: '“Nobody wants a blockade,” Minister Patel said.\n\n“We want open ports,” he added, before attacking the regime.',
      errors: [{ text: 'regime' }],
    },
    {
      code: 'Regimes fell.',
      errors: [
        {
          text: 'Regimes',
          suggestions: ['Replace with "Governments"', 'Replace with "Administrations"', 'Replace with "Authorities"'],
        },
      ],
    },
    {
      name: 'a newsroom term that repeats a built-in one reports once',
      code: 'The regime fell.',
      config: { terms: { add: [{ pattern: 'regime', rule: 'loaded-term', reason: 'House style.' }] } },
      errors: [{ text: 'regime' }],
    },
    { code: 'Russia took advantage of the chaos.', errors: [{ text: 'chaos' }] },
    {
      name: 'newsroom terms from configuration',
      code: 'The strongman-in-chief spoke.',
      config: {
        terms: {
          add: [
            { pattern: 'strongman-in-chief', rule: 'loaded-term', reason: 'House style.', alternatives: ['president'] },
          ],
        },
      },
      errors: [
        { text: 'strongman-in-chief', suggestions: ['Replace with "president"'], output: 'The president spoke.' },
      ],
    },
  ],
});

ruleTester('editorializing', {
  valid: [
    'Russia opposed Western actors in Ukraine.',
    'He spoke clearly in court: “Of course, I will appeal.”',
    // Labellers of real articles never marked these: "merely" restricts, "surely" asks; "arguably" hedges, and
    // "importantly" signposts the writer's argument.
    'The ceasefire merely paused the fighting. Surely the talks would resume in May?',
    'Arguably the treaty failed. More importantly, the port stayed open.',
  ],
  invalid: [
    {
      code: 'Russia opposes Western actors, as infamously illustrated with the war in Ukraine.',
      errors: [{ text: 'infamously' }],
    },
    { code: 'The obvious answer is that the sanctions failed.', errors: [{ text: 'obvious' }] },
    {
      code: 'Paradoxically, Russia has symbolised anti-imperialism.',
      errors: [{ text: 'Paradoxically', output: 'Russia has symbolised anti-imperialism.' }],
    },
    {
      code: 'It is apparent from the figures that the port is failing.',
      errors: [{ text: 'It is apparent from' }],
    },
  ],
});

ruleTester('unsupported-attribution', {
  valid: [
    'The World Bank says aid fell.',
    'Critics say the plan failed.[^1]\n\n[^1]: Named critics in Le Monde, 2022.',
    // The comma ends the clause: "people" is what the city holds, and CNN is who said so.
    'The city is home to about 800,000 people, said CNN.',
    // Named estimates and a view with its holder.
    'The Lund Institute’s estimates place the toll at 40,000.',
    'Other estimates by the Lund Institute place the toll at 40,000.',
    'The treaty was viewed as a failure by the Lund Institute.',
    // A preposition, imagining, a term people use, and a crowd of things rather than people.
    'The letter records the fears of various Lund researchers regarding the invasion.',
    'When people think of the war, they think of the men who went to the front.',
    'She stared at what these people call a harbour.',
    'The hotel is surrounded by some of the most valuable land in the city.',
    // The writer hedging their own argument hides no one: they are the one who argues it.
    'It can be argued that the embargo did more harm than good.',
    'It could be said that the envoy came too late.',
  ],
  invalid: [
    { code: 'Critics say the plan failed.', errors: [{ text: 'Critics say' }] },
    { code: 'It is believed that the talks failed.', errors: [{ text: 'It is believed' }] },
    // A report said to exist, a forecast with no forecaster.
    { code: 'The ministry reportedly sold the port in 1990.', errors: [{ text: 'reportedly' }] },
    { code: 'It is predicted that the port will close.', errors: [{ text: 'It is predicted' }] },
    // Claims, estimates and views said to exist, with no one to hold them.
    { code: 'There are claims that the dams cut the river’s flow.', errors: [{ text: 'There are claims that' }] },
    { code: 'The general consensus is that the sanctions worked.', errors: [{ text: 'The general consensus is' }] },
    { code: 'Some estimates place the toll at 40,000.', errors: [{ text: 'Some estimates place' }] },
    { code: 'The treaty is often viewed as a failure.', errors: [{ text: 'is often viewed as' }] },
    // A passive of belief or fear hides who believes or fears.
    { code: 'Only landowners were believed to have the vote.', errors: [{ text: 'were believed to' }] },
    { code: 'The ferry was feared to have sunk.', errors: [{ text: 'was feared to' }] },
    {
      code: 'The old council is often wrongly described as corrupt.',
      errors: [{ text: 'is often wrongly described as' }],
    },
  ],
});

ruleTester('relative-time', {
  valid: [
    'In October 2022, the minister visited Moscow.',
    // A date said beside the term anchors it.
    'The latest coup, on August 18th, has familiar echoes.',
    'A truce was signed in Geneva in 2015, the latest of several such deals.',
    'Last week, on 3 March, the council voted to close the port.',
    // "may" the modal, not the month.
    'This may be the end of the coalition, and next may bring another vote.',
  ],
  invalid: [
    { code: 'Finally, last October, the minister visited Russia.', errors: [{ text: 'last October' }] },
    { code: 'The talks resume this May in Geneva.', errors: [{ text: 'this May' }] },
    { code: 'The partnership has recently grown.', errors: [{ text: 'recently' }] },
    // A year that labels a thing is no time: "recently" still rots.
    { code: 'The agency recently published its 2019 report on the floods.', errors: [{ text: 'recently' }] },
  ],
});
