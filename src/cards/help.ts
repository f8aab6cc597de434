import helpTemplate from '../../cards/help.json';
import { exampleAction, type ExecuteAction } from './actions';
import { compileTemplate, type BoundCard } from './template';
import { show } from './format';

export type ExampleGroup = 'ask' | 'change' | 'review';

/** The shape of `src/language/examples.ts` entries, with how the help card places them. */
export interface Example {
  /** What the button sends, as if typed. */
  text: string;
  /** The button's title. */
  title: string;
  /** Who the example is for, e.g. "user" or "admin". */
  role: string;
  /** Its group on the card; by default admins' examples are changes and the rest questions. */
  group?: ExampleGroup;
  /** Shown on the first screen; the others wait behind "More examples". */
  featured?: boolean;
}

export interface HelpInput {
  examples: readonly Example[];
  /** Admin examples are shown only to admins. */
  viewerIsAdmin: boolean;
  /** First contact: greet instead of "here is what I can do". */
  welcome?: boolean;
  viewerName?: string;
}

interface Group {
  heading: string;
  rows: { actions: ExecuteAction[] }[];
}

interface HelpData {
  fallbackText: string;
  title: string;
  intro: string;
  groups: Group[];
  moreTitle: string;
  more: Group[];
  footer: string;
}

const expand = compileTemplate<HelpData>(helpTemplate);

/**
 * A row of buttons holds at most three, and fewer when their titles are long, so Teams never clips
 * a title (it cuts a row's width evenly between its buttons).
 */
const ROW_BUTTONS = 3;
const ROW_CHARS = 54;
/** The first screen: a glance, not a manual. */
const FIRST_SCREEN_MAX = 11;

const HEADINGS: Record<ExampleGroup, { admin: string; user: string }> = {
  ask: { admin: 'Ask', user: 'Ask' },
  change: { admin: 'Change (previewed first, you confirm)', user: 'Change' },
  review: { admin: 'Review', user: 'Review' },
};
const ORDER: readonly ExampleGroup[] = ['ask', 'change', 'review'];
const isAdminRole = (role: string) => role === 'admin';
const groupOf = (e: Example): ExampleGroup => e.group ?? (isAdminRole(e.role) ? 'change' : 'ask');

function rows(examples: readonly Example[]): { actions: ExecuteAction[] }[] {
  const out: { actions: ExecuteAction[] }[] = [];
  let row: ExecuteAction[] = [];
  let chars = 0;
  for (const e of examples) {
    if (row.length > 0 && (row.length === ROW_BUTTONS || chars + e.title.length > ROW_CHARS)) {
      out.push({ actions: row });
      row = [];
      chars = 0;
    }
    row.push(exampleAction(e.title, e.text));
    chars += e.title.length;
  }
  if (row.length > 0) out.push({ actions: row });
  return out;
}

function grouped(examples: readonly Example[], viewerIsAdmin: boolean): Group[] {
  return ORDER.map((g) => ({ g, mine: examples.filter((e) => groupOf(e) === g) }))
    .filter(({ mine }) => mine.length > 0)
    .map(({ g, mine }) => ({ heading: HEADINGS[g][viewerIsAdmin ? 'admin' : 'user'], rows: rows(mine) }));
}

/**
 * Card 6: what to ask, grouped (ask / change / review), a few examples on the first screen and the
 * rest behind "More examples". Each example is a button only (never also a line of text). A button
 * never acts: a question is answered, a change is previewed for the presser's own organization.
 * People who are not admins see only what they can do: no change examples at all.
 */
export function helpCard({ examples, viewerIsAdmin, welcome = false, viewerName }: HelpInput): BoundCard {
  const shown = examples.filter((e) => viewerIsAdmin || !isAdminRole(e.role));
  const anyFeatured = shown.some((e) => e.featured);
  const first = (anyFeatured ? shown.filter((e) => e.featured) : shown).slice(0, FIRST_SCREEN_MAX);
  const rest = shown.filter((e) => !first.includes(e));
  const title = welcome ? `Hi${viewerName ? ` ${show(viewerName, 80)}` : ''}, I'm the Federation Assistant` : 'What you can ask me';
  const intro = viewerIsAdmin
    ? 'I explain and change Teams external access (federation): who can chat, call and meet with which organizations, and why. Type in your own words or press an example.'
    : 'I explain Teams external access (federation): who can chat, call and meet with which organizations, and why. Type in your own words or press an example.';
  const summary = welcome ? "Hi, I'm the Federation Assistant: ask me who can reach whom, or press an example." : `What you can ask me: ${shown.length} examples.`;
  return {
    card: expand({
      fallbackText: summary,
      title,
      intro,
      groups: grouped(first, viewerIsAdmin),
      moreTitle: `More examples (${rest.length})`,
      more: grouped(rest, viewerIsAdmin),
      footer: viewerIsAdmin
        ? 'A change example only fills in a preview; nothing changes until you press Confirm on it, and every change can be undone.'
        : 'Only your organization’s admins can change its settings; ask them if an answer says something is blocked.',
    }),
    summary,
  };
}
