/** Sentences with citations of every common form, and ordinary text: the benchmark's fallback, scan's warm-up. */
export const SAMPLE = [
  'Zie Kamerstukken II 2024/25, 36 600 V, nr. 46 en de motie 32 623, nr. 345 van het lid Boswijk c.s.',
  'De VN-Veiligheidsraad resolutie 1325 van 31 oktober 2000 en resoluties 1820 (2008) en 1888 (2009).',
  'Het Statuut van Rome (Trb. 2000, 120) is goedgekeurd (Stb. 2001, 343); zie ook art. 8 EVRM.',
  'Aanhangsel Handelingen II 2016/17, nr. 246 en Handelingen II 2023/24, nr. 45, item 12.',
  'In 2023 waren er 1.234 aanvragen, 56 procent meer dan in 2022; het bedrag was € 12,5 miljoen.',
  'De minister antwoordt op 4 juni 2025 op de vragen van het lid over het beleid en de uitvoering daarvan.',
].join('\n');
