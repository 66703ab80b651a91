import { describe, expect, it } from 'vitest';
import type { ColorVote } from './color-vote.ts';
import { consensus } from './consensus.ts';
import type { VoterKind } from './voter-kind.ts';

const model = (extractor: string, weight: number, hex: string, role?: ColorVote['role'], name?: string): ColorVote => ({
  extractor,
  weight,
  hex,
  measured: false,
  ...(role ? { role } : {}),
  ...(name ? { name } : {}),
});
const cv = (extractor: string, weight: number, hex: string, role?: ColorVote['role'], share?: number): ColorVote => ({
  extractor,
  weight,
  hex,
  measured: true,
  ...(role ? { role } : {}),
  ...(share !== undefined ? { share } : {}),
});
const kinds = new Map<string, VoterKind>([
  ['llava', 'local-model'],
  ['local', 'local-model'],
  ['gpt', 'hosted-model'],
  ['claude', 'hosted-model'],
  ['gemini', 'hosted-model'],
]);
const vote = (votes: ColorVote[]) => consensus(votes, { kinds });
const byRole = (votes: ColorVote[], role: ColorVote['role']) => vote(votes).colors.find((c) => c.role === role);

/** A light screen as CV measures it: white background, grey surface, dark text, blue primary. */
const screen = (): ColorVote[] => [
  cv('flat', 1, '#ffffff', 'background', 0.7),
  cv('flat', 1, '#f1f3f5', 'surface', 0.15),
  cv('flat', 1, '#212529', 'text', 0.05),
  cv('flat', 1, '#0d6efd', 'primary', 0.03),
  cv('km', 0.8, '#ffffff', 'background', 0.7),
  cv('km', 0.8, '#f2f3f5', 'surface', 0.15),
  cv('km', 0.8, '#222529', 'text', 0.05),
  cv('km', 0.8, '#0d6efd', 'primary', 0.03),
];
/** A model that looked at that screen and agrees with CV, in its own order, with names. */
const agreeing = (extractor: string, weight: number): ColorVote[] => [
  model(extractor, weight, '#0d6efd', 'primary', `${extractor}-blue`),
  model(extractor, weight, '#ffffff', 'background', 'paper'),
  model(extractor, weight, '#212529', 'text', 'ink'),
];

describe('consensus: the seed worked example', () => {
  it('four votes on a primary: #F15925 wins with 78.6 % agreement and confidence 0.85', () => {
    const { colors } = vote([
      cv('opencv', 1.0, '#F15925', 'primary'),
      model('llava', 0.9, '#F25A27', 'primary'),
      model('gpt', 1.2, '#F15925', 'primary'),
      model('claude', 1.1, '#F15925', 'primary'),
    ]);
    expect(colors).toHaveLength(1);
    const primary = colors[0]!;
    expect(primary.hex).toBe('#f15925');
    expect(primary.agreement).toBeCloseTo(3.3 / 4.2, 10);
    expect(Number((primary.agreement * 100).toFixed(1))).toBe(78.6);
    expect(Number(primary.confidence.toFixed(2))).toBe(0.85);
    // LLaVA read the colour 0.36 ΔE00 off: imprecision, not a conflict.
    expect(primary.conflict).toBe(false);
    expect(primary.candidates).toHaveLength(1);
    expect(primary.candidates[0]!.votes.map((v) => v.extractor)).toEqual(['claude', 'gpt', 'llava', 'opencv']);
  });
});

