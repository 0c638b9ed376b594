/**
 * Legal-form designations that are removed from company names before they are compared.
 *
 * Source: the abbreviations and full names of the GLEIF ISO 20275 "Entity Legal Forms" code
 * list (public), grouped here by family, plus the spellings that appear in CRM data (with and
 * without periods, `&` or `and`). Spellings are written as people write them; the matcher
 * normalizes them with the same pipeline as company names, so "S.A. de C.V.", "SA de CV" and
 * "S. A. de C. V." are one entry. Forms that are also common words in names ("PC", "CA", "SC",
 * "ME") are left out on purpose: removing them would merge different companies.
 */

/** Where a legal form is written in a name. */
export type LegalFormPosition = 'end' | 'start'

/** One family of equivalent legal-form spellings, e.g. Inc / Inc. / Incorporated. */
export interface LegalFormFamily {
  /** A stable family code; two names whose removed forms share no code differ in legal form. */
  readonly code: string
  readonly position: LegalFormPosition
  readonly spellings: readonly string[]
}

/** Legal forms written after the name (most countries). */
const END_FORMS: readonly LegalFormFamily[] = [
  { code: 'inc', position: 'end', spellings: ['Inc', 'Inc.', 'Incorporated', 'Incorporation'] },
  { code: 'corp', position: 'end', spellings: ['Corp', 'Corp.', 'Corporation', 'Kabushiki Kaisha', 'K.K.', 'KK', 'Kabushiki Gaisha', '(주)', '주식회사'] },
  { code: 'co', position: 'end', spellings: ['Co', 'Co.', 'Company', 'Cie', 'Cie.', 'Cia', 'Cia.', 'Compagnie'] },
  { code: 'llc', position: 'end', spellings: ['LLC', 'L.L.C.', 'Limited Liability Company', 'L.C.', 'PLLC', 'P.L.L.C.', 'L3C', 'LLLP', 'FZ-LLC', 'FZLLC', 'FZE', 'FZCO', 'FZC', 'WLL', 'W.L.L.'] },
  {
    code: 'ltd',
    position: 'end',
    spellings: [
      'Ltd', 'Ltd.', 'Limited', 'Co. Ltd.', 'Co., Ltd.', 'Co Ltd', 'Company Limited', 'Co. Limited',
      'Pty', 'Pty Ltd', 'Pty. Ltd.', 'Pty Limited', 'Proprietary Limited', '(Pty) Ltd',
      'Pte', 'Pte Ltd', 'Pte. Ltd.', 'Private Limited', 'Pvt Ltd', 'Pvt. Ltd.', 'Pvt', 'P Ltd', '(P) Ltd',
      'Sdn Bhd', 'Sdn. Bhd.', 'Bhd', 'Bhd.', 'Berhad', 'Public Company Limited', 'PCL', 'Tbk', 'Tbk.',
      'CIC', 'DAC', 'CLG', 'NPC', 'SOC Ltd', 'Ltd. Şti.', 'Ltd Şti', 'Limited Şirketi', 'Unlimited Company',
    ],
  },
  { code: 'plc', position: 'end', spellings: ['PLC', 'P.L.C.', 'Public Limited Company', 'Public Ltd Co'] },
  { code: 'llp', position: 'end', spellings: ['LLP', 'L.L.P.', 'Limited Liability Partnership', 'LP', 'L.P.', 'Limited Partnership'] },
  { code: 'na', position: 'end', spellings: ['N.A.', 'National Association'] },
  {
    code: 'gmbh',
    position: 'end',
    spellings: [
      'GmbH', 'G.m.b.H.', 'mbH', 'gGmbH', 'Gesellschaft mit beschränkter Haftung', 'GesmbH', 'Ges.m.b.H.',
      'UG', 'UG (haftungsbeschränkt)', 'UG haftungsbeschränkt',
    ],
  },
  {
    code: 'kg',
    position: 'end',
    spellings: [
      'KG', 'KGaA', 'Kommanditgesellschaft', 'OHG', 'oHG', 'GbR', 'eG', 'e.G.', 'e.V.', 'eV', 'PartG', 'PartGmbB',
      'GmbH & Co. KG', 'GmbH & Co KG', 'GmbH und Co. KG', 'GmbH & Co. KGaA', 'GmbH & Co. OHG', 'AG & Co. KG',
      'AG & Co. KGaA', 'SE & Co. KG', 'SE & Co. KGaA', 'UG & Co. KG', 'Ltd. & Co. KG', 'B.V. & Co. KG', 'Co. KG',
      'mbH & Co. KG',
    ],
  },
  { code: 'ag', position: 'end', spellings: ['AG', 'Aktiengesellschaft'] },
  { code: 'se', position: 'end', spellings: ['SE', 'Societas Europaea'] },
  {
    code: 'sa',
    position: 'end',
    spellings: [
      'S.A.', 'SA', 'S/A', 'Sociedad Anónima', 'Société Anonyme', 'Sociedade Anônima', 'Societe Anonyme',
      'S.A.U.', 'SAU', 'S.A.S.', 'SAS', 'SASU', 'S.A.R.L.', 'SARL', 'EURL', 'SNC', 'SCS', 'S.C.A.', 'SCA', 'SCOP',
      'S.A. de C.V.', 'S.A.B. de C.V.', 'SAB de CV', 'S. de R.L.', 'S. de R.L. de C.V.', 'S.R.L. de C.V.',
      'S.A.P.I. de C.V.', 'S.A.C.', 'SAC', 'S.A.A.', 'S.A.I.C.', 'S.A.C.I.', 'S.A.E.', 'SAE', 'S.A.L.', 'SAL',
      'S.p.A.', 'SpA', 'S.r.l.', 'Srl', 'S.r.l.s.', 'S.a.s.', 'S.n.c.', 'S.L.', 'SL', 'S.L.U.', 'SLU', 'S.L.L.',
      'Sociedad Limitada', 'S.Coop.', 'Ltda', 'Ltda.', 'Limitada', 'EIRELI', 'EIRL', 'E.I.R.L.', 'Lda', 'Lda.',
      'SGPS', 'S.G.P.S.', 'SAOG', 'SAOC', 'PJSC', 'PSC', 'P.S.C.', 'KSC', 'K.S.C.', 'KSCP', 'QSC', 'Q.S.C.', 'QPSC',
      'BSC', 'B.S.C.',
    ],
  },
  {
    code: 'bv',
    position: 'end',
    spellings: [
      'B.V.', 'BV', 'N.V.', 'NV', 'V.O.F.', 'VOF', 'C.V.', 'CV', 'BVBA', 'B.V.B.A.', 'CVBA', 'SPRL', 'SCRL',
      'BV/SRL', 'SRL', 'NV/SA', 'SA/NV', 'Comm.V', 'VZW', 'ASBL',
    ],
  },
  {
    code: 'nordic',
    position: 'end',
    spellings: [
      'AB', 'AB (publ)', 'Aktiebolag', 'Aktiebolaget', 'HB', 'KB', 'Oy', 'Oyj', 'Oy Ab', 'Oy Ltd', 'Ay', 'Ky',
      'ASA', 'AS', 'A/S', 'A.S.', 'ApS', 'I/S', 'K/S', 'P/S', 'IVS', 'SMBA', 'AMBA', 'A.m.b.A.', 'hf', 'hf.',
      'ehf', 'ehf.', 'Aktieselskab', 'Aktieselskabet', 'Anpartsselskab', 'Osakeyhtiö', 'Allmennaksjeselskap',
    ],
  },
  {
    code: 'cee',
    position: 'end',
    spellings: [
      'Sp. z o.o.', 'Sp. z.o.o.', 'Spółka z o.o.', 'Spółka z ograniczoną odpowiedzialnością', 'Sp.j.', 'Sp.k.',
      'S.K.A.', 'Spółka Akcyjna', 's.r.o.', 'spol. s r.o.', 'spol. s.r.o.', 'a.s.', 'k.s.', 'v.o.s.', 'd.o.o.',
      'd.d.', 'd.n.o.', 'k.d.', 'DOO', 'DOOEL', 'Kft', 'Kft.', 'Zrt', 'Zrt.', 'Nyrt', 'Nyrt.', 'Bt', 'Bt.', 'Kkt',
      'OÜ', 'SIA', 'UAB', 'AD', 'A.D.', 'EAD', 'OOD', 'EOOD', 'JSC', 'OJSC', 'CJSC', 'OAO', 'ZAO', 'OOO', 'PAO',
      'TOV', 'PrAT', 'LLP', 'TOO', 'A.Ş.', 'AŞ', 'T.A.Ş.', 'Anonim Şirketi', 'Türk Anonim Şirketi', 'A.E.', 'AE',
      'ΑΕ', 'Α.Ε.', 'ΕΠΕ', 'Ε.Π.Ε.', 'ΙΚΕ', 'I.K.E.', 'IKE', 'EPE',
      'ООО', 'ОАО', 'ЗАО', 'ПАО', 'АО', 'ТОВ', 'ПрАТ', 'ПАТ', 'ТОО', 'ЕООД', 'ООД', 'АД', 'ЕАД',
    ],
  },
  // Canadian French, Japanese, Balkan, Turkish and other forms seen in CRM data (ISO 20275 ELF list).
  { code: 'ltd', position: 'end', spellings: ['Ltée', 'Ltee', 'Limitée', 'Limitee', 'Ltd./Ltée', 'Inc./Ltée', 'Private Ltd', 'Pvt. Limited', 'Limited by Guarantee', 'Company Limited by Guarantee'] },
  { code: 'llc', position: 'end', spellings: ['Limited Liability Co.', 'Limited Liability Co', 'LLC-FZ', 'G.K.', 'GK', 'Godo Kaisha', 'Godo-gaisha', 'Y.K.', 'Yugen Kaisha', 'Yugen-gaisha', 'sh.p.k.', 'SHPK'] },
  { code: 'corp', position: 'end', spellings: ['Kabushiki-gaisha', 'Joint Stock Company', 'Tic. A.Ş.', 'San. ve Tic. A.Ş.', 'Ticaret A.Ş.', 'A.Ş.', 'AŞ'] },
  { code: 'ek', position: 'end', spellings: ['e.K.', 'e.Kfm.', 'e.Kfr.', 'VšĮ', 'PartG mbB', 'PartG', 'gAG'] },
]

