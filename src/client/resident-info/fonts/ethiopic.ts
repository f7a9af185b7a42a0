import regular from '@fontsource/noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-400-normal.woff2?url';
import bold from '@fontsource/noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-700-normal.woff2?url';

// Only the Ethiopic subset (Tigrinya, Amharic), weights 400/700: many tablets have no Ethiopic font.
export const faces = [
  { family: 'Noto Sans Ethiopic', url: regular, weight: '400' },
  { family: 'Noto Sans Ethiopic', url: bold, weight: '700' },
];
