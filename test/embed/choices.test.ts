import { describe, expect, it, vi } from 'vitest';

import { mount } from '../../src/index';
import {
  PRODUCTS,
  control,
  enter,
  host,
  nextEvent,
  radios,
  shownPrice,
  useEmbedPlatform,
} from './support';

const platform = useEmbedPlatform();

describe('choices and rules', () => {
  it('disables what a rule forbids as soon as its condition holds, and enables it again', async () => {
    const embed = await platform.mountProduct(PRODUCTS.table);
    const wood = radios(embed.element, 'Wood');
    const legs = radios(embed.element, 'Leg colour');

    expect(legs.get('chalk')?.disabled).toBe(false);

    wood.get('walnut')?.click();

    expect(legs.get('chalk')?.disabled).toBe(true);
    expect(legs.get('chalk')?.closest('label')?.classList).toContain('ce-choice--disabled');

    wood.get('oak')?.click();

    expect(legs.get('chalk')?.disabled).toBe(false);
  });

  it('disables a forbidden option of a native select', async () => {
    const embed = await platform.mountProduct(PRODUCTS.lamp, { selectStyle: 'select' });
    const diameter = control<HTMLSelectElement>(embed.element, 'Diameter');

    enter(control<HTMLSelectElement>(embed.element, 'Mounting'), 'track');

    expect([...diameter.options].map((option) => option.disabled)).toEqual([false, false, true]);
  });

  it('moves another choice off an option that a new choice forbids', async () => {
    const embed = await platform.mountProduct(PRODUCTS.table, { variant: { legColor: 'chalk' } });
    const changed = nextEvent(embed.element, 'configurator:change');

    radios(embed.element, 'Wood').get('walnut')?.click();

    expect(embed.getVariant()).toMatchObject({ wood: 'walnut', legColor: 'natural' });
    expect(radios(embed.element, 'Leg colour').get('natural')?.checked).toBe(true);
    expect((await changed).detail).toMatchObject({
      key: 'wood',
      value: 'walnut',
      variant: { wood: 'walnut', legColor: 'natural' },
    });
  });

  it('moves a number to the nearest allowed value when a toggle forbids it', async () => {
    const embed = await platform.mountProduct(PRODUCTS.table, { variant: { length: 280 } });
    const length = control(embed.element, 'Length (cm)');

    control(embed.element, 'Extension leaf').click();

    expect(embed.getVariant()).toMatchObject({ extensionLeaf: true, length: 260 });
    expect([length.value, length.max]).toEqual(['260', '260']);
  });

  it('refuses a choice that a rule forbids, even when the control was not disabled', async () => {
    const embed = await platform.mountProduct(PRODUCTS.table, { variant: { wood: 'walnut' } });
    const chalk = radios(embed.element, 'Leg colour').get('chalk');
    const changes = vi.fn();
    embed.element.addEventListener('configurator:change', changes);

    // As a page script or a stale control might: the rule must hold anyway.
    if (chalk !== undefined) chalk.disabled = false;
    chalk?.click();

    expect(embed.getVariant()?.legColor).toBe('natural');
    expect(chalk?.checked).toBe(false);
    expect(chalk?.disabled).toBe(true);
    expect(embed.element.querySelector('.ce-notice')?.textContent).toBe(
      'That choice is not available with the other options chosen.',
    );
    expect(changes).not.toHaveBeenCalled();
  });

  it('narrows the number hint to the range a rule leaves', async () => {
    const embed = await platform.mountProduct(PRODUCTS.table);
    const length = control(embed.element, 'Length (cm)');
    const hint = () => document.getElementById(length.getAttribute('aria-describedby') ?? '');

    embed.setVariant({ extensionLeaf: true });

    expect(length.max).toBe('260');
    expect(hint()?.textContent).toBe('From 160 to 260, in steps of 20.');

    embed.setVariant({ extensionLeaf: false });

    expect(hint()?.textContent).toBe('From 160 to 280, in steps of 20.');
  });

  it('refuses a typed number that a rule forbids and shows the one before', async () => {
    const embed = await platform.mountProduct(PRODUCTS.table, { variant: { extensionLeaf: true } });
    const length = control(embed.element, 'Length (cm)');

    enter(length, '280');

    expect(embed.getVariant()?.length).toBe(200);
    expect(length.value).toBe('200');
  });

  it('moves a typed number onto the range and the step', async () => {
    const embed = await platform.mountProduct(PRODUCTS.table);
    const length = control(embed.element, 'Length (cm)');

    enter(length, '265');
    expect(embed.getVariant()?.length).toBe(260);

    enter(length, '9000');
    expect(embed.getVariant()?.length).toBe(280);
    expect(length.value).toBe('280');
  });

  it('keeps decimal steps free of float noise', async () => {
    const embed = await platform.mountProduct(PRODUCTS.lamp);

    enter(control(embed.element, 'Cord length (m)'), '0.7000001');

    expect(embed.getVariant()?.cordLength).toBe(0.7);
  });

  it('refuses an empty number and says why', async () => {
    const embed = await platform.mountProduct(PRODUCTS.table);

    enter(control(embed.element, 'Length (cm)'), '');

    expect(embed.getVariant()?.length).toBe(200);
    expect(embed.element.querySelector('.ce-notice')?.textContent).toBe(
      'Length (cm) must be a number.',
    );
  });

  it('hands over typed text on change', async () => {
    const embed = await platform.mountProduct(PRODUCTS.chair);

    enter(control(embed.element, 'Engraving'), 'For Ada');

    expect(embed.getVariant()?.engraving).toBe('For Ada');
  });
});