describe('consensus: independent kinds of evidence', () => {
  it('CV alone ≈ 0.75, with a local model ≈ 0.85, with the local and two hosted models ≈ 0.95 when they agree', () => {
    const cvAlone = vote(screen());
    const withLocal = vote([...screen(), ...agreeing('local', 0.7)]);
    const full = vote([...screen(), ...agreeing('local', 0.7), ...agreeing('gpt', 1.2), ...agreeing('claude', 1.1)]);
    const primary = (c: typeof cvAlone) => c.colors.find((x) => x.role === 'primary')!.confidence;
    expect(primary(cvAlone)).toBeCloseTo(0.75, 6);
    expect(primary(withLocal)).toBeCloseTo(0.85, 6);
    expect(primary(full)).toBeCloseTo(0.95, 6);
    expect(cvAlone.confidence).toBeLessThan(withLocal.confidence);
    expect(withLocal.confidence).toBeLessThan(full.confidence);
  });

  it('does not hold a model that reads every value itself to the exact value: CV + such a local model is 0.85', () => {
    // A 7B local model copies no measured value: each of its colours is its own reading, a few ΔE off.
    const nearMiss = [model('local', 0.7, '#1170f9', 'primary'), model('local', 0.7, '#fcfdfb', 'background'), model('local', 0.7, '#23262c', 'text')];
    const primary = byRole([...screen(), ...nearMiss], 'primary')!;
    expect(primary).toMatchObject({ hex: '#0d6efd', agreement: 1, conflict: false, evidence: ['cv', 'local-model'] });
    expect(primary.confidence).toBeCloseTo(0.85, 6);
  });

  it('counts the CV extractors of one image as one witness: three agreeing claim no more than one', () => {
    const one = vote([cv('flat', 1, '#0d6efd', 'primary', 0.03)]);
    const three = vote([cv('flat', 1, '#0d6efd', 'primary', 0.03), cv('km', 0.8, '#0d6efd', 'primary', 0.03), cv('full', 1, '#0d6efd', 'primary', 0.03)]);
    expect(three.colors[0]!.confidence).toBe(one.colors[0]!.confidence);
  });

  it('gives a model that only echoed the measured list no weight as a witness, but keeps its names', () => {
    // Every measured hex, most prominent first, with the role CV guessed: the list the prompt showed.
    const echo = [
      model('gpt', 1.2, '#ffffff', 'background', 'snow'),
      model('gpt', 1.2, '#f1f3f5', 'surface'),
      model('gpt', 1.2, '#f2f3f5'),
      model('gpt', 1.2, '#212529', 'text'),
      model('gpt', 1.2, '#222529'),
      model('gpt', 1.2, '#0d6efd', 'primary', 'echo-blue'),
    ];
    const cvAlone = vote(screen());
    const echoed = vote([...screen(), ...echo]);
    expect(echoed.colors.find((c) => c.role === 'primary')).toMatchObject({ confidence: 0.75, name: 'echo-blue', evidence: ['cv'] });
    expect(echoed.confidence).toBeCloseTo(cvAlone.confidence, 10);
  });

  it('falls when an independent model puts CV’s role elsewhere, and drops a role no model that answered confirmed', () => {
    const elsewhere = [model('gpt', 1.2, '#212529', 'primary'), model('gpt', 1.2, '#ffffff', 'background'), model('gpt', 1.2, '#f1f3f5', 'text')];
    expect(byRole([...screen(), ...elsewhere], 'primary')!.confidence).toBeLessThan(byRole(screen(), 'primary')!.confidence);
    const notPrimary = [model('gpt', 1.2, '#0d6efd', 'secondary'), model('gpt', 1.2, '#ffffff', 'background'), model('gpt', 1.2, '#212529', 'text')];
    const { colors } = vote([...screen(), ...notPrimary]);
    expect(colors.find((c) => c.role === 'primary')).toBeUndefined();
    expect(colors.find((c) => c.hex === '#0d6efd')).toMatchObject({ role: 'secondary' });
  });
});

