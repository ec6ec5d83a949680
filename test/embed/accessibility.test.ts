import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { PRODUCTS, control, radios, useEmbedPlatform } from './support';

const platform = useEmbedPlatform();

const INTERACTIVE = 'input, select, textarea, button, a[href]';

describe('accessibility', () => {
  it.each(Object.entries(PRODUCTS))('gives every control of the %s a name', async (_, id) => {
    const embed = await platform.mountProduct(id, { selectStyle: 'select' });
    await embed.save();

    for (const element of embed.element.querySelectorAll<HTMLElement>(INTERACTIVE)) {
      const name =
        element instanceof HTMLInputElement || element instanceof HTMLSelectElement
          ? [...(element.labels ?? [])].map((label) => label.textContent).join(' ')
          : element.textContent;

      expect(name?.trim(), element.outerHTML).not.toBe('');
    }
  });

  it('groups radios and swatches in a fieldset whose legend names them', async () => {
    const embed = await platform.mountProduct(PRODUCTS.chair);

    for (const radio of embed.element.querySelectorAll('input[type=radio]')) {
      expect(radio.closest('fieldset')?.querySelector('legend')?.textContent).toMatch(
        /^(Upholstery|Frame)$/,
      );
    }
    expect([...radios(embed.element, 'Upholstery').values()].map((radio) => radio.name)).toEqual(
      Array(4).fill(radios(embed.element, 'Upholstery').get('sand')?.name),
    );
  });

  it('uses only native controls in the tab order, none taken out of it', async () => {
    const embed = await platform.mountProduct(PRODUCTS.table);

    for (const element of embed.element.querySelectorAll<HTMLElement>(INTERACTIVE)) {
      expect(element.tabIndex, element.outerHTML).toBe(0);
    }
    expect(embed.element.querySelectorAll('[tabindex]:not(.ce)')).toHaveLength(0);
  });

  it('takes focus on each control, as Tab gives it', async () => {
    const embed = await platform.mountProduct(PRODUCTS.table);
    const length = control(embed.element, 'Length (cm)');

    length.focus();

    expect(document.activeElement).toBe(length);
  });

  it('saves when the form is submitted, as Enter in a field does', async () => {
    const embed = await platform.mountProduct(PRODUCTS.chair);
    const engraving = control(embed.element, 'Engraving');
    const saved = new Promise((resolve) =>
      embed.element.addEventListener('configurator:save', resolve, { once: true }),
    );

    engraving.value = 'Ada';
    engraving.form?.requestSubmit();
    await saved;

    expect(platform.state.configurations()[0]?.variant.engraving).toBe('Ada');
  });

  it('turns a toggle with its activation, as Space does', async () => {
    const embed = await platform.mountProduct(PRODUCTS.lamp);

    control(embed.element, 'Dimmable driver').click();

    expect(embed.getVariant()?.dimmable).toBe(true);
  });

  it('announces the loading state, errors and notices', async () => {
    const embed = await platform.mountProduct(PRODUCTS.table);

    expect(embed.element.querySelector('.ce-notice')?.getAttribute('role')).toBe('status');
    expect(embed.element.querySelector('.ce-save-error')?.getAttribute('role')).toBe('alert');
    expect(embed.element.querySelector('form')?.getAttribute('aria-labelledby')).toBe(
      embed.element.querySelector('h2')?.id,
    );
  });

  it('ships styles that show focus and keep swatch radios reachable', () => {
    const css = readFileSync(join(process.cwd(), 'src/embed/embed.css'), 'utf8');

    expect(css).toMatch(/\.ce :focus-visible \{\s*outline: 3px solid/);
    expect(css).toMatch(/\.ce-choice:has\(:focus-visible\) \{\s*outline: 3px solid/);
    expect(css).not.toMatch(/\.ce-choice-input[^}]*display: none/);
    expect(css).not.toMatch(/:focus-visible[^{]*\{[^}]*outline: (none|0)/);
  });
});