describe('the price', () => {
  it('adds option and toggle prices to the base price as choices change', async () => {
    const embed = await platform.mountProduct(PRODUCTS.table);

    expect(shownPrice(embed)).toBe('€1,290.00');

    radios(embed.element, 'Wood').get('walnut')?.click();
    expect(shownPrice(embed)).toBe('€1,710.00');

    control(embed.element, 'Extension leaf').click();
    expect(shownPrice(embed)).toBe('€1,950.00');

    radios(embed.element, 'Leg colour').get('black')?.click();
    expect(shownPrice(embed)).toBe('€2,010.00');

    radios(embed.element, 'Wood').get('ash')?.click();
    expect(shownPrice(embed)).toBe('€1,530.00');
    expect(embed.getPrice()).toEqual({ amount: 1530, currency: 'EUR', formatted: '€1,530.00' });
  });

  it('subtracts a toggle price when the toggle is turned off', async () => {
    const embed = await platform.mountProduct(PRODUCTS.chair);

    expect(shownPrice(embed)).toBe('$839.00');

    control(embed.element, 'Armrests').click();

    expect(shownPrice(embed)).toBe('$749.00');
  });

  it("formats in the configurator's currency and the page's language", async () => {
    document.documentElement.lang = 'de-DE';

    const embed = await platform.mountProduct(PRODUCTS.table);

    expect(shownPrice(embed)).toBe('1.290,00\u00a0€');
  });

  it('formats in the locale it is given over the page', async () => {
    document.documentElement.lang = 'de-DE';

    const embed = await platform.mountProduct(PRODUCTS.chair, { locale: 'en-GB' });

    expect(shownPrice(embed)).toBe('US$839.00');
  });

  it('is announced politely when it changes', async () => {
    const embed = await platform.mountProduct(PRODUCTS.table);
    const output = embed.element.querySelector('output');

    expect(output?.getAttribute('aria-live')).toBe('polite');
    expect(output?.getAttribute('aria-atomic')).toBe('true');
  });
});

