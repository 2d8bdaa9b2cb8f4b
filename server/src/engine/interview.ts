/**
 * Interview layout: which paragraphs of a document are an interviewer's questions and which are the answers, when the
 * answers carry no label of their own. Published Q&As set each question off (`**Why did the talks fail?**`,
 * `**Q:** …`, `Q. …`) and print the answers as plain paragraphs: those answers are the interviewee's words, not the
 * writer's, and the interviewee named in the introduction is their source.
 */
import type { ProseBlock } from './document.js';
import { isAdjective } from './inflect.js';

/**
 * A bold label that opens an interview turn: `**Q:**`, `**Jane Doe:**`, `**Question**:`, or in a transcript's capitals
 * with a full stop, `**MS. RUIZ.**`, `**Q**.` (plain labels: `PLAIN_LABEL`). Transcripts typed with a CJK input method
 * end labels with the full-width colon (`**林佳：**`, `### Ana Ruiz：`), here and in the labels below.
 */
const TURN_LABEL = /^\s*(?:\*\*|__)([^*_\n:：]{1,40}?)(?:([:.：])\s*(?:\*\*|__)|(?:\*\*|__)\s*([:.：]))/;
/**
 * A transcript's speaker, in capitals. A bold label with a full stop, or a plain one, must be one: in title case it is
 * an essay's run-in heading ("**Energy security.** The grid…").
 */
