// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { effectiveVariant, validateVariant } from '../../src/configurator/validate-variant';
import { SEED } from '../../src/mock/seed';
import { createPlatformState } from '../../src/mock/state';
import type { ConfiguratorDefinition } from '../../src/platform/types';

const state = createPlatformState();

function product(productId: string): ConfiguratorDefinition {
  const definition = state.findProduct(SEED.orgId, productId);

  if (definition === undefined) {
    throw new Error(`no seeded product ${productId}`);
  }

  return definition;
}

/** The configurator with another default for one select or colour attribute. */
function withDefault(
  definition: ConfiguratorDefinition,
  key: string,
  value: string,
): ConfiguratorDefinition {
  return {
    ...definition,
    attributes: definition.attributes.map((attribute) =>
      attribute.key === key && (attribute.type === 'select' || attribute.type === 'color')
        ? { ...attribute, default: value }
        : attribute,
    ),
  };
}

const table = product(SEED.products.table);
const chair = product(SEED.products.chair);
const lamp = product(SEED.products.lamp);

describe('validateVariant', () => {
  it.each([
    [
      'the table, every key given',
      table,
      { wood: 'walnut', length: 240, extensionLeaf: true, legColor: 'black' },
    ],
    ['the table, no key given', table, {}],
    ['the table, a colour as { r, g, b }', table, { legColor: { r: 31, g: 31, b: 31 } }],
    [
      'the chair, with an engraving of 24 characters',
      chair,
      { upholstery: 'terracotta', frame: 'oak', armrests: false, engraving: 'x'.repeat(24) },
    ],
    ['the chair, an engraving of 24 emoji', chair, { engraving: '\u{1F98A}'.repeat(24) }],
    [
      'the lamp, a cord length on a 0.1 step',
      lamp,
      { cordLength: 1.7, shade: 'graphite', mounting: 'track', diameter: '45' },
    ],
    ['the lamp, a cord length at its bounds', lamp, { cordLength: 3 }],
    ['the lamp, a cord length summed in floats', lamp, { cordLength: 0.1 + 0.2 + 0.5 }],
    [
      'the lamp, a swatch written #rgb matched by { r, g, b }',
      lamp,
      { shade: { r: 0xcc, g: 0x77, b: 0x22 } },
    ],
  ])('finds no problem in %s', (_name, definition, variant) => {
    expect(validateVariant(definition, variant)).toEqual([]);
  });

  it.each([
    ['an unknown key', table, { legs: 4 }, ['legs']],
    [
      'a key inherited from Object',
      table,
      JSON.parse('{"constructor": 1}') as object,
      ['constructor'],
    ],
    ['a select value that is no option', table, { wood: 'teak' }, ['wood']],
    ['a select value of the wrong type', table, { wood: 1 }, ['wood']],
    ['a toggle given as a string', table, { extensionLeaf: 'yes' }, ['extensionLeaf']],
    ['a number given as a string', table, { length: '200' }, ['length']],
    ['a number under its minimum', table, { length: 140 }, ['length']],
    ['a number over its maximum', table, { length: 300 }, ['length']],
    ['a number off its step', table, { length: 210 }, ['length']],
    ['a number off a 0.1 step', lamp, { cordLength: 1.75 }, ['cordLength']],
    ['a number that is not finite', lamp, { cordLength: Number.NaN }, ['cordLength']],
    ['text over its maximum length', chair, { engraving: 'x'.repeat(25) }, ['engraving']],
    ['text of the wrong type', chair, { engraving: 42 }, ['engraving']],
    ['a colour that is no option', chair, { upholstery: 'purple' }, ['upholstery']],
    [
      'a colour whose { r, g, b } matches no swatch',
      chair,
      { upholstery: { r: 1, g: 2, b: 3 } },
      ['upholstery'],
    ],
    [
      'a colour with a channel over 255',
      chair,
      { upholstery: { r: 256, g: 0, b: 0 } },
      ['upholstery'],
    ],
    [
      'a colour with a fractional channel',
      chair,
      { upholstery: { r: 91.5, g: 103, b: 112 } },
      ['upholstery'],
    ],
    [
      'a colour with a negative channel',
      chair,
      { upholstery: { r: -1, g: 0, b: 0 } },
      ['upholstery'],
    ],
    [
      'a colour with an extra key',
      chair,
      { upholstery: { r: 91, g: 103, b: 112, a: 1 } },
      ['upholstery'],
    ],
    ['a colour of the wrong type', chair, { upholstery: true }, ['upholstery']],
    [
      'a rule broken by a chosen value',
      chair,
      { frame: 'walnut', upholstery: 'terracotta' },
      ['upholstery'],
    ],
    [
      'a rule broken by a colour given as { r, g, b }',
      chair,
      { frame: 'walnut', upholstery: { r: 196, g: 98, b: 63 } },
      ['upholstery'],
    ],
    [
      'a rule on a number, while a toggle is on',
      table,
      { extensionLeaf: true, length: 280 },
      ['length'],
    ],
    ['a rule on a select', lamp, { mounting: 'track', diameter: '60' }, ['diameter']],
    ['a rule on a colour', table, { wood: 'walnut', legColor: 'chalk' }, ['legColor']],
    [
      'several problems at once',
      chair,
      { frame: 'pine', engraving: 'x'.repeat(30), armrests: 1, cushion: 'y' },
      ['cushion', 'frame', 'armrests', 'engraving'],
    ],
  ])('reports %s', (_name, definition, variant, keys) => {
    const problems = validateVariant(definition, variant);

    expect(problems.map((problem) => problem.key)).toEqual(keys);
    expect(problems.every((problem) => problem.message.length > 0)).toBe(true);
  });

  it('checks rules against defaults for the keys a variant leaves out', () => {
    const withDefaultChalk = withDefault(table, 'legColor', 'chalk');

    expect(validateVariant(withDefaultChalk, { wood: 'walnut' })).toEqual([
      { key: 'legColor', message: expect.stringContaining('wood is "walnut"') as unknown },
    ]);
  });

  it('holds a rule whose condition is met by a default', () => {
    const walnutByDefault = withDefault(chair, 'frame', 'walnut');

    expect(validateVariant(walnutByDefault, { upholstery: 'terracotta' })).toHaveLength(1);
    expect(validateVariant(walnutByDefault, { upholstery: 'terracotta', frame: 'oak' })).toEqual(
      [],
    );
  });

  it('holds a rule only while every condition of it holds', () => {
    const twoConditions: ConfiguratorDefinition = {
      ...lamp,
      rules: [{ when: { mounting: 'track', dimmable: true }, disable: { shade: ['ochre'] } }],
    };

    expect(validateVariant(twoConditions, { mounting: 'track', shade: 'ochre' })).toEqual([]);
    expect(
      validateVariant(twoConditions, { mounting: 'track', dimmable: true, shade: 'ochre' }),
    ).toHaveLength(1);
  });

  it.each([
    ['null', null],
    ['a list', [{ wood: 'oak' }]],
    ['a string', 'oak'],
  ])('reports a variant that is %s under the key variant', (_name, variant) => {
    expect(validateVariant(table, variant).map((problem) => problem.key)).toEqual(['variant']);
  });

  it('names the options to choose from', () => {
    expect(validateVariant(table, { wood: 'teak' })[0]?.message).toBe(
      '"teak" is not an option of Wood: use one of "oak", "ash", "walnut".',
    );
  });
});

describe('effectiveVariant', () => {
  it('fills left-out keys with defaults, keeps given values and drops unknown keys', () => {
    expect(effectiveVariant(chair, { frame: 'walnut', extra: 'x' })).toEqual({
      upholstery: 'sand',
      frame: 'walnut',
      armrests: true,
      engraving: '',
    });
  });

  it('does not read keys through the prototype', () => {
    expect(effectiveVariant(table, JSON.parse('{}') as Record<string, never>)).toEqual({
      wood: 'oak',
      length: 200,
      extensionLeaf: false,
      legColor: 'natural',
    });
  });
});

describe('the seeded configurators', () => {
  it('use every attribute type, rules, swatches, option prices and two currencies', () => {
    const all = [table, chair, lamp];
    const attributes = all.flatMap((definition) => definition.attributes);

    expect(new Set(attributes.map((attribute) => attribute.type))).toEqual(
      new Set(['select', 'color', 'toggle', 'number', 'text']),
    );
    expect(all.every((definition) => (definition.rules ?? []).length > 0)).toBe(true);
    expect(new Set(all.map((definition) => definition.currency))).toEqual(new Set(['EUR', 'USD']));
    expect(all.every((definition) => validateVariant(definition, {}).length === 0)).toBe(true);
  });
});
