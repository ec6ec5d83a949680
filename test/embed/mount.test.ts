import { describe, expect, it } from 'vitest';

import { mount, type ConfiguratorDefinition } from '../../src/index';
import {
  PRODUCTS,
  control,
  host,
  nextEvent,
  quietConsole,
  radios,
  useEmbedPlatform,
} from './support';

const platform = useEmbedPlatform();

/** A product of the seeded organization, every text of which is HTML. */
function hostileProduct(): ConfiguratorDefinition {
  const html = '<img src=x onerror=alert(1)>';

  return {
    id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    name: html,
    description: `<script>alert(2)</script>${html}`,
    version: '1.0.0',
    currency: 'EUR',
    basePrice: 100,
    attributes: [
      {
        key: 'finish',
        label: `<b>Finish</b>${html}`,
        type: 'color',
        default: 'red',
        options: [
          { value: 'red', label: `<i>Red</i>${html}`, swatch: '#f00' },
          { value: 'evil', label: 'Evil', swatch: 'red;background:url(https://evil.test/x)' },
          { value: 'none', label: 'No swatch' },
        ],
      },
      {
        key: 'size',
        label: html,
        type: 'select',
        default: 's',
        options: ['s', 'm', 'l', 'xl', 'xxl'].map((value) => ({ value, label: `<u>${value}</u>` })),
      },
    ],
  };
}