const TRANSCRIPT_LABEL = /^(?:\p{Lu}|[\p{Lu}\d][\p{Lu}\d .'’-]*\p{Lu})$/u;

/**
 * A plain label, `RUIZ: …` or `Jordan Lee: …`. In capitals it is a transcript's speaker. In title case it is one only
 * when it recurs, as a podcast transcript's speakers take turns: once, it is a run-in heading or a roundup's place
 * ("Mali: the junta…").
 */
const PLAIN_LABEL = /^\s*([^:：\n]{1,40})(?::\s|：)/;

/** A turn's label, and whether it counts only when another paragraph or line opens with it too. */
type Label = { name: string; mustRecur: boolean };

/** The label a paragraph's opening holds, if any. */
function labelAt(head: string): Label | undefined {
  const bold = TURN_LABEL.exec(head);
  if (bold) {
    const name = bold[1].trim();
    return (bold[2] ?? bold[3]) === '.' && !TRANSCRIPT_LABEL.test(name) ? undefined : { name, mustRecur: false };
  }
  const plain = PLAIN_LABEL.exec(head)?.[1];
  return plain === undefined ? undefined : { name: plain, mustRecur: !TRANSCRIPT_LABEL.test(plain) };
}
/** Room for the label's markup, name and colon. */
const MAX_TURN_LABEL = 60;
const QUESTION_LABEL = /^(q|question|interviewer)\.?$/i;
/** The label of an answer that does not name its speaker: `**A:**`. */
const ANSWER_LABEL = /^(a|answer)\.?$/i;
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
  /\b(?:[Ii]nterview(?:ed)?(?: with)?|[Cc]onversation with|[Ss]poke (?:to|with)|[Tt]alked (?:to|with)|[Ss]at down with)\s+((?:\p{Lu}[\p{L}’'.-]*[ \t]+){0,3}\p{Lu}[\p{L}’'-]+)/u;

export type Turn = { kind: 'question' } | { kind: 'answer'; speaker: string };

/** A paragraph inside one pair of emphasis marks or tags: `**…**`, `_…_`, `<b>…</b>`, `<EM>…</EM>`. */
const SET_OFF = /^(?:(\*\*|__|\*|_)([\s\S]+)\1|<(b|strong|i|em)>([\s\S]+)<\/\3>)$/i;

/**
 * A paragraph that is one question set off in bold or italics, and nothing else: `**Why did the talks fail?**`,
 * `*Q: And the sanctions?*`, `<b>Why did the talks fail?</b>`.
 */
function isSetOffQuestion(raw: string): boolean {
  const text = raw.trim();
  const m = text.length <= MAX_QUESTION ? SET_OFF.exec(text) : null;
  if (!m) return false;
  const inner = (m[2] ?? m[4]).trim().toLowerCase();
  // One run set off, not two ("**Q:** and **why?**"): its marks do not recur inside it.
  const marks = m[1] ? [m[1]] : [`<${m[3]}>`, `</${m[3]}>`].map((tag) => tag.toLowerCase());
  return /\?["”’)]?$/.test(inner) && !marks.some((mark) => inner.includes(mark));
}

/** A question labelled as one (`**Q:**`, `Q.`): that makes the layout an interview whatever the introduction says. */
function isLabelledQuestion(raw: string): boolean {
  const label = labelAt(raw.slice(0, MAX_TURN_LABEL));
  return (label !== undefined && !label.mustRecur && QUESTION_LABEL.test(label.name)) || QUESTION_LINE.test(raw);
}

const rawText = (pb: ProseBlock, source: string): string => source.slice(pb.block.start, pb.block.end);

function isQuestion(pb: ProseBlock, source: string): boolean {
  if (isQuestionHeading(pb)) return true;
  if (pb.block.kind !== 'paragraph') return false;
  const raw = rawText(pb, source);
  return isLabelledQuestion(raw) || isSetOffQuestion(raw);
}

/** A question set as a heading (`### Why did the talks fail?`), as many blogs print an interview. */
function isQuestionHeading(pb: ProseBlock): boolean {
  const text = pb.block.text.trim();
  return pb.block.kind === 'heading' && text.length <= MAX_QUESTION && /\?["”’)]?$/.test(text);
}

/**
 * Bold run-in headings that take a colon like a speaker's label ("**Background:**", "**Note:**") but name no one.
 * Labels with a lower-case word ("**Why it matters:**") are never names and need no listing.
 */
const RUN_IN_HEADINGS = new Set(
  (
    'background context note notes update updates correction summary analysis conclusion conclusions disclaimer ' +
    'disclosure source sources verdict details timeline flashback takeaway takeaways caveat methodology method result ' +
    'results outcome impact location date dates status warning tip example examples fact facts claim rating ' +
    'translation introduction abstract keywords overview recap aside ' +
    // An email's header, kept above a newsletter printed as Markdown.
    'from to cc bcc subject sent'
  ).split(' '),
);
/** Lower-case words a name may hold: "Ibn Khaldun", "Ursula von der Leyen". */
const NAME_PARTICLES = /^(?:al|el|bin|ibn|van|von|de|der|den|da|di|du|del|la|le|dos|das)$/;

/** A date in a label: a timeline's entries (`**July 2009**:`), not speakers. */
const DATE_IN_LABEL =
  /\b(?:1[0-9]|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;

const VERDICT_DEGREES = /^(?:not|no|yes|mostly|partly|partially|largely|half|somewhat)$/i;

/** A turn label that names a speaker: every word capitalised ("Wu Xinbo", "Prof. Ana Ruiz"), not a run-in heading. */
function isSpeakerLabel(label: string): boolean {
  if (DATE_IN_LABEL.test(label)) return false;
  const words = label.trim().split(/\s+/);
  // "**Verdict:**", "**True:**": one word that heads a paragraph or judges it, not a name (surnames may be verbs: Sow).
  const single = words.length === 1 ? words[0].toLowerCase() : undefined;
  if (single && (RUN_IN_HEADINGS.has(single) || isAdjective(single))) return false;
  // "**Not True:**", "**Mostly False:**": a verdict's degree, not a first name; "**The Dakar Bloc:**" names a thing.
  if (VERDICT_DEGREES.test(words[0]) || words[0] === 'The') return false;
  return /^\p{Lu}/u.test(words[0]) && words.every((w) => /^[\p{Lu}\d]/u.test(w) || NAME_PARTICLES.test(w));
}

type QuestionLayout = { questions: boolean[]; speaker: string };

/** The text before block `b`: the introduction, front matter included. */
const before = (prose: readonly ProseBlock[], b: number, source: string): string =>
  source.slice(0, prose[b].block.start);

/**
 * Questions set off in bold or italics, or labelled: an interview when a question is labelled or the introduction
 * says so.
 */
function setOffQuestions(prose: readonly ProseBlock[], source: string): QuestionLayout | undefined {
  const questions = prose.map((pb) => isQuestion(pb, source));
  const first = questions.indexOf(true);
  if (first < 0 || questions.filter(Boolean).length < MIN_QUESTIONS) return undefined;
  const introduction = before(prose, first, source);
  const labelledQuestions = prose.some((pb, b) => questions[b] && isLabelledQuestion(rawText(pb, source)));
  if (!labelledQuestions && !INTERVIEW_CUE.test(introduction)) return undefined;
  const interviewee = INTERVIEWEE.exec(introduction)?.[1];
  // Headings that ask questions are a report's sections ("We interviewed 40 farmers. ## Why do they leave?") unless
  // the introduction names the one person who answers them.
  if (!interviewee && !labelledQuestions && prose.some((pb, b) => questions[b] && isQuestionHeading(pb)))
    return undefined;
  return { questions, speaker: interviewee ?? 'the interviewee' };
}

/** A question in plain type put to someone: a paragraph of its own that says "you" and ends on a question mark. */
function isPlainQuestion(pb: ProseBlock): boolean {
  const text = pb.block.text.trim();
  return (
    pb.block.kind === 'paragraph' &&
    !pb.block.inQuote &&
    text.length <= MAX_QUESTION &&
    /\?["”’)]?$/.test(text) &&
    /\byou(?:rs?|rself)?\b/i.test(text)
  );
}
/** How an answer speaks: in the first person singular ("I", "my"). Case-sensitive, for the pronoun "I". */
const FIRST_PERSON_SINGULAR = /\b(?:I|[Mm]y|[Mm]e|[Mm]yself)\b/;
/** A Q&A printed with no labels or set-off questions asks at least this many questions answered in the first person. */
const MIN_PLAIN_ANSWERED = 3;
/** "Jane Doe on sanctions, …": the interviewee named at the head of the title. */
const TITLE_NAME_ON = /^(?:title:\s*>?-?\s*|#\s+)?((?:\p{Lu}[\p{L}’'.-]*[ \t]+){1,3})on\s/mu;

/**
 * A Q&A in plain type: questions to "you", each answered by a paragraph in the first person. Rhetorical questions in
 * an essay are rarer, and seldom answered in the writer's "I" three times over.
 */
function plainQuestions(prose: readonly ProseBlock[], source: string): QuestionLayout | undefined {
  const questions = prose.map(isPlainQuestion);
  const answered = questions.filter(
    (q, b) => q && b + 1 < prose.length && !questions[b + 1] && FIRST_PERSON_SINGULAR.test(prose[b + 1].block.text),
  ).length;
  if (answered < MIN_PLAIN_ANSWERED) return undefined;
  const introduction = before(prose, questions.indexOf(true), source);
  const named = INTERVIEWEE.exec(introduction)?.[1] ?? TITLE_NAME_ON.exec(introduction)?.[1]?.trim();
  return { questions, speaker: named ?? 'the interviewee' };
}

/** How a speaker's words open after their label: a quotation, or the speaker's own "I" or "we". */
const SPEAKER_WORDS = /^\s*[“"«‘]|\b(?:I|[Mm]y|[Mm]e|[Ww]e|[Oo]ur|[Uu]s)\b/;

/**
 * Among labels that each appear once, a paragraph labelled with a name is that speaker's only when it speaks as one:
 * `**Ana Ruiz:** “We will…”`. A list of run-in terms (`- **Clothing**: shirts cost 50% more`, `**Energy Diplomacy**:
 * India bought…`) reports in the writer's voice. An answer's own label (`**A:**`) is the interviewee's.
 */
function speaksAs(pb: ProseBlock, label: string): boolean {
  if (ANSWER_LABEL.test(label)) return true;
  const text = pb.block.text;
  const afterLabel = text.slice(text.indexOf(label) + label.length);
  return SPEAKER_WORDS.test(afterLabel.slice(afterLabel.search(/[:.：]/) + 1));
}

/** A labelled dialogue has at least this many labelled turns. */
const MIN_TURNS = 3;

/** A turn that starts on a later line of its paragraph (`at`: the line's offset in the document). */
export type TurnChange = { at: number; turn: Turn };
/** A block's turn, and the turns that start on its later lines (transcripts exported with no blank lines). */
export type BlockTurn = { turn?: Turn; later: readonly TurnChange[] };

/** A block whose turn does not change on a later line: the one empty list every such block shares. */
const NO_LATER: readonly TurnChange[] = [];

/** A heading that is a speaker's label and nothing else: `### Jordan Lee:`. */
const HEADING_LABEL = /^\s*([^:：\n]{1,40})[:：]\s*$/;

/** Where each label stands: the block, and the offset of the line it opens. */
type Placed = { block: number; at: number; label: Label };

/** How a line ends a turn before it: a sentence's end, as a transcript line does (not a wrapped line's middle). */
const ENDS_TURN = /[.!?…:"”’)\]*_]\s*$/;

/**
 * The labels that open a paragraph or, in a paragraph printed as one turn a line, one of its later lines: a later line
 * counts only after a line that ended a sentence, so that a wrapped line that happens to start "Mali: …" is no turn.
 */
function placedLabels(prose: readonly ProseBlock[], source: string): Placed[] {
  const placed: Placed[] = [];
  prose.forEach((pb, b) => {
    if (pb.block.kind === 'heading') {
      // A transcript that heads each turn with its speaker (`### Jordan Lee:`): the turn runs to the next heading.
      const name = HEADING_LABEL.exec(pb.block.text)?.[1];
      if (name !== undefined) placed.push({ block: b, at: pb.block.start, label: { name, mustRecur: true } });
      return;
    }
    if (pb.block.kind !== 'paragraph') return;
    const { start, end } = pb.block;
    let afterSentence = true;
    for (let line = start; line < end;) {
      const newline = source.indexOf('\n', line);
      const lineEnd = newline < 0 || newline > end ? end : newline;
      const label = afterSentence && labelAt(source.slice(line, Math.min(lineEnd, line + MAX_TURN_LABEL)));
      if (label) placed.push({ block: b, at: line, label });
      afterSentence = ENDS_TURN.test(source.slice(Math.max(line, lineEnd - 4), lineEnd));
      line = lineEnd + 1;
    }
  });
  return placed;
}

/**
 * Each block's turn. A labelled paragraph is its label's turn (`**Q:**` a question, `**A:**` the interviewee's answer,
 * `**Fatou Sow:**` hers); in a labelled dialogue (`**Observer**: …` / `**Wu Xinbo**: …`) a turn runs on through the
 * unlabelled paragraphs after its label, and through the lines after it when a transcript prints each turn as a line
 * of one paragraph; in a Q&A with set-off questions the answers run from a question to the next. A heading ends either.
 */
export function interviewTurns(prose: readonly ProseBlock[], source: string): BlockTurn[] {
  const found = placedLabels(prose, source);
  const openings = new Map<string, number>();
  for (const { label } of found) openings.set(label.name, (openings.get(label.name) ?? 0) + 1);
  const labels = found.filter(
    ({ label }) =>
      (!label.mustRecur || openings.get(label.name)! > 1) &&
      (QUESTION_LABEL.test(label.name) || ANSWER_LABEL.test(label.name) || isSpeakerLabel(label.name)),
  );
  const interviewee =
    labels.length > 0 ? (INTERVIEWEE.exec(source.slice(0, labels[0].at))?.[1] ?? 'the interviewee') : '';
  const turnOf = (label: string): Turn =>
    QUESTION_LABEL.test(label)
      ? { kind: 'question' }
      : { kind: 'answer', speaker: ANSWER_LABEL.test(label) ? interviewee : label };
  // Two speakers take turns; or one full name labels every answer while the questions are set apart (in italics or
  // code, which is not prose): `__Amina Diallo:__ …` three times.
  const speakers = new Set(labels.map(({ label }) => label.name.toLowerCase()));
  const first = labels[0]?.label.name ?? '';
  const oneNamedSpeaker = speakers.size === 1 && /\s/.test(first) && isSpeakerLabel(first);
  // Speakers take turns, so some label recurs: three different ones once each are a list's run-in terms
  // ("**The Casablanca Group**: so called because…", "**The Monrovia Group**: …").
  const takesTurns = labels.length > speakers.size;
  if (labels.length >= MIN_TURNS && takesTurns && (speakers.size >= 2 || oneNamedSpeaker)) {
    let turn: Turn | undefined;
    let next = 0;
    return prose.map((pb, b) => {
      // A heading ends a turn, unless it is the next turn's label.
      if (pb.block.kind === 'heading') turn = undefined;
      const later: TurnChange[] = [];
      for (; next < labels.length && labels[next].block === b; next++) {
        const { at, label } = labels[next];
        if (at === pb.block.start) turn = turnOf(label.name);
        else later.push({ at, turn: turnOf(label.name) });
      }
      const blockTurn = { turn, later };
      if (later.length > 0) turn = later[later.length - 1].turn;
      return blockTurn;
    });
  }
  // In a Q&A (`**Q:**` labels), or with one name labelled once, every labelled paragraph is a turn; several names each
  // labelled once are a list's run-in terms unless they speak as speakers do.
  const everyLabelATurn = labels.some(({ label }) => QUESTION_LABEL.test(label.name)) || speakers.size < 2;
  const opening = new Map(
    labels
      .filter(
        ({ block, at, label }) =>
          at === prose[block].block.start && (everyLabelATurn || speaksAs(prose[block], label.name)),
      )
      .map((p) => [p.block, p.label.name]),
  );
  const turns: BlockTurn[] = prose.map((_, b) => {
    const label = opening.get(b);
    return { turn: label ? turnOf(label) : undefined, later: NO_LATER };
  });
  const layout = setOffQuestions(prose, source) ?? plainQuestions(prose, source);
  if (!layout) return turns;
  const { questions, speaker } = layout;
  let answering = false;
  prose.forEach((pb, b) => {
    if (questions[b]) {
      turns[b] = { turn: { kind: 'question' }, later: NO_LATER };
      answering = true;
    } else if (pb.block.kind === 'heading') answering = false;
    // An answer labelled `**A:**` belongs to the interviewee the introduction names.
    else if (answering && (!opening.has(b) || ANSWER_LABEL.test(opening.get(b)!)))
      turns[b] = { turn: { kind: 'answer', speaker }, later: NO_LATER };
  });
  return turns;
}
