import regular from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import bold from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2?url';

// Only the Arabic-script subset (Arabic, Persian/Dari, Pashto, Sorani letters) in the two weights the
// screens use; Latin falls back to the system font. woff2 only: every browser that runs the app has it.
export const faces = [
  { family: 'Noto Sans Arabic', url: regular, weight: '400' },
  { family: 'Noto Sans Arabic', url: bold, weight: '700' },
];
