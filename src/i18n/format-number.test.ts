import { describe, expect, it } from 'vitest';
import { formatNumber, quantityOfUnit, roundForDisplay } from './format-number.ts';

// Expected strings are written by hand from the Dutch and English conventions (decimal comma and
// thousands point in Dutch, the reverse in English) and the rounding rule of each quantity.
describe('the one number formatter', () => {
  it('groups thousands in Dutch from four digits on, with a point', () => {
    expect(formatNumber(13030, 'nl', { quantity: 'count' })).toBe('13.000');
    expect(formatNumber(4196, 'nl')).toBe('4.196');
    expect(formatNumber(4196, 'en')).toBe('4,196');
  });

  it('never shows minus zero', () => {
    expect(formatNumber(-0, 'nl')).toBe('0');
    expect(formatNumber(-0.004, 'nl')).toBe('0');
    expect(formatNumber(-0.04, 'nl', { quantity: 'temperature' })).toBe('0');
    expect(formatNumber(-0.004, 'en', { signed: true })).toBe('0');
  });

  it('rounds model figures to what the model can tell', () => {
    // The stumbles of issue 15: "135.023,1 ritten" and "36.967,51 persoonminuten".
    expect(formatNumber(135_023.1, 'nl', { quantity: 'count' })).toBe('135.000');
    expect(formatNumber(36_967.51, 'nl', { quantity: 'personMinutes' })).toBe('37.000');
    expect(formatNumber(912.4, 'nl', { quantity: 'personMinutes' })).toBe('912');
    expect(formatNumber(3.954, 'nl', { quantity: 'density' })).toBe('3,95');
    expect(formatNumber(2.1528, 'en', { quantity: 'density' })).toBe('2.15');
    expect(formatNumber(31.46, 'nl', { quantity: 'temperature' })).toBe('31,5');
    expect(roundForDisplay(987_654, 'measure')).toBe(988_000);
    expect(formatNumber(0.34, 'nl', { quantity: 'minutes', signed: true })).toBe('+0,3');
  });

  it('signs changes', () => {
    expect(formatNumber(1200, 'nl', { signed: true })).toBe('+1.200');
    expect(formatNumber(-3.25, 'en', { quantity: 'temperature', signed: true })).toBe('-3.3');
  });

  it('knows the quantity of each model unit', () => {
    expect(quantityOfUnit('p/m²')).toBe('density');
    expect(quantityOfUnit('person-min')).toBe('personMinutes');
    expect(quantityOfUnit('persons')).toBe('count');
    expect(quantityOfUnit('°C')).toBe('temperature');
    expect(quantityOfUnit('min')).toBe('minutes');
    expect(quantityOfUnit('something new')).toBe('plain');
  });
});
