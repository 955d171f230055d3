/**
 * What a question asks, apart from how it is asked.
 *
 * People wrap a question in words that are not its subject: a greeting ("hi there"), a frame that says
 * what kind of answer they want ("what is happening with", "any news on", "tell me about") and side
 * remarks ("my manager asked me to find out quickly, before our meeting", "because we need it for the
 * briefing"). Searched as words, these pull in passages about meetings, news and managers, and dilute
 * the share of the question an answer must say. Here they are taken off, leaving the core: the clause
 * that asks (from its question word on), plus any other clause that names something.
 */

/** A question reduced to what it asks. */
export interface QuestionCore {
  /** The question's own words: greetings, frames and unnamed side remarks removed. */
  text: string;
  /** The asker wants the newest news ("latest", "recent", "this week"). */
  wantsRecent: boolean;
}

/** Words that open the clause that asks. */
const QUESTION_WORD = /\b(?:who|whom|whose|what|when|where|which|why|how)\b/i;

/** Clause breaks: punctuation, and conjunctions that start a reason or a circumstance. */
const CLAUSE_BREAK = /\s*[,;:!?()—–]+\s*|\s+-\s+|\s+\b(?:because|since|so that|as we|as i)\b\s*/i;

/** Greetings and politeness at the start of a question. */
const OPENING =
  /^(?:(?:hey|hi|hello|hiya|morning|good (?:morning|afternoon|evening)|ok|okay|so|well|please|pls|quick question|question|sorry|thanks|thank you)\b[\s,!.:-]*)+/i;

/**
 * Frames: phrases that say what kind of answer is wanted, not what it is about. Each is taken off the
 * start of the asking clause; what follows is the subject.
 */
