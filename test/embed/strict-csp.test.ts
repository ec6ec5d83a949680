import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { PRODUCTS, radios, useEmbedPlatform } from './support';

const platform = useEmbedPlatform();

/** Every source file of the embed and the script-tag entry. */
function embedSources(): Array<[string, string]> {
  const root = join(process.cwd(), 'src');
  const files = readdirSync(join(root, 'embed'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join('embed', file));

  return [...files, 'script-tag.ts'].map((file) => [file, readFileSync(join(root, file), 'utf8')]);
}

describe('the embed under a strict Content-Security-Policy', () => {
  it.each([
    ['parses no HTML', /innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser/],
    ['evaluates no code', /\beval\(|new Function|setTimeout\(['"`]/],
    ['writes no inline style', /setAttribute\(\s*['"]style|cssText|\.style\s*=|<style/],
    ['sets no inline event handler', /setAttribute\(\s*['"]on|\.on[a-z]+\s*=/],
  ])('%s in its sources', (_, pattern) => {
    for (const [file, source] of embedSources()) {
      expect(source, file).not.toMatch(pattern);
    }
  });

  it('styles elements only through the swatch colour custom property', async () => {
    const embed = await platform.mountProduct(PRODUCTS.table);
    radios(embed.element, 'Wood').get('walnut')?.click();
    await embed.save();

    const styled = [...embed.element.querySelectorAll<HTMLElement>('[style]')];

    expect(styled.length).toBeGreaterThan(0);
    for (const element of styled) {
      const properties = Array.from({ length: element.style.length }, (_, i) => element.style[i]);

      expect(properties).toEqual(['--ce-swatch']);
    }
    expect(embed.element.querySelectorAll('style, script')).toHaveLength(0);
  });
});
