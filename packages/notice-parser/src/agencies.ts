import { agencyOnDate, resolveAgency, type AgencyResolution } from '@chidao/domain';
import { spanOf, warningAt, type ParseContext, type Range } from './context';
import { collapse } from './source-text';
import type { ParsedAgency } from './types';

/**
 * Agencies in running text. Names are found through the catalogue only: at a position where the
 * grammar expects an agency (after "Giao", at the start of a clause, after "phối hợp với", after
 * "báo cáo"), the longest run of words that the domain's `resolveAgency` recognises is the name. A
 * capitalised phrase that starts like an agency ("Sở …", "Ban …") but is not in the catalogue is kept
 * as text with an `agency-unknown` warning — never matched to the nearest known body.
 */

/**
 * Words that start the predicate of a clause: where a subject's name must have ended. Used to delimit
 * names the catalogue does not know and groups such as "các cơ quan, đơn vị".
 */
export const PREDICATE_WORDS = [
  'chủ trì', 'phối hợp', 'theo chức năng', 'nghiên cứu', 'đề xuất', 'khẩn trương', 'tiếp tục', 'rà soát',
  'tham mưu', 'xây dựng', 'hoàn thiện', 'hoàn thành', 'hoàn chỉnh', 'chỉ đạo', 'lãnh đạo', 'triển khai', 'thực hiện',
  'theo dõi', 'tổ chức', 'báo cáo', 'hướng dẫn', 'kiểm tra', 'chủ động', 'đôn đốc', 'tập trung', 'cập nhật',
  'bố trí', 'đẩy nhanh', 'đẩy mạnh', 'tăng cường', 'quán triệt', 'chú trọng', 'quan tâm', 'nghiêm túc',
  'có trách nhiệm', 'làm đầu mối', 'sớm', 'trình', 'tiếp thu', 'giải quyết', 'xử lý', 'đánh giá', 'thống nhất',
  'cung cấp', 'lập', 'ban hành', 'quản lý', 'bảo đảm', 'đảm bảo', 'phổ biến', 'tuyên truyền', 'vận động',
  'ưu tiên', 'kịp thời', 'thường xuyên', 'định kỳ', 'được giao', 'căn cứ', 'gửi', 'giao', 'khảo sát',
  'tổng hợp', 'rà soát', 'chuẩn bị', 'phân công', 'tập huấn', 'bổ sung', 'điều chỉnh', 'kiện toàn', 'đề nghị',
  'nắm', 'thẩm định', 'lựa chọn', 'liên hệ', 'kết nối', 'tích hợp', 'hỗ trợ', 'đăng ký', 'công bố', 'tiếp nhận',
];

const PREDICATE = new RegExp(`^(?:${PREDICATE_WORDS.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`, 'iu');

/** True when the view text at `index` starts a predicate ("chủ trì", "nghiên cứu"…). */
export const startsPredicate = (text: string, index: number): boolean => PREDICATE.test(text.slice(index, index + 40));

// Words that open the name of a body, so that an unknown name can be recognised as one. Capitalised:
// "Sở Y tế" is a name, "sở, ngành" is a group.
const AGENCY_HEAD =
  /^(?:Sở|Ban|Công an|Bộ Chỉ huy|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Văn phòng|Quỹ|Trung tâm|Đài|Báo|Bộ|Cục|Chi cục|Tổng cục|Hội|Liên đoàn|Liên minh|Tỉnh đoàn|Đảng ủy|Đảng uỷ|Đảng đoàn|Trường|Bệnh viện|Bảo hiểm|Ngân hàng|Kho bạc|Thanh tra|Cảng vụ|Viện kiểm sát|Viện|Học viện|Đại học|Tập đoàn|Tổng công ty|Công ty|Chi nhánh|Tòa án|Tổ)(?=\s)/u;

/** True when the view text at `index` looks like the start of an agency's name. */
export const startsAgencyName = (text: string, index: number): boolean => AGENCY_HEAD.test(text.slice(index, index + 30));

// A group of bodies named by their class, not by name: they cannot lead a task.
const GROUP_HEAD =
  /^(?:(?:các|toàn thể|tất cả(?:\s+các)?)\s+(?:các\s+)?(?:cơ quan|đơn vị|sở|ban|ngành|địa phương|thành viên|doanh nghiệp|tổ chức|tập đoàn|xã|phường|huyện|cấp|hội|đoàn thể|ủy ban|uỷ ban|UBND|đồng chí|bộ|đảng ủy|chi bộ|trường|cá nhân|nhà đầu tư|chủ đầu tư)|(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:các|cấp)\s+(?:xã|phường|huyện|địa phương|đặc khu))(?![\p{L}])/iu;

