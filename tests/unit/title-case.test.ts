// Capitals from a converted document's styling come back as words, by each word's language.
import { describe, expect, it } from 'vitest';
import { isAllCapitals, nameCase, titleCase } from '../../src/transform/title-case.js';

describe('title case', () => {
  it('gives a Turkish surname in capitals its Turkish lower case, in an English document too', () => {
    expect(nameCase('Şevval Beste GÖKÇELİK', 'en')).toBe('Şevval Beste Gökçelik');
    expect(nameCase('AYŞE YILDIRIM', 'tr')).toBe('Ayşe Yıldırım');
    expect(nameCase('JOHN SMITH', 'en')).toBe('John Smith');
  });

  it('sets an English title in capitals in title case, small words lower', () => {
    expect(titleCase('CHINA’S INTERACTION WITH CENTRAL ASIAN COUNTRIES IS INCREASING', 'en')).toBe('China’s Interaction with Central Asian Countries Is Increasing');
    expect(titleCase('THE ROAD TO ASTANA AND BEYOND OF', 'en')).toBe('The Road to Astana and Beyond Of');
  });

  it('sets a Turkish title with Turkish rules', () => {
    expect(titleCase('ORTA KORİDOR VE IĞDIR', 'tr')).toBe('Orta Koridor ve Iğdır');
  });

  it('leaves what is not all capitals as written', () => {
    expect(titleCase('NATO and the EU', 'en')).toBe('NATO and the EU');
    expect(nameCase('Ana de la Cruz', 'en')).toBe('Ana de la Cruz');
    expect(isAllCapitals('AB')).toBe(true);
    expect(isAllCapitals('A')).toBe(false);
  });
});
