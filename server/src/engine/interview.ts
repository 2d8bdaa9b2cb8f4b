/**
 * Interview layout: which paragraphs of a document are an interviewer's questions and which are the answers, when the
 * answers carry no label of their own. Published Q&As set each question off (`**Why did the talks fail?**`,
 * `**Q:** …`, `Q. …`) and print the answers as plain paragraphs: those answers are the interviewee's words, not the
 * writer's, and the interviewee named in the introduction is their source.
 */
import type { ProseBlock } from './document.js';

/** A bold label that opens an interview turn: `**Q:**`, `**Jane Doe:**`, `**Question**:`. */
export const TURN_LABEL = /^\s*(?:\*\*|__)([^*_\n:]{1,40}?)(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:)/;
/** Room for the label's markup, name and colon. */
export const MAX_TURN_LABEL = 60;
export const QUESTION_LABEL = /^(q|question|interviewer)\.?$/i;
/** The label of an answer that does not name its speaker: `**A:**`. */
export const ANSWER_LABEL = /^(a|answer)\.?$/i;
/** A question printed with its label ("Question: “…”", "Q. …"), as survey reports and transcripts do. */
export const QUESTION_LINE = /^\s*(Q|Question)\s*[:.]/;

/** Longer than this, a set-off paragraph is a passage, not a question. */
const MAX_QUESTION = 600;
/** An essay may set off one rhetorical question; a Q&A asks several. */
const MIN_QUESTIONS = 2;
/**
 * What the introduction says when the article is an interview: set-off questions elsewhere are an essay's
 * signposts, not an interviewer's.
 */
const INTERVIEW_CUE =
  /\b(?:interview(?:ed|s)?|Q\s?&\s?A|in conversation|conversation with|spoke (?:to|with)|talk(?:ed|s)? (?:to|with)|sat down with|(?:answered|answers) (?:our|the|these|some) questions)\b/i;
/**
 * Who the introduction says was interviewed: "spoke to Maria Santos", "an interview with Gen. Ana Ruiz".
 * Case-sensitive: with the `i` flag, `\p{Lu}` would match any letter.
 */
const INTERVIEWEE =
  /\b(?:[Ii]nterview(?:ed)?(?: with)?|[Cc]onversation with|[Ss]poke (?:to|with)|[Tt]alked (?:to|with)|[Ss]at down with)\s+((?:\p{Lu}[\p{L}’'.-]*\s+){0,3}\p{Lu}[\p{L}’'-]+)/u;

export type Turn = { kind: 'question' } | { kind: 'answer'; speaker: string };

/**
 * A paragraph that is one question set off in bold or italics, and nothing else: `**Why did the talks fail?**`,
 * `*Q: And the sanctions?*`.
 */
function isSetOffQuestion(raw: string): boolean {
  const text = raw.trim();
  if (text.length > MAX_QUESTION) return false;
  const mark = /^(?:\*\*|__|\*|_)/.exec(text)?.[0];
  if (!mark || text.length <= 2 * mark.length || !text.endsWith(mark)) return false;
  const inner = text.slice(mark.length, text.length - mark.length).trim();
  return /\?["”’)]?$/.test(inner) && !inner.includes(mark);
}

/** A question labelled as one (`**Q:**`, `Q.`): that makes the layout an interview whatever the introduction says. */
function isLabelledQuestion(raw: string): boolean {
  const label = TURN_LABEL.exec(raw.slice(0, MAX_TURN_LABEL));
  return (label !== null && QUESTION_LABEL.test(label[1].trim())) || QUESTION_LINE.test(raw);
}

const rawText = (pb: ProseBlock, source: string): string => source.slice(pb.block.start, pb.block.end);

function isQuestion(pb: ProseBlock, source: string): boolean {
  if (pb.block.kind !== 'paragraph') return false;
  const raw = rawText(pb, source);
  return isLabelledQuestion(raw) || isSetOffQuestion(raw);
}

/**
 * Each block's turn in an interview layout, or `undefined` when the block is no turn (or the document is no Q&A). The
 * answers run from a question to the next question or heading.
 */
export function interviewTurns(prose: readonly ProseBlock[], source: string): Array<Turn | undefined> {
  const questions = prose.map((pb) => isQuestion(pb, source));
  const first = questions.indexOf(true);
  const turns: Array<Turn | undefined> = new Array(prose.length).fill(undefined);
  if (first < 0 || questions.filter(Boolean).length < MIN_QUESTIONS) return turns;
  const introduction = source.slice(0, prose[first].block.start);
  const labelled = prose.some((pb, b) => questions[b] && isLabelledQuestion(rawText(pb, source)));
  if (!labelled && !INTERVIEW_CUE.test(introduction)) return turns;
  const speaker = INTERVIEWEE.exec(introduction)?.[1] ?? 'the interviewee';
  let answering = false;
  prose.forEach((pb, b) => {
    if (questions[b]) {
      turns[b] = { kind: 'question' };
      answering = true;
    } else if (pb.block.kind === 'heading') answering = false;
    else if (answering) turns[b] = { kind: 'answer', speaker };
  });
  return turns;
}
