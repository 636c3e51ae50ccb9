import { compareDates, type LocalDate } from '../shared/local-date';
import { AGENCY_CATALOGUE } from './agency.catalogue';
import { isAgencyValidOn, type Agency, type AgencyCatalogue } from './agency.schema';

/**
 * What a piece of text names, judged on a date (the date of the paper). Never a guess: text that
 * matches nothing is `UnknownAgency`, text that matches several bodies is `Ambiguous`, and an agency
 * named outside its lifetime says so instead of silently standing in for another.
 * Every outcome but `Resolved` carries a `message`, Vietnamese first, then English.
 */
export type AgencyResolution =
  /** The text names this agency and it existed on the date. */
  | { readonly _tag: 'Resolved'; readonly agency: Agency }
  /** The text names a body that had ended by the date; `successor` is the one carrying its duties then. */
  | { readonly _tag: 'Superseded'; readonly agency: Agency; readonly successor: Agency; readonly message: string }
  /**
   * The text names a body created after the date. We do not swap in a predecessor even when there is
   * exactly one: a new name on an old date is usually a mistyped date, and a clerk must see it.
   * `predecessors` are the bodies that existed on the date and later became this one.
   */
  | {
      readonly _tag: 'NotYetEstablished';
      readonly agency: Agency;
      readonly predecessors: readonly Agency[];
      readonly message: string;
    }
  /** The text names a body that had ended by the date and left no successor existing on it. */
  | { readonly _tag: 'Dissolved'; readonly agency: Agency; readonly message: string }
  /** The text matches more than one body. */
  | { readonly _tag: 'Ambiguous'; readonly text: string; readonly candidates: readonly Agency[]; readonly message: string }
  /** The text matches no body in the catalogue. */
  | { readonly _tag: 'UnknownAgency'; readonly text: string; readonly message: string };

/** Two or more agencies reachable by the same match key: one spelling would resolve to several bodies. */
export type AgencyKeyCollision = { readonly key: string; readonly agencyIds: readonly string[] };

// Letters that look like "đ" but that NFKD does not decompose: Vietnamese đ/Đ, the Icelandic eth Ð/ð
// that legacy keyboards and OCR produce for Đ, and the African D Ɖ/ɖ.
const D_LOOKALIKES = /[đĐÐðƉɖ]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_ALPHANUMERIC = /[^a-z0-9]+/g;

/**
 * The spaced match key of a piece of text: Unicode-normalised (NFKD, so composed and decomposed
 * Vietnamese, full-width letters and non-breaking spaces all agree), diacritics and case removed,
 * đ → d, and every run of punctuation or white space ("&", "-", "–", ".", ",", line breaks) one space.
 * "Sở KH&CN" → "so kh cn"; "Ủy ban" and "Uỷ ban" → "uy ban".
 */
export const normalizeAgencyText = (text: string): string =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(COMBINING_MARKS, '')
    .replace(D_LOOKALIKES, 'd')
    .replace(NOT_ALPHANUMERIC, ' ')
    .trim();

/**
 * The compact key: the spaced key without spaces and without the word "và", so "Sở KHCN",
 * "Sở KH và CN" and "Sở KH&CN" meet, and so do "Sở Khoa học Công nghệ" and "Sở Khoa học và Công nghệ".
 */
const compactKey = (spacedKey: string): string =>
  spacedKey
    .split(' ')
    .filter((word) => word !== 'va')
    .join('');

const LEADING_VERB = /^giao /;
const PARENTHESISED = /\([^()]*\)/g;

/**
 * The spaced keys to try for a text, most literal first. Beyond the text itself: without remarks in
 * brackets ("Thường trực Tỉnh ủy (báo cáo)"), without a leading "Giao" (the verb of "Giao Sở Tài chính
 * chủ trì"), and without a trailing home-province qualifier. The qualifier is dropped only for the
 * catalogue's own province, so "… tỉnh Quảng Trị" never becomes the bare, Khánh Hòa, name.
 */
const candidateKeys = (text: string, homeProvinceKey: string): readonly string[] => {
  const keys: string[] = [];
  for (const raw of [text, text.replace(PARENTHESISED, ' ')]) {
    const spaced = normalizeAgencyText(raw);
    for (const lead of [spaced, spaced.replace(LEADING_VERB, '')]) {
      keys.push(lead, ...withoutHomeProvince(lead, homeProvinceKey));
    }
  }
  return [...new Set(keys)].filter((key) => key !== '');
};