describe('mount', () => {
  it('shows a loading state until the configurator arrives', async () => {
    const element = host();
    const embed = mount(element, { client: platform.client(), productId: PRODUCTS.table });

    expect(element.querySelector('[role=status]')?.textContent).toBe('Loading the configurator…');
    expect(element.querySelector('.ce')?.getAttribute('aria-busy')).toBe('true');

    await embed.ready;

    expect(element.querySelector('.ce')?.hasAttribute('aria-busy')).toBe(false);
    expect(element.querySelector('h2')?.textContent).toBe('Fjord Dining Table');
  });

  it('renders each attribute type as its control, with its label', async () => {
    const chair = await platform.mountProduct(PRODUCTS.chair);
    const table = await platform.mountProduct(PRODUCTS.table);

    // color: swatches with names, in a fieldset with a legend
    const upholstery = radios(chair.element, 'Upholstery');
    expect([...upholstery.keys()]).toEqual(['sand', 'slate', 'forest', 'terracotta']);
    expect(upholstery.get('sand')?.checked).toBe(true);
    expect(upholstery.get('forest')?.closest('label')?.textContent).toBe('Forest velvet +$80.00');

    // select: a radio group for a few options
    expect(radios(chair.element, 'Frame').get('oak')?.checked).toBe(true);

    // toggle: a checkbox
    const armrests = control(chair.element, 'Armrests');
    expect(armrests.type).toBe('checkbox');
    expect(armrests.checked).toBe(true);

    // text: an input with its length limit, said in a hint
    const engraving = control(chair.element, 'Engraving');
    expect(engraving.type).toBe('text');
    expect(engraving.maxLength).toBe(24);
    expect(describedBy(engraving)).toBe('Up to 24 characters.');

    // number: a number input with its range and step
    const length = control(table.element, 'Length (cm)');
    expect([length.type, length.min, length.max, length.step, length.value]).toEqual([
      'number',
      '160',
      '280',
      '20',
      '200',
    ]);
    expect(describedBy(length)).toBe('From 160 to 280, in steps of 20.');
  });

  it('shows a select attribute as a native select when asked, with option prices', async () => {
    const embed = await platform.mountProduct(PRODUCTS.table, { selectStyle: 'select' });
    const wood = control<HTMLSelectElement>(embed.element, 'Wood');

    expect(wood.tagName).toBe('SELECT');
    expect(wood.value).toBe('oak');
    expect([...wood.options].map((option) => option.text)).toEqual([
      'European oak',
      'White ash (-€60.00)',
      'American walnut (+€420.00)',
    ]);
  });

  it('shows text from the platform as text, never as HTML', async () => {
    platform.state.putProduct(hostileProduct());

    const embed = await platform.mountProduct('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');

    expect(embed.element.querySelector('h2')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(embed.element.querySelectorAll('img, script, b, i, u')).toHaveLength(0);
    expect(embed.element.textContent).toContain('<script>alert(2)</script>');
    expect(embed.element.querySelector('legend')?.textContent).toContain('<b>Finish</b>');
    expect(
      control<HTMLSelectElement>(embed.element, '<img src=x onerror=alert(1)>').options[0]?.text,
    ).toBe('<u>s</u>');
  });

  it('paints only hex colours as swatches', async () => {
    platform.state.putProduct(hostileProduct());

    const embed = await platform.mountProduct('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
    const chips = [...embed.element.querySelectorAll<HTMLElement>('.ce-swatch')];

    expect(chips.map((chip) => chip.style.getPropertyValue('--ce-swatch'))).toEqual([
      '#f00',
      '',
      '',
    ]);
    expect(chips.map((chip) => chip.classList.contains('ce-swatch--unknown'))).toEqual([
      false,
      true,
      true,
    ]);
    expect(embed.element.innerHTML).not.toContain('evil.test');
  });

  it('says so when a product has no options to choose', async () => {
    platform.state.putProduct({
      id: 'aaaaaaaa-bbbb-4ccc-8ddd-000000000001',
      name: 'Gift card',
      description: 'One value.',
      version: '1.0.0',
      currency: 'EUR',
      basePrice: 50,
      attributes: [],
    });

    const embed = await platform.mountProduct('aaaaaaaa-bbbb-4ccc-8ddd-000000000001');

    expect(embed.element.querySelector('.ce-empty')?.textContent).toBe(
      'This product has no options to choose.',
    );
    expect(embed.element.querySelector('output')?.textContent).toBe('€50.00');
    expect(embed.getVariant()).toEqual({});
  });

  it('starts from the variant it is given, with defaults for the rest', async () => {
    const embed = await platform.mountProduct(PRODUCTS.table, {
      variant: { wood: 'walnut', length: 240 },
    });

    expect(embed.getVariant()).toEqual({
      wood: 'walnut',
      length: 240,
      extensionLeaf: false,
      legColor: 'natural',
    });
  });

  it('warns in the console about a starting variant that does not fit, and skips it', async () => {
    const console = quietConsole();

    const embed = await platform.mountProduct(PRODUCTS.table, { variant: { wood: 'teak' } });

    expect(embed.getVariant()?.wood).toBe('oak');
    expect(console.warn).toHaveBeenCalledWith(
      expect.stringMatching(/^\[configurator-embed\] mount: options\.variant .*ignored: wood\.$/),
    );
  });

  it('gives the product name a heading of the level asked for', async () => {
    const embed = await platform.mountProduct(PRODUCTS.lamp, { headingLevel: 3 });

    expect(embed.element.querySelector('h3')?.textContent).toBe('Halo Pendant Lamp');
  });

  it('throws a UsageError for calls that cannot work, and adds nothing', () => {
    const element = host();
    const client = platform.client();

    expect(() =>
      mount(null as unknown as HTMLElement, { client, productId: PRODUCTS.table }),
    ).toThrow(expect.objectContaining({ name: 'UsageError', code: 'invalid_option' }));
    expect(() => mount(element, { productId: PRODUCTS.table } as never)).toThrow(
      expect.objectContaining({ name: 'UsageError', message: expect.stringContaining('client') }),
    );
    expect(() =>
      mount(element, { client, productId: PRODUCTS.table, selectStyle: 'grid' as never }),
    ).toThrow(expect.objectContaining({ name: 'UsageError' }));
    expect(element.childNodes).toHaveLength(0);
  });

  it('refuses a stylesheet address that is not a URL, leaving the element as it was', async () => {
    const element = host();
    const client = platform.client();
    let caught: unknown;

    try {
      mount(element, { client, productId: PRODUCTS.table, stylesheet: 'http://[' });
    } catch (error) {
      caught = error;
    }

    expect(caught).toMatchObject({ name: 'UsageError', code: 'invalid_option' });
    expect(element.children).toHaveLength(0);
    expect(document.head.querySelector('link')).toBeNull();
    await mount(element, { client, productId: PRODUCTS.table }).ready;
    expect(element.querySelector('h2')?.textContent).toBe('Fjord Dining Table');
  });

  it('refuses to mount twice on one element', async () => {
    const element = host();
    const client = platform.client();
    mount(element, { client, productId: PRODUCTS.table });

    expect(() => mount(element, { client, productId: PRODUCTS.chair })).toThrow(
      expect.objectContaining({
        name: 'UsageError',
        message: expect.stringContaining('already mounted'),
      }),
    );
    await nextEvent(element, 'configurator:load');
  });

  it('leaves what the page put in the element where it was', async () => {
    const element = host();
    const note = document.createElement('p');
    element.append(note);

    const embed = mount(element, { client: platform.client(), productId: PRODUCTS.table });
    await embed.ready;

    expect(element.firstElementChild).toBe(note);
    expect(element.children).toHaveLength(2);
  });
});

function describedBy(element: HTMLElement): string | null | undefined {
  const id = element.getAttribute('aria-describedby') ?? '';

  return document.getElementById(id)?.textContent;
}
