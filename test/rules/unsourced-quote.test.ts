import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('unsourced-quote', {
  valid: [
    'The minister said: “We will not accept double standards from anyone.”',
    '“We will not accept double standards from anyone,” the minister told reporters.',
    'The plan was called “a new battleground” by its critics.',
    'He called it “a war of choice in the desert” [@smith2020].',
    'The CFA franc literally means "French Colony of Africa in the old days".',
  ],
  invalid: [
    {
      code: 'It was, in the end, “a betrayal of the people of Mali and their hopes”.',
      errors: [{ text: '“a betrayal of the people of Mali and their hopes”' }],
    },
  ],
});
