/** `--name value` options, `--flag` switches and positional arguments of a command line. */
export interface Args {
  positional: string[];
  options: Record<string, string>;
  flags: Set<string>;
}

const SWITCHES = new Set(['yes', 'help']);

export function parseArgs(argv: readonly string[]): Args {
  const out: Args = { positional: [], options: {}, flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      out.positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (SWITCHES.has(name)) out.flags.add(name);
    else if (inline !== undefined) out.options[name] = inline;
    else if (argv[i + 1] !== undefined) out.options[name] = argv[++i]!;
    else out.options[name] = '';
  }
  return out;
}