/** A group such as "các cơ quan liên quan" at `index`, up to where it ends. */
export const groupAt = (ctx: ParseContext, index: number, limit: number): Range | undefined => {
  const text = ctx.src.text;
  const head = GROUP_HEAD.exec(text.slice(index, limit));
  if (head === null) return undefined;
  // "các thành viên Ban Chỉ đạo …" is still the group: its members, not the body.
  const members = /thành\s+viên|đồng\s+chí/iu.test(head[0]);
  let end = index + head[0].length;
  const words = /\s*(,?)\s*([^\s,;:().]+)/gy;
  words.lastIndex = end;
  for (let count = 0; count < 20; count += 1) {
    const match = words.exec(text);
    if (match === null || match.index >= limit) break;
    const wordStart = match.index + match[0].length - (match[2]?.length ?? 0);
    if (wordStart >= limit) break;
    const body = members && startsAgencyName(text, wordStart) ? knownAgencyAt(ctx, wordStart, limit) : undefined;
    if (body !== undefined) {
      end = body.end;
      words.lastIndex = end;
      continue;
    }
    if (startsPredicate(text, wordStart) || (!members && startsAgencyName(text, wordStart))) break;
    if (/^(?:về|để|theo|tại|trong|trước|gồm|như|và)$/iu.test(match[2] ?? '')) break;
    end = match.index + match[0].length;
    if (/liên\s+quan$/iu.test(text.slice(index, end))) break;
  }
  return { start: index, end };
};

/** A name found at a position: its view range and how the catalogue judged it (null: not in the catalogue). */
export type Mention = { readonly start: number; readonly end: number; readonly resolution: AgencyResolution };

const MAX_NAME_WORDS = 24;

/** The longest run of words at `index` that the catalogue recognises, if any. */
export const knownAgencyAt = (ctx: ParseContext, index: number, limit: number): Mention | undefined => {
  const text = ctx.src.text;
  const ends: number[] = [];
  const word = /\s*([^\s]+)/gy;
  word.lastIndex = index;
  for (let count = 0; count < MAX_NAME_WORDS; count += 1) {
    const match = word.exec(text);
    if (match === null || match.index >= limit) break;
    const token = match[1] ?? '';
    const tokenStart = match.index + match[0].length - token.length;
    if (tokenStart >= limit) break;
    // A name never crosses a clause boundary or a bracket; a comma may sit inside one
    // ("Ban Chỉ đạo về phát triển khoa học, công nghệ, …"), so it ends a candidate but not the scan.
    const stop = token.search(/[;:()]/);
    const usable = stop < 0 ? token : token.slice(0, stop);
    const bare = usable.replace(/[,.]+$/, '');
    // A name never ends on a joining word: "Ban Chấp hành Trung ương Đảng và …" is the committee, then "và".
    if (bare !== '' && !/^(?:và|cùng|với|của|các)$/iu.test(bare)) ends.push(Math.min(tokenStart + bare.length, limit));
    if (stop >= 0 || /\.$/.test(usable) || /[.]\s/.test(token)) break;
  }
  for (const end of [...new Set(ends)].sort((a, b) => b - a)) {
    const name = text.slice(index, end);
    if (!/^\p{Lu}/u.test(name)) return undefined;
    const resolution = resolveAgency(collapse(name), ctx.agencyDate ?? '2000-01-01', ctx.catalogue);
    if (resolution._tag !== 'UnknownAgency') return { start: index, end, resolution };
  }
  return undefined;
};

/** A capitalised name at `index` that starts like an agency's but that the catalogue does not know. */
export const unknownAgencyAt = (ctx: ParseContext, index: number, limit: number): Range | undefined => {
  const text = ctx.src.text;
  if (!startsAgencyName(text, index) || startsPredicate(text, index)) return undefined;
  // A name goes on with a capitalised word ("Sở Y tế", "Đài Phát thanh"); "Tổ chức", "Bộ phận" do not.
  // A people's committee is named by its place: "UBND xã Vĩnh Lương".
  const head = AGENCY_HEAD.exec(text.slice(index, limit))?.[0] ?? '';
  const second = /^\s+(\S+)/u.exec(text.slice(index + head.length, limit))?.[1] ?? '';
  const committee = /^(?:UBND|HĐND|Ủy ban|Uỷ ban)$/u.test(head);
  if (!/^\p{Lu}/u.test(second) && !(committee && /^(?:xã|phường|huyện|thị|thành|tỉnh|đặc)/u.test(second))) return undefined;
  let end = index;
  const word = /(\s*)([^\s,;:()]+)/gy;
  word.lastIndex = index;
  for (let count = 0; count < 10; count += 1) {
    const match = word.exec(text);
    if (match === null) break;
    const wordStart = match.index + (match[1]?.length ?? 0);
    const token = match[2] ?? '';
    if (wordStart >= limit) break;
    if (count > 0 && startsPredicate(text, wordStart)) break;
    // "và" joins two bodies ("Sở Y tế và Sở Tài chính") unless the name goes on ("Đài Phát thanh và Truyền hình").
    if (count > 0 && /^và$/iu.test(token)) {
      const next = /\s*(\S+)/y;
      next.lastIndex = wordStart + token.length;
      const following = next.exec(text)?.[1] ?? '';
      if (!/^\p{Lu}/u.test(following) || startsAgencyName(text, wordStart + token.length + 1)) break;
    }
    end = wordStart + token.replace(/\.$/, '').length;
    if (/\.$/.test(token)) break;
    const after = text[wordStart + token.length];
    if (after !== undefined && /[,;:()]/.test(after)) break;
  }
  return end > index ? { start: index, end } : undefined;
};

