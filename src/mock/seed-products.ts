import type { ConfiguratorDefinition } from '../platform/types';
import { SEED } from './seed';

/**
 * The seeded products, made afresh on each call so that a reset restores them. Together their
 * configurators use every attribute type, rules, option prices, two currencies and versions.
 */
export function seedProducts(): Array<{ orgId: string; definition: ConfiguratorDefinition }> {
  return [
    { orgId: SEED.orgId, definition: diningTable() },
    { orgId: SEED.orgId, definition: loungeChair() },
    { orgId: SEED.orgId, definition: pendantLamp() },
    { orgId: SEED.otherOrg.orgId, definition: floorLamp() },
  ];
}

function diningTable(): ConfiguratorDefinition {
  return {
    id: SEED.products.table,
    name: 'Fjord Dining Table',
    description: 'A solid wood dining table with tapered legs, made to length in our workshop.',
    version: '3.1.0',
    currency: 'EUR',
    basePrice: 1290,
    attributes: [
      {
        key: 'wood',
        label: 'Wood',
        type: 'select',
        default: 'oak',
        options: [
          { value: 'oak', label: 'European oak' },
          { value: 'ash', label: 'White ash', price: -60 },
          { value: 'walnut', label: 'American walnut', price: 420 },
        ],
      },
      {
        key: 'length',
        label: 'Length (cm)',
        type: 'number',
        default: 200,
        min: 160,
        max: 280,
        step: 20,
      },
      { key: 'extensionLeaf', label: 'Extension leaf', type: 'toggle', default: false, price: 240 },
      {
        key: 'legColor',
        label: 'Leg colour',
        type: 'color',
        default: 'natural',
        options: [
          { value: 'natural', label: 'Natural wood', swatch: '#c8a27a' },
          { value: 'black', label: 'Matte black', swatch: '#1f1f1f', price: 60 },
          { value: 'chalk', label: 'Chalk white', swatch: '#f2efe8', price: 60 },
        ],
      },
    ],
    rules: [
      // A white lacquer on walnut hides the grain customers pay for; the workshop refuses it.
      { when: { wood: 'walnut' }, disable: { legColor: ['chalk'] } },
      { when: { extensionLeaf: true }, disable: { length: [280] } },
    ],
  };
}

function loungeChair(): ConfiguratorDefinition {
  return {
    id: SEED.products.chair,
    name: 'Sora Lounge Chair',
    description: 'A low lounge chair with a bentwood frame and a removable cover.',
    version: '1.4.0',
    currency: 'USD',
    basePrice: 749,
    attributes: [
      {
        key: 'upholstery',
        label: 'Upholstery',
        type: 'color',
        default: 'sand',
        options: [
          { value: 'sand', label: 'Sand boucle', swatch: '#d8c8a8' },
          { value: 'slate', label: 'Slate wool', swatch: '#5b6770' },
          { value: 'forest', label: 'Forest velvet', swatch: '#2f4f3a', price: 80 },
          { value: 'terracotta', label: 'Terracotta leather', swatch: '#c4623f', price: 310 },
        ],
      },
      {
        key: 'frame',
        label: 'Frame',
        type: 'select',
        default: 'oak',
        options: [
          { value: 'oak', label: 'Natural oak' },
          { value: 'black-oak', label: 'Black stained oak', price: 40 },
          { value: 'walnut', label: 'Walnut', price: 150 },
        ],
      },
      { key: 'armrests', label: 'Armrests', type: 'toggle', default: true, price: 90 },
      { key: 'engraving', label: 'Engraving', type: 'text', default: '', maxLength: 24 },
    ],
    rules: [{ when: { frame: 'walnut' }, disable: { upholstery: ['terracotta'] } }],
  };
}

function pendantLamp(): ConfiguratorDefinition {
  return {
    id: SEED.products.lamp,
    name: 'Halo Pendant Lamp',
    description: 'A spun aluminium pendant with a fabric cord cut to the length you need.',
    version: '2.0.1',
    currency: 'EUR',
    basePrice: 189,
    attributes: [
      {
        key: 'shade',
        label: 'Shade colour',
        type: 'color',
        default: 'ivory',
        options: [
          { value: 'ivory', label: 'Ivory', swatch: '#fffff0' },
          { value: 'ochre', label: 'Ochre', swatch: '#cc7722' },
          { value: 'graphite', label: 'Graphite', swatch: '#3a3a3a', price: 15 },
        ],
      },
      {
        key: 'diameter',
        label: 'Diameter',
        type: 'select',
        default: '45',
        options: [
          { value: '30', label: '30 cm', price: -40 },
          { value: '45', label: '45 cm' },
          { value: '60', label: '60 cm', price: 90 },
        ],
      },
      {
        key: 'cordLength',
        label: 'Cord length (m)',
        type: 'number',
        default: 1.5,
        min: 0.5,
        max: 3,
        step: 0.1,
      },
      {
        key: 'mounting',
        label: 'Mounting',
        type: 'select',
        default: 'ceiling',
        options: [
          { value: 'ceiling', label: 'Ceiling rose' },
          { value: 'track', label: 'Track adapter', price: 25 },
        ],
      },
      { key: 'dimmable', label: 'Dimmable driver', type: 'toggle', default: false, price: 35 },
    ],
    // A track adapter carries at most 4 kg; the 60 cm shade weighs 5.2 kg.
    rules: [{ when: { mounting: 'track' }, disable: { diameter: ['60'] } }],
  };
}

function floorLamp(): ConfiguratorDefinition {
  return {
    id: SEED.otherOrg.products.floorLamp,
    name: 'Beacon Floor Lamp',
    description: 'A brass floor lamp with a linen shade.',
    version: '1.0.0',
    currency: 'GBP',
    basePrice: 420,
    attributes: [
      {
        key: 'shade',
        label: 'Shade',
        type: 'select',
        default: 'linen',
        options: [
          { value: 'linen', label: 'Natural linen' },
          { value: 'pleated', label: 'Pleated cotton', price: 45 },
        ],
      },
    ],
  };
}