const FRAMES: readonly RegExp[] = [
  /^(?:can|could|would|will) you (?:please |kindly )?(?:tell me|let me know|find(?: out)?|look up|check|show me|give me|explain|summari[sz]e)(?: (?:about|on|regarding))?\s+/i,
  /^(?:do you know|does anyone know|does the corpus say|i (?:want|need|would like|'d like) to (?:know|find out|learn)|i(?:'m| am) (?:looking for|wondering|curious)(?: (?:about|if|whether))?|wondering)\s+/i,
  /^(?:tell me|let me know|fill me in|brief me|update me)(?: (?:more|something|a bit|a little|everything))?(?: (?:about|on|regarding|with))?\s+/i,
  /^(?:what(?:'s| is| are|s)?|any|anything|is there any(?:thing)?|are there any|got any|the)?\s*(?:the\s+|an?\s+)?(?:latest|newest|recent|new|current)?\s*(?:news|word|updates?|info(?:rmation)?|developments?|stories|story|articles?|reports?|coverage|happening|going on|up|new|latest|status|situation|state of play)\s+(?:about|on|with|regarding|re|in|for|concerning|from|of)\s+/i,
  /^(?:give me|show me|i want|i need|get me|find me)\s+(?:an?\s+|the\s+|some\s+)?(?:quick\s+|short\s+|brief\s+)?(?:overview|summary|rundown|update|briefing|background|news|info(?:rmation)?|details?)\s+(?:of|on|about|for|regarding)\s+/i,
  /^what (?:do|does|did) (?:we|you|the corpus|the documents?|the articles?|coop|it) (?:know|have|say|said|hold) (?:about|on|regarding)\s+/i,
  /^(?:news|updates?|anything|info(?:rmation)?|background|details?)\s+(?:about|on|regarding|re|concerning)\s+/i,
  /^(?:did|do|have|has) (?:we|you|anyone|coop) (?:get|got|see|seen|have|had|run|carry|carried) (?:the |a |an |any )?(?:story|stories|article|articles|report|reports|piece|news|item|wire)\s+(?:on|about|regarding|that|saying)?\s*/i,
  /^(?:what|how) about\s+/i,
  /^(?:can|could|would|will) you (?:please |kindly )?(?:give|get|send|find|show) me\s+/i,
];

/** Frames that close a question: "mergers news", "livestock prices this week". */
const TRAILING_FRAME =
  /\s+(?:news|updates?|latest|stories|coverage|developments|(?:this|last) (?:week|month)|today|lately|recently|right now|at the moment|please)\W*$/i;

/** "How is X going?": the subject between the frame's two halves. */
const HOW_IS_IT_GOING = /^how (?:is|are|'s) (.+?) (?:doing|going|looking|progressing|coming along)\W*$/i;

const RECENT =
  /\b(?:latest|newest|most recent|recent(?:ly)?|lately|this (?:week|month)|today|so far this|current(?:ly)?|new developments?)\b/i;

/** A name in running text: a capital after the first word, a digit, or an acronym. */
const NAMES_SOMETHING = /(?:^|\s)\S*(?:\p{Lu}|\d)/u;

/** The asker and the people around them. */
const PERSONAL =
  /\b(?:i|me|my|mine|we|us|our|ours|you|your|i'm|i've|we're|we've|boss|manager|team|colleague|colleagues)\b/i;

/** What is left of a greeting once its first word is gone: "(hi) there", "(hello) all". */
const GREETING_TAIL = /^(?:there|all|everyone|everybody|folks|guys|team|again|coop|bot)\W*$/i;

/** Reduces a question to its core (see the module comment). */
export function questionCore(question: string): QuestionCore {
  const wantsRecent = RECENT.test(question);
  const text = question.replace(OPENING, '').trim();
  const clauses = text.split(CLAUSE_BREAK).filter((clause) => clause.trim() !== '');
  const asking = clauses.findIndex((clause) => QUESTION_WORD.test(clause) || isFramed(clause));
  if (asking < 0 || clauses.length === 1) return { text: withoutMore(stripFrames(text)), wantsRecent };
  const kept = clauses.map((clause, index) => {
    if (index === asking) {
      const subject = stripFrames(isFramed(clause) ? clause : clause.slice(clause.search(QUESTION_WORD)));
      // A frame standing alone ("did we get the story on (...)") leaves the subject to the other clauses.
      return stripFrames(`${subject} x`) === 'x' ? '' : subject;
    }
    return isSideRemark(clause) ? '' : clause;
  });
  const core = kept.filter((clause) => clause !== '').join(', ');
  return { text: withoutMore(core === '' ? text : core), wantsRecent };
}

/**
 * "Who else did he meet besides Jaishankar", "apart from Singh": asking for more of the same, not
 * about otherness. The name stays: the answer is found beside it.
 */
const MORE_OF_THE_SAME =
  /\s*\b(?:else|besides|apart from|aside from|other than|except(?: for)?|in addition to)\b/gi;

function withoutMore(text: string): string {
  const stripped = text.replace(MORE_OF_THE_SAME, '').trim();
  return stripped === '' ? text : stripped;
}

function isFramed(clause: string): boolean {
  return FRAMES.some((frame) => frame.test(clause.trim()));
}

/**
 * A clause about the asker rather than the subject ("my manager asked me to find out", "because we need
 * it"), or a stray word of greeting: it names nothing and asks nothing.
 */
function isSideRemark(clause: string): boolean {
  if (QUESTION_WORD.test(clause) || NAMES_SOMETHING.test(` ${clause.trim().replace(/^\S+/, '')}`))
    return false;
  return PERSONAL.test(clause) || GREETING_TAIL.test(clause.trim());
}

/** Takes frames off the start of a clause, leaving its subject. */
function stripFrames(clause: string): string {
  let text = clause.trim().replace(OPENING, '');
  const going = text.match(HOW_IS_IT_GOING);
  if (going) return going[1];
  for (let changed = true; changed; ) {
    changed = false;
    for (const frame of FRAMES) {
      const stripped = text.replace(frame, '');
      if (stripped !== text && stripped.trim() !== '') {
        text = stripped;
        changed = true;
      }
    }
  }
  for (let trailing = text.replace(TRAILING_FRAME, ''); trailing !== text && trailing.trim() !== ''; ) {
    text = trailing;
    trailing = text.replace(TRAILING_FRAME, '');
  }
  return text.trim();
}