describe('getVariant and setVariant', () => {
  it('gives null before the configurator has loaded, then a copy of every value', async () => {
    const embed = mount(host(), { client: platform.client(), productId: PRODUCTS.lamp });

    expect(embed.getVariant()).toBeNull();
    expect(() => embed.setVariant({ dimmable: true })).toThrow(
      expect.objectContaining({
        name: 'UsageError',
        message: expect.stringContaining('not loaded'),
      }),
    );

    await embed.ready;
    const variant = embed.getVariant();
    if (variant !== null) variant.shade = 'changed';

    expect(embed.getVariant()).toEqual({
      shade: 'ivory',
      diameter: '45',
      cordLength: 1.5,
      mounting: 'ceiling',
      dimmable: false,
    });
  });

  it('changes the controls and the price, and applies the rules', async () => {
    const embed = await platform.mountProduct(PRODUCTS.lamp, { variant: { diameter: '60' } });

    const variant = embed.setVariant({ mounting: 'track', shade: 'graphite' });

    expect(variant).toMatchObject({ mounting: 'track', shade: 'graphite', diameter: '45' });
    expect(radios(embed.element, 'Shade colour').get('graphite')?.checked).toBe(true);
    expect(radios(embed.element, 'Diameter').get('60')?.disabled).toBe(true);
    expect(shownPrice(embed)).toBe('€229.00');
  });

  it('takes a colour as { r, g, b } and keeps the option it matches', async () => {
    const embed = await platform.mountProduct(PRODUCTS.lamp);

    embed.setVariant({ shade: { r: 204, g: 119, b: 34 } });

    expect(embed.getVariant()?.shade).toBe('ochre');
  });

  it('throws a ValidationError listing the problems, and changes nothing', async () => {
    const embed = await platform.mountProduct(PRODUCTS.table);

    expect(() => embed.setVariant({ wood: 'teak', height: 3 })).toThrow(
      expect.objectContaining({
        name: 'ValidationError',
        code: 'invalid_argument',
        errors: expect.arrayContaining([expect.objectContaining({ key: 'wood' })]),
      }),
    );
    expect(() => embed.setVariant({ wood: 'walnut', legColor: 'chalk' })).toThrow(
      expect.objectContaining({ name: 'ValidationError' }),
    );
    expect(embed.getVariant()).toMatchObject({ wood: 'oak', legColor: 'natural' });
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 5],
    ['a string', 'wood'],
    ['an array', ['walnut']],
  ])(
    'throws a ValidationError for %s, which is not a variant, and changes nothing',
    async (_, changes) => {
      const embed = await platform.mountProduct(PRODUCTS.table);

      expect(() => embed.setVariant(changes as never)).toThrow(
        expect.objectContaining({
          name: 'ValidationError',
          code: 'invalid_argument',
          errors: [expect.objectContaining({ key: 'variant' })],
        }),
      );
      expect(embed.getVariant()).toMatchObject({ wood: 'oak' });
    },
  );

  it("throws a ValidationError with the page's error as cause when a value cannot be read", async () => {
    const embed = await platform.mountProduct(PRODUCTS.table);
    const broken = new Error('not yet');
    const changes = {
      get wood(): string {
        throw broken;
      },
    };
    let caught: unknown;

    try {
      embed.setVariant(changes);
    } catch (error) {
      caught = error;
    }

    expect(caught).toMatchObject({ name: 'ValidationError', code: 'invalid_argument' });
    expect((caught as Error).cause).toBe(broken);
    expect(embed.getVariant()).toMatchObject({ wood: 'oak' });
  });

  it('refuses an own __proto__ key as an unknown attribute', async () => {
    const embed = await platform.mountProduct(PRODUCTS.table);

    expect(() => embed.setVariant(JSON.parse('{"__proto__":{"wood":"walnut"}}'))).toThrow(
      expect.objectContaining({
        name: 'ValidationError',
        code: 'invalid_argument',
        errors: [expect.objectContaining({ key: '__proto__' })],
      }),
    );
    expect(embed.getVariant()).toMatchObject({ wood: 'oak' });
  });

  it("does not fire configurator:change, which is for the shopper's changes", async () => {
    const embed = await platform.mountProduct(PRODUCTS.table);
    const changes = vi.fn();
    embed.element.addEventListener('configurator:change', changes);

    embed.setVariant({ wood: 'ash' });

    expect(changes).not.toHaveBeenCalled();
  });
});
