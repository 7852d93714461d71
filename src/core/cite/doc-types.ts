/** English names of the Tweede Kamer's document types (TK open data `Soort`), for an English UI. */
const DOC_TYPES_EN: Record<string, string> = {
  Motie: 'Motion',
  'Motie (gewijzigd/nader)': 'Motion (amended)',
  'Brief regering': 'Government letter',
  Amendement: 'Amendment',
  'Amendement (gewijzigd/nader/vervangend)': 'Amendment (amended or replacing)',
  'Verslag van een commissiedebat': 'Report of a committee debate',
  'Verslag van een schriftelijk overleg': 'Report of a written consultation',
  'Voorstel van wet': 'Bill',
  'Memorie van toelichting': 'Explanatory memorandum',
  'Verslag (initiatief)wetsvoorstel (nader)': 'Committee report on a bill',
  'Advies Afdeling advisering Raad van State en Nader rapport': 'Council of State advice and further report',
  'Koninklijke boodschap': 'Royal message',
  'Nota n.a.v. het (nader/tweede nader/enz.) verslag': 'Memorandum in reply to the report',
  'Nota van wijziging': 'Memorandum of amendment',
  'Lijst van vragen en antwoorden': 'List of questions and answers',
  'Verslag van een wetgevingsoverleg': 'Report of a legislative consultation',
  'Brief commissie': 'Committee letter',
  'Schriftelijke vragen': 'Written questions',
  'Antwoord schriftelijke vragen': 'Answers to written questions',
  'Mondelinge vragen': 'Oral questions',
  'Brief lid / fractie': 'Letter from a member or group',
  'Brief Algemene Rekenkamer': 'Letter from the Court of Audit',
  Jaarverslag: 'Annual report',
  Initiatiefnota: "Member's policy paper",
};

/** The type in the UI's language: English where we know a name for it, else TK's Dutch name. */
export function documentTypeName(type: string, language: 'nl' | 'en'): { text: string; lang: 'nl' | 'en' } {
  const en = language === 'en' ? DOC_TYPES_EN[type] : undefined;
  return en ? { text: en, lang: 'en' } : { text: type, lang: 'nl' };
}