/** Legal forms written before the name (Indonesia, Russia and neighbours, Baltics, Japan). */
const START_FORMS: readonly LegalFormFamily[] = [
  { code: 'pt', position: 'start', spellings: ['PT', 'PT.', 'P.T.', 'CV.', 'Perseroan Terbatas'] },
  {
    code: 'cee',
    position: 'start',
    spellings: [
      'OOO', 'OAO', 'ZAO', 'PAO', 'PJSC', 'OJSC', 'CJSC', 'JSC', 'TOV', 'TOO', 'UAB', 'SIA', 'PrAT',
      'ООО', 'ОАО', 'ЗАО', 'ПАО', 'АО', 'ТОВ', 'ПрАТ', 'ПАТ', 'ТОО',
    ],
  },
  { code: 'corp', position: 'start', spellings: ['Kabushiki Kaisha', 'Kabushiki Gaisha', '(주)', '주식회사'] },
  { code: 'nordic', position: 'start', spellings: ['Aktiebolaget', 'Aktieselskabet', 'Osakeyhtiö'] },
]

/** Every legal-form family, end forms first. */
export const LEGAL_FORM_FAMILIES: readonly LegalFormFamily[] = [...END_FORMS, ...START_FORMS]

/**
 * Legal forms in scripts written without spaces (Japanese, Chinese, Korean), removed as a
 * prefix or suffix of the name itself. Longest first so 股份有限公司 wins over 有限公司.
 */
export const UNSPACED_LEGAL_FORMS: readonly string[] = [
  '股份有限公司', '有限责任公司', '有限責任公司', '集团有限公司', '集團有限公司', '株式会社', '有限会社',
  '合同会社', '合資会社', '合名会社', '有限公司', '股份公司', '주식회사', '유한회사', '公司',
]

/**
 * Legal forms that are never part of a brand, so they are dropped even in the middle of a
 * name ("Acme GmbH Berlin", "Acme Ltd (UK)"), where the end-of-name rule does not reach.
 */
export const INTERIOR_LEGAL_FORMS: readonly string[] = [
  'GmbH', 'gGmbH', 'LLC', 'Ltd', 'Inc', 'PLC', 'Corp', 'Pty', 'B.V.', 'N.V.', 'S.p.A.', 'S.r.l.', 'SARL',
]
