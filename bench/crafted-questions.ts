// Crafted worst-case questions: 300 characters of near-miss product words, typos, versions and
// question words, the same on every run (a fixed seed), plus a few degenerate shapes.

const WORDS = [
  'windwos',
  'ubunto',
  'servr',
  'enterprize',
  'ltsc',
  'version',
  'is',
  'still',
  'supported',
  'rehl',
  'pyhton',
  '10.0.19045',
  '22h2',
  'sp3',
  'java',
  'vmware',
  'xp',
  'macso',
];

export function craftedQuestions(count: number, seed: number): string[] {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const questions = Array.from({ length: count }, () => {
    let text = '';
    while (text.length < 300)
      text += `${WORDS[Math.floor(random() * WORDS.length)]}${random() < 0.3 ? String(Math.floor(random() * 100)) : ''} `;
    return text.slice(0, 300);
  });
  return [...questions, 'a'.repeat(300), `${'windows '.repeat(37)}8.1`, '1.'.repeat(150), 'w1 '.repeat(100)];
}
