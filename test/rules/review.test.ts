import { ruleTester } from '../helpers/rule-tester.js';

const STAT = 'Aid fell by 40% in 2022.';

ruleTester('disputed-claim', {
  valid: [`${STAT} <!-- verified: checked against OECD data, AB, 2024-05-02 -->`, STAT],
  invalid: [
    {
      code: `${STAT} <!-- disputed: OECD says 25%, not 40% --> The rest is fine.`,
      errors: [{ text: STAT, message: /Disputed in review: OECD says 25%, not 40%\. Fix or source/ }],
    },
  ],
});

ruleTester('unsourced-statistic', {
  valid: [
    {
      name: 'a verified claim raises no sourcing finding',
      code: `${STAT} <!-- verified: common knowledge in this beat -->`,
    },
  ],
  invalid: [
    {
      name: 'the mark covers only the sentence it follows',
      code: `Aid fell by 30%. ${STAT} <!-- verified: ok -->`,
      errors: [{ text: '30%' }],
    },
  ],
});

ruleTester('orphan-review-mark', {
  valid: [`${STAT} <!-- verified: ok -->`, `${STAT} <!-- a plain comment -->`],
  invalid: [
    {
      name: 'on its own line, outside the paragraph',
      code: `${STAT}\n\n<!-- verified: ok -->\n`,
      errors: [{ text: '<!-- verified: ok -->' }],
    },
    {
      name: 'after a sentence that is no claim',
      code: 'I think so. <!-- disputed: why? -->',
      errors: [{ text: '<!-- disputed: why? -->', message: /This disputed mark follows no claim/ }],
    },
    {
      name: 'in a heading',
      code: '## Aid fell by 40% <!-- verified: ok -->\n',
      errors: [{ text: '<!-- verified: ok -->' }],
    },
  ],
});
