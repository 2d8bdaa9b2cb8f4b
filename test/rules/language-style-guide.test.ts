// Lexicon entries written from style guidance (Wikipedia's words to watch, AP, Reuters, BBC): verdicts, belligerence
// labels, dramatic metaphors, dismissive and hyperbolic wording, loaded verbs of saying, doubt, euphemism, vague
// majorities. Every valid case is a plain or literal use, or someone else's words; every invalid case the writer's own
// loaded wording.
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('loaded-term', {
  valid: [
    { name: 'parties to a war are belligerents in law', code: 'Both belligerent parties signed the ceasefire in May.' },
    { name: 'ruins are literal after a siege', code: 'By May the old town lay in ruins.' },
    {
      name: 'liquidation of a company',
      code: 'The creditors voted to liquidate the shipping firm and sell its two tankers.',
    },
    {
      name: 'admitting a patient or a member is no confession',
      code: 'The hospital admitted 40 patients, and the bloc admitted two new members in 2004.',
    },
    { name: 'a plain "said"', code: 'The minister said that the port would reopen in June.' },
    {
      name: 'sidestepping a puddle is no evasion',
      code: 'The soldiers sidestepped the flooded road and crossed the field instead.',
    },
    {
      name: 'a named speaker’s verdict is the speaker’s',
      code: 'Foreign Minister Adeyemi said: "The blockade is unacceptable and irresponsible."',
    },
    {
      name: 'a label in a named speaker’s quotation',
      code: '"They are warmongers and their threats are empty promises," President Silva told reporters.',
    },
    { name: 'a policy term', code: 'The central bank kept an expansionist monetary policy through 2021.' },
    { name: 'an offence in law', code: 'Two men were charged with disturbing the peace.' },
    { name: 'a worry as a verb', code: 'Farmers are worrying about the late rains.' },
    { name: 'flimsy as a material', code: 'The families slept in flimsy tents by the road.' },
    {
      name: 'a real time bomb in a bombing report',
      code: 'Police said the bombers had planted a time bomb under the bridge before it was detonated.',
    },
    {
      name: 'a breeding ground of insects',
      code: 'The flooded fields became a breeding ground for mosquitoes, and larvae spread.',
    },
    { name: 'an accident', code: 'A cyclist fell under the bus at the junction.' },
    {
      name: 'a myth in a history of mythology',
      code: 'The Greek gods appear in many stories.\n\nThe myth of Prometheus tells of fire stolen from the gods.',
    },
    { name: 'unique without an intensifier', code: 'The archive holds a unique copy of the 1921 treaty.' },
    {
      name: 'rockets fired at a town are no figure',
      code: 'Militants rocketed the border town twice overnight.',
    },
    { name: 'corrupted files are no graft', code: 'The virus corrupted the ministry’s backup files.' },
    { name: 'a sham is not someone shamed', code: 'The council named and shamed landlords who broke the rules.' },
    { name: 'thundered as weather', code: 'Artillery thundered across the valley all night.' },
  ],
  invalid: [
    { code: 'The meteoric rise of the port drew traders.', errors: [{ text: 'meteoric' }] },
    { code: 'The health system is in shambles.', errors: [{ text: 'in shambles' }] },
    {
      code: 'The pledges ring hollow, and the gleefully cherry-picked figures made it a fool’s errand.',
      errors: [{ text: 'ring hollow' }, { text: 'gleefully' }, { text: 'cherry-picked' }, { text: 'fool’s errand' }],
    },
    {
      code: 'The tireless mayor faced an alarmist press and a dire budget.',
      errors: [{ text: 'tireless' }, { text: 'alarmist' }],
    },
    { code: 'The blockade is unacceptable.', errors: [{ text: 'unacceptable' }] },
    {
      name: 'a year typed with an opening quote (‘96) opens no quotation that hides the rest of the paragraph',
      code: 'In ‘96 the envoy backed a corrupt candidate, and in the ‘90s a brutal militia.',
      errors: [{ text: 'corrupt' }, { text: 'brutal' }],
    },
    { code: 'It was an irresponsible decision to cut the aid budget.', errors: [{ text: 'irresponsible' }] },
    { code: 'The raid was a blatant violation of the truce.', errors: [{ text: 'blatant' }] },
    { code: 'The navy has grown more bellicose since 2019.', errors: [{ text: 'bellicose' }] },
    { code: 'Its expansionist foreign policy alarms its neighbours.', errors: [{ text: 'expansionist' }] },
    { code: 'The border region has become a powder keg.', errors: [{ text: 'powder keg' }] },
    { code: 'The camps are a breeding ground for recruitment.', errors: [{ text: 'breeding ground' }] },
    { code: 'The summit paid lip service to reform.', errors: [{ text: 'lip service' }] },
    { code: 'The pledge was little more than empty rhetoric.', errors: [{ text: 'empty rhetoric' }] },
    { code: 'The deal was scrapped on a flimsy pretext.', errors: [{ text: 'flimsy pretext' }] },
    { code: 'The ministers threw the governor under the bus.', errors: [{ text: 'threw the governor under the bus' }] },
    { code: 'The region is a time bomb.', errors: [{ text: 'time bomb' }] },
    { code: 'The ministry turned a blind eye to the smuggling.', errors: [{ text: 'turned a blind eye' }] },
    { code: 'The rollout was botched from the start.', errors: [{ text: 'botched' }] },
    { code: 'The agreement offers a very unique chance for peace.', errors: [{ text: 'very unique' }] },
    { code: 'The governor admitted that the figures were wrong.', errors: [{ text: 'admitted that' }] },
    { code: 'The spokesman trumpeted that exports had recovered.', errors: [{ text: 'trumpeted' }] },
    { code: 'The minister sidestepped questions about the contract.', errors: [{ text: 'sidestepped' }] },
    { code: 'Hundreds of dissidents were liquidated in 1937.', errors: [{ text: 'liquidated' }] },
    { code: 'The law falsely describes the strike as illegal.', errors: [{ text: 'falsely' }] },
    { code: 'The myth of a clean war dies hard.', errors: [{ text: 'The myth of' }] },
    { code: 'The power-hungry governor fired his deputies.', errors: [{ text: 'power-hungry' }] },
    { code: 'The movement’s fanaticism frightened its neighbours.', errors: [{ text: 'fanaticism' }] },
    { code: 'The verdict was a national disgrace.', errors: [{ text: 'national disgrace' }] },
    { code: 'The envoy’s disingenuous answer fooled nobody.', errors: [{ text: 'disingenuous' }] },
    { code: 'The parliament has become servile since the coup.', errors: [{ text: 'servile' }] },
    { code: 'Food prices rocketed after the harvest failed.', errors: [{ text: 'rocketed' }] },
    { code: 'The trial was a sham.', errors: [{ text: 'sham' }] },
    { code: 'Pro-life groups marched on the capital.', errors: [{ text: 'Pro-life', message: /anti-abortion/ }] },
  ],
});