describe('consensus: values from CV, imprecision is not a conflict', () => {
  it('takes the measured value when models read a colour a few ΔE off, without a flag', () => {
    const primary = byRole([...screen(), model('gpt', 1.2, '#1a73f5', 'primary'), model('claude', 1.1, '#0b6cfb', 'primary', 'azure')], 'primary')!;
    expect(primary).toMatchObject({ hex: '#0d6efd', conflict: false, name: 'azure' });
    expect(primary.agreement).toBeLessThan(1);
    expect(primary.candidates).toHaveLength(1);
  });

  it('counts a reading that lands on a neighbouring measured blend for the colour CV gave the role', () => {
    const votes = [cv('flat', 1, '#222222', 'text', 0.05), cv('flat', 1, '#22241c', undefined, 0.01), model('local', 0.7, '#23231d', 'text'), model('gpt', 1.2, '#717171', 'text')];
    const text = byRole([...votes, cv('flat', 1, '#717171', 'text-muted', 0.02)], 'text')!;
    expect(text).toMatchObject({ hex: '#222222', conflict: false });
    expect(text.evidence).toEqual(['cv', 'local-model']);
  });

  it('takes the share of a colour the models put in a role from wherever CV measured it', () => {
    const { colors } = vote([
      cv('flat', 1, '#3b4252', 'background', 0.74),
      cv('flat', 1, '#2e3440', 'surface', 0.05),
      model('gpt', 1.2, '#2e3440', 'background'),
      model('claude', 1.1, '#2e3440', 'background'),
    ]);
    expect(colors.find((c) => c.role === 'background')).toMatchObject({ hex: '#2e3440', share: 0.05 });
  });

  it('leaves out a colour only one of the measuring extractors saw', () => {
    const { colors } = vote([
      cv('flat', 1, '#282a36', 'background', 0.8),
      cv('km', 0.8, '#282a36', 'background', 0.8),
      cv('full', 1, '#282a36', 'background', 0.8),
      cv('km', 0.8, '#5f6e9e', undefined, 0.001),
    ]);
    expect(colors.map((c) => c.key)).toEqual(['background']);
  });

  it('does not list a colour twice when an extractor gave it a role and another did not', () => {
    const { colors } = vote([cv('a', 1, '#ffffff', 'background', 0.9), cv('b', 1, '#ffffff', undefined, 0.9)]);
    expect(colors.map((c) => c.key)).toEqual(['background']);
  });
});

