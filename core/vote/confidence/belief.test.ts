import { describe, expect, it } from 'vitest';
import type { Witness } from '../independence/find-witnesses.ts';
import type { VoterKind } from '../voter-kind.ts';
import { belief, confidenceOf, posterior, strength } from './belief.ts';

const w = (id: string, kind: VoterKind, weight = 1): Witness => ({ id, kind, weight, trust: 1, extractors: new Set([id]), echo: false, readsItself: false });
const cv = w('cv', 'cv');
const local = w('local', 'local-model', 0.7);
const gpt = w('gpt', 'hosted-model', 1.2);
const claude = w('claude', 'hosted-model', 1.1);
const none = { dissent: [], silent: [] };

describe('belief and posterior', () => {
  it('gives DESIGN.md’s scale as kinds of evidence agree: 0.75, 0.85, 0.95', () => {
    expect(posterior([cv], [], none)).toBeCloseTo(0.75, 10);
    expect(posterior([cv, local], [], none)).toBeCloseTo(0.85, 10);
    expect(posterior([cv, local, gpt, claude], [], none)).toBeCloseTo(0.95, 10);
  });

  it('never claims more than 0.95, however many agree', () => {
    expect(posterior([cv, local, gpt, claude, w('gemini', 'hosted-model')], [], none)).toBeCloseTo(0.95, 10);
  });

  it('counts a second model of the same kind for less than the first', () => {
    const one = posterior([cv, gpt], [], none);
    expect(posterior([cv, gpt, claude], [], none) - one).toBeLessThan(one - posterior([cv], [], none));
  });

  it('gives a rival its share: CV against one hosted model is an even call', () => {
    // Three answers (CV's colour, the model's, none): each witness is 3 : 1 for its answer, times 2 for naming one of two others.
    expect(posterior([cv], [[gpt]], none)).toBeCloseTo(6 / 13, 10);
    expect(posterior([gpt], [[cv]], none)).toBeCloseTo(posterior([cv], [[gpt]], none), 10);
  });

  it('is sure of three kinds agreeing against one model’s slip: witnesses rarely meet on the same wrong answer', () => {
    expect(posterior([cv, local, gpt], [[claude]], none)).toBeCloseTo(0.95, 10);
  });

  it('lowers a claim for each model that answered without it, by half a dissent', () => {
    expect(posterior([cv], [], { dissent: [], silent: [gpt] })).toBeLessThan(0.75);
    expect(posterior([cv], [], { dissent: [], silent: [gpt] })).toBeGreaterThan(posterior([cv], [], { dissent: [gpt], silent: [] }));
  });

  it('is 0.5 with no evidence either way, and falls under it when dissent outweighs support', () => {
    expect(belief({ support: [], dissent: [], silent: [] })).toBe(0.5);
    expect(belief({ support: [local], dissent: [cv], silent: [] })).toBeLessThan(0.5);
  });

  it('discounts a belief by the exact-value agreement: the seed’s 0.95 × 78.6 % → 0.85', () => {
    expect(Number(confidenceOf(0.95, 3.3 / 4.2).toFixed(2))).toBe(0.85);
    expect(confidenceOf(0.4, 0.5)).toBe(0.4);
  });

  it('scales a witness by its trust: a model trusted four times says four times its kind’s log-odds', () => {
    const trusted = { ...local, trust: 4 };
    expect(strength([trusted])).toBeCloseTo(4 * strength([local]), 10);
    // Against CV, a quarter-trusted local model barely dents the claim; a four-times-trusted one outweighs CV.
    expect(belief({ support: [cv], dissent: [{ ...local, trust: 0.25 }], silent: [] })).toBeGreaterThan(0.7);
    expect(belief({ support: [cv], dissent: [trusted], silent: [] })).toBeLessThan(0.5);
  });
});