ruleTester('editorializing', {
  valid: [
    { name: 'an outcome someone predicted is no verdict', code: 'The outcome was predicted by the bank in May.' },
  ],
  invalid: [
    { code: 'It was clear that the council needed a new hall.', errors: [{ text: 'It was clear that' }] },
    { code: 'This proves that the bank never meant to lend.', errors: [{ text: 'This proves that' }] },
    { code: 'The port deal is a classic example of overreach.', errors: [{ text: 'a classic example of' }] },
    { code: 'To make matters worse, the rents rose.', errors: [{ text: 'To make matters worse' }] },
    {
      name: 'removing the phrase leaves a sentence',
      code: 'No one can deny that the talks failed.',
      errors: [{ text: 'No one can deny that', output: 'The talks failed.' }],
    },
    { code: 'The ceasefire failed, as usual.', errors: [{ text: 'as usual' }] },
    {
      code: 'It is no exaggeration to say that the vote was historic.',
      errors: [{ text: 'It is no exaggeration to say that' }],
    },
    {
      code: 'The harsh reality is that the dam will not be finished.',
      errors: [{ text: 'The harsh reality is that' }],
    },
    { code: 'The report is conspicuously silent on the shelling.', errors: [{ text: 'conspicuously' }] },
  ],
});

ruleTester('unsupported-attribution', {
  valid: [
    { name: 'for some time is no group of people', code: 'The port has been closed for some time.' },
    { name: 'known to someone, not a reputation', code: 'The smuggler was known to the police in 2019.' },
    {
      name: 'figures named before',
      code: 'The Lund port authority counted 40 ships in May. These figures show a fall.',
    },
  ],
  invalid: [
    { code: 'Some may say that the treaty failed.', errors: [{ text: 'Some may say' }] },
    { code: 'In fact, statistics show that rents doubled.', errors: [{ text: 'statistics show' }] },
    {
      code: 'There are also concerns that the loans will not be repaid.',
      errors: [{ text: 'There are also concerns that' }],
    },
    { code: "It's well known that the port was built for the tin trade.", errors: [{ text: "It's well known that" }] },
    { code: 'Some have recently argued that the deal failed.', errors: [{ text: 'Some have recently argued' }] },
    { code: 'The ministry is seen to be losing control.', errors: [{ text: 'is seen to be' }] },
    {
      code: 'The envoy is known to be a hawk, and his aides were known to have ties to the militia.',
      errors: [{ text: 'is known to be' }, { text: 'were known to have' }],
    },
    { code: 'Many are of the opinion that the treaty failed.', errors: [{ text: 'Many are of the opinion' }] },
    { code: 'To many, the election was a turning point.', errors: [{ text: 'To many' }] },
    {
      code: 'Many Western analysts believe the sanctions failed.',
      errors: [{ text: 'Many Western analysts believe' }],
    },
    { code: 'Some have denounced the deal as a surrender.', errors: [{ text: 'Some have denounced' }] },
    { code: 'In the eyes of many, the war was lost in 2015.', errors: [{ text: 'In the eyes of many' }] },
    { code: 'Other experts warn that the dam will fail.', errors: [{ text: 'Other experts warn' }] },
    { code: 'Other analysts, however, disagree.', errors: [{ text: 'Other analysts' }] },
    { code: 'There are fears about the harvest.', errors: [{ text: 'There are fears about' }] },
    { code: 'Reports have surfaced of arrests in the north.', errors: [{ text: 'Reports have surfaced' }] },
    { code: 'The reform has been likened to a coup.', errors: [{ text: 'has been likened to' }] },
  ],
});
