// Deterministic generated manuscripts for benchmarks and large-input tests: articles of the sample's
// size and long books with hundreds of notes. A seeded generator: the same call, the same text.
const WORDS = (
  'region cooperation economic relations summit trade security stability policy development energy ' +
  'investment border market infrastructure diplomacy partnership agreement integration leaders capital ' +
  'analysis historical strategic dialogue regional international ministry pipeline railway corridor ' +
  'Ankara İstanbul Kazakhstan Kyrgyzstan Tajikistan Turkmenistan Uzbekistan Azerbaijan Türkiye Eurasia'
).split(' ');

/** mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next: () => number): string {
  const length = 12 + Math.floor(next() * 14);
  const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  const text = words.join(' ');
  return `${text.charAt(0).toLocaleUpperCase('en')}${text.slice(1)}.`;
}

function paragraph(next: () => number, sentences = 5): string {
  return Array.from({ length: sentences }, () => sentence(next)).join(' ');
}

/** An article about the sample's size: six paragraphs, three notes, an author with a bio. */
export function generateArticle(index: number): string {
  const next = random(index + 1);
  const notes = [1, 2, 3];
  const body = Array.from({ length: 6 }, (_, paragraphIndex) => {
    const call = paragraphIndex > 0 && paragraphIndex <= 3 ? `[^n${paragraphIndex}]` : '';
    return `${paragraph(next, 6)}${call}`;
  });
  return [
    '---',
    `title: Generated Analysis Number ${index + 1}`,
    'type: Analysis',
    'author:',
    '  name: Ayşe Işıkoğlu',
    '  role: Analyst',
    `  bio: ${sentence(next)} ${sentence(next)}`,
    `description: ${sentence(next)}`,
    'keywords: [Eurasia, generated]',
    '---',
    '',
    ...body.flatMap((text) => [text, '']),
    ...notes.map((number) => `[^n${number}]: ${sentence(next)} <https://example.org/source/${index}/${number}>\n`),
  ].join('\n');
}

export interface BookShape {
  chapters: number;
  notes: number;
  paragraphsPerChapter: number;
}

/** A long book: chapters under level-1 headings, notes spread evenly through the text. */
export function generateBook(shape: BookShape = { chapters: 50, notes: 500, paragraphsPerChapter: 24 }): string {
  const next = random(42);
  const totalParagraphs = shape.chapters * shape.paragraphsPerChapter;
  const out: string[] = [
    '---',
    'title: A Generated Book of Eurasian Studies',
    'type: Book',
    'author:',
    '  - name: Ayşe Işıkoğlu',
    '    role: Editor',
    '    bio: A generated editor.',
    '  - name: İlker Öztürk',
    '    role: Author',
    'description: A long generated book for benchmarks and large-input tests.',
    'keywords: [generated, benchmark]',
    '---',
    '',
  ];
  const definitions: string[] = [];
  let note = 0;
  for (let chapter = 0; chapter < shape.chapters; chapter++) {
    out.push(`# Chapter ${chapter + 1}: ${sentence(next).slice(0, 40).replace(/\.$/, '')}`, '');
    for (let index = 0; index < shape.paragraphsPerChapter; index++) {
      const paragraphNumber = chapter * shape.paragraphsPerChapter + index;
      // Spread the notes evenly: note k sits in paragraph floor(k * total / notes).
      let calls = '';
      while (note < shape.notes && Math.floor((note * totalParagraphs) / shape.notes) === paragraphNumber) {
        note += 1;
        calls += `[^b${note}]`;
        definitions.push(`[^b${note}]: ${sentence(next)}${note % 7 === 0 ? ` ${paragraph(next, 3)}` : ''}`);
      }
      out.push(`${paragraph(next, 6)}${calls}`, '');
    }
  }
  return [...out, ...definitions.flatMap((definition) => [definition, ''])].join('\n');
}
