import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { mount } from '../../src/index';
import { SEED } from '../../src/mock/seed';
import { API_URL } from '../support/platform';
import { PRODUCTS, host, nextEvent, quietConsole, useEmbedPlatform } from './support';

const platform = useEmbedPlatform();

type Attributes = Array<Record<string, unknown>>;

/** Answers the seeded chair's configurator with its attributes changed by `change`. */
function answerChairWith(change: (attributes: Attributes) => void): void {
  const definition = structuredClone(
    platform.state.findProduct(SEED.orgId, PRODUCTS.chair),
  ) as unknown as { attributes: Attributes };
  change(definition.attributes);

  platform.server.use(
    http.get(`${API_URL}/api/products/:id/configurator`, () =>
      HttpResponse.json(definition, { headers: { 'access-control-allow-origin': '*' } }),
    ),
  );
}

function attribute(attributes: Attributes, key: string): Record<string, unknown> {
  const found = attributes.find((candidate) => candidate['key'] === key);
  if (found === undefined) throw new Error(`The chair has no attribute ${key}.`);

  return found;
}

describe("the embed with a configurator's defaults", () => {
  it('prices a colour default given as { r, g, b } as it prices its option by value', async () => {
    const chair = platform.state.findProduct(SEED.orgId, PRODUCTS.chair);
    const upholstery = chair?.attributes.find((candidate) => candidate.key === 'upholstery');
    const option = upholstery?.type === 'color' ? upholstery.options.at(-1) : undefined;
    if (option?.swatch === undefined || !option.price) {
      throw new Error('The seeded upholstery has no priced swatch to test with.');
    }
    const hex = Number.parseInt(option.swatch.slice(1), 16);
    const rgb = { r: hex >> 16, g: (hex >> 8) & 0xff, b: hex & 0xff };

    answerChairWith((attributes) => {
      attribute(attributes, 'upholstery')['default'] = option.value;
    });
    const byValue = await platform.mountProduct(PRODUCTS.chair);
    answerChairWith((attributes) => {
      attribute(attributes, 'upholstery')['default'] = rgb;
    });
    const bySwatch = await platform.mountProduct(PRODUCTS.chair);

    expect(bySwatch.getVariant()?.['upholstery']).toEqual(rgb);
    expect(bySwatch.getPrice()).toEqual(byValue.getPrice());
  });

  it('shows an empty text field when another attribute under the same key gives a boolean', async () => {
    answerChairWith((attributes) => {
      attributes.push({
        key: 'engraving',
        label: 'Engraving wanted',
        type: 'toggle',
        default: true,
      });
    });
    const element = host();

    await mount(element, { client: platform.client(), productId: PRODUCTS.chair }).ready;

    const field = element.querySelector<HTMLInputElement>('input[type="text"]');
    expect(field).not.toBeNull();
    expect(field?.value).toBe('');
  });

  it.each([
    ['null', null],
    ['a number', 5],
    ['an object that cannot become text', { toString: 1, valueOf: 1 }],
  ])(
    'shows its error state, with no unhandled rejection, for a text default that is %s',
    async (_, value) => {
      const console = quietConsole();
      answerChairWith((attributes) => {
        attribute(attributes, 'engraving')['default'] = value;
      });
      const element = host();

      // As the script tag does, nobody awaits `ready`: a rejection would go unhandled.
      const failed = nextEvent(element, 'configurator:error');
      const embed = mount(element, { client: platform.client(), productId: PRODUCTS.chair });
      const { detail } = await failed;
      await embed.ready;

      expect(detail.error).toMatchObject({ name: 'ResponseError', code: 'unexpected_response' });
      expect(element.querySelector('[aria-busy="true"]')).toBeNull();
      expect(element.textContent).toContain('Something went wrong');
      expect(console.error).toHaveBeenCalled();
    },
  );
});