describe('consensus: roles', () => {
  it('overturns CV’s role when the models agree against it (CV called the sidebar the background)', () => {
    const votes = [
      cv('flat', 1, '#3b4252', 'background', 0.4),
      cv('flat', 1, '#2e3440', 'surface', 0.35),
      ...['gpt', 'claude', 'local'].flatMap((m) => [model(m, 1, '#2e3440', 'background'), model(m, 1, '#3b4252', 'surface')]),
    ];
    expect(byRole(votes, 'background')).toMatchObject({ hex: '#2e3440', conflict: false });
    expect(byRole(votes, 'surface')).toMatchObject({ hex: '#3b4252', conflict: false });
    expect(byRole(votes, 'background')!.confidence).toBeGreaterThan(0.5);
  });

  it('keeps CV’s role against one model alone, however heavy, and flags the split', () => {
    const votes = [cv('flat', 1, '#3b4252', 'background', 0.4), cv('flat', 1, '#2e3440', 'surface', 0.35), model('gpt', 1.5, '#2e3440', 'background'), model('gpt', 1.5, '#3b4252', 'surface')];
    const background = byRole(votes, 'background')!;
    expect(background.hex).toBe('#3b4252');
    expect(background.conflict).toBe(true);
    expect(background.reason).toMatch(/split on background/);
    expect(background.candidates.map((c) => c.hex)).toEqual(['#3b4252', '#2e3440']);
  });

  it('flags a role the independent voters split on, carrying each candidate with its voters', () => {
    const measured = [cv('flat', 1, '#0d6efd', 'primary', 0.03), cv('flat', 1, '#6f42c1', undefined, 0.02), cv('flat', 1, '#198754', undefined, 0.02)];
    const primary = byRole([...measured, model('gpt', 1.2, '#6f42c1', 'primary'), model('claude', 1.1, '#198754', 'primary'), model('local', 0.7, '#198754', 'primary'), model('gemini', 1, '#6f42c1', 'primary')], 'primary')!;
    // Two kinds (a hosted and a local model) lead two hosted models in evidence, though not in weight, and by less than one witness's worth.
    expect(primary).toMatchObject({ hex: '#198754', conflict: true });
    expect(primary.reason).toMatch(/split on primary/);
    expect(primary.candidates.map((c) => [c.hex, c.votes.map((v) => v.extractor)])).toEqual([
      ['#198754', ['claude', 'local']],
      ['#6f42c1', ['gemini', 'gpt']],
      ['#0d6efd', ['flat']],
    ]);
  });

  it('drops CV’s role when the models that answered all named something else', () => {
    const { colors } = vote([...screen(), model('gpt', 1.2, '#ff00ff', 'primary'), model('claude', 1.1, '#00ff00', 'primary'), ...agreeing('gemini', 1).slice(1)]);
    expect(colors.find((c) => c.role === 'primary')).toBeUndefined();
  });

  it('settles one model’s slip against several agreeing witnesses without a flag', () => {
    const primary = byRole([...screen(), ...agreeing('local', 0.7), ...agreeing('claude', 1.1), model('gpt', 1.2, '#212529', 'primary')], 'primary')!;
    expect(primary).toMatchObject({ hex: '#0d6efd', conflict: false });
    expect(primary.candidates).toHaveLength(2);
  });

  it('settles two hosted models sharing a confusion against CV, a local and a hosted model, without a flag', () => {
    const swapped = (m: string, w: number) => [model(m, w, '#f1f3f5', 'background'), model(m, w, '#ffffff', 'surface'), model(m, w, '#212529', 'text')];
    const right = (m: string, w: number) => [model(m, w, '#ffffff', 'background'), model(m, w, '#f1f3f5', 'surface'), model(m, w, '#212529', 'text')];
    const background = byRole([...screen(), ...right('local', 0.7), ...right('gemini', 1), ...swapped('gpt', 1.2), ...swapped('claude', 1.1)], 'background')!;
    expect(background).toMatchObject({ hex: '#ffffff', conflict: false });
    expect(background.candidates.map((c) => c.hex)).toEqual(['#ffffff', '#f1f3f5']);
  });

  it('weighs kinds, not weight: two hosted models sharing a confusion do not outvote CV and a local model, nor make it a split', () => {
    const swapped = (m: string, w: number) => [model(m, w, '#f1f3f5', 'background'), model(m, w, '#ffffff', 'surface'), model(m, w, '#212529', 'text')];
    const right = [model('local', 0.7, '#ffffff', 'background'), model('local', 0.7, '#f1f3f5', 'surface'), model('local', 0.7, '#212529', 'text')];
    // Weight: 1 + 0.7 against 1.2 + 1.1. Evidence: CV and a local model, two kinds, against one kind twice.
    const background = byRole([...screen(), ...right, ...swapped('gpt', 1.2), ...swapped('claude', 1.1)], 'background')!;
    expect(background).toMatchObject({ hex: '#ffffff', conflict: false });
    expect(background.confidence).toBeLessThan(byRole([...screen(), ...right], 'background')!.confidence);
  });

  it('flags a role whose two sides are as strong as each other: CV and a hosted model against two hosted models and a local one', () => {
    const votes = [
      cv('flat', 1, '#3b4252', 'background', 0.4),
      cv('flat', 1, '#2e3440', 'surface', 0.35),
      model('gpt', 1.2, '#3b4252', 'background'),
      ...['claude', 'gemini', 'local'].map((m) => model(m, 1, '#2e3440', 'background')),
    ];
    expect(byRole(votes, 'background')).toMatchObject({ hex: '#2e3440', conflict: true });
  });

  it('does not flag a measured colour CV and a local model put in a role against two hosted models alone', () => {
    const votes = [
      cv('flat', 1, '#2e3440', 'background', 0.5),
      cv('flat', 1, '#3b4252', 'surface', 0.3),
      model('local', 0.7, '#2e3440', 'background'),
      ...['gpt', 'claude'].map((m) => model(m, 1.2, '#3b4252', 'background')),
    ];
    expect(byRole(votes, 'background')).toMatchObject({ hex: '#2e3440', conflict: false });
    // With a hosted model on each side, two kinds of evidence stand against two: a split.
    const even = [...votes.slice(0, 2), model('local', 0.7, '#3b4252', 'background'), model('gemini', 1, '#2e3440', 'background'), ...votes.slice(3)];
    expect(byRole(even, 'background')).toMatchObject({ conflict: true });
  });

  it('does not flag which of several measured accents gets the name when the other side listed it too', () => {
    // A terminal's ANSI colours are all accents: CV and a hosted model put the accent on the blue,
    // a local and another hosted model on the teal, and both of them listed the blue as well, without another role.
    const split = (role: ColorVote['role']) => [
      cv('flat', 1, '#011627', 'background', 0.8),
      cv('flat', 1, '#81a9fe', role, 0.02),
      cv('flat', 1, '#7fdbca', undefined, 0.02),
      model('gpt', 1, '#81a9fe', role),
      model('gpt', 1, '#7fdbca'),
      ...['local', 'claude'].flatMap((m) => [model(m, 1, '#7fdbca', role), model(m, 1, '#81a9fe')]),
    ];
    expect(byRole(split('accent'), 'accent')).toMatchObject({ hex: '#81a9fe', conflict: false });
    // The same split on a role a screen has one of is a disagreement.
    expect(byRole(split('primary'), 'primary')).toMatchObject({ hex: '#81a9fe', conflict: true });
  });

  it('does not flag which of several accents gets the name when the rival is in the palette anyway', () => {
    // CV names the teal `secondary` and the blue `accent`; three models call the teal the accent
    // and list the blue without a role. Both stay in the palette: which one is named first is a
    // naming choice, not a wrong colour.
    const votes = [
      cv('flat', 1, '#002b36', 'background', 0.8),
      cv('flat', 1, '#2aa198', 'secondary', 0.03),
      cv('flat', 1, '#268bd2', 'accent', 0.02),
      model('local', 0.7, '#268bd2', 'accent'),
      ...['gpt', 'claude', 'gemini'].flatMap((m) => [model(m, 1, '#2aa198', 'accent'), model(m, 1, '#268bd2')]),
    ];
    const colors = vote(votes).colors;
    expect(colors.find((c) => c.role === 'accent')).toMatchObject({ hex: '#2aa198', conflict: false });
    expect(colors.some((c) => c.hex === '#268bd2')).toBe(true);
    // On a role that says where a colour is used (a border, the primary), the same split is a
    // disagreement however the rival stands: the style named for it would get the wrong colour.
    for (const role of ['border', 'primary'] as const) {
      expect(byRole(votes.map((v) => (v.role === 'accent' ? { ...v, role } : v)), role)).toMatchObject({ conflict: true });
    }
  });

  it('does not flag a role split between two colours nobody could tell apart', () => {
    const votes = [cv('flat', 1, '#ffffff', 'background', 0.5), cv('flat', 1, '#fdfdfd', undefined, 0.3), model('gpt', 1.2, '#fdfdfd', 'background'), model('claude', 1.1, '#ffffff', 'background')];
    expect(byRole(votes, 'background')!.conflict).toBe(false);
  });
});