/** "X tỉnh Khánh Hòa" → "X"; "X Khánh Hòa" → "X tỉnh" and "X"; "X tỉnh" → "X". */
const withoutHomeProvince = (key: string, homeProvinceKey: string): readonly string[] => {
  const forms: string[] = [];
  const qualified = ` tinh ${homeProvinceKey}`;
  const named = ` ${homeProvinceKey}`;
  if (key.endsWith(qualified)) forms.push(key.slice(0, -qualified.length));
  if (key.endsWith(named)) forms.push(`${key.slice(0, -named.length)} tinh`, key.slice(0, -named.length));
  if (key.endsWith(' tinh')) forms.push(key.slice(0, -' tinh'.length));
  return forms;
};

/** Every way an agency is written: its name, short names and aliases. */
const spellingsOf = (agency: Agency): readonly string[] => [agency.name, ...agency.shortNames, ...agency.aliases];

type AgencyIndex = {
  readonly homeProvinceKey: string;
  readonly byId: ReadonlyMap<string, Agency>;
  /** Spaced and compact keys of every spelling → ids of the agencies spelled that way. */
  readonly byKey: ReadonlyMap<string, readonly string[]>;
  /** Agency id → the agencies whose successor it is. */
  readonly predecessorsOf: ReadonlyMap<string, readonly Agency[]>;
};

const addTo = <V>(map: Map<string, V[]>, key: string, value: V): void => {
  const values = map.get(key);
  if (values === undefined) map.set(key, [value]);
  else if (!values.includes(value)) values.push(value);
};

const buildIndex = (catalogue: AgencyCatalogue): AgencyIndex => {
  const byId = new Map<string, Agency>();
  const byKey = new Map<string, string[]>();
  const predecessorsOf = new Map<string, Agency[]>();
  for (const agency of catalogue.agencies) {
    byId.set(agency.id, agency);
    for (const spelling of spellingsOf(agency)) {
      const spaced = normalizeAgencyText(spelling);
      addTo(byKey, spaced, agency.id);
      addTo(byKey, compactKey(spaced), agency.id);
    }
    if (agency.successorId !== undefined) addTo(predecessorsOf, agency.successorId, agency);
  }
  return { homeProvinceKey: normalizeAgencyText(catalogue.homeProvince), byId, byKey, predecessorsOf };
};

// Built once at module load for the default catalogue; other catalogues are indexed on first use and
// remembered per object, so a caller that passes the same catalogue pays once.
const indexes = new WeakMap<AgencyCatalogue, AgencyIndex>([[AGENCY_CATALOGUE, buildIndex(AGENCY_CATALOGUE)]]);

const indexOf = (catalogue: AgencyCatalogue): AgencyIndex => {
  const known = indexes.get(catalogue);
  if (known !== undefined) return known;
  const built = buildIndex(catalogue);
  indexes.set(catalogue, built);
  return built;
};

/** The agency with this id, or undefined when the catalogue has none. */
export const agencyById = (id: string, catalogue: AgencyCatalogue = AGENCY_CATALOGUE): Agency | undefined =>
  indexOf(catalogue).byId.get(id);

/**
 * Keys shared by different agencies, counting every key a spelling can reach once a qualifier or a
 * leading "Giao" is dropped. Must be empty for a shipped catalogue: a shared key would make that
 * spelling `Ambiguous`, or let a stripped form fall onto the wrong body.
 */
export const findAgencyKeyCollisions = (catalogue: AgencyCatalogue = AGENCY_CATALOGUE): readonly AgencyKeyCollision[] => {
  const { homeProvinceKey } = indexOf(catalogue);
  const reach = new Map<string, string[]>();
  for (const agency of catalogue.agencies) {
    for (const spelling of spellingsOf(agency)) {
      for (const key of candidateKeys(spelling, homeProvinceKey)) {
        addTo(reach, key, agency.id);
        addTo(reach, compactKey(key), agency.id);
      }
    }
  }
  return [...reach.entries()]
    .filter(([, agencyIds]) => agencyIds.length > 1)
    .map(([key, agencyIds]) => ({ key, agencyIds }));
};

/** 2025-03-01 → 01/03/2025, the way Vietnamese documents write dates. */
const vietnameseDate = (date: LocalDate): string => date.split('-').reverse().join('/');

/** The successor carrying the duties on `onDate`, following the chain through bodies that also ended. */
const successorOn = (agency: Agency, onDate: LocalDate, index: AgencyIndex): Agency | undefined => {
  let current = agency;
  // A chain can be no longer than the catalogue; the bound also stops a cycle in an unchecked catalogue.
  for (let step = 0; step < index.byId.size; step += 1) {
    const next = current.successorId === undefined ? undefined : index.byId.get(current.successorId);
    if (next === undefined) return undefined;
    if (isAgencyValidOn(next, onDate)) return next;
    if (next.validFrom !== undefined && compareDates(onDate, next.validFrom) < 0) return undefined;
    current = next;
  }
  return undefined;
};

