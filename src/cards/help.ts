import helpTemplate from '../../cards/help.json';
import { exampleAction, type ExecuteAction } from './actions';
import { show } from './format';
import { compileTemplate, type BoundCard } from './template';

/** The shape of `src/language/examples.ts` entries. */
export interface Example {
  /** What the button sends, as if typed. */
  text: string;
  /** The button's title. */
  title: string;
  /** Who the example is for, e.g. "user" or "admin". */
  role: string;
}

export interface HelpInput {
  examples: readonly Example[];
  /** Admin examples are shown only to admins. */
  viewerIsAdmin: boolean;
  /** First contact: greet instead of "here is what I can do". */
  welcome?: boolean;
  viewerName?: string;
}

interface HelpData {
  fallbackText: string;
  title: string;
  intro: string;
  sections: { heading: string; list: string; actionSets: { actions: ExecuteAction[] }[] }[];
  footer: string;
}

const expand = compileTemplate<HelpData>(helpTemplate);
/** Teams shows about five buttons in a row before it folds the rest away. */
const BUTTONS_PER_ROW = 5;

const HEADINGS: Record<string, string> = {
  user: 'Anyone can ask',
  everyone: 'Anyone can ask',
  all: 'Anyone can ask',
  admin: 'Admins can also ask',
};
const isAdminRole = (role: string) => role === 'admin';

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Card 6: what to ask, by role, with the examples as buttons. An example button never acts: a
 * question is answered, a change is previewed for the presser's own organization (Confirm applies it).
 */
export function helpCard({ examples, viewerIsAdmin, welcome = false, viewerName }: HelpInput): BoundCard {
  const shown = examples.filter((e) => viewerIsAdmin || !isAdminRole(e.role));
  const roles = [...new Set(shown.map((e) => e.role))].sort((a, b) => Number(isAdminRole(a)) - Number(isAdminRole(b)));
  const sections = roles.map((role) => {
    const mine = shown.filter((e) => e.role === role);
    return {
      heading: HEADINGS[role] ?? `For ${show(role, 40)}`,
      list: mine.map((e) => `- “${show(e.text, 200)}”`).join('\n'),
      actionSets: chunk(mine.map((e) => exampleAction(e.title, e.text)), BUTTONS_PER_ROW).map((actions) => ({ actions })),
    };
  });
  const title = welcome ? `Hi${viewerName ? ` ${show(viewerName, 80)}` : ''}, I'm the Federation Assistant` : 'What you can ask me';
  const intro =
    'I explain and change Teams external access (federation): who can chat, call and meet with which organizations, and why. Type a question in your own words or press an example.';
  const summary = welcome ? "Hi, I'm the Federation Assistant: ask me who can reach whom, or press an example." : `What you can ask me: ${shown.length} examples.`;
  return {
    card: expand({
      fallbackText: summary,
      title,
      intro,
      sections,
      footer: viewerIsAdmin
        ? 'Every change you ask for (typed or from a button) is previewed first and made only when you press Confirm; every change can be undone.'
        : 'Only admins of an organization can change its settings; everyone can ask questions.',
    }),
    summary,
  };
}