describe('consensus: inventions', () => {
  it('leaves out a colour one model invented, even with a role nobody else gave', () => {
    const { colors } = vote([...screen(), ...agreeing('gpt', 1.2), model('gpt', 1.2, '#ff00ff', 'accent', 'magenta')]);
    expect(colors.some((c) => c.hex === '#ff00ff')).toBe(false);
  });

  it('does not let one model’s invention take a role CV measured', () => {
    const primary = byRole([...screen(), model('gpt', 1.2, '#ff00ff', 'primary'), model('gpt', 1.2, '#ffffff', 'background'), model('gpt', 1.2, '#212529', 'text')], 'primary')!;
    expect(primary.hex).toBe('#0d6efd');
  });

  it('keeps a colour CV missed that two models saw, at a confidence that says only models saw it', () => {
    const { colors } = vote([...screen(), ...agreeing('gpt', 1.2), ...agreeing('claude', 1.1), model('gpt', 1.2, '#dc3545', 'error', 'red'), model('claude', 1.1, '#dd3646', 'error')]);
    const error = colors.find((c) => c.role === 'error')!;
    expect(error).toMatchObject({ hex: '#dc3545', name: 'red' });
    expect(error.share).toBeUndefined();
    expect(error.confidence).toBeLessThan(colors.find((c) => c.role === 'primary')!.confidence);
  });
});

