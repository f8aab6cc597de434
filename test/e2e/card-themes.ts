/**
 * Host configs close to Teams' light and dark themes (Fluent UI colour tokens Teams uses for cards),
 * so every card can be looked at, and its text contrast measured, in both.
 */
type Colors = { default: string; subtle: string };

function hostConfig(bg: string, emphasis: string, fg: Record<'default' | 'accent' | 'good' | 'warning' | 'attention' | 'light' | 'dark', Colors>) {
  const foregroundColors = Object.fromEntries(Object.entries(fg).map(([k, v]) => [k, { default: v.default, subtle: v.subtle }]));
  return {
    fontFamily: 'Segoe UI, system-ui, sans-serif',
    supportsInteractivity: true,
    containerStyles: {
      default: { backgroundColor: bg, foregroundColors },
      emphasis: { backgroundColor: emphasis, foregroundColors },
    },
    actions: { maxActions: 6, buttonSpacing: 8, actionsOrientation: 'horizontal', actionAlignment: 'left', showCard: { actionMode: 'inline' } },
  };
}

export interface Theme {
  name: 'light' | 'dark';
  page: string;
  hostConfig: object;
}

export const THEMES: readonly Theme[] = [
  {
    name: 'light',
    page: '#ffffff',
    hostConfig: hostConfig('#ffffff', '#f5f5f5', {
      default: { default: '#242424', subtle: '#616161' },
      accent: { default: '#5b5fc7', subtle: '#4f52b2' },
      good: { default: '#237b4b', subtle: '#237b4b' },
      warning: { default: '#835c00', subtle: '#835c00' },
      attention: { default: '#c4314b', subtle: '#c4314b' },
      light: { default: '#ffffff', subtle: '#f5f5f5' },
      dark: { default: '#242424', subtle: '#424242' },
    }),
  },
  {
    name: 'dark',
    page: '#292929',
    hostConfig: hostConfig('#292929', '#1f1f1f', {
      default: { default: '#ffffff', subtle: '#adadad' },
      accent: { default: '#a6a7dc', subtle: '#7f85f5' },
      good: { default: '#92c353', subtle: '#92c353' },
      warning: { default: '#f8d22a', subtle: '#f8d22a' },
      attention: { default: '#f9526b', subtle: '#f9526b' },
      light: { default: '#ffffff', subtle: '#d6d6d6' },
      dark: { default: '#242424', subtle: '#424242' },
    }),
  },
];

/** WCAG contrast ratio of two `rgb(r, g, b)` / `rgba(...)` / `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const lum = (c: string): number => {
    const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
    const parts = hex ? hex.slice(1, 4).map((h) => parseInt(h, 16)) : (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const [r, g, bl] = parts.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}
