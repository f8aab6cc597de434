import { editDistance, similarOrganizations, typosAllowed } from '../../src/policy/similar-orgs';
import { findOrganization } from '../../src/policy/organizations';
import { demoModel, model, tenant } from './fixtures';
import { pick, prng, testSeed } from '../support/prng';

const demo = demoModel();
const names = (ref: string, visible?: (id: string) => boolean): string[] =>
  similarOrganizations(demo, ref, visible ? { visible: (o) => visible(o.id) } : {}).map((o) => o.name);

describe('similarOrganizations: a name that matched none gets the closest known organizations', () => {
  it.each([
    // typos and swapped letters of the display name
    ['contoso wset', ['Contoso West']],
    ['Contoso Wset', ['Contoso West']],
    ['contso east', ['Contoso East']],
    ['contoso eats', ['Contoso East']],
    ['Contosso West', ['Contoso West']],
    ['fabrikan', ['Fabrikam']],
    ['fabirkam', ['Fabrikam']],
    ['fbrikam', ['Fabrikam']],
    // split or joined words, with a typo
    ['contosowset', ['Contoso West']],
    ['contoso-wset', ['Contoso West']],
    ['fabri kan', ['Fabrikam']],
    // a mistyped domain or id
    ['contosowset.com', ['Contoso West']],
    ['contoseast.com', ['Contoso East']],
    ['fabrikam.co', ['Fabrikam']],
    // one letter from either: both
    ['contoso-est', ['Contoso East', 'Contoso West']],
    // a name begun: both Contosos, nearest first and then by name
    ['contoso', ['Contoso East', 'Contoso West']],
  ])('%j → %j', (ref, expected) => {
    expect(names(ref)).toEqual(expected);
    // Only for names that really are unknown: a known one never comes here.
    expect(findOrganization(demo, ref)).toBeUndefined();
  });

  it.each([
    'rob', 'east', 'west', 'blah', 'marketing', 'lorem ipsum', 'northwind traders', 'tailspin', 'x.com', 'contoso east west north', '', '   ', '!!!', 'a'.repeat(300),
  ])('%j: nothing near, no guess', (ref) => {
    expect(names(ref)).toEqual([]);
  });

  it('never names an organization the asker may not see', () => {
    expect(names('contoso wset', (id) => id !== 'contoso-west')).toEqual([]);
    expect(names('contoso', (id) => id === 'contoso-east')).toEqual(['Contoso East']);
    expect(names('fabrikan', () => false)).toEqual([]);
  });

  it('keeps at most `limit`, closest first', () => {
    const many = model(...Array.from({ length: 12 }, (_, i) => tenant(`north-${i}`, `Northwind ${String.fromCharCode(65 + i)}x`)));
    expect(similarOrganizations(many, 'northwind', { limit: 2 })).toHaveLength(2);
    expect(similarOrganizations(many, 'northwind cx').map((o) => o.name)).toEqual(['Northwind Cx']);
  });

  it('one random typo of a known name (six letters or more) finds that organization (seeded)', () => {
    const seed = testSeed(15);
    const rand = prng(seed);
    const orgs = [tenant('northwind', 'Northwind Traders'), tenant('tailspin', 'Tailspin Toys'), tenant('adatum', 'Adatum Corporation'), tenant('woodgrove', 'Woodgrove Bank')];
    const m = model(...orgs, ...demo.organizations);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (let i = 0; i < 300; i++) {
      const org = pick(rand, m.organizations);
      const name = org.name.toLowerCase();
      const at = Math.floor(rand() * name.length);
      const edit = Math.floor(rand() * 4);
      const typo =
        edit === 0 ? name.slice(0, at) + name.slice(at + 1)
        : edit === 1 ? name.slice(0, at) + pick(rand, [...letters]) + name.slice(at)
        : edit === 2 ? name.slice(0, at) + pick(rand, [...letters]) + name.slice(at + 1)
        : name.slice(0, at) + (name[at + 1] ?? '') + (name[at] ?? '') + name.slice(at + 2);
      if (findOrganization(m, typo) !== undefined) continue;
      const found = similarOrganizations(m, typo).map((o) => o.id);
      if (!found.includes(org.id)) throw new Error(`seed ${seed}: "${typo}" (from ${org.name}) → [${found.join(', ')}]`);
    }
  });
});

describe('editDistance (optimal string alignment, bounded)', () => {
  it.each([
    ['contosowest', 'contosowest', 0],
    ['contosowset', 'contosowest', 1],
    ['fabrikan', 'fabrikam', 1],
    ['fbrikam', 'fabrikam', 1],
    ['contosoeast', 'contosowest', 2],
    ['abc', 'xyz', 3],
  ])('%j ↔ %j = %d', (a, b, d) => {
    expect(editDistance(a, b, 5)).toBe(d);
    expect(editDistance(b, a, 5)).toBe(d);
  });

  it('gives up past the bound', () => {
    expect(editDistance('contoso', 'northwind', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it.each([[3, 0], [4, 1], [5, 1], [6, 2], [12, 2], [13, 3], [40, 3]])('a key of %d letters allows %d typos', (length, allowed) => {
    expect(typosAllowed(length)).toBe(allowed);
  });
});