const CODES: Readonly<Record<Exclude<AgencyResolution['_tag'], 'Resolved'>, string>> = {
  Superseded: 'agency-superseded',
  NotYetEstablished: 'agency-not-yet-established',
  Dissolved: 'agency-dissolved',
  Ambiguous: 'agency-ambiguous',
  UnknownAgency: 'agency-unknown',
};

/** A parsed agency for a name the catalogue recognised, with the warning its resolution calls for. */
export const parsedAgencyOf = (ctx: ParseContext, mention: Mention): ParsedAgency => {
  const text = collapse(ctx.src.text.slice(mention.start, mention.end));
  const span = spanOf(ctx, mention);
  const { resolution } = mention;
  if (ctx.agencyDate === null) {
    ctx.warn(
      warningAt(
        ctx,
        'agency-undated',
        `Văn bản không có ngày, chưa xác định được cơ quan "${text}" / the notice has no date, so "${text}" cannot be judged`,
        mention.start,
        mention.end,
      ),
    );
    return { text, span, agency: null };
  }
  if (resolution._tag !== 'Resolved') ctx.warn(warningAt(ctx, CODES[resolution._tag], resolution.message, mention.start, mention.end));
  return { text, span, agency: agencyOnDate(resolution) ?? null };
};

/** A parsed agency for a name the catalogue does not know: text only, and a warning. */
export const unknownAgencyOf = (ctx: ParseContext, range: Range): ParsedAgency => {
  const text = collapse(ctx.src.text.slice(range.start, range.end));
  ctx.warn(
    warningAt(
      ctx,
      'agency-unknown',
      `Không có "${text}" trong danh mục cơ quan; cần chọn tay / "${text}" is not in the agency catalogue; choose it by hand`,
      range.start,
      range.end,
    ),
  );
  return { text, span: spanOf(ctx, range), agency: null };
};

/** An agency named at `index`, known or not. */
export const agencyAt = (ctx: ParseContext, index: number, limit: number): { agency: ParsedAgency; end: number } | undefined => {
  const known = knownAgencyAt(ctx, index, limit);
  if (known !== undefined) return { agency: parsedAgencyOf(ctx, known), end: known.end };
  const unknown = unknownAgencyAt(ctx, index, limit);
  return unknown === undefined ? undefined : { agency: unknownAgencyOf(ctx, unknown), end: unknown.end };
};

/** A list of agencies ("Sở Xây dựng, Sở Khoa học và Công nghệ và các cơ quan liên quan"). */
export type AgencyList = {
  readonly agencies: readonly ParsedAgency[];
  /** The group the list ends with, when it names one ("các cơ quan liên quan"). */
  readonly group?: Range;
  readonly end: number;
};

const SEPARATOR = /\s*(?:,\s*(?:và\s+|cùng\s+)?|\s(?:và|cùng)\s+)/y;

/** Reads a list of agencies and groups at `index`, separated by commas, "và", "cùng". */
export const agencyListAt = (ctx: ParseContext, index: number, limit: number): AgencyList => {
  const text = ctx.src.text;
  const agencies: ParsedAgency[] = [];
  let group: Range | undefined;
  let position = index;
  let end = index;
  while (position < limit) {
    while (position < limit && /\s/.test(text[position] ?? '')) position += 1;
    const groupRange = groupAt(ctx, position, limit);
    if (groupRange !== undefined) {
      group = groupRange;
      end = groupRange.end;
      break;
    }
    const found = agencyAt(ctx, position, limit);
    if (found === undefined) break;
    agencies.push(found.agency);
    end = found.end;
    SEPARATOR.lastIndex = end;
    const separator = SEPARATOR.exec(text);
    if (separator === null || separator.index + separator[0].length > limit) break;
    position = separator.index + separator[0].length;
  }
  return group === undefined ? { agencies, end } : { agencies, group, end };
};