describe('consensus: presence', () => {
  // A navy CV measured beside the page's own navy: one model's reading lands on it, the others
  // list the page's navy and not it.
  const navyScreen = (): ColorVote[] => [...screen(), cv('flat', 1, '#011627', undefined, 0.05), cv('km', 0.8, '#011627', undefined, 0.05), cv('flat', 1, '#00132b', undefined, 0.02), cv('km', 0.8, '#00132b', undefined, 0.02)];

  it('flags a measured colour one model listed where the other models listed a colour near it instead', () => {
    const others = ['gpt', 'claude', 'gemini'].flatMap((m) => [...agreeing(m, 1), model(m, 1, '#011627')]);
    const votes = [...navyScreen(), ...agreeing('local', 0.7), model('local', 0.7, '#00142c'), ...others];
    const color = vote(votes).colors.find((c) => c.hex === '#00132b')!;
    expect(color).toMatchObject({ conflict: true });
    expect(color.reason).toMatch(/Only 1 of the 4 models that answered listed #00132b; 3 listed a colour near it instead/);
  });

  it('does not flag a measured colour whose twin the other models listed: within MATCH_DE it is the same colour', () => {
    // CV reported the green twice, a step apart (#83970a and #859900); the models copied the other value.
    const votes = [
      ...screen(),
      ...['flat', 'km'].flatMap((e) => [cv(e, 1, '#859900', undefined, 0.03), cv(e, 1, '#83970a', undefined, 0.01)]),
      ...agreeing('local', 0.7),
      model('local', 0.7, '#82960c'),
      ...['gpt', 'claude', 'gemini'].flatMap((m) => [...agreeing(m, 1), model(m, 1, '#859900')]),
    ];
    const color = vote(votes).colors.find((c) => c.hex === '#83970a')!;
    expect(color).toMatchObject({ conflict: false });
  });

  it('does not flag a measured colour the other models only left out: a small colour dropped is an omission', () => {
    const others = ['gpt', 'claude', 'gemini'].flatMap((m) => agreeing(m, 1));
    const votes = [...navyScreen(), ...agreeing('local', 0.7), model('local', 0.7, '#00142c'), ...others];
    const color = vote(votes).colors.find((c) => c.hex === '#00132b')!;
    expect(color.conflict).toBe(false);
  });

  it('does not flag a measured colour most of the models that answered listed', () => {
    const votes = [...screen(), cv('flat', 1, '#00132b', undefined, 0.02), cv('km', 0.8, '#00132b', undefined, 0.02), ...agreeing('gpt', 1.2), model('gpt', 1.2, '#00132b'), ...agreeing('claude', 1.1), model('claude', 1.1, '#00132b'), ...agreeing('gemini', 1)];
    expect(vote(votes).colors.find((c) => c.hex === '#00132b')).toMatchObject({ conflict: false });
  });
});

describe('consensus: values stay CV’s question', () => {
  it('keeps the colour CV measured in a role when the models put it on one CV never measured, and flags it', () => {
    const votes = [...screen(), ...['local', 'gpt', 'claude'].map((m) => model(m, 1, '#8c959f', 'surface'))];
    const surface = byRole(votes, 'surface')!;
    expect(surface).toMatchObject({ hex: '#f1f3f5', conflict: true });
    expect(surface.candidates.map((c) => c.hex)).toEqual(['#f1f3f5', '#8c959f']);
  });
});

describe('consensus: determinism', () => {
  it('is independent of the order of the votes', () => {
    const votes = [...screen(), ...agreeing('gpt', 1.2), model('claude', 1.1, '#6f42c1', 'primary', 'violet'), model('claude', 1.1, '#ffffff', 'surface')];
    const reference = vote(votes);
    for (let shift = 1; shift < votes.length; shift++) expect(vote([...votes.slice(shift), ...votes.slice(0, shift)])).toEqual(reference);
    expect(vote([...votes].reverse())).toEqual(reference);
  });

  it('gives an empty palette with confidence 0 for no votes', () => {
    expect(consensus([])).toEqual({ colors: [], confidence: 0 });
  });
});
