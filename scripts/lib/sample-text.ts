/** Sentences with citations of every common form, and ordinary text: the benchmark's fallback, scan's warm-up. */
export const SAMPLE = [
  'Zie Kamerstukken II 2024/25, 36 600 V, nr. 46 en de motie 32 623, nr. 345 van het lid Boswijk c.s.',
  'De VN-Veiligheidsraad resolutie 1325 van 31 oktober 2000 en resoluties 1820 (2008) en 1888 (2009).',
  'Het Statuut van Rome (Trb. 2000, 120) is goedgekeurd (Stb. 2001, 343); zie ook art. 8 EVRM.',
  'Aanhangsel Handelingen II 2016/17, nr. 246 en Handelingen II 2023/24, nr. 45, item 12.',
  'In 2023 waren er 1.234 aanvragen, 56 procent meer dan in 2022; het bedrag was € 12,5 miljoen.',
  'De minister antwoordt op 4 juni 2025 op de vragen van het lid over het beleid en de uitvoering daarvan.',
].join('\n');

/**
 * A sentence or two for every form the detector reads, and ordinary text around numbers, capitals and treaty words:
 * `scan` warms its workers up on it, so every recognizer has run (and been compiled with type feedback) before the
 * first file. Our own examples, as in README's table of forms; not a source of the scan sample (make-scan-sample.ts).
 */
export const EVERY_FORM = [
  SAMPLE,
  'De wet van 12 mei 2003, Stb. 201, en de besluiten van 4 juni 1961, Stb. 310, en 9 mei 1972, Stb. 266.',
  '(Koninklijk Besluit van 3 maart 1987, Stb. 88) en Stcrt. 2019, 12345; zie ook Trb. 2013, 12 en Tractatenblad 1990, 46.',
  'De Wet modernisering ondernemingsrecht (34 911) en Stb. 2003, 201 (28 012), met de rijkswet 36 229 (R2178).',
  'De Veiligheidsraad nam resolutie nr. 2231 (2015) aan; S/RES/2467 (2019), UNSCR 1888 en A/RES/78/243 volgden.',
  'Richtlijn 85/374/EEG, de richtlijn nr. 93/104/EG, Verordening (EEG) nr. 1408/71 en Verordening (EU) 2016/679.',
  'Het Verdrag van Wenen van 23 mei 1969 en het Protocol van Genève van 8 juni 1977; het EVRM en het IVRK gelden.',
  'Het Verdrag inzake de uitbanning van alle vormen van discriminatie van vrouwen (CEDAW) en de Non-Proliferation Treaty (NPT).',
  'Zij krijgt nr. 712, was nr. 705 (21501-20). De motie op stuk nr. 712 van het lid Piri c.s. is aangenomen.',
  'Kamerstukken I 2012/13, 33 400, C; Kamerstukken Tweede Kamer 2012/13, 33 400, 17 en Kamerstukken 2 2012/13, 33 400 17.',
  'Kamerstuk TK 33.400VII, 17; Kamerstukken II 2019/20, 35 300, nrs. 4–6 en nrs. 8 t/m 10; kamerstukdossier 36 180.',
  'Zitting 1961-1962 – 6423, Nr. 5 en het nummer 21501-32-1740 van de nieuwe zoekdienst; kst-26150-223 en KST 36600-V-46.',
  'Aanhangsel Handelingen II 2016/17, nr. 246; Handelingen I 2019/20, nr. 31, item 8, p. 5892–5931; h-tk-20232024-45-12.',
  'ECLI:NL:HR:2019:2006 en ECLI:NL:RVS:2020:1234; de zaak 2024Z01234 en het document 2025D23456.',
  'Vergaderjaar 2024-2025, 36 600 XVII, nr. 12; de motie 32 623, nr. 345; het amendement 36 410, nr. 8 van het lid Dobbe.',
  'Bel 070 318 22 11 of 0800-1325; postcode 2513 AA; € 18.000 en 1.234.567 inwoners; artikel 3.6ba; 12:30 uur.',
  'De overeenkomst met de gemeente, het akkoord van de partijen en het protocol van de vergadering: geen verdrag.',
  'VN-Vrouwenrechtenverdrag, het Anti-Landmijnenverdrag, het Wapenhandelsverdrag en de CAT werden besproken.',
].join('\n\n');
