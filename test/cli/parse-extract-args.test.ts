import { describe, expect, it } from 'vitest';
import { parseExtractArgs } from '../../server/cli/parse-extract-args.ts';

describe('parseExtractArgs', () => {
  it('defaults to the in-process run at the protocol’s default budget, paid tiers on doubt', () => {
    expect(parseExtractArgs(['a.png'])).toEqual({ json: false, noAi: false, help: false, maxCost: 0.1, paid: 'auto', files: ['a.png'] });
  });

  it('takes values after a space or an equals sign', () => {
    const args = parseExtractArgs(['--server', 'http://localhost:8787', '--max-cost=0.5', '--paid', 'always', '--json', '--no-ai', 'a.png', 'b.png']);
    expect(args).toMatchObject({ json: true, noAi: true, maxCost: 0.5, paid: 'always', files: ['a.png', 'b.png'] });
    expect(args.server?.href).toBe('http://localhost:8787/');
    expect(parseExtractArgs(['--max-cost', '$0', 'a.png']).maxCost).toBe(0);
  });

  it('reads everything after -- as files', () => {
    expect(parseExtractArgs(['--', '--json', '-']).files).toEqual(['--json', '-']);
  });

  it('asks for the value a flag needs at the end of the line', () => {
    expect(() => parseExtractArgs(['a.png', '--max-cost'])).toThrow(/--max-cost needs a value/);
  });

  it.each([
    [['--max-cost', '-1'], /--max-cost needs an amount of US dollars from 0 to 10/],
    [['--max-cost', '11'], /from 0 to 10, got "11"/],
    [['--max-cost='], /--max-cost needs an amount/],
    [['--paid', 'never'], /--paid is auto or always, got "never"/],
    [['--server', 'localhost:8787'], /--server needs an http\(s\) or ws\(s\) URL/],
    [['--server', 'not a url'], /--server needs a URL like http:\/\/localhost:8787/],
    [['--json=yes'], /--json takes no value/],
    [['--frobnicate'], /unknown option --frobnicate/],
  ])('refuses %j with a reason and the usage', (argv, message) => {
    expect(() => parseExtractArgs([...argv, 'a.png'])).toThrow(message);
    expect(() => parseExtractArgs([...argv, 'a.png'])).toThrow(/usage:/);
  });
});