/** The bodies that existed on `onDate` and later became `agency`, walking back through merged ones. */
const predecessorsOn = (agency: Agency, onDate: LocalDate, index: AgencyIndex): readonly Agency[] => {
  const found: Agency[] = [];
  const seen = new Set<string>([agency.id]);
  const queue = [agency];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    for (const predecessor of index.predecessorsOf.get(current.id) ?? []) {
      if (seen.has(predecessor.id)) continue;
      seen.add(predecessor.id);
      if (isAgencyValidOn(predecessor, onDate)) found.push(predecessor);
      else queue.push(predecessor);
    }
  }
  return found;
};

const judgeOnDate = (agency: Agency, onDate: LocalDate, index: AgencyIndex): AgencyResolution => {
  if (isAgencyValidOn(agency, onDate)) return { _tag: 'Resolved', agency };
  if (agency.validFrom !== undefined && compareDates(onDate, agency.validFrom) < 0) {
    const predecessors = predecessorsOn(agency, onDate, index);
    const then =
      predecessors.length === 0
        ? { vi: '', en: '' }
        : {
            vi: `; khi đó là: ${predecessors.map((p) => p.name).join('; ')}`,
            en: `; on that date: ${predecessors.map((p) => p.id).join(', ')}`,
          };
    return {
      _tag: 'NotYetEstablished',
      agency,
      predecessors,
      message:
        `${agency.name} chỉ có từ ngày ${vietnameseDate(agency.validFrom)}, chưa có vào ngày ${vietnameseDate(onDate)}${then.vi}` +
        ` / ${agency.id} exists only from ${agency.validFrom}, not on ${onDate}${then.en}`,
    };
  }
  // Not valid and not too early: the body had ended (validTo is before onDate).
  const endedOn = agency.validTo ?? onDate;
  const successor = successorOn(agency, onDate, index);
  return successor === undefined
    ? {
        _tag: 'Dissolved',
        agency,
        message:
          `${agency.name} đã kết thúc ngày ${vietnameseDate(endedOn)}, không có cơ quan kế thừa vào ngày ${vietnameseDate(onDate)}` +
          ` / ${agency.id} ended on ${endedOn} and has no successor on ${onDate}`,
      }
    : {
        _tag: 'Superseded',
        agency,
        successor,
        message:
          `${agency.name} đã kết thúc ngày ${vietnameseDate(endedOn)}; vào ngày ${vietnameseDate(onDate)} là ${successor.name}` +
          ` / ${agency.id} ended on ${endedOn}; on ${onDate} its successor is ${successor.id}`,
      };
};

/**
 * Resolves the name of an agency as written in a document to a catalogue entry, judged on `onDate`
 * (the date of the paper, a `YYYY-MM-DD` local date). Matching ignores case, diacritics, punctuation and
 * spacing, tries the spaced and the compact key (see `normalizeAgencyText`), and drops a leading "Giao",
 * remarks in brackets and a trailing home-province qualifier only when the full text matches nothing.
 */
export const resolveAgency = (
  text: string,
  onDate: LocalDate,
  catalogue: AgencyCatalogue = AGENCY_CATALOGUE,
): AgencyResolution => {
  const index = indexOf(catalogue);
  for (const key of candidateKeys(text, index.homeProvinceKey)) {
    const ids = [...new Set([...(index.byKey.get(key) ?? []), ...(index.byKey.get(compactKey(key)) ?? [])])];
    const candidates = ids.flatMap((id) => index.byId.get(id) ?? []);
    const [only] = candidates;
    if (only === undefined) continue;
    if (candidates.length === 1) return judgeOnDate(only, onDate, index);
    return {
      _tag: 'Ambiguous',
      text,
      candidates,
      message:
        `"${text}" khớp với nhiều cơ quan: ${candidates.map((c) => c.name).join('; ')}` +
        ` / "${text}" matches several agencies: ${candidates.map((c) => c.id).join(', ')}`,
    };
  }
  return {
    _tag: 'UnknownAgency',
    text,
    message:
      normalizeAgencyText(text) === ''
        ? 'Chưa ghi tên cơ quan / no agency named'
        : `Không rõ cơ quan "${text}" / unknown agency "${text}"`,
  };
};

/** The agency that carries the duty on the resolution's date: the one named, or its successor. */
export const agencyOnDate = (resolution: AgencyResolution): Agency | undefined =>
  resolution._tag === 'Resolved' ? resolution.agency : resolution._tag === 'Superseded' ? resolution.successor : undefined;
